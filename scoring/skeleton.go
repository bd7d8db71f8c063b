package scoring

// SKELETON written by the lead: the scoring helper owns this package and will
// split this file into one file per concept. The exported names and fields
// below are the contract (DESIGN.md §3) that the journal and the examples are
// built against.

import (
	"errors"
	"time"

	"github.com/shopspring/decimal"
)

// ErrDuplicate reports a second evaluation of the same matter, subject, evaluator and stage.
var ErrDuplicate = errors.New("scoring: duplicate evaluation")

// Grade is one grade of a scale.
type Grade struct {
	Code   string          `json:"code"`
	Label  string          `json:"label,omitempty"`
	Points decimal.Decimal `json:"points"`
}

// Scale is an ordered set of grades.
type Scale []Grade

// Facts are the figures of one unit's response to one matter.
type Facts struct {
	Matter          string            `json:"matter,omitempty"`
	Subject         string            `json:"subject,omitempty"`
	Evaluator       string            `json:"evaluator,omitempty"`
	Type            string            `json:"type,omitempty"`
	Stage           int               `json:"stage,omitempty"`
	Final           bool              `json:"final,omitempty"`
	Response        time.Duration     `json:"response,omitempty"`
	ResponseLimit   time.Duration     `json:"responseLimit,omitempty"`
	Resolution      time.Duration     `json:"resolution,omitempty"`
	ResolutionLimit time.Duration     `json:"resolutionLimit,omitempty"`
	Responded       bool              `json:"responded,omitempty"`
	Resolved        bool              `json:"resolved,omitempty"`
	Returned        bool              `json:"returned,omitempty"`
	Quality         int               `json:"quality,omitempty"`
	Satisfied       *bool             `json:"satisfied,omitempty"`
	Attrs           map[string]string `json:"attrs,omitempty"`
}

// Result is an evaluator's verdict; the zero Result means "not evaluated".
type Result struct {
	Grade   string          `json:"grade,omitempty"`
	Points  decimal.Decimal `json:"points"`
	Policy  string          `json:"policy,omitempty"`
	Reasons []string        `json:"reasons,omitempty"`
}

// Evaluator grades facts.
type Evaluator interface {
	Evaluate(Facts) (Result, error)
}

// EvaluatorFunc adapts a function to Evaluator.
type EvaluatorFunc func(Facts) (Result, error)

// Evaluate calls f.
func (f EvaluatorFunc) Evaluate(x Facts) (Result, error) { return f(x) }

// Evaluation is one recorded grade.
type Evaluation struct {
	Matter    string    `json:"matter"`
	Subject   string    `json:"subject"`
	Evaluator string    `json:"evaluator"`
	Stage     int       `json:"stage,omitempty"`
	At        time.Time `json:"at"`
	Result    Result    `json:"result"`
}

// Amendment corrects an evaluation already in a book: the original stays,
// the latest amendment counts.
type Amendment struct {
	Evaluation        // the corrected evaluation: same Matter, Subject, Evaluator and Stage as the original
	Author     string `json:"author"`
	Reason     string `json:"reason"`
}

// Book is the evaluation book.
type Book struct{}

// NewBook returns an empty book.
func NewBook() *Book { return &Book{} }

// Record records one evaluation.
func (b *Book) Record(e Evaluation) error { panic("skeleton") }

// Amend records an amendment of an evaluation already recorded.
func (b *Book) Amend(a Amendment) error { panic("skeleton") }

// Merge merges another book into b.
func (b *Book) Merge(o *Book) error { panic("skeleton") }

// Scores returns each subject's score over a period.
func (b *Book) Scores(p Period) []Score { panic("skeleton") }

// Score is one subject's score over a period.
type Score struct {
	Subject     string          `json:"subject"`
	Matters     int             `json:"matters"`
	Evaluations int             `json:"evaluations"`
	Composite   decimal.Decimal `json:"composite"`
	Grades      map[string]int  `json:"grades,omitempty"`
	Rank        int             `json:"rank"`
}

// Period is a half-open span of time.
type Period struct {
	From time.Time `json:"from"`
	To   time.Time `json:"to"`
}
