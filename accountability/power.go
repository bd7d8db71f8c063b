package accountability

import (
	"database/sql/driver"
	"fmt"
	"slices"
	"time"

	"github.com/qingdan/qingdan/internal/enum"
	"github.com/qingdan/qingdan/internal/errtext"
)

// Basis is one legal basis of a power: the law's name without book-title
// marks (e.g. "中华人民共和国行政处罚法"), the article ("第二十三条") and,
// optionally, its text. Note is what a list puts in parentheses between
// the law's name and the article, without the parentheses: the revision
// or the decree it cites the law by ("2011年国务院令第588号",
// "2018年3月19日《国务院关于修改和废止部分行政法规的决定》修正"); empty if
// there is none. Prefix is what a list puts before the law's title, as it
// words it: the law's issuer ("外交部《…》") or a tag of its rank
// ("【法律】《…》"), or both; empty if there is none. Kind says whether the list gives it as the basis
// that sets up the power (设定依据) or the one it is exercised under
// (实施依据); zero if the list does not say.
type Basis struct {
	Prefix  string    `json:"prefix,omitempty"`
	Law     string    `json:"law"`
	Note    string    `json:"note,omitempty"`
	Article string    `json:"article,omitempty"`
	Text    string    `json:"text,omitempty"`
	Kind    BasisKind `json:"kind,omitempty"`
}

// BasisKind is the kind of a legal basis. Published lists keep two apart:
// the basis that sets up a power (设定依据), such as the law that creates a
// licence, and the basis it is exercised under (实施依据), which may add a
// regulation or a local rule. The zero value means "not stated".
//
// Its methods behave as the package documentation's Enums section says.
type BasisKind int

// The kinds of basis.
const (
	Setting      BasisKind = iota + 1 // setting, 设定依据
	Implementing                      // implementing, 实施依据
)

var basisKinds = enum.New(enum.Spec[BasisKind]{
	Package: "accountability", Type: "BasisKind", What: "kind of basis",
	Codes:   []string{"", "setting", "implementing"},
	Labels:  []string{"", "设定依据", "实施依据"},
	Aliases: map[string]BasisKind{"设定": Setting, "实施": Implementing, "执行依据": Implementing},
	Err:     ErrInvalid,
})

// String returns the kind's code, such as "setting".
func (k BasisKind) String() string { return basisKinds.String(k) }

// Label returns the kind's Chinese name, such as "设定依据".
func (k BasisKind) Label() string { return basisKinds.Label(k) }

// MarshalText returns the kind's code.
func (k BasisKind) MarshalText() ([]byte, error) { return basisKinds.MarshalText(k) }

// UnmarshalText reads what [ParseBasisKind] reads.
func (k *BasisKind) UnmarshalText(b []byte) error { return basisKinds.Unmarshal(b, k) }

// Value writes the code to a database column (database/sql/driver.Valuer),
// and NULL for the zero BasisKind; any other value that is not a BasisKind is an
// error wrapping [ErrInvalid].
func (k BasisKind) Value() (driver.Value, error) { return basisKinds.Value(k) }

// Scan reads a database column (database/sql.Scanner): text as
// UnmarshalText reads it, and NULL as the zero BasisKind; any other type of value, such as a
// number, is an error wrapping [ErrInvalid], and leaves k alone.
func (k *BasisKind) Scan(src any) error { return basisKinds.Scan(src, k) }

// ParseBasisKind parses a kind of basis: its code ("setting"), its Chinese
// label ("设定依据") or "设定" / "实施", ignoring surrounding white space.
// Anything else is an error wrapping [ErrInvalid] that names the input.
func ParseBasisKind(s string) (BasisKind, error) { return basisKinds.Parse(s) }

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
// otherwise; Parent is the Code of the parent item (主项) where the list
// gives the parent a row and a code of its own. Subject is the ID of the
// unit that exercises the power (实施主体, 法定主体, 行使主体), Office the
// internal office that does the work (承办机构) and Tier the levels that
// exercise it (实施层级, such as "区级、街道"), as the list words them.
// Forward is the list's 审核转报 cell: whether, or to whom, the body
// reviews the item and forwards it to a higher level. StatutoryDays and
// PromisedDays are the statutory (法定) and promised (承诺) limits in working
// days; 0 means none is stated. Flow is the ID of its flowchart
// (权力运行流程图); empty if it has none. Grant is nil unless the subject holds
// the power by grant. LiabilityHeading is the line a list puts before the
// cases of 追责情形 (Liabilities) to introduce them ("因不履行或不正确履行行政
// 职责，有下列情形的，行政机关及相关工作人员应承担相应责任："), as the list
// words it; it is no case, and is empty if there is none. Extra keeps, by header, the cells of a published
// list's columns that no field models (备注, 基本编码, …), so that nothing a
// list holds is dropped.
//
// The zero Power has no Code and no Category; validation reports both.
type Power struct {
	Code          string   `json:"code"`
	Name          string   `json:"name"`
	Sub           string   `json:"sub,omitempty"`
	Parent        string   `json:"parent,omitempty"`
	Category      Category `json:"category,omitempty"`
	Subject       string   `json:"subject,omitempty"`
	Office        string   `json:"office,omitempty"`
	Tier          string   `json:"tier,omitempty"`
	Forward       string   `json:"forward,omitempty"`
	Basis         []Basis  `json:"basis,omitempty"`
	Duties        []Duty   `json:"duties,omitempty"`
	Liabilities   []string `json:"liabilities,omitempty"`
	StatutoryDays int      `json:"statutoryDays,omitempty"`
	PromisedDays  int      `json:"promisedDays,omitempty"`
	Flow          string   `json:"flow,omitempty"`
	Grant         *Grant   `json:"grant,omitempty"`

	LiabilityHeading string `json:"liabilityHeading,omitempty"`

	Extra map[string]string `json:"extra,omitempty"`
}

// Limit returns the limit that binds the power in working days: the
// promised limit if one is stated, else the statutory one; 0 if neither is.
func (p *Power) Limit() int {
	if p == nil {
		panic("accountability: Limit of a nil *Power")
	}
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
// a [Rule] around [Power.MissingStages] (see the package example).
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

// MissingStages returns, in order, the stages of [StagesFor] of p's
// category that none of p's Duties names: nil when they are all covered,
// or when the category has no usual stages. It panics if p is nil.
func (p *Power) MissingStages() []Stage {
	if p == nil {
		panic("accountability: MissingStages of a nil *Power")
	}
	var missing []Stage
	for _, s := range StagesFor(p.Category) {
		if !slices.ContainsFunc(p.Duties, func(d Duty) bool { return d.Stage == s }) {
			missing = append(missing, s)
		}
	}
	return missing
}

func powerParent(ix *index, rep reporter) {
	for i := range ix.r.Powers {
		p := &ix.r.Powers[i]
		if p.Parent == "" {
			continue
		}
		at := key("powers", p.Code, i) + ".parent"
		j, ok := ix.powers[p.Parent]
		switch {
		case !ok:
			rep.report(Finding{Rule: rep.rule, Severity: rep.sev, Path: at,
				Message: fmt.Sprintf("power %s names parent item %q, which is not on the power list", named(p.Code, p.Name, i), p.Parent),
				Chinese: fmt.Sprintf("事项%s的主项编码 %q 不在权力清单中", namedZh(p.Code, p.Name, i), p.Parent)})
		case p.Parent == p.Code: // j == i, or a repeat of its code (power.duplicate) earlier on the list
			rep.report(Finding{Rule: rep.rule, Severity: rep.sev, Path: at,
				Message: fmt.Sprintf("power %s names itself as its parent item", named(p.Code, p.Name, i)),
				Chinese: fmt.Sprintf("事项%s以自身为主项", namedZh(p.Code, p.Name, i))})
		case ix.r.Powers[j].Parent != "":
			// The parent's parent, which every sub-item of the parent
			// names, is cut as errtext.Quote cuts it.
			grand := errtext.Quote(ix.r.Powers[j].Parent)
			rep.report(Finding{Rule: rep.rule, Severity: rep.sev, Path: at,
				Message: fmt.Sprintf("power %s names parent item %q, which is itself a sub-item of %s", named(p.Code, p.Name, i), p.Parent, grand),
				Chinese: fmt.Sprintf("事项%s的主项 %q 本身是 %s 的子项", namedZh(p.Code, p.Name, i), p.Parent, grand)})
		}
	}
}
