package scoring

import (
	"errors"
	"fmt"
	"math"
	"time"
	"unicode/utf8"

	"github.com/qingdan/qingdan/internal/errtext"
	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/qingdan/qingdan/internal/names"
	"github.com/qingdan/qingdan/scoring/internal/ledger"
	"github.com/qingdan/qingdan/scoring/reason"
)

// Evaluation is one recorded grade: the Result an evaluator (the matter's
// owner) gave a subject (the unit that answered) on a matter, at a stage
// (0 for a matter graded once; 1, 2, … for the stages of a long matter,
// 分时段) and a time. The key of an evaluation is its Matter, Subject,
// Evaluator and Stage: a [Book] holds one evaluation per key.
//
// Facts, when set, are the facts the Result was graded on: the decision
// record a journal keeps beside the grade (a host that grades by hand
// leaves them nil). They must be of the same matter, subject and
// evaluator, and give the evaluation's Stage (see [Facts.Evaluation]). A
// Book checks them but does not keep them: it keeps what scores need, a
// few bytes an evaluation, and the journal keeps the record; what a Book
// gives back has Facts nil.
type Evaluation struct {
	Matter    string    `json:"matter"`
	Subject   string    `json:"subject"`
	Evaluator string    `json:"evaluator"`
	Stage     int       `json:"stage,omitempty"`
	At        time.Time `json:"at"`
	Result    Result    `json:"result"`
	Facts     *Facts    `json:"facts,omitempty"`
}

// Amendment corrects an evaluation already in a book. The original stays
// on record; among the amendments of one evaluation the latest counts —
// the one with the latest At, and among amendments made at the same
// instant the one that sorts last by grade, points (by value), policy,
// reasons, author and reason, so that the choice never depends
// on the order amendments arrive. The embedded Evaluation is the corrected
// evaluation: same Matter, Subject, Evaluator and Stage as the original;
// its At is when the correction was made, its Result the corrected grade.
// Author and Reason are required.
type Amendment struct {
	Evaluation        // the corrected evaluation: same Matter, Subject, Evaluator and Stage as the original
	Author     string `json:"author"`
	Reason     string `json:"reason"`
}

// UnmarshalJSON reads an evaluation as encoding/json writes it, strictly,
// as a [Book] reads its evaluations: a key Evaluation does not have, a key
// given twice or in another case, text that is not UTF-8, and a Result or
// Facts their own UnmarshalJSON refuses are errors; it is read within the
// bounds of the library's decoders (a string longer than 4 MiB, a number
// longer than 64 characters, nesting deeper than 64). It checks no more
// than the form: [Book.Record] checks the evaluation. Null leaves e
// alone. Errors wrap [ErrInvalid].
func (e *Evaluation) UnmarshalJSON(b []byte) error {
	var w evaluationWire
	return jsonx.UnmarshalVia(b, &w, ErrInvalid, "evaluation", func() { *e = w.evaluation() })
}

// UnmarshalJSON reads an amendment as encoding/json writes it: its
// evaluation's fields beside Author and Reason, as strictly and within
// the same bounds as [Evaluation.UnmarshalJSON] reads an evaluation. Null
// leaves a alone. Errors wrap [ErrInvalid].
func (a *Amendment) UnmarshalJSON(b []byte) error {
	var w amendmentWire
	return jsonx.UnmarshalVia(b, &w, ErrInvalid, "amendment", func() {
		*a = Amendment{Evaluation: w.evaluation(), Author: w.Author, Reason: w.Reason}
	})
}

// quickValid reports whether e has every name, clean, a subject other
// than its evaluator, a stage in range, a time and a grade, and whether
// JSON can write its time and points and read them and its texts back:
// the checks Record makes before it takes the book's lock. The book checks
// the rest — valid UTF-8, reasons that fit and that JSON can read back —
// as it looks the names up (reasons only when they are not those it
// stored last for the same grade and policy).
func quickValid(e *Evaluation) bool {
	return e.Matter != "" && e.Subject != "" && e.Evaluator != "" && e.Stage >= 0 && e.Stage <= math.MaxInt32 &&
		!e.At.IsZero() && e.Result.Grade != "" && dutiesOK(e) && jsonx.TimeFits(e.At) && jsonx.DecimalFits(e.Result.Points) && textsFit(e) && factsAgree(e)
}

// factsAgree reports whether e has no facts, or facts of its matter,
// subject and evaluator that give its stage.
func factsAgree(e *Evaluation) bool {
	f := e.Facts
	return f == nil || f.Matter == e.Matter && f.Subject == e.Subject && f.Evaluator == e.Evaluator && f.evaluationStage() == e.Stage
}

// reasonsValid returns the first problem of a reason that JSON could not
// read back.
func reasonsValid(rs []reason.Reason) error {
	for i := range rs {
		if err := rs[i].Validate(); err != nil {
			return fmt.Errorf("reasons[%d]: %w", i, err)
		}
	}
	return nil
}

// textsFit reports whether each name of e is at most jsonx.MaxString
// bytes, the longest string a JSON decoder of the library reads (reasons
// are bounded by the book as a whole: see ledger.ReasonsFit).
func textsFit(e *Evaluation) bool {
	return len(e.Matter) <= jsonx.MaxString && len(e.Subject) <= jsonx.MaxString && len(e.Evaluator) <= jsonx.MaxString &&
		len(e.Result.Grade) <= jsonx.MaxString && len(e.Result.Policy) <= jsonx.MaxString
}

// check reports every problem of an evaluation, or of what (an
// amendment), joined, each wrapping [ErrInvalid] and naming it by its key.
func check(what string, e *Evaluation) error {
	if quickValid(e) && validUTF8(e) && ledger.ReasonsFit(e.Result.Reasons) && reasonsValid(e.Result.Reasons) == nil {
		return nil
	}
	var errs []error
	at := describeKey(what, e)
	for _, p := range []struct {
		bad  bool
		what string
	}{
		{e.Matter == "", "no matter"},
		{e.Subject == "", "no subject"},
		{e.Evaluator == "", "no evaluator"},
		{e.Stage < 0 || e.Stage > math.MaxInt32, "stage out of range"},
		{e.At.IsZero(), "no time"},
		{!e.At.IsZero() && !jsonx.TimeFits(e.At), "a time outside the years 1 to 9999, or in a zone whose offset is not whole minutes under 24 hours (JSON could not write it or read it back)"},
		{e.Result.Grade == "", "not evaluated (no grade)"},
		{!jsonx.DecimalFits(e.Result.Points), fmt.Sprintf("points of more than %d characters (JSON could not read them back)", jsonx.MaxDecimalLen)},
		{!textsFit(e), fmt.Sprintf("a name longer than %d bytes (JSON could not read it back)", jsonx.MaxString)},
		{!ledger.ReasonsFit(e.Result.Reasons), "reasons longer than 4 MiB"},
		{reasonsValid(e.Result.Reasons) != nil, fmt.Sprint("a reason JSON could not read back: ", reasonsValid(e.Result.Reasons))},
		{!factsAgree(e), "facts of another matter, subject, evaluator or stage"},
		{!validUTF8(e), "text that is not valid UTF-8 (JSON could not keep it)"},
		{e.Subject != "" && e.Subject == e.Evaluator, "the subject grades itself: the graded unit is never its own evaluator"},
		{!names.Clean(e.Matter) || !names.Clean(e.Subject) || !names.Clean(e.Evaluator),
			"a name with white space at an end, or a control or invisible character: write each unit's name one way"},
	} {
		if p.bad {
			errs = append(errs, fmt.Errorf("%w: %s: %s", ErrInvalid, at, p.what))
		}
	}
	return errors.Join(errs...)
}

// validUTF8 reports whether every text of e is valid UTF-8.
func validUTF8(e *Evaluation) bool {
	if !utf8.ValidString(e.Matter) || !utf8.ValidString(e.Subject) || !utf8.ValidString(e.Evaluator) ||
		!utf8.ValidString(e.Result.Grade) || !utf8.ValidString(e.Result.Policy) {
		return false
	}
	for i := range e.Result.Reasons {
		r := &e.Result.Reasons[i]
		if !utf8.ValidString(r.Name) || !utf8.ValidString(r.Text) || !utf8.ValidString(r.Type) {
			return false
		}
	}
	return true
}

// checkAmendment reports every problem of an amendment, as check does.
func checkAmendment(a *Amendment) error {
	err := check("amendment", &a.Evaluation)
	at := describeKey("amendment", &a.Evaluation)
	bad := func(format string, args ...any) {
		err = errors.Join(err, fmt.Errorf("%w: %s: "+format, append([]any{ErrInvalid, at}, args...)...))
	}
	if a.Author == "" {
		bad("no author")
	}
	if len(a.Author) > jsonx.MaxString || len(a.Reason) > jsonx.MaxString {
		bad("author or reason longer than %d bytes", jsonx.MaxString)
	}
	if !utf8.ValidString(a.Author) || !utf8.ValidString(a.Reason) {
		bad("author or reason is not valid UTF-8")
	}
	if a.Reason == "" {
		bad("no reason")
	}
	if a.Author != "" && a.Author == a.Subject {
		bad("its author %s is the graded subject, who never amends its own grade", errtext.Quote(a.Author))
	}
	if !names.Clean(a.Author) {
		bad("its author %s has white space at an end, or a control or invisible character", errtext.Quote(a.Author))
	}
	return err
}

// setEntry sets en to an evaluation as the book's ledger takes it, field
// by field (a function returning an Entry would copy it twice). The
// evaluation's stage must be in range (see quickValid).
func setEntry(en *ledger.Entry, e *Evaluation) {
	en.Matter, en.Subject, en.Evaluator, en.Stage = e.Matter, e.Subject, e.Evaluator, int32(e.Stage)
	en.At, en.Grade, en.Policy, en.Points, en.Reasons = e.At, e.Result.Grade, e.Result.Policy, e.Result.Points, e.Result.Reasons
}

// evaluationOf returns an entry of the book's ledger as an evaluation, its
// time in China Standard Time.
func evaluationOf(e *ledger.Entry) Evaluation {
	return Evaluation{Matter: e.Matter, Subject: e.Subject, Evaluator: e.Evaluator, Stage: int(e.Stage), At: e.At.In(cst),
		Result: Result{Grade: e.Grade, Points: e.Points, Policy: e.Policy, Reasons: e.Reasons}}
}
