// Shatanglu shows the reform of 沙塘路街道 (马鞍山市花山区) with the qingdan
// packages, section by section of its report:
//
//  1. its "5+3+1" body layout checked against the city's template, with the
//     dispatched agencies (派驻机构: 城管中队, 市场监管所, 司法所, 派出所)
//     that the sub-district leads;
//  2. its key tasks (重点任务, 项目化推进) — first the demolition of illegal
//     buildings (违法建设), which 拆违办公室 coordinates, 城管中队 leading
//     enforcement, 司法所 policy interpretation and 派出所 security — with a
//     lead unit and support units for each function, listed by unit;
//  3. a month of the agencies' staff's tasks graded by post with a custom
//     evaluator, PostEvaluator, and reviewed by the cadence of the key tasks:
//     daily huddle, weekly dispatch and monthly review (日碰头、周调度、月点评);
//  4. the agencies' monthly assessment by 公共管理办公室 (考评) with a sheet
//     of rules (考核细则, data/sheet.json): the mean of their tasks' points
//     as the base, deductions per late, returned or dissatisfied task and by
//     the satisfaction rate, a bonus per commendation, each capped, and a
//     veto for a grave incident (the events of data/events.json), each unit
//     with its reasons; the sheet's policy cases, testdata/sheet-cases.json,
//     reach every item of it;
//  5. the leadership and the rules of procedure (领导机制, 议事机制,
//     data/council.json): one leader in charge of the agencies through
//     公共管理办公室, whose duties 协调, 监督 and 考评 over every agency are
//     a responsibility list (data/register.json) checked by the built-in
//     rules and one of the example's own (shatanglu.agencies); the meetings
//     that review the key tasks daily, weekly and monthly, attended by the
//     head of every unit that leads a function, and the 党政联席会议 the
//     agencies' heads attend, with how often each is held in the month;
//  6. the assessment mechanism (考核机制) under the personnel-participation
//     power the city and the district granted (人事参与权, a power held by
//     grant in the register): the month's feedback to the district's party
//     committee on the dispatched cadres' daily performance; the annual
//     assessment of the enforcement staff held together with the
//     sub-district's cadres' (一并开展: one staff.Appraisal, one scale, a
//     category each; data/annual.json), the enforcement staff's work being
//     the year's composite of their tasks; and the sub-district's
//     recommendation of 2 of 城管中队's staff to head its internal units
//     (staff.Select, quota 2 as in the source);
//  7. the performance appraisal of the sub-district's own hires (街道原有聘用
//     人员, data/hires.json) by post category and work task (分类量化考核).
//
// Each table that grades (等次) states above it the scale it grades on, from
// the data: "等次：总分 ≥90 优秀、≥75 称职、≥60 基本称职，其余为不称职".
//
// The source gives the structure, the roles and the figure 2; every other
// number (weights, scores, dates, names) is illustrative.
//
// PostEvaluator, in evaluator.go, is the template for writing a
// scoring.Evaluator of your own; its test runs scoringtest.TestEvaluator.
//
// Usage:
//
//	go run ./examples/shatanglu [-month 2020-06] [-staff FILE]
//
// The flags are:
//
//	-month YYYY-MM
//		The month to review (default 2020-06). Its tasks are simulated
//		with a seed taken from the month, so each run prints the same;
//		its working days come from the State Council's holiday schedules
//		(2020-06-28, a Sunday, was a make-up working day for 端午节).
//		The annual assessment is of the year data/annual.json names, its
//		tasks simulated month by month alike.
//	-staff FILE
//		Read the dispatched staff from FILE (a JSON array of {id, name,
//		unit, post}) instead of the built-in roster. The democratic reviews
//		and the candidates of data/annual.json must name its enforcement
//		staff (执法岗, 监管岗). The tasks are drawn member by member in the
//		file's order, so the same staff listed in another order draw
//		another month (and another year), and every figure changes.
package main
