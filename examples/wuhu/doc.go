// Wuhu runs a year of "whistle and report" (吹哨报到) in 芜湖市 through
// qingdan and prints what the reform reported: the matters whistled and
// resolved, the citizens' satisfaction, and each department's annual
// assessment, in which the sub-districts' one-matter-one-evaluation
// (一事一评) composite counts 30%.
//
// Usage:
//
//	go run ./examples/wuhu [-month 2020-06 | -matter WH2020-0050] [-json] [-policy file] [-journal file]
//
// The data is embedded from data/: the city's sub-districts and
// departments (city.json), its governance matter list (routes.json, a
// [matters.Directory]: matter type, lead and support departments, response
// limit in working time and resolution limit in working days) and the
// knobs of the synthetic year (synthetic.json).
//
// The year 2020 is synthetic, drawn from a PCG with a fixed seed, so every
// run prints the same. It is calibrated exactly to the published figures —
// 746 matters whistled, 619 resolved (0.8298), satisfaction above 90% —
// and has among them matters reported by the 91580 hotline for a
// sub-district (two-way dispatch), returns and re-dispatches (退单),
// suspensions, long matters graded in stages (分时段), coordinated
// multi-department matters (统筹), matters reopened after a dissatisfied
// answer, and matters a sub-district closed itself without a whistle (not
// counted as received). Every matter runs through [matters.Matter.Apply]
// with times on working days of [workday.China]; every dispatched
// department is graded by [scoring.FactsFor] and a decision table, with
// the quality judgement the sub-district gives in the plan, and recorded
// in a [scoring.Book]. The departments' other assessment (the 70% part)
// is synthetic too: one score per department from its own fixed seed.
//
// Flags:
//
//	-month YYYY-MM  print that month's review (月点评) instead: the
//	                departments' scores over the evaluations of the month
//	-matter ID      print one matter's history, event by event, and its
//	                evaluations with the rule that fired on which figures
//	                (the annual report names one worth a look)
//	-json           write the same report as JSON (decimals as strings)
//	-policy FILE    grade with the decision table in FILE (JSON, as
//	                scoring.LoadTable reads it, with its scale) instead of
//	                wuhu.Table(); data/policy-strict.json is an
//	                example: excellent only with quality 5, a
//	                dissatisfied citizen or a return caps the grade at
//	                fair. A rule's conditions are the fields of
//	                scoring.TableRule; a table that fails
//	                scoring.Table.Validate (gaps, dead rules, unknown
//	                grades) is refused with every problem named
//	-journal FILE   also write the whole year's audit trail to FILE, a
//	                journal of package journal (hash-chained JSON Lines):
//	                every event of every matter and every evaluation, in
//	                the order they happened (by time; a matter's events
//	                in Seq order, each followed by the evaluations it
//	                triggered; the same instant by matter ID), the same
//	                bytes on every run with the same policy, whatever
//	                -month, -matter and -json. After the report, print
//	                two lines: the number of entries (events and
//	                evaluations) and the head hash, the value a
//	                sub-district reads into the minutes of the year-end
//	                review (年末综合评分); with -json, the same as the
//	                member "journal" {file, entries, events, evaluations,
//	                head}. FILE is replaced: the journal is written to a
//	                temporary file in the same directory and renamed over
//	                FILE once complete, so a failed run leaves FILE as it
//	                was. Check it with journal.Verify, and later, once
//	                it has grown, with journal.VerifyHead against the
//	                head read into the minutes; journal.Rebuild gives
//	                back the matters and the book of scores
//
// Exit status: 0 on success, 1 when the policy file cannot be read or is
// not a valid table, or the journal cannot be written (a missing
// directory, FILE a directory, a write error), 2 for a bad flag or flag
// value (an unknown month or matter, an empty -journal included).
package main
