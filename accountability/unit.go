package accountability

// Unit is a body: the sub-district itself, one of its internal offices (办,
// 部) or centres (中心), an agency dispatched to it (派驻机构) or a city or
// district department. Parent is the ID of the unit it belongs to (an
// office's sub-district); empty for a top-level unit. SelfSet marks a body
// the sub-district set up on its own (自设机构), which a [Template] counts
// against its MaxSelfSet. CreditCode is its unified social credit code
// (统一社会信用代码, checked by [CheckCreditCode]) and Division the
// administrative division it serves (行政区划代码, 6 or 12 digits, checked by
// [CheckDivisionCode]); both are optional.
//
// The zero Unit has no ID and no Kind; validation reports both.
type Unit struct {
	ID      string   `json:"id"`
	Name    string   `json:"name,omitempty"`
	Kind    UnitKind `json:"kind,omitempty"`
	Parent  string   `json:"parent,omitempty"`
	SelfSet bool     `json:"selfSet,omitempty"`

	CreditCode string `json:"creditCode,omitempty"`
	Division   string `json:"division,omitempty"`
}
