package scoring

import "time"

// Evaluation is one recorded grade: the Result an evaluator (the matter's
// owner) gave a subject (the unit that answered) on a matter, at a stage
// (0 for a matter graded once; 1, 2, … for the stages of a long matter,
// 分时段) and a time. The key of an evaluation is its Matter, Subject,
// Evaluator and Stage: a [Book] holds one evaluation per key.
type Evaluation struct {
	Matter    string    `json:"matter"`
	Subject   string    `json:"subject"`
	Evaluator string    `json:"evaluator"`
	Stage     int       `json:"stage,omitempty"`
	At        time.Time `json:"at"`
	Result    Result    `json:"result"`
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
