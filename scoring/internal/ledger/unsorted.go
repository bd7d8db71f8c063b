package ledger

// Unsorted returns every entry as [Ledger.Entries] does, in the ledger's
// own order rather than by key: for a caller that orders them itself, or
// needs no order, without paying for the sort.
func (l *Ledger) Unsorted() []Entry {
	out := make([]Entry, 0, l.recs.len())
	for m := range int32(l.matters.len()) {
		for i := l.matters.loc(m).head; i != 0; {
			r := l.recs.at(i - 1)
			out = append(out, l.entryAt(r, m))
			i = r.prev
		}
	}
	return out
}
