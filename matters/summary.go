package matters

import (
	"encoding/json"
	"fmt"

	"github.com/shopspring/decimal"
)

// Summary is the account of a set of matters that a sub-district
// publishes: Received, the matters whistled; Resolved, those of them now
// Resolved or Closed (办结); ResolutionRate = Resolved ÷ Received; Surveyed,
// the whistled matters with a Feedback answer (回访); Satisfied, those
// whose latest answer is yes; SatisfactionRate = Satisfied ÷ Surveyed.
// Rates are exact decimals rounded half-up to 4 places, zero when the
// divisor is zero. The zero Summary is the summary of no matters.
//
// In JSON the rates are strings with exactly their digits (such as
// "0.8298"), whatever decimal's package settings.
type Summary struct {
	Received         int             `json:"received"`
	Resolved         int             `json:"resolved"`
	ResolutionRate   decimal.Decimal `json:"resolutionRate"`
	Surveyed         int             `json:"surveyed"`
	Satisfied        int             `json:"satisfied"`
	SatisfactionRate decimal.Decimal `json:"satisfactionRate"`
}

// Summarize counts the matters (nil entries are skipped) as [Summary]
// describes: a matter counts as received when its history has a Whistle,
// so a matter the owner closed without a whistle is not counted at all.
// It is exact and never fails; 746 received and 619 resolved give a
// resolution rate of 0.8298.
func Summarize(ms []*Matter) Summary {
	var s Summary
	for _, m := range ms {
		if m == nil {
			continue
		}
		whistled := false
		var answer *bool
		for i := range m.Events {
			switch e := &m.Events[i]; e.Kind {
			case Whistle:
				whistled = true
			case Feedback:
				if e.Satisfied != nil {
					answer = e.Satisfied
				}
			}
		}
		if !whistled {
			continue
		}
		s.Received++
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
	s.ResolutionRate = Rate(s.Resolved, s.Received)
	s.SatisfactionRate = Rate(s.Satisfied, s.Surveyed)
	return s
}

// Rate returns part ÷ whole rounded half-up to 4 decimal places, computed
// exactly; zero when whole is not positive.
func Rate(part, whole int) decimal.Decimal {
	if whole <= 0 {
		return decimal.New(0, -4)
	}
	return decimal.NewFromInt(int64(part)).DivRound(decimal.NewFromInt(int64(whole)), 4)
}

// exactString returns d with all its digits, independent of decimal's
// package settings.
func exactString(d decimal.Decimal) string {
	places := -d.Exponent()
	if places < 0 {
		places = 0
	}
	return d.StringFixed(places)
}

type summaryJSON struct {
	Received         int    `json:"received"`
	Resolved         int    `json:"resolved"`
	ResolutionRate   string `json:"resolutionRate"`
	Surveyed         int    `json:"surveyed"`
	Satisfied        int    `json:"satisfied"`
	SatisfactionRate string `json:"satisfactionRate"`
}

// MarshalJSON writes the rates as exact decimal strings.
func (s Summary) MarshalJSON() ([]byte, error) {
	return json.Marshal(summaryJSON{s.Received, s.Resolved, exactString(s.ResolutionRate), s.Surveyed, s.Satisfied, exactString(s.SatisfactionRate)})
}

// UnmarshalJSON reads the rates from decimal strings.
func (s *Summary) UnmarshalJSON(b []byte) error {
	var j summaryJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	res, err := parseRate("resolutionRate", j.ResolutionRate)
	if err != nil {
		return err
	}
	sat, err := parseRate("satisfactionRate", j.SatisfactionRate)
	if err != nil {
		return err
	}
	*s = Summary{j.Received, j.Resolved, res, j.Surveyed, j.Satisfied, sat}
	return nil
}

func parseRate(field, v string) (decimal.Decimal, error) {
	if v == "" {
		return decimal.Decimal{}, nil
	}
	d, err := decimal.NewFromString(v)
	if err != nil {
		return decimal.Decimal{}, fmt.Errorf("matters: summary %s %q: %v: %w", field, v, err, ErrInvalid)
	}
	return d, nil
}
