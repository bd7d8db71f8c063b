package canon

import (
	"errors"
	"math/big"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/shopspring/decimal"
)

// TestNoFormIsAnError checks the values that have no canonical form.
func TestNoFormIsAnError(t *testing.T) {
	at := time.Date(2020, 6, 1, 0, 0, 0, 0, time.UTC)
	big := decimal.RequireFromString("1." + strings.Repeat("1", 63))
	for _, v := range []any{
		matters.Event{Matter: "\xff", At: at},
		matters.Event{Matter: "M", At: at, Kind: matters.Kind(99)},
		matters.Event{Matter: "M", At: at, Units: []string{"ok", "b\xc0d"}},
		matters.Event{Matter: "M", At: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)},
		matters.Event{Matter: "M", At: time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC)},
		scoring.Evaluation{Matter: "M", At: at, Result: scoring.Result{Points: big}},
		scoring.Amendment{Evaluation: scoring.Evaluation{Matter: "M", At: at}, Reason: "\xed\xa0\x80"},
		// An amendment names its author and its reason.
		scoring.Amendment{Evaluation: scoring.Evaluation{Matter: "M", At: at}, Reason: "r"},
		scoring.Amendment{Evaluation: scoring.Evaluation{Matter: "M", At: at}, Author: "a"},
		// Reasons the decoder refuses: a rule below 0, places outside 0 to
		// reason.MaxPlaces, more than reason.MaxList checks or figures.
		scoring.Evaluation{Matter: "M", At: at, Result: scoring.Result{Reasons: []reason.Reason{{Rule: -1}}}},
		scoring.Evaluation{Matter: "M", At: at, Result: scoring.Result{Reasons: []reason.Reason{{Rule: 1, Figures: []reason.Figure{{Of: reason.Response, Places: reason.MaxPlaces + 1}}}}}},
		scoring.Evaluation{Matter: "M", At: at, Result: scoring.Result{Reasons: []reason.Reason{{Rule: 1, Figures: []reason.Figure{{Of: reason.Response, Places: -1}}}}}},
		scoring.Evaluation{Matter: "M", At: at, Result: scoring.Result{Reasons: []reason.Reason{{Rule: 1, Figures: slices.Repeat([]reason.Figure{{Of: reason.Urged, Value: 1}}, reason.MaxList+1)}}}},
		scoring.Evaluation{Matter: "M", At: at, Result: scoring.Result{Reasons: []reason.Reason{{Rule: 1, Checks: slices.Repeat([]reason.Check{{Of: reason.Urged, Op: reason.AtMost}}, reason.MaxList+1)}}}},
	} {
		if b, err := encode(v); err == nil {
			t.Errorf("%#v: encoded as %s; want an error", v, b)
		}
	}
}

// TestNoFormNamesTheMember: the error for a value with no canonical form
// names the member and says why once, and a decimal too long to write is
// refused before it is written, as quickly for four million digits as
// for 65.
func TestNoFormNamesTheMember(t *testing.T) {
	at := time.Date(2020, 6, 1, 0, 0, 0, 0, time.UTC)
	huge := new(big.Int).Exp(big.NewInt(10), big.NewInt(4_000_000), nil)
	for _, c := range []struct {
		name string
		v    any
		want string
	}{
		{"65 digits", scoring.Evaluation{Matter: "M", At: at, Result: scoring.Result{Points: decimal.RequireFromString("1." + strings.Repeat("1", 63))}}, "result.points: decimal of more than 64 characters: no canonical form"},
		{"four million digits", scoring.Evaluation{Matter: "M", At: at, Result: scoring.Result{Points: decimal.NewFromBigInt(huge, 1)}}, "result.points: decimal of more than 64 characters: no canonical form"},
		{"four million digits after the point", scoring.Evaluation{Matter: "M", At: at, Result: scoring.Result{Points: decimal.NewFromBigInt(huge.Add(huge, big.NewInt(1)), -4_000_000)}}, "result.points: decimal of more than 64 characters: no canonical form"},
		{"text", matters.Event{Matter: "\xff", At: at}, "matter: text is not valid UTF-8: no canonical form"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var err error
			took := hardening.Took(func() { _, err = encode(c.v) })
			if err == nil || err.Error() != c.want || !errors.Is(err, errNoForm) {
				t.Errorf("error %v, want %q wrapping errNoForm", err, c.want)
			}
			if took > hardening.Budget(50*time.Millisecond) {
				t.Errorf("took %s to refuse", took)
			}
		})
	}
}
