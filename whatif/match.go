package whatif

import (
	"fmt"
	"time"

	"github.com/qingdan/qingdan/scoring"
)

// matcher finds the facts of each recorded evaluation, walking the facts
// beside the book: while they come in the book's order each is the one
// after the last found, and no lookup is needed; the first time they do
// not, it indexes them all by matter.
type matcher struct {
	facts []scoring.Facts
	next  int              // the facts expected next
	found int              // the evaluations matched so far, each to facts of its own
	first map[string]int32 // by matter, its last facts; nil until needed
	chain []int32          // by facts, the previous facts of the same matter, -1 for none
}

// matches reports whether f are the facts of ev.
func matches(f *scoring.Facts, ev *scoring.Evaluation) bool {
	return f.Matter == ev.Matter && f.Subject == ev.Subject && f.Evaluator == ev.Evaluator && stageOf(f) == ev.Stage
}

// find returns the index of the facts of ev.
func (m *matcher) find(ev *scoring.Evaluation) (int, error) {
	i := m.next
	if i >= len(m.facts) || !matches(&m.facts[i], ev) {
		if m.first == nil {
			if err := m.index(); err != nil {
				return -1, err
			}
		}
		if i = m.lookup(ev); i < 0 {
			return -1, fmt.Errorf("%w: no facts for the evaluation of %s", ErrInvalid, where(ev))
		}
	}
	m.next = i + 1
	m.found++
	return i, nil
}

// lookup returns the index of the facts of ev, -1 for none.
func (m *matcher) lookup(ev *scoring.Evaluation) int {
	i, ok := m.first[ev.Matter]
	for ok && i >= 0 {
		if matches(&m.facts[i], ev) {
			return int(i)
		}
		i = m.chain[i]
	}
	return -1
}

// index indexes the facts by matter, refusing two facts for one
// evaluation.
func (m *matcher) index() error {
	m.first = make(map[string]int32, len(m.facts))
	m.chain = make([]int32, len(m.facts))
	for i := range m.facts {
		f := &m.facts[i]
		ev := scoring.Evaluation{Matter: f.Matter, Subject: f.Subject, Evaluator: f.Evaluator, Stage: stageOf(f)}
		if m.lookup(&ev) >= 0 {
			return fmt.Errorf("%w: two facts for the evaluation of %s", ErrInvalid, where(&ev))
		}
		j, ok := m.first[f.Matter]
		if !ok {
			j = -1
		}
		m.chain[i] = j
		m.first[f.Matter] = int32(i)
	}
	return nil
}

// finish checks the facts no evaluation was matched to: facts that match
// no recorded evaluation are ignored, but a second facts for one
// evaluation is an error.
func (m *matcher) finish() error {
	if m.found == len(m.facts) || m.first != nil {
		return nil
	}
	return m.index()
}

// stageOf returns the stage under which a Book keeps the evaluation of f.
func stageOf(f *scoring.Facts) int { return f.Evaluation(time.Time{}, scoring.Result{}).Stage }
