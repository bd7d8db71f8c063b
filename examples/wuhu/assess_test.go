package main

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/qingdan/qingdan/matters"
)

// TestCountSuspensionsByMatter: the report prints 挂起 and 延期 in 件, so a
// matter suspended, or extended, twice counts once; denials are counted
// in 次, each.
func TestCountSuspensionsByMatter(t *testing.T) {
	m := &matters.Matter{ID: "M1", Events: []matters.Event{
		{Kind: matters.Report},
		{Kind: matters.Dispatch, Units: []string{"CGJ"}},
		{Kind: matters.Suspend},
		{Kind: matters.Approve, Ref: 3},
		{Kind: matters.Resume},
		{Kind: matters.Suspend},
		{Kind: matters.Approve, Ref: 6},
		{Kind: matters.Extend},
		{Kind: matters.Approve, Ref: 8},
		{Kind: matters.Extend},
		{Kind: matters.Approve, Ref: 10},
		{Kind: matters.Extend},
		{Kind: matters.Deny, Ref: 12},
		{Kind: matters.Suspend},
		{Kind: matters.Deny, Ref: 14},
	}}
	var g graded
	if err := g.count(m, &plan{}, nil); err != nil {
		t.Fatal(err)
	}
	want := figures{Suspended: 1, Extended: 1, Denied: 2, SuspendDenied: 1, ExtendDenied: 1}
	if diff := cmp.Diff(want, g.figures); diff != "" {
		t.Errorf("figures mismatch (-want +got):\n%s", diff)
	}
}
