// Package qingdan (清单, "lists") is an embeddable, pure-Go library for the
// accountability lists of Chinese sub-district (街道) governance reform.
//
// Government Go backends import it to model what each body may and must do,
// to admit or refuse work pushed onto a sub-district, to route "whistled"
// matters to the department that must answer them and keep each matter's
// history, and to grade every response — one matter, one evaluation — into
// exact, explainable annual scores. This package holds only documentation;
// the work is done by the packages listed below.
//
// # The terms
//
// The reform's vocabulary, with the names the library gives it:
//
//	两单一图一点        the four accountability artefacts of one body, an [accountability.Register]:
//	  权力清单          power list: [accountability.Power], typed by [accountability.Category]
//	  责任清单          responsibility list: [accountability.Responsibility], with 职责边界 [accountability.Boundary]
//	  权力运行流程图    power-operation flowchart, a DAG: [accountability.Flow]
//	  廉政风险点        integrity-risk point: [accountability.Risk], graded by a [accountability.Matrix]
//	不相容岗位          incompatible posts: [accountability.Separation]
//	赋权                a power granted to a sub-district, perhaps in part: [accountability.Grant]
//	六办两中心 …        a body-layout template: [accountability.Template]
//	事项准入            matter admission over the three lists: [matters.Admission]
//	  权责清单 / 公共服务清单 / 其他工作事项清单   [matters.Duties], [matters.Services], [matters.OtherWork]
//	基层治理事项清单    governance matter list, routing a matter type: [matters.Directory]
//	清单体系            the lists of one jurisdiction, checked against each other: [matters.Catalog]
//	统一社会信用代码    unified social credit code (GB 32100-2015): [accountability.CheckCreditCode]
//	吹哨 → 派单 → 应哨 → 办结   whistle → dispatch → accept → resolve, events ([matters.Event]) of a [matters.Matter]:
//	                    [matters.Whistle], [matters.Dispatch], [matters.Accept], [matters.Resolve]
//	挂起 / 延期 / 退单   requests that take effect only when approved (批准 / 驳回):
//	                    [matters.Suspend], [matters.Extend], [matters.Return]; [matters.Approve], [matters.Deny]
//	催办 / 督办          urging by the owner (or the platform), supervision by the body above it: [matters.Urge], [matters.Supervise];
//	                    those due at an instant: [matters.Catalog.Due]
//	答复 / 回访          the unit's reply to the citizen, the citizen's answer: [matters.Reply], [matters.Feedback]
//	双向派单            two-way dispatch with a city hotline (such as 91580): [matters.Matter].Platform
//	统筹                a matter dispatched to several units: [matters.Matter].Coordinated
//	分时段              a long matter graded in stages, at a [matters.Progress] of the owner or the platform (the lead's reports a stage)
//	工作日 / 调休        working days and make-up working days: [workday.Calendar]
//	一事一评            one matter, one evaluation: [scoring.Evaluation], recorded in a [scoring.Book]
//	等次                grade (好 / 较好 / 一般 / 差): [scoring.Grade] of a [scoring.Scale]
//	日碰头 / 周调度 / 月点评   the daily, weekly and monthly reviews: [scoring.Day], [scoring.Week], [scoring.Month]
//	综合评分            the annual composite: [scoring.Score]; 30% of an assessment via [assessment.Assess]
//	考核细则 / 一票否决   an assessment sheet and its veto items: [assessment.Sheet], [assessment.Veto]
//	分类量化考核        staff appraisal by post category: [staff.Appraisal]; the open competition: [staff.Select]
//	响应率 / 解决率 / 满意率 / 街道满意率   the rates per unit, [indicators.Rates] (Response, Resolution,
//	                    Satisfaction, Street), counted by [indicators.Tally]; 红黑榜: [indicators.Rank]
//	评价表试算          what a new decision table would change: [whatif.Regrade], [whatif.RegradeJournal]
//
// # The packages
//
//	accountability                 units, power and responsibility lists, flowcharts, risk points; validation
//	accountability/accountabilitytest  helpers for testing custom validation rules
//	matters                        admission, the governance matter list, the catalog of lists, the whistle lifecycle
//	matters/workday                the working-day calendar (official holidays and make-up days)
//	scoring                        grades, evaluators, decision tables, the evaluation book
//	scoring/reason                 why a grade was given, as data: the rule, its checks and the figures seen
//	scoring/scoringtest            helpers for table-testing evaluators
//	grading                        who is graded, when and by what: the evaluations and amendments a matter's history calls for
//	assessment                     exact weights and blends: the annual assessment; assessment sheets (考核细则) with caps and vetoes
//	assessment/assessmenttest      helpers for testing assessment sheets, with item coverage
//	indicators                     响应率, 解决率, 满意率 and 街道满意率 per unit; their index; class rankings with red and black lists
//	whatif                         what another policy would have done to recorded grades, from a book or a journal
//	staff                          staff appraisal by post category and the open competition
//	journal                        the append-only audit trail of events and evaluations: a hash chain, its Merkle tree, signed checkpoints, proofs, receipts
//	locality/wuhu                  Wuhu's reading of the reform: 六办两中心, its grades, decision table and 30/70 weights
//	locality/chaohu                Chaohu's reading of the reform: 一办五部两中心
//	locality/shatanglu             沙塘路街道's reading of the reform: 5+3+1
//	cmd/qingdan                    the command for list officers: check, import, render, test, whatif, journal, diff
//	examples/wuhu                  a year of whistles, graded and blended into annual scores
//	examples/chaohu                两单一图一点 for one sub-district, validated and rendered
//	examples/shatanglu             5+3+1 bodies, a key task's lead and support roles, staff appraisal, the agencies' assessment sheet
//
// Imports run one way: journal → scoring → matters → accountability, and
// matters → matters/workday, staff → assessment → scoring,
// grading → scoring, matters, indicators → assessment, scoring, matters,
// and whatif → journal, scoring, matters;
// accountability and matters/workday import nothing of ours but the
// module's internal plumbing, and the
// locality packages import the core packages whose data they hold. A host
// can use scoring without matters by building
// [github.com/qingdan/qingdan/scoring.Facts] itself.
//
// # Guarantees
//
// Every score, weight and rate is an exact [github.com/shopspring/decimal.Decimal]
// computed without decimal's package-level settings. No package logs, keeps
// mutable global state, reads files behind the caller's back, or panics on
// input. Errors wrap exported sentinels, so [errors.Is] works, and name the
// item, step or matter at fault. Every type that carries data a host stores
// or exchanges round-trips through encoding/json and decodes strictly;
// errors, option structs, rules and calendars are not such data and have no
// JSON form. A programmer's misuse (a nil receiver, a nil calendar or
// evaluator) panics with a message that says so.
package qingdan

import (
	_ "github.com/qingdan/qingdan/accountability"  // for doc links
	_ "github.com/qingdan/qingdan/assessment"      // for doc links
	_ "github.com/qingdan/qingdan/grading"         // for doc links
	_ "github.com/qingdan/qingdan/indicators"      // for doc links
	_ "github.com/qingdan/qingdan/journal"         // for doc links
	_ "github.com/qingdan/qingdan/matters"         // for doc links
	_ "github.com/qingdan/qingdan/matters/workday" // for doc links
	_ "github.com/qingdan/qingdan/scoring"         // for doc links
	_ "github.com/qingdan/qingdan/staff"           // for doc links
	_ "github.com/qingdan/qingdan/whatif"          // for doc links
)
