package accountability

import (
	"fmt"
	"strconv"
)

// codeTable describes one enum: its name for messages, its codes and its
// Chinese labels by value (index 0, the zero value, is "not set"), and extra
// Chinese spellings the parser accepts. The tables below are read-only.
type codeTable struct {
	kind    string
	codes   []string
	labels  []string
	aliases map[string]int
}

func (t *codeTable) code(v int) string {
	if v == 0 {
		return ""
	}
	if v > 0 && v < len(t.codes) {
		return t.codes[v]
	}
	return t.kind + "(" + strconv.Itoa(v) + ")"
}

func (t *codeTable) label(v int) string {
	if v > 0 && v < len(t.labels) {
		return t.labels[v]
	}
	return t.code(v)
}

func (t *codeTable) valid(v int) bool { return v > 0 && v < len(t.codes) }

// parse accepts a code, a label or an alias. It rejects everything else,
// the empty string included, with an error that names the input.
func (t *codeTable) parse(s string) (int, error) {
	for v := 1; v < len(t.codes); v++ {
		if s == t.codes[v] || s == t.labels[v] {
			return v, nil
		}
	}
	if v, ok := t.aliases[s]; ok {
		return v, nil
	}
	return 0, fmt.Errorf("accountability: unknown %s %q: %w", t.kind, s, ErrUnknownCode)
}

// marshal is MarshalText: the code, the empty string for the zero value,
// and an error for a value out of range.
func (t *codeTable) marshal(v int) ([]byte, error) {
	if v == 0 {
		return []byte{}, nil
	}
	if !t.valid(v) {
		return nil, fmt.Errorf("accountability: %s %d out of range: %w", t.kind, v, ErrUnknownCode)
	}
	return []byte(t.codes[v]), nil
}

// unmarshal is UnmarshalText: the empty string is the zero value ("not set").
func (t *codeTable) unmarshal(b []byte) (int, error) {
	if len(b) == 0 {
		return 0, nil
	}
	return t.parse(string(b))
}

// Category is the type of an administrative power (权力类型). The zero value
// means "not set"; validation reports it on a power. Categories marshal as
// their codes; the parser accepts the code, the Chinese label or the short
// label used by published lists (许可, 处罚, …).
type Category int

// The categories of administrative power.
const (
	Licensing    Category = iota + 1 // licensing, 行政许可
	Penalty                          // penalty, 行政处罚
	Coercion                         // coercion, 行政强制
	Levy                             // levy, 行政征收
	Payment                          // payment, 行政给付
	Inspection                       // inspection, 行政检查
	Confirmation                     // confirmation, 行政确认
	Reward                           // reward, 行政奖励
	Adjudication                     // adjudication, 行政裁决
	OtherPower                       // other, 其他行政权力
)

var categoryTable = codeTable{
	kind:   "category",
	codes:  []string{"", "licensing", "penalty", "coercion", "levy", "payment", "inspection", "confirmation", "reward", "adjudication", "other"},
	labels: []string{"", "行政许可", "行政处罚", "行政强制", "行政征收", "行政给付", "行政检查", "行政确认", "行政奖励", "行政裁决", "其他行政权力"},
	aliases: map[string]int{
		"许可": 1, "处罚": 2, "强制": 3, "征收": 4, "给付": 5, "检查": 6, "确认": 7, "奖励": 8, "裁决": 9,
		"其他": 10, "其他权力": 10,
	},
}

// String returns the category's code, e.g. "licensing"; the empty string for
// the zero value.
func (c Category) String() string { return categoryTable.code(int(c)) }

// Label returns the category's Chinese name, e.g. "行政许可".
func (c Category) Label() string { return categoryTable.label(int(c)) }

// MarshalText returns the code; an out-of-range value is an error.
func (c Category) MarshalText() ([]byte, error) { return categoryTable.marshal(int(c)) }

// UnmarshalText parses a code or a Chinese label; empty text is the zero value.
func (c *Category) UnmarshalText(b []byte) error {
	v, err := categoryTable.unmarshal(b)
	if err == nil {
		*c = Category(v)
	}
	return err
}

// ParseCategory parses a category code ("penalty"), its Chinese label
// ("行政处罚") or the short label of published lists ("处罚"). Anything else,
// the empty string included, is an error wrapping [ErrUnknownCode] that
// names the input.
func ParseCategory(s string) (Category, error) {
	v, err := categoryTable.parse(s)
	return Category(v), err
}

// Stage is a stage of exercising a power, the stage a responsibility item
// (责任事项) belongs to. The zero value means "not set": a Start or End step
// has no stage. The parser accepts the code, the Chinese label, and the
// spellings published lists use ("审理" for [Review], "调查" for
// [Investigation], "监管" for [Supervision], …).
//
// Licensing and confirmation run 受理 → 审查 → 决定 → 送达 → 事后监管; a
// penalty runs 立案 → 调查取证 → 审理 → 告知 → 决定 → 送达 → 执行 (see
// [StagesFor]).
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

var stageTable = codeTable{
	kind:   "stage",
	codes:  []string{"", "acceptance", "filing", "investigation", "review", "notice", "decision", "delivery", "enforcement", "supervision", "other"},
	labels: []string{"", "受理", "立案", "调查取证", "审查", "告知", "决定", "送达", "执行", "事后监管", "其他"},
	aliases: map[string]int{
		"调查": 3, "审理": 4, "审查/审理": 4, "审核": 4, "监管": 9, "监督": 9, "监督检查": 9, "后续监管": 9,
	},
}

// String returns the stage's code, e.g. "decision"; the empty string for the
// zero value.
func (s Stage) String() string { return stageTable.code(int(s)) }

// Label returns the stage's Chinese name, e.g. "决定".
func (s Stage) Label() string { return stageTable.label(int(s)) }

// MarshalText returns the code; an out-of-range value is an error.
func (s Stage) MarshalText() ([]byte, error) { return stageTable.marshal(int(s)) }

// UnmarshalText parses a code or a Chinese label; empty text is the zero value.
func (s *Stage) UnmarshalText(b []byte) error {
	v, err := stageTable.unmarshal(b)
	if err == nil {
		*s = Stage(v)
	}
	return err
}

// ParseStage parses a stage code ("review"), its Chinese label ("审查") or a
// published spelling ("审理"). Anything else is an error wrapping
// [ErrUnknownCode] that names the input.
func ParseStage(s string) (Stage, error) {
	v, err := stageTable.parse(s)
	return Stage(v), err
}

// UnitKind is the kind of a [Unit]. The zero value means "not set";
// validation reports it.
type UnitKind int

// The kinds of unit.
const (
	Subdistrict UnitKind = iota + 1 // subdistrict, 街道
	Office                          // office, 内设机构 (办, 部)
	Center                          // center, 事业机构 (中心)
	Agency                          // agency, 派驻机构 (城管中队, 市场监管所, 司法所, 派出所)
	Department                      // department, 市/区直部门
)

var unitKindTable = codeTable{
	kind:   "unit kind",
	codes:  []string{"", "subdistrict", "office", "center", "agency", "department"},
	labels: []string{"", "街道", "内设机构", "事业机构", "派驻机构", "市/区直部门"},
	aliases: map[string]int{
		"市直部门": 5, "区直部门": 5, "职能部门": 5,
	},
}

// String returns the kind's code, e.g. "office"; the empty string for the
// zero value.
func (k UnitKind) String() string { return unitKindTable.code(int(k)) }

// Label returns the kind's Chinese name, e.g. "内设机构".
func (k UnitKind) Label() string { return unitKindTable.label(int(k)) }

// MarshalText returns the code; an out-of-range value is an error.
func (k UnitKind) MarshalText() ([]byte, error) { return unitKindTable.marshal(int(k)) }

// UnmarshalText parses a code or a Chinese label; empty text is the zero value.
func (k *UnitKind) UnmarshalText(b []byte) error {
	v, err := unitKindTable.unmarshal(b)
	if err == nil {
		*k = UnitKind(v)
	}
	return err
}

// ParseUnitKind parses a unit kind's code or Chinese label. Anything else is
// an error wrapping [ErrUnknownCode] that names the input.
func ParseUnitKind(s string) (UnitKind, error) {
	v, err := unitKindTable.parse(s)
	return UnitKind(v), err
}

// StepKind is the kind of a flowchart [Step]. The zero value means "not
// set"; validation reports it.
type StepKind int

// The kinds of step.
const (
	Start   StepKind = iota + 1 // start, 开始
	Task                        // task, 办理环节
	Gateway                     // gateway, 判断 (a branch: at least two ways out)
	End                         // end, 结束
)

var stepKindTable = codeTable{
	kind:    "step kind",
	codes:   []string{"", "start", "task", "gateway", "end"},
	labels:  []string{"", "开始", "环节", "判断", "结束"},
	aliases: map[string]int{"办理环节": 2, "办理": 2, "分支": 3},
}

// String returns the kind's code, e.g. "gateway"; the empty string for the
// zero value.
func (k StepKind) String() string { return stepKindTable.code(int(k)) }

// Label returns the kind's Chinese name, e.g. "判断".
func (k StepKind) Label() string { return stepKindTable.label(int(k)) }

// MarshalText returns the code; an out-of-range value is an error.
func (k StepKind) MarshalText() ([]byte, error) { return stepKindTable.marshal(int(k)) }

// UnmarshalText parses a code or a Chinese label; empty text is the zero value.
func (k *StepKind) UnmarshalText(b []byte) error {
	v, err := stepKindTable.unmarshal(b)
	if err == nil {
		*k = StepKind(v)
	}
	return err
}

// ParseStepKind parses a step kind's code or Chinese label. Anything else is
// an error wrapping [ErrUnknownCode] that names the input.
func ParseStepKind(s string) (StepKind, error) {
	v, err := stepKindTable.parse(s)
	return StepKind(v), err
}

// Level is the level of an integrity risk (廉政风险等级). Note the Chinese
// numbering runs the other way: 一级 is the highest. The zero value means "not
// set".
type Level int

// The levels of risk.
const (
	Low    Level = iota + 1 // low, 三级
	Medium                  // medium, 二级
	High                    // high, 一级
)

var levelTable = codeTable{
	kind:    "level",
	codes:   []string{"", "low", "medium", "high"},
	labels:  []string{"", "三级", "二级", "一级"},
	aliases: map[string]int{"低": 1, "中": 2, "高": 3},
}

// String returns the level's code, e.g. "high"; the empty string for the
// zero value.
func (l Level) String() string { return levelTable.code(int(l)) }

// Label returns the level's Chinese name, e.g. "一级" for [High].
func (l Level) Label() string { return levelTable.label(int(l)) }

// MarshalText returns the code; an out-of-range value is an error.
func (l Level) MarshalText() ([]byte, error) { return levelTable.marshal(int(l)) }

// UnmarshalText parses a code or a Chinese label; empty text is the zero value.
func (l *Level) UnmarshalText(b []byte) error {
	v, err := levelTable.unmarshal(b)
	if err == nil {
		*l = Level(v)
	}
	return err
}

// ParseLevel parses a level's code ("high"), its Chinese label ("一级") or
// 低/中/高. Anything else is an error wrapping [ErrUnknownCode] that names
// the input.
func ParseLevel(s string) (Level, error) {
	v, err := levelTable.parse(s)
	return Level(v), err
}

// Severity is the severity of a [Finding]. The zero value means "not set";
// a rule that reports a finding with no severity reports an [Error].
type Severity int

// The severities.
const (
	Warning Severity = iota + 1 // warning, 警告: worth a look, not a defect
	Error                       // error, 错误: the register is wrong
)

var severityTable = codeTable{
	kind:   "severity",
	codes:  []string{"", "warning", "error"},
	labels: []string{"", "警告", "错误"},
}

// String returns the severity's code, "warning" or "error"; the empty string
// for the zero value.
func (s Severity) String() string { return severityTable.code(int(s)) }

// Label returns the severity's Chinese name.
func (s Severity) Label() string { return severityTable.label(int(s)) }

// MarshalText returns the code; an out-of-range value is an error.
func (s Severity) MarshalText() ([]byte, error) { return severityTable.marshal(int(s)) }

// UnmarshalText parses a code or a Chinese label; empty text is the zero value.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := severityTable.unmarshal(b)
	if err == nil {
		*s = Severity(v)
	}
	return err
}

// ParseSeverity parses a severity's code or Chinese label. Anything else is
// an error wrapping [ErrUnknownCode] that names the input.
func ParseSeverity(s string) (Severity, error) {
	v, err := severityTable.parse(s)
	return Severity(v), err
}
