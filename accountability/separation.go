package accountability

// Separation declares two steps of a flowchart incompatible (不相容岗位):
// one post may not hold both, e.g. the investigator may not also decide.
// Validation reports a separation whose two steps name the same Post
// (rule sod.violation; posts are names, compared after trimming spaces as
// [Template.Check] compares names, and a blank post is none) and a
// separation that names an unknown flow or step, or one step twice (rule
// sod.step). A separation of the same two steps of a flow as an earlier
// one, in either order, is reported as a repeat (rule sod.duplicate) and
// checked no further, so that a fault of both is reported once. Findings
// locate a separation by its key, as [Diff] keys it: `separations[F1:c,i]`;
// one whose key is longer than [MaxKeyBytes] (as where the ID of its flow
// or of a step is) by its position, `separations[#2]`.
type Separation struct {
	Flow   string    `json:"flow"`
	Steps  [2]string `json:"steps"`
	Reason string    `json:"reason,omitempty"`
}
