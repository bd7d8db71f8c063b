package journal

import (
	"fmt"
	"io"

	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring"
)

// Rebuilt is the state a journal records: every matter by ID, rebuilt by
// applying its events in journal order, and the evaluation book, rebuilt by
// recording each evaluation and amendment in journal order.
type Rebuilt struct {
	Matters map[string]*matters.Matter `json:"matters"`
	Book    *scoring.Book              `json:"book"`
	Head    Head                       `json:"head"` // the last entry applied
}

// Rebuild reads and verifies a journal and replays it: each event with
// (*matters.Matter).Apply on its matter (a new matter for an ID not seen
// before), each evaluation with (*scoring.Book).Record and each amendment
// with (*scoring.Book).Amend. It stops at the first entry that is not sound
// (a [*VerifyError]), that cannot be decoded (ErrInvalid) or that its matter
// or the book rejects (the matters or scoring error, wrapped with the entry's
// sequence number). The result is never nil: on error it holds the state
// after the last entry applied, whose head is Rebuilt.Head.
//
// What was journaled comes back exactly: the journal writes times in UTC,
// and the matters and the book give them back, as they give every time,
// in China Standard Time (the same instants), so that a rebuilt matter is
// deeply equal to the live one.
func Rebuild(r io.Reader, opts *Options) (*Rebuilt, error) {
	out := &Rebuilt{Matters: map[string]*matters.Matter{}, Book: scoring.NewBook()}
	jr := NewReader(r, opts)
	for {
		p, err := jr.next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		if err := out.apply(p); err != nil {
			return out, err
		}
		out.Head = jr.head
	}
}

func (s *Rebuilt) apply(p parsed) error {
	switch p.kind {
	case KindEvent:
		var e matters.Event
		if err := decodePayload(p.seq, p.kind, p.payload, &e); err != nil {
			return err
		}
		m := s.Matters[e.Matter]
		fresh := m == nil
		if fresh {
			m = &matters.Matter{}
		}
		if err := m.Apply(e); err != nil {
			return fmt.Errorf("journal: entry %d: event %s#%d: %w", p.seq, e.Matter, e.Seq, err)
		}
		if fresh {
			s.Matters[e.Matter] = m
		}
	case KindEvaluation:
		var e scoring.Evaluation
		if err := decodePayload(p.seq, p.kind, p.payload, &e); err != nil {
			return err
		}
		if err := s.Book.Record(e); err != nil {
			return fmt.Errorf("journal: entry %d: %s: %w", p.seq, describeEvaluation("evaluation", e), err)
		}
	case KindAmendment:
		var a scoring.Amendment
		if err := decodePayload(p.seq, p.kind, p.payload, &a); err != nil {
			return err
		}
		if err := s.Book.Amend(a); err != nil {
			return fmt.Errorf("journal: entry %d: %s: %w", p.seq, describeEvaluation("amendment", a.Evaluation), err)
		}
	}
	return nil
}
