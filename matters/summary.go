package matters

import (
	"encoding/json"
	"fmt"

	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/shopspring/decimal"
)

// Summary is the account of a set of matters that a sub-district or a
// hotline publishes: Received, the matters put to the units that answer
// them — whistled by their owner (吹哨), dispatched by their owner
// without a whistle (派单: a hotline's own assignments to a department),
// or reported by a hotline for the sub-district that owns them (the owner
// answers for them to the hotline, whatever it does next);
// Assigned, those of them that their owner dispatched without a whistle
// of its own; Resolved, the received matters now Resolved or Closed
// (办结); ResolutionRate =
// Resolved ÷ Received; Surveyed, the received matters with a Feedback
// answer (回访); Satisfied, those whose latest answer is yes;
// SatisfactionRate = Satisfied ÷ Surveyed; Urged and Supervised, the
// received matters urged (催办) and supervised (督办) at least once. Rates
// are exact decimals rounded half-up to 4 places, zero when the divisor is
// zero. The zero Summary is the summary of no matters.
//
// In JSON the rates are decimal strings in their shortest exact form (such
// as "0.8298" or "0.5"), whatever decimal's package settings.
type Summary struct {
	Received         int             `json:"received"`
	Assigned         int             `json:"assigned"`
	Resolved         int             `json:"resolved"`
	ResolutionRate   decimal.Decimal `json:"resolutionRate"`
	Surveyed         int             `json:"surveyed"`
	Satisfied        int             `json:"satisfied"`
	SatisfactionRate decimal.Decimal `json:"satisfactionRate"`
	Urged            int             `json:"urged"`
	Supervised       int             `json:"supervised"`
}

// Summarize counts the matters (nil entries are skipped) as [Summary]
// describes: a matter counts as received when its history has a Whistle
// or a Dispatch, or a Report for another unit (a hotline's for the owning
// sub-district), so a matter its owner reported and closed without either
// is not counted at all, a hotline's matter assigned to a department
// counts as one whistled does, and one a hotline reported for a
// sub-district counts even if the sub-district closed it without a
// whistle: an owner does not take a hotline's matter, and its citizen's
// answer, out of the account by closing it at once. It is exact and never
// fails; 746 received and 619 resolved give a resolution rate of 0.8298.
func Summarize(ms []*Matter) Summary {
	var s Summary
	for _, m := range ms {
		if m == nil {
			continue
		}
		var whistled, dispatched, urged, supervised, forOwner bool
		var answer *bool
		for i := range m.Events {
			switch e := &m.Events[i]; e.Kind {
			case Report:
				forOwner = len(e.Units) == 1 && e.Units[0] != e.Actor
			case Whistle:
				// A whistle of an earlier owner, which handed the
				// matter back to its hotline, went with it.
				whistled = whistled || e.Actor == m.Owner
			case Dispatch:
				dispatched = true
			case Urge:
				urged = true
			case Supervise:
				supervised = true
			case Feedback:
				if e.Satisfied != nil {
					answer = e.Satisfied
				}
			}
		}
		if !whistled && !dispatched && !forOwner {
			continue
		}
		s.Received++
		if dispatched && !whistled {
			s.Assigned++
		}
		if urged {
			s.Urged++
		}
		if supervised {
			s.Supervised++
		}
		if m.State == Resolved || m.State == Closed {
			s.Resolved++
		}
		if answer != nil {
			s.Surveyed++
			if *answer {
				s.Satisfied++
			}
		}
	}
	s.ResolutionRate = rate(s.Resolved, s.Received)
	s.SatisfactionRate = rate(s.Satisfied, s.Surveyed)
	return s
}

// rate returns part ÷ whole rounded half-up to 4 decimal places, computed
// exactly; zero when whole is not positive.
func rate(part, whole int) decimal.Decimal {
	if whole <= 0 {
		return decimal.New(0, -4)
	}
	return decimal.NewFromInt(int64(part)).DivRound(decimal.NewFromInt(int64(whole)), 4)
}

// summaryFields has the fields of a Summary and none of its methods.
type summaryFields Summary

// summaryJSON is the JSON form of a Summary: the rates as decimal strings.
type summaryJSON struct {
	summaryFields
	ResolutionRate   jsonx.Decimal `json:"resolutionRate"`
	SatisfactionRate jsonx.Decimal `json:"satisfactionRate"`
}

// MarshalJSON writes the rates as decimal strings in their shortest exact
// form ("0.8298", "0.5", "1").
func (s Summary) MarshalJSON() ([]byte, error) {
	return json.Marshal(summaryJSON{summaryFields: summaryFields(s),
		ResolutionRate: jsonx.Decimal(s.ResolutionRate), SatisfactionRate: jsonx.Decimal(s.SatisfactionRate)})
}

// UnmarshalJSON reads what MarshalJSON writes; a rate may also be a bare
// JSON number. A field Summary does not have is an error, and so are figures
// that [Summarize] never gives: a negative count; Assigned, Resolved,
// Surveyed, Urged or Supervised above Received; Satisfied above Surveyed; a
// rate that is not its count ÷ its divisor rounded half-up to 4 places (0
// when the divisor is 0). Each error wraps [ErrInvalid] and names the
// figure. It is read within the bounds of the library's decoders: a string
// longer than 4 MiB, a number longer than 64 characters and nesting deeper
// than 64 are errors.
func (s *Summary) UnmarshalJSON(b []byte) error { return unmarshal[summaryJSON]("summary", b, s) }

// check returns an error naming the first figure of s that [Summarize]
// never gives; nil if there is none.
func (s Summary) check() error {
	for _, c := range []struct {
		name  string
		n     int
		whole string // the figure n may not exceed; none for received
		of    int
	}{
		{"received", s.Received, "", 0},
		{"assigned", s.Assigned, "received", s.Received},
		{"resolved", s.Resolved, "received", s.Received},
		{"surveyed", s.Surveyed, "received", s.Received},
		{"satisfied", s.Satisfied, "surveyed", s.Surveyed},
		{"urged", s.Urged, "received", s.Received},
		{"supervised", s.Supervised, "received", s.Received},
	} {
		switch {
		case c.n < 0:
			return fmt.Errorf("%s %d is negative", c.name, c.n)
		case c.whole != "" && c.n > c.of:
			return fmt.Errorf("%s %d is more than %s %d", c.name, c.n, c.whole, c.of)
		}
	}
	for _, r := range []struct {
		name, part, whole string
		got               decimal.Decimal
		n, of             int
	}{
		{"resolutionRate", "resolved", "received", s.ResolutionRate, s.Resolved, s.Received},
		{"satisfactionRate", "satisfied", "surveyed", s.SatisfactionRate, s.Satisfied, s.Surveyed},
	} {
		if want := rate(r.n, r.of); !r.got.Equal(want) {
			return fmt.Errorf("%s %s is not %s %d ÷ %s %d, %s", r.name, jsonx.FormatDecimal(r.got), r.part, r.n, r.whole, r.of, jsonx.FormatDecimal(want))
		}
	}
	return nil
}

// decoded is the Summary that j, its JSON form, decodes to.
func (j summaryJSON) decoded() Summary {
	s := Summary(j.summaryFields)
	s.ResolutionRate, s.SatisfactionRate = decimal.Decimal(j.ResolutionRate), decimal.Decimal(j.SatisfactionRate)
	return s
}
