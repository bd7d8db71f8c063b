package matters_test

import (
	"fmt"
	"testing"

	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
)

// reportEvents reports the throughput in events a second.
func reportEvents(b *testing.B, perOp int) {
	if s := b.Elapsed().Seconds(); s > 0 {
		b.ReportMetric(float64(b.N*perOp)/s, "events/s")
	}
}

// BenchmarkApply applies the 16 events of a full lifecycle to a new matter.
func BenchmarkApply(b *testing.B) {
	benchApply(b, fullLifecycle(b).Events, (*matters.Matter).Apply)
}

// benchApply applies events to a new matter with apply, b.N times, and
// reports the events a second.
func benchApply(b *testing.B, events []matters.Event, apply func(*matters.Matter, matters.Event) error) {
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m := &matters.Matter{}
		for _, e := range events {
			if err := apply(m, e); err != nil {
				b.Fatal(err)
			}
		}
	}
	reportEvents(b, len(events))
}

// BenchmarkApplyRefused applies an event that is refused.
func BenchmarkApplyRefused(b *testing.B) {
	m := build(b, hAccepted...)
	e := next(m, ev(matters.Resolve, outside))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if m.Apply(e) == nil {
			b.Fatal("accepted")
		}
	}
	reportEvents(b, 1)
}

func BenchmarkReplay(b *testing.B) {
	for _, n := range []int{16, 200} {
		events := fullLifecycle(b).Events
		if n != len(events) {
			events = legalHistory(b, 7, n).Events
		}
		b.Run(fmt.Sprintf("events=%d", len(events)), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := matters.Replay(events); err != nil {
					b.Fatal(err)
				}
			}
			reportEvents(b, len(events))
		})
	}
}

func BenchmarkStatus(b *testing.B) {
	benchMatter(b, func(m *matters.Matter, cal *workday.Calendar, r matters.Route) error {
		_, err := m.Status(cal, at(3, 8, 12, 0), r)
		return err
	})
}

func BenchmarkDeadlines(b *testing.B) {
	benchMatter(b, func(m *matters.Matter, cal *workday.Calendar, r matters.Route) error {
		_, err := m.Deadlines(cal, r)
		return err
	})
}

// benchMatter times call on the matter of the full lifecycle, with the
// route of 违法建设 and the China calendar.
func benchMatter(b *testing.B, call func(*matters.Matter, *workday.Calendar, matters.Route) error) {
	m := fullLifecycle(b)
	r, err := testDirectory().Route("违法建设")
	if err != nil {
		b.Fatal(err)
	}
	cal := workday.China()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if err := call(m, cal, r); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSummarize(b *testing.B) {
	ms := population(b, 746, 619, 560, 40)
	if s := matters.Summarize(ms); s.Received != 746 || s.Resolved != 619 || s.Surveyed != 600 || s.Satisfied != 560 {
		b.Fatalf("Summarize = %+v; want 746 received, 619 resolved, 600 surveyed, 560 satisfied (TestSummarize)", s)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		matters.Summarize(ms)
	}
}

func BenchmarkAdmit(b *testing.B) {
	a := &matters.Admission{Excluded: matters.DefaultExclusions()}
	for i := 0; i < 1000; i++ {
		a.Items = append(a.Items, matters.Item{Code: fmt.Sprintf("QZ-%04d", i), Name: fmt.Sprintf("事项%d", i), List: matters.Duties})
	}
	r := matters.Request{Title: "事项999"}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if !a.Admit(r).Admitted {
			b.Fatal("refused")
		}
	}
}
