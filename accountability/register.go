package accountability

import (
	"errors"
	"fmt"
	"strings"
)

// Register is one body's "两单一图一点": its units, power list (权力清单),
// responsibility list (责任清单), power-operation flowcharts (权力运行流程图)
// and integrity-risk points (廉政风险点), with the separations of
// incompatible posts. Org names the body and Version the revision of the
// lists; the embedded [Adoption] says from when the revision is in force
// and whether it was approved and published.
//
// Entries are keyed: units by ID, powers by Code, responsibilities by Code,
// flows by ID, risks by ID; [Register.Validate] reports a key used twice.
// An empty reference names nothing: a risk, a separation or a power whose
// Flow is empty names no flow, and an empty step, edge end or power code
// no step or power, even where some entry has no key (which
// [Register.Validate] reports).
// The zero Register is an empty, valid register. Methods do not modify the
// register; they are safe for concurrent use as long as nobody modifies it.
type Register struct {
	Org     string `json:"org,omitempty"`
	Version string `json:"version,omitempty"`
	Adoption
	Units            []Unit           `json:"units,omitempty"`
	Powers           []Power          `json:"powers,omitempty"`
	Responsibilities []Responsibility `json:"responsibilities,omitempty"`
	Flows            []Flow           `json:"flows,omitempty"`
	Risks            []Risk           `json:"risks,omitempty"`
	Separations      []Separation     `json:"separations,omitempty"`
}

// Finding is one problem a [Rule] found: the rule's name, its severity, a
// Path that locates the item (`units[O1]`, `powers[CF-001].basis`,
// `flows[F1].steps[d]`, `risks[R1]`, `responsibilities[ZZ-01]`,
// `separations[F1:c,i]` keyed as [Diff] keys it; an item with an empty key,
// or one longer than [MaxKeyBytes], is located by its position in its
// list, counting from 0, `units[#3]`) and a Message that names the item
// (an item with such a key by its position, counting likewise: "unit #3
// (文旅发展部)", "单位 #3（文旅发展部）", "flow #0: step #2"); another entry that many findings may name (the
// entry whose key a repeat repeats, a parent item's own parent, the steps
// of a separation) it names by at most the first 64 bytes of its name
// and post, the length noted after them ("… (786432 bytes)"). Chinese is
// the message in Chinese, for reports printed in Chinese, where the rule gives one: every
// built-in rule, every check of [Template.Check] and the catalog's
// cross-checks do, built from the same figures as Message; a host's own
// rule may leave it empty, and [Finding.Label] then falls back to Message.
type Finding struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity,omitempty"`
	Path     string   `json:"path,omitempty"`
	Message  string   `json:"message"`
	Chinese  string   `json:"chinese,omitempty"`
}

// Label returns the finding's message in Chinese, or Message when the rule
// gave none: what a report printed in Chinese shows, as the enums' Label
// methods give their Chinese names.
func (f Finding) Label() string {
	if f.Chinese != "" {
		return f.Chinese
	}
	return f.Message
}

// String formats the finding as "error powers[CF-001].basis: message (power.basis)".
// A finding with no Severity is "finding …" rather than "Severity(0) …".
func (f Finding) String() string {
	sev := "finding"
	if f.Severity != 0 {
		sev = f.Severity.String()
	}
	return fmt.Sprintf("%s %s: %s (%s)", sev, f.Path, f.Message, f.Rule)
}

// Findings is the list of findings of one validation, in the order the
// rules ran and, within a rule, in the order of the register.
type Findings []Finding

// Err returns nil unless some finding is an [Error]; then it returns the
// Error findings joined (warnings are left out), each unwrapping to
// [ErrInvalid].
func (fs Findings) Err() error {
	var errs []error
	for _, f := range fs {
		if f.Severity == Error {
			errs = append(errs, findingError{f})
		}
	}
	return errors.Join(errs...)
}

// Errors returns the findings whose severity is [Error], in order.
func (fs Findings) Errors() Findings { return fs.bySeverity(Error) }

// Warnings returns the findings whose severity is [Warning], in order.
func (fs Findings) Warnings() Findings { return fs.bySeverity(Warning) }

func (fs Findings) bySeverity(s Severity) Findings {
	var out Findings
	for _, f := range fs {
		if f.Severity == s {
			out = append(out, f)
		}
	}
	return out
}

type findingError struct{ f Finding }

func (e findingError) Error() string { return "accountability: " + e.f.String() }
func (e findingError) Unwrap() error { return ErrInvalid }

// Rule is one check over a register, a value that declares itself like an
// analysis pass: Name is a short unique name ("power.basis"; the built-ins
// use "list.what"), Doc says what it finds (its first line is a title), and
// Check reports every problem it finds through report. Check must not
// modify the register or keep report after it returns. A finding with an
// empty Rule is given the rule's Name, and one with no Severity is an
// [Error].
//
// Localities that grade integrity risk differently, or that want a power's
// Duties to cover a set of stages, write their own Rule.
//
// A Rule is code, not data: it has no JSON form. A host that lists its
// rules prints their Name and Doc.
type Rule struct {
	Name  string
	Doc   string
	Check func(r *Register, report func(Finding))
}

// CheckRules checks a rule set up front: every rule has a name, a Doc and a
// Check, and no two share a name. It returns every problem joined, each
// wrapping [ErrRule]; nil if the set is sound.
func CheckRules(rules ...Rule) error {
	seen := make(map[string]bool, len(rules))
	var errs []error
	for i, x := range rules {
		if msg, _ := checkRule(i, x, seen); msg != "" {
			errs = append(errs, fmt.Errorf("accountability: %s: %w", msg, ErrRule))
		}
	}
	return errors.Join(errs...)
}

// checkRule checks rule i against the names seen so far and records its
// name. It returns what is wrong with it in English and in Chinese, or ""
// and "" if it is sound.
func checkRule(i int, x Rule, seen map[string]bool) (string, string) {
	var problems, missingZh []string
	dupZh := ""
	switch {
	case strings.TrimSpace(x.Name) == "":
		problems = append(problems, "has no name")
		missingZh = append(missingZh, "名称")
	case seen[x.Name]:
		problems = append(problems, "has a name already in use")
		dupZh = "的名称已被使用"
	}
	if strings.TrimSpace(x.Doc) == "" {
		problems = append(problems, "has no Doc")
		missingZh = append(missingZh, "说明")
	}
	if x.Check == nil {
		problems = append(problems, "has no Check")
		missingZh = append(missingZh, "检查函数")
	}
	if len(problems) > 0 {
		zh := dupZh
		if n := len(missingZh); n > 0 {
			if zh != "" {
				zh += "，"
			}
			zh += "未填写" + missingZh[0]
			if n > 1 {
				zh = strings.Join(append([]string{zh}, missingZh[1:n-1]...), "、") + "和" + missingZh[n-1]
			}
		}
		return fmt.Sprintf("rule %d (%q) %s", i, x.Name, strings.Join(problems, ", ")), fmt.Sprintf("规则 #%d %q %s", i, x.Name, zh)
	}
	seen[x.Name] = true
	return "", ""
}

// RuleInvalid is the rule name of the finding that [Register.Validate] and
// [Register.Run] report, as an [Error] with path "rules[i]", for a rule
// that cannot run (no name, a name already in use, no Doc or no Check),
// its message in English and in Chinese, as a built-in rule's. Such a
// rule is skipped; every other rule still runs.
const RuleInvalid = "rule.invalid"

// Validate runs every built-in rule of [Rules], then the extra rules, and
// returns every finding: it never stops at the first. The extra rules are
// checked up front: one that has no name, reuses a name (a built-in's or an
// earlier extra's), has no Doc or has no Check is not run and is reported as
// a finding of rule [RuleInvalid] with path "rules[i]", i being its position
// among the extra rules. It panics on a nil register.
//
// Validate takes time linear in the size of the register.
func (r *Register) Validate(extra ...Rule) Findings {
	if r == nil {
		panic("accountability: Validate of a nil *Register")
	}
	var ix *index
	cached := func(reg *Register) *index {
		if ix == nil || ix.r != reg {
			ix = newIndex(reg)
		}
		return ix
	}
	builtins := builtinRules(cached)
	seen := make(map[string]bool, len(builtins)+len(extra))
	var out Findings
	for i, x := range builtins {
		_, _ = checkRule(i, x, seen) // the built-ins are sound; this records their names
		out = runRule(r, x, out)
	}
	return runChecked(r, extra, seen, out)
}

// Run runs exactly the given rules, in order, and returns every finding;
// no built-in rule runs unless given. Rules are checked up front as by
// [Register.Validate], with "rules[i]" giving the position in rules. It
// panics on a nil register.
func (r *Register) Run(rules ...Rule) Findings {
	if r == nil {
		panic("accountability: Run of a nil *Register")
	}
	return runChecked(r, rules, make(map[string]bool, len(rules)), nil)
}

func runChecked(r *Register, rules []Rule, seen map[string]bool, out Findings) Findings {
	for i, x := range rules {
		if msg, zh := checkRule(i, x, seen); msg != "" {
			out = append(out, Finding{Rule: RuleInvalid, Severity: Error, Path: fmt.Sprintf("rules[%d]", i), Message: msg, Chinese: zh})
			continue
		}
		out = runRule(r, x, out)
	}
	return out
}

func runRule(r *Register, x Rule, out Findings) Findings {
	x.Check(r, func(f Finding) {
		if f.Rule == "" {
			f.Rule = x.Name
		}
		if f.Severity == 0 {
			f.Severity = Error
		}
		out = append(out, f)
	})
	return out
}
