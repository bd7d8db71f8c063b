package grading_test

// Hardening: every exported function and method of package grading,
// called with zero values, empty and hostile histories and out-of-range
// arguments, returns an error or a sound result and never panics (a nil
// calendar or matter, or a Config without catalog or evaluator, is
// misuse: TestNewPanics). TestHardening keeps the rows complete.

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/qingdan/qingdan/grading"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
)

func TestHardening(t *testing.T) {
	hostile := []*matters.Matter{
		{},
		{ID: hardening.BadUTF8, State: matters.Closed, Lead: "D1"},
		{ID: "M", Events: []matters.Event{{}}},
		{ID: "M", Events: []matters.Event{{Kind: matters.Close, Actor: "S1", Seq: 1, Matter: "M"}}},
		randomMatter(rand.New(rand.NewPCG(3, 4)), 60),
	}
	afters := []int{math.MinInt, -1, 0, 1, math.MaxInt}
	grade := func(c *hardening.Caller, name string, g grading.Grader) {
		for i, m := range hostile {
			for _, after := range afters {
				desc := fmt.Sprintf("%s.Grade(cal, matter %d, %d)", name, i, after)
				c.Call(desc, func() {
					gs, err := g.Grade(workday.China(), m, after)
					if (after < 0 || after > len(m.Events)) && err == nil {
						c.Fail(desc, "no error for events out of range")
					}
					if err != nil && gs != nil {
						c.Fail(desc, "grades %v with the error %v", gs, err)
					}
				})
			}
		}
	}
	hardening.Test(t, []hardening.Row{
		{Name: "grading.New", Run: func(c *hardening.Caller) { grade(c, "New(…)", grader()) }},
		{Name: "grading.Func.Grade", Run: func(c *hardening.Caller) {
			std := grader()
			grade(c, "Func", grading.Func(std.Grade))
		}},
	})
}
