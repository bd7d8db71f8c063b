package journal_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/journal"
)

// TestKindCodes pins the codes and labels: the codes are written into every
// journal line, so changing one would change every hash.
func TestKindCodes(t *testing.T) {
	type row struct {
		Kind          journal.Kind
		String, Label string
		Text          string
		TextErr       bool
	}
	var got []row
	for _, k := range []journal.Kind{-1, 0, journal.KindEvent, journal.KindEvaluation, journal.KindAmendment, 4, 99} {
		b, err := k.MarshalText()
		got = append(got, row{k, k.String(), k.Label(), string(b), err != nil})
		if err != nil && !errors.Is(err, journal.ErrInvalid) {
			t.Errorf("Kind(%d).MarshalText() = %v, want an error wrapping ErrInvalid", int(k), err)
		}
	}
	want := []row{
		{-1, "Kind(-1)", "Kind(-1)", "", true},
		{0, "Kind(0)", "Kind(0)", "", false}, // not set: omitted or "" in JSON
		{journal.KindEvent, "event", "事件", "event", false},
		{journal.KindEvaluation, "evaluation", "评价", "evaluation", false},
		{journal.KindAmendment, "amendment", "更正", "amendment", false},
		{4, "Kind(4)", "Kind(4)", "", true},
		{99, "Kind(99)", "Kind(99)", "", true},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}

func TestParseKind(t *testing.T) {
	tests := []struct {
		in   string
		want journal.Kind
		ok   bool
	}{
		{"event", journal.KindEvent, true},
		{"事件", journal.KindEvent, true},
		{"evaluation", journal.KindEvaluation, true},
		{" 评价\t", journal.KindEvaluation, true},
		{"amendment", journal.KindAmendment, true},
		{"更正", journal.KindAmendment, true},
		{"", 0, false},
		{" ", 0, false},
		{"Event", 0, false},
		{"grade", 0, false},
		{"Kind(1)", 0, false},
		{"1", 0, false},
		{strings.Repeat("事", 100), 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := journal.ParseKind(tt.in)
			if got != tt.want || (err == nil) != tt.ok {
				t.Fatalf("ParseKind(%q) = %v, %v; want %v (ok %v)", tt.in, got, err, tt.want, tt.ok)
			}
			var text journal.Kind
			terr := text.UnmarshalText([]byte(tt.in))
			if tt.ok {
				if terr != nil || text != tt.want {
					t.Errorf("UnmarshalText(%q) = %v, %v", tt.in, text, terr)
				}
				return
			}
			if !errors.Is(err, journal.ErrInvalid) || !strings.Contains(err.Error(), "unknown entry kind") {
				t.Errorf("ParseKind(%q) error = %v, want an unknown entry kind wrapping ErrInvalid", tt.in, err)
			}
			if tt.in != "" && !errors.Is(terr, journal.ErrInvalid) {
				t.Errorf("UnmarshalText(%q) error = %v, want ErrInvalid", tt.in, terr)
			}
		})
	}
	var k journal.Kind = journal.KindEvent
	if err := k.UnmarshalText(nil); err != nil || k != 0 {
		t.Errorf("UnmarshalText(empty) = %v, %v; want the zero Kind", k, err)
	}
}
