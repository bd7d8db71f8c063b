package indicators_test

import (
	"errors"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/indicators"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/shopspring/decimal"
)

// at is a time in China Standard Time on a working day of March or April 2026.
func at(month time.Month, day, hour, minute int) time.Time {
	return time.Date(2026, month, day, hour, minute, 0, 0, workday.CST())
}

// story builds a matter from its events, numbering them.
func story(t testing.TB, id string, events ...matters.Event) *matters.Matter {
	t.Helper()
	m := &matters.Matter{}
	for i, e := range events {
		e.Matter, e.Seq = id, i+1
		if err := m.Apply(e); err != nil {
			t.Fatalf("matter %s event %d: %v", id, i+1, err)
		}
	}
	return m
}

func ptr(b bool) *bool { return &b }

// routes gives every matter a response limit of 2 working hours.
func routes(m *matters.Matter) (matters.Route, error) {
	return matters.Route{Type: m.Type, Respond: 2 * time.Hour, ResolveDays: 5}, nil
}

// fixture is the year of the hand calculation in TestTally:
//
//   - m1, owner s1, 噪音, March: dispatched to a, b and c; a accepts in 30
//     minutes, b the next day (late), c never; solved and satisfied. s1
//     grades a 100 and b 70; x (not the owner) grades c 100.
//   - m2, owner s1, 道路, March: to a alone, on time; dissatisfied, no
//     solved answer. s1 grades a 85.
//   - m3, owner s2, 噪音, April: to b alone, on time; no 回访. s2 grades b 40.
//   - m4, owner s2: closed without a dispatch, so it has no parts.
func fixture(t testing.TB) ([]*matters.Matter, []scoring.Evaluation) {
	d := func(month time.Month, day int) func(int, int) time.Time {
		return func(h, mi int) time.Time { return at(month, day, h, mi) }
	}
	mar, mar3, apr := d(time.March, 2), d(time.March, 3), d(time.April, 1)
	m1 := story(t, "m1",
		matters.Event{At: mar(9, 0), Kind: matters.Report, Actor: "s1", Type: "噪音"},
		matters.Event{At: mar(9, 0), Kind: matters.Whistle, Actor: "s1"},
		matters.Event{At: mar(9, 0), Kind: matters.Dispatch, Actor: "s1", Units: []string{"a", "b", "c"}},
		matters.Event{At: mar(9, 30), Kind: matters.Accept, Actor: "a"},
		matters.Event{At: mar3(10, 0), Kind: matters.Accept, Actor: "b"},
		matters.Event{At: mar3(11, 0), Kind: matters.Resolve, Actor: "a"},
		matters.Event{At: mar3(12, 0), Kind: matters.Close, Actor: "s1"},
		matters.Event{At: mar3(15, 0), Kind: matters.Feedback, Actor: "s1", Satisfied: ptr(true), Solved: ptr(true)})
	m2 := story(t, "m2",
		matters.Event{At: mar(9, 0), Kind: matters.Report, Actor: "s1", Type: "道路"},
		matters.Event{At: mar(9, 0), Kind: matters.Whistle, Actor: "s1"},
		matters.Event{At: mar(9, 0), Kind: matters.Dispatch, Actor: "s1", Units: []string{"a"}},
		matters.Event{At: mar(10, 0), Kind: matters.Accept, Actor: "a"},
		matters.Event{At: mar(11, 0), Kind: matters.Resolve, Actor: "a"},
		matters.Event{At: mar(15, 0), Kind: matters.Feedback, Actor: "s1", Satisfied: ptr(false)})
	m3 := story(t, "m3",
		matters.Event{At: apr(9, 0), Kind: matters.Report, Actor: "s2", Type: "噪音"},
		matters.Event{At: apr(9, 0), Kind: matters.Whistle, Actor: "s2"},
		matters.Event{At: apr(9, 0), Kind: matters.Dispatch, Actor: "s2", Units: []string{"b"}},
		matters.Event{At: apr(10, 0), Kind: matters.Accept, Actor: "b"})
	m4 := story(t, "m4",
		matters.Event{At: apr(9, 0), Kind: matters.Report, Actor: "s2", Type: "噪音"},
		matters.Event{At: apr(10, 0), Kind: matters.Close, Actor: "s2"})
	grade := func(matter, subject, evaluator string, points int64) scoring.Evaluation {
		return scoring.Evaluation{Matter: matter, Subject: subject, Evaluator: evaluator, At: apr(12, 0),
			Result: scoring.Result{Grade: "g", Points: decimal.NewFromInt(points)}}
	}
	return []*matters.Matter{m1, nil, m2, m3, m4}, []scoring.Evaluation{
		grade("m1", "a", "s1", 100), grade("m1", "b", "s1", 70), grade("m1", "c", "x", 100),
		grade("m2", "a", "s1", 85), grade("m3", "b", "s2", 40),
	}
}

func parts(t testing.TB) []indicators.Part {
	t.Helper()
	ms, grades := fixture(t)
	ps, err := indicators.Parts(workday.China(), ms, routes, grades)
	if err != nil {
		t.Fatal(err)
	}
	return ps
}

// r is a Ratio by hand: num of den, and its value written out.
func r(num, den int, value string) indicators.Ratio {
	return indicators.Ratio{Num: num, Den: den, Value: decimal.RequireFromString(value)}
}

func TestTally(t *testing.T) {
	ps := parts(t)
	if len(ps) != 5 { // m1 × 3, m2, m3
		t.Fatalf("Parts gave %d parts, want 5", len(ps))
	}
	min := decimal.NewFromInt(85)
	// s1: m1's three parts and m2's one; m1's answers count once. s1's
	// matters are March's, and s2's April's.
	s1 := indicators.Rates{Group: "s1", Parts: 4, Matters: 2, Response: r(2, 4, "0.5"), Resolution: r(1, 1, "1"), Satisfaction: r(1, 2, "0.5"), Street: r(2, 3, "0.6667")}
	s2 := indicators.Rates{Group: "s2", Parts: 1, Matters: 1, Response: r(1, 1, "1"), Resolution: r(0, 0, "0"), Satisfaction: r(0, 0, "0"), Street: r(0, 1, "0")}
	regroup := func(group string, r indicators.Rates) indicators.Rates { r.Group = group; return r }
	for _, tt := range []struct {
		name  string
		group func(indicators.Part) string
		want  []indicators.Rates
	}{
		{"by unit", indicators.ByUnit, []indicators.Rates{
			// a: m1 and m2, both accepted within 2 h; solved 1 of 1 (m2 has
			// no solved answer); satisfied 1 of 2; s1 graded 100 and 85.
			{Group: "a", Parts: 2, Matters: 2, Response: r(2, 2, "1"), Resolution: r(1, 1, "1"), Satisfaction: r(1, 2, "0.5"), Street: r(2, 2, "1")},
			// b: m1 late, m3 on time; m3 had no 回访; graded 70 and 40.
			{Group: "b", Parts: 2, Matters: 2, Response: r(1, 2, "0.5"), Resolution: r(1, 1, "1"), Satisfaction: r(1, 1, "1"), Street: r(0, 2, "0")},
			// c: m1, never accepted; only x, not the owner, graded it.
			{Group: "c", Parts: 1, Matters: 1, Response: r(0, 1, "0"), Resolution: r(1, 1, "1"), Satisfaction: r(1, 1, "1"), Street: r(0, 0, "0")},
		}},
		{"by lead", indicators.ByLead, []indicators.Rates{
			{Group: "a", Parts: 2, Matters: 2, Response: r(2, 2, "1"), Resolution: r(1, 1, "1"), Satisfaction: r(1, 2, "0.5"), Street: r(2, 2, "1")},
			{Group: "b", Parts: 1, Matters: 1, Response: r(1, 1, "1"), Resolution: r(0, 0, "0"), Satisfaction: r(0, 0, "0"), Street: r(0, 1, "0")},
		}},
		{"by sub-district", indicators.BySubDistrict, []indicators.Rates{s1, s2}},
		{"by type", indicators.ByType, []indicators.Rates{
			{Group: "噪音", Parts: 4, Matters: 2, Response: r(2, 4, "0.5"), Resolution: r(1, 1, "1"), Satisfaction: r(1, 1, "1"), Street: r(1, 3, "0.3333")},
			{Group: "道路", Parts: 1, Matters: 1, Response: r(1, 1, "1"), Resolution: r(0, 0, "0"), Satisfaction: r(0, 1, "0"), Street: r(1, 1, "1")},
		}},
		{"by month", indicators.ByMonth, []indicators.Rates{regroup("2026-03", s1), regroup("2026-04", s2)}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := indicators.Tally(ps, tt.group, min)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Tally mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestTallyNothing: no matters, and matters with no parts, give no groups.
func TestTallyNothing(t *testing.T) {
	if got := indicators.Tally(nil, indicators.ByUnit, decimal.Zero); len(got) != 0 {
		t.Errorf("Tally(nil) = %v, want no groups", got)
	}
	ps, err := indicators.Parts(workday.China(), nil, routes, nil)
	if err != nil || len(ps) != 0 {
		t.Errorf("Parts(no matters) = %v, %v, want none and no error", ps, err)
	}
	// A grouping that leaves every part out.
	if got := indicators.Tally(parts(t), func(indicators.Part) string { return "" }, decimal.Zero); len(got) != 0 {
		t.Errorf("Tally with every part left out = %v, want no groups", got)
	}
}

// TestTallyOrderDoesNotMatter: shuffling the parts, which separates the
// parts of m1, changes no figure.
func TestTallyOrderDoesNotMatter(t *testing.T) {
	ps := parts(t)
	want := indicators.Tally(ps, indicators.BySubDistrict, decimal.NewFromInt(85))
	for _, order := range [][]int{{4, 3, 2, 1, 0}, {0, 3, 1, 4, 2}, {3, 0, 4, 1, 2}} {
		shuffled := make([]indicators.Part, len(ps))
		for i, j := range order {
			shuffled[i] = ps[j]
		}
		if diff := cmp.Diff(want, indicators.Tally(shuffled, indicators.BySubDistrict, decimal.NewFromInt(85))); diff != "" {
			t.Errorf("order %v: mismatch (-want +got):\n%s", order, diff)
		}
	}
}

// TestTallyPartGivenTwice: a part given twice counts twice, next to its
// copy or apart, in every figure: Tally's figures depend on which parts it
// is given, never on their order.
func TestTallyPartGivenTwice(t *testing.T) {
	ps := parts(t)
	alone := -1 // a part whose matter has no other part
	for i := range ps {
		n := 0
		for j := range ps {
			if ps[j].Matter == ps[i].Matter {
				n++
			}
		}
		if n == 1 {
			alone = i
			break
		}
	}
	if alone < 0 {
		t.Fatal("the fixture has no matter of one part")
	}
	rest := slices.Delete(slices.Clone(ps), alone, alone+1)
	together := append([]indicators.Part{ps[alone], ps[alone]}, rest...)
	apart := append(append([]indicators.Part{ps[alone]}, rest...), ps[alone])
	for _, group := range []func(indicators.Part) string{indicators.ByUnit, indicators.BySubDistrict} {
		want := indicators.Tally(together, group, decimal.NewFromInt(85))
		if diff := cmp.Diff(want, indicators.Tally(apart, group, decimal.NewFromInt(85))); diff != "" {
			t.Errorf("the copies apart: mismatch (-want +got):\n%s", diff)
		}
		once := indicators.Tally(ps, group, decimal.NewFromInt(85))
		if got, was := partsCounted(want), partsCounted(once); got != was+1 {
			t.Errorf("parts counted: %d with a part given twice, %d once; want one more", got, was)
		}
		if got, was := mattersCounted(want), mattersCounted(once); got != was+1 {
			t.Errorf("matters counted: %d with a part given twice, %d once; want one more", got, was)
		}
	}
}

// TestTallyRedispatchedToOneUnit: a matter dispatched again to its one
// unit, after the unit's return, is a matter whose Dispatch events name one
// unit, as one dispatched once is: a part of it given twice counts twice
// in every figure, Matters and the citizen's answers too, as Tally's doc
// says.
func TestTallyRedispatchedToOneUnit(t *testing.T) {
	mar := func(h, mi int) time.Time { return at(time.March, 2, h, mi) }
	m := story(t, "m5",
		matters.Event{At: mar(9, 0), Kind: matters.Report, Actor: "s1", Type: "噪音"},
		matters.Event{At: mar(9, 0), Kind: matters.Whistle, Actor: "s1"},
		matters.Event{At: mar(9, 0), Kind: matters.Dispatch, Actor: "s1", Units: []string{"a"}},
		matters.Event{At: mar(9, 10), Kind: matters.Return, Actor: "a", Note: "地址不清"},
		matters.Event{At: mar(9, 20), Kind: matters.Approve, Actor: "s1", Ref: 4, Note: "补充地址"},
		matters.Event{At: mar(9, 30), Kind: matters.Dispatch, Actor: "s1", Units: []string{"a"}},
		matters.Event{At: mar(9, 40), Kind: matters.Accept, Actor: "a"},
		matters.Event{At: mar(11, 0), Kind: matters.Resolve, Actor: "a"},
		matters.Event{At: mar(12, 0), Kind: matters.Close, Actor: "s1"},
		matters.Event{At: mar(15, 0), Kind: matters.Feedback, Actor: "s1", Satisfied: ptr(true), Solved: ptr(true)})
	ps, err := indicators.Parts(workday.China(), []*matters.Matter{m}, routes, nil)
	if err != nil {
		t.Fatal(err)
	}
	// The second dispatch answered in 10 minutes, within 2 hours.
	want := []indicators.Rates{{Group: "a", Parts: 2, Matters: 2, Response: r(2, 2, "1"), Resolution: r(2, 2, "1"),
		Satisfaction: r(2, 2, "1"), Street: r(0, 0, "0")}}
	if diff := cmp.Diff(want, indicators.Tally(append(ps, ps...), indicators.ByUnit, decimal.Zero)); diff != "" {
		t.Errorf("Tally mismatch (-want +got):\n%s", diff)
	}
}

// mattersCounted is the number of matters the groups count.
func mattersCounted(rs []indicators.Rates) int {
	n := 0
	for _, r := range rs {
		n += r.Matters
	}
	return n
}

// partsCounted is the number of parts the groups count.
func partsCounted(rs []indicators.Rates) int {
	n := 0
	for _, r := range rs {
		n += r.Parts
	}
	return n
}

// TestPartsMattersOfNoID: matters a host builds by hand without an ID are
// told apart as Tally tells them apart, by pointer: two of them are two
// matters, each with its part, and only one of them given twice is
// refused as listed twice.
func TestPartsMattersOfNoID(t *testing.T) {
	hand := func() *matters.Matter {
		return &matters.Matter{Owner: "s1", Type: "噪音", Events: []matters.Event{
			{Kind: matters.Report, Actor: "s1", Type: "噪音", At: at(time.March, 2, 9, 0)},
			{Kind: matters.Dispatch, Actor: "s1", Units: []string{"a"}, At: at(time.March, 2, 9, 0)},
			{Kind: matters.Accept, Actor: "a", At: at(time.March, 2, 9, 30)}}}
	}
	one, other := hand(), hand()
	ps, err := indicators.Parts(workday.China(), []*matters.Matter{one, other}, routes, nil)
	if err != nil || len(ps) != 2 {
		t.Fatalf("Parts of two matters of no ID = %d parts, %v; want 2 and no error", len(ps), err)
	}
	want := []indicators.Rates{{Group: "a", Parts: 2, Matters: 2, Response: r(2, 2, "1"), Street: r(0, 0, "0")}}
	if diff := cmp.Diff(want, indicators.Tally(ps, indicators.ByUnit, decimal.Zero)); diff != "" {
		t.Errorf("Tally mismatch (-want +got):\n%s", diff)
	}
	if _, err := indicators.Parts(workday.China(), []*matters.Matter{one, other, one}, routes, nil); !errors.Is(err, indicators.ErrInvalid) {
		t.Errorf("Parts of a matter of no ID given twice: error %v, want ErrInvalid", err)
	}
}

func TestPartsErrors(t *testing.T) {
	ms, _ := fixture(t)
	noRoute := errors.New("no route")
	_, err := indicators.Parts(workday.China(), ms, func(*matters.Matter) (matters.Route, error) { return matters.Route{}, noRoute }, nil)
	if !errors.Is(err, noRoute) {
		t.Errorf("Parts with a failing route: error %v, want it to wrap the route's error", err)
	}
	twice := append(slices.Clone(ms), ms[0])
	if _, err := indicators.Parts(workday.China(), twice, routes, nil); !errors.Is(err, indicators.ErrInvalid) || !strings.Contains(err.Error(), ms[0].ID) {
		t.Errorf("Parts with a matter listed twice: error %v, want ErrInvalid naming %s", err, ms[0].ID)
	}
	_, err = indicators.Parts(workday.China(), ms, func(*matters.Matter) (matters.Route, error) { return matters.Route{Respond: -1}, nil }, nil)
	if !errors.Is(err, scoring.ErrInvalid) {
		t.Errorf("Parts with a negative limit: error %v, want scoring.ErrInvalid", err)
	}
}

func TestIndex(t *testing.T) {
	w := assessment.Weights{"response": decimal.RequireFromString("0.30"), "resolution": decimal.RequireFromString("0.35"), "satisfaction": decimal.RequireFromString("0.35")}
	byUnit := indicators.Tally(parts(t), indicators.ByUnit, decimal.NewFromInt(85))
	for _, tt := range []struct {
		rates indicators.Rates
		want  string
	}{
		{byUnit[0], "0.825"}, // 0.30 × 1 + 0.35 × 1 + 0.35 × 0.5
		{byUnit[1], "0.85"},  // 0.30 × 0.5 + 0.35 × 1 + 0.35 × 1
		{byUnit[2], "0.7"},   // 0.30 × 0 + 0.35 × 1 + 0.35 × 1
	} {
		got, err := tt.rates.Index(w)
		if err != nil || !got.Equal(decimal.RequireFromString(tt.want)) || got.Exponent() != -4 {
			t.Errorf("%s: Index = %s, %v, want %s to 4 places", tt.rates.Group, got.String(), err, tt.want)
		}
	}
	// Half-up: 0.5 × 0.0005 = 0.00025 rounds to 0.0003 (half-even would give 0.0002).
	half := assessment.Weights{"response": decimal.RequireFromString("0.5"), "resolution": decimal.RequireFromString("0.25"), "satisfaction": decimal.RequireFromString("0.25")}
	got, err := indicators.Rates{Response: r(1, 2000, "0.0005"), Resolution: r(0, 1, "0"), Satisfaction: r(0, 1, "0")}.Index(half)
	if err != nil || got.String() != "0.0003" {
		t.Errorf("Index = %s, %v, want 0.0003 (half-up)", got, err)
	}
	// s2 had no 回访: no resolution or satisfaction to weigh.
	bySub := indicators.Tally(parts(t), indicators.BySubDistrict, decimal.NewFromInt(85))
	if _, err := bySub[1].Index(w); !errors.Is(err, indicators.ErrNoData) {
		t.Errorf("Index with no 回访: error %v, want ErrNoData", err)
	}
	if _, err := byUnit[0].Index(assessment.Weights{"response": decimal.NewFromInt(1)}); !errors.Is(err, assessment.ErrWeights) {
		t.Errorf("Index with weights missing two parts: error %v, want assessment.ErrWeights", err)
	}
}

func TestRatioJSON(t *testing.T) {
	b, err := r(2, 3, "0.6667").MarshalJSON()
	if err != nil || string(b) != `{"num":2,"den":3,"value":"0.6667"}` {
		t.Errorf("MarshalJSON = %s, %v", b, err)
	}
}

// TestPartsGradeOrderDoesNotMatter: of two grades of one part by its
// owner, the one of the highest stage counts, then the latest, then, at
// one instant, the greatest by grade, points, policy and reasons; so
// shuffling the grades changes no part.
func TestPartsGradeOrderDoesNotMatter(t *testing.T) {
	ms, grades := fixture(t)
	grade := func(matter, subject string, stage int, when time.Time, g string, points int64, reasons ...string) scoring.Evaluation {
		return scoring.Evaluation{Matter: matter, Subject: subject, Evaluator: "s1", Stage: stage, At: when,
			Result: scoring.Result{Grade: g, Points: decimal.NewFromInt(points), Reasons: reason.Texts(reasons...)}}
	}
	grades = append(grades,
		grade("m1", "a", 0, at(time.April, 1, 13, 0), "g", 60),      // later than the fixture's 100
		grade("m1", "a", 0, at(time.April, 1, 11, 0), "z", 99),      // earlier
		grade("m1", "b", 0, at(time.April, 1, 12, 0), "h", 90),      // as late as the fixture's g 70: h sorts last
		grade("m1", "b", 0, at(time.April, 1, 12, 0), "g", 95),      // g 95 sorts before h
		grade("m2", "a", 1, at(time.April, 1, 11, 0), "g", 20),      // the higher stage, though earlier
		grade("m2", "a", 1, at(time.April, 1, 11, 0), "g", 20, "a"), // the same, with a reason: sorts last
	)
	want := map[string]scoring.Result{
		"m1 a": {Grade: "g", Points: decimal.NewFromInt(60)},
		"m1 b": {Grade: "h", Points: decimal.NewFromInt(90)},
		"m2 a": {Grade: "g", Points: decimal.NewFromInt(20), Reasons: reason.Texts("a")},
		"m3 b": {Grade: "g", Points: decimal.NewFromInt(40)},
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 50 {
		ps, err := indicators.Parts(workday.China(), ms, routes, grades)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]scoring.Result{}
		for _, p := range ps {
			if p.Street != nil {
				got[p.Matter.ID+" "+p.Unit] = *p.Street
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("round %d: street grades mismatch (-want +got):\n%s", round, diff)
		}
		rng.Shuffle(len(grades), func(i, j int) { grades[i], grades[j] = grades[j], grades[i] })
	}
}

// TestTallyShuffledHandBuiltParts: parts a host builds by hand, whose
// matters are shared by several units and whose parts of one matter may
// disagree on the citizen's answers, give the same figures in every order
// of the parts, by every grouping.
func TestTallyShuffledHandBuiltParts(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	answer := func() *bool {
		switch rng.IntN(3) {
		case 0:
			return nil
		case 1:
			return ptr(true)
		}
		return ptr(false)
	}
	var ps []indicators.Part
	for i := range 40 {
		units := []string{"a", "b", "c", "d"}[:1+rng.IntN(3)]
		m := &matters.Matter{ID: "m" + string(rune('A'+i)), Owner: []string{"s1", "s2"}[i%2], Type: []string{"噪音", "道路"}[i%2],
			Events: []matters.Event{{Kind: matters.Report, At: at(time.March, 2, 9, 0)}, {Kind: matters.Dispatch, Units: units}}}
		for j, u := range units {
			p := indicators.Part{Matter: m, Unit: u, Lead: j == 0, Solved: answer(),
				Facts: scoring.Facts{Responded: rng.IntN(2) == 0, Satisfied: answer()}}
			if rng.IntN(2) == 0 {
				p.Street = &scoring.Result{Points: decimal.NewFromInt(int64(rng.IntN(101)))}
			}
			ps = append(ps, p)
		}
	}
	// Of two parts that disagree, those of the unit that sorts first count.
	m := &matters.Matter{ID: "m", Owner: "s1", Events: []matters.Event{{Kind: matters.Dispatch, Units: []string{"b", "a"}}}}
	b := indicators.Part{Matter: m, Unit: "b", Lead: true, Solved: ptr(false), Facts: scoring.Facts{Satisfied: ptr(false)}}
	a := indicators.Part{Matter: m, Unit: "a", Solved: ptr(true), Facts: scoring.Facts{Satisfied: ptr(true)}}
	for _, order := range [][]indicators.Part{{a, b}, {b, a}} {
		want := []indicators.Rates{{Group: "s1", Parts: 2, Matters: 1, Response: r(0, 2, "0"), Resolution: r(1, 1, "1"),
			Satisfaction: r(1, 1, "1"), Street: r(0, 0, "0")}}
		if diff := cmp.Diff(want, indicators.Tally(order, indicators.BySubDistrict, decimal.Zero)); diff != "" {
			t.Errorf("units %s, %s: mismatch (-want +got):\n%s", order[0].Unit, order[1].Unit, diff)
		}
	}
	for name, group := range map[string]func(indicators.Part) string{"unit": indicators.ByUnit, "lead": indicators.ByLead,
		"sub-district": indicators.BySubDistrict, "type": indicators.ByType, "month": indicators.ByMonth} {
		want := indicators.Tally(ps, group, decimal.NewFromInt(60))
		shuffled := slices.Clone(ps)
		for round := range 30 {
			rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
			if diff := cmp.Diff(want, indicators.Tally(shuffled, group, decimal.NewFromInt(60))); diff != "" {
				t.Fatalf("by %s, round %d: mismatch (-want +got):\n%s", name, round, diff)
			}
		}
	}
}

// TestTallyHandBuiltMatterWithoutDispatch: parts a host builds by hand on
// a matter without its history (no Dispatch among its events) are parts of
// one matter all the same: it counts once a group, with its answers, as a
// matter of several units does.
func TestTallyHandBuiltMatterWithoutDispatch(t *testing.T) {
	for name, events := range map[string][]matters.Event{
		"no events": nil,
		"a report":  {{Kind: matters.Report, At: at(time.March, 2, 9, 0)}},
	} {
		m := &matters.Matter{ID: "m", Owner: "s1", Events: events}
		ps := []indicators.Part{
			{Matter: m, Unit: "a", Lead: true, Solved: ptr(true), Facts: scoring.Facts{Responded: true, Satisfied: ptr(true)}},
			{Matter: m, Unit: "b", Solved: ptr(true), Facts: scoring.Facts{Satisfied: ptr(true)}},
		}
		want := []indicators.Rates{{Group: "s1", Parts: 2, Matters: 1, Response: r(1, 2, "0.5"), Resolution: r(1, 1, "1"),
			Satisfaction: r(1, 1, "1"), Street: r(0, 0, "0")}}
		if diff := cmp.Diff(want, indicators.Tally(ps, indicators.BySubDistrict, decimal.Zero)); diff != "" {
			t.Errorf("%s: mismatch (-want +got):\n%s", name, diff)
		}
		// A part of a matter of several units given twice counts twice in
		// Parts and Response, and its matter and answers once.
		want[0].Parts, want[0].Response = 3, r(2, 3, "0.6667")
		if diff := cmp.Diff(want, indicators.Tally(append(ps, ps[0]), indicators.BySubDistrict, decimal.Zero)); diff != "" {
			t.Errorf("%s, a part given twice: mismatch (-want +got):\n%s", name, diff)
		}
		// Parts that each hold a copy of the matter (as a host that loads
		// each unit's part on its own builds them) are parts of one matter:
		// a matter is its ID.
		want[0].Parts, want[0].Response = 2, r(1, 2, "0.5")
		copied := *m
		ps[1].Matter = &copied
		if diff := cmp.Diff(want, indicators.Tally(ps, indicators.BySubDistrict, decimal.Zero)); diff != "" {
			t.Errorf("%s, parts with copies of the matter: mismatch (-want +got):\n%s", name, diff)
		}
		// Two matters of no ID are two matters.
		m.ID, copied.ID = "", ""
		want[0].Matters, want[0].Resolution, want[0].Satisfaction = 2, r(2, 2, "1"), r(2, 2, "1")
		if diff := cmp.Diff(want, indicators.Tally(ps, indicators.BySubDistrict, decimal.Zero)); diff != "" {
			t.Errorf("%s, two matters of no ID: mismatch (-want +got):\n%s", name, diff)
		}
	}
}
