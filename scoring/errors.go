package scoring

import "errors"

// ErrDuplicate reports a second evaluation of the same matter, subject,
// evaluator and stage, a second identical amendment, or books that overlap
// when merged.
var ErrDuplicate = errors.New("scoring: duplicate evaluation")

// ErrNotFound reports an amendment of an evaluation that the book does not
// hold.
var ErrNotFound = errors.New("scoring: evaluation not found")

// ErrInvalid reports input that breaks a documented rule: a scale with a
// duplicate grade, a table rule with an unknown grade, weights of a
// [Weighted] combination that do not sum to exactly 1, an evaluation
// without a matter, and so on. The wrapping message names the item.
var ErrInvalid = errors.New("scoring: invalid")

// ErrNoRule reports facts that no rule of a table matches. A validated table
// never returns it.
var ErrNoRule = errors.New("scoring: no rule matches")

// ErrRefused reports that every evaluator of a combination refused.
var ErrRefused = errors.New("scoring: evaluator refused")
