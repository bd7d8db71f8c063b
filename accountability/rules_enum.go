package accountability

import (
	"fmt"
	"strconv"

	"github.com/qingdan/qingdan/internal/enum"
)

// Enum values that are none of their type's named values: JSON cannot
// hold them (decoding one is an error), but Go can (Level(9)). The rules
// that check an entry's required fields report them, each at its field.

// unnamed reports, at path, a value v of the enum that c codes that is
// none of its named values; zero, "not set", is left to the rules that
// want a value. whose (whoseZh) names what holds v, what (whatZh) the kind
// of value it should be.
func unnamed[E ~int](rep reporter, c *enum.Codec[E], v E, path, whose, whoseZh, what, whatZh string) {
	if v == 0 || c.Named(v) {
		return
	}
	rep.at(path,
		fmt.Sprintf("%s has %s %d, which is no %s", whose, what, int(v), what),
		fmt.Sprintf("%s的%s %d 不是有效的%s", whoseZh, whatZh, int(v), whatZh))
}

// unnamedPower reports power i's Category, and the Kind of each basis and
// the Stage of each duty, that is no named value.
func unnamedPower(rep reporter, i int, p *Power) {
	path := key("powers", p.Code, i)
	whose, whoseZh := powerEntry.whose(i, p.Code, p.Name)
	unnamed(rep, categories, p.Category, path+".category", whose, whoseZh, "category", "权力类型")
	for j, b := range p.Basis {
		unnamed(rep, basisKinds, b.Kind, path+".basis["+strconv.Itoa(j)+"].kind", whose, whoseZh, "kind of basis", "依据类型")
	}
	for j, d := range p.Duties {
		unnamed(rep, stages, d.Stage, path+".duties["+strconv.Itoa(j)+"].stage", whose, whoseZh, "stage", "环节阶段")
	}
}

// unnamedStep reports the Kind and Stage of step j, s, of flow i, f, that
// are no named values.
func unnamedStep(rep reporter, f *Flow, i int, s *Step, j int) {
	path := stepKey(f, i, s, j)
	whose := fmt.Sprintf("flow %s: step %s", ref(f.ID, i), named(s.ID, s.Name, j))
	whoseZh := fmt.Sprintf("流程图 %s 的环节%s", ref(f.ID, i), namedZh(s.ID, s.Name, j))
	unnamed(rep, stepKinds, s.Kind, path+".kind", whose, whoseZh, "step kind", "环节类型")
	unnamed(rep, stages, s.Stage, path+".stage", whose, whoseZh, "stage", "环节阶段")
}
