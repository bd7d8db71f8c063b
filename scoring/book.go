package scoring

import (
	"bytes"
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
// a nil *Book, Record, Amend, Merge and UnmarshalJSON return an error
// wrapping [ErrInvalid], and the other methods report an empty book.
//
// A book is compact, for a national year of 10^8 evaluations on one
// machine: subjects, matters, evaluators, grades and policies are interned
// into small integer ids (matters in a hash table of their own whose
// strings are copied into an arena), points are kept as int64 millionths
// (falling back to exact decimals for points that do not fit), each
// evaluation takes one 64-byte record without pointers, and reasons are
// copied into an arena too. The book keeps none of the caller's memory.
type Book struct {
	mu         sync.Mutex
	matters    strtab
	subjects   intern
	evaluators intern
	grades     intern
	policies   intern
	recs       records
	texts      arena             // every record's reasons, see putReasons
	wide       []decimal.Decimal // points that do not fit fixed-point
	amends     []amendment
	amendsOf   map[int32][]int32 // record → its amendments
}

// record is one evaluation, or the corrected figures of an amendment. It
// holds no pointers, so that the garbage collector need not scan records.
type record struct {
	sec       int64  // At, Unix seconds
	points    int64  // millionths, or an index into wide
	reasons   uint64 // where its reasons are in the texts: see putReasons
	nsec      int32
	matter    int32
	subject   int32
	evaluator int32
	grade     int32
	policy    int32
	stage     int32
	prev      int32 // 1 + the previous record of the same matter, 0 for none
	amend     int32 // 1 + the amendment that counts, 0 for none
	isWide    bool
}

// chunkBits sets the records per chunk: 1<<14, a megabyte.
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

func (s *records) push(r record) int32 {
	if len(s.chunks) == 0 || len(s.chunks[len(s.chunks)-1]) == 1<<chunkBits {
		c := 0 // the first chunk grows as small books need
		if len(s.chunks) > 0 {
			c = 1 << chunkBits
		}
		s.chunks = append(s.chunks, make([]record, 0, c))
	}
	last := &s.chunks[len(s.chunks)-1]
	*last = append(*last, r)
	s.n++
	return int32(s.n - 1)
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
}

// intern maps strings to dense ids.
type intern struct {
	ids    map[string]int32
	names  []string
	last   string
	lastID int32
	ok     bool
}

func (in *intern) lookup(s string) (int32, bool) {
	if in.ok && s == in.last {
		return in.lastID, true
	}
	id, ok := in.ids[s]
	if ok {
		in.last, in.lastID, in.ok = s, id, true
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
	id := int32(len(in.names))
	in.ids[s] = id
	in.names = append(in.names, s)
	in.last, in.lastID, in.ok = s, id, true
	return id
}

// maxRecords bounds a book's records and ids, which are int32.
const maxRecords = math.MaxInt32 - 1

// NewBook returns an empty book.
func NewBook() *Book { return &Book{} }

// check reports every problem of an evaluation, joined, each wrapping
// [ErrInvalid] and naming the matter.
func check(e *Evaluation) error {
	if e.Matter != "" && e.Subject != "" && e.Evaluator != "" && e.Stage >= 0 && e.Stage <= math.MaxInt32 &&
		!e.At.IsZero() && e.Result.Grade != "" && validUTF8(e) && reasonsSize(e.Result.Reasons) <= maxReasons {
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
	if !validText(e.Matter) || !validText(e.Subject) || !validText(e.Evaluator) || !validText(e.Result.Grade) || !validText(e.Result.Policy) {
		return false
	}
	for _, s := range e.Result.Reasons {
		if !validText(s) {
			return false
		}
	}
	return true
}

// validText is utf8.ValidString, quicker on ASCII.
func validText(s string) bool {
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
	for i := b.matters.loc(m).head; i != 0; {
		r := b.recs.at(i - 1)
		if r.subject == s && r.evaluator == v && int(r.stage) == stage {
			return int(i - 1)
		}
		i = r.prev
	}
	return -1
}

// fill sets r's figures from an evaluation, interning as needed.
func (b *Book) fill(r *record, e *Evaluation) {
	r.sec, r.nsec = e.At.Unix(), int32(e.At.Nanosecond())
	r.grade = b.grades.id(e.Result.Grade)
	r.policy = b.policies.id(e.Result.Policy)
	r.reasons = b.putReasons(e.Result.Reasons)
	if v, ok := toFixed(e.Result.Points); ok {
		r.points, r.isWide = v, false
	} else {
		r.points, r.isWide = int64(len(b.wide)), true
		b.wide = append(b.wide, e.Result.Points)
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
	if err := check(&e); err != nil {
		return err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	m, h, pos, known := b.matters.probe(e.Matter)
	if known && b.findIn(m, e.Subject, e.Evaluator, e.Stage) >= 0 {
		return fmt.Errorf("%w: matter %q, subject %q, evaluator %q, stage %d", ErrDuplicate, e.Matter, e.Subject, e.Evaluator, e.Stage)
	}
	if err := b.room(1); err != nil {
		return err
	}
	if !known {
		m = b.matters.add(e.Matter, h, pos)
	}
	b.addTo(m, &e)
	return nil
}

// add appends a checked, new evaluation and returns its index.
func (b *Book) add(e *Evaluation) int32 {
	m := b.matters.id(e.Matter)
	return b.addTo(m, e)
}

// addTo appends a checked, new evaluation of matter m.
func (b *Book) addTo(m int32, e *Evaluation) int32 {
	r := record{
		matter:    m,
		subject:   b.subjects.id(e.Subject),
		evaluator: b.evaluators.id(e.Evaluator),
		stage:     int32(e.Stage),
		prev:      b.matters.loc(m).head,
	}
	b.fill(&r, e)
	i := b.recs.push(r)
	b.matters.loc(m).head = i + 1
	return i
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
// uvarint, and returns where they are: chunk (22 bits), offset (20 bits)
// and length (22 bits); 0 for no reasons. The caller checked the size.
func (b *Book) putReasons(rs []string) uint64 {
	n := reasonsSize(rs)
	if n == 0 {
		return 0
	}
	c := b.texts.room(n)
	off := len(b.texts.chunks[c])
	buf := b.texts.chunks[c]
	for _, s := range rs {
		buf = binary.AppendUvarint(buf, uint64(len(s)))
		buf = append(buf, s...)
	}
	b.texts.chunks[c] = buf
	return uint64(c)<<42 | uint64(off)<<22 | uint64(n)
}

// getReasons reads back what putReasons stored.
func getReasons(texts *arena, at uint64) []string {
	if at&(1<<22-1) == 0 {
		return nil
	}
	c, off, n := at>>42, at>>22&(1<<20-1), at&(1<<22-1)
	buf := texts.chunks[c][off : off+n]
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
	if b.recs.len()+len(b.amends)+n > maxRecords || len(b.texts.chunks) >= 1<<22-1 || b.matters.arena.full() {
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
	am := amendment{author: a.Author, reason: a.Reason, target: i}
	b.fill(&am.record, &a.Evaluation)
	b.amends = append(b.amends, am)
	j := int32(len(b.amends) - 1)
	if b.amendsOf == nil {
		b.amendsOf = make(map[int32][]int32)
	}
	b.amendsOf[i] = append(b.amendsOf[i], j)
	r := b.recs.at(i)
	if r.amend == 0 || amendmentCmp(b.amendmentAt(r.amend-1), *a) < 0 {
		r.amend = j + 1
	}
}

// amendmentCmp orders amendments of one evaluation: by At, then by their
// JSON, so that "the latest" does not depend on arrival order.
func amendmentCmp(x, y Amendment) int {
	if c := x.At.Compare(y.At); c != 0 {
		return c
	}
	x.At, y.At = x.At.UTC(), y.At.UTC()
	bx, _ := json.Marshal(x)
	by, _ := json.Marshal(y)
	return bytes.Compare(bx, by)
}

// evaluationAt rebuilds the evaluation of a record (its own figures).
func (b *Book) evaluationAt(r *record) Evaluation {
	e := Evaluation{
		Matter:    b.matters.name(r.matter),
		Subject:   b.subjects.names[r.subject],
		Evaluator: b.evaluators.names[r.evaluator],
		Stage:     int(r.stage),
		At:        time.Unix(r.sec, int64(r.nsec)).In(cst),
		Result: Result{
			Grade:  b.grades.names[r.grade],
			Policy: b.policies.names[r.policy],
		},
	}
	e.Result.Reasons = getReasons(&b.texts, r.reasons)
	if r.isWide {
		e.Result.Points = b.wide[r.points]
	} else {
		e.Result.Points = decimal.New(r.points, fixedExp)
	}
	return e
}

func (b *Book) amendmentAt(j int32) Amendment {
	am := &b.amends[j]
	e := b.evaluationAt(&am.record)
	t := b.recs.at(am.target)
	e.Matter, e.Subject, e.Evaluator, e.Stage = b.matters.name(t.matter), b.subjects.names[t.subject], b.evaluators.names[t.evaluator], int(t.stage)
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
	out := make([]Evaluation, b.recs.len())
	for i := range out {
		out[i] = b.evaluationAt(b.recs.at(int32(i)))
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

func keyCmp(x, y *Evaluation) int {
	if c := strings.Compare(x.Matter, y.Matter); c != 0 {
		return c
	}
	if c := strings.Compare(x.Subject, y.Subject); c != 0 {
		return c
	}
	if c := strings.Compare(x.Evaluator, y.Evaluator); c != 0 {
		return c
	}
	return x.Stage - y.Stage
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
	b.matters, b.subjects, b.evaluators, b.grades, b.policies = strtab{}, intern{}, intern{}, intern{}, intern{}
	b.recs, b.texts, b.wide, b.amends, b.amendsOf = records{}, arena{}, nil, nil, nil
}

func (b *Book) take(o *Book) {
	b.matters, b.subjects, b.evaluators, b.grades, b.policies = o.matters, o.subjects, o.evaluators, o.grades, o.policies
	b.recs, b.texts, b.wide, b.amends, b.amendsOf = o.recs, o.texts, o.wide, o.amends, o.amendsOf
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
	texts := o.texts.snapshot()
	amends := slices.Clone(o.amends)
	matters, subjects, evaluators := o.matters.snapshot(), o.subjects.names, o.evaluators.names
	grades, policies, wide := o.grades.names, o.policies.names, o.wide
	o.mu.Unlock()

	b.mu.Lock()
	defer b.mu.Unlock()
	var dups []error
	for i := range recs.len() {
		r := recs.at(int32(i))
		if b.find(matters.name(r.matter), subjects[r.subject], evaluators[r.evaluator], int(r.stage)) >= 0 {
			if len(dups) == 10 {
				dups = append(dups, errors.New("…"))
				break
			}
			dups = append(dups, fmt.Errorf("matter %q, subject %q, evaluator %q, stage %d",
				matters.name(r.matter), subjects[r.subject], evaluators[r.evaluator], r.stage))
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
		e := evalOf(r, grades, policies, wide, &texts)
		e.Matter, e.Subject, e.Evaluator, e.Stage = matters.name(r.matter), subjects[r.subject], evaluators[r.evaluator], int(r.stage)
		at[i] = b.add(&e)
	}
	for j := range amends {
		am := &amends[j]
		a := Amendment{Evaluation: evalOf(&am.record, grades, policies, wide, &texts), Author: am.author, Reason: am.reason}
		t := recs.at(am.target)
		a.Matter, a.Subject, a.Evaluator, a.Stage = matters.name(t.matter), subjects[t.subject], evaluators[t.evaluator], int(t.stage)
		b.addAmendment(at[am.target], &a)
	}
	return nil
}

// evalOf rebuilds the time and result of a record from another book's
// tables.
func evalOf(r *record, grades, policies []string, wide []decimal.Decimal, texts *arena) Evaluation {
	e := Evaluation{At: time.Unix(r.sec, int64(r.nsec)), Result: Result{Grade: grades[r.grade], Policy: policies[r.policy], Reasons: getReasons(texts, r.reasons)}}
	if r.isWide {
		e.Result.Points = wide[r.points]
	} else {
		e.Result.Points = decimal.New(r.points, fixedExp)
	}
	return e
}
