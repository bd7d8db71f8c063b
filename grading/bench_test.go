package grading_test

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/qingdan/qingdan/grading"
	"github.com/qingdan/qingdan/matters"
)

// BenchmarkGrade grades random matters of about 60 events: whole (a
// rebuild) and the latest event only (a live host after each event).
func BenchmarkGrade(b *testing.B) {
	r := rand.New(rand.NewPCG(8, 9))
	var ms []*matters.Matter
	events := 0
	for range 64 {
		m := randomMatter(r, 60)
		ms = append(ms, m)
		events += len(m.Events)
	}
	g := grader()
	// Each matter's grades are checked once, before the timed loops, as
	// TestGradeEventByEvent checks them: the whole history's grades are
	// what grading event by event gives, and what the matter's events say.
	whole := make([][]grading.Grade, len(ms))
	for i, m := range ms {
		checkEventByEvent(b, g, m)
		gs, err := g.Grade(cal, m, 0)
		if err != nil {
			b.Fatal(err)
		}
		checkGrades(b, m, gs)
		whole[i] = gs
	}
	for _, bc := range []struct {
		name  string
		after func(m *matters.Matter) int
	}{
		{"whole", func(*matters.Matter) int { return 0 }},
		{"latest", func(m *matters.Matter) int { return len(m.Events) - 1 }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for i, m := range ms {
				after := bc.after(m)
				want := slices.DeleteFunc(slices.Clone(whole[i]), func(x grading.Grade) bool { return x.Seq <= after })
				got, err := g.Grade(cal, m, after)
				if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); err != nil || diff != "" {
					b.Fatalf("matter %d: the grades after event %d (err %v) mismatch (-whole's +got):\n%s", i, after, err, diff)
				}
			}
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				m := ms[i%len(ms)]
				if _, err := g.Grade(cal, m, bc.after(m)); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(events)/float64(len(ms)), "events/matter")
		})
	}
}
