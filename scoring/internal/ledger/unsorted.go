package ledger

// Unsorted returns every entry as [Ledger.Entries] does, in the order the
// ledger took them (added, or merged in with the merged ledger's order)
// rather than by key: for a caller that walks them beside its own list in
// that order, or needs no order, without paying for the sort.
func (l *Ledger) Unsorted() []Entry {
	n := l.recs.len()
	// A record holds no matter: it is on its matter's list.
	owner := make([]int32, n)
	for m := range int32(l.matters.len()) {
		for i := l.matters.loc(m).head; i != 0; i = l.recs.at(i - 1).prev {
			owner[i-1] = m
		}
	}
	out := make([]Entry, n)
	for i := range int32(n) {
		out[i] = l.entryAt(l.recs.at(i), owner[i])
	}
	return out
}
