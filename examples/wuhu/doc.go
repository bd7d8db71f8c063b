// Wuhu runs a year of "whistle and report" (吹哨报到) in 芜湖市 through
// qingdan and prints what the reform reported: the matters whistled and
// resolved, the sub-districts' satisfaction with the departments' work
// (街道满意率), and each department's annual assessment, in which the
// sub-districts' one-matter-one-evaluation (一事一评) composite counts 30%.
//
// Usage:
//
//	go run ./examples/wuhu [-month 2020-06 | -matter WH2020-0771 | -whatif file | -reform] [-json] [-policy file] [-journal file]
//
// The data is embedded from data/: the city's sub-districts, departments,
// hotline and supervising bodies (city.json), its governance matter list
// (routes.json, a [matters.Directory]: matter type, lead and support
// departments, response limit in working time and resolution limit in
// working days), the sub-districts' admission lists (admission.json) and
// the knobs of the synthetic year (synthetic.json), with the catalog's
// supervision settings: the city's supervisor, escalation after 2 more
// working days, the return visit within 2 working days, one reopening;
// and how the hotline system's figures are made (indicators.json): the
// weights of the three-rate index (30/35/35), the grade from which a
// sub-district's grade counts as satisfied, and the classes and the red
// and black lists of the monthly ranking.
//
// routes.json and admission.json are the library's own documents, with no
// member of the example's, so that qingdan check reads them as it reads a
// list officer's. Both are excerpts (节选) and illustrative. The source says
// only that matters are dispatched to the units the list makes responsible
// (按清单中明确的责任主体派单): the matter types, departments, limits and
// approving body of routes.json (芜湖市基层治理事项清单, 吹哨报到) are the
// example's; a dispatch records the version of the list it rests on, and a
// matter is graded by that version's limits. admission.json is synthetic:
// the governance matters the sub-districts take on; a matter the hotline
// passes on that is not on them the sub-district hands back, the admission
// decision its reason, and the hotline dispatches it to a department by
// the governance matter list.
//
// The year 2020 is synthetic, drawn from a PCG with a fixed seed, so every
// run prints the same. It is calibrated to what the source says of Wuhu
// ("今年以来,全市数字化城管平台收到街道'吹哨'事项746件,已办结619件,街道
// 满意率达90%以上"): 746 matters received, every one a sub-district's
// whistle on the digital city-management platform; 619 of them resolved
// (0.8298); and a 街道满意率 of at least 90% — of the sub-districts'
// grades of the departments' work on them ([indicators.Rates].Street),
// those of indicators.json's grade (较好) or better on the scale of the
// table that grades the year (好 and 较好). The
// source's counts are of the year so far (今年以来, in a report written
// within 2020); the example takes them as the whole of 2020. The report
// prints the 街道满意率 beside the citizens' return-visit satisfaction
// (回访满意率), which the source does not give and is synthetic. The
// source gives no index of the three rates, no monthly ranking and no
// red or black lists: their weights, classes and lists are the example's,
// and the text reports say so.
//
// Beside the received matters runs a stream of their own, counted apart
// and labelled 巢湖 91580 热线双向派单机制（示例） wherever it is printed:
// the source describes two-way dispatch (双向派单) with the 91580 hotline
// for Chaohu, and the example shows that mechanism on Wuhu's data rather
// than drop it: matters the hotline reported for a sub-district, which
// owns them, whistles them, answers the citizen (答复) and is graded on
// them by the hotline; matters the hotline keeps and dispatches to a
// department itself; and matters a sub-district hands back because its
// admission lists do not hold them (the admission decision its reason),
// which the hotline then dispatches. None of them is among the 746, in
// the summary or in the departments' rates; they are graded in the book
// like the others (the departments' composites count them) and the
// figures below the tables include them, as the report says. The hotline
// asks the citizen (回访) about every matter it brought, some late; the
// citizen says whether satisfied and whether the problem was solved (a
// problem sent back is not; otherwise it is when the citizen is
// satisfied or the sub-district judged the lead's work good). Departments ask to suspend (挂起), for
// more days (延期) and to return a matter (退单): requests the owner
// approves or denies, with its reason; only approved pauses and days count.
// Every hour of a matter's open life the host's supervision scan
// ([matters.Catalog.Due]) urges (催办) at 75% of a limit, has the district
// supervise (督办) an overdue matter and supervise it again 2 working days
// later, and supervises a matter reopened to the limit whose citizen is
// still dissatisfied. There are also long matters the sub-district grades
// in stages (分时段评价: "由街道分时段给出等次评价"), coordinated multi-department matters (统筹), matters reopened
// after a dissatisfied answer, and matters a sub-district closed itself
// without a whistle (not counted as received). Every event runs through
// [matters.Catalog.Apply] (the route in force, the admission lists, the
// reopening limit, the calendar's range) with times on working days of
// [workday.China]; the library's grader ([grading.New]) says who is
// graded when — every dispatched department at each stage the
// sub-district grades and at the Close, the sub-district by the hotline that reported its matter —
// on [scoring.FactsFor]'s facts and a decision table, with the quality
// judgement the owner gives in the plan, and the grades are recorded in a
// [scoring.Book]. The departments' other
// assessment (the 70% part) is synthetic too: one score per department
// from its own fixed seed.
//
// The annual report prints, besides the published figures and the
// departments' table — with, beside each composite, the department's
// 响应率, 解决率 and 满意率 over the received matters and their index
// ([indicators.Tally], [indicators.Rates.Index]) —, the hotline's table of
// the sub-districts and how
// many matters were urged, supervised and escalated and how many requests
// were denied, and names a matter worth a look for each.
//
// With -reform it prints the reform itself instead of the year: what the
// source says the city did to its sub-districts before any whistle, as
// data (data/reform.json, data/powers.json), each part checked against the
// figures the source publishes, the findings named by rule:
//
//   - 坚持依责对应: the 11 public service centres all made sub-districts
//     (公共服务中心全部改为街道), and each of the 27 sub-districts' bodies
//     checked against [wuhu.Template] ("六办两中心", at most 2 offices of
//     its own) with [accountability.Template.Check], the self-set offices
//     the source names with their need — 城市更新办 where old-town
//     renovation is heavy, 生态环境办 where environmental work is — and
//     the register's unit rules;
//   - 坚持全面倾斜: the 34 administrative posts added in 镜湖区 and 弋江区
//     with the cadres sent down (编随人走: no post without a cadre), the
//     党群工作办 of every sub-district with 3 or more full-time party
//     workers, the 14 sub-districts with a 党工委 member for party
//     building beside the full-time deputy secretary, the communities'
//     party service fund raised from at least 16 to at least 20 万元 a
//     community (a sub-district below flagged) and 400 万元 of 公益创投
//     projects in 2019;
//   - 坚持权责一致, 明责: the three lists of admission.json, the clean-up
//     of work outside them (专项整治) decided by [matters.Admission.Admit]
//     — work the lists do not admit must be cleared, work they admit
//     kept —, and 招商引资 and 协税护税 moved out of the sub-districts'
//     duties: no longer among the sub-districts' assessment indicators,
//     nor among the matter types of routes.json, the indicators turned to
//     the source's 企业服务, 营商环境 and 项目落地;
//   - 坚持权责一致, 赋权: the five powers (五权) and their grants to the
//     sub-districts as powers held by grant ([accountability.Grant],
//     checked by the register's power rules), in part (Partial, Scope)
//     where a power cannot yet be granted whole — the part the survey
//     found useful and within the sub-districts' means, such as the
//     planning-participation power while the city master plan and
//     regulatory plans are drafted (编制城市总规、控规过程中的参与权) —, and
//     the follow-up of the departments that lag, month by month (党建工作
//     领导小组月度跟踪) and at each quarter's end (市委负责同志季度调度),
//     every grant done when the follow-up ends.
//
// The source gives the counts (11, 27, 34, 3, 14, 16 and 20 万元, 400 万元)
// and names only the planning-participation power among the five and its
// partial grant; everything else of -reform is illustrative, as the data's
// notes say: the 17 sub-districts beyond city.json's 10 and which 11 were
// centres, each sub-district's self-set offices, added posts, cadres,
// party workers, communities and fund, the 公益创投 projects, the work of
// the clean-up and the assessment's indicators, the other four powers
// (marked *, national policy's usual wording, not the source's), and the
// grants' departments, parts and months, with the departments shown
// lagging.
//
// Flags:
//
//	-month YYYY-MM  print that month's review (月点评) instead: the
//	                departments' scores over the evaluations of the
//	                month with their rates over the matters reported in
//	                it, and the class ranking of indicators.json
//	                ([indicators.Rank]) with its red and black lists and
//	                each department's move since the month before
//	                (上升 / 下降 N 位; 新进 in January)
//	-matter ID      print one matter's history, event by event — requests
//	                and the decisions on them, urgings, supervisions,
//	                replies, return visits — and its evaluations with the
//	                rule that fired on which figures (the annual report
//	                names some worth a look)
//	-reform         print the reform itself (above) instead of the year:
//	                the bodies, the resources sent down, the lists and
//	                the powers granted with their month-by-month
//	                follow-up, each section ending in its checks' verdict;
//	                with -json, the same as JSON, findings included. It
//	                grades nothing, so it goes with neither -policy nor
//	                -journal
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
//	-whatif FILE    print what the decision table in FILE would have
//	                done to the year instead ([whatif.RegradeJournal]):
//	                the year's journal, written in memory, regraded
//	                under FILE, the facts read off its matters and the
//	                sub-districts' quality judgements kept from the
//	                grading; the count of grade changes, each subject
//	                whose composite or rank changes and each changed
//	                evaluation with the rule on each side. The recorded
//	                grades are left as they are; try
//	                -whatif data/policy-strict.json
//	-journal FILE   also write the whole year's audit trail to FILE, a
//	                journal of package journal (JSON Lines, chained by
//	                SHA-256, with a Merkle tree over them):
//	                every event of every matter and every evaluation, in
//	                the order they happened (by time; a matter's events
//	                in Seq order, each followed by the evaluations it
//	                triggered; the same instant by matter ID), the same
//	                bytes on every run with the same policy, whatever
//	                -month, -matter and -json. After the report, print
//	                three lines: the number of entries (events and
//	                evaluations), the head hash, the value a
//	                sub-district reads into the minutes of the year-end
//	                review (年末综合评分), and the root of the journal's
//	                tree, the value a signed journal.Checkpoint
//	                publishes; with -json, the same as the member
//	                "journal" {file, entries, events, evaluations, head,
//	                root}. FILE is replaced: the journal is written to a
//	                temporary file in the same directory, synced, renamed
//	                over FILE once complete and the directory synced, so
//	                a failed run leaves FILE as it was and a reported one
//	                survives a crash; a FILE that is not a regular file
//	                (/dev/null, /dev/stdout, a named pipe) is written to
//	                as the shell writes to it, not replaced. Check it
//	                with journal.Verify given the signed checkpoint,
//	                also once it has grown;
//	                journal.Rebuild gives back the matters and the book
//	                of scores, journal.RebuildAt those the checkpoint
//	                covered
//
// Exit status: 0 on success, 1 when a policy file (-policy, -whatif)
// cannot be read or is not a valid table, or the journal cannot be written (a missing
// directory, FILE a directory, a write error), 2 for a bad flag or flag
// value (an unknown month or matter, an empty -journal, two of -month,
// -matter, -whatif and -reform, -reform with -policy or -journal included).
package main
