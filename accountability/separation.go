package accountability

// Separation declares two steps of a flowchart incompatible (不相容岗位):
// one post may not hold both, e.g. the investigator may not also decide.
// Validation reports a flow whose two steps name the same Post
// (rule sod.violation) and a separation that names an unknown flow or step,
// or one step twice (rule sod.step).
type Separation struct {
	Flow   string    `json:"flow"`
	Steps  [2]string `json:"steps"`
	Reason string    `json:"reason,omitempty"`
}
