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
// every amendment in journal order, with its position.
type Rebuilt struct {
	Matters    map[string]*matters.Matter `json:"matters"`
	Book       *scoring.Book              `json:"book"`
	Amendments []Amended                  `json:"amendments,omitempty"`
	Head       Head                       `json:"head"` // the last entry applied
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

// Rebuild reads and verifies a journal and replays it: each event with
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
func Rebuild(r io.Reader, opts *Options) (*Rebuilt, error) {
	return rebuild(NewReader(r, opts), -1)
}

// RebuildAt rebuilds the state a journal recorded when the checkpoint cp
// was made: its first cp.Size entries, checked against the checkpoint's
// root. A journal whose first entries are not those of the checkpoint is a
// [*VerifyError] wrapping ErrHeadMismatch, returned with the state up to
// where it was found; otherwise errors are those of [Rebuild]. A host
// recomputes with it the scores it published with a checkpoint, whatever
// was appended since.
func RebuildAt(r io.Reader, cp Checkpoint, opts *Options) (*Rebuilt, error) {
	jr := NewReader(r, opts)
	if err := jr.expect([]Checkpoint{cp}); err != nil {
		return &Rebuilt{Matters: map[string]*matters.Matter{}, Book: scoring.NewBook()}, err
	}
	return rebuild(jr, cp.Size)
}

func rebuild(jr *Reader, limit int64) (*Rebuilt, error) {
	s := &rebuilder{out: &Rebuilt{Matters: map[string]*matters.Matter{}, Book: scoring.NewBook()}, evals: map[evalKey]int64{}, of: map[int64][]int{}}
	for limit < 0 || jr.head.Seq < limit {
		p, err := jr.next()
		if err == io.EOF {
			if err = jr.unmet(); err == nil {
				break
			}
		}
		if err == nil {
			err = s.apply(p)
		}
		if err != nil {
			return s.finish(), err
		}
		s.out.Head = jr.head
	}
	return s.finish(), nil
}

// decodeCanonical decodes a payload the Reader found canonical: it has
// exactly its type's members, spelt as they are, once each, and nothing
// else, so encoding/json alone decodes it as strictly as jsonx.Decode
// would, and faster.
func decodeCanonical(seq int64, k Kind, payload []byte, v any) error {
	if err := json.Unmarshal(payload, v); err != nil {
		return fmt.Errorf("journal: entry %d: decoding its %s: %w: %w", seq, k, ErrInvalid, err)
	}
	return nil
}

// rebuilder replays entries.
type rebuilder struct {
	out   *Rebuilt
	evals map[evalKey]int64 // the entry of each evaluation
	of    map[int64][]int   // by evaluation entry: the indexes in out.Amendments of its amendments
	probe *scoring.Book     // checks amendments as the book would
}

type evalKey struct {
	matter, subject, evaluator string
	stage                      int
}

func keyOf(e *scoring.Evaluation) evalKey { return evalKey{e.Matter, e.Subject, e.Evaluator, e.Stage} }

// finish records in the book the amendment that counts for each amended
// evaluation. The amendments were checked when they came, so the book
// takes them.
func (s *rebuilder) finish() *Rebuilt {
	for _, is := range s.of {
		a := &s.out.Amendments[is[len(is)-1]]
		a.Counts = true
		if err := s.out.Book.Amend(a.Amendment); err != nil {
			panic(fmt.Sprintf("journal: the book refuses amendment %d it accepted: %v", a.Seq, err))
		}
	}
	return s.out
}

func (s *rebuilder) apply(p parsed) error {
	switch p.kind {
	case KindEvent:
		var e matters.Event
		if err := decodeCanonical(p.seq, p.kind, p.payload, &e); err != nil {
			return err
		}
		m := s.out.Matters[e.Matter]
		fresh := m == nil
		if fresh {
			m = &matters.Matter{}
		}
		if err := m.Apply(e); err != nil {
			return fmt.Errorf("journal: entry %d: event %s#%d: %w", p.seq, e.Matter, e.Seq, err)
		}
		if fresh {
			s.out.Matters[e.Matter] = m
		}
	case KindEvaluation:
		var e scoring.Evaluation
		if err := decodeCanonical(p.seq, p.kind, p.payload, &e); err != nil {
			return err
		}
		if err := s.out.Book.Record(e); err != nil {
			return fmt.Errorf("journal: entry %d: %s: %w", p.seq, describeEvaluation("evaluation", e), err)
		}
		s.evals[keyOf(&e)] = p.seq
	case KindAmendment:
		var a scoring.Amendment
		if err := decodeCanonical(p.seq, p.kind, p.payload, &a); err != nil {
			return err
		}
		if err := s.amend(p, a); err != nil {
			return fmt.Errorf("journal: entry %d: %s: %w", p.seq, describeEvaluation("amendment", a.Evaluation), err)
		}
	}
	return nil
}

// amend checks an amendment at its position, as the book would check it
// then, and makes it the one that counts for its evaluation.
func (s *rebuilder) amend(p parsed, a scoring.Amendment) error {
	target, ok := s.evals[keyOf(&a.Evaluation)]
	if !ok {
		return fmt.Errorf("%w: no evaluation with its matter, subject, evaluator and stage before it", scoring.ErrNotFound)
	}
	for _, i := range s.of[target] {
		if b := &s.out.Amendments[i]; samePayload(&b.Amendment, p.payload) {
			return fmt.Errorf("%w: the same amendment as entry %d", scoring.ErrDuplicate, b.Seq)
		}
	}
	// The book's own checks of an amendment's content, on a book of its
	// own that holds an evaluation with its key: one for the whole
	// replay, since a book is costly to make. Repeated amendments never
	// reach it (above), so it refuses none as a duplicate.
	if s.probe == nil {
		s.probe = scoring.NewBook()
	}
	key := a.Evaluation
	key.At, key.Result = time.Unix(0, 0), scoring.Result{Grade: "-"}
	if err := s.probe.Record(key); err != nil && !errors.Is(err, scoring.ErrDuplicate) {
		return err
	}
	if err := s.probe.Amend(a); err != nil {
		return err
	}
	s.out.Amendments = append(s.out.Amendments, Amended{Seq: p.seq, Amends: target, Amendment: a})
	s.of[target] = append(s.of[target], len(s.out.Amendments)-1)
	return nil
}

// samePayload reports whether a's canonical payload is payload.
func samePayload(a *scoring.Amendment, payload []byte) bool {
	b, err := canon.AppendAmendment(nil, a)
	return err == nil && bytes.Equal(b, payload)
}
