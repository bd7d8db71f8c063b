package grading_test

import (
	"math/rand/v2"
	"testing"
)

// FuzzGrade walks the lifecycle at random from the fuzzer's seed and
// steps: whatever the history, grading it never panics, event by event
// gives what the whole history gives, and a book takes every grade.
func FuzzGrade(f *testing.F) {
	f.Add(uint64(1), uint64(2), uint8(30))
	f.Add(uint64(7), uint64(0), uint8(80))
	f.Add(uint64(0), uint64(0), uint8(0))
	g := grader()
	f.Fuzz(func(t *testing.T, hi, lo uint64, steps uint8) {
		m := randomMatter(rand.New(rand.NewPCG(hi, lo)), int(steps))
		checkEventByEvent(t, g, m)
		all, err := g.Grade(cal, m, 0)
		if err != nil {
			t.Fatal(err)
		}
		checkGrades(t, m, all)
	})
}
