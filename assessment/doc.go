// Package assessment blends a year's scores into the annual assessment of
// the departments (年度考核), in which the sub-district's composite of one
// matter, one evaluation counts with a fixed weight — 30% in Wuhu's scheme
// (locality/wuhu's Weights) — beside the department's other parts.
//
// [Weights] give each named part its share; valid weights are not negative
// and sum to exactly 1. [Blend] combines parts exactly by their weights.
// [Assess] takes the [scoring.Score]s of a book, as the [SubdistrictPart],
// blends each subject's with its other parts and ranks the subjects, each
// [Annual] keeping its breakdown.
//
// An assessment sheet (考核细则) is policy kept as data, versioned like a
// decision table: a [Sheet] starts from a [Base] (the unit's 一事一评
// composite, its three-rate index from package indicators, or a fixed
// number), adds and deducts points item by item — per occurrence of a
// count (督办 3 次 × −1) or by the band a rate falls in (响应率 below 0.95:
// −2) — with a cap per item and on the additions and the deductions in
// all, and lets veto items (一票否决) lower the result to a number or a
// grade (a result already lower stays). [LoadSheet] reads one strictly
// and [Sheet.Validate] reports unknown facts, caps that can never bind,
// items that can never fire and overlapping bands; [Sheet.Apply] applies
// it to one unit's [Facts] and gives an exact [Result] with one [Reason]
// per item that moved it.
// Package assessmenttest runs a sheet's cases and says which items they
// reached.
//
// Every number is exact (decimal.Decimal, never rounded by this package),
// and written to JSON as a string in its shortest exact form whatever
// shopspring/decimal's package settings are. Errors wrap [ErrWeights],
// [ErrSheet] or [ErrFacts], naming the part, subject, item or unit at
// fault; every problem is reported, joined with errors.Join.
//
// # Performance
//
// Apply reads the sheet as it is at each call and prepares nothing: a
// sheet of 30 items applied to 1,000 units takes about 25–85 ms on a
// shared 2-core machine, some 160 allocations a unit, all of them
// decimal arithmetic and the reasons (BenchmarkSheetApply).
package assessment
