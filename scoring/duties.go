package scoring

import (
	"fmt"
	"slices"
	"time"

	"github.com/qingdan/qingdan/internal/errtext"
	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/qingdan/qingdan/internal/names"
	"github.com/qingdan/qingdan/matters"
)

// This file holds who may grade and amend (separation of duties) and the
// rules a host sets for a book.

// BookOptions are rules a [Book] checks evaluations and amendments against
// beyond what every book checks. Every book refuses, whatever its options:
// a name (matter, subject, evaluator, an amendment's author) with white
// space at either end or a control or invisible formatting character in
// it (so that "赭山街道 " cannot pass for a second evaluator beside
// "赭山街道"); an evaluation whose subject is its evaluator; an amendment
// whose author is the graded subject.
//
// A nil *BookOptions, like the zero BookOptions, adds nothing to those: a
// book that replays a journal of old years, or tests how far a time can
// go, sets none.
type BookOptions struct {
	// Scale is the scale in force. If set, a grade must be on it, and the
	// points must be the grade's: exactly — or, with Bands, anywhere in
	// the grade's band, from the grade's points up to (not including) the
	// next higher grade's, the top grade's band being its points alone.
	// Bands is the tolerance for a weighted evaluator that keeps its
	// weighted figure as the points: the figures that [Scale.Floor] grades
	// back to that grade. Points above the top grade or below the bottom
	// one never agree.
	Scale Scale
	Bands bool
	// AmendWithin and Now set the window in which an amendment may be
	// dated. Where either is set, an amendment must be dated no earlier
	// than the evaluation it corrects, no later than AmendWithin after it
	// (if AmendWithin is positive), and not in the future: not after Now()
	// (time.Now if Now is nil). So an amendment dated 2099 cannot be "the
	// latest" and outrank a genuine correction made today.
	AmendWithin time.Duration
	Now         func() time.Time
	// Matter, if set, finds a matter by ID: an evaluation must then be of a
	// matter it finds, of a subject the matter was dispatched to graded by
	// the owner that dispatched it (the matter's owner, or the one that
	// handed the matter back to its platform since), or of the owner a
	// platform reported a matter for graded by that platform (though it
	// handed the matter back since), and at a stage the matter's history has —
	// 0; a stage 1 to the matter's Progress count (for a dispatched unit,
	// one that came after a dispatch naming it); or, once it is resolved
	// or closed, the final evaluation after its stages
	// ([Facts.Evaluation]).
	Matter func(id string) (*matters.Matter, bool)
}

// dutiesOK reports whether e's names are clean and its subject is not its
// evaluator: the checks of duty every Record makes.
func dutiesOK(e *Evaluation) bool {
	return e.Subject != e.Evaluator && names.Clean(e.Matter) && names.Clean(e.Subject) && names.Clean(e.Evaluator)
}

// check reports what in e, an evaluation or amendment (what says which),
// the options refuse: a grade off the scale or points that disagree with
// it, and an evaluation its matter's history does not allow. Each error
// wraps ErrInvalid and names e by its key.
func (o *BookOptions) check(e *Evaluation, what string) []error {
	if o == nil {
		return nil
	}
	var errs []error
	if len(o.Scale) > 0 {
		if why := o.pointsDisagree(e.Result); why != "" {
			errs = append(errs, optionError(what, e, why))
		}
	}
	if o.Matter != nil {
		if why := historyRefuses(o.Matter, e); why != "" {
			errs = append(errs, optionError(what, e, why))
		}
	}
	return errs
}

// optionError returns the error for e, an evaluation or amendment (what says
// which), that the options refuse for the reason why.
func optionError(what string, e *Evaluation, why string) error {
	return fmt.Errorf("%w: %s: %s", ErrInvalid, describeKey(what, e), why)
}

// pointsDisagree says why r's points do not agree with its grade on the
// scale, or returns "".
func (o *BookOptions) pointsDisagree(r Result) string {
	g, ok := o.Scale.Grade(r.Grade)
	if !ok {
		return fmt.Sprintf("grade %s is not on the scale in force", errtext.Quote(r.Grade))
	}
	if r.Points.Equal(g.Points) {
		return ""
	}
	if o.Bands && r.Points.GreaterThan(g.Points) {
		next, above := g, false
		for _, c := range o.Scale {
			if c.Points.GreaterThan(g.Points) && (!above || c.Points.LessThan(next.Points)) {
				next, above = c, true
			}
		}
		if above && r.Points.LessThan(next.Points) {
			return ""
		}
		return fmt.Sprintf("points %s are outside the band of grade %s (%s up to %s)", jsonx.FormatDecimal(r.Points), errtext.Quote(r.Grade), jsonx.FormatDecimal(g.Points), bandTop(next, above))
	}
	if o.Bands {
		return fmt.Sprintf("points %s are below grade %s (%s)", jsonx.FormatDecimal(r.Points), errtext.Quote(r.Grade), jsonx.FormatDecimal(g.Points))
	}
	// Points in jsonx's form, not String's, which decimal's settings change.
	return fmt.Sprintf("points %s are not those of grade %s (%s)", jsonx.FormatDecimal(r.Points), errtext.Quote(r.Grade), jsonx.FormatDecimal(g.Points))
}

func bandTop(next Grade, above bool) string {
	if !above {
		return "itself: the top grade"
	}
	return "not including " + jsonx.FormatDecimal(next.Points)
}

// historyRefuses says why the matter's history does not allow e, or
// returns "".
func historyRefuses(find func(string) (*matters.Matter, bool), e *Evaluation) string {
	m, ok := find(e.Matter)
	if !ok || m == nil {
		return "no such matter"
	}
	// The owner a platform reported the matter for, and the platform, are
	// the Report's: an owner that handed the matter back (its approved
	// Return) is no longer m.Owner, and the platform now is, but the
	// stages graded before are still the history's.
	var owner, platform string
	if len(m.Events) > 0 {
		if r := &m.Events[0]; r.Kind == matters.Report && len(r.Units) == 1 && r.Units[0] != r.Actor {
			owner, platform = r.Units[0], r.Actor
		}
	}
	to, by := dispatchedTo(m, e.Subject, e.Evaluator)
	switch {
	case e.Subject == owner:
		if e.Evaluator != platform {
			return fmt.Sprintf("the owner %s of a matter the platform %s reported is graded by the platform, not %s", errtext.Quote(owner), errtext.Quote(platform), errtext.Quote(e.Evaluator))
		}
	case !to:
		return fmt.Sprintf("the matter was never dispatched to %s", errtext.Quote(e.Subject))
	case !by:
		return fmt.Sprintf("a unit the matter was dispatched to is graded by the owner that dispatched it (now %s), not %s", errtext.Quote(m.Owner), errtext.Quote(e.Evaluator))
	}
	final := m.State == matters.Resolved || m.State == matters.Closed
	if n := m.Stage; e.Stage != 0 && (e.Stage > n+1 || e.Stage == n+1 && (n == 0 || !final)) {
		return fmt.Sprintf("stage %d is not in the matter's history (%d stages, final %v)", e.Stage, n, final)
	}
	if e.Stage > 0 && e.Stage <= m.Stage && e.Subject != owner && !dispatchedBefore(m, e.Subject, e.Stage) {
		return fmt.Sprintf("stage %d came before the matter was dispatched to %s", e.Stage, errtext.Quote(e.Subject))
	}
	return ""
}

// dispatchedBefore reports whether a Dispatch of m named unit before the
// matter's Progress of the given stage (1 for its first).
func dispatchedBefore(m *matters.Matter, unit string, stage int) bool {
	for i := range m.Events {
		switch e := &m.Events[i]; {
		case e.Kind == matters.Dispatch && slices.Contains(e.Units, unit):
			return true
		case e.Kind == matters.Progress:
			if stage--; stage == 0 {
				return false
			}
		}
	}
	return false
}

// dispatchedTo reports whether some Dispatch of m named unit, and
// whether one by evaluator did: the owner that dispatched a unit grades
// it, though it hand the matter back to its platform later.
func dispatchedTo(m *matters.Matter, unit, evaluator string) (to, by bool) {
	for i := range m.Events {
		if e := &m.Events[i]; e.Kind == matters.Dispatch && slices.Contains(e.Units, unit) {
			to, by = true, by || e.Actor == evaluator
		}
	}
	return to, by
}

// checks reports whether the options refuse anything every book takes.
func (o *BookOptions) checks() bool {
	return o != nil && (len(o.Scale) > 0 || o.Matter != nil || o.AmendWithin > 0 || o.Now != nil)
}

// checkWhen returns the error for amendment a, of the evaluation made at
// orig, dated outside the options' window, or nil.
func (o *BookOptions) checkWhen(a *Evaluation, orig time.Time) error {
	if why := o.amendmentWhen(a.At, orig); why != "" {
		return optionError("amendment", a, why)
	}
	return nil
}

// amendmentWhen says why an amendment's time is refused against the
// evaluation it corrects, made at orig, or returns "".
func (o *BookOptions) amendmentWhen(at, orig time.Time) string {
	if o == nil || o.AmendWithin <= 0 && o.Now == nil {
		return ""
	}
	now := time.Now
	if o.Now != nil {
		now = o.Now
	}
	switch n := now(); {
	case at.Before(orig):
		return fmt.Sprintf("dated %s, before the evaluation it corrects (%s)", at.Format(time.RFC3339), orig.Format(time.RFC3339))
	case at.After(n):
		return fmt.Sprintf("dated %s, in the future (now %s)", at.Format(time.RFC3339), n.Format(time.RFC3339))
	case o.AmendWithin > 0 && at.Sub(orig) > o.AmendWithin:
		return fmt.Sprintf("dated %s, more than %s after the evaluation it corrects (%s)", at.Format(time.RFC3339), o.AmendWithin, orig.Format(time.RFC3339))
	}
	return ""
}
