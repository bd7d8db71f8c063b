package scoring

import "github.com/qingdan/qingdan/internal/jsonx"

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
	_ = jsonx.Wire[Result, resultJSON]()
	_ = jsonx.Wire[Score, scoreJSON]()
	_ = jsonx.Wire[Book, bookJSON]()
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

// resultJSON is the JSON form of a Result: Points in jsonx's form.
type resultJSON struct {
	*resultFields
	Points jsonx.Decimal `json:"points"`
}

// scoreJSON is the JSON form of a Score: Composite in jsonx's form.
type scoreJSON struct {
	*scoreFields
	Composite jsonx.Decimal `json:"composite"`
}
