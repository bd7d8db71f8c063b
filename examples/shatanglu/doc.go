// Shatanglu shows the reform of 沙塘路街道 (马鞍山市花山区) with the qingdan
// packages: its "5+3+1" body layout checked against the city's template,
// with the dispatched agencies (派驻机构: 城管中队, 市场监管所, 司法所, 派出所)
// that the sub-district leads; its key tasks (重点任务) — first the
// demolition of illegal buildings (违法建设) — with a lead unit and support
// units for each function, listed by unit; and a month of the agencies'
// staff appraised by post category (分类量化考核) with a custom evaluator,
// PostEvaluator, reviewed as the sub-district does: daily huddle, weekly
// dispatch and monthly review (日碰头、周调度、月点评); and the agencies'
// monthly assessment by a sheet of rules (考核细则, data/sheet.json): the
// mean of their tasks' points as the base, deductions per late, returned
// or dissatisfied task and by the satisfaction rate, a bonus per
// commendation, each capped, and a veto for a grave incident (the events
// of data/events.json), each unit with its reasons. The sheet's policy
// cases, testdata/sheet-cases.json, reach every item of it.
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
//	-staff FILE
//		Read the dispatched staff from FILE (a JSON array of {id, name,
//		unit, post}) instead of the built-in roster.
package main
