package journal

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/qingdan/qingdan/journal/internal/canon"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring"
)

// Rebuilt is the state a journal records: every matter by ID, rebuilt by
// applying its events in journal order; the evaluation book, with every
// evaluation and, for each amended one, the amendment that counts; and
// every amendment in journal order, with its position. Its JSON form
// reports the state, and reads back strictly ([Rebuilt.UnmarshalJSON]); a
// host that saves a state to go on from it keeps its [Rebuilt.Snapshot].
type Rebuilt struct {
	Matters    map[string]*matters.Matter `json:"matters"`
	Book       *scoring.Book              `json:"book"`
	Amendments []Amended                  `json:"amendments,omitempty"`
	Head       Head                       `json:"head"` // the last entry applied

	// What replaying the entries after Head needs: see (*Rebuilt).Apply.
	evals map[evalKey]int64 // the entry of each evaluation
	of    map[int64][]int   // by evaluation entry: the indexes in Amendments of its amendments
	probe *scoring.Book     // checks amendments as the book would
	front frontier          // the tree of the entries up to Head, compact
	// maxLine is the longest line Apply and Check take: the MaxLine of the
	// Options it was rebuilt or resumed with (0: DefaultMaxLine), so that
	// they refuse what a rebuild with those options would.
	maxLine int
}

// tooLong reports, as an error wrapping ErrLineTooLong, a line after
// entry seq longer than s takes.
func (s *Rebuilt) tooLong(line []byte, seq int64) error {
	if max := (&Options{MaxLine: s.maxLine}).maxLine(); len(line) > max {
		return fmt.Errorf("journal: the line after entry %d is %d bytes, over the limit of %d: %w", seq, len(line), max, ErrLineTooLong)
	}
	return nil
}

// newRebuilt returns the state of an empty journal.
func newRebuilt() *Rebuilt {
	return &Rebuilt{Matters: map[string]*matters.Matter{}, Book: scoring.NewBook(nil), evals: map[evalKey]int64{}, of: map[int64][]int{}}
}

// Amended is an amendment where the journal holds it: its entry, the entry
// of the evaluation it amends, and whether it is the amendment that counts
// for that evaluation — the last one in the journal.
type Amended struct {
	Seq       int64             `json:"seq"`
	Amends    int64             `json:"amends"`
	Counts    bool              `json:"counts"`
	Amendment scoring.Amendment `json:"amendment"`
}

// Rebuild reads and verifies a journal (a file, or rows of a table read
// through [Lines]) and replays it: each event with
// (*matters.Matter).Apply on its matter (a new matter for an ID not seen
// before), each evaluation with (*scoring.Book).Record. It stops at the
// first entry that is not sound (a [*VerifyError]), that cannot be decoded
// (ErrInvalid) or that its matter or the book rejects (the matters or
// scoring error, wrapped with the entry's sequence number). The result is
// never nil: on error it holds the state after the last entry applied,
// whose head is Rebuilt.Head.
//
// Which amendment counts is decided by position, never by the time an
// amendment claims: of the amendments of one evaluation, the last in the
// journal counts, whatever its At says. An amendment must come after the
// evaluation it amends (else scoring.ErrNotFound), and must not repeat one
// before it (scoring.ErrDuplicate); the book checks it as
// (*scoring.Book).Amend would. The book holds the amendment that counts;
// Rebuilt.Amendments lists them all. So an amendment appended today, dated
// last spring, counts from its position on: it changes no state that
// [RebuildAt] gives for a checkpoint published before it, and anyone can
// see where it stands.
//
// What was journaled comes back exactly: the journal writes times in UTC,
// and the matters and the book give them back, as they give every time,
// in China Standard Time (the same instants), so that a rebuilt matter is
// deeply equal to the live one.
//
// Where Go's int has 32 bits (386, 32-bit ARM), an entry holding an
// integer beyond it — a stage, a count or a sequence number over
// 2,147,483,647, which a 64-bit host may have written — verifies, as the
// format lets an integer take 64 bits, but cannot be decoded: Rebuild
// stops there with ErrInvalid naming the entry.
func Rebuild(r io.Reader, opts *Options) (*Rebuilt, error) {
	mustReader(r, "Rebuild")
	s := newRebuilt()
	s.maxLine = opts.maxLine()
	return rebuild(NewReader(r, opts), -1, s)
}

// RebuildAt rebuilds the state a journal recorded when the checkpoint cp
// was made: its first cp.Size entries, checked against the checkpoint's
// root. A journal whose first entries are not those of the checkpoint is a
// [*VerifyError] wrapping ErrHeadMismatch, returned with the state up to
// where it was found; a checkpoint of a size no journal has (negative, or
// over 10^18-1) is an error wrapping ErrInvalid; otherwise errors are those
// of [Rebuild]. A host recomputes with it the scores it published with a
// checkpoint, whatever was appended since.
func RebuildAt(r io.Reader, cp Checkpoint, opts *Options) (*Rebuilt, error) {
	mustReader(r, "RebuildAt")
	jr := NewReader(r, opts)
	s := newRebuilt()
	s.maxLine = opts.maxLine()
	if err := jr.expect([]Checkpoint{cp}); err != nil {
		return s, err
	}
	return rebuild(jr, cp.Size, s)
}

// rebuild replays the entries jr reads, up to entry limit if limit ≥ 0,
// into s, which holds the state up to the entry before them.
func rebuild(jr *Reader, limit int64, s *Rebuilt) (*Rebuilt, error) {
	var late []int64 // evaluations amended by the entries read
	for limit < 0 || jr.head.Seq < limit {
		p, err := jr.next()
		if err == io.EOF || errors.Is(err, ErrTorn) && len(jr.marks) > 0 {
			// The end, or a torn line, before a checkpoint: entries were
			// removed, as Verify says.
			if err = jr.unmet(); err == nil {
				break
			}
		}
		var amended int64
		if err == nil {
			amended, err = s.apply(p)
		}
		if err != nil {
			s.settle(late)
			return s, err
		}
		if amended != 0 {
			late = append(late, amended)
		}
		s.Head = jr.head
		s.front.add(jr.head.Hash)
	}
	s.settle(late)
	return s, nil
}

// decodeCanonical decodes a payload the Reader found canonical: it has
// exactly its type's members, spelt as they are, once each, and nothing
// else, so encoding/json alone decodes it as strictly as jsonx.Decode
// would, and faster. An evaluation or an amendment is decoded through
// plainEvaluation, so that Evaluation's own UnmarshalJSON does not check
// again what canon checked.
func decodeCanonical(seq int64, k Kind, payload []byte, v any) error {
	switch x := v.(type) {
	case *scoring.Evaluation:
		v = (*plainEvaluation)(x)
	case *scoring.Amendment:
		v = &struct {
			*plainEvaluation
			Author *string `json:"author"`
			Reason *string `json:"reason"`
		}{(*plainEvaluation)(&x.Evaluation), &x.Author, &x.Reason}
	}
	if err := json.Unmarshal(payload, v); err != nil {
		return fmt.Errorf("journal: entry %d: decoding its %s: %w: %w", seq, k, ErrInvalid, err)
	}
	return nil
}

// plainEvaluation is a scoring.Evaluation without its methods: its fields
// as encoding/json decodes them, each Result and Facts by its own
// UnmarshalJSON.
type plainEvaluation scoring.Evaluation

type evalKey struct {
	matter, subject, evaluator string
	stage                      int
}

func keyOf(e *scoring.Evaluation) evalKey { return evalKey{e.Matter, e.Subject, e.Evaluator, e.Stage} }

// settle makes the book hold, for each evaluation amended (given by
// its entry, in any order, repeated or not), the amendment that counts:
// the last in the journal. The amendments were checked when they came,
// so the book takes them. An evaluation amended for the first time takes
// its amendment as it is; one amended before holds an amendment that no
// longer counts, and the book, which has no way to drop it, is made
// again (rare: an amendment of an amendment).
func (s *Rebuilt) settle(amended []int64) {
	again := false
	for _, e := range amended {
		again = again || s.countsOf(e) > 0
	}
	if again {
		s.rebook()
		return
	}
	for _, e := range amended {
		is := s.of[e]
		s.count(is[len(is)-1])
	}
}

// countsOf returns how many of the amendments of the evaluation of entry
// e the book holds.
func (s *Rebuilt) countsOf(e int64) int {
	n := 0
	for _, i := range s.of[e] {
		if s.Amendments[i].Counts {
			n++
		}
	}
	return n
}

// count records amendment i, the last of its evaluation, in the book.
func (s *Rebuilt) count(i int) {
	a := &s.Amendments[i]
	if a.Counts {
		return
	}
	a.Counts = true
	if err := s.Book.Amend(a.Amendment); err != nil {
		panic(fmt.Sprintf("journal: the book refuses amendment %d it accepted: %v", a.Seq, err))
	}
}

// rebook makes the book again from its evaluations and, for each amended
// one, the last amendment in the journal.
func (s *Rebuilt) rebook() {
	b := scoring.NewBook(nil)
	for _, e := range s.Book.Evaluations() {
		if err := b.Record(e); err != nil {
			panic(fmt.Sprintf("journal: a book refuses an evaluation another held: %v", err))
		}
	}
	s.Book = b
	for i := range s.Amendments {
		s.Amendments[i].Counts = false
	}
	for _, is := range s.of {
		s.count(is[len(is)-1])
	}
}

// apply replays one entry. For an amendment it returns the entry of the
// evaluation amended, which the book takes once settled.
func (s *Rebuilt) apply(p parsed) (int64, error) {
	switch p.kind {
	case KindEvent:
		var e matters.Event
		if err := decodeCanonical(p.seq, p.kind, p.payload, &e); err != nil {
			return 0, err
		}
		m := s.Matters[e.Matter]
		fresh := m == nil
		if fresh {
			m = &matters.Matter{}
		}
		if err := m.Apply(e); err != nil {
			return 0, fmt.Errorf("journal: entry %d: event %s#%d: %w", p.seq, e.Matter, e.Seq, err)
		}
		if fresh {
			s.Matters[e.Matter] = m
		}
	case KindEvaluation:
		var e scoring.Evaluation
		if err := decodeCanonical(p.seq, p.kind, p.payload, &e); err != nil {
			return 0, err
		}
		if err := s.Book.Record(e); err != nil {
			return 0, fmt.Errorf("journal: entry %d: %s: %w", p.seq, describeEvaluation("evaluation", e), err)
		}
		s.evals[keyOf(&e)] = p.seq
	case KindAmendment:
		var a scoring.Amendment
		if err := decodeCanonical(p.seq, p.kind, p.payload, &a); err != nil {
			return 0, err
		}
		target, err := s.amend(p, a)
		if err != nil {
			return 0, fmt.Errorf("journal: entry %d: %s: %w", p.seq, describeEvaluation("amendment", a.Evaluation), err)
		}
		return target, nil
	}
	return 0, nil
}

// amend checks an amendment at its position, as the book would check it
// then, and makes it the one that counts for its evaluation.
func (s *Rebuilt) amend(p parsed, a scoring.Amendment) (int64, error) {
	target, ok := s.evals[keyOf(&a.Evaluation)]
	if !ok {
		return 0, fmt.Errorf("%w: no evaluation with its matter, subject, evaluator and stage before it", scoring.ErrNotFound)
	}
	for _, i := range s.of[target] {
		if b := &s.Amendments[i]; samePayload(&b.Amendment, p.payload) {
			return 0, fmt.Errorf("%w: the same amendment as entry %d", scoring.ErrDuplicate, b.Seq)
		}
	}
	if s.probe == nil {
		// It holds the amendments before: those of the snapshot a
		// Resume started from too, as a rebuild's probe would.
		s.probe = scoring.NewBook(nil)
		for _, b := range s.Amendments {
			_ = probeAmendment(s.probe, b.Amendment) // taken when it came
		}
	}
	if err := probeAmendment(s.probe, a); err != nil {
		return 0, err
	}
	s.Amendments = append(s.Amendments, Amended{Seq: p.seq, Amends: target, Amendment: a})
	s.of[target] = append(s.of[target], len(s.Amendments)-1)
	return target, nil
}

// probeAmendment makes the book's own checks of an amendment's content, on
// probe, a book of its own that holds an evaluation with its key and the
// amendments before a: one for a whole replay, since a book is costly to
// make. Repeated amendments must not reach it, so that it refuses none as
// a duplicate of itself; one that repeats another in all a book keeps
// (all but its facts) it refuses, as the book would.
func probeAmendment(probe *scoring.Book, a scoring.Amendment) error {
	key := a.Evaluation
	key.At, key.Result = time.Unix(0, 0), scoring.Result{Grade: "-"}
	if err := probe.Record(key); err != nil && !errors.Is(err, scoring.ErrDuplicate) {
		return err
	}
	return probe.Amend(a)
}

// samePayload reports whether a's canonical payload is payload.
func samePayload(a *scoring.Amendment, payload []byte) bool {
	b, err := canon.AppendAmendment(nil, a)
	return err == nil && bytes.Equal(b, payload)
}
