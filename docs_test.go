package qingdan_test

// This file holds the code of the README's quickstart and of
// docs/guide.md's snippets, compiled and run. TestDocSnippets holds each
// snippet to the code between the markers "// snippet: FILE N" and
// "// end snippet" below (N counts the file's ```go blocks from 1): every
// line of the snippet is, in order, a line of that code. A "…" in a
// snippet's line stands for code elided there: the code's line need only
// begin with what comes before the "…", end with what comes after it and
// hold what lies between. Runs of blanks count as one: gofmt aligns
// comments by characters, the snippets by how wide Chinese characters show.

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/accountability/accountabilitytest"
	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/qingdan/qingdan/scoring/scoringtest"
)

// quickstart is the README's quickstart; seen is given what its comments
// say of its results.
func quickstart(seen func(result scoring.Result, scores []scoring.Score, annual decimal.Decimal)) error {
	// snippet: README.md 1
	dir := &matters.Directory{Routes: []matters.Route{
		{Type: "占道经营", Lead: "城管局", Support: []string{"市场监管局"}, Respond: 4 * time.Hour, ResolveDays: 3},
	}}
	route, _ := dir.Route("占道经营")

	at := func(day, hour int) time.Time { return time.Date(2020, 6, day, hour, 0, 0, 0, workday.CST()) }
	m := &matters.Matter{}
	for _, e := range []matters.Event{
		{Kind: matters.Report, Actor: "赭山街道", Type: "占道经营", At: at(1, 9)},
		{Kind: matters.Whistle, Actor: "赭山街道", At: at(1, 9)},
		{Kind: matters.Dispatch, Actor: "赭山街道", Units: []string{route.Lead}, At: at(1, 10)},
		{Kind: matters.Accept, Actor: "城管局", At: at(1, 12)},
		{Kind: matters.Resolve, Actor: "城管局", At: at(3, 10)},
	} {
		e.Matter, e.Seq = "2020-0601-001", len(m.Events)+1
		if err := m.Apply(e); err != nil { // ErrOrder, ErrTransition, ErrActor, ErrInvalid
			return err
		}
	}

	facts, _ := scoring.FactsFor(workday.China(), m, "城管局", route) // the calendar first; working time, less suspensions
	facts.Quality = 5                                              // the sub-district's judgement
	result, _ := wuhu.Table().Evaluate(facts)                      // Wuhu's table: excellent 100, with its reasons

	book := scoring.NewBook(nil)
	_ = book.Record(facts.Evaluation(at(4, 9), result)) // ErrDuplicate for a second evaluation
	scores := book.Scores(scoring.Year(2020))           // composite 100, rank 1

	annual, _ := assessment.Blend(wuhu.Weights(), map[string]decimal.Decimal{
		assessment.SubdistrictPart: scores[0].Composite,             // 30%
		"department":               decimal.RequireFromString("88"), // 70%
	}) // 91.6
	// end snippet
	seen(result, scores, annual)
	return nil
}

// TestQuickstart runs the README's quickstart and holds it to its comments.
func TestQuickstart(t *testing.T) {
	type outcome struct {
		Grade             string
		Points            string
		Reasons           bool
		Subject           string
		Composite         string
		Rank              int
		Annual            string
		SecondEvaluation  bool // a second Record of the same evaluation is ErrDuplicate
		SubdistrictWeight string
	}
	var got outcome
	err := quickstart(func(result scoring.Result, scores []scoring.Score, annual decimal.Decimal) {
		got = outcome{Grade: result.Grade, Points: result.Points.String(), Reasons: len(result.Reasons) > 0, Annual: annual.String()}
		if len(scores) == 1 {
			got.Subject, got.Composite, got.Rank = scores[0].Subject, scores[0].Composite.String(), scores[0].Rank
		}
		got.SubdistrictWeight = wuhu.Weights()[assessment.SubdistrictPart].String()
	})
	if err != nil {
		t.Fatal(err)
	}
	// The "ErrDuplicate for a second evaluation" of the quickstart's comment.
	book := scoring.NewBook(nil)
	e := scoring.Evaluation{Matter: "2020-0601-001", Subject: "城管局", Evaluator: "赭山街道",
		At:     time.Date(2020, 6, 4, 9, 0, 0, 0, workday.CST()),
		Result: scoring.Result{Grade: "excellent", Points: decimal.NewFromInt(100), Policy: "p", Reasons: []reason.Reason{reason.Text("r")}}}
	if err := book.Record(e); err != nil {
		t.Fatal(err)
	}
	got.SecondEvaluation = errors.Is(book.Record(e), scoring.ErrDuplicate)

	want := outcome{Grade: "excellent", Points: "100", Reasons: true, Subject: "城管局", Composite: "100", Rank: 1,
		Annual: "91.6", SecondEvaluation: true, SubdistrictWeight: "0.3"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("the README's quickstart: mismatch (-want +got):\n%s", diff)
	}
}

// snippet: docs/guide.md 1
var stagesRule = accountability.Rule{
	Name: "local.stages",
	Doc:  "local.stages: a power whose duties miss a stage of its category",
	Check: func(r *accountability.Register, report func(accountability.Finding)) {
		for _, p := range r.Powers {
			if missing := p.MissingStages(); len(missing) > 0 { // of accountability.StagesFor(p.Category)
				// … report(accountability.Finding{Path: "powers[" + p.Code + "].duties", Message: …})
				labels := make([]string, len(missing))
				for i, s := range missing {
					labels[i] = s.Label()
				}
				report(accountability.Finding{Path: "powers[" + p.Code + "].duties", Message: `power "` + p.Code + `" lacks ` + strings.Join(labels, "、")})
			}
		}
	},
}

func validateWithStages(register *accountability.Register) (accountability.Findings, error) {
	findings := register.Validate(stagesRule) // the built-ins, then yours
	if err := findings.Err(); err != nil {    // nil unless some finding is an Error
		return findings, err
	}
	// end snippet
	return findings, nil
}

// register is the guide's register: a licence whose duties stop at the
// decision.
var register = &accountability.Register{Powers: []accountability.Power{{
	Code: "XK-001", Category: accountability.Licensing,
	Duties: []accountability.Duty{
		{Stage: accountability.Acceptance}, {Stage: accountability.Review}, {Stage: accountability.Decision},
	},
}}}

// snippet: docs/guide.md 2
func TestStagesRule(t *testing.T) {
	accountabilitytest.Run(t, stagesRule, []accountabilitytest.Case{{
		Name:     "a licence without its last two stages",
		Register: register,
		Want: accountability.Findings{{
			Rule: "local.stages", Severity: accountability.Error,
			Path: "powers[XK-001].duties", Message: `power "XK-001" lacks 送达、事后监管`,
		}},
	}})
}

// end snippet

// TestGuideRule holds the guide's section on rules to the code: Validate
// runs the built-ins, then the host's rules; Err is nil unless a finding
// is an Error; a rule that cannot run is an Error finding of rule
// rule.invalid and every other rule still runs; the built-in
// risk.decision is a Warning; a finding with no Severity is an Error.
func TestGuideRule(t *testing.T) {
	findings, err := validateWithStages(register)
	var rules []string
	for _, f := range findings {
		rules = append(rules, f.Rule)
	}
	if i := slices.Index(rules, "local.stages"); i < 0 || slices.ContainsFunc(rules[i:], func(r string) bool { return r != "local.stages" }) {
		t.Errorf("the guide: Validate runs the built-ins, then yours; the findings' rules are %q", rules)
	}
	if err == nil {
		t.Errorf("the guide: findings.Err() is not nil when a finding is an Error; got nil for %q", rules)
	}
	warningsOnly := accountability.Findings{{Rule: "risk.decision", Severity: accountability.Warning}}
	if err := warningsOnly.Err(); err != nil {
		t.Errorf("the guide: findings.Err() is nil unless some finding is an Error; got %v", err)
	}
	// A rule with no name, a repeated name (a built-in's, or an earlier
	// rule's), no Doc or no Check is not run, but reported.
	check := stagesRule.Check
	broken := []accountability.Rule{
		{Doc: "no name", Check: check},
		{Name: "risk.decision", Doc: "a built-in's name", Check: check},
		{Name: "local.stages", Doc: "an earlier rule's name: the earlier one runs", Check: check},
		{Name: "local.nodoc", Check: check},
		{Name: "local.nocheck", Doc: "local.nocheck: has no Check"},
	}
	findings = register.Validate(append([]accountability.Rule{stagesRule}, broken...)...)
	var invalid, stages int
	for _, f := range findings {
		switch f.Rule {
		case accountability.RuleInvalid:
			if f.Severity != accountability.Error {
				t.Errorf("the guide: a rule that cannot run is an Error finding; got %v", f.Severity)
			}
			invalid++
		case "local.stages":
			if f.Severity != accountability.Error {
				t.Errorf("the guide: a finding that leaves Severity unset is an Error; got %v", f.Severity)
			}
			stages++
		}
	}
	if invalid != len(broken) || stages != 1 || accountability.RuleInvalid != "rule.invalid" {
		t.Errorf("the guide: each rule that cannot run is one finding of rule rule.invalid (%q), and the other rules still run; got %d such findings (want %d) and %d findings of local.stages (want 1)",
			accountability.RuleInvalid, invalid, len(broken), stages)
	}
}

// postEvaluator grades a dispatched worker's task by post: the guide's
// evaluator, which refuses facts that name no post category.
type postEvaluator struct{}

func (postEvaluator) Evaluate(f scoring.Facts) (scoring.Result, error) {
	if f.Attrs["post"] == "" {
		return scoring.Result{}, errors.New("no post category")
	}
	grade, points := "excellent", int64(100)
	if f.ResponseLimit > 0 && f.Response > f.ResponseLimit {
		grade, points = "fair", 70
	}
	return scoring.Result{Grade: grade, Points: decimal.NewFromInt(points), Policy: "post-2020",
		Reasons: []reason.Reason{reason.Text("by post " + f.Attrs["post"])}}, nil
}

var (
	evaluator scoring.Evaluator = postEvaluator{}
	scale                       = wuhu.Scale()
)

// snippet: docs/guide.md 3
func TestPostEvaluatorConforms(t *testing.T) {
	if err := scoringtest.TestEvaluator(evaluator, scale); err != nil {
		t.Error(err)
	}
}

// end snippet

func TestPostEvaluatorCases(t *testing.T) {
	// snippet: docs/guide.md 4
	scoringtest.Run(t, evaluator, []scoringtest.Case{
		{Name: "on time", Facts: scoring.Facts{Attrs: map[string]string{"post": "警务岗"}}, Want: scoring.Result{Grade: "excellent", Points: decimal.NewFromInt(100)}},
		{Name: "no post", Facts: scoring.Facts{}, Err: "post category"},
	})
	// end snippet
}

// TestDocSnippets holds the Go snippets of the README and the guide to the
// code above, which compiles and runs.
func TestDocSnippets(t *testing.T) {
	src, err := os.ReadFile("docs_test.go")
	if err != nil {
		t.Fatal(err)
	}
	code := map[string][]string{} // "FILE N" → its lines
	var key string
	for l := range strings.SplitSeq(string(src), "\n") {
		l = strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(l, "// snippet: "):
			key = strings.TrimPrefix(l, "// snippet: ")
		case l == "// end snippet":
			key = ""
		case key != "":
			code[key] = append(code[key], l)
		}
	}
	seen := 0
	for _, file := range []string{"README.md", "docs/guide.md"} {
		doc, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		blocks := strings.Split(string(doc), "```")
		n := 0
		for i := 1; i < len(blocks); i += 2 {
			if !strings.HasPrefix(blocks[i], "go\n") {
				continue
			}
			n++
			key := fmt.Sprintf("%s %d", file, n)
			have, ok := code[key]
			if !ok {
				t.Errorf("%s: Go block %d is not in docs_test.go (no \"// snippet: %s\")", file, n, key)
				continue
			}
			seen++
			j := 0
			for l := range strings.SplitSeq(strings.TrimPrefix(blocks[i], "go\n"), "\n") {
				l = strings.TrimSpace(l)
				if l == "" {
					continue
				}
				for j < len(have) && !snippetLine(l, have[j]) {
					j++
				}
				if j == len(have) {
					t.Errorf("%s: Go block %d has the line\n\t%s\nwhich docs_test.go's code does not hold at that place", file, n, l)
					break
				}
				j++
			}
		}
	}
	if seen != len(code) {
		t.Errorf("docs_test.go holds %d snippets; the README and the guide have %d Go blocks", len(code), seen)
	}
}

// snippetLine reports whether a snippet's line, in which "…" stands for
// elided code, is the code's line.
func snippetLine(doc, code string) bool {
	doc, code = strings.Join(strings.Fields(doc), " "), strings.Join(strings.Fields(code), " ")
	parts := strings.Split(doc, "…")
	if len(parts) == 1 {
		return doc == code
	}
	if !strings.HasPrefix(code, parts[0]) || !strings.HasSuffix(code[len(parts[0]):], parts[len(parts)-1]) {
		return false
	}
	rest := code[len(parts[0]) : len(code)-len(parts[len(parts)-1])]
	for _, p := range parts[1 : len(parts)-1] {
		i := strings.Index(rest, p)
		if i < 0 {
			return false
		}
		rest = rest[i+len(p):]
	}
	return true
}
