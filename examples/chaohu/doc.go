// Chaohu shows "两单一图一点" — the power list (权力清单), the responsibility
// list (责任清单), the power-operation flowcharts (权力运行流程图) and the
// integrity-risk points (廉政风险点) — of one sub-district of 巢湖市, 中庙街道,
// built with package accountability; and the open competition for its posts
// (公开竞选), ranked with package staff.
//
// It prints, in order: the body layout checked against the city's
// "一办五部两中心" template (plus 生态环境部 and the reserved slot, here
// 文旅发展部); the seven main duties with their boundaries with city
// departments; the power list by category, with one item in full; the
// flowcharts' critical paths; the risk points and the separations of
// incompatible posts; the findings of validation, first of the published
// 2020 list (clean but for deliberate warnings), then of a draft with four
// deliberate errors, then of the cross-checks of the catalog that joins
// the register to the governance matter list, the admission lists and the
// key tasks (data/lists.json, with the list's 2019 revision in its
// history), in Chinese — its one deliberate inconsistency is the route
// that sends every 占道经营 to the city's urban-management bureau, though
// the boundary of ZZ-03 keeps 背街小巷 for the sub-district; the changes from the 2019 list to the 2020 list; and
// the ranked candidates of the open competition, post by post.
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
// The exit status is 0 when neither the current list nor the catalog's
// cross-checks have an Error finding, 1 when they have (the report is
// printed all the same) or a file cannot be read or written, and 2 for a
// bad flag. The data — both revisions of the lists, the catalog's lists
// and the candidates — is embedded from the data folder.
package main
