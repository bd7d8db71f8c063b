package matters_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/qingdan/qingdan/matters"
)

// TestApplyPressedUnits: an Urge or a Supervise may name in Units the
// units it presses — each on the matter (its lead or a support unit still
// on it, or the owner of a platform's matter), once, and not its actor —
// and none presses every unit on the matter, as before. Units had no
// meaning on them and any were taken; a unit off the matter, or no unit,
// is refused now, naming the unit at fault.
func TestApplyPressedUnits(t *testing.T) {
	platform := []matters.Event{ev(matters.Report, hotline, owner), ev(matters.Whistle, owner)}
	dispatched := slices.Concat(platform, []matters.Event{ev(matters.Dispatch, owner, lead, sup1), ev(matters.Accept, lead)})
	resolved := append(slices.Clone(dispatched), ev(matters.Resolve, lead))
	supportReturned := slices.Concat(dispatched, approved(matters.Return, sup1))
	leadReturned := slices.Concat(dispatched, approved(matters.Return, lead))
	tests := []struct {
		name  string
		prior []matters.Event
		e     matters.Event
		want  error  // nil: applied
		names string // the unit the refusal names
	}{
		{"the hotline urges the owner alone", dispatched, ev(matters.Urge, hotline, owner), nil, ""},
		{"the hotline urges the lead", dispatched, ev(matters.Urge, hotline, lead), nil, ""},
		{"the hotline urges the owner before its dispatch", platform, ev(matters.Urge, hotline, owner), nil, ""},
		{"the owner urges its lead and a support unit", dispatched, ev(matters.Urge, owner, lead, sup1), nil, ""},
		{"the supervisor supervises the owner alone", dispatched, ev(matters.Supervise, outside, owner), nil, ""},
		{"the supervisor supervises the owner of a resolved matter and its lead", resolved, ev(matters.Supervise, outside, owner, lead), nil, ""},
		{"the supervisor supervises the owner of a whistled matter", platform, ev(matters.Supervise, outside, owner), nil, ""},
		{"the owner urges itself", dispatched, ev(matters.Urge, owner, owner), matters.ErrInvalid, owner},
		{"the hotline urges itself", dispatched, ev(matters.Urge, hotline, hotline), matters.ErrInvalid, hotline},
		{"an urging of an empty unit", dispatched, ev(matters.Urge, hotline, owner, ""), matters.ErrInvalid, "units[1]"},
		{"an urging of the lead twice", dispatched, ev(matters.Urge, owner, lead, lead), matters.ErrInvalid, lead},
		{"an urging of a unit with no part in the matter", dispatched, ev(matters.Urge, owner, outside), matters.ErrInvalid, outside},
		{"a supervision of the platform", dispatched, ev(matters.Supervise, outside, hotline), matters.ErrInvalid, hotline},
		{"a supervision of a support unit whose return was approved", supportReturned, ev(matters.Supervise, outside, sup1), matters.ErrInvalid, sup1},
		{"an urging of the lead whose return was approved", leadReturned, ev(matters.Urge, hotline, lead), matters.ErrInvalid, lead},
		{"a supervision of the owner of a matter with no platform", hAccepted, ev(matters.Supervise, outside, owner), matters.ErrInvalid, owner},
		{"a supervision of a unit not dispatched to", hAccepted, ev(matters.Supervise, outside, sup1, outside), matters.ErrInvalid, outside},
		// precedence: state before actor before payload
		{"an urging by the lead of a unit off the matter is an actor error", dispatched, ev(matters.Urge, lead, outside), matters.ErrActor, ""},
		{"an urging of a resolved matter naming no one on it is a transition error", resolved, ev(matters.Urge, owner, outside), matters.ErrTransition, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, e := after(t, tt.prior, tt.e)
			before := snapshot(m)
			err := m.Apply(e)
			switch {
			case tt.want == nil && err != nil:
				t.Fatalf("Apply(%s by %s of %q) = %v, want nil", e.Kind, e.Actor, e.Units, err)
			case tt.want == nil:
				if got := m.Events[len(m.Events)-1].Units; !slices.Equal(got, e.Units) {
					t.Errorf("units kept %q, want %q", got, e.Units)
				}
				return
			case !errors.Is(err, tt.want):
				t.Fatalf("Apply(%s by %s of %q) = %v, want %v", e.Kind, e.Actor, e.Units, err, tt.want)
			case !strings.Contains(err.Error(), tt.names):
				t.Errorf("error %q does not name %q", err, tt.names)
			}
			sameMatter(t, "matter after a rejected event", before, m)
		})
	}
}

// TestEventPresses: an Urge or a Supervise presses the units it names,
// every unit when it names none; no other kind presses anyone.
func TestEventPresses(t *testing.T) {
	tests := []struct {
		e    matters.Event
		unit string
		want bool
	}{
		{ev(matters.Urge, hotline), owner, true},
		{ev(matters.Urge, hotline, owner), owner, true},
		{ev(matters.Urge, hotline, owner), lead, false},
		{ev(matters.Supervise, outside, lead, sup1), sup1, true},
		{ev(matters.Supervise, outside, lead, sup1), owner, false},
		{ev(matters.Supervise, outside), "", true},
		{ev(matters.Dispatch, owner, lead), lead, false},
		{ev(matters.Accept, lead), lead, false},
	}
	for _, tt := range tests {
		if got := tt.e.Presses(tt.unit); got != tt.want {
			t.Errorf("%s by %s of %q .Presses(%q) = %v, want %v", tt.e.Kind, tt.e.Actor, tt.e.Units, tt.unit, got, tt.want)
		}
	}
}
