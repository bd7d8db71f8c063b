// Package ledger is the storage engine under scoring.Book. It keeps a
// national year of evaluations — 10^8 of them — in the memory of one
// machine, finds each by its key, keeps amendments, takes in snapshots of
// other ledgers, and sums points over a period exactly.
//
// A [Ledger] holds an [Entry] per [Key] (matter, subject, evaluator and
// stage) and their [Amendment]s. It is not safe for concurrent use: Book
// holds a lock around it. It knows nothing of what an evaluation must
// have or what its errors say: Book checks the one and writes the other
// from the [Outcome] of each call.
//
// # Records
//
// Each entry takes one 32-byte record without pointers, so that the
// garbage collector need not scan records. Subjects, evaluators and each
// pair of grade and policy are interned into small integer ids, the three
// together into one class. Points are int64 millionths, falling back to
// exact decimals in a side table for points that do not fit; times are
// int64 nanoseconds, falling back to a side table for times before
// November 1823 or after February 2116. Reasons are copied into an arena,
// once for a run of identical reason lists of one grade and policy, as a
// decision table gives. Records, texts and the places of matters are
// kept in chunks that never move once full, so that a big ledger grows
// without copying them. A ledger keeps none of the caller's memory.
//
// # Matters
//
// Matters are the one name a ledger has millions of. Their IDs are copied
// into an arena and found by an index of two parts (strtab). IDs that end
// in a number, as case systems number matters ("2020-0001234"), are found
// by that number in pages of consecutive numbers (seqIndex): a ledger is
// given such IDs roughly in order, so a lookup lands near the last ones,
// in memory the processor has at hand. Other IDs, and numbers too sparse
// for pages, are found in an open-addressing hash table, where each new
// matter of a big ledger costs a cache miss. Either way the result is the
// same; only the speed differs.
//
// # Sums
//
// [Ledger.Tally] sums fixed-point points in 128-bit integers, which no
// number of entries a ledger can hold overflows, and the rest as exact
// rationals: nothing is rounded.
package ledger
