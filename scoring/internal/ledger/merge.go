package ledger

import (
	"maps"
	"runtime"
	"slices"

	"github.com/shopspring/decimal"
)

// Snapshot is a ledger's entries and amendments, for [Ledger.Merge]: a
// copy, which later changes to the ledger do not touch (see
// [Ledger.Snapshot]), or a view of the ledger itself (see [Ledger.View]).
type Snapshot struct {
	recs    records
	t       tables
	amends  []amendment
	counts  map[int32]int32 // amended record → the amendment that counts
	long    map[keyIDs]int32
	matters *strtab   // for names and heads only
	pages   []srcPage // of the matters' sequence index
}

// Snapshot returns a copy of the ledger's contents as they are now. It
// copies the records, the amendments, the places of the matters and the
// pages of their index, and of the rest only what later additions would
// change: the lists of names and texts are only ever appended to.
func (l *Ledger) Snapshot() *Snapshot {
	s := &Snapshot{recs: l.recs.clone(), t: l.tables(), amends: slices.Clone(l.amends), counts: maps.Clone(l.counts),
		long: maps.Clone(l.long), matters: l.matters.snapshot(), pages: l.matters.seq.pageList(true)}
	s.t.texts = l.texts.snapshot()
	s.t.kinds = slices.Clone(l.kinds)
	return s
}

// View returns the ledger's contents without copying them, for a merge
// that holds the ledger still: it reads the ledger as it is, and is not
// to be used once the ledger changes.
func (l *Ledger) View() *Snapshot {
	return &Snapshot{recs: l.recs, t: l.tables(), amends: l.amends, counts: l.counts, long: l.long, matters: &l.matters,
		pages: l.matters.seq.pageList(false)}
}

// Merge adds every entry and amendment of s, which is not a view of l, to
// l. It returns Duplicate, and adds nothing, when entries of s have the
// keys of entries of l, with the keys of the first limit of them that s
// added; Full, and adds nothing, when l cannot take that many more; or
// Added.
//
// It works at the speed of copying memory: it looks up each of s's names
// in l once — each matter, subject, evaluator, pair of grade and policy,
// and class — and then copies s's records with their ids translated, and
// each of s's stored reason lists once, as bytes. It allocates for what
// is new to l and for tables by s's ids, not for each entry.
//
// A long run of records it copies on up to GOMAXPROCS goroutines.
func (l *Ledger) Merge(s *Snapshot, limit int) (Outcome, []Key) {
	return l.merge(s, limit, splitting{parallelMin, runtime.GOMAXPROCS(0)})
}

// merge is Merge, copying records split as sp says.
func (l *Ledger) merge(s *Snapshot, limit int, sp splitting) (Outcome, []Key) {
	// First look, changing nothing: l's id of each matter of s, and the
	// entries of s whose keys l holds, which only matters l has can have.
	plan := l.matters.plan(s.matters, s.pages)
	var overlaps overlaps
	if len(plan.have) > 0 {
		subjects := lookupAll(&l.subjects, s.t.subjects)
		evaluators := lookupAll(&l.evaluators, s.t.evaluators)
		for _, m := range plan.have {
			id := plan.ids[m]
			for i := s.matters.loc(m).head; i != 0; {
				r := s.recs.at(i - 1)
				c := &s.t.classes[r.class]
				if sub, ev := subjects[c.subject], evaluators[c.evaluator]; sub >= 0 && ev >= 0 && l.findKey(id, sub, ev, r.stage) >= 0 {
					overlaps.add(i-1, m, limit)
				}
				i = r.prev
			}
		}
	}
	if overlaps.n > 0 {
		keys := make([]Key, len(overlaps.first))
		for j, o := range overlaps.first {
			r := s.recs.at(o.rec)
			c := &s.t.classes[r.class]
			keys[j] = Key{s.matters.name(o.matter), s.t.subjects[c.subject], s.t.evaluators[c.evaluator], r.stage}
		}
		return Duplicate, keys
	}
	if !l.room(s.recs.len() + len(s.amends)) {
		return Full, nil
	}

	// Then copy: the records, in s's order after l's, each with its ids
	// translated and its list of the matter's records moved by base; and,
	// alongside, the matters: a new one's list is its records of s.
	x := l.translator(s)
	base := int32(l.recs.len())
	l.copyRecords(&x, base, sp, func() { l.matters.addPlanned(s.matters, s.pages, &plan, base) })
	// The records of s's long matters stay found by key (see findKey).
	if len(s.long) > 0 && l.long == nil {
		l.long = make(map[keyIDs]int32, len(s.long))
	}
	for k, i := range s.long {
		l.long[l.keyOf(plan.ids[k.matter], i+base)] = i + base
	}
	// s's records of a matter l has go before those l has.
	for _, m := range plan.have {
		h := s.matters.loc(m).head
		if h == 0 {
			continue // every matter has a record; this is for safety's sake
		}
		lc := l.matters.loc(plan.ids[m])
		h += base
		i, n := h, 1
		for r := l.recs.at(i - 1); r.prev != 0; r = l.recs.at(i - 1) {
			i = r.prev
			n++
		}
		l.recs.at(i - 1).prev = lc.head
		lc.head = h
		l.indexLong(plan.ids[m], n)
	}
	// And the amendments, which amend records of s only.
	abase := int32(len(l.amends))
	for j := range s.amends {
		am := s.amends[j] // its author and reason are strings o keeps, not a caller's
		x.copyRecord(&am.record, &s.amends[j].record)
		am.target += base
		am.matter = plan.ids[am.matter]
		l.amends = append(l.amends, am)
		if l.amendsOf == nil {
			l.amendsOf, l.counts = make(map[int32][]int32), make(map[int32]int32)
		}
		l.amendsOf[am.target] = append(l.amendsOf[am.target], abase+int32(j))
	}
	for i, j := range s.counts {
		l.counts[i+base] = j + abase
	}
	return Added, nil
}

// lookupAll returns the id in in of each name, or -1 for a name in lacks.
func lookupAll(in *intern, names []string) []int32 {
	out := make([]int32, len(names))
	for i, s := range names {
		if id, ok := in.lookup(s); ok {
			out[i] = id
		} else {
			out[i] = -1
		}
	}
	return out
}

// overlaps keeps the first records of a snapshot, by index, whose keys a
// ledger holds too, and counts them all.
type overlaps struct {
	first []overlap // ascending, at most limit
	n     int
}

type overlap struct{ rec, matter int32 }

func (o *overlaps) add(rec, matter int32, limit int) {
	o.n++
	i, _ := slices.BinarySearchFunc(o.first, rec, func(x overlap, rec int32) int { return int(x.rec - rec) })
	if i >= limit {
		return
	}
	o.first = slices.Insert(o.first, i, overlap{rec, matter})
	if len(o.first) > limit {
		o.first = o.first[:limit]
	}
}

// translator rewrites the records of a snapshot for a ledger, once the
// ledger holds the snapshot's reason lists, far times and wide points
// after its own: their classes by a table, and the rest by adding where
// the snapshot's lists start in the ledger's. It changes nothing, so that
// goroutines may share it.
type translator struct {
	s       *Snapshot
	classes []int32 // by class of s
	reasons uint32  // l's reason lists before s's
	far     int64   // l's far times before s's
	wide    int64   // l's wide points before s's
}

// translator interns the names of every class of s into l and appends
// s's reason lists, far times and wide points to l's. Every reason list s
// holds is one of its records' or amendments'.
func (l *Ledger) translator(s *Snapshot) translator {
	x := translator{s: s, classes: make([]int32, len(s.t.classes)), reasons: uint32(len(l.reasonLocs)),
		far: int64(len(l.far)), wide: int64(len(l.wide))}
	subjects := make([]int32, len(s.t.subjects))
	for i, name := range s.t.subjects {
		subjects[i] = l.subjects.id(name)
	}
	evaluators := make([]int32, len(s.t.evaluators))
	for i, name := range s.t.evaluators {
		evaluators[i] = l.evaluators.id(name)
	}
	kinds := make([]int32, len(s.t.kinds))
	for i := range s.t.kinds {
		kinds[i] = l.kindOf(s.t.kinds[i].grade, s.t.kinds[i].policy)
	}
	for i, c := range s.t.classes {
		x.classes[i] = l.classes.id(class{subjects[c.subject], evaluators[c.evaluator], kinds[c.kind]})
	}
	for _, at := range s.t.reasonLocs {
		l.copyReasons(reasonsBytes(&s.t.texts, at))
	}
	l.far = append(l.far, s.t.far...)
	l.wide = append(l.wide, s.t.wide...) // a Decimal is immutable: it may be shared
	return x
}

// copyRecord sets d to r, of s, as l keeps it: its class, reasons, far
// time and wide points translated, the rest as it is.
func (x *translator) copyRecord(d, r *record) {
	*d = *r
	d.class = x.classes[r.class]
	if id := r.reasonsID(); id != 0 {
		d.reasons = x.reasons + id | r.reasons&flagAmended
	}
	if tagged(r.at) {
		d.at += x.far
	}
	if tagged(r.points) {
		d.points += x.wide
	}
}

// copyReasons copies a reason list as putReasons stored it into l's
// texts, and returns 1 + the index of where it is in reasonLocs.
func (l *Ledger) copyReasons(buf []byte) uint32 {
	c := l.texts.room(len(buf))
	off := l.texts.lens[c]
	copy(l.texts.chunks[c][off:], buf)
	l.texts.lens[c] += uint32(len(buf))
	l.reasonLocs = append(l.reasonLocs, uint64(c)<<42|uint64(off)<<22|uint64(len(buf)))
	return uint32(len(l.reasonLocs))
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
	e := t.bare(r)
	e.Points = t.points(r)
	e.Reasons = getReasons(&t.texts, t.reasonLocs, r.reasonsID())
	return e
}

// bare rebuilds the entry of a record but its matter, points and reasons.
func (t *tables) bare(r *record) Entry {
	c := &t.classes[r.class]
	k := &t.kinds[c.kind]
	return Entry{Key: Key{Subject: t.subjects[c.subject], Evaluator: t.evaluators[c.evaluator], Stage: r.stage},
		At: timeOf(r, t.far), Grade: k.grade, Policy: k.policy}
}

// points rebuilds the points of a record.
func (t *tables) points(r *record) decimal.Decimal {
	if r.isWide() {
		return t.wide[untag(r.points)]
	}
	return decimal.New(r.points, fixedExp)
}
