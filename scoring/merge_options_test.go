package scoring

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/matters"
	"github.com/shopspring/decimal"
)

// Merge checks what it takes in against the receiving book's options, as
// Record and Amend do: a book built with looser options, or none, cannot
// bring in what the receiver would refuse.

// mergeNow is the time the property tests' books take for now.
var mergeNow = time.Date(2020, 12, 1, 0, 0, 0, 0, cst)

// mergeMatters returns a BookOptions.Matter that finds every matter but
// those of unknown, each dispatched to the subjects D0 … D6 by both
// evaluators S0 and S1 before two stages, and resolved: every key of
// randomHistory is in the history of a matter it finds.
func mergeMatters(unknown map[string]bool) func(string) (*matters.Matter, bool) {
	units := []string{"D0", "D1", "D2", "D3", "D4", "D5", "D6"}
	return func(id string) (*matters.Matter, bool) {
		if unknown[id] {
			return nil, false
		}
		return &matters.Matter{ID: id, Owner: "S0", State: matters.Resolved, Stage: 2, Events: []matters.Event{
			{Kind: matters.Dispatch, Actor: "S0", Units: units},
			{Kind: matters.Dispatch, Actor: "S1", Units: units},
			{Kind: matters.Progress, Actor: "D0"},
			{Kind: matters.Progress, Actor: "D0"},
		}}, true
	}
}

// TestMergeChecksOptions: an evaluation or amendment that the receiving
// book's options refuse, in a book without options, makes Merge refuse
// the whole book, naming it and wrapping ErrInvalid as Record or Amend
// would, and leaves the receiver as it was.
func TestMergeChecksOptions(t *testing.T) {
	good := eval("M1", "D1", 0, june, "good", "85")
	for _, c := range []struct {
		name string
		opts BookOptions
		es   []Evaluation
		as   []Amendment
		want string // in the error
	}{
		{"points off the scale", BookOptions{Scale: testScale()},
			[]Evaluation{good, eval("M2", "D2", 0, june, "good", "86")}, nil,
			`evaluation of matter "M2", subject "D2"`},
		{"grade off the scale", BookOptions{Scale: testScale()},
			[]Evaluation{good, eval("M2", "D2", 0, june, "superb", "100")}, nil,
			`grade "superb" is not on the scale`},
		// The points of one grade given another: Merge checks each grade
		// with its points, however many evaluations share the points.
		{"another grade's points", BookOptions{Scale: testScale()},
			[]Evaluation{good, eval("M2", "D2", 0, june, "fair", "85")}, nil,
			`points 85 are not those of grade "fair" (70)`},
		{"points outside a band", BookOptions{Scale: testScale(), Bands: true},
			[]Evaluation{good, eval("M2", "D2", 0, june, "good", "100")}, nil,
			`outside the band of grade "good"`},
		{"amendment off the scale", BookOptions{Scale: testScale()},
			[]Evaluation{good}, []Amendment{{Evaluation: eval("M1", "D1", 0, june.Add(time.Hour), "fair", "71"), Author: "A", Reason: "r"}},
			`amendment of matter "M1", subject "D1"`},
		{"amendment in the future", BookOptions{Now: func() time.Time { return june.Add(time.Hour) }},
			[]Evaluation{good}, []Amendment{{Evaluation: eval("M1", "D1", 0, june.Add(2*time.Hour), "fair", "70"), Author: "A", Reason: "r"}},
			`amendment of matter "M1", subject "D1", evaluator "S1", stage 0: dated`},
		{"amendment past the window", BookOptions{AmendWithin: time.Hour},
			[]Evaluation{good}, []Amendment{{Evaluation: eval("M1", "D1", 0, june.Add(2*time.Hour), "fair", "70"), Author: "A", Reason: "r"}},
			"more than 1h0m0s after"},
		{"amendment before the evaluation", BookOptions{AmendWithin: time.Hour},
			[]Evaluation{good}, []Amendment{{Evaluation: eval("M1", "D1", 0, june.Add(-time.Hour), "fair", "70"), Author: "A", Reason: "r"}},
			"before the evaluation it corrects"},
		{"no such matter", BookOptions{Matter: mergeMatters(map[string]bool{"M9": true})},
			[]Evaluation{eval("M1", "D1", 0, june, "good", "85"), eval("M9", "D1", 0, june, "good", "85")}, nil,
			`evaluation of matter "M9", subject "D1", evaluator "S1", stage 0: no such matter`},
		{"a stage the matter never had", BookOptions{Matter: mergeMatters(nil)},
			[]Evaluation{eval("M1", "D1", 4, june, "good", "85")}, nil,
			"stage 4 is not in the matter's history"},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := NewBook(&c.opts)
			recordAll(t, a, eval("M0", "D0", 0, june, "good", "85"))
			before := stateOf(t, a)
			o := bookOf(t, c.es, c.as)
			err := a.Merge(o)
			if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("Merge = %v, want ErrInvalid naming %q", err, c.want)
			}
			if diff := cmp.Diff(before, stateOf(t, a)); diff != "" {
				t.Errorf("a refused Merge changed the book: mismatch (-want +got):\n%s", diff)
			}
			// What Record or Amend says of the same, the receiver's options
			// checking alone (no duplicate, no missing evaluation).
			var one error
			for _, e := range c.es {
				one = errors.Join(one, NewBook(&c.opts).Record(e))
			}
			for _, am := range c.as {
				b := NewBook(&c.opts)
				one = errors.Join(one, b.Record(good), b.Amend(am))
			}
			if one == nil || !strings.Contains(one.Error(), c.want) {
				t.Errorf("Record and Amend say %v, want %q as Merge does", one, c.want)
			}
		})
	}
}

// TestMergeManyRefusals: Merge lists the first hundred evaluations its
// options refuse and counts the others, as UnmarshalJSON does.
func TestMergeManyRefusals(t *testing.T) {
	o := NewBook(nil)
	for i := range 150 {
		recordAll(t, o, eval(fmt.Sprintf("M%03d", i), "D1", 0, june, "good", "86"))
	}
	a := NewBook(&BookOptions{Scale: testScale()})
	err := a.Merge(o)
	if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "50 more problems") {
		t.Fatalf("Merge = %v, want ErrInvalid with 50 more problems", err)
	}
	if a.Len() != 0 {
		t.Errorf("a refused Merge left %d evaluations", a.Len())
	}
}

// TestMergeAgreesWithRecording: for random books, merging o into a book
// with options succeeds exactly when recording o's evaluations into it one
// by one, then amending with o's amendments, would succeed — whether o has
// options of its own, looser ones or none — and gives the same book; a
// refused merge leaves the book as it was.
func TestMergeAgreesWithRecording(t *testing.T) {
	accepted, refused := 0, 0
	forRandomHistories(t, 60, 23, 20, 60, func(seed uint64, r *rand.Rand, es []Evaluation, as []Amendment, _ *Book) {
		unknown := map[string]bool{}
		for range r.IntN(3) {
			unknown[fmt.Sprintf("M%d", r.IntN(len(es)))] = true
		}
		opts := BookOptions{Scale: testScale(), Bands: r.IntN(2) == 0, Now: func() time.Time { return mergeNow }}
		if r.IntN(2) == 0 {
			opts.AmendWithin = time.Duration(r.IntN(3)) * time.Hour
		}
		if r.IntN(2) == 0 {
			opts.Matter = mergeMatters(unknown)
		}
		looser := []*BookOptions{nil, {}, {Scale: testScale(), Bands: true}}[r.IntN(3)]
		parts := shardByMatter(es, 2)
		inPart := map[string]bool{}
		for _, e := range parts[1] {
			inPart[e.Matter] = true
		}
		var oas []Amendment
		for _, am := range as {
			if inPart[am.Matter] {
				oas = append(oas, am)
			}
		}
		// Most of the time o holds only what the receiver's options take,
		// one at a time, but for one entry, if any.
		oes := parts[1]
		if r.IntN(3) > 0 {
			oes, oas = takenBy(&opts, oes, oas)
			if bad := badOf(r, es, &opts); bad != nil {
				oes = append(oes, *bad)
			}
		}
		if r.IntN(8) == 0 && len(parts[0]) > 0 { // an overlap
			oes = append(oes, parts[0][r.IntN(len(parts[0]))])
		}
		a := NewBook(&opts)
		for _, e := range parts[0] {
			_ = a.Record(e) // what the options take
		}
		o := NewBook(looser)
		for _, e := range oes {
			_ = o.Record(e) // an overlap o took twice is refused here
		}
		for _, am := range oas {
			_ = o.Amend(am)
		}
		before := stateOf(t, a)
		// The reference: o's contents recorded into a copy of a.
		ref := NewBook(&opts)
		if err := ref.Merge(a); err != nil {
			t.Fatal(err)
		}
		var one error
		for _, e := range o.Evaluations() {
			one = errors.Join(one, ref.Record(e))
		}
		for _, am := range o.Amendments() {
			one = errors.Join(one, ref.Amend(am))
		}
		err := a.Merge(o)
		if (err == nil) != (one == nil) {
			t.Fatalf("seed %d: Merge = %v; recording one by one = %v", seed, err, one)
		}
		if err != nil {
			refused++
			if !errors.Is(err, ErrInvalid) && !errors.Is(err, ErrDuplicate) {
				t.Errorf("seed %d: Merge = %v, want ErrInvalid or ErrDuplicate", seed, err)
			}
			if diff := cmp.Diff(before, stateOf(t, a)); diff != "" {
				t.Errorf("seed %d: a refused Merge changed the book: mismatch (-want +got):\n%s", seed, diff)
			}
			return
		}
		accepted++
		if diff := cmp.Diff(stateOf(t, ref), stateOf(t, a)); diff != "" {
			t.Errorf("seed %d: merged and recorded books differ: mismatch (-want +got):\n%s", seed, diff)
		}
	})
	if accepted < 10 || refused < 10 {
		t.Errorf("%d merges accepted and %d refused: the histories do not test both", accepted, refused)
	}
}

// takenBy returns the evaluations and amendments a book with opts takes
// when given them one at a time.
func takenBy(opts *BookOptions, es []Evaluation, as []Amendment) ([]Evaluation, []Amendment) {
	b := NewBook(opts)
	var oes []Evaluation
	for _, e := range es {
		if b.Record(e) == nil {
			oes = append(oes, e)
		}
	}
	var oas []Amendment
	for _, am := range as {
		if b.Amend(am) == nil {
			oas = append(oas, am)
		}
	}
	return oes, oas
}

// badOf returns an evaluation of a new matter that a book with opts
// refuses alone, or nil if none of a few tries is.
func badOf(r *rand.Rand, es []Evaluation, opts *BookOptions) *Evaluation {
	for range 10 {
		e := es[r.IntN(len(es))]
		e.Matter += "-new"
		e.Result.Points = decimal.New(r.Int64N(20000)-1000, -2)
		if r.IntN(2) == 0 {
			e.Result.Grade = "superb"
		}
		if NewBook(opts).Record(e) != nil {
			return &e
		}
	}
	return nil
}
