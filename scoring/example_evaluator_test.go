package scoring_test

import (
	"fmt"
	"strconv"

	"github.com/qingdan/qingdan/locality/wuhu"
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
