package ledger

import (
	"slices"

	"github.com/shopspring/decimal"
)

// Snapshot is a ledger's entries and amendments at one moment, for
// [Ledger.Merge]: later additions to the ledger do not change it.
type Snapshot struct {
	recs     records
	t        tables
	amends   []amendment
	matters  strtab  // for names only, see strtab.snapshot
	matterOf []int32 // by record
}

// Snapshot returns the ledger's contents as they are now. It copies the
// records and amendments, and of the rest only what later additions would
// change: the lists of names and texts are only ever appended to.
func (l *Ledger) Snapshot() *Snapshot {
	s := &Snapshot{recs: l.recs.clone(), t: l.tables(), amends: slices.Clone(l.amends),
		matters: l.matters.snapshot(), matterOf: l.matterOf()}
	s.t.texts = l.texts.snapshot()
	s.t.kinds = slices.Clone(l.kinds)
	return s
}

// matterOf returns the matter of every record, by index.
func (l *Ledger) matterOf() []int32 {
	out := make([]int32, l.recs.len())
	for m := range int32(l.matters.len()) {
		for i := l.matters.loc(m).head; i != 0; i = l.recs.at(i - 1).prev {
			out[i-1] = m
		}
	}
	return out
}

// key returns the key of record i.
func (s *Snapshot) key(i int32) Key {
	r := s.recs.at(i)
	c := &s.t.classes[r.class]
	return Key{s.matters.name(s.matterOf[i]), s.t.subjects[c.subject], s.t.evaluators[c.evaluator], r.stage}
}

// Overlaps returns the keys of up to limit entries of s that l holds
// entries of too, in the order s added them.
func (l *Ledger) Overlaps(s *Snapshot, limit int) []Key {
	var out []Key
	for i := range int32(s.recs.len()) {
		if len(out) == limit {
			break
		}
		if k := s.key(i); l.find(&k) >= 0 {
			out = append(out, k)
		}
	}
	return out
}

// Merge adds every entry and amendment of s to l, or returns Full and adds
// nothing. No entry of s may have the key of one of l's: the caller checks
// with [Ledger.Overlaps] first.
func (l *Ledger) Merge(s *Snapshot) Outcome {
	if !l.room(s.recs.len() + len(s.amends)) {
		return Full
	}
	at := make([]int32, s.recs.len())
	for i := range at {
		r := s.recs.at(int32(i))
		e := s.t.entry(r)
		e.Matter = s.matters.name(s.matterOf[i])
		at[i] = l.add(&e)
	}
	for j := range s.amends {
		am := &s.amends[j]
		a := Amendment{Entry: s.t.entry(&am.record), Author: am.author, Reason: am.reason}
		a.Matter, a.Stage = s.matters.name(am.matter), s.recs.at(am.target).stage
		l.addAmendment(at[am.target], &a)
	}
	return Added
}

// tables are what the ids and tags of a ledger's records refer to: the
// ledger's own, or a snapshot's. Each list is only ever appended to, so
// that a copy of its header reads it as it was — but for the reasons of
// kinds, which change in place (Snapshot copies kinds).
type tables struct {
	subjects, evaluators []string
	kinds                []kind
	classes              []class
	wide                 []decimal.Decimal
	far                  []farTime
	reasonLocs           []uint64
	texts                arena
}

func (l *Ledger) tables() tables {
	return tables{l.subjects.names, l.evaluators.names, l.kinds, l.classes.list, l.wide, l.far, l.reasonLocs, l.texts}
}

// entry rebuilds the subject, evaluator, stage, time and result of a
// record; its matter is the caller's to set (and, for an amendment, its
// stage).
func (t *tables) entry(r *record) Entry {
	c := &t.classes[r.class]
	k := &t.kinds[c.kind]
	e := Entry{Key: Key{Subject: t.subjects[c.subject], Evaluator: t.evaluators[c.evaluator], Stage: r.stage},
		At: timeOf(r, t.far), Grade: k.grade, Policy: k.policy, Reasons: getReasons(&t.texts, t.reasonLocs, r.reasonsID())}
	if r.isWide() {
		e.Points = t.wide[untag(r.points)]
	} else {
		e.Points = decimal.New(r.points, fixedExp)
	}
	return e
}
