package main

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/scoringtest"
	"github.com/shopspring/decimal"
)

// TestPostEvaluatorConformance runs the conformance check every custom
// evaluator should pass: deterministic, no panic on zero Facts, Reasons
// present, grades on the scale, Points exact.
func TestPostEvaluatorConformance(t *testing.T) {
	e := shatangluPolicy()
	// The conformance check's own samples name no post, so the evaluator
	// refuses them all; that is allowed, and checked too. These facts run
	// again under every post category, so that grades are checked, not
	// only refusals.
	yes, no := true, false
	h := time.Hour
	base := []scoring.Facts{
		{Matter: "on time", Responded: true, Resolved: true, Final: true, Response: h, ResponseLimit: 2 * h,
			Resolution: 24 * h, ResolutionLimit: 72 * h, Quality: 5, Satisfied: &yes},
		{Matter: "late", Responded: true, Resolved: true, Final: true, Response: 3 * h, ResponseLimit: 2 * h,
			Resolution: 100 * h, ResolutionLimit: 72 * h, Quality: 3, Satisfied: &no},
		{Matter: "never responded", Response: 30 * h, ResponseLimit: 2 * h, ResolutionLimit: 72 * h},
		{Matter: "returned", Returned: true, Responded: true, Response: h, ResponseLimit: 2 * h},
		{Matter: "no limits", Responded: true, Resolved: true, Response: h, Resolution: h},
		{Matter: "negative", Responded: true, Response: -h, ResponseLimit: -h},
		{Matter: "huge", Responded: true, Resolved: true, Response: math.MaxInt64, ResponseLimit: 1,
			Resolution: 1, ResolutionLimit: math.MaxInt64, Quality: 9},
	}
	var facts []scoring.Facts
	for _, post := range postOrder(e) {
		for _, f := range base {
			f.Attrs = map[string]string{PostAttr: post, "other": "kept"}
			facts = append(facts, f)
		}
	}
	graded := 0
	for _, f := range facts {
		if r, err := e.Evaluate(f); err == nil && !r.IsZero() {
			graded++
		}
	}
	if graded == 0 {
		t.Fatal("no facts were graded; the conformance check would be vacuous")
	}
	if err := scoringtest.TestEvaluator(e, e.Scale, facts...); err != nil {
		t.Error(err)
	}
}

func TestPostEvaluatorPolicy(t *testing.T) {
	if err := shatangluPolicy().Validate(); err != nil {
		t.Errorf("the 2020 policy is invalid: %v", err)
	}
	bad := &PostEvaluator{
		Scale: scoring.Scale{{Code: "excellent", Points: decimal.NewFromInt(100)}},
		Posts: map[string]PostWeights{"执法岗": {
			Response: decimal.RequireFromString("0.5"), Resolution: decimal.RequireFromString("0.6"),
			Quality: decimal.RequireFromString("-0.2"),
		}},
	}
	err := bad.Validate()
	for _, want := range []string{"negative weight -0.2", "weights sum to 0.9, not 1", `no grade "good"`, `no grade "fair"`, `no grade "poor"`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Validate() = %v, want it to report %q", err, want)
		}
	}
}

func TestPostEvaluatorGrades(t *testing.T) {
	yes, no := true, false
	// facts for a 执法岗 task: respond within 2h, resolve within 72h.
	enforce := func(change func(*scoring.Facts)) scoring.Facts {
		f := scoring.Facts{
			Matter: "M1", Subject: "CG01", Evaluator: "STL",
			Responded: true, Response: time.Hour, ResponseLimit: 2 * time.Hour,
			Resolved: true, Resolution: 24 * time.Hour, ResolutionLimit: 72 * time.Hour,
			Quality: 5, Satisfied: &yes,
			Attrs: map[string]string{PostAttr: "执法岗"},
		}
		if change != nil {
			change(&f)
		}
		return f
	}
	tests := []struct {
		name  string
		facts scoring.Facts
		grade string
		score string // the quantitative score in the last reason
	}{
		{"all on time, best quality, satisfied", enforce(nil), "excellent", "量化得分 100.0（权重 0.2/0.4/0.3/0.1）"},
		// 0.2×70 + 0.4×100 + 0.3×80 + 0.1×80 = 86
		{"late response within half again", enforce(func(f *scoring.Facts) {
			f.Response = 3 * time.Hour
			f.Quality = 4
			f.Satisfied = nil
		}), "good", "量化得分 86.0（权重 0.2/0.4/0.3/0.1）"},
		// 1.5× plus a nanosecond is over half again: 0.2×40 + 40 + 30 + 10 = 88
		{"just over half again", enforce(func(f *scoring.Facts) {
			f.Response = 3*time.Hour + 1
		}), "good", "量化得分 88.0（权重 0.2/0.4/0.3/0.1）"},
		// exactly twice the limit still scores 40; resolution never done 0:
		// 0.2×40 + 0 + 0.3×60 + 0.1×0 = 26
		{"twice the limit, unresolved, no quality, dissatisfied", enforce(func(f *scoring.Facts) {
			f.Response = 4 * time.Hour
			f.Resolved, f.Resolution = false, 0
			f.Quality = 0
			f.Satisfied = &no
		}), "poor", "量化得分 26.0（权重 0.2/0.4/0.3/0.1）"},
		// 0.2×100 + 0.4×0 (over twice) + 0.3×100 + 0.1×100 = 60
		{"resolution over twice the limit", enforce(func(f *scoring.Facts) {
			f.Resolution = 144*time.Hour + time.Minute
		}), "fair", "量化得分 60.0（权重 0.2/0.4/0.3/0.1）"},
		// 警务岗 weighs response: 0.5×100 + 0.2×100 + 0.1×60 + 0.2×80 = 92
		{"police post, no limit", enforce(func(f *scoring.Facts) {
			f.Attrs = map[string]string{PostAttr: "警务岗"}
			f.ResponseLimit, f.ResolutionLimit = 0, 0
			f.Quality, f.Satisfied = 0, nil
		}), "excellent", "量化得分 92.0（权重 0.5/0.2/0.1/0.2）"},
		{"returned", enforce(func(f *scoring.Facts) { f.Returned = true }), "poor", "退回派单，直接评为差"},
	}
	scale := wuhu.Scale()
	e := shatangluPolicy()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := e.Evaluate(tt.facts)
			if err != nil {
				t.Fatal(err)
			}
			g, _ := scale.Grade(tt.grade)
			if r.Grade != tt.grade || !r.Points.Equal(g.Points) || r.Policy != e.Policy {
				t.Errorf("Evaluate = %s %s %q, want %s %s %q", r.Grade, r.Points, r.Policy, tt.grade, g.Points, e.Policy)
			}
			if last := r.Reasons[len(r.Reasons)-1].String(); last != tt.score {
				t.Errorf("last reason = %q, want %q", last, tt.score)
			}
		})
	}
}

func TestPostEvaluatorRefuses(t *testing.T) {
	e := shatangluPolicy()
	tests := []struct {
		name  string
		facts scoring.Facts
	}{
		{"zero facts", scoring.Facts{}},
		{"unknown post", scoring.Facts{Attrs: map[string]string{PostAttr: "厨师岗"}}},
		{"negative response", scoring.Facts{Response: -time.Second, Attrs: map[string]string{PostAttr: "执法岗"}}},
		{"quality 6", scoring.Facts{Quality: 6, Attrs: map[string]string{PostAttr: "执法岗"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := e.Evaluate(tt.facts)
			if !errors.Is(err, ErrCannotGrade) {
				t.Errorf("Evaluate error = %v, want ErrCannotGrade", err)
			}
			if diff := cmp.Diff(scoring.Result{}, r); diff != "" {
				t.Errorf("refusal's Result mismatch (-want +got):\n%s", diff)
			}
		})
	}
	var zero PostEvaluator
	if _, err := zero.Evaluate(scoring.Facts{Attrs: map[string]string{PostAttr: "执法岗"}}); !errors.Is(err, ErrCannotGrade) {
		t.Errorf("zero PostEvaluator: error = %v, want ErrCannotGrade", err)
	}
}

// TestPostEvaluatorConcurrent evaluates from several goroutines at once;
// run with -race.
func TestPostEvaluatorConcurrent(t *testing.T) {
	e := shatangluPolicy()
	f := scoring.Facts{
		Matter: "M1", Subject: "PC01", Responded: true, Response: time.Minute, ResponseLimit: 30 * time.Minute,
		Attrs: map[string]string{PostAttr: "警务岗"},
	}
	want, err := e.Evaluate(f)
	if err != nil {
		t.Fatal(err)
	}
	results := make(chan scoring.Result, 8)
	for range 8 {
		go func() {
			r, _ := e.Evaluate(f)
			results <- r
		}()
	}
	for range 8 {
		if diff := cmp.Diff(want, <-results); diff != "" {
			t.Errorf("concurrent Evaluate mismatch (-want +got):\n%s", diff)
		}
	}
}

// FuzzPostEvaluator checks that no facts make Evaluate panic, and that it
// either refuses with the zero Result or grades on the scale with exactly
// the grade's points.
func FuzzPostEvaluator(f *testing.F) {
	f.Add("执法岗", int64(time.Hour), int64(2*time.Hour), int64(24*time.Hour), int64(72*time.Hour), 4, true, false, 1)
	f.Add("警务岗", int64(-1), int64(0), int64(1<<62), int64(1), 0, false, true, 0)
	f.Add("", int64(0), int64(0), int64(0), int64(0), 9, false, false, 2)
	scale := wuhu.Scale()
	e := shatangluPolicy()
	f.Fuzz(func(t *testing.T, post string, resp, respLimit, res, resLimit int64, quality int, resolved, returned bool, sat int) {
		facts := scoring.Facts{
			Responded: resp >= 0, Response: time.Duration(resp), ResponseLimit: time.Duration(respLimit),
			Resolved: resolved, Resolution: time.Duration(res), ResolutionLimit: time.Duration(resLimit),
			Quality: quality, Returned: returned,
			Attrs: map[string]string{PostAttr: post},
		}
		if sat%3 != 0 {
			yes := sat%3 == 1
			facts.Satisfied = &yes
		}
		r, err := e.Evaluate(facts)
		if err != nil {
			if !errors.Is(err, ErrCannotGrade) || !r.IsZero() {
				t.Fatalf("refusal %v with Result %+v", err, r)
			}
			return
		}
		g, ok := scale.Grade(r.Grade)
		if !ok || !r.Points.Equal(g.Points) || len(r.Reasons) == 0 {
			t.Fatalf("Result %+v is not a grade of the scale with reasons", r)
		}
	})
}

// TestPostEvaluatorValidateOrder: Validate reports the posts in the order
// of their names, the same on every run, though Posts is a map.
func TestPostEvaluatorValidateOrder(t *testing.T) {
	half := decimal.RequireFromString("0.5")
	e := shatangluPolicy()
	for _, post := range postOrder(e) {
		e.Posts[post] = PostWeights{Response: half}
	}
	want := "post 执法岗: weights sum to 0.5, not 1\npost 法律服务岗: weights sum to 0.5, not 1\n" +
		"post 监管岗: weights sum to 0.5, not 1\npost 警务岗: weights sum to 0.5, not 1"
	for range 20 {
		if diff := cmp.Diff(want, fmt.Sprint(e.Validate())); diff != "" {
			t.Fatalf("Validate() mismatch (-want +got):\n%s", diff)
		}
	}
}
