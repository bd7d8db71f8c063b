// Package indicators computes the figures hotline and assessment systems
// publish about units: the three rates per unit — 响应率 (response),
// 解决率 (resolution, as the citizen judged it) and 满意率 (satisfaction) —
// with the 街道满意率 (the sub-district's satisfaction with the units it
// dispatched to), for any grouping of the matters, and a weighted index of
// the three rates with weights from data.
//
// The unit of counting is a [Part]: one dispatched unit's part in one
// matter. [Parts] reads them off matters; [Tally] groups them by a
// grouping function ([ByUnit], [ByLead], [BySubDistrict], [ByType],
// [ByMonth], or the host's own) and counts each rate as an exact [Ratio]
// with its numerator and denominator.
//
// [Rank] ranks subjects by any figure (an index, a composite) within the
// classes data gives them ([Classes]: districts, sub-districts and towns,
// departments, state firms), with ties ranked 1, 2, 2, 4; puts them on red
// and black lists by position or threshold ([Lists]); and says how each
// moved since the previous period (上升 / 下降 N 位). Rates and rankings
// are one idea — the figures a hotline system publishes about units — so
// they share this package, apart from package assessment's annual blend.
//
// # Performance
//
// Tally makes one pass over the parts, with one map entry per group and,
// for a matter dispatched to more than one unit, one per group it falls
// in, so that its citizen's answers count once. Over the parts of 10^6
// matters (1.4 × 10^6 parts, a fifth of the matters dispatched to three
// units) it takes about 0.22 s grouped by lead and about 0.5 s grouped by
// unit on a 2-core machine (BenchmarkTally; the README's table gives the
// figures and their date).
package indicators
