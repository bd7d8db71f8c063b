package whatif

import (
	"github.com/qingdan/qingdan/scoring"
)

// Change is one recorded evaluation whose grade a what-if policy changes:
// its key (Stage, as a [scoring.Book] keeps it, from 0 to 2147483647); Old, the Result that counts in the recorded book (amendments
// applied), with its Policy and its Reasons, which name the rule that
// fired; and New, the Result the what-if policy gives the same facts.
// Changes whose Old recorded the same reasons may share them (see
// scoring.Book.All): copy a Reasons before modifying it.
type Change struct {
	Matter    string         `json:"matter"`
	Subject   string         `json:"subject"`
	Evaluator string         `json:"evaluator"`
	Stage     int            `json:"stage,omitempty"`
	Old       scoring.Result `json:"old"`
	New       scoring.Result `json:"new"`
}

// SubjectChange is a subject whose score in the period differs between
// the recorded book (Old) and the what-if book (New): another composite or
// another rank. A Score is zero on the side where the subject has none.
type SubjectChange struct {
	Subject string        `json:"subject"`
	Old     scoring.Score `json:"old"`
	New     scoring.Score `json:"new"`
}

// Report is what a policy would have done to a recorded book: Book, a new
// book holding every recorded evaluation regraded (same keys and times,
// the new Results); Changes, the evaluations whose grade or points change,
// ordered by matter, subject, evaluator and stage; and Subjects, the
// subjects whose composite or rank changes in the period, ordered by
// subject. Its JSON holds Changes and Subjects (see [Report.UnmarshalJSON]);
// the what-if book is written on its own, by its MarshalJSON.
type Report struct {
	Book     *scoring.Book   `json:"-"`
	Changes  []Change        `json:"changes"`
	Subjects []SubjectChange `json:"subjects"`
}
