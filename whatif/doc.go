// Package whatif answers a policy owner's question: what would another
// decision table (or any scoring.Evaluator) have done to the grades
// already recorded? It regrades every recorded evaluation from the facts
// it was graded on and lists the differences — each evaluation whose grade
// or points change, with the rule on each side, and each subject whose
// composite or rank moves — without touching the recorded book: recorded
// evaluations keep their policy version, and the what-if book is a new
// one.
//
// [Regrade] takes a recorded scoring.Book and the facts of its
// evaluations. [RegradeJournal] takes a journal, as journal.Rebuild reads
// it, and reads the facts of each evaluation off its matter as the
// journal recorded it when the evaluation (or the latest amendment of it
// that carries facts) was appended, through a
// [Source] — [FactsFor] for scoring.FactsFor over a calendar and the
// matters' routes, completed by the host with what the matters' events do
// not record (the sub-district's quality judgement, say), or [Recorded] for
// the facts the journal recorded with each evaluation, its decision record.
// A [Report] is the answer; its JSON reads back strictly.
//
// # Performance
//
// Regrade reads the recorded book once, in the order it was recorded
// (scoring.Book.All), and walks the facts beside it: facts given in that
// order are matched without a lookup, others through one map by matter.
// It grades a *scoring.Table compiled, into one reused Result, records
// each new grade in the what-if book and copies and keeps only the
// changes, sorted once at the end. Over 1,000,000 evaluations it takes
// about as long as grading them once (evaluating each and recording it in
// a new book): 0.97–1.31×, median 1.09, on a shared 2-core machine, as
// BenchmarkWhatIf measures both in one run (the README gives the figures).
package whatif
