package ledger

import (
	"iter"
	"time"
)

// What a snapshot would bring into a ledger, read for a caller that
// checks it before it merges: its entries and amendments without their
// reasons.

// Entries returns an iterator over the entries of s as they were added,
// matter by matter, without their reasons. Times are in the Local
// location, as time.Unix gives them. Their matters are read without a
// copy (see strtab.view): a caller that keeps one copies it. Entries
// with the same points may share their value, as InOrder's do.
func (s *Snapshot) Entries() iter.Seq[Entry] {
	return func(yield func(Entry) bool) {
		var cache pointsCache
		for m := range int32(s.matters.len()) {
			name := s.matters.view(m)
			for i := s.matters.loc(m).head; i != 0; {
				r := s.recs.at(i - 1)
				e := s.t.bare(r)
				e.Matter, e.Points = name, cache.points(&s.t, r)
				if !yield(e) {
					return
				}
				i = r.prev
			}
		}
	}
}

// Amendments returns an iterator over the amendments of s, without their
// reasons, each with the At of the entry it amends. Times are in the
// Local location, as time.Unix gives them.
func (s *Snapshot) Amendments() iter.Seq2[Amendment, time.Time] {
	return func(yield func(Amendment, time.Time) bool) {
		for j := range s.amends {
			am := &s.amends[j]
			target := s.recs.at(am.target)
			e := s.t.bare(&am.record)
			e.Matter, e.Stage, e.Points = s.matters.name(am.matter), target.stage, s.t.points(&am.record)
			if !yield(Amendment{Entry: e, Author: am.author, Reason: am.reason}, timeOf(target, s.t.far)) {
				return
			}
		}
	}
}
