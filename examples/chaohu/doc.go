// Chaohu shows "两单一图一点" — the power list (权力清单), the responsibility
// list (责任清单), the power-operation flowcharts (权力运行流程图) and the
// integrity-risk points (廉政风险点) — of one sub-district of 巢湖市, 中庙街道,
// built with package accountability; and the open competition for its posts
// (公开竞选), ranked with package staff.
//
// The source says that Chaohu drew up "两单一图一点" and fixed each
// sub-district's 7 main duties and 127 power items; it lists none of them.
// The register's units are the layout the source gives, but its duties,
// powers, flowcharts, risk points and separations, the catalog's lists and
// their revisions, the approving body and the dates are illustrative. Some
// of them borrow what the source tells of Wuhu, not of Chaohu: the
// admission list (事项准入) and the governance matter list (基层治理事项清单),
// taking 招商引资 and 协税护税 out of the sub-district's duties, and the
// planning-participation power (规划参与权).
//
// It prints, in order: the body layout checked against the city's "一办五部两中心"
// template (plus 生态环境部 and the reserved slot, here 文旅发展部); the seven main
// duties with their boundaries with city departments; the power list by
// category, set against the city's 127 power items, with one item in full;
// the flowcharts' critical paths; the risk points and the separations of
// incompatible posts; the findings of validation, first of the published
// 2020 list (clean but for deliberate warnings), then of a draft with four
// deliberate errors, then of the cross-checks of the catalog that joins the
// register to the governance matter list, the admission lists and the key
// tasks (data/lists.json, with the list's 2019 revision in its history), in
// Chinese — its one deliberate inconsistency is the route that sends every
// 占道经营 to the city's urban-management bureau, though the boundary of ZZ-03
// keeps 背街小巷 for the sub-district; the changes from the 2019 list to the
// 2020 list (with -register, to the list given); the ranked candidates of
// the open competition, 19 posts in 9 kinds (the source: nearly 20 posts per
// sub-district, 近20个岗位, filled by the competition's results and the last
// three annual appraisals; the weights, points and bar are illustrative);
// then the source's other mechanisms, each checked by rules of this program
// and reported in Chinese:
//
//   - 九, staffing (data/staffing.json): the 97 administrative and 174
//     institutional posts of the city's 5 sub-districts, 100 of them
//     transferred from city departments, and the nearly 110 staff of every
//     kind (行政编制, 事业编制, 垂直管理, 市聘, 街道自聘) each sub-district had
//     before the reform — the source's totals, split among the sub-districts
//     by illustrative figures that must add up to them;
//   - 十, the leading team of 中庙街道 (data/leadership.json): the heads of
//     "一办七部" all members of the team, the head of 党群工作部 its full-time
//     deputy secretary or organisation member, the police station's head on
//     the 党工委 without a portfolio or a seat of the quota (不分工、不占职数),
//     and the urban-management and market-regulation enforcement managed by
//     the sub-district with the staff and funds that moved with it
//     (属地化管理, 人随事转、费随事转) — the names, the quota of 11 and the
//     staff and funds are illustrative;
//   - 十一, "前台+后台" (data/service.json): the five approvals one after
//     another of before set against the front desk of the 党群服务中心 and
//     the back office, checked for "最多跑一趟", "一窗集成" (including that the
//     register's flows of the listed items take applications at that desk),
//     "一门全办" and "一枚印章" — the days of each step, which steps the
//     applicant attends in person and which steps seal are illustrative.
//
// The 91580 hotline's two-way dispatch (双向派单), which the source tells
// of Chaohu, is shown on Wuhu's data in examples/wuhu.
//
// Usage:
//
//	go run ./examples/chaohu [-out DIR] [-register FILE]
//
// The flags are:
//
//	-out DIR
//		Write each flowchart as Graphviz DOT (F-CF.dot) and Mermaid
//		(F-CF.mmd) files to DIR, creating it if needed. Without it, no
//		file is written.
//	-register FILE
//		Use the register in FILE (JSON, as package accountability
//		writes it) as the current list instead of the built-in 2020 one.
//
// The exit status is 0 when neither the layout check, the current list, the
// catalog's cross-checks nor the checks of sections 九 to 十一 have an Error
// finding, 1 when they have (the report is printed all the same, and
// stderr names the sections that found them) or a file cannot be read or
// written, and 2 for a bad flag. The data — both revisions of the lists, the catalog's lists,
// the candidates, the staffing, the leading team and the two ways of
// service — is embedded from the data folder.
package main
