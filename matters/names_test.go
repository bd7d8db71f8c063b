package matters_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/qingdan/qingdan/matters"
)

// TestNamesOneWay: a matter, actor, unit or supervisor whose name has white
// space at an end or a control or invisible character is refused, naming
// the field and the name, as a book refuses it in every evaluation: else
// the matter would be graded by, or for, a body no book can record, and
// "区城管局\u200b" would be pressed and graded apart from 区城管局. Spaces
// inside a name are no fault.
func TestNamesOneWay(t *testing.T) {
	reported := []matters.Event{ev(matters.Report, owner)}
	whistled := []matters.Event{ev(matters.Report, owner), ev(matters.Whistle, owner)}
	of := func(e matters.Event, id string) matters.Event { e.Matter = id; return e }
	supervised := func(by string) matters.Event { e := ev(matters.Report, owner); e.Supervisor = by; return e }
	for _, bad := range []string{owner + " ", " " + owner, owner + "　", "赭山\u200b街道", owner + "\t", "赭山\x00街道", "\ufeff" + owner} {
		for _, tt := range []struct {
			name  string
			prior []matters.Event
			e     func(m *matters.Matter) matters.Event
			field string
		}{
			{"a report by it", nil, func(m *matters.Matter) matters.Event { return next(m, ev(matters.Report, bad)) }, "actor"},
			{"a report of a matter so named", nil, func(m *matters.Matter) matters.Event { return of(next(m, ev(matters.Report, owner)), bad) }, "matter"},
			{"a report naming it supervisor", nil, func(m *matters.Matter) matters.Event { return next(m, supervised(bad)) }, "supervisor"},
			{"a dispatch to it as lead", whistled, func(m *matters.Matter) matters.Event { return next(m, ev(matters.Dispatch, owner, bad)) }, "units[0]"},
			{"a dispatch to it as support", whistled, func(m *matters.Matter) matters.Event {
				return next(m, ev(matters.Dispatch, owner, lead, bad))
			}, "units[1]"},
			{"a whistle by it", reported, func(m *matters.Matter) matters.Event { return next(m, ev(matters.Whistle, bad)) }, "actor"},
		} {
			t.Run(fmt.Sprintf("%s %q", tt.name, bad), func(t *testing.T) {
				m := &matters.Matter{}
				if len(tt.prior) > 0 {
					m = build(t, tt.prior...)
				}
				before := snapshot(m)
				err := m.Apply(tt.e(m))
				want := fmt.Sprintf("%s %q has white space at an end, or a control or invisible character", tt.field, bad)
				if !errors.Is(err, matters.ErrInvalid) || !strings.Contains(fmt.Sprint(err), want) {
					t.Errorf("Apply: %v; want ErrInvalid saying %s", err, want)
				}
				sameMatter(t, "matter after the refused event", before, m)
			})
		}
	}
	m := build(t, ev(matters.Report, "赭山 街道"), ev(matters.Whistle, "赭山 街道"), ev(matters.Dispatch, "赭山 街道", "区 城管局", "Market Supervision Bureau"))
	if got := m.Support; len(got) != 1 || got[0] != "Market Supervision Bureau" {
		t.Errorf("support %q after a dispatch with spaces inside its names", got)
	}
}
