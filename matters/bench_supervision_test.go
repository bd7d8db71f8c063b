package matters_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
)

// BenchmarkApplyChecked applies the 22 events of a full lifecycle to a new
// matter, with Matter.Apply (pure) and with Catalog.Apply (the catalog's
// checks: the calendar's range, the route in force, the admission, the
// reopening limit), in one run so that the two can be compared.
func BenchmarkApplyChecked(b *testing.B) {
	events := fullLifecycle(b).Events
	c := supervisedCatalog()
	cal := workday.China()
	b.Run("pure", func(b *testing.B) { benchApply(b, events, (*matters.Matter).Apply) })
	b.Run("catalog", func(b *testing.B) {
		benchApply(b, events, func(m *matters.Matter, e matters.Event) error { return c.Apply(cal, m, e) })
	})
}

// openMatters builds n open matters of the supervised catalog, dispatched
// at instants spread over the ten working days before until (one every
// few seconds), four in five accepted by their lead. The histories are
// built as Matter.Apply builds them, without applying each event, so that
// a million build in a second; the first few are checked against Replay.
// With reported, every matter is one the hotline reported for the owner,
// whose own clock from the Report Due reads beside its lead's.
func openMatters(b testing.TB, n int, until time.Time, reported bool) []*matters.Matter {
	cal := workday.China()
	from, err := cal.AddDays(until, -10)
	if err != nil {
		b.Fatal(err)
	}
	span := until.Sub(from)
	ms := make([]*matters.Matter, n)
	for i := range ms {
		id := fmt.Sprintf("M%07d", i)
		d := from.Add(span / time.Duration(n) * time.Duration(i)).Truncate(time.Second)
		m := &matters.Matter{ID: id, Type: "违法建设", Owner: owner, State: matters.Dispatched, Lead: lead, Support: []string{sup1}, Coordinated: true,
			Events: []matters.Event{
				{Matter: id, Seq: 1, At: d.Add(-2 * time.Minute), Kind: matters.Report, Actor: owner, Type: "违法建设"},
				{Matter: id, Seq: 2, At: d.Add(-time.Minute), Kind: matters.Whistle, Actor: owner},
				{Matter: id, Seq: 3, At: d, Kind: matters.Dispatch, Actor: owner, Units: []string{lead, sup1}},
			}}
		if i%5 != 0 && !d.Add(time.Hour).After(until) { // no event after the scan, which Due names
			m.State = matters.Accepted
			m.Events = append(m.Events, matters.Event{Matter: id, Seq: 4, At: d.Add(time.Hour), Kind: matters.Accept, Actor: lead})
		}
		if reported {
			m.Platform = hotline
			m.Events[0].Actor, m.Events[0].Units = hotline, []string{owner}
		}
		ms[i] = m
	}
	for _, m := range ms[:10] {
		r, err := matters.Replay(m.Events)
		if err != nil {
			b.Fatal(err)
		}
		sameMatter(b, "a benchmark matter", m, r)
	}
	return ms
}

// BenchmarkDue scans a million open matters at one instant. "first" is the
// first scan, which finds every urging and supervision due at once (about
// 1.5 events a matter); "hourly" is a scan an hour after one whose events
// were applied, which finds only what the hour brought: the steady state
// of a host that runs Due every hour.
func BenchmarkDue(b *testing.B) {
	b.Run("dispatched", func(b *testing.B) { benchDue(b, false) })
	// Every matter a hotline's, two clocks read for each.
	b.Run("hotline", func(b *testing.B) { benchDue(b, true) })
}

// benchDue runs BenchmarkDue's scans, over hotline matters if reported.
func benchDue(b *testing.B, reported bool) {
	const n = 1_000_000
	c := supervisedCatalog()
	cal := workday.China()
	until := at(6, 28, 9, 0)
	ms := openMatters(b, n, until, reported)
	b.Run("first", func(b *testing.B) {
		var due []matters.Event
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			var err error
			if due, err = c.Due(cal, until, ms); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/matter")
		b.ReportMetric(float64(len(due)), "events")
	})
	b.Run("hourly", func(b *testing.B) {
		// An hour earlier, the matters whose latest event came in the hour
		// are named (ErrOrder) and left for the scan at until.
		before, err := c.Due(cal, until.Add(-time.Hour), ms)
		if err != nil && !errors.Is(err, matters.ErrOrder) {
			b.Fatal(err)
		}
		byID := make(map[string]*matters.Matter, n)
		for _, m := range ms {
			byID[m.ID] = m
		}
		for _, e := range before {
			if err := byID[e.Matter].Apply(e); err != nil {
				b.Fatal(err)
			}
		}
		var due []matters.Event
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if due, err = c.Due(cal, until, ms); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/matter")
		b.ReportMetric(float64(len(due)), "events")
	})
}

// TestDueAllocatesPerScan: a scan of hotline matters, each of whose
// clocks call for events at once — urgings naming the owner, supervisions
// whose notes join what both clocks called for — allocates per scan, not
// per matter or per event: a host runs it every hour over every open
// matter.
func TestDueAllocatesPerScan(t *testing.T) {
	c := supervisedCatalog()
	cal := workday.China()
	until := at(6, 28, 9, 0)
	scan := func(n int) (float64, []matters.Event) {
		ms := openMatters(t, n, until, true)
		var due []matters.Event
		allocs := testing.AllocsPerRun(3, func() {
			var err error
			if due, err = c.Due(cal, until, ms); err != nil {
				t.Fatal(err)
			}
		})
		return allocs, due
	}
	small, _ := scan(50)
	large, due := scan(5000)
	named, joined := 0, 0
	for _, e := range due {
		if len(e.Units) > 0 {
			named++
		}
		if strings.Contains(e.Note, "；") {
			joined++
		}
	}
	if named == 0 || joined == 0 {
		t.Fatalf("of %d events due, %d name the owner and %d join two notes: the test needs both", len(due), named, joined)
	}
	if large-small > 40 {
		t.Errorf("Due allocates %v times over 50 hotline matters and %v over 5,000 (%d events, %d naming the owner, %d with joined notes): it should allocate per scan",
			small, large, len(due), named, joined)
	}
}
