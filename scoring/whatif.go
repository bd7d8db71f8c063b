package scoring

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/qingdan/qingdan/internal/errtext"
)

// Change is one recorded evaluation whose grade a what-if policy changes:
// its key, Old — the Result that counts in the recorded book (amendments
// applied), with its Policy and its Reasons, which name the rule that
// fired — and New, the Result the what-if policy gives the same facts.
type Change struct {
	Matter    string `json:"matter"`
	Subject   string `json:"subject"`
	Evaluator string `json:"evaluator"`
	Stage     int    `json:"stage,omitempty"`
	Old       Result `json:"old"`
	New       Result `json:"new"`
}

// SubjectChange is a subject whose score in the period differs between
// the recorded book (Old) and the what-if book (New): another composite or
// another rank. A Score is zero on the side where the subject has none.
type SubjectChange struct {
	Subject string `json:"subject"`
	Old     Score  `json:"old"`
	New     Score  `json:"new"`
}

// WhatIf is what a policy would have done to a recorded book: Book, a new
// book holding every recorded evaluation regraded (same keys and times,
// the new Results); Changes, the evaluations whose grade or points change,
// ordered by matter, subject, evaluator and stage; and Subjects, the
// subjects whose composite or rank changes in the period, ordered by
// subject.
type WhatIf struct {
	Book     *Book           `json:"-"`
	Changes  []Change        `json:"changes"`
	Subjects []SubjectChange `json:"subjects"`
}

// Regrade grades every evaluation of recorded again under e, from the
// facts it was graded on — facts are matched to evaluations by Matter,
// Subject, Evaluator and [Facts.EvaluationStage] — and returns the
// differences without touching recorded: recorded evaluations keep their
// policy; the what-if book is separate. Facts that match no recorded
// evaluation are ignored.
//
// An evaluation with no facts, facts that e refuses or leaves unevaluated,
// and two facts for one evaluation are errors wrapping [ErrInvalid] (or
// e's error), naming the evaluation; nothing is returned then. Regrade
// panics if recorded or e is nil.
func Regrade(recorded *Book, facts []Facts, e Evaluator, p Period) (WhatIf, error) {
	switch {
	case recorded == nil:
		panic("scoring: Regrade: nil *Book")
	case e == nil:
		panic("scoring: Regrade: nil Evaluator")
	}
	type key struct {
		matter, subject, evaluator string
		stage                      int
	}
	// The facts by matter: first holds a matter's first facts, next chains
	// the others of the same matter (-1 ends a chain), so that each lookup
	// hashes one string.
	first := make(map[string]int, len(facts))
	next := make([]int, len(facts))
	find := func(k *key) int {
		i, ok := first[k.matter]
		for ok && i >= 0 {
			f := &facts[i]
			if f.Subject == k.subject && f.Evaluator == k.evaluator && f.EvaluationStage() == k.stage {
				return i
			}
			i = next[i]
		}
		return -1
	}
	for i := range facts {
		f := &facts[i]
		k := key{f.Matter, f.Subject, f.Evaluator, f.EvaluationStage()}
		if find(&k) >= 0 {
			return WhatIf{}, fmt.Errorf("%w: regrade: two facts for matter %s, subject %s, evaluator %s, stage %d", ErrInvalid,
				errtext.Quote(k.matter), errtext.Quote(k.subject), errtext.Quote(k.evaluator), k.stage)
		}
		next[i] = -1
		if j, ok := first[f.Matter]; ok {
			next[i] = j
		}
		first[f.Matter] = i
	}
	recorded.mu.Lock()
	entries := recorded.l.Unsorted()
	recorded.mu.Unlock()
	counts := make(map[key]Result)
	for _, a := range recorded.Amendments() { // the last of each key counts
		counts[key{a.Matter, a.Subject, a.Evaluator, a.Stage}] = a.Result
	}
	out := WhatIf{Book: NewBook()}
	for j := range entries {
		ev := evaluationOf(&entries[j])
		k := key{ev.Matter, ev.Subject, ev.Evaluator, ev.Stage}
		i := find(&k)
		if i < 0 {
			return WhatIf{}, fmt.Errorf("%w: regrade: no facts for the evaluation of %s", ErrInvalid, where(ev.Matter, ev.Subject, ev.Evaluator, ev.Stage))
		}
		r, err := e.Evaluate(facts[i])
		switch {
		case err != nil:
			return WhatIf{}, fmt.Errorf("scoring: regrade of %s: %w", where(ev.Matter, ev.Subject, ev.Evaluator, ev.Stage), err)
		case r.IsZero():
			return WhatIf{}, fmt.Errorf("%w: regrade of %s: not evaluated", ErrInvalid, where(ev.Matter, ev.Subject, ev.Evaluator, ev.Stage))
		}
		old := ev.Result
		if len(counts) > 0 {
			if a, ok := counts[k]; ok {
				old = a
			}
		}
		ev.Result = r
		if err := out.Book.Record(ev); err != nil {
			return WhatIf{}, fmt.Errorf("scoring: regrade of %s: %w", where(ev.Matter, ev.Subject, ev.Evaluator, ev.Stage), err)
		}
		if old.Grade != r.Grade || !old.Points.Equal(r.Points) {
			out.Changes = append(out.Changes, Change{Matter: k.matter, Subject: k.subject, Evaluator: k.evaluator, Stage: k.stage, Old: old, New: r})
		}
	}
	slices.SortFunc(out.Changes, func(a, b Change) int {
		return cmp.Or(cmp.Compare(a.Matter, b.Matter), cmp.Compare(a.Subject, b.Subject), cmp.Compare(a.Evaluator, b.Evaluator), cmp.Compare(a.Stage, b.Stage))
	})
	out.Subjects = subjectChanges(recorded.Scores(p), out.Book.Scores(p))
	return out, nil
}

// where names an evaluation in an error.
func where(matter, subject, evaluator string, stage int) string {
	return fmt.Sprintf("matter %s, subject %s, evaluator %s, stage %d", errtext.Quote(matter), errtext.Quote(subject), errtext.Quote(evaluator), stage)
}

// subjectChanges lists the subjects whose composite or rank differs
// between old and new, ordered by subject.
func subjectChanges(old, new []Score) []SubjectChange {
	byName := make(map[string]*SubjectChange, len(old))
	var out []SubjectChange
	for _, s := range old {
		byName[s.Subject] = &SubjectChange{Subject: s.Subject, Old: s}
	}
	for _, s := range new {
		c := byName[s.Subject]
		if c == nil {
			c = &SubjectChange{Subject: s.Subject}
			byName[s.Subject] = c
		}
		c.New = s
	}
	for _, c := range byName {
		if c.Old.Rank != c.New.Rank || !c.Old.Composite.Equal(c.New.Composite) {
			out = append(out, *c)
		}
	}
	slices.SortFunc(out, func(a, b SubjectChange) int { return cmp.Compare(a.Subject, b.Subject) })
	return out
}
