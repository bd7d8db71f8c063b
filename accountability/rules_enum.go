package accountability

import (
	"fmt"
	"strconv"

	"github.com/qingdan/qingdan/internal/enum"
)

// Enum values that are none of their type's named values: JSON cannot
// hold them (decoding one is an error), but Go can (Level(9)). The rules
// that check an entry's required fields report them, each at its field.
//
// The path and the names of a finding are made only for a value that is
// reported: made for every value, they would copy a flow's ID for each of
// its steps, and a power's code and name for each of its bases and
// duties, which is quadratic in a register of long keys.

// unnamed reports whether v, of the enum that c codes, is none of its
// named values; zero, "not set", is left to the rules that want a value.
func unnamed[E ~int](c *enum.Codec[E], v E) bool { return v != 0 && !c.Named(v) }

// reportUnnamed reports, at path, the value v that is none of the named
// values of its enum: whose (whoseZh) names what holds v, what (whatZh)
// the kind of value it should be.
func reportUnnamed(rep reporter, v int, path, whose, whoseZh, what, whatZh string) {
	rep.at(path,
		fmt.Sprintf("%s has %s %d, which is no %s", whose, what, v, what),
		fmt.Sprintf("%s的%s %d 不是有效的%s", whoseZh, whatZh, v, whatZh))
}

// unnamedPower reports power i's Category, and the Kind of each basis and
// the Stage of each duty, that is no named value.
func unnamedPower(rep reporter, i int, p *Power) {
	at := func(field string, v int, what, whatZh string) {
		whose, whoseZh := powerEntry.whose(i, p.Code, p.Name)
		reportUnnamed(rep, v, key("powers", p.Code, i)+"."+field, whose, whoseZh, what, whatZh)
	}
	if unnamed(categories, p.Category) {
		at("category", int(p.Category), "category", "权力类型")
	}
	for j, b := range p.Basis {
		if unnamed(basisKinds, b.Kind) {
			at("basis["+strconv.Itoa(j)+"].kind", int(b.Kind), "kind of basis", "依据类型")
		}
	}
	for j, d := range p.Duties {
		if unnamed(stages, d.Stage) {
			at("duties["+strconv.Itoa(j)+"].stage", int(d.Stage), "stage", "环节阶段")
		}
	}
}

// unnamedStep reports the Kind and Stage of step j, s, of flow i, f, that
// are no named values.
func unnamedStep(rep reporter, f *Flow, i int, s *Step, j int) {
	at := func(field string, v int, what, whatZh string) {
		whose := fmt.Sprintf("flow %s: step %s", ref(f.ID, i), named(s.ID, s.Name, j))
		whoseZh := fmt.Sprintf("流程图 %s 的环节%s", ref(f.ID, i), namedZh(s.ID, s.Name, j))
		reportUnnamed(rep, v, stepKey(f, i, s, j)+"."+field, whose, whoseZh, what, whatZh)
	}
	if unnamed(stepKinds, s.Kind) {
		at("kind", int(s.Kind), "step kind", "环节类型")
	}
	if unnamed(stages, s.Stage) {
		at("stage", int(s.Stage), "stage", "环节阶段")
	}
}
