package accountability

import (
	"fmt"
	"strconv"
)

// The resp.* rules: the responsibility list (责任清单).

func respDuplicate(ix *index, rep reporter) {
	rs := ix.r.Responsibilities
	respEntry.uniqueKeys(rep, len(rs), func(i int) (string, string) { return rs[i].Code, rs[i].Duty }, func(i, j int) {
		respEntry.repeats(rep, i, rs[i].Code, rs[i].Duty, j, rs[j].Duty)
	})
}

func respUnit(ix *index, rep reporter) {
	for i, x := range ix.r.Responsibilities {
		respEntry.unit(ix, rep, i, x.Code, x.Duty, "unit", "责任单位", x.Unit, "names no responsible unit", "未写明责任单位")
	}
}

func respPower(ix *index, rep reporter) {
	for i, x := range ix.r.Responsibilities {
		for j, code := range x.Powers {
			if _, ok := ix.powers[code]; !ok {
				rep.at(key("responsibilities", x.Code, i)+".powers["+strconv.Itoa(j)+"]",
					fmt.Sprintf("responsibility %s names power %q, which is not on the power list", named(x.Code, x.Duty, i), code),
					fmt.Sprintf("职责%s所列权力 %q 不在权力清单中", namedZh(x.Code, x.Duty, i), code))
			}
		}
	}
}
