package wuhu

import (
	"github.com/qingdan/qingdan/scoring"
	"github.com/shopspring/decimal"
)

// Table returns the decision table of Wuhu's one-matter-one-evaluation
// scheme, version "wuhu-2020.2", on [Scale]. Each call returns a new table
// that the caller may change. The source says only that the grade weighs
// the speed and quality of the answer (速度、质量等) and that a matter that
// takes long is graded stage by stage; the rows, their thresholds and the
// version names are illustrative, this package's reading. Its rows, first
// match wins:
//
//  1. never responded → poor (差): the unit did not answer the whistle
//     (应哨) at all; nothing else about the matter can make up for that.
//  2. response over twice its limit → poor: answering the whistle that late
//     defeats the purpose of blowing it.
//  3. resolution over twice its limit → poor: so far, for a matter still
//     open, so a staged evaluation of a stalled matter is poor too.
//  4. dissatisfied → fair (一般): the citizen said no at the return visit
//     (回访); on-time work the citizen rejects is not good work.
//  5. quality 1–2 → fair: the sub-district judged the work poor.
//  6. on time, quality ≥ 4, not dissatisfied, not returned, never
//     supervised → excellent (好): responded within the limit and resolved
//     (or, for a stage, on track) within the limit, good work, no wrongful
//     return, and no body above the owner had to take the matter up (督办).
//  7. on time, quality not judged, satisfied, not returned, never
//     supervised → excellent: the citizen's yes stands in for a quality the
//     sub-district did not judge.
//  8. on time → good (较好): on time, but a return (退单), middling quality
//     (3), no judgement without a yes, or a supervision keeps it from
//     excellent.
//  9. otherwise → fair: late, but within twice every limit.
//
// "On time" is response ratio ≤ 1 with a response, and resolution ratio
// ≤ 1 (resolved, or still open within the limit), the time of approved
// suspensions excluded and approved extensions added to the limit (see
// scoring.FactsFor): a suspension or extension the unit asked for and was
// not granted counts against it. The last row is unconditional, so the
// table has no gaps.
//
// This package's version "wuhu-2020.1" was the same table without the
// supervision conditions of rows 6 and 7.
func Table() *scoring.Table {
	yes, no := true, false
	two, one := decimal.NewFromInt(2), decimal.NewFromInt(1)
	return &scoring.Table{
		Version: "wuhu-2020.2",
		Scale:   Scale(),
		Rules: []scoring.TableRule{
			{Name: "never responded", Grade: "poor", Responded: ptr(no),
				Doc: "the unit did not answer the whistle at all"},
			{Name: "response over twice its limit", Grade: "poor", ResponseOver: ptr(two),
				Doc: "answering the whistle that late defeats the purpose of blowing it"},
			{Name: "resolution over twice its limit", Grade: "poor", ResolutionOver: ptr(two),
				Doc: "so far, for a matter still open: a stalled stage is poor too"},
			{Name: "dissatisfied", Grade: "fair", Satisfaction: scoring.Dissatisfied,
				Doc: "the citizen said no at the return visit"},
			{Name: "quality 1–2", Grade: "fair", QualityMax: 2,
				Doc: "the sub-district judged the work poor"},
			{Name: "on time, quality ≥ 4", Grade: "excellent", ResponseOnTime: ptr(yes), ResolutionAtMost: ptr(one),
				QualityMin: 4, Satisfaction: scoring.NotDissatisfied, Returned: ptr(no), Supervised: ptr(no),
				Doc: "responded and resolved (or on track) within the limits, good work, no wrongful return, no supervision"},
			{Name: "on time, satisfied", Grade: "excellent", ResponseOnTime: ptr(yes), ResolutionAtMost: ptr(one),
				QualityGiven: ptr(no), Satisfaction: scoring.Satisfied, Returned: ptr(no), Supervised: ptr(no),
				Doc: "the citizen's yes stands in for a quality the sub-district did not judge"},
			{Name: "on time", Grade: "good", ResponseOnTime: ptr(yes), ResolutionAtMost: ptr(one),
				Doc: "on time, but a return, middling quality, no judgement or a supervision keeps it from excellent"},
			{Name: "late", Grade: "fair",
				Doc: "late, but within twice every limit"},
		},
	}
}

// ptr returns a pointer to a copy of v, so that no two conditions of a
// table share one.
func ptr[T any](v T) *T { return &v }
