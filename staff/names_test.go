package staff_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/staff"
	"github.com/shopspring/decimal"
)

// TestNamesWrittenOneWay: a person, a category, a candidate or a post
// written with white space at an end or an invisible character would be
// one apart from the same written plainly — "张三 " appraised beside 张三,
// "C1\u200b" a second application of C1 taking a second place of the
// quota — so Appraise and Select refuse it, naming it, wrapping
// ErrInvalid.
func TestNamesWrittenOneWay(t *testing.T) {
	a := func(code string) *staff.Appraisal {
		return &staff.Appraisal{
			Categories: []staff.PostCategory{{Code: code, Weights: assessment.Weights{"a": d("1")}}},
			Scale:      scoring.Scale{{Code: "优秀", Points: d("90")}, {Code: "称职", Points: d("0")}},
		}
	}
	score := func(person, category string) staff.Score {
		return staff.Score{Person: person, Category: category, Scores: map[string]decimal.Decimal{"a": d("80")}}
	}
	w := assessment.Weights{staff.CompetitionPart: d("1")}
	for _, tt := range []struct {
		name string
		run  func() error
		want string
	}{
		{"person with a space", func() error {
			_, err := a("grid").Appraise([]staff.Score{score("张三", "grid"), score("张三 ", "grid")})
			return err
		}, `person "张三 " in category "grid" has white space at an end`},
		{"person with a zero-width space", func() error {
			_, err := a("grid").Appraise([]staff.Score{score("张\u200b三", "grid")})
			return err
		}, `person "张\u200b三" in category "grid" has white space at an end`},
		{"category", func() error {
			_, err := a("grid\t").Appraise([]staff.Score{score("张三", "grid\t")})
			return err
		}, `category "grid\t" has white space at an end`},
		{"candidate", func() error {
			_, err := staff.Select([]staff.Candidate{{ID: "C1", Post: "城管"}, {ID: "C1\u200b", Post: "城管"}}, w, map[string]int{"城管": 1})
			return err
		}, `candidate "C1\u200b" has white space at an end`},
		{"post", func() error {
			_, err := staff.Select([]staff.Candidate{{ID: "C1", Post: "城管 "}}, w, map[string]int{"城管 ": 1, "城管": 1})
			return err
		}, `post "城管 " has white space at an end`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.run()
			if !errors.Is(err, staff.ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one wrapping ErrInvalid with %q", err, tt.want)
			}
		})
	}
}
