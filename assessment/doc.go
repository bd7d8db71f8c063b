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
// Every number is exact (decimal.Decimal, never rounded by this package),
// and written to JSON as a string in its shortest exact form whatever
// shopspring/decimal's package settings are. Errors wrap [ErrWeights],
// naming the part or subject at fault; every problem is reported, joined
// with errors.Join.
package assessment
