package ledger

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
// for the sort, in pieces small enough to stay in a cache. A matter's name
// is read without a copy (see strtab.view).
func (l *Ledger) InOrder(dst []Entry, owners []int32, from, to int) []Entry {
	t := l.tables()
	for i := from; i < to; i++ {
		e := t.entry(l.recs.at(int32(i)))
		e.Matter = l.matters.view(owners[i])
		dst = append(dst, e)
	}
	return dst
}
