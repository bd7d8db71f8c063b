package ledger

import (
	"github.com/shopspring/decimal"
)

// Owners returns the matter of each record, by the order the ledger took
// them (added, or merged in with the merged ledger's order): what
// [Ledger.InOrder] reads the records with. A record never changes its
// matter, so the owners stay right for those records as the ledger grows.
func (l *Ledger) Owners() []int32 {
	owner := make([]int32, l.recs.len())
	for m := range int32(l.matters.len()) {
		for i := l.matters.loc(m).head; i != 0; i = l.recs.at(i - 1).prev {
			owner[i-1] = m
		}
	}
	return owner
}

// InOrder appends to dst the entries from index from to index to
// (excluded) in the order the ledger took them, as [Ledger.Entries]
// gives them, given the ledger's owners: for a caller that walks them
// beside its own list in that order, or needs no order, without paying
// for the sort, in pieces small enough to stay in a cache. Matters' names
// and reasons are read without a copy (see strtab.view); entries of the
// piece that stored the same reasons share them where a memo still holds
// their form (entries in a row always do), and the reasons of the others
// share blocks, each entry's capped at its length (see sharedReasons):
// the caller must not modify them. Entries with the same
// points share their value (a decimal.Decimal is never changed in place).
func (l *Ledger) InOrder(dst []Entry, owners []int32, from, to int) []Entry {
	t := l.tables()
	reasons := newSharedReasons(&t)
	var cache pointsCache
	for i := from; i < to; i++ {
		r := l.recs.at(int32(i))
		e := t.bare(r)
		e.Matter = l.matters.view(owners[i])
		e.Points = cache.points(&t, r)
		if id := r.reasonsID(); id != 0 {
			e.Reasons = reasons.read(id)
		}
		dst = append(dst, e)
	}
	return dst
}

// Unsorted returns every entry as [Ledger.Entries] does, each read with a
// copy, in the order the ledger took them.
func (l *Ledger) Unsorted() []Entry {
	owners := l.Owners()
	out := make([]Entry, len(owners))
	for i, m := range owners {
		out[i] = l.entryAt(l.recs.at(int32(i)), m)
	}
	return out
}

// pointsCache remembers the points of a few records' fixed-point points,
// so that records with the same points share their value (a
// decimal.Decimal is never changed in place) rather than each allocate
// its own. The zero value is empty.
type pointsCache [8]struct {
	points int64
	value  decimal.Decimal
	set    bool
}

// points returns the points of record r, of t.
func (pc *pointsCache) points(t *tables, r *record) decimal.Decimal {
	if r.isWide() {
		return t.points(r)
	}
	c := &pc[uint64(r.points)*0x9E3779B97F4A7C15>>61]
	if !c.set || c.points != r.points {
		c.points, c.value, c.set = r.points, t.points(r), true
	}
	return c.value
}
