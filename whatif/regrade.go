package whatif

import (
	"cmp"
	"errors"
	"fmt"
	"slices"

	"github.com/qingdan/qingdan/internal/errtext"
	"github.com/qingdan/qingdan/scoring"
	"github.com/shopspring/decimal"
)

// ErrInvalid reports a what-if that cannot be made or read: an evaluation
// without facts, two facts for one evaluation, facts the policy leaves
// unevaluated, facts that do not describe the evaluation they are read
// for, a journal whose matters do not explain its evaluations, or JSON
// that is no sound [Report].
var ErrInvalid = errors.New("whatif: invalid")

// Regrade grades every evaluation of recorded again under e, from the
// facts it was graded on — facts are matched to evaluations by Matter,
// Subject, Evaluator and the stage of [scoring.Facts.Evaluation] — and returns the
// differences without touching recorded: recorded evaluations keep their
// policy; the what-if book is separate. The Subjects of the report are
// scored over p. Facts that match no recorded evaluation are ignored.
// Facts given in the order the book was recorded (scoring.Book.All) are
// matched fastest. A *scoring.Table is graded compiled ([scoring.Table.Compile]),
// into one Result reused from evaluation to evaluation
// ([scoring.EvaluateInto]): the same grades, and only the Results that
// change are kept.
//
// An evaluation with no facts, facts that e leaves unevaluated, and two
// facts for one evaluation are errors wrapping [ErrInvalid], naming the
// evaluation; facts e refuses are e's error, named so too. Nothing is
// returned then. Regrade panics if recorded or e is nil.
func Regrade(recorded *scoring.Book, facts []scoring.Facts, e scoring.Evaluator, p scoring.Period) (Report, error) {
	switch {
	case recorded == nil:
		panic("whatif: Regrade: nil *scoring.Book")
	case e == nil:
		panic("whatif: Regrade: nil scoring.Evaluator")
	}
	if t, ok := e.(*scoring.Table); ok {
		if c, err := t.Compile(); err == nil { // an invalid table's Evaluate says what is wrong
			e = c
		}
	}
	amended := counting(recorded)
	m := matcher{facts: facts}
	out := Report{Book: scoring.NewBook(nil)}
	var changes changeList
	var r scoring.Result
	var err error
	for ev := range recorded.All() {
		if err = regradeOne(&m, e, &r, amended, out.Book, &changes, ev); err != nil {
			break
		}
	}
	if err == nil {
		err = m.finish()
	}
	if err != nil {
		return Report{}, err
	}
	out.Changes = changes.sorted()
	out.Subjects = subjectChanges(recorded.Scores(p), out.Book.Scores(p))
	return out, nil
}

// regradeOne regrades the recorded evaluation ev into book, noting in
// changes whether its grade changes. It grades into dst, whose memory the
// next call reuses: book copies what it records, and a change keeps a
// copy of its own.
func regradeOne(m *matcher, e scoring.Evaluator, dst *scoring.Result, amended map[key]scoring.Result, book *scoring.Book, changes *changeList, ev scoring.Evaluation) error {
	i, err := m.find(&ev)
	if err != nil {
		return err
	}
	err = scoring.EvaluateInto(e, dst, m.facts[i])
	r := *dst
	switch {
	case err != nil:
		return fmt.Errorf("whatif: regrade of %s: %w", where(&ev), err)
	case r.IsZero():
		return fmt.Errorf("%w: regrade of %s: not evaluated", ErrInvalid, where(&ev))
	}
	old := ev.Result
	if len(amended) > 0 {
		if a, ok := amended[keyOf(&ev)]; ok {
			old = a
		}
	}
	ev.Result = r
	if err := book.Record(ev); err != nil {
		return fmt.Errorf("whatif: regrade of %s: %w", where(&ev), err)
	}
	if old.Grade != r.Grade || !changes.points.equal(old.Points, r.Points) {
		changes.add(Change{Matter: ev.Matter, Subject: ev.Subject, Evaluator: ev.Evaluator, Stage: ev.Stage, Old: old, New: own(r)})
	}
	return nil
}

// own returns a copy of r that shares no memory with it: its reasons and
// their checks and figures copied.
func own(r scoring.Result) scoring.Result {
	r.Reasons = slices.Clone(r.Reasons)
	for i := range r.Reasons {
		x := &r.Reasons[i]
		x.Checks, x.Figures = slices.Clone(x.Checks), slices.Clone(x.Figures)
	}
	return r
}

// pointsMemo compares points, remembering the last pair: a what-if's
// points are the few of two scales, and the book and the table share each
// one's value, so the same pair comes again and again, and comparing
// points of other exponents allocates. The same decimal.Decimal value is
// the same number: a Decimal is never changed in place.
type pointsMemo struct {
	a, b decimal.Decimal
	same bool
	set  bool
}

func (p *pointsMemo) equal(a, b decimal.Decimal) bool {
	if !p.set || a != p.a || b != p.b {
		*p = pointsMemo{a, b, a.Equal(b), true}
	}
	return p.same
}

// key is an evaluation's key.
type key struct {
	matter, subject, evaluator string
	stage                      int
}

func keyOf(ev *scoring.Evaluation) key { return key{ev.Matter, ev.Subject, ev.Evaluator, ev.Stage} }

// counting returns the Result that counts for each amended evaluation of
// b: its last amendment's; nil when b has none.
func counting(b *scoring.Book) map[key]scoring.Result {
	as := b.Amendments()
	if len(as) == 0 {
		return nil
	}
	out := make(map[key]scoring.Result, len(as))
	for i := range as { // ordered by key, then from the earliest: the last of each key counts
		out[keyOf(&as[i].Evaluation)] = as[i].Result
	}
	return out
}

// where names an evaluation in an error.
func where(ev *scoring.Evaluation) string {
	return fmt.Sprintf("matter %s, subject %s, evaluator %s, stage %d", errtext.Quote(ev.Matter), errtext.Quote(ev.Subject),
		errtext.Quote(ev.Evaluator), ev.Stage)
}

// subjectChanges lists the subjects whose composite or rank differs
// between old and new, ordered by subject.
func subjectChanges(old, new []scoring.Score) []SubjectChange {
	byName := make(map[string]*SubjectChange, len(old))
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
	var out []SubjectChange
	for _, c := range byName {
		if c.Old.Rank != c.New.Rank || !c.Old.Composite.Equal(c.New.Composite) {
			out = append(out, *c)
		}
	}
	slices.SortFunc(out, func(a, b SubjectChange) int { return cmp.Compare(a.Subject, b.Subject) })
	return out
}
