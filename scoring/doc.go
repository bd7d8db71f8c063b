// Package scoring grades the answers to whistled matters — one matter, one
// evaluation (一事一评) — and composes the grades into exact, auditable scores.
//
// The pieces, in the order a host meets them:
//
//   - A [Scale] of grades with points, such as 好 100, 较好 85, 一般 70,
//     差 40 (locality/wuhu's Scale). The package holds no locality's
//     scale, table or weights: those are policy, kept by the host or in a
//     locality package such as locality/wuhu.
//   - [Facts]: the figures of one unit's answer to one matter (working time
//     to respond and to resolve against their limits — approved pauses and
//     extensions only — returns, urgings and supervisions, quality,
//     satisfaction). [FactsFor] reads them off a matter's history, for a
//     unit it was dispatched to or for the owner of a matter a hotline
//     reported; a host that does not use package matters builds Facts
//     itself.
//   - An [Evaluator] turns Facts into a [Result]. A [Table] is the built-in
//     evaluator: a decision table whose first matching rule wins, kept as
//     data (JSON) with its own scale and versioned, so every Result names
//     the policy that made it. [First] and [Weighted] combine evaluators;
//     First() with none evaluates nothing.
//   - A [Book] records [Evaluation]s (one per matter, subject, evaluator and
//     stage), keeps [Amendment]s as new records, merges shards, and reports
//     each subject's [Score] over a [Period]: a day, week, month or year, the
//     cadence of 日碰头、周调度、月点评 and the year-end composite (综合评分),
//     which [ParsePeriod] reads from text such as "2020-W23". [Book.Matter]
//     gives one matter's grades as they count, amendments applied.
//     It keeps duties apart: the graded subject never grades itself or
//     amends its own grade, and a name is written one way; [BookOptions]
//     add the scale in force, a window for amendments and the matters'
//     histories, given to [NewBook].
//
// # Time
//
// Every time the package hands back — a book's evaluations and amendments,
// the bounds of a period — is in China Standard Time, the same instant as
// recorded: the rule of package matters, so that what a journal rebuilds
// is deeply equal to what was live.
//
// Package assessment blends a year's scores into the annual assessment, in
// which the sub-district's composite counts 30%; package staff appraises
// staff by post category (分类量化考核) and ranks the candidates of an open
// competition (公开竞选) with the same exact blending.
//
// # Decision records
//
// A Result's Reasons are data (package reason): a table's reason names
// its rule, the comparisons the rule made and the figures it saw, and is
// written as a sentence in the table's language (its Lang: English, or
// Chinese for "zh") only when asked for. An [Evaluation] may carry the
// [Facts] it was graded on; a [Book] checks them and keeps only what
// scores need, and package journal keeps both the reasons and the facts
// inside its hash chain.
//
// # Exact numbers
//
// Every score, weight and ratio is exact: points are decimal.Decimal,
// ratios of durations are compared as integers (actual × denominator against
// numerator × limit), a mean is a rational number rounded once, half away
// from zero, at the end. Nothing here reads or sets shopspring/decimal's
// package settings (DivisionPrecision, MarshalJSONWithoutQuotes,
// TrimTrailingZeros): decimals are written to JSON as strings in their
// shortest exact form whatever those settings are.
//
// # Performance
//
// A [Book] holds a national year of 10^8 evaluations on one machine. Each
// evaluation takes a 32-byte record, its matter ID once, and its reasons
// once for a run of evaluations with the same grade, policy and reasons,
// as a decision table gives them; subjects, evaluators, grades and
// policies are kept once each. Recording 10^7 evaluations allocates about
// 58 bytes per evaluation in all with numbered matter IDs ("2020-123",
// 0.58 GB) and 105 with UUIDs (1.05 GB). Points that are not whole
// millionths, or beyond ±4.6 × 10^12, and times before November 1823 or
// after February 2116 are kept exactly too, in side tables.
//
// Matter IDs that end in a number, as case systems issue them
// ("2020-0001234", "WH20200615000123"), are found by that number, near
// the last ones looked up. Other IDs, such as UUIDs, are found in a hash
// table, where each new matter of a big book costs a cache miss. Both give
// the same results; only the speed differs. On one core of a machine of
// two shared cores, recording and scoring a year runs at about 4–5
// million evaluations a second with numbered IDs and 2–3 million with
// UUIDs; [Book.Scores] reads 10^6 evaluations in about 15 ms.
//
// A book records on one core at a time. [Book.Merge] copies the records
// of the book it merges and looks up that book's names once each, so that
// merging 500,000 evaluations takes a fifth or less of the time recording
// them does with numbered matter IDs, and about half with UUIDs: a host
// uses every core by filling one book per core, each from its own run of
// matters, and merging them (a sharded build; see [Book.Merge]). Into a
// book whose options check something, Merge first checks each of the
// other book's evaluations as Record would: with a scale in force, about
// 50–60 ms for 500,000 evaluations, about half the time of recording them
// into the same book. The README has the figures, and bench_test.go the
// benchmarks.
//
// A decision table grades a set of facts in a few hundred nanoseconds,
// its reason included; [Table.Compile] works out once what does not change
// from call to call (each rule's conditions as bits, its thresholds as
// fractions, its grade, the checks its reason gives), and its evaluator
// gives the same Results as [Table.Evaluate] about 1.3–1.7× as fast. Most of what
// remains is the Result's own memory: a host that grades facts in bulk
// into one Result with [EvaluateInto], recording each in a Book before
// the next, allocates nothing per evaluation and grades 3–5× as fast as
// Table.Evaluate.
//
// # Errors
//
// Errors wrap the sentinels [ErrDuplicate], [ErrNotFound], [ErrInvalid],
// [ErrNoRule] and [ErrRefused], and those of package matters where a
// matter is at fault (matters.ErrNotDispatched from [FactsFor]), so that
// errors.Is works; each message names the matter, rule, part or item at
// fault. Validation reports every problem, joined with errors.Join (a
// table's or a decoded book's, the first hundred and the number of the
// others). A programmer's misuse — a nil evaluator given to [First] or
// [Weighted], a nil matter or calendar given to [FactsFor] — panics with a
// message that says so; input never does.
package scoring
