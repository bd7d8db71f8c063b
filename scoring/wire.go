package scoring

import (
	"time"

	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/shopspring/decimal"
)

// The JSON forms of the types that decode themselves, registered so that
// jsonx.Decode checks them, inside whatever holds them, in its first pass
// over the input: every key, the bounds of every decimal and duration,
// with its path from the input's start (a point of four million digits in
// a table's scale is refused at its 65th, not after the table was read).
var (
	_ = jsonx.Wire[Grade, gradeJSON]()
	_ = jsonx.Wire[TableRule, ruleJSON]()
	_ = jsonx.Wire[Table, tableFields]()
	_ = jsonx.Wire[Facts, factsJSON]()
	_ = jsonx.Wire[Result, resultWire]()
	_ = jsonx.Wire[Score, scoreJSON]()
	_ = jsonx.Wire[Book, bookWire]()
	_ = jsonx.Wire[Evaluation, evaluationWire]()
	_ = jsonx.Wire[Amendment, amendmentWire]()
)

// ruleJSON is the JSON form of a TableRule: the ratio thresholds in
// jsonx's decimal form.
type ruleJSON struct {
	*ruleFields
	ResponseAtMost   *jsonx.Decimal `json:"responseAtMost"`
	ResponseOver     *jsonx.Decimal `json:"responseOver"`
	ResolutionAtMost *jsonx.Decimal `json:"resolutionAtMost"`
	ResolutionOver   *jsonx.Decimal `json:"resolutionOver"`
}

// factsJSON is the JSON form of Facts: the durations as Go duration
// strings.
type factsJSON struct {
	*factsFields
	Response        jsonx.Duration `json:"response"`
	ResponseLimit   jsonx.Duration `json:"responseLimit"`
	Resolution      jsonx.Duration `json:"resolution"`
	ResolutionLimit jsonx.Duration `json:"resolutionLimit"`
}

// scoreJSON is the JSON form of a Score: Composite in jsonx's form.
type scoreJSON struct {
	*scoreFields
	Composite jsonx.Decimal `json:"composite"`
}

// bookWire is the JSON form of a Book as UnmarshalJSON reads it: each
// Result is read in place, not by Result's UnmarshalJSON, which would run
// a decoder of its own for each of a million evaluations (the book's
// input is checked as a whole, once).
type bookWire struct {
	Evaluations []evaluationWire `json:"evaluations"`
	Amendments  []amendmentWire  `json:"amendments,omitempty"`
}

// evaluationWire is an Evaluation with its Result in its wire form. It
// spells the fields out, as embedding Evaluation would keep a Result
// beside the wire one in each of a book's million elements;
// TestBookWireMirrorsEvaluation fails when Evaluation gains a field this
// does not have.
type evaluationWire struct {
	Matter    string     `json:"matter"`
	Subject   string     `json:"subject"`
	Evaluator string     `json:"evaluator"`
	Stage     int        `json:"stage,omitempty"`
	At        time.Time  `json:"at"`
	Result    resultWire `json:"result"`
	Facts     *Facts     `json:"facts,omitempty"`
}

// resultWire is the JSON form of a Result: Points in jsonx's form, the
// other fields held by value (a book reads a million of them in place).
type resultWire struct {
	resultFields
	Points jsonx.Decimal `json:"points"`
}

// result returns the Result that w, its wire form, decodes to.
func (w *resultWire) result() Result {
	r := Result(w.resultFields)
	r.Points = decimal.Decimal(w.Points)
	return r
}

// amendmentWire is an Amendment with its Result in its wire form.
type amendmentWire struct {
	evaluationWire
	Author string `json:"author"`
	Reason string `json:"reason"`
}

// evaluation returns the evaluation that w, its wire form, decodes to.
func (w *evaluationWire) evaluation() Evaluation {
	e := Evaluation{Matter: w.Matter, Subject: w.Subject, Evaluator: w.Evaluator, Stage: w.Stage, At: w.At, Result: w.Result.result()}
	e.Facts = w.Facts // checked by Record, not kept
	return e
}
