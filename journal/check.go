package journal

import (
	"fmt"

	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring"
)

// Check reports whether lines, entries sealed one after the other from
// s.Head, would all be applied by [Rebuilt.Apply]: nil if they would, or
// the error Apply would return for the first that would not (but for a
// book too full to take one more), the error of a line that does not
// parse naming the entry it follows ("the line after entry 41: …"), as
// a batch's lines have no number of their own. It changes nothing. A host that keeps
// its journal in a database checks the lines of a change before it
// commits them, so that it never commits an entry that its state, and
// every rebuild after it, would refuse.
func (s *Rebuilt) Check(lines ...[]byte) error {
	mustNotNil(s, "Check", "Rebuilt")
	c := checker{s: s, head: s.Head, matters: map[string]*matters.Matter{}, evals: map[evalKey]int64{}, probe: scoring.NewBook(nil)}
	for _, line := range lines {
		err := s.tooLong(line, c.head.Seq)
		var p parsed
		var sum Hash
		if err == nil {
			if p, sum, err = parseEntry(line); err != nil {
				err = lineAfter(c.head.Seq, err)
			}
		}
		if err == nil {
			err = follows(c.head, p, sum)
		}
		if err == nil {
			err = c.check(p)
		}
		if err != nil {
			return err
		}
		c.head = Head{Seq: p.seq, Hash: sum}
	}
	return nil
}

// checker holds what the lines checked so far would change: copies of
// the matters their events touch, their evaluations, a book to probe.
type checker struct {
	s       *Rebuilt
	head    Head
	matters map[string]*matters.Matter
	evals   map[evalKey]int64
	amended map[int64][]scoring.Amendment // by evaluation entry: the amendments checked
	probe   *scoring.Book
}

func (c *checker) check(p parsed) error {
	switch p.kind {
	case KindEvent:
		var e matters.Event
		if err := decodeCanonical(p.seq, p.kind, p.payload, &e); err != nil {
			return err
		}
		m := c.matters[e.Matter]
		if m == nil {
			m = &matters.Matter{}
			if old := c.s.Matters[e.Matter]; old != nil && len(old.Events) > 0 {
				var err error
				if m, err = matters.Replay(old.Events); err != nil {
					return fmt.Errorf("journal: entry %d: matter %s: %w", p.seq, e.Matter, err)
				}
			}
			c.matters[e.Matter] = m
		}
		if err := m.Apply(e); err != nil {
			return fmt.Errorf("journal: entry %d: event %s#%d: %w", p.seq, e.Matter, e.Seq, err)
		}
	case KindEvaluation:
		var e scoring.Evaluation
		if err := decodeCanonical(p.seq, p.kind, p.payload, &e); err != nil {
			return err
		}
		err := c.probe.Record(e) // its content; a duplicate within the lines too
		if _, ok := c.s.evals[keyOf(&e)]; ok && err == nil {
			err = fmt.Errorf("%w: the book holds an evaluation with its key", scoring.ErrDuplicate)
		}
		if err != nil {
			return fmt.Errorf("journal: entry %d: %s: %w", p.seq, describeEvaluation("evaluation", e), err)
		}
		c.evals[keyOf(&e)] = p.seq
	case KindAmendment:
		var a scoring.Amendment
		if err := decodeCanonical(p.seq, p.kind, p.payload, &a); err != nil {
			return err
		}
		if err := c.amend(p, a); err != nil {
			return fmt.Errorf("journal: entry %d: %s: %w", p.seq, describeEvaluation("amendment", a.Evaluation), err)
		}
	}
	return nil
}

// amend checks an amendment as Rebuilt.amend would.
func (c *checker) amend(p parsed, a scoring.Amendment) error {
	target, ok := c.s.evals[keyOf(&a.Evaluation)]
	if !ok {
		if target, ok = c.evals[keyOf(&a.Evaluation)]; !ok {
			return fmt.Errorf("%w: no evaluation with its matter, subject, evaluator and stage before it", scoring.ErrNotFound)
		}
	}
	for _, i := range c.s.of[target] {
		if b := &c.s.Amendments[i]; samePayload(&b.Amendment, p.payload) {
			return fmt.Errorf("%w: the same amendment as entry %d", scoring.ErrDuplicate, b.Seq)
		}
	}
	for _, b := range c.amended[target] {
		if samePayload(&b, p.payload) {
			return fmt.Errorf("%w: the same amendment as one before it", scoring.ErrDuplicate)
		}
	}
	// The book refuses an amendment that repeats one before it in all
	// it keeps, as Apply's probe, which holds them, does.
	probe := scoring.NewBook(nil)
	for _, i := range c.s.of[target] {
		_ = probeAmendment(probe, c.s.Amendments[i].Amendment) // taken when it came
	}
	for _, b := range c.amended[target] {
		_ = probeAmendment(probe, b) // checked below, line by line
	}
	if err := probeAmendment(probe, a); err != nil {
		return err
	}
	if c.amended == nil {
		c.amended = map[int64][]scoring.Amendment{}
	}
	c.amended[target] = append(c.amended[target], a)
	return nil
}
