package scoring

import (
	"encoding/json"
	"fmt"
	"math"
	"time"

	"github.com/qingdan/qingdan/internal/jsonx"
)

// Facts are the figures of one unit's answer to one matter, the input of an
// [Evaluator]. [FactsFor] reads them off a matter's history; a host without
// package matters fills them itself. The zero Facts is a matter about which
// nothing is known: not responded, not resolved, no limits.
//
// Durations are working time. A limit of 0 (or less) means "no limit": a
// ratio against it counts as 0, never a division by zero. In JSON the
// durations are Go duration strings ("4h0m0s"), and only those are read.
type Facts struct {
	Matter    string `json:"matter,omitempty"`
	Subject   string `json:"subject,omitempty"`   // the unit graded
	Evaluator string `json:"evaluator,omitempty"` // the matter's owner, who grades
	Type      string `json:"type,omitempty"`      // the matter type
	// Stage is the number of Progress events so far (分时段); 0 for a
	// matter graded once. A book keeps the final evaluation of a staged
	// matter after its stages: see [Facts.Evaluation].
	Stage int `json:"stage,omitempty"`
	// Final reports that the matter is resolved or closed, and the facts
	// are not a stage's ([FactsFor]: a stage of a resolved matter is not
	// Final).
	Final bool `json:"final,omitempty"`
	// Response is the working time from the Dispatch to the unit's Accept,
	// less suspended time; so far, when the unit has not accepted.
	Response      time.Duration `json:"response,omitempty"`
	ResponseLimit time.Duration `json:"responseLimit,omitempty"`
	// Resolution is the working time from the Dispatch to the Resolve, less
	// suspended time; so far, when the matter is not resolved.
	Resolution      time.Duration `json:"resolution,omitempty"`
	ResolutionLimit time.Duration `json:"resolutionLimit,omitempty"`
	Responded       bool          `json:"responded,omitempty"`
	Resolved        bool          `json:"resolved,omitempty"`
	Returned        bool          `json:"returned,omitempty"` // the unit asked to return the matter (退单), approved or not
	// Urged and Supervised count the urgings (催办) and supervisions
	// (督办) of the matter while the unit was on it: a matter that needed
	// supervision was not handled well, whatever its times.
	Urged      int  `json:"urged,omitempty"`
	Supervised int  `json:"supervised,omitempty"`
	Replied    bool `json:"replied,omitempty"` // the unit answered the citizen (答复)
	// Quality is the sub-district's judgement from 1 to 5; 0 = not given.
	// A [Table] refuses any other value, and a negative Urged or Supervised.
	Quality int `json:"quality,omitempty"`
	// Satisfied is the citizen's answer; nil = not asked or no answer.
	Satisfied *bool `json:"satisfied,omitempty"`
	// Attrs carries whatever else a host's evaluators need. Evaluators
	// read it and must neither change nor keep it.
	Attrs map[string]string `json:"attrs,omitempty"`
}

// factsFields has the fields of Facts and none of its methods.
type factsFields Facts

// MarshalJSON writes the durations as Go duration strings.
//
// The keys keep the order of the fields: a journal hashes the facts of an
// evaluation as they are written, so the form is spelt out here rather
// than shadowed in an embedded copy, which would move the durations to
// the end.
func (f Facts) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Matter          string            `json:"matter,omitempty"`
		Subject         string            `json:"subject,omitempty"`
		Evaluator       string            `json:"evaluator,omitempty"`
		Type            string            `json:"type,omitempty"`
		Stage           int               `json:"stage,omitempty"`
		Final           bool              `json:"final,omitempty"`
		Response        jsonx.Duration    `json:"response,omitempty"`
		ResponseLimit   jsonx.Duration    `json:"responseLimit,omitempty"`
		Resolution      jsonx.Duration    `json:"resolution,omitempty"`
		ResolutionLimit jsonx.Duration    `json:"resolutionLimit,omitempty"`
		Responded       bool              `json:"responded,omitempty"`
		Resolved        bool              `json:"resolved,omitempty"`
		Returned        bool              `json:"returned,omitempty"`
		Urged           int               `json:"urged,omitempty"`
		Supervised      int               `json:"supervised,omitempty"`
		Replied         bool              `json:"replied,omitempty"`
		Quality         int               `json:"quality,omitempty"`
		Satisfied       *bool             `json:"satisfied,omitempty"`
		Attrs           map[string]string `json:"attrs,omitempty"`
	}{f.Matter, f.Subject, f.Evaluator, f.Type, f.Stage, f.Final, jsonx.Duration(f.Response), jsonx.Duration(f.ResponseLimit),
		jsonx.Duration(f.Resolution), jsonx.Duration(f.ResolutionLimit), f.Responded, f.Resolved, f.Returned,
		f.Urged, f.Supervised, f.Replied, f.Quality, f.Satisfied, f.Attrs})
}

// UnmarshalJSON reads durations as Go duration strings, and rejects unknown
// fields: a misspelt figure must not silently read as 0. It is read within
// the bounds of the library's decoders: a string longer than 4 MiB, a number
// longer than 64 characters and nesting deeper than 64 are errors. Errors
// wrap [ErrInvalid].
func (f *Facts) UnmarshalJSON(b []byte) error {
	*f = Facts{}
	w := factsJSON{factsFields: (*factsFields)(f)}
	if err := jsonx.Decode(b, &w); err != nil {
		return fmt.Errorf("%w: facts: %w", ErrInvalid, err)
	}
	f.Response, f.ResponseLimit = time.Duration(w.Response), time.Duration(w.ResponseLimit)
	f.Resolution, f.ResolutionLimit = time.Duration(w.Resolution), time.Duration(w.ResolutionLimit)
	return nil
}

// evaluationStage returns the stage of [Facts.Evaluation].
func (f Facts) evaluationStage() int {
	switch {
	case f.Final && f.Stage >= math.MaxInt32:
		return -1 // past the last stage a Book keeps
	case f.Final && f.Stage > 0:
		return f.Stage + 1
	}
	return f.Stage
}

// Evaluation returns the evaluation of these facts by result r at the
// instant at, ready for [Book.Record]: the facts' Matter, Subject and
// Evaluator, and the stage under which a Book keeps it, so that the
// evaluations of one matter by one evaluator never collide and a long
// matter graded in stages (分时段) counts once, as the mean of its stages:
//
//   - a matter without stages (Stage 0) is kept under stage 0;
//   - a stage of a long matter still under way (not Final) under its
//     Stage, the Progress count at the time: 1, 2, …;
//   - the final evaluation of a matter that had n stages (Final, Stage n)
//     under n+1, after its last stage.
//
// A negative Stage is kept as it is, and the final evaluation after a
// Stage of 2147483647 or more, past the last stage a Book keeps, is given
// stage -1: [Book.Record] refuses both (ErrInvalid), rather than keep a
// final evaluation under the key of a stage's own.
func (f Facts) Evaluation(at time.Time, r Result) Evaluation {
	return Evaluation{
		Matter: f.Matter, Subject: f.Subject, Evaluator: f.Evaluator,
		Stage: f.evaluationStage(), At: at, Result: r,
	}
}
