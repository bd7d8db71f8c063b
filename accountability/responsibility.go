package accountability

// Boundary draws the line between a unit's part of a duty and another
// department's (职责边界): With is the other department, Ours and Theirs say
// who does what, Basis cites the rule that draws the line.
type Boundary struct {
	With   string `json:"with"`
	Ours   string `json:"ours,omitempty"`
	Theirs string `json:"theirs,omitempty"`
	Basis  string `json:"basis,omitempty"`
}

// Responsibility is one main duty of the responsibility list (责任清单):
// Code keys it, Duty states it (主要职责), Category is the field of work
// the list files it under (职责类别: 党的建设, 经济发展, 平安建设…, as the
// list words it), Tasks are its specific tasks (具体工作事项), Unit is the
// ID of the responsible body, Powers are the codes of the powers it relies
// on, and Boundaries are its lines with other departments. Extra keeps, by
// header, the cells of a published list's columns that no field models
// (备注, …), so that nothing a list holds is dropped
// ([ReadResponsibilitiesCSV]).
type Responsibility struct {
	Code       string            `json:"code"`
	Duty       string            `json:"duty"`
	Category   string            `json:"category,omitempty"`
	Tasks      []string          `json:"tasks,omitempty"`
	Unit       string            `json:"unit,omitempty"`
	Powers     []string          `json:"powers,omitempty"`
	Boundaries []Boundary        `json:"boundaries,omitempty"`
	Extra      map[string]string `json:"extra,omitempty"`
}
