package scoring_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/shopspring/decimal"
)

// decimalEqual compares decimals by value.
var decimalEqual = cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) })

// edgeFacts are facts on and around the thresholds of Wuhu's table, of
// thresholdTable and of hundredthsTable: ratios exactly on a threshold
// (each time worked out exactly, not through a float), half a hundredth
// either side, a ratio above 0 that 2 places show as 0.00, times and
// limits of zero or below, counts and every answer.
func edgeFacts() []scoring.Facts {
	var out []scoring.Facts
	yes, no := true, false
	limit := 400 * time.Hour // 144 × 10^13 ns: every ratio below, times it, is a whole number of nanoseconds
	for _, ratio := range []string{"0", "0.000001", "0.001", "0.004999", "0.005", "0.3", "0.49995", "0.5", "0.50005", "0.995",
		"0.9995", "0.99999", "1", "1.00001", "1.004", "1.0049", "1.005", "1.245", "1.25", "1.255", "1.5", "1.995", "1.9951", "2", "2.004", "2.005", "3"} {
		a := decimal.RequireFromString(ratio).Mul(decimal.NewFromInt(int64(limit)))
		if !a.IsInteger() {
			panic("edgeFacts: ratio " + ratio + " of the limit is not a whole number of nanoseconds")
		}
		actual := time.Duration(a.IntPart())
		for i, satisfied := range []*bool{nil, &yes, &no} {
			out = append(out, scoring.Facts{Matter: "E", Subject: "D", Type: "占道经营", Responded: true, Response: actual, ResponseLimit: limit,
				Resolved: i != 1, Resolution: actual + time.Duration(i), ResolutionLimit: limit, Quality: i * 2, Satisfied: satisfied,
				Returned: i == 2, Urged: i, Supervised: (i + 1) % 2, Stage: i, Final: i != 1})
		}
	}
	for _, t := range []time.Duration{-time.Hour, 0, time.Nanosecond} {
		out = append(out, scoring.Facts{Responded: t > 0, Response: t, ResponseLimit: t, Resolution: t, ResolutionLimit: -t, Quality: 5, Satisfied: &yes})
	}
	return out
}

// thresholdTable has thresholds of more than two places and of zero,
// matter types, and a rule for every condition, in Chinese.
func thresholdTable() *scoring.Table {
	d := func(s string) *decimal.Decimal { x := decimal.RequireFromString(s); return &x }
	yes, no := true, false
	return &scoring.Table{Version: "t-1", Lang: reason.Chinese, Scale: wuhu.Scale(), Rules: []scoring.TableRule{
		{Name: "类型", Grade: "poor", Types: []string{"违章搭建"}, ResponseOver: d("0.9995")},
		{Name: "零", Grade: "fair", ResponseAtMost: d("0"), Responded: &yes},
		{Name: "微", Grade: "fair", ResolutionOver: d("0.000001"), Returned: &yes},
		{Name: "细", Grade: "good", ResolutionAtMost: d("1.0049"), ResponseOnTime: &yes, QualityMin: 3, QualityMax: 4},
		{Name: "旗", Grade: "good", Urged: &no, Supervised: &yes, Final: &yes, Resolved: &yes},
		{Name: "满意", Grade: "excellent", Satisfaction: scoring.NotDissatisfied, ResolutionOnTime: &yes, QualityGiven: &no},
		{Name: "其余", Grade: "fair"},
	}}
}

// hundredthsTable has thresholds of whole hundredths only, zero among
// them (written "0" and "0.00"), which a compiled table checks figures of
// 2 places against without the table's own code.
func hundredthsTable() *scoring.Table {
	d := func(s string) *decimal.Decimal { x := decimal.RequireFromString(s); return &x }
	return &scoring.Table{Version: "h-1", Scale: wuhu.Scale(), Rules: []scoring.TableRule{
		{Name: "zero", Grade: "poor", ResponseAtMost: d("0")},
		{Name: "half", Grade: "fair", ResponseOver: d("0.5"), ResolutionAtMost: d("0.00")},
		{Name: "late", Grade: "fair", ResolutionOver: d("1.25")},
		{Name: "rest", Grade: "good"},
	}}
}

// TestCompileGradesAsEvaluate grades varied and edge facts with each
// table and its compiled evaluator, returning each Result and writing
// them one after another into one (EvaluateInto): every Result and every
// error is the same, reasons, checks, figures and places included. The
// facts move between rules of no checks, of one or two, and of four (more
// than a reason holds inline), and between four figures and more.
func TestCompileGradesAsEvaluate(t *testing.T) {
	facts := append(variedFacts(20000), edgeFacts()...)
	for _, tbl := range []*scoring.Table{wuhu.Table(), thresholdTable(), hundredthsTable()} {
		compiled, err := tbl.Compile()
		if err != nil {
			t.Fatalf("%s: Compile: %v", tbl.Version, err)
		}
		var into scoring.Result
		for _, f := range facts {
			want, werr := tbl.Evaluate(f)
			gradesAsEvaluate(t, tbl, compiled, &into, f, want, werr)
		}
	}
}

// TestCompileRefusesInvalid: Compile refuses what Validate refuses, with
// the same error.
func TestCompileRefusesInvalid(t *testing.T) {
	for name, tbl := range map[string]*scoring.Table{
		"empty":       {},
		"no version":  {Scale: wuhu.Scale(), Rules: []scoring.TableRule{{Grade: "good"}}},
		"off scale":   {Version: "v", Scale: wuhu.Scale(), Rules: []scoring.TableRule{{Grade: "great"}}},
		"no language": {Version: "v", Lang: 9, Scale: wuhu.Scale(), Rules: []scoring.TableRule{{Grade: "good"}}},
	} {
		e, err := tbl.Compile()
		if want := tbl.Validate(); e != nil || !errors.Is(err, scoring.ErrInvalid) || err.Error() != want.Error() {
			t.Errorf("%s: Compile = %v, %v; want nil and %v", name, e, err, want)
		}
	}
}

// TestCompileCopies: a change to the table after Compile, in place or
// through the pointers its rules hold, does not reach the compiled
// evaluator; compiling again takes it.
func TestCompileCopies(t *testing.T) {
	tbl := thresholdTable()
	before := thresholdTable()
	compiled, err := tbl.Compile()
	if err != nil {
		t.Fatal(err)
	}
	*tbl.Rules[0].ResponseOver = decimal.New(5, 0)
	tbl.Rules[0].Types[0] = "噪音扰民"
	*tbl.Rules[1].Responded = false
	tbl.Rules[3].Grade, tbl.Rules[3].Name = "poor", "改"
	tbl.Scale[0].Points = decimal.New(1, 0)
	tbl.Lang, tbl.Version = reason.English, "t-2"
	for i, f := range edgeFacts() {
		want, werr := before.Evaluate(f)
		got, gerr := compiled.Evaluate(f)
		if diff := cmp.Diff(want, got, decimalEqual); diff != "" || fmt.Sprint(werr) != fmt.Sprint(gerr) {
			t.Fatalf("facts %d: the change reached the compiled table; mismatch (-before +compiled):\n%s", i, diff)
		}
	}
	again, err := tbl.Compile()
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range edgeFacts() {
		want, werr := tbl.Evaluate(f)
		got, gerr := again.Evaluate(f)
		if diff := cmp.Diff(want, got, decimalEqual); diff != "" || fmt.Sprint(werr) != fmt.Sprint(gerr) {
			t.Fatalf("facts %d: compiled again: errors %v, %v; mismatch (-Evaluate +compiled):\n%s", i, werr, gerr, diff)
		}
	}
}

// TestCompileConcurrent grades from several goroutines at once (run with
// -race): each gets what the table gives.
func TestCompileConcurrent(t *testing.T) {
	tbl := wuhu.Table()
	compiled, err := tbl.Compile()
	if err != nil {
		t.Fatal(err)
	}
	facts := variedFacts(2000)
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := g; i < len(facts); i += 4 {
				want, werr := tbl.Evaluate(facts[i])
				got, gerr := compiled.Evaluate(facts[i])
				if diff := cmp.Diff(want, got, decimalEqual); diff != "" || fmt.Sprint(werr) != fmt.Sprint(gerr) {
					errs <- fmt.Errorf("facts %d: errors %v, %v; mismatch (-Evaluate +compiled):\n%s", i, werr, gerr, diff)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestCompileResultsAreTheCallers: a caller that changes the checks and
// figures of one Result changes no other, nor what the evaluator gives
// next.
func TestCompileResultsAreTheCallers(t *testing.T) {
	compiled, err := thresholdTable().Compile()
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := thresholdTable().Compile() // no Result of it is changed
	if err != nil {
		t.Fatal(err)
	}
	facts := edgeFacts()
	for _, f := range facts {
		r, _ := compiled.Evaluate(f)
		for i := range r.Reasons[0].Checks {
			r.Reasons[0].Checks[i] = reason.Check{Of: reason.Stage, Op: reason.Is}
		}
		for i := range r.Reasons[0].Figures {
			r.Reasons[0].Figures[i].Value = -7
		}
	}
	for i, f := range facts {
		want, werr := fresh.Evaluate(f)
		got, gerr := compiled.Evaluate(f)
		if diff := cmp.Diff(want, got, decimalEqual); diff != "" || fmt.Sprint(werr) != fmt.Sprint(gerr) {
			t.Fatalf("facts %d: a caller's change reached another Result: errors %v, %v; mismatch (-before +after):\n%s", i, werr, gerr, diff)
		}
	}
}

// FuzzCompileGradesAsEvaluate is the property of Compile over tables of
// two fuzzed thresholds and facts of fuzzed times: Table.Evaluate grades
// by the rule a literal reading of the doc matches first (naiveFirst), and
// the compiled evaluator gives what Table.Evaluate gives, or refuses as it
// does, whether it returns its Result or writes it into one
// (EvaluateInto).
func FuzzCompileGradesAsEvaluate(f *testing.F) {
	f.Add("0", "0.5", int64(3*time.Minute), int64(21*time.Hour), true)
	f.Add("1", "0.9995", int64(4*time.Hour+10*time.Second), int64(4*time.Hour), false)
	f.Add("0.00", "1.25", int64(1), int64(400*time.Hour), true)
	f.Fuzz(func(t *testing.T, at, over string, actual, limit int64, done bool) {
		x, err := decimal.NewFromString(at)
		if err != nil {
			return
		}
		y, err := decimal.NewFromString(over)
		if err != nil {
			return
		}
		tbl := &scoring.Table{Version: "f-1", Scale: wuhu.Scale(), Rules: []scoring.TableRule{
			{Name: "at", Grade: "poor", ResponseAtMost: &x, ResolutionOver: &y},
			{Name: "over", Grade: "fair", ResponseOver: &y},
			{Name: "rest", Grade: "good"},
		}}
		compiled, err := tbl.Compile()
		if err != nil {
			return // a table Validate refuses
		}
		facts := scoring.Facts{Responded: done, Response: time.Duration(actual), ResponseLimit: time.Duration(limit),
			Resolved: !done, Resolution: time.Duration(limit), ResolutionLimit: time.Duration(actual)}
		want, werr := tbl.Evaluate(facts)
		if first := naiveFirst(tbl, &facts); werr != nil || want.Reasons[0].Rule != first+1 {
			t.Fatalf("%s, %s, %+v: Evaluate = %+v, %v; the doc reads rule %d", at, over, facts, want, werr, first+1)
		}
		got, gerr := compiled.Evaluate(facts)
		if diff := cmp.Diff(want, got, decimalEqual); diff != "" || fmt.Sprint(werr) != fmt.Sprint(gerr) {
			t.Fatalf("%s, %s, %+v: errors %v, %v; mismatch (-Evaluate +compiled):\n%s", at, over, facts, werr, gerr, diff)
		}
		// Into a Result that holds an earlier reason of the same
		// evaluator, of another rule.
		into, _ := tbl.Compile()
		var dst scoring.Result
		_ = scoring.EvaluateInto(into, &dst, scoring.Facts{Returned: true, Urged: 2, Stage: 3})
		gerr = scoring.EvaluateInto(into, &dst, facts)
		if diff := cmp.Diff(want, dst, decimalEqual); diff != "" || fmt.Sprint(werr) != fmt.Sprint(gerr) {
			t.Fatalf("%s, %s, %+v: errors %v, %v; mismatch (-Evaluate +EvaluateInto):\n%s", at, over, facts, werr, gerr, diff)
		}
	})
}

// TestEvaluateIntoAllocatesOnce: after the first call into a Result, a
// compiled table grades every later facts into it without allocating,
// whatever rule each meets.
func TestEvaluateIntoAllocatesOnce(t *testing.T) {
	for _, tbl := range []*scoring.Table{wuhu.Table(), thresholdTable()} {
		compiled, err := tbl.Compile()
		if err != nil {
			t.Fatal(err)
		}
		facts := variedFacts(4096)
		var dst scoring.Result
		for _, f := range facts { // the first call, and the room for a rule of four checks
			if err := scoring.EvaluateInto(compiled, &dst, f); err != nil {
				t.Fatal(err)
			}
		}
		allocs := testing.AllocsPerRun(3, func() {
			for _, f := range facts {
				if err := scoring.EvaluateInto(compiled, &dst, f); err != nil {
					t.Fatal(err)
				}
			}
		})
		if allocs != 0 {
			t.Errorf("%s: %v allocations grading %d facts into one Result, want 0", tbl.Version, allocs, len(facts))
		}
	}
}

// cloneResult returns a copy of r that shares no memory with it.
func cloneResult(r scoring.Result) scoring.Result {
	r.Reasons = slices.Clone(r.Reasons)
	for i := range r.Reasons {
		r.Reasons[i].Checks = slices.Clone(r.Reasons[i].Checks)
		r.Reasons[i].Figures = slices.Clone(r.Reasons[i].Figures)
	}
	return r
}

// TestEvaluateIntoLeavesForeignMemory: a Result that dst got elsewhere —
// from Evaluate, from a host's evaluator, from a Book, with a reason
// appended — is never written over; EvaluateInto replaces it.
func TestEvaluateIntoLeavesForeignMemory(t *testing.T) {
	tbl := thresholdTable()
	compiled, err := tbl.Compile()
	if err != nil {
		t.Fatal(err)
	}
	facts := edgeFacts()
	book := scoring.NewBook(nil)
	at := time.Date(2020, 6, 3, 17, 0, 0, 0, time.UTC)
	for i, f := range facts {
		f.Matter, f.Subject, f.Evaluator = fmt.Sprint("M", i), "S", "E"
		r, err := tbl.Evaluate(f)
		if err != nil {
			continue
		}
		if err := book.Record(f.Evaluation(at, r)); err != nil {
			t.Fatal(err)
		}
	}
	var fromBook []scoring.Result
	for e := range book.All() {
		fromBook = append(fromBook, e.Result)
	}
	figures := make([]reason.Figure, 8)
	kept := []scoring.Result{
		{Reasons: []reason.Reason{{Rule: 1, Checks: []reason.Check{{Of: reason.Stage, Op: reason.Is}}, Figures: figures}}},
		{Reasons: append(make([]reason.Reason, 0, 2), reason.Reason{Rule: 1, Figures: figures})},
	}
	kept = append(kept, fromBook...)
	for _, f := range facts {
		r, err := compiled.Evaluate(f)
		if err == nil {
			kept = append(kept, r)
		}
	}
	var withAppended scoring.Result
	if err := scoring.EvaluateInto(compiled, &withAppended, facts[0]); err != nil {
		t.Fatal(err)
	}
	withAppended.Reasons = append(withAppended.Reasons, reason.Text("the host's own"))
	kept = append(kept, withAppended)
	for i, k := range kept {
		before := cloneResult(k)
		for _, f := range facts {
			dst := k
			_ = scoring.EvaluateInto(compiled, &dst, f)
		}
		if diff := cmp.Diff(before, k, decimalEqual); diff != "" {
			t.Errorf("result %d: EvaluateInto wrote over memory it did not make; mismatch (-before +after):\n%s", i, diff)
		}
	}
}

// TestEvaluateIntoOtherEvaluators: an evaluator not compiled from a table
// leaves in dst what it returns, error and all.
func TestEvaluateIntoOtherEvaluators(t *testing.T) {
	refuse := errors.New("no figures")
	graded := scoring.Result{Grade: "good", Points: decimal.New(85, 0), Policy: "p-1", Reasons: reason.Texts("given")}
	for _, c := range []struct {
		name    string
		e       scoring.Evaluator
		want    scoring.Result
		wantErr error
	}{
		{"grades", scoring.EvaluatorFunc(func(scoring.Facts) (scoring.Result, error) { return graded, nil }), graded, nil},
		{"nothing to say", scoring.First(), scoring.Result{}, nil},
		{"refuses", scoring.EvaluatorFunc(func(scoring.Facts) (scoring.Result, error) { return scoring.Result{}, refuse }), scoring.Result{}, refuse},
		{"table", wuhu.Table(), mustEvaluate(t, wuhu.Table(), variedFacts(1)[0]), nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			dst := scoring.Result{Grade: "poor", Reasons: reason.Texts("before")}
			err := scoring.EvaluateInto(c.e, &dst, variedFacts(1)[0])
			if !errors.Is(err, c.wantErr) || (err == nil) != (c.wantErr == nil) {
				t.Errorf("error %v, want %v", err, c.wantErr)
			}
			if diff := cmp.Diff(c.want, dst, decimalEqual); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func mustEvaluate(t *testing.T, e scoring.Evaluator, f scoring.Facts) scoring.Result {
	t.Helper()
	r, err := e.Evaluate(f)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestEvaluateIntoMisuse: a nil evaluator or a nil Result is the caller's
// mistake, and panics saying so.
func TestEvaluateIntoMisuse(t *testing.T) {
	compiled, err := wuhu.Table().Compile()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		call func()
		want string
	}{
		{"nil evaluator", func() { _ = scoring.EvaluateInto(nil, new(scoring.Result), scoring.Facts{}) }, "nil Evaluator"},
		{"nil result", func() { _ = scoring.EvaluateInto(compiled, nil, scoring.Facts{}) }, "nil *Result"},
	} {
		if msg := fmt.Sprint(hardening.PanicOf(c.call)); !strings.Contains(msg, c.want) {
			t.Errorf("%s: panic %q, want one saying %q", c.name, msg, c.want)
		}
	}
}

// TestEvaluateRefusesFactsOutOfRange: a Quality outside 0–5 or a negative
// count is not a judgement or a count a rule can read ("quality at most 2"
// would match −3), so a table, compiled or not, refuses it, naming the
// matter and the subject, with the same error either way.
func TestEvaluateRefusesFactsOutOfRange(t *testing.T) {
	tbl := wuhu.Table()
	compiled, err := tbl.Compile()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name  string
		facts scoring.Facts
		want  string
	}{
		{"quality −3", scoring.Facts{Quality: -3}, "quality -3, not 0–5"},
		{"quality 6", scoring.Facts{Quality: 6}, "quality 6, not 0–5"},
		{"urged −1", scoring.Facts{Urged: -1}, "urged -1 times"},
		{"supervised −2", scoring.Facts{Supervised: -2, Quality: 9}, "quality 9, not 0–5; supervised -2 times"},
	} {
		tt.facts.Matter, tt.facts.Subject, tt.facts.Resolved = "M-1", "城管局", true
		want := fmt.Sprintf("table %q, matter \"M-1\", subject \"城管局\": %s", tbl.Version, tt.want)
		var into scoring.Result
		_, perr := tbl.Evaluate(tt.facts)
		_, cerr := compiled.Evaluate(tt.facts)
		ierr := scoring.EvaluateInto(compiled, &into, tt.facts)
		for _, c := range []struct {
			how string
			err error
		}{{"Evaluate", perr}, {"compiled", cerr}, {"EvaluateInto", ierr}} {
			if !errors.Is(c.err, scoring.ErrInvalid) || !strings.Contains(fmt.Sprint(c.err), want) {
				t.Errorf("%s: %s = %v; want ErrInvalid with %q", tt.name, c.how, c.err, want)
			}
		}
		if diff := cmp.Diff(scoring.Result{}, into, decimalEqual); diff != "" {
			t.Errorf("%s: EvaluateInto left a result; mismatch (-want +got):\n%s", tt.name, diff)
		}
	}
}
