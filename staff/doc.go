// Package staff ranks people with the exact blending of package
// assessment: the quantitative appraisal of staff by post category
// (分类量化考核, [Appraisal]) and the open competition for a post
// (公开竞选, [Select]).
//
// An [Appraisal] gives each [PostCategory] its indicators and their
// [assessment.Weights]; [Appraisal.Appraise] blends each person's [Score]s,
// grades the total on the appraisal's [scoring.Scale] and ranks people
// within their category, each [Appraised] keeping the breakdown.
//
// [Select] blends each [Candidate]'s competition score ([CompetitionPart])
// with the appraisal results of the last years ([YearPart]) and fills each
// post's quota, breaking ties without regard to input order; each
// [Placement] says where the candidate stands.
//
// Every number is exact and written to JSON as a string in its shortest
// exact form. Errors wrap [ErrInvalid], or assessment.ErrWeights for
// weights and indicators that do not match, and name the category, person,
// candidate or post at fault; every problem is reported, joined with
// errors.Join, except that the problems of the round itself (Select's
// weights; an appraisal's categories and scale) are reported alone, since
// nothing is blended by them.
package staff
