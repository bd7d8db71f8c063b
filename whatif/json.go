package whatif

import (
	"fmt"
	"math"

	"github.com/qingdan/qingdan/internal/errlist"
	"github.com/qingdan/qingdan/internal/jsonx"
)

// reportWire is the JSON form of a Report: its Changes and Subjects.
type reportWire struct {
	Changes  []Change        `json:"changes"`
	Subjects []SubjectChange `json:"subjects"`
}

// The JSON form registered, so that jsonx.Decode checks a Report inside
// whatever holds it in its first pass over the input.
var _ = jsonx.Wire[Report, reportWire]()

// UnmarshalJSON reads a report as encoding/json writes it, so that a saved
// what-if can be read back; the what-if book is not in it, and Book is
// left nil. The JSON is read strictly, within the bounds of the library's
// decoders: a field a report does not have, a key given twice or in
// another case, text that is not UTF-8, points of more than 64 characters
// and a string longer than 4 MiB are errors. So is what Regrade never
// writes: a change without matter, subject, evaluator or a grade on either
// side, with a stage outside 0 to 2147483647 (the stages a
// [scoring.Book] keeps) or that changes nothing; a subject without a
// name, whose score does not change or with a score of another subject;
// changes or subjects out of order or given twice (the first hundred
// problems are listed). Every error wraps
// [ErrInvalid], and any error leaves r as it was.
func (r *Report) UnmarshalJSON(b []byte) error {
	var w reportWire
	if err := jsonx.Decode(b, &w); err != nil {
		return fmt.Errorf("%w: report: %w", ErrInvalid, err)
	}
	var errs errlist.List
	for i := range w.Changes {
		c := &w.Changes[i]
		switch {
		case c.Matter == "" || c.Subject == "" || c.Evaluator == "":
			errs.Addf("%w: report: changes[%d]: no matter, subject or evaluator", ErrInvalid, i)
		case c.Stage < 0 || c.Stage > math.MaxInt32:
			errs.Addf("%w: report: changes[%d] (matter %q): stage %d out of range (a book keeps stages 0 to 2147483647)", ErrInvalid, i, c.Matter, c.Stage)
		case c.Old.Grade == "" || c.New.Grade == "":
			errs.Addf("%w: report: changes[%d] (matter %q): not evaluated on one side", ErrInvalid, i, c.Matter)
		case c.Old.Grade == c.New.Grade && c.Old.Points.Equal(c.New.Points):
			errs.Addf("%w: report: changes[%d] (matter %q): nothing changes", ErrInvalid, i, c.Matter)
		case i > 0 && compare(&w.Changes[i-1], c) >= 0:
			errs.Addf("%w: report: changes[%d] (matter %q): out of order or given twice", ErrInvalid, i, c.Matter)
		}
	}
	for i := range w.Subjects {
		s := &w.Subjects[i]
		switch {
		case s.Subject == "":
			errs.Addf("%w: report: subjects[%d]: no subject", ErrInvalid, i)
		case s.Old.Rank == s.New.Rank && s.Old.Composite.Equal(s.New.Composite):
			errs.Addf("%w: report: subjects[%d] (%q): nothing changes", ErrInvalid, i, s.Subject)
		case i > 0 && w.Subjects[i-1].Subject >= s.Subject:
			errs.Addf("%w: report: subjects[%d] (%q): out of order or given twice", ErrInvalid, i, s.Subject)
		case s.Old.Subject != "" && s.Old.Subject != s.Subject:
			errs.Addf("%w: report: subjects[%d] (%q): a score of subject %q", ErrInvalid, i, s.Subject, s.Old.Subject)
		case s.New.Subject != "" && s.New.Subject != s.Subject:
			errs.Addf("%w: report: subjects[%d] (%q): a score of subject %q", ErrInvalid, i, s.Subject, s.New.Subject)
		}
	}
	if err := errs.Err(ErrInvalid); err != nil {
		return err
	}
	*r = Report{Changes: w.Changes, Subjects: w.Subjects}
	return nil
}
