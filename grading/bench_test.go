package grading_test

import (
	"math/rand/v2"
	"testing"

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
	for _, bc := range []struct {
		name  string
		after func(m *matters.Matter) int
	}{
		{"whole", func(*matters.Matter) int { return 0 }},
		{"latest", func(m *matters.Matter) int { return len(m.Events) - 1 }},
	} {
		b.Run(bc.name, func(b *testing.B) {
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
