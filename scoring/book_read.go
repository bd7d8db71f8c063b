package scoring

import (
	"iter"

	"github.com/qingdan/qingdan/scoring/internal/ledger"
)

// The read side of a Book: its size, its evaluations in key order or in
// the order it took them, and its amendments. [Book.Matter] (book_matter.go) reads
// one matter's.

// Len returns the number of evaluations recorded, amendments not counted.
func (b *Book) Len() int {
	if b == nil {
		return 0
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.l.Len()
}

// Evaluations returns every evaluation as originally recorded, ordered by
// its key: matter, subject and evaluator (each by bytes), then stage; the
// amendments are apart ([Book.Amendments]; [Book.Matter] applies them).
// Times are in China Standard Time
// (the same instants as recorded) and points in their shortest form.
func (b *Book) Evaluations() []Evaluation {
	return readAll(b, (*ledger.Ledger).Entries, evaluationOf)
}

// readAll returns what get reads of b's ledger under b's lock, each item
// converted by conv without the lock; none, as from an empty book, for a
// nil book.
func readAll[L, T any](b *Book, get func(*ledger.Ledger) []L, conv func(*L) T) []T {
	if b == nil {
		return []T{}
	}
	b.mu.Lock()
	ls := get(&b.l)
	b.mu.Unlock()
	return convert(ls, conv)
}

// convert returns ls, each item converted by conv.
func convert[L, T any](ls []L, conv func(*L) T) []T {
	out := make([]T, len(ls))
	for i := range ls {
		out[i] = conv(&ls[i])
	}
	return out
}

// All returns an iterator over every evaluation as originally recorded,
// as [Book.Evaluations] gives them, in the order the book took them —
// recorded, or merged in, in the merged book's order — rather than by
// key: cheaper than Evaluations, which sorts and holds them all at once,
// for a caller that walks the evaluations beside its own list in the order
// it recorded them. An iteration yields the evaluations the book holds
// when it starts; it reads them a few thousand at a time, without holding
// the book between them, so that the loop may use the book. It ends early
// if UnmarshalJSON replaces the book's contents meanwhile. The evaluations
// of one iteration may share their Reasons' backing memory (most of those
// that recorded the same reasons share them, as they share their texts): a
// caller must not modify them, but copy what it would change.
func (b *Book) All() iter.Seq[Evaluation] {
	return func(yield func(Evaluation) bool) {
		if b == nil {
			return
		}
		b.mu.Lock()
		owners, gen := b.l.Owners(), b.gen
		b.mu.Unlock()
		var es []ledger.Entry
		for from := 0; from < len(owners); from += allPiece {
			b.mu.Lock()
			if b.gen != gen {
				b.mu.Unlock()
				return
			}
			es = b.l.InOrder(es[:0], owners, from, min(from+allPiece, len(owners)))
			b.mu.Unlock()
			for i := range es {
				if !yield(evaluationOf(&es[i])) {
					return
				}
			}
		}
	}
}

// allPiece is how many evaluations All reads at a time.
const allPiece = 4096

// Amendments returns every amendment, ordered by the key of the evaluation
// it corrects, then from the earliest to the latest (the last of each key
// is the one that counts).
func (b *Book) Amendments() []Amendment {
	return readAll(b, (*ledger.Ledger).Amendments, amendmentOf)
}

// amendmentOf returns the Amendment a ledger's amendment is.
func amendmentOf(a *ledger.Amendment) Amendment {
	return Amendment{Evaluation: evaluationOf(&a.Entry), Author: a.Author, Reason: a.Reason}
}
