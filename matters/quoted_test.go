package matters_test

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/qingdan/qingdan/matters"
)

// TestApplyQuotesUnits: an event refused for a unit it names, or for its
// actor, quotes the unit, as the rest of the refusal (the matter's owner,
// lead and supervisor) does; a long name is cut, not repeated whole.
func TestApplyQuotesUnits(t *testing.T) {
	supervised := func() []matters.Event {
		e := ev(matters.Report, owner)
		e.Supervisor = supervisor
		return []matters.Event{e, ev(matters.Whistle, owner)}
	}()
	for _, c := range []struct {
		name  string
		prior []matters.Event
		e     matters.Event
		want  string
	}{
		{"dispatched twice", hWhistled, ev(matters.Dispatch, owner, lead, lead), `unit "区城管局" is dispatched twice`},
		{"dispatched to the owner", hWhistled, ev(matters.Dispatch, owner, owner), `units[0] "赭山街道" is the matter's owner or platform`},
		{"dispatched to the supervisor", supervised, ev(matters.Dispatch, owner, supervisor), `units[0] "区委督查室" is the matter's supervisor`},
		{"accepted twice", hAccepted, ev(matters.Accept, lead), `"区城管局" already accepted at seq 4`},
		{"a request waits", append(slices.Clone(hAccepted), ev(matters.Suspend, lead)), ev(matters.Extend, lead),
			`the suspend asked at seq 5 by "区城管局"`},
		{"urged twice", hAccepted, ev(matters.Urge, owner, lead, lead), `unit "区城管局" is named twice`},
		{"urging its actor", hAccepted, ev(matters.Urge, owner, owner), `units[0] "赭山街道" is the urge's actor`},
		{"urging a unit off the matter", hAccepted, ev(matters.Urge, owner, outside), `units[0] "区教育局" is not on the matter`},
		{"a long unit", hAccepted, ev(matters.Urge, owner, long), "units[0] " + cut(long) + " is not on the matter"},
	} {
		t.Run(c.name, func(t *testing.T) {
			m, e := after(t, c.prior, c.e)
			err := m.Apply(e)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("Apply = %.300v, want an error saying %q", err, c.want)
			}
		})
	}
}

// TestRefusalStaysShort: a refusal names the event's matter and actor and
// the matter's owner, platform, lead, support units and supervisor, each
// cut as a unit is, and at most eight support units, so that a matter of
// long names or many units gives a message of a few hundred bytes, not
// one that repeats them all.
func TestRefusalStaysShort(t *testing.T) {
	long := strings.Repeat("长", 1000) // 3,000 bytes, a name Apply takes
	cut := func(s string) string {    // s as errtext.Quote cuts it, s being long and more
		return `"` + strings.Repeat("长", 21) + `"… (` + strconv.Itoa(len(s)) + ` bytes)`
	}
	units := []string{lead}
	for i := range 20 {
		units = append(units, long+strconv.Itoa(i))
	}
	id, platform, supervisedBy, outsider := long+"事", long+"热线", long+"督", long+"外"
	report := ev(matters.Report, platform, long) // a platform's matter, whose owner is long
	report.Supervisor = supervisedBy
	events := number(report, ev(matters.Whistle, long), ev(matters.Dispatch, long, units...), ev(matters.Accept, outsider))
	for i := range events {
		events[i].Matter = id
	}
	m, err := matters.Replay(events[:3])
	if err != nil {
		t.Fatalf("Replay = %.300v", err)
	}
	err = m.Apply(events[3])
	if !errors.Is(err, matters.ErrActor) {
		t.Fatalf("Apply by an outsider = %.300v, want ErrActor", err)
	}
	msg := err.Error()
	for _, want := range []string{"matter " + cut(id), "by " + cut(outsider), "owner " + cut(long), "platform " + cut(platform),
		`lead "` + lead + `"`, "support [" + cut(units[1]) + " ", "and 12 more]", "supervisor " + cut(supervisedBy)} {
		if !strings.Contains(msg, want) {
			t.Errorf("Apply by an outsider = %.600s…, want it to say %q", msg, want)
		}
	}
	if len(msg) > 2000 {
		t.Errorf("Apply by an outsider gave a message of %d bytes, want at most 2,000: %.600s…", len(msg), msg)
	}
}

// long is a name of 3,000 bytes, which Apply takes.
var long = strings.Repeat("长", 1000)

// cut is s, long and more, as a refusal quotes it (errtext.Quote): its
// first 64 bytes (21 characters of long), and its length.
func cut(s string) string {
	return `"` + strings.Repeat("长", 21) + `"… (` + strconv.Itoa(len(s)) + ` bytes)`
}
