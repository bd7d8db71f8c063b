package scoring_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/scoring"
	"github.com/shopspring/decimal"
)

// districtTable is a district's table of 17 matter types in overlapping
// lists: 市容 (cityscape), 环境 (environment), 设施 (facilities) and 安全
// (safety). Two faults are planted: 未办结 forgets the safety types, so an
// open matter of those types, or of a type no rule lists, that no earlier
// rule takes is a gap; and 设施类未办结 comes after 未办结, which takes
// all it matches.
func districtTable() *scoring.Table {
	yes, no := true, false
	dec := func(s string) *decimal.Decimal { x := decimal.RequireFromString(s); return &x }
	cityscape := []string{"占道经营", "违章搭建", "乱贴广告", "违规停车", "流动摊贩"}
	environment := []string{"噪音扰民", "油烟污染", "垃圾清运", "环境卫生", "污水排放", "犬只扰民"}
	facilities := []string{"道路破损", "路灯故障", "井盖缺失", "绿化损毁"}
	safety := []string{"房屋安全", "消防通道"}
	loud := append(append([]string{}, cityscape...), "噪音扰民", "油烟污染")
	listed := append(append(append([]string{}, cityscape...), environment...), facilities...)
	return &scoring.Table{Version: "district-2024.1", Lang: 1, Scale: wuhu.Scale(), Rules: []scoring.TableRule{
		{Name: "未响应", Grade: "poor", Responded: &no},
		{Name: "响应超两倍时限", Grade: "poor", ResponseOver: dec("2")},
		{Name: "市容类被督办", Grade: "fair", Types: cityscape, Supervised: &yes},
		{Name: "环境类被催办", Grade: "fair", Types: environment, Urged: &yes},
		{Name: "安全类被督办", Grade: "poor", Types: safety, Supervised: &yes},
		{Name: "设施类速办", Grade: "excellent", Types: facilities, Resolved: &yes, ResolutionAtMost: dec("0.5")},
		{Name: "市容环境办结超时", Grade: "fair", Types: loud, ResolutionOver: dec("1.5")},
		{Name: "不满意", Grade: "fair", Satisfaction: scoring.Dissatisfied},
		{Name: "速响速办", Grade: "excellent", Resolved: &yes, ResponseAtMost: dec("0.5"), ResolutionAtMost: dec("0.5"), QualityMin: 4},
		{Name: "按时优质", Grade: "excellent", ResponseOnTime: &yes, ResolutionOnTime: &yes, QualityMin: 4},
		{Name: "按时", Grade: "good", ResponseOnTime: &yes, ResolutionOnTime: &yes},
		{Name: "超时办结", Grade: "fair", Resolved: &yes},
		{Name: "未办结", Grade: "poor", Types: listed, Resolved: &no},
		{Name: "设施类未办结", Grade: "poor", Types: []string{"路灯故障", "井盖缺失"}, Resolved: &no},
	}}
}

// TestTableValidateTypeClasses: a district's table of 17 matter types,
// urged and supervised conditions and a few thresholds has 1,327,104
// regions — 18 types (17 and one other) × 64 flag sets × 8 response
// points × 8 resolution points × 18 qualities and answers — more than
// Validate walks one by one, and it was checked for neither gaps nor dead
// rules. Its types fall in 7 classes, each listed by the same rules (the
// other type its own), and 589,824 regions of classes stand for them: it
// is checked exactly, and both planted faults are found.
func TestTableValidateTypeClasses(t *testing.T) {
	tbl := districtTable()
	err := tbl.Validate()
	if !errors.Is(err, scoring.ErrInvalid) {
		t.Fatalf("Validate = %v, want ErrInvalid", err)
	}
	// The gaps: an open matter (not resolved) that was responded to
	// within twice its limit and not answered "no", of a safety type not
	// supervised (2 types × 8 of the 16 sets of returned, final, urged,
	// supervised) or of another type (16 sets), at any of the 7 response
	// points up to 2, any of the 8 resolution points, any of the 6
	// qualities and the 2 answers but no: (2×8 + 16) × 7 × 8 × 12 = 21504.
	// The examples are those of the first type by bytes, 房屋安全.
	want := []string{
		`scoring: invalid: table "district-2024.1" rules[13] "设施类未办结" can never fire: every case it matches is taken by rules[0] "未响应", rules[1] "响应超两倍时限", rules[7] "不满意", rules[12] "未办结"`,
		`scoring: invalid: table "district-2024.1" has gaps: 21504 of 1327104 regions match no rule (an unconditional last rule closes them), e.g. ` +
			`[response 0.00 of limit, not resolved, quality not given, no feedback, type "房屋安全", not final]; ` +
			`[response 0.00 of limit, not resolved, quality not given, satisfied, type "房屋安全", not final]; ` +
			`[response 0.00 of limit, not resolved, quality 1, no feedback, type "房屋安全", not final]`,
	}
	if diff := cmp.Diff(want, strings.Split(err.Error(), "\n")); diff != "" {
		t.Errorf("Validate mismatch (-want +got):\n%s", diff)
	}
}

// TestTableValidateGapExamplesByType: a gap report's examples are the
// first gaps type by type, in byte order, as a walk of every type finds
// them, though a class's gaps are found once. Here every type has one gap
// (responded, resolved, final, not returned, no time used, no quality, no
// answer) and 占道经营 and 违章搭建 are one class: the examples name
// 占道经营, 噪音扰民 and 违章搭建, not 占道经营 and the class after it.
func TestTableValidateGapExamplesByType(t *testing.T) {
	yes, no := true, false
	zero := decimal.Zero
	tbl := &scoring.Table{Version: "v", Scale: wuhu.Scale(), Rules: []scoring.TableRule{
		{Name: "市容退回", Grade: "poor", Types: []string{"违章搭建", "占道经营"}, Returned: &yes},
		{Name: "噪音退回", Grade: "poor", Types: []string{"噪音扰民"}, Returned: &yes},
		{Name: "未响应", Grade: "poor", Responded: &no},
		{Name: "未办结", Grade: "poor", Resolved: &no},
		{Name: "退回", Grade: "poor", Returned: &yes},
		{Name: "阶段", Grade: "fair", Final: &no},
		{Name: "响应用时", Grade: "good", ResponseOver: &zero},
		{Name: "办结用时", Grade: "good", ResolutionOver: &zero},
		{Name: "评质量", Grade: "good", QualityGiven: &yes},
		{Name: "满意", Grade: "excellent", Satisfaction: scoring.Satisfied},
		{Name: "不满意", Grade: "fair", Satisfaction: scoring.Dissatisfied},
	}}
	gap := `response 0.00 of limit, resolution 0.00 of limit, quality not given, no feedback, type %q, final`
	// 4 types (3 and one other) × 16 flag sets × 4 × 4 ratio points × 18.
	want := []string{`scoring: invalid: table "v" has gaps: 4 of 18432 regions match no rule (an unconditional last rule closes them), e.g. [` +
		fmt.Sprintf(gap, "占道经营") + "]; [" + fmt.Sprintf(gap, "噪音扰民") + "]; [" + fmt.Sprintf(gap, "违章搭建") + "]"}
	for _, got := range [][]error{{tbl.Validate()}, tbl.CheckRegions(true)} {
		if diff := cmp.Diff(want, errorTexts(got)); diff != "" {
			t.Errorf("gap examples mismatch (-want +got):\n%s", diff)
		}
	}
}

// TestTableValidateClassesAsTypes is the property of the regions of
// classes of types over random small tables whose rules list overlapping
// sets of types: Validate, walking one type of each class, finds the same
// gaps (counted the same, with the same examples), the same dead rules
// and the same shadowers as a walk of every type.
func TestTableValidateClassesAsTypes(t *testing.T) {
	rng := rand.New(rand.NewPCG(2024, 17))
	pool := []string{"占道经营", "违章搭建", "噪音扰民", "垃圾清运", "道路破损", "路灯故障", "井盖缺失"}
	merged := 0 // tables with findings in which two listed types share a class
	for n := range 300 {
		tbl := &scoring.Table{Version: fmt.Sprint("rand-", n), Scale: wuhu.Scale()}
		for i := range 2 + rng.IntN(6) {
			r := randomRule(rng, i)
			r.Types = nil
			if rng.IntN(3) != 0 {
				for _, k := range rng.Perm(len(pool))[:1+rng.IntN(4)] {
					r.Types = append(r.Types, pool[k])
				}
			}
			tbl.Rules = append(tbl.Rules, r)
		}
		if rng.IntN(4) == 0 {
			tbl.Rules = append(tbl.Rules, scoring.TableRule{Name: "rest", Grade: "poor"})
		}
		want, got := tbl.CheckRegions(true), tbl.CheckRegions(false)
		if diff := cmp.Diff(errorTexts(want), errorTexts(got)); diff != "" {
			t.Fatalf("%s: findings by class mismatch (-want +got):\n%s\nrules: %+v", tbl.Version, diff, tbl.Rules)
		}
		if len(got) > 0 && !strings.Contains(got[0].Error(), "too fine") && sharesClass(tbl.Rules) {
			merged++
		}
	}
	t.Logf("%d of 300 tables had findings and types in one class", merged)
	if merged < 100 {
		t.Errorf("only %d of 300 tables had findings and types in one class", merged)
	}
}

// errorTexts returns the texts of errs.
func errorTexts(errs []error) []string {
	var out []string
	for _, err := range errs {
		out = append(out, err.Error())
	}
	return out
}

// sharesClass reports whether two types that rules list are listed by
// the same rules.
func sharesClass(rules []scoring.TableRule) bool {
	listers := make(map[string]string)
	for i, r := range rules {
		for _, typ := range slices.Compact(slices.Sorted(slices.Values(r.Types))) {
			listers[typ] += fmt.Sprint(i, ",")
		}
	}
	seen := make(map[string]bool)
	for _, s := range listers {
		if seen[s] {
			return true
		}
		seen[s] = true
	}
	return false
}
