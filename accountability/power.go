package accountability

import "time"

// Basis is one legal basis of a power (实施依据): the law's name without
// book-title marks (e.g. "中华人民共和国行政处罚法"), the article
// ("第二十三条") and, optionally, its text.
type Basis struct {
	Law     string `json:"law"`
	Article string `json:"article,omitempty"`
	Text    string `json:"text,omitempty"`
}

// Duty is one responsibility item of a power (责任事项): the stage it belongs
// to (受理责任, 审查责任, …) and what the body must do there. A zero Stage is
// a duty that belongs to no stage, such as the closing "其他法律法规规章文件规定
// 应履行的责任".
type Duty struct {
	Stage Stage  `json:"stage,omitempty"`
	Text  string `json:"text"`
}

// Grant records that a subject holds a power by grant (赋权): From is the
// unit that granted it, Since when, and Partial with Scope say that only
// part was granted — e.g. the planning-participation power granted to Wuhu's
// sub-districts only "while the city master plan and regulatory plans are
// drafted" (编制城市总规、控规过程中的参与权). A zero Since means "not
// recorded"; it is written to JSON as "0001-01-01T00:00:00Z".
type Grant struct {
	From    string    `json:"from,omitempty"`
	Since   time.Time `json:"since"`
	Partial bool      `json:"partial,omitempty"`
	Scope   string    `json:"scope,omitempty"`
}

// Power is one item of the power list (权力清单).
//
// Code keys it (项目编码) and must be unique in a register; Sub is the
// sub-item (子项) where a published list splits an item, and is empty
// otherwise. Subject is the ID of the unit that exercises the power
// (实施主体). StatutoryDays and PromisedDays are the statutory (法定) and
// promised (承诺) limits in working days; 0 means none is stated. Flow is the
// ID of its flowchart (权力运行流程图); empty if it has none. Grant is nil
// unless the subject holds the power by grant.
//
// The zero Power has no Code and no Category; validation reports both.
type Power struct {
	Code          string   `json:"code"`
	Name          string   `json:"name"`
	Sub           string   `json:"sub,omitempty"`
	Category      Category `json:"category,omitempty"`
	Subject       string   `json:"subject,omitempty"`
	Basis         []Basis  `json:"basis,omitempty"`
	Duties        []Duty   `json:"duties,omitempty"`
	Liabilities   []string `json:"liabilities,omitempty"`
	StatutoryDays int      `json:"statutoryDays,omitempty"`
	PromisedDays  int      `json:"promisedDays,omitempty"`
	Flow          string   `json:"flow,omitempty"`
	Grant         *Grant   `json:"grant,omitempty"`
}

// Limit returns the limit that binds the power in working days: the
// promised limit if one is stated, else the statutory one; 0 if neither is.
func (p *Power) Limit() int {
	if p.PromisedDays > 0 {
		return p.PromisedDays
	}
	if p.StatutoryDays > 0 {
		return p.StatutoryDays
	}
	return 0
}

// StagesFor returns, in order, the stages a power of category c usually
// runs through: licensing and confirmation run 受理 → 审查 → 决定 → 送达 →
// 事后监管; a penalty runs 立案 → 调查取证 → 审理 → 告知 → 决定 → 送达 → 执行;
// coercion runs 立案 → 调查取证 → 审查 → 告知 → 决定 → 执行. It returns nil for
// the other categories, whose stages vary too much by locality to guess.
// Each call returns a fresh slice.
//
// The built-in rules do not require a power's Duties to cover these
// stages, because localities differ; a locality that wants it checked writes
// a [Rule] (see the package example).
func StagesFor(c Category) []Stage {
	switch c {
	case Licensing, Confirmation:
		return []Stage{Acceptance, Review, Decision, Delivery, Supervision}
	case Penalty:
		return []Stage{Filing, Investigation, Review, Notice, Decision, Delivery, Enforcement}
	case Coercion:
		return []Stage{Filing, Investigation, Review, Notice, Decision, Enforcement}
	}
	return nil
}
