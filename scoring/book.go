package scoring

import (
	"cmp"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Book is the evaluation book (一事一评台账): it records evaluations, one per
// matter, subject, evaluator and stage, keeps their amendments, merges with
// other books, and scores each subject over a period.
//
// The zero Book is empty and ready to use; [NewBook] returns one too. A
// Book is safe for concurrent use: every method takes the book's lock. On
// a nil *Book, Record, Amend and UnmarshalJSON return an error wrapping
// [ErrInvalid], as do RecordAll given evaluations and Merge given a book
// to merge; the other methods report an empty book.
//
// A book is compact, for a national year of 10^8 evaluations on one
// machine: subjects, matters, evaluators and each pair of grade and
// policy are interned into small integer ids, points are kept as int64
// millionths (falling back to exact decimals for points that do not fit)
// and times as int64 nanoseconds (falling back to a side table for times
// before November 1823 or after February 2116), each evaluation takes one
// 32-byte record
// without pointers, and reasons are copied into an arena — once for a run
// of identical reason lists of one grade and policy, as a decision table
// gives. The book keeps none of the caller's memory.
//
// Matters are the one name a book has millions of. Their IDs are copied
// into an arena and found by an index of two parts. IDs that end in a
// number, as case systems number matters ("2020-0001234"), are found by
// that number in pages of consecutive numbers: a book is given such IDs
// roughly in order, so a lookup lands near the last ones, in memory the
// processor has at hand. Other IDs, and numbers too sparse for pages, are
// found in a hash table, where each new matter of a big book costs a
// cache miss: a book of 10^7 evaluations records numbered IDs nearly
// twice as fast as UUIDs (the README has the figures). Either way the
// result is the same; only the speed differs.
type Book struct {
	mu         sync.Mutex
	matters    strtab
	subjects   intern
	evaluators intern
	grades     intern
	kinds      []kind            // by id: each pair of grade and policy
	kindIDs    map[kindKey]int32 // kinds by their names
	kindCache  [kindCache]int32  // 1 + a kind, by kindHash; 0 for none
	classes    classes
	recs       records
	texts      arena             // every record's reasons, see putReasons
	reasonLocs []uint64          // where each stored reason list is in texts
	wide       []decimal.Decimal // points that do not fit fixed-point
	far        []farTime         // times that do not fit int64 nanoseconds
	amends     []amendment
	amendsOf   map[int32][]int32 // record → its amendments
	counts     map[int32]int32   // amended record → the amendment that counts
}

// record is one evaluation, or the corrected figures of an amendment. It
// holds no pointers, so that the garbage collector need not scan records,
// and takes 32 bytes: its matter is the list it is on (see sloc.head), and
// its subject, evaluator and kind are one class.
type record struct {
	at      int64  // At in Unix nanoseconds, or a tagged index into Book.far
	points  int64  // millionths, or a tagged index into Book.wide
	reasons uint32 // 1 + an index into Book.reasonLocs, 0 for none; and flagAmended
	class   int32  // subject, evaluator and kind: an index into Book.classes
	stage   int32
	prev    int32 // 1 + the previous record of the same matter, 0 for none
}

// flagAmended, in record.reasons, says Book.counts has the amendment that
// counts.
const flagAmended = 1 << 31

// A record's at and points are int64 values of at most 2^62 in magnitude,
// or else tagged indexes into a side table: tagBase + the index.
const (
	tagBase  = math.MinInt64
	tagLimit = -1 << 62 // every tagged value is below it
)

func tagged(v int64) bool { return v < tagLimit }

func untag(v int64) int { return int(v - tagBase) }

func tag(i int) int64 { return tagBase + int64(i) }

// maxAtSec bounds the seconds of a time kept as nanoseconds, so that its
// nanoseconds stay within ±2^62: from November 1823 to February 2116.
const maxAtSec = (1<<62)/1_000_000_000 - 1

// farTime is a time outside the nanosecond range, without its location.
type farTime struct {
	sec  int64
	nsec int32
}

func (r *record) isWide() bool { return tagged(r.points) }

func (r *record) reasonsID() uint32 { return r.reasons &^ flagAmended }

// atNanos returns t in Unix nanoseconds when its seconds are within
// ±maxAtSec (exclusive).
func atNanos(t time.Time) (int64, bool) {
	sec := t.Unix()
	if sec <= -maxAtSec || sec >= maxAtSec {
		return 0, false
	}
	return sec*1_000_000_000 + int64(t.Nanosecond()), true
}

// boundNanos returns a period's bound for comparing with the nanoseconds
// of records: for every time x in the nanosecond range, x < t exactly when
// x's nanoseconds < boundNanos(t).
func boundNanos(t time.Time) int64 {
	if ns, ok := atNanos(t); ok {
		return ns
	}
	if t.Unix() < 0 {
		return tagLimit
	}
	return 1 << 62
}

// atOf returns the time of a record, in the Local location as time.Unix
// gives it.
func (b *Book) atOf(r *record) time.Time { return timeOf(r, b.far) }

func timeOf(r *record, far []farTime) time.Time {
	if tagged(r.at) {
		f := far[untag(r.at)]
		return time.Unix(f.sec, int64(f.nsec))
	}
	return time.Unix(0, r.at)
}

// class is the subject, evaluator and kind that records share.
type class struct{ subject, evaluator, kind int32 }

// classCache is the number of entries in classes.cache.
const classCache = 4096

// classes interns classes into dense ids: most are found in a small
// direct-mapped cache, the rest in a map.
type classes struct {
	list  []class
	ids   map[class]int32
	cache [classCache]int32 // 1 + an id, by the class's hash; 0 for none
}

func (c class) hash() int {
	x := uint64(uint32(c.subject)) | uint64(uint32(c.evaluator))<<32
	x ^= uint64(uint32(c.kind)) * 0xBF58476D1CE4E5B9
	return int(x * 0x9E3779B97F4A7C15 >> 52) // the top 12 bits
}

func (cs *classes) lookup(c class) (int32, bool) {
	e := &cs.cache[c.hash()]
	if *e != 0 && cs.list[*e-1] == c {
		return *e - 1, true
	}
	id, ok := cs.ids[c]
	if ok {
		*e = id + 1
	}
	return id, ok
}

func (cs *classes) id(c class) int32 {
	if id, ok := cs.lookup(c); ok {
		return id
	}
	id := int32(len(cs.list))
	cs.list = append(cs.list, c)
	if cs.ids == nil {
		cs.ids = make(map[class]int32)
	}
	cs.ids[c] = id
	cs.cache[c.hash()] = id + 1
	return id
}

// kind is a pair of grade and policy that records share.
type kind struct {
	grade, policy string
	gradeID       int32  // the grade's id in Book.grades
	reasons       uint32 // the reasons last stored for the kind, see putReasons
}

// kindCache is the number of entries in Book.kindCache.
const kindCache = 256

// kindHash picks the kindCache entry of a pair of grade and policy from
// their lengths and a few of their bytes.
func kindHash(grade, policy string) int {
	x := uint64(len(grade)) | uint64(len(policy))<<8
	if len(grade) > 0 {
		x |= uint64(grade[0])<<16 | uint64(grade[len(grade)/2])<<24 | uint64(grade[len(grade)-1])<<32
	}
	if len(policy) > 0 {
		x |= uint64(policy[len(policy)/2])<<40 | uint64(policy[len(policy)-1])<<48
	}
	return int(x * 0x9E3779B97F4A7C15 >> 56) // Fibonacci hashing: the top 8 bits
}

type kindKey struct{ grade, policy string }

// kindOf returns the id of the pair, adding it when new. A book holds few
// pairs (a scale's grades times the policies in force): they are found in
// a small cache, or else in a map.
func (b *Book) kindOf(grade, policy string) int32 {
	if id, ok := b.kindLookup(grade, policy); ok {
		return id
	}
	return b.addKind(grade, policy)
}

// kindLookup returns the id of the pair, if the book has it.
func (b *Book) kindLookup(grade, policy string) (int32, bool) {
	c := &b.kindCache[kindHash(grade, policy)]
	if *c != 0 {
		if k := &b.kinds[*c-1]; k.grade == grade && k.policy == policy {
			return *c - 1, true
		}
	}
	id, ok := b.kindIDs[kindKey{grade, policy}]
	if ok {
		*c = id + 1
	}
	return id, ok
}

// addKind adds a pair the book does not have yet.
func (b *Book) addKind(grade, policy string) int32 {
	id := int32(len(b.kinds))
	b.kindCache[kindHash(grade, policy)] = id + 1
	k := kind{grade: strings.Clone(grade), policy: strings.Clone(policy)}
	k.gradeID = b.grades.id(k.grade)
	b.kinds = append(b.kinds, k)
	if b.kindIDs == nil {
		b.kindIDs = make(map[kindKey]int32)
	}
	b.kindIDs[kindKey{k.grade, k.policy}] = id
	return id
}

// chunkBits sets the records per chunk: 1<<14, half a megabyte.
const chunkBits = 14

// records is an append-only list of records in fixed-size chunks, so that
// growing it never copies what it holds. The zero value is empty.
type records struct {
	chunks [][]record
	n      int
}

func (s *records) len() int { return s.n }

func (s *records) at(i int32) *record {
	return &s.chunks[i>>chunkBits][i&(1<<chunkBits-1)]
}

// next appends a zero record and returns it.
func (s *records) next() *record {
	r := grow(&s.chunks, s.n)
	s.n++
	return r
}

func (s *records) clone() records {
	c := records{chunks: make([][]record, len(s.chunks)), n: s.n}
	for i, ch := range s.chunks {
		c.chunks[i] = slices.Clone(ch)
	}
	return c
}

type amendment struct {
	record
	author, reason string
	target         int32
	matter         int32 // the target's matter
}

// intern maps strings to dense ids. It keeps copies of the strings, not
// the caller's.
// A book has few names of each sort (subjects, evaluators, grades), so
// most are found in a small direct-mapped cache before the map.
type intern struct {
	ids    map[string]int32
	names  []string
	last   string
	lastID int32
	ok     bool
	cache  [internCache]int32 // 1 + an id, by quickHash; 0 for none
}

// internCache is the number of entries in intern.cache.
const internCache = 256

// quickHash picks a cache entry for s from its length and a few of its
// bytes: cheap, and enough to tell apart the few names of a sort.
func quickHash(s string) int {
	x := uint64(len(s))
	if n := len(s); n > 0 {
		x |= uint64(s[0])<<8 | uint64(s[n/2])<<16 | uint64(s[n-1])<<24 | uint64(s[n/3])<<32 | uint64(s[(n*2)/3])<<40
	}
	return int(x * 0x9E3779B97F4A7C15 >> 56) // Fibonacci hashing: the top 8 bits
}

func (in *intern) lookup(s string) (int32, bool) {
	if in.ok && s == in.last {
		return in.lastID, true
	}
	c := &in.cache[quickHash(s)]
	if *c != 0 && in.names[*c-1] == s {
		in.last, in.lastID = in.names[*c-1], *c-1
		return *c - 1, true
	}
	id, ok := in.ids[s]
	if ok {
		in.last, in.lastID, in.ok = in.names[id], id, true
		*c = id + 1
	}
	return id, ok
}

func (in *intern) id(s string) int32 {
	if id, ok := in.lookup(s); ok {
		return id
	}
	return in.insert(s)
}

// insert adds s, which must not be there yet.
func (in *intern) insert(s string) int32 {
	if in.ids == nil {
		in.ids = make(map[string]int32)
	}
	s = strings.Clone(s)
	id := int32(len(in.names))
	in.ids[s] = id
	in.names = append(in.names, s)
	in.last, in.lastID, in.ok = s, id, true
	in.cache[quickHash(s)] = id + 1
	return id
}

// maxRecords bounds a book's records and ids, which are int32.
const maxRecords = math.MaxInt32 - 1

// NewBook returns an empty book.
func NewBook() *Book { return &Book{} }

// valid reports whether e can be recorded: check's quick path.
func valid(e *Evaluation) bool {
	return quickValid(e) && validUTF8(e) && reasonsSize(e.Result.Reasons) <= maxReasons
}

// check reports every problem of an evaluation, joined, each wrapping
// [ErrInvalid] and naming the matter.
func check(e *Evaluation) error {
	if valid(e) {
		return nil
	}
	var errs []error
	at := fmt.Sprintf("evaluation of matter %q, subject %q, evaluator %q, stage %d", e.Matter, e.Subject, e.Evaluator, e.Stage)
	for _, p := range []struct {
		bad  bool
		what string
	}{
		{e.Matter == "", "no matter"},
		{e.Subject == "", "no subject"},
		{e.Evaluator == "", "no evaluator"},
		{e.Stage < 0 || e.Stage > math.MaxInt32, "stage out of range"},
		{e.At.IsZero(), "no time"},
		{e.Result.Grade == "", "not evaluated (no grade)"},
		{reasonsSize(e.Result.Reasons) > maxReasons, "reasons longer than 4 MiB"},
		{!validUTF8(e), "text that is not valid UTF-8 (JSON could not keep it)"},
	} {
		if p.bad {
			errs = append(errs, fmt.Errorf("%w: %s: %s", ErrInvalid, at, p.what))
		}
	}
	return errors.Join(errs...)
}

// validUTF8 reports whether every text of e is valid UTF-8.
func validUTF8(e *Evaluation) bool {
	if !validText(e.Matter) || !validText(e.Subject) || !validText(e.Evaluator) ||
		!validText(e.Result.Grade) || !validText(e.Result.Policy) {
		return false
	}
	for _, s := range e.Result.Reasons {
		if !validText(s) {
			return false
		}
	}
	return true
}

// validReasons reports whether rs are valid UTF-8 and within maxReasons.
func validReasons(rs []string) bool {
	for _, s := range rs {
		if !validText(s) {
			return false
		}
	}
	return reasonsSize(rs) <= maxReasons
}

// validText is utf8.ValidString, quicker on the short ASCII texts (codes,
// IDs) a book mostly sees: it looks at those a byte at a time, inlined.
func validText(s string) bool {
	if len(s) > 16 {
		return utf8.ValidString(s)
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return utf8.ValidString(s[i:])
		}
	}
	return true
}

// find returns the index of the record with the key, or -1.
func (b *Book) find(matter, subject, evaluator string, stage int) int {
	m, ok := b.matters.lookup(matter)
	if !ok {
		return -1
	}
	return b.findIn(m, subject, evaluator, stage)
}

// findIn is find within a known matter.
func (b *Book) findIn(m int32, subject, evaluator string, stage int) int {
	s, ok1 := b.subjects.lookup(subject)
	v, ok2 := b.evaluators.lookup(evaluator)
	if !ok1 || !ok2 {
		return -1
	}
	return b.findKey(m, s, v, int32(stage))
}

// findKey is find by ids.
func (b *Book) findKey(m, s, v, stage int32) int {
	for i := b.matters.loc(m).head; i != 0; {
		r := b.recs.at(i - 1)
		if c := &b.classes.list[r.class]; c.subject == s && c.evaluator == v && r.stage == stage {
			return int(i - 1)
		}
		i = r.prev
	}
	return -1
}

// subjectOf returns the id of a record's subject.
func (b *Book) subjectOf(r *record) int32 { return b.classes.list[r.class].subject }

// fill sets r's class and figures from an evaluation, interning as needed.
func (b *Book) fill(r *record, e *Evaluation) {
	k := b.kindOf(e.Result.Grade, e.Result.Policy)
	r.class = b.classes.id(class{b.subjects.id(e.Subject), b.evaluators.id(e.Evaluator), k})
	r.reasons = b.putReasons(k, e.Result.Reasons)
	b.setFigures(r, e, figuresOf(e))
}

// figures are an evaluation's time and points as a record keeps them,
// when they fit.
type figures struct {
	at, points     int64
	atOK, pointsOK bool
}

func figuresOf(e *Evaluation) figures {
	var f figures
	f.at, f.atOK = atNanos(e.At)
	f.points, f.pointsOK = toFixed(e.Result.Points)
	f.pointsOK = f.pointsOK && f.points >= tagLimit && f.points <= -tagLimit
	return f
}

// setFigures sets r's time and points from e and its figures, keeping
// those that do not fit in the side tables.
func (b *Book) setFigures(r *record, e *Evaluation, f figures) {
	if f.atOK {
		r.at = f.at
	} else {
		r.at = tag(len(b.far))
		b.far = append(b.far, farTime{e.At.Unix(), int32(e.At.Nanosecond())})
	}
	if f.pointsOK {
		r.points = f.points
	} else {
		r.points = tag(len(b.wide))
		// A copy: the caller's decimal shares its coefficient.
		b.wide = append(b.wide, decimal.NewFromBigInt(e.Result.Points.Coefficient(), e.Result.Points.Exponent()))
	}
}

// Record adds one evaluation. It returns an error wrapping [ErrDuplicate]
// when the book already holds an evaluation with the same matter, subject,
// evaluator and stage (the message names them), and one wrapping
// [ErrInvalid] when the evaluation has no matter, subject, evaluator, time
// or grade, text that is not valid UTF-8, or a stage outside 0–2147483647. A rejected evaluation changes
// nothing.
func (b *Book) Record(e Evaluation) error {
	if b == nil {
		return fmt.Errorf("%w: nil book", ErrInvalid)
	}
	if !quickValid(&e) {
		return check(&e)
	}
	b.mu.Lock()
	w := b.matters.start(e.Matter)
	err := b.record(&e, &w)
	b.mu.Unlock()
	return err
}

// quickValid reports whether e has every name, a stage in range, a time
// and a grade: the checks Record makes before it takes the lock.
func quickValid(e *Evaluation) bool {
	return e.Matter != "" && e.Subject != "" && e.Evaluator != "" && e.Stage >= 0 && e.Stage <= math.MaxInt32 &&
		!e.At.IsZero() && e.Result.Grade != ""
}

// record is Record under the lock, for an evaluation that passed
// quickValid, given what matters.start returned for its matter.
//
// The hot path: every name is looked up once, and only texts the book
// does not hold yet are checked for UTF-8 (those it holds were checked
// when they came). The matter's lookup is split in two around all the
// work that does not depend on it, so that its likely cache miss overlaps
// that work. Nothing here panics, so the callers need no defer.
func (b *Book) record(e *Evaluation, w *where) error {
	s, knownS := b.subjects.lookup(e.Subject)
	v, knownV := b.evaluators.lookup(e.Evaluator)
	k, knownK := b.kindLookup(e.Result.Grade, e.Result.Policy)
	sameR := knownK && b.lastReasons(k, e.Result.Reasons)
	var cl int32
	knownC := false
	if knownS && knownV && knownK {
		cl, knownC = b.classes.lookup(class{s, v, k})
	}
	f := figuresOf(e)
	textOK := validText(e.Matter) // most matters are new
	m, knownM := b.matters.finish(e.Matter, w)
	if !knownM && !textOK || !knownS && !validText(e.Subject) || !knownV && !validText(e.Evaluator) ||
		!knownK && (!validText(e.Result.Grade) || !validText(e.Result.Policy)) || !sameR && !validReasons(e.Result.Reasons) {
		return check(e)
	}
	if knownM && knownS && knownV && b.findKey(m, s, v, int32(e.Stage)) >= 0 {
		return fmt.Errorf("%w: matter %q, subject %q, evaluator %q, stage %d", ErrDuplicate, e.Matter, e.Subject, e.Evaluator, e.Stage)
	}
	if err := b.room(1); err != nil {
		return err
	}
	if !knownM {
		m = b.matters.add(e.Matter, w)
	}
	if !knownS {
		s = b.subjects.insert(e.Subject)
	}
	if !knownV {
		v = b.evaluators.insert(e.Evaluator)
	}
	if !knownK {
		k = b.addKind(e.Result.Grade, e.Result.Policy)
	}
	if !knownC {
		cl = b.classes.id(class{s, v, k})
	}
	l := b.matters.loc(m)
	r := b.recs.next()
	r.class, r.stage, r.prev = cl, int32(e.Stage), l.head
	l.head = int32(b.recs.len())
	if sameR {
		r.reasons = b.kinds[k].reasons
	} else {
		r.reasons = b.storeReasons(&b.kinds[k], e.Result.Reasons)
	}
	b.setFigures(r, e, f)
	return nil
}

// RecordAll records evaluations as [Book.Record] would, one after
// another: each rejected evaluation changes nothing and does not stop the
// others. It returns nil when it records them all, and otherwise an error
// joining Record's errors for the first ten rejected and, when there are
// more, one that counts the rest.
//
// RecordAll is for loading many evaluations at once, as from a database
// or a journal: it takes the book's lock once, and reads ahead where a few
// matters at a time would be in the book's hash table (see [Book]), so
// that the cache misses of those lookups overlap. Concurrent Record calls
// wait until it is done.
func (b *Book) RecordAll(es []Evaluation) error {
	if b == nil {
		if len(es) == 0 {
			return nil
		}
		return fmt.Errorf("%w: nil book", ErrInvalid)
	}
	var errs []error
	rejected := 0
	reject := func(err error) {
		if rejected++; rejected <= 10 {
			errs = append(errs, err)
		}
	}
	const group = 16
	b.mu.Lock()
	for len(es) > 0 {
		g := es[:min(group, len(es))]
		es = es[len(g):]
		// Read where the group's matters would be: the reads do not
		// depend on one another, so their misses overlap.
		for j := range g {
			b.matters.prefetch(g[j].Matter)
		}
		for j := range g {
			e := &g[j]
			if !quickValid(e) {
				reject(check(e))
				continue
			}
			w := b.matters.start(e.Matter)
			if err := b.record(e, &w); err != nil {
				reject(err)
			}
		}
	}
	b.mu.Unlock()
	if rejected > 10 {
		errs = append(errs, fmt.Errorf("and %d more evaluations rejected", rejected-10))
	}
	return errors.Join(errs...)
}

// add appends a checked, new evaluation and returns its index.
func (b *Book) add(e *Evaluation) int32 {
	m := b.matters.id(e.Matter)
	return b.addTo(m, e)
}

// addTo appends a checked, new evaluation of matter m.
func (b *Book) addTo(m int32, e *Evaluation) int32 {
	l := b.matters.loc(m)
	r := b.recs.next()
	r.stage = int32(e.Stage)
	r.prev = l.head
	b.fill(r, e)
	l.head = int32(b.recs.len())
	return l.head - 1
}

// maxReasons bounds the bytes of one evaluation's reasons.
const maxReasons = 1<<22 - 1

// reasonsSize returns the bytes putReasons takes for rs.
func reasonsSize(rs []string) int {
	n := 0
	for _, s := range rs {
		n += len(s) + uvarintLen(len(s))
		if n > maxReasons {
			break
		}
	}
	return n
}

func uvarintLen(n int) int {
	l := 1
	for ; n >= 0x80; n >>= 7 {
		l++
	}
	return l
}

// putReasons copies rs into the texts, each string after its length as a
// uvarint, notes where they are in reasonLocs — chunk (22 bits), offset
// (20 bits) and length (22 bits) — and returns 1 + that note's index; 0
// for no reasons. When rs equals the reasons last stored for k, it returns
// those instead, so that a run of evaluations with the same grade, policy
// and reasons stores them once. The caller checked the size.
func (b *Book) putReasons(k int32, rs []string) uint32 {
	if b.lastReasons(k, rs) {
		return b.kinds[k].reasons
	}
	return b.storeReasons(&b.kinds[k], rs)
}

// lastReasons reports whether rs are the reasons last stored for k.
func (b *Book) lastReasons(k int32, rs []string) bool {
	id := b.kinds[k].reasons
	if id == 0 {
		return len(rs) == 0
	}
	return sameReasons(reasonsBytes(&b.texts, b.reasonLocs[id-1]), rs)
}

// storeReasons is putReasons when rs are not k's last reasons.
func (b *Book) storeReasons(k *kind, rs []string) uint32 {
	n := reasonsSize(rs)
	if n == 0 {
		k.reasons = 0
		return 0
	}
	c := b.texts.room(n)
	off := b.texts.lens[c]
	buf := b.texts.chunks[c][off:off]
	for _, s := range rs {
		buf = binary.AppendUvarint(buf, uint64(len(s)))
		buf = append(buf, s...)
	}
	b.texts.lens[c] += uint32(n)
	b.reasonLocs = append(b.reasonLocs, uint64(c)<<42|uint64(off)<<22|uint64(n))
	k.reasons = uint32(len(b.reasonLocs))
	return k.reasons
}

// reasonsBytes returns the bytes putReasons stored.
func reasonsBytes(texts *arena, at uint64) []byte {
	c, off, n := at>>42, at>>22&(1<<20-1), at&(1<<22-1)
	return texts.chunks[c][off : off+n]
}

// sameReasons reports whether buf, which putReasons wrote, holds rs.
func sameReasons(buf []byte, rs []string) bool {
	for _, s := range rs {
		k := 1
		if len(s) < 0x80 { // a one-byte uvarint
			if len(buf) == 0 || buf[0] != byte(len(s)) {
				return false
			}
		} else {
			l, n := binary.Uvarint(buf)
			if n <= 0 || l != uint64(len(s)) {
				return false
			}
			k = n
		}
		if len(buf)-k < len(s) || string(buf[k:k+len(s)]) != s {
			return false
		}
		buf = buf[k+len(s):]
	}
	return len(buf) == 0
}

// getReasons reads back what putReasons stored.
func getReasons(texts *arena, locs []uint64, id uint32) []string {
	if id == 0 {
		return nil
	}
	buf := reasonsBytes(texts, locs[id-1])
	var rs []string
	for len(buf) > 0 {
		l, k := binary.Uvarint(buf)
		rs = append(rs, string(buf[k:k+int(l)]))
		buf = buf[k+int(l):]
	}
	return rs
}

// room reports whether the book can take n more records.
func (b *Book) room(n int) error {
	if b.recs.len()+len(b.amends)+n > maxRecords || b.texts.full() || b.matters.arena.full() {
		return fmt.Errorf("%w: the book is full (%d evaluations)", ErrInvalid, b.recs.len())
	}
	return nil
}

// Amend records an amendment of an evaluation the book holds. The
// original stays; the latest amendment counts (see [Amendment]). It
// returns an error wrapping [ErrNotFound] when the book holds no
// evaluation with the amendment's matter, subject, evaluator and stage,
// [ErrDuplicate] for an amendment identical to one already recorded, and
// [ErrInvalid] for an amendment without author, reason, time or grade.
func (b *Book) Amend(a Amendment) error {
	if b == nil {
		return fmt.Errorf("%w: nil book", ErrInvalid)
	}
	err := check(&a.Evaluation)
	if a.Author == "" {
		err = errors.Join(err, fmt.Errorf("%w: amendment of matter %q: no author", ErrInvalid, a.Matter))
	}
	if !utf8.ValidString(a.Author) || !utf8.ValidString(a.Reason) {
		err = errors.Join(err, fmt.Errorf("%w: amendment of matter %q: author or reason is not valid UTF-8", ErrInvalid, a.Matter))
	}
	if a.Reason == "" {
		err = errors.Join(err, fmt.Errorf("%w: amendment of matter %q: no reason", ErrInvalid, a.Matter))
	}
	if err != nil {
		return err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	i := b.find(a.Matter, a.Subject, a.Evaluator, a.Stage)
	if i < 0 {
		return fmt.Errorf("%w: amendment of matter %q, subject %q, evaluator %q, stage %d", ErrNotFound, a.Matter, a.Subject, a.Evaluator, a.Stage)
	}
	for _, j := range b.amendsOf[int32(i)] {
		if amendmentCmp(b.amendmentAt(j), a) == 0 {
			return fmt.Errorf("%w: amendment of matter %q, subject %q, evaluator %q, stage %d by %q at %s is already recorded",
				ErrDuplicate, a.Matter, a.Subject, a.Evaluator, a.Stage, a.Author, a.At.Format(time.RFC3339Nano))
		}
	}
	if err := b.room(1); err != nil {
		return err
	}
	b.addAmendment(int32(i), &a)
	return nil
}

// addAmendment appends a checked amendment of record i and updates which
// amendment counts.
func (b *Book) addAmendment(i int32, a *Amendment) {
	m, _ := b.matters.lookup(a.Matter)
	am := amendment{author: strings.Clone(a.Author), reason: strings.Clone(a.Reason), target: i, matter: m}
	b.fill(&am.record, &a.Evaluation)
	b.amends = append(b.amends, am)
	j := int32(len(b.amends) - 1)
	if b.amendsOf == nil {
		b.amendsOf, b.counts = make(map[int32][]int32), make(map[int32]int32)
	}
	b.amendsOf[i] = append(b.amendsOf[i], j)
	r := b.recs.at(i)
	if r.reasons&flagAmended == 0 || amendmentCmp(b.amendmentAt(b.counts[i]), *a) < 0 {
		r.reasons |= flagAmended
		b.counts[i] = j
	}
}

// counting returns the figures that count for record i: its own, or
// those of the amendment that counts.
func (b *Book) counting(i int32, r *record) *record {
	if r.reasons&flagAmended == 0 {
		return r
	}
	return &b.amends[b.counts[i]].record
}

// matterOf returns the matter of every record, by index.
func (b *Book) matterOf() []int32 {
	out := make([]int32, b.recs.len())
	for m := range int32(b.matters.len()) {
		for i := b.matters.loc(m).head; i != 0; i = b.recs.at(i - 1).prev {
			out[i-1] = m
		}
	}
	return out
}

// amendmentCmp orders amendments of one evaluation: by At, then by grade,
// points (by value), policy, reasons, author and reason, so that "the
// latest" does not depend on arrival order. Amendments it finds equal are
// the same amendment, as the book keeps it.
func amendmentCmp(x, y Amendment) int {
	return cmp.Or(
		x.At.Compare(y.At),
		strings.Compare(x.Result.Grade, y.Result.Grade),
		x.Result.Points.Cmp(y.Result.Points),
		strings.Compare(x.Result.Policy, y.Result.Policy),
		slices.Compare(x.Result.Reasons, y.Result.Reasons),
		strings.Compare(x.Author, y.Author),
		strings.Compare(x.Reason, y.Reason),
	)
}

// evaluationAt rebuilds the evaluation of a record (its own figures) of
// matter m.
func (b *Book) evaluationAt(r *record, m int32) Evaluation {
	t := b.tables()
	e := t.evaluation(r)
	e.At = e.At.In(cst)
	e.Matter = b.matters.name(m)
	return e
}

func (b *Book) amendmentAt(j int32) Amendment {
	am := &b.amends[j]
	e := b.evaluationAt(&am.record, am.matter)
	e.Stage = int(b.recs.at(am.target).stage)
	return Amendment{Evaluation: e, Author: am.author, Reason: am.reason}
}

// Len returns the number of evaluations recorded, amendments not counted.
func (b *Book) Len() int {
	if b == nil {
		return 0
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.recs.len()
}

// Evaluations returns every evaluation as originally recorded, ordered by
// matter, subject, evaluator and stage. Times are in China Standard Time
// (the same instants as recorded) and points in their shortest form.
func (b *Book) Evaluations() []Evaluation {
	if b == nil {
		return nil
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	out := make([]Evaluation, 0, b.recs.len())
	for m := range int32(b.matters.len()) {
		for i := b.matters.loc(m).head; i != 0; {
			r := b.recs.at(i - 1)
			out = append(out, b.evaluationAt(r, m))
			i = r.prev
		}
	}
	slices.SortFunc(out, func(x, y Evaluation) int { return keyCmp(&x, &y) })
	return out
}

// Amendments returns every amendment, ordered by the key of the evaluation
// it corrects, then from the earliest to the latest (the last of each key
// is the one that counts).
func (b *Book) Amendments() []Amendment {
	if b == nil {
		return nil
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	out := make([]Amendment, len(b.amends))
	for j := range b.amends {
		out[j] = b.amendmentAt(int32(j))
	}
	slices.SortFunc(out, func(x, y Amendment) int {
		if c := keyCmp(&x.Evaluation, &y.Evaluation); c != 0 {
			return c
		}
		return amendmentCmp(x, y)
	})
	return out
}

// keyCmp orders evaluations by their keys: matter, subject, evaluator and
// stage.
func keyCmp(x, y *Evaluation) int {
	return cmp.Or(strings.Compare(x.Matter, y.Matter), strings.Compare(x.Subject, y.Subject),
		strings.Compare(x.Evaluator, y.Evaluator), cmp.Compare(x.Stage, y.Stage))
}

type bookJSON struct {
	Evaluations []Evaluation `json:"evaluations"`
	Amendments  []Amendment  `json:"amendments,omitempty"`
}

// MarshalJSON writes the book as its evaluations and amendments, in the
// orders of [Book.Evaluations] and [Book.Amendments]: two books with the
// same contents write the same bytes.
func (b *Book) MarshalJSON() ([]byte, error) {
	return json.Marshal(bookJSON{b.Evaluations(), b.Amendments()})
}

// UnmarshalJSON replaces the book's contents with the evaluations and
// amendments read, recorded as by Record and Amend; any error leaves the
// book empty. A nil book is an error.
func (b *Book) UnmarshalJSON(data []byte) error {
	if b == nil {
		return fmt.Errorf("%w: nil book", ErrInvalid)
	}
	var w bookJSON
	if err := json.Unmarshal(data, &w); err != nil {
		return err
	}
	nb := NewBook()
	var errs []error
	for _, e := range w.Evaluations {
		if err := nb.Record(e); err != nil {
			errs = append(errs, err)
		}
	}
	for _, a := range w.Amendments {
		if err := nb.Amend(a); err != nil {
			errs = append(errs, err)
		}
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.reset()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	b.take(nb)
	return nil
}

func (b *Book) reset() {
	b.take(NewBook())
}

func (b *Book) take(o *Book) {
	b.matters, b.subjects, b.evaluators, b.grades, b.kinds, b.kindIDs, b.kindCache = o.matters, o.subjects, o.evaluators, o.grades, o.kinds, o.kindIDs, o.kindCache
	b.classes, b.recs, b.texts, b.reasonLocs, b.wide, b.far = o.classes, o.recs, o.texts, o.reasonLocs, o.wide, o.far
	b.amends, b.amendsOf, b.counts = o.amends, o.amendsOf, o.counts
}

// Merge adds every evaluation and amendment of o to b, as when shards of a
// year are combined. When any evaluation of o has the key of one in b,
// Merge returns an error wrapping [ErrDuplicate] that names every overlap
// (up to ten), and b is unchanged. Merging a book into itself is an
// overlap unless the book is empty. o is not changed.
func (b *Book) Merge(o *Book) error {
	if o == nil {
		return nil
	}
	if b == nil {
		return fmt.Errorf("%w: merge into a nil book", ErrInvalid)
	}
	if o == b {
		if b.Len() == 0 {
			return nil
		}
		return fmt.Errorf("%w: a book merged into itself overlaps", ErrDuplicate)
	}
	// Take o's contents under o's lock only, so that a.Merge(b) and
	// b.Merge(a) at once cannot deadlock.
	o.mu.Lock()
	recs := o.recs.clone()
	ot := o.tables()
	ot.texts = o.texts.snapshot()
	ot.kinds = slices.Clone(o.kinds)
	amends := slices.Clone(o.amends)
	matters, matterOf := o.matters.snapshot(), o.matterOf()
	o.mu.Unlock()
	subjects, evaluators := ot.subjects, ot.evaluators

	b.mu.Lock()
	defer b.mu.Unlock()
	var dups []error
	for i := range recs.len() {
		r := recs.at(int32(i))
		c := &ot.classes[r.class]
		if b.find(matters.name(matterOf[i]), subjects[c.subject], evaluators[c.evaluator], int(r.stage)) >= 0 {
			if len(dups) == 10 {
				dups = append(dups, errors.New("…"))
				break
			}
			dups = append(dups, fmt.Errorf("matter %q, subject %q, evaluator %q, stage %d",
				matters.name(matterOf[i]), subjects[c.subject], evaluators[c.evaluator], r.stage))
		}
	}
	if len(dups) > 0 {
		return fmt.Errorf("%w: the books overlap: %w", ErrDuplicate, errors.Join(dups...))
	}
	if err := b.room(recs.len() + len(amends)); err != nil {
		return err
	}
	at := make([]int32, recs.len())
	for i := range at {
		r := recs.at(int32(i))
		e := ot.evaluation(r)
		e.Matter = matters.name(matterOf[i])
		at[i] = b.add(&e)
	}
	for j := range amends {
		am := &amends[j]
		a := Amendment{Evaluation: ot.evaluation(&am.record), Author: am.author, Reason: am.reason}
		a.Matter, a.Stage = matters.name(am.matter), int(recs.at(am.target).stage)
		b.addAmendment(at[am.target], &a)
	}
	return nil
}

// tables are what the ids and tags of a book's records refer to: the
// book's own, or a snapshot of another book's for Merge. Each list is only
// ever appended to, so that a copy of its header reads it as it was — but
// for the reasons of kinds, which change in place (Merge copies kinds).
type tables struct {
	subjects, evaluators []string
	kinds                []kind
	classes              []class
	wide                 []decimal.Decimal
	far                  []farTime
	reasonLocs           []uint64
	texts                arena
}

func (b *Book) tables() tables {
	return tables{b.subjects.names, b.evaluators.names, b.kinds, b.classes.list, b.wide, b.far, b.reasonLocs, b.texts}
}

// evaluation rebuilds the subject, evaluator, time and result of a
// record; its matter and stage are the caller's to set.
func (t *tables) evaluation(r *record) Evaluation {
	c := &t.classes[r.class]
	k := &t.kinds[c.kind]
	e := Evaluation{Subject: t.subjects[c.subject], Evaluator: t.evaluators[c.evaluator], Stage: int(r.stage),
		At: timeOf(r, t.far), Result: Result{Grade: k.grade, Policy: k.policy, Reasons: getReasons(&t.texts, t.reasonLocs, r.reasonsID())}}
	if r.isWide() {
		e.Result.Points = t.wide[untag(r.points)]
	} else {
		e.Result.Points = decimal.New(r.points, fixedExp)
	}
	return e
}
