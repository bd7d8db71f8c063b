package accountability

import (
	"database/sql/driver"

	"github.com/qingdan/qingdan/internal/enum"
)

// Category is the type of an item of a power list (权力类型, 事项类型). The
// ten categories of administrative power come first; published lists also
// carry public services (公共服务), items the body reviews and forwards to a
// higher level (审核转报) and internal management (内部管理), which are
// categories of their own ([Category.IsPower] tells them apart). The zero
// value means "not set"; validation reports it on a power. Categories
// marshal as their codes; the parser accepts the code, the Chinese label,
// the short label used by published lists (许可, 处罚, …) and the spellings
// of some provinces' schemes (行政征用 and 行政征收征用 for [Levy], 行政监督
// for [Inspection], 其他职权 for [OtherPower]). [ReadPowersCSV] reads the
// national item-type codes too (1 for 行政许可 … 20 for 公共服务).
//
// Its methods behave as the package documentation's Enums section says.
type Category int

// The categories.
const (
	Licensing     Category = iota + 1 // licensing, 行政许可
	Penalty                           // penalty, 行政处罚
	Coercion                          // coercion, 行政强制
	Levy                              // levy, 行政征收
	Payment                           // payment, 行政给付
	Inspection                        // inspection, 行政检查
	Confirmation                      // confirmation, 行政确认
	Reward                            // reward, 行政奖励
	Adjudication                      // adjudication, 行政裁决
	OtherPower                        // other, 其他行政权力
	PublicService                     // service, 公共服务: not a power
	Forwarding                        // forwarding, 审核转报
	Internal                          // internal, 内部管理: not a power over citizens
)

var categories = enum.New(enum.Spec[Category]{
	Package: "accountability", Type: "Category", What: "category",
	Codes:  []string{"", "licensing", "penalty", "coercion", "levy", "payment", "inspection", "confirmation", "reward", "adjudication", "other", "service", "forwarding", "internal"},
	Labels: []string{"", "行政许可", "行政处罚", "行政强制", "行政征收", "行政给付", "行政检查", "行政确认", "行政奖励", "行政裁决", "其他行政权力", "公共服务", "审核转报", "内部管理"},
	Aliases: map[string]Category{
		"许可": Licensing, "处罚": Penalty, "强制": Coercion, "征收": Levy, "给付": Payment, "检查": Inspection,
		"确认": Confirmation, "奖励": Reward, "裁决": Adjudication, "其他": OtherPower, "其他权力": OtherPower,
		"行政征用": Levy, "行政征收征用": Levy, "征收征用": Levy, "征用": Levy,
		"行政监督": Inspection, "监督": Inspection, "监督检查": Inspection,
		"其他职权": OtherPower, "其他行政职权": OtherPower,
		"公共服务事项": PublicService, "转报": Forwarding, "内部管理事项": Internal,
	},
	Err: ErrInvalid,
})

// IsPower reports whether c is one of the ten categories of administrative
// power ([Licensing] … [OtherPower]) or [Forwarding], whose review is an
// exercise of power; public services, internal management, the zero value
// and unnamed values are not.
func (c Category) IsPower() bool { return c >= Licensing && c <= OtherPower || c == Forwarding }

// String returns the category's code, such as "licensing".
func (c Category) String() string { return categories.String(c) }

// Label returns the category's Chinese name, such as "行政许可".
func (c Category) Label() string { return categories.Label(c) }

// MarshalText returns the category's code.
func (c Category) MarshalText() ([]byte, error) { return categories.MarshalText(c) }

// UnmarshalText reads what [ParseCategory] reads.
func (c *Category) UnmarshalText(b []byte) error { return categories.Unmarshal(b, c) }

// Value writes the code to a database column (database/sql/driver.Valuer),
// and NULL for the zero Category; any other value that is not a Category is an
// error wrapping [ErrInvalid].
func (c Category) Value() (driver.Value, error) { return categories.Value(c) }

// Scan reads a database column (database/sql.Scanner): text as
// UnmarshalText reads it, and NULL as the zero Category; any other type of value, such as a
// number, is an error wrapping [ErrInvalid], and leaves c alone.
func (c *Category) Scan(src any) error { return categories.Scan(src, c) }

// ParseCategory parses a category code ("penalty"), its Chinese label
// ("行政处罚"), the short label of published lists ("处罚") or a provincial
// spelling ("行政监督"), ignoring surrounding white space. Anything else,
// the empty string included, is an error wrapping [ErrInvalid] that names
// the input.
func ParseCategory(s string) (Category, error) { return categories.Parse(s) }

// Stage is a stage of exercising a power, the stage a responsibility item
// (责任事项) belongs to. The zero value means "not set": a Start or End step
// has no stage. The parser accepts the code, the Chinese label, and the
// spellings published lists use ("审理" for [Review], "调查" for
// [Investigation], "监管" for [Supervision], …).
//
// Licensing and confirmation run 受理 → 审查 → 决定 → 送达 → 事后监管; a
// penalty runs 立案 → 调查取证 → 审理 → 告知 → 决定 → 送达 → 执行 (see
// [StagesFor]).
//
// Its methods behave as the package documentation's Enums section says.
type Stage int

// The stages.
const (
	Acceptance    Stage = iota + 1 // acceptance, 受理
	Filing                         // filing, 立案
	Investigation                  // investigation, 调查取证
	Review                         // review, 审查 (审理 in a penalty)
	Notice                         // notice, 告知
	Decision                       // decision, 决定
	Delivery                       // delivery, 送达
	Enforcement                    // enforcement, 执行
	Supervision                    // supervision, 事后监管
	OtherStage                     // other, 其他
)

var stages = enum.New(enum.Spec[Stage]{
	Package: "accountability", Type: "Stage", What: "stage",
	Codes:  []string{"", "acceptance", "filing", "investigation", "review", "notice", "decision", "delivery", "enforcement", "supervision", "other"},
	Labels: []string{"", "受理", "立案", "调查取证", "审查", "告知", "决定", "送达", "执行", "事后监管", "其他"},
	Aliases: map[string]Stage{
		"调查": Investigation, "审理": Review, "审查/审理": Review, "审核": Review,
		"监管": Supervision, "监督": Supervision, "监督检查": Supervision, "后续监管": Supervision,
	},
	Err: ErrInvalid,
})

// String returns the stage's code, such as "decision".
func (s Stage) String() string { return stages.String(s) }

// Label returns the stage's Chinese name, such as "决定".
func (s Stage) Label() string { return stages.Label(s) }

// MarshalText returns the stage's code.
func (s Stage) MarshalText() ([]byte, error) { return stages.MarshalText(s) }

// UnmarshalText reads what [ParseStage] reads.
func (s *Stage) UnmarshalText(b []byte) error { return stages.Unmarshal(b, s) }

// Value writes the code to a database column (database/sql/driver.Valuer),
// and NULL for the zero Stage; any other value that is not a Stage is an
// error wrapping [ErrInvalid].
func (s Stage) Value() (driver.Value, error) { return stages.Value(s) }

// Scan reads a database column (database/sql.Scanner): text as
// UnmarshalText reads it, and NULL as the zero Stage; any other type of value, such as a
// number, is an error wrapping [ErrInvalid], and leaves s alone.
func (s *Stage) Scan(src any) error { return stages.Scan(src, s) }

// ParseStage parses a stage code ("review"), its Chinese label ("审查") or a
// published spelling ("审理"), ignoring surrounding white space. Anything
// else is an error wrapping [ErrInvalid] that names the input.
func ParseStage(s string) (Stage, error) { return stages.Parse(s) }

// UnitKind is the kind of a [Unit]. The zero value means "not set";
// validation reports it.
//
// Its methods behave as the package documentation's Enums section says.
type UnitKind int

// The kinds of unit.
const (
	Subdistrict UnitKind = iota + 1 // subdistrict, 街道
	Office                          // office, 内设机构 (办, 部)
	Center                          // center, 事业机构 (中心)
	Agency                          // agency, 派驻机构 (城管中队, 市场监管所, 司法所, 派出所)
	Department                      // department, 市/区直部门
)

var unitKinds = enum.New(enum.Spec[UnitKind]{
	Package: "accountability", Type: "UnitKind", What: "unit kind",
	Codes:   []string{"", "subdistrict", "office", "center", "agency", "department"},
	Labels:  []string{"", "街道", "内设机构", "事业机构", "派驻机构", "市/区直部门"},
	Aliases: map[string]UnitKind{"市直部门": Department, "区直部门": Department, "职能部门": Department},
	Err:     ErrInvalid,
})

// String returns the kind's code, such as "office".
func (k UnitKind) String() string { return unitKinds.String(k) }

// Label returns the kind's Chinese name, such as "内设机构".
func (k UnitKind) Label() string { return unitKinds.Label(k) }

// MarshalText returns the kind's code.
func (k UnitKind) MarshalText() ([]byte, error) { return unitKinds.MarshalText(k) }

// UnmarshalText reads what [ParseUnitKind] reads.
func (k *UnitKind) UnmarshalText(b []byte) error { return unitKinds.Unmarshal(b, k) }

// Value writes the code to a database column (database/sql/driver.Valuer),
// and NULL for the zero UnitKind; any other value that is not a UnitKind is an
// error wrapping [ErrInvalid].
func (k UnitKind) Value() (driver.Value, error) { return unitKinds.Value(k) }

// Scan reads a database column (database/sql.Scanner): text as
// UnmarshalText reads it, and NULL as the zero UnitKind; any other type of value, such as a
// number, is an error wrapping [ErrInvalid], and leaves k alone.
func (k *UnitKind) Scan(src any) error { return unitKinds.Scan(src, k) }

// ParseUnitKind parses a unit kind's code or Chinese label, ignoring
// surrounding white space. Anything else is an error wrapping [ErrInvalid]
// that names the input.
func ParseUnitKind(s string) (UnitKind, error) { return unitKinds.Parse(s) }

// StepKind is the kind of a flowchart [Step]. The zero value means "not
// set"; validation reports it.
//
// Its methods behave as the package documentation's Enums section says.
type StepKind int

// The kinds of step.
const (
	Start   StepKind = iota + 1 // start, 开始
	Task                        // task, 办理环节
	Gateway                     // gateway, 判断 (a branch: at least two ways out)
	End                         // end, 结束
)

var stepKinds = enum.New(enum.Spec[StepKind]{
	Package: "accountability", Type: "StepKind", What: "step kind",
	Codes:   []string{"", "start", "task", "gateway", "end"},
	Labels:  []string{"", "开始", "环节", "判断", "结束"},
	Aliases: map[string]StepKind{"办理环节": Task, "办理": Task, "分支": Gateway},
	Err:     ErrInvalid,
})

// String returns the kind's code, such as "gateway".
func (k StepKind) String() string { return stepKinds.String(k) }

// Label returns the kind's Chinese name, such as "判断".
func (k StepKind) Label() string { return stepKinds.Label(k) }

// MarshalText returns the kind's code.
func (k StepKind) MarshalText() ([]byte, error) { return stepKinds.MarshalText(k) }

// UnmarshalText reads what [ParseStepKind] reads.
func (k *StepKind) UnmarshalText(b []byte) error { return stepKinds.Unmarshal(b, k) }

// Value writes the code to a database column (database/sql/driver.Valuer),
// and NULL for the zero StepKind; any other value that is not a StepKind is an
// error wrapping [ErrInvalid].
func (k StepKind) Value() (driver.Value, error) { return stepKinds.Value(k) }

// Scan reads a database column (database/sql.Scanner): text as
// UnmarshalText reads it, and NULL as the zero StepKind; any other type of value, such as a
// number, is an error wrapping [ErrInvalid], and leaves k alone.
func (k *StepKind) Scan(src any) error { return stepKinds.Scan(src, k) }

// ParseStepKind parses a step kind's code or Chinese label, ignoring
// surrounding white space. Anything else is an error wrapping [ErrInvalid]
// that names the input.
func ParseStepKind(s string) (StepKind, error) { return stepKinds.Parse(s) }

// Level is the level of an integrity risk (廉政风险等级). Note the Chinese
// numbering runs the other way: 一级 is the highest. The zero value means "not
// set".
//
// Its methods behave as the package documentation's Enums section says.
type Level int

// The levels of risk.
const (
	Low    Level = iota + 1 // low, 三级
	Medium                  // medium, 二级
	High                    // high, 一级
)

var levels = enum.New(enum.Spec[Level]{
	Package: "accountability", Type: "Level", What: "risk level",
	Codes:   []string{"", "low", "medium", "high"},
	Labels:  []string{"", "三级", "二级", "一级"},
	Aliases: map[string]Level{"低": Low, "中": Medium, "高": High},
	Err:     ErrInvalid,
})

// String returns the level's code, such as "high".
func (l Level) String() string { return levels.String(l) }

// Label returns the level's Chinese name, such as "一级" for [High].
func (l Level) Label() string { return levels.Label(l) }

// MarshalText returns the level's code.
func (l Level) MarshalText() ([]byte, error) { return levels.MarshalText(l) }

// UnmarshalText reads what [ParseLevel] reads.
func (l *Level) UnmarshalText(b []byte) error { return levels.Unmarshal(b, l) }

// Value writes the code to a database column (database/sql/driver.Valuer),
// and NULL for the zero Level; any other value that is not a Level is an
// error wrapping [ErrInvalid].
func (l Level) Value() (driver.Value, error) { return levels.Value(l) }

// Scan reads a database column (database/sql.Scanner): text as
// UnmarshalText reads it, and NULL as the zero Level; any other type of value, such as a
// number, is an error wrapping [ErrInvalid], and leaves l alone.
func (l *Level) Scan(src any) error { return levels.Scan(src, l) }

// ParseLevel parses a level's code ("high"), its Chinese label ("一级") or
// 低/中/高, ignoring surrounding white space. Anything else is an error
// wrapping [ErrInvalid] that names the input.
func ParseLevel(s string) (Level, error) { return levels.Parse(s) }

// Severity is the severity of a [Finding]. The zero value means "not set";
// a rule that reports a finding with no severity reports an [Error].
//
// Its methods behave as the package documentation's Enums section says.
type Severity int

// The severities.
const (
	Warning Severity = iota + 1 // warning, 警告: worth a look, not a defect
	Error                       // error, 错误: the register is wrong
)

var severities = enum.New(enum.Spec[Severity]{
	Package: "accountability", Type: "Severity", What: "severity",
	Codes:  []string{"", "warning", "error"},
	Labels: []string{"", "警告", "错误"},
	Err:    ErrInvalid,
})

// String returns the severity's code, such as "warning".
func (s Severity) String() string { return severities.String(s) }

// Label returns the severity's Chinese name, such as "警告".
func (s Severity) Label() string { return severities.Label(s) }

// MarshalText returns the severity's code.
func (s Severity) MarshalText() ([]byte, error) { return severities.MarshalText(s) }

// UnmarshalText reads what [ParseSeverity] reads.
func (s *Severity) UnmarshalText(b []byte) error { return severities.Unmarshal(b, s) }

// Value writes the code to a database column (database/sql/driver.Valuer),
// and NULL for the zero Severity; any other value that is not a Severity is an
// error wrapping [ErrInvalid].
func (s Severity) Value() (driver.Value, error) { return severities.Value(s) }

// Scan reads a database column (database/sql.Scanner): text as
// UnmarshalText reads it, and NULL as the zero Severity; any other type of value, such as a
// number, is an error wrapping [ErrInvalid], and leaves s alone.
func (s *Severity) Scan(src any) error { return severities.Scan(src, s) }

// ParseSeverity parses a severity's code or Chinese label, ignoring
// surrounding white space. Anything else is an error wrapping [ErrInvalid]
// that names the input.
func ParseSeverity(s string) (Severity, error) { return severities.Parse(s) }

// ChangeKind says how an entry changed between two revisions of a register
// (see [Diff]). The zero value means "not set".
//
// Its methods behave as the package documentation's Enums section says.
type ChangeKind int

// The kinds of change.
const (
	Added   ChangeKind = iota + 1 // added, 新增
	Removed                       // removed, 删除
	Changed                       // changed, 变更
)

var changeKinds = enum.New(enum.Spec[ChangeKind]{
	Package: "accountability", Type: "ChangeKind", What: "change kind",
	Codes:  []string{"", "added", "removed", "changed"},
	Labels: []string{"", "新增", "删除", "变更"},
	Err:    ErrInvalid,
})

// String returns the kind's code, such as "added".
func (k ChangeKind) String() string { return changeKinds.String(k) }

// Label returns the kind's Chinese name, such as "新增".
func (k ChangeKind) Label() string { return changeKinds.Label(k) }

// MarshalText returns the kind's code.
func (k ChangeKind) MarshalText() ([]byte, error) { return changeKinds.MarshalText(k) }

// UnmarshalText reads what [ParseChangeKind] reads.
func (k *ChangeKind) UnmarshalText(b []byte) error { return changeKinds.Unmarshal(b, k) }

// Value writes the code to a database column (database/sql/driver.Valuer),
// and NULL for the zero ChangeKind; any other value that is not a ChangeKind is an
// error wrapping [ErrInvalid].
func (k ChangeKind) Value() (driver.Value, error) { return changeKinds.Value(k) }

// Scan reads a database column (database/sql.Scanner): text as
// UnmarshalText reads it, and NULL as the zero ChangeKind; any other type of value, such as a
// number, is an error wrapping [ErrInvalid], and leaves k alone.
func (k *ChangeKind) Scan(src any) error { return changeKinds.Scan(src, k) }

// ParseChangeKind parses a change kind's code or Chinese label, ignoring
// surrounding white space. Anything else is an error wrapping [ErrInvalid]
// that names the input.
func ParseChangeKind(s string) (ChangeKind, error) { return changeKinds.Parse(s) }
