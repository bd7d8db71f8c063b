// Package ledger is the storage engine under scoring.Book. It keeps a
// national year of evaluations — 10^8 of them — in the memory of one
// machine, finds each by its key, keeps amendments, merges other ledgers,
// and sums points over a period exactly.
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
// # Merges
//
// [Ledger.Merge] takes in another ledger — a [Snapshot] of it, or a view
// while its owner holds it still — at the speed of copying memory. It
// looks up the other's names in the ledger once each: subjects,
// evaluators, pairs of grade and policy and their classes, matters a page
// of the other's sequence index at a time (what the ledger's index says
// of a page's range holds for all its IDs), the rest by name. It then
// copies the other's records with their ids translated, their lists of
// records moved along, each stored reason list once as bytes, and the
// names of new matters as bytes in runs — long runs it shares with the
// other ledger, whose arena's bytes, like its own, are never written
// again. The lookups change nothing, so
// that a merge that finds a key of the other's in the ledger refuses
// before it has added anything.
//
// # Sums
//
// [Ledger.Tally] sums fixed-point points in 128-bit integers, which no
// number of entries a ledger can hold overflows, and the rest as exact
// rationals: nothing is rounded.
package ledger
