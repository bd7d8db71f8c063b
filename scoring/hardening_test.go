package scoring_test

// Hardening: every exported function and method of package scoring,
// called with zero values, nil slices and maps, zero times, negative
// durations and huge inputs, returns an error or a sound result and never
// panics. TestHardening also keeps the rows complete: a new
// exported function without a row here fails it.

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/shopspring/decimal"

	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/internal/hardening/samples"
	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring"
)

// TestHardening checks that every exported function of the package, and
// every exported method of an exported type, has a row, and runs the rows:
// each makes its calls, failing on a panic or an unsound result.
func TestHardening(t *testing.T) { hardening.Test(t, hardeningRows()) }

// hardeningRows has a row for each exported function and method of the
// package.
func hardeningRows() []hardening.Row {
	return append(hardening.EnumsRows(hardeningEnums...), []hardening.Row{
		hardening.MarshalRow("scoring.Result", scoring.Result{Points: hardening.Decimals[2], Reasons: reason.Texts(hardening.BadUTF8)}),
		hardening.MarshalRow("scoring.Facts", facts()...),
		hardening.UnmarshalRow[scoring.Facts]("scoring.Facts"),
		hardening.UnmarshalRow[scoring.Evaluation]("scoring.Evaluation"),
		hardening.UnmarshalRow[scoring.Amendment]("scoring.Amendment"),
		hardening.MarshalRow("scoring.Grade", scoring.Grade{Points: hardening.Decimals[4]}),
		hardening.UnmarshalRow[scoring.Grade]("scoring.Grade"),
		hardening.UnmarshalRow[scoring.Result]("scoring.Result"),
		hardening.UnmarshalRow[scoring.Score]("scoring.Score"),
		hardening.MarshalRow("scoring.Score", scoring.Score{Composite: hardening.Decimals[3], Grades: map[string]int{"": -1}}),
		hardening.MarshalRow[scoring.TableRule]("scoring.TableRule"),
		hardening.UnmarshalRow[scoring.TableRule]("scoring.TableRule"),
		hardening.UnmarshalRow[scoring.Table]("scoring.Table"),
		{Name: "scoring.Book.MarshalJSON", Run: func(c *hardening.Caller) {
			b := fullBook()
			for i, bk := range []*scoring.Book{{}, scoring.NewBook(nil), b} {
				desc := fmt.Sprintf("book %d .MarshalJSON()", i)
				c.Call(desc, func() { out, err := bk.MarshalJSON(); c.JSONSound(desc, out, err) })
			}
		}},
		hardening.UnmarshalRow[scoring.Book]("scoring.Book"),
		{Name: "scoring.NewBook", Run: func(c *hardening.Caller) {
			never := func(string) (*matters.Matter, bool) { return nil, false }
			odd := func(string) (*matters.Matter, bool) {
				return &matters.Matter{Stage: -1, State: matters.State(99)}, true
			}
			for i, o := range []*scoring.BookOptions{nil, {}, {Scale: scoring.Scale{{}, {Code: "good"}}, Bands: true, AmendWithin: -1, Matter: never},
				{Scale: scoring.Scale{{Code: "good", Points: hardening.Decimals[2]}}, AmendWithin: 1, Now: func() time.Time { return time.Time{} }, Matter: odd}} {
				c.Call(fmt.Sprintf("NewBook(options %d), Record and Amend", i), func() {
					b := scoring.NewBook(o)
					for _, e := range samples.Evaluations() {
						_ = b.Record(e)
						_ = b.Amend(scoring.Amendment{Evaluation: e, Author: "A", Reason: "R"})
					}
				})
			}
		}},
		{Name: "scoring.Book.Record", Run: func(c *hardening.Caller) {
			for i, b := range []*scoring.Book{{}, scoring.NewBook(nil)} {
				for j, e := range samples.Evaluations() {
					c.Call(fmt.Sprintf("book %d .Record(evaluation %d)", i, j), func() { _ = b.Record(e) })
				}
				c.Call(fmt.Sprintf("book %d .Record(Evaluation{}) is an error", i), func() { c.WantErr("Record(Evaluation{})", b.Record(scoring.Evaluation{})) })
			}
		}},
		{Name: "scoring.Book.Amend", Run: func(c *hardening.Caller) {
			b := fullBook()
			for i, e := range samples.Evaluations() {
				for _, a := range []scoring.Amendment{{Evaluation: e}, {Evaluation: e, Author: hardening.Huge, Reason: hardening.BadUTF8}} {
					c.Call(fmt.Sprintf("Amend(evaluation %d)", i), func() { _ = b.Amend(a) })
				}
			}
			c.Call("Amend(Amendment{}) is an error", func() { c.WantErr("Amend(Amendment{})", b.Amend(scoring.Amendment{})) })
		}},
		{Name: "scoring.Book.Len", Run: func(c *hardening.Caller) {
			c.Call("(&Book{}).Len()", func() { _ = (&scoring.Book{}).Len() })
		}},
		{Name: "scoring.Book.Evaluations", Run: func(c *hardening.Caller) {
			c.Call("(&Book{}).Evaluations()", func() { _ = (&scoring.Book{}).Evaluations() })
		}},
		{Name: "scoring.Book.All", Run: func(c *hardening.Caller) {
			full := fullBook()
			for i, b := range []*scoring.Book{nil, {}, full} {
				desc := fmt.Sprintf("book %d .All()", i)
				c.Call(desc, func() {
					n := 0
					for range b.All() {
						n++
					}
					if n != b.Len() {
						c.Fail(desc, "%d evaluations for %d recorded", n, b.Len())
					}
				})
			}
		}},
		{Name: "scoring.Book.Matter", Run: func(c *hardening.Caller) {
			full := fullBook()
			for i, b := range []*scoring.Book{nil, {}, full} {
				for _, id := range []string{"", hardening.BadUTF8, hardening.Huge, "M1"} {
					c.Call(fmt.Sprintf("book %d .Matter(%q)", i, hardening.Clip(id)), func() { _, _ = b.Matter(id) })
				}
			}
		}},
		{Name: "scoring.ParsePeriod", Run: func(c *hardening.Caller) {
			for _, s := range []string{"", hardening.BadUTF8, hardening.Huge, "0000", "9999", "2020-00", "2020-13", "2020-02-30", "2020-W00", "2020-W54", "2021-W53", "-2020", "+2020", " 2020", "２０２０"} {
				desc := fmt.Sprintf("ParsePeriod(%q)", hardening.Clip(s))
				c.Call(desc, func() {
					_, err := scoring.ParsePeriod(s)
					c.WantErr(desc, err)
				})
			}
		}},
		{Name: "scoring.Book.Amendments", Run: func(c *hardening.Caller) {
			c.Call("(&Book{}).Amendments()", func() { _ = (&scoring.Book{}).Amendments() })
		}},
		{Name: "scoring.Book.Merge", Run: func(c *hardening.Caller) {
			full := fullBook()
			c.Call("(&Book{}).Merge(nil)", func() { _ = (&scoring.Book{}).Merge(nil) })
			c.Call("(&Book{}).Merge(&Book{})", func() { _ = (&scoring.Book{}).Merge(&scoring.Book{}) })
			c.Call("NewBook(nil).Merge(full)", func() { _ = scoring.NewBook(nil).Merge(full) })
			// Into books whose options check what the hostile book holds.
			for i, opts := range []*scoring.BookOptions{
				{Scale: scoring.Scale{{Code: "good", Points: decimal.NewFromInt(85)}}, Bands: true},
				{Matter: func(string) (*matters.Matter, bool) { return nil, true }},
				{Matter: func(id string) (*matters.Matter, bool) { return &matters.Matter{ID: id}, true }, AmendWithin: time.Nanosecond},
				{Now: func() time.Time { return time.Time{} }},
			} {
				desc := fmt.Sprintf("NewBook(options %d).Merge(full)", i)
				c.Call(desc, func() {
					b := scoring.NewBook(opts)
					if err := b.Merge(full); err != nil && (!errors.Is(err, scoring.ErrInvalid) || b.Len() != 0) {
						c.Fail(desc, "%v, with %d evaluations taken", err, b.Len())
					}
				})
			}
			c.Call("b.Merge(b)", func() {
				done := make(chan error, 1)
				go func() {
					defer func() {
						if r := recover(); r != nil {
							done <- fmt.Errorf("panic: %v", r)
						}
					}()
					done <- full.Merge(full)
				}()
				select {
				case err := <-done:
					if err != nil && strings.HasPrefix(err.Error(), "panic: ") {
						c.Fail("b.Merge(b)", "%v", err)
					}
				case <-time.After(10 * time.Second):
					c.Fail("b.Merge(b)", "did not return in 10 s: a deadlock")
				}
			})
		}},
		{Name: "scoring.Book.Scores", Run: func(c *hardening.Caller) {
			full := fullBook()
			for i, b := range []*scoring.Book{{}, full} {
				for j, p := range periods() {
					c.Call(fmt.Sprintf("book %d .Scores(period %d)", i, j), func() { _ = b.Scores(p) })
				}
			}
		}},
		{Name: "scoring.Result.IsZero", Run: func(c *hardening.Caller) {
			for _, r := range []scoring.Result{{}, {Points: hardening.Decimals[2]}} {
				c.Call(fmt.Sprintf("%#v.IsZero()", r), func() { _ = r.IsZero() })
			}
		}},
		{Name: "scoring.EvaluatorFunc.Evaluate", Run: func(c *hardening.Caller) {
			f := scoring.EvaluatorFunc(func(scoring.Facts) (scoring.Result, error) { return scoring.Result{}, nil })
			for i, x := range facts() {
				c.Call(fmt.Sprintf("EvaluatorFunc.Evaluate(facts %d)", i), func() { _, _ = f.Evaluate(x) })
			}
		}},
		{Name: "scoring.First", Run: func(c *hardening.Caller) {
			for i, es := range [][]scoring.Evaluator{nil, {scoring.First()}, {wuhu.Table(), scoring.First()}, {&scoring.Table{}}} {
				for j, x := range facts() {
					c.Call(fmt.Sprintf("First(evaluators %d).Evaluate(facts %d)", i, j), func() { _, _ = scoring.First(es...).Evaluate(x) })
				}
			}
		}},
		{Name: "scoring.Weighted", Run: func(c *hardening.Caller) {
			partss := [][]scoring.Part{nil, {{Evaluator: scoring.First()}}, {{Name: "a", Weight: decimal.New(1, 0), Evaluator: wuhu.Table()}},
				{{Name: "a", Weight: hardening.Decimals[2], Evaluator: scoring.First()}, {Name: "a", Weight: hardening.Decimals[3], Evaluator: scoring.First()}}}
			for i, parts := range partss {
				for j, scale := range []scoring.Scale{nil, {{}}, wuhu.Scale()} {
					c.Call(fmt.Sprintf("Weighted(huge, scale %d, parts %d)", j, i), func() {
						e, err := scoring.Weighted(hardening.Huge, scale, parts)
						if err != nil {
							return
						}
						for _, x := range facts() {
							_, _ = e.Evaluate(x)
						}
					})
				}
			}
		}},
		{Name: "scoring.FactsFor", Run: func(c *hardening.Caller) {
			for i, m := range samples.Matters() {
				if m == nil {
					continue // a nil matter is misuse: FactsFor panics
				}
				for j, cal := range samples.Calendars() {
					for k, r := range samples.Routes() {
						for _, u := range []string{"", "城管局", hardening.Huge} {
							c.Call(fmt.Sprintf("FactsFor(calendar %d, matter %d, %q, route %d)", j, i, hardening.Clip(u), k), func() { _, _ = scoring.FactsFor(cal, m, u, r) })
						}
					}
				}
			}
		}},
		{Name: "scoring.Facts.Evaluation", Run: func(c *hardening.Caller) {
			for i, f := range facts() {
				for j, at := range hardening.Times {
					c.Call(fmt.Sprintf("facts %d .Evaluation(time %d, result)", i, j), func() {
						b := scoring.NewBook(nil)
						_ = b.Record(f.Evaluation(at, scoring.Result{Grade: "good", Points: decimal.New(85, 0), Reasons: reason.Texts("r")}))
					})
				}
			}
		}},
		{Name: "scoring.Scale.Grade", Run: func(c *hardening.Caller) {
			for i, s := range []scoring.Scale{nil, {{}}, wuhu.Scale()} {
				for _, code := range hardening.Strings {
					c.Call(fmt.Sprintf("scale %d .Grade(%q)", i, hardening.Clip(code)), func() { _, _ = s.Grade(code) })
				}
			}
		}},
		{Name: "scoring.Scale.Floor", Run: func(c *hardening.Caller) {
			for i, s := range []scoring.Scale{nil, {{}}, wuhu.Scale(), {{Points: hardening.Decimals[2]}, {Points: hardening.Decimals[3]}}} {
				for _, d := range hardening.Decimals {
					c.Call(fmt.Sprintf("scale %d .Floor(%v)", i, d), func() { _, _ = s.Floor(d) })
				}
			}
		}},
		{Name: "scoring.Scale.Validate", Run: func(c *hardening.Caller) {
			for i, s := range []scoring.Scale{nil, {{}}, {{Code: "a"}, {Code: "a"}}} {
				desc := fmt.Sprintf("scale %d .Validate()", i)
				c.Call(desc, func() { c.WantErr(desc, s.Validate()) })
			}
		}},
		{Name: "scoring.Year", Run: func(c *hardening.Caller) {
			for _, y := range hardening.Ints {
				c.Call(fmt.Sprintf("Year(%d)", y), func() { _ = scoring.Year(y) })
			}
		}},
		{Name: "scoring.Month", Run: func(c *hardening.Caller) {
			for _, y := range hardening.Ints {
				for _, m := range []time.Month{0, 1, 12, 13, -1} {
					c.Call(fmt.Sprintf("Month(%d, %d)", y, m), func() { _ = scoring.Month(y, m) })
				}
			}
		}},
		{Name: "scoring.Week", Run: func(c *hardening.Caller) {
			for _, t := range hardening.Times {
				c.Call(fmt.Sprintf("Week(%v)", t), func() { _ = scoring.Week(t) })
			}
		}},
		{Name: "scoring.Day", Run: func(c *hardening.Caller) {
			for _, t := range hardening.Times {
				c.Call(fmt.Sprintf("Day(%v)", t), func() { _ = scoring.Day(t) })
			}
		}},
		{Name: "scoring.Table.Evaluate", Run: func(c *hardening.Caller) {
			for i, tb := range []*scoring.Table{{}, wuhu.Table(), {Rules: []scoring.TableRule{{}}}} {
				for j, x := range facts() {
					c.Call(fmt.Sprintf("table %d .Evaluate(facts %d)", i, j), func() { _, _ = tb.Evaluate(x) })
				}
			}
		}},
		{Name: "scoring.Table.Compile", Run: func(c *hardening.Caller) {
			for i, tb := range []*scoring.Table{{}, wuhu.Table(), {Rules: []scoring.TableRule{{}}}} {
				c.Call(fmt.Sprintf("table %d .Compile()", i), func() {
					e, err := tb.Compile()
					if (err == nil) != (tb.Validate() == nil) || (err == nil) != (e != nil) {
						c.Fail(fmt.Sprintf("table %d .Compile()", i), "= %v, %v; Validate says %v", e, err, tb.Validate())
					}
					if e == nil {
						return
					}
					for j, x := range facts() {
						c.Call(fmt.Sprintf("table %d compiled .Evaluate(facts %d)", i, j), func() { _, _ = e.Evaluate(x) })
					}
				})
			}
		}},
		{Name: "scoring.EvaluateInto", Run: func(c *hardening.Caller) {
			compiled, _ := wuhu.Table().Compile()
			for i, e := range []scoring.Evaluator{compiled, wuhu.Table(), &scoring.Table{}, scoring.First()} {
				dst := scoring.Result{Reasons: reason.Texts(hardening.BadUTF8)}
				for j, x := range facts() {
					c.Call(fmt.Sprintf("EvaluateInto(evaluator %d, dst, facts %d)", i, j), func() { _ = scoring.EvaluateInto(e, &dst, x) })
				}
			}
		}},
		{Name: "scoring.LoadTable", Run: func(c *hardening.Caller) {
			for _, in := range hardening.JSONInputs {
				c.Call(fmt.Sprintf("LoadTable(%q)", hardening.Clip(string(in))), func() { _, _ = scoring.LoadTable(bytes.NewReader(in)) })
			}
		}},
		{Name: "scoring.Table.Validate", Run: func(c *hardening.Caller) {
			for i, tb := range []*scoring.Table{{}, {Rules: []scoring.TableRule{{}}}, {Scale: scoring.Scale{{}}, Rules: make([]scoring.TableRule, 1000)}} {
				desc := fmt.Sprintf("table %d .Validate()", i)
				c.Call(desc, func() { c.WantErr(desc, tb.Validate()) })
			}
		}},
	}...)
}

// facts are facts with hostile durations, grades and attributes, and the zero Facts.
func facts() []scoring.Facts {
	no := false
	var fs []scoring.Facts
	fs = append(fs, scoring.Facts{})
	for _, d := range hardening.Durations {
		fs = append(fs, scoring.Facts{Matter: "M", Subject: "S", Evaluator: "E", Stage: -1, Final: true,
			Response: d, ResponseLimit: d, Resolution: -d, ResolutionLimit: d, Responded: true, Resolved: true,
			Quality: math.MinInt, Satisfied: &no, Attrs: map[string]string{"": hardening.Huge}})
	}
	fs = append(fs, scoring.Facts{Quality: math.MaxInt, Stage: math.MaxInt, Type: hardening.Huge})
	return fs
}

// fullBook is a book of those of samples.Evaluations() it records.
func fullBook() *scoring.Book {
	b := scoring.NewBook(nil)
	for _, e := range samples.Evaluations() {
		_ = b.Record(e)
	}
	return b
}

// periods are the zero period, ordinary ones, one that ends before it
// starts, and periods at the ends of the calendar.
func periods() []scoring.Period {
	return []scoring.Period{{}, scoring.Year(2020), {From: hardening.Times[3], To: hardening.Times[2]}, {From: hardening.Times[2], To: hardening.Times[3]}, scoring.Year(math.MaxInt), scoring.Month(2020, 13)}
}

// FuzzEnumText: no text panics ParseSatisfaction, UnmarshalText or Scan; they
// agree on any text but the empty one (UnmarshalText reads it as
// AnySatisfaction), and what they accept parses again from its code and
// label and marshals back to the same value.
func FuzzEnumText(f *testing.F) {
	hardening.FuzzEnums(f, hardeningEnums...)
}

// hardeningEnums are the enums of the package, for their rows and FuzzEnumText.
var hardeningEnums = []hardening.EnumCase{
	hardening.EnumOf[scoring.Satisfaction]("scoring", "Satisfaction", scoring.ParseSatisfaction),
}
