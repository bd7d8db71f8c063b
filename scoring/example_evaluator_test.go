package scoring_test

import (
	"fmt"
	"strconv"
	"time"

	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/reason"
)

// Joint grades a coordinated matter (统筹) by how many units answered: a
// host's own evaluator. It keeps no state, so it is safe for concurrent
// use; it reads Attrs and never changes or keeps them.
type Joint struct {
	Scale scoring.Scale // with the grades excellent, fair and poor
}

// Evaluate grades the share of units that answered, from the "units" and
// "answered" attributes the host sets. Without them it does not evaluate
// (the zero Result), so that a scoring.First can ask another evaluator; with
// figures that make no sense it refuses.
func (j Joint) Evaluate(f scoring.Facts) (scoring.Result, error) {
	units, err1 := strconv.Atoi(f.Attrs["units"])
	answered, err2 := strconv.Atoi(f.Attrs["answered"])
	if f.Attrs["units"] == "" || f.Attrs["answered"] == "" {
		return scoring.Result{}, nil
	}
	if err1 != nil || err2 != nil || units <= 0 || answered < 0 || answered > units {
		return scoring.Result{}, fmt.Errorf("joint: matter %q: %d of %d units answered makes no sense", f.Matter, answered, units)
	}
	code := "poor"
	switch {
	case answered == units:
		code = "excellent"
	case 2*answered >= units:
		code = "fair"
	}
	g, ok := j.Scale.Grade(code)
	if !ok {
		return scoring.Result{}, fmt.Errorf("joint: the scale has no grade %q", code)
	}
	return scoring.Result{Grade: g.Code, Points: g.Points, Policy: "joint-1",
		Reasons: reason.Texts(fmt.Sprintf("%d of %d units answered", answered, units))}, nil
}

func Example_customEvaluator() {
	e := scoring.First(Joint{Scale: wuhu.Scale()}, wuhu.Table())
	for _, attrs := range []map[string]string{
		{"units": "3", "answered": "3"},
		{"units": "3", "answered": "1"},
		nil, // not a joint matter: the table grades it
	} {
		r, err := e.Evaluate(scoring.Facts{Matter: "2020-0100", Attrs: attrs})
		fmt.Println(r.Grade, r.Policy, r.Reasons, err)
	}
	// Output:
	// excellent joint-1 [3 of 3 units answered] <nil>
	// poor joint-1 [1 of 3 units answered] <nil>
	// poor wuhu-2020.2 [rule 1 "never responded": not responded, not resolved, quality not given, no feedback] <nil>
}

// A host grading many matters into a Book grades each into one Result
// with EvaluateInto and records it before grading the next: the Book
// copies what it records, and the compiled table writes each reason into
// the memory of the one before.
func ExampleEvaluateInto() {
	grade, err := wuhu.Table().Compile()
	if err != nil {
		fmt.Println(err)
		return
	}
	book := scoring.NewBook(nil)
	at := time.Date(2020, 6, 5, 17, 0, 0, 0, workday.CST())
	var r scoring.Result
	for i, hours := range []time.Duration{2, 5, 30} {
		f := scoring.Facts{Matter: fmt.Sprintf("2020-%04d", i+1), Subject: "城管执法局", Evaluator: "镜湖街道", Type: "占道经营",
			Responded: true, Response: hours * time.Hour, ResponseLimit: 4 * time.Hour,
			Resolved: true, Resolution: 40 * time.Hour, ResolutionLimit: 72 * time.Hour}
		if err := scoring.EvaluateInto(grade, &r, f); err != nil {
			fmt.Println(err)
			return
		}
		if err := book.Record(f.Evaluation(at, r)); err != nil {
			fmt.Println(err)
			return
		}
	}
	for _, e := range book.Evaluations() {
		fmt.Println(e.Matter, e.Result.Grade, e.Result.Reasons[0])
	}
	// Output:
	// 2020-0001 good rule 8 "on time": response 0.50 of limit, resolution 0.56 of limit, quality not given, no feedback, type "占道经营"
	// 2020-0002 fair rule 9 "late": response 1.25 of limit, resolution 0.56 of limit, quality not given, no feedback, type "占道经营"
	// 2020-0003 poor rule 2 "response over twice its limit": response 7.50 of limit, resolution 0.56 of limit, quality not given, no feedback, type "占道经营"
}
