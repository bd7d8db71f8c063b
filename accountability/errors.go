package accountability

import "errors"

// Sentinel errors. Functions wrap them with the item at fault, so test with
// [errors.Is]. Each says which package it is from, "accountability:
// invalid", as the other packages' sentinels do ("matters: invalid"), so
// that a message names the package that refused the input wherever it is
// read; an enum's parse error gives the text without it, after the
// package's own ("accountability: unknown category …: invalid").
var (
	// ErrInvalid reports invalid input: text that is no code, Chinese label
	// or alias of an enum (from a ParseX function, UnmarshalText or a
	// spreadsheet cell), an enum value that is not named (from
	// MarshalText), and a register with errors: every error of
	// [Findings.Err] wraps it.
	ErrInvalid = errors.New("accountability: invalid")

	// ErrDuplicateStep reports two steps of one flow with one ID.
	ErrDuplicateStep = errors.New("accountability: duplicate step")

	// ErrUnknownStep reports an edge whose end names no step of its flow.
	ErrUnknownStep = errors.New("accountability: unknown step")

	// ErrCycle reports a flowchart with a cycle; the error is a *[CycleError].
	ErrCycle = errors.New("accountability: cycle")

	// ErrNoPath reports a flowchart with no path from a Start step to an
	// End step.
	ErrNoPath = errors.New("accountability: no path from start to end")

	// ErrRange reports a likelihood or impact outside 1–5, or a [Matrix]
	// whose thresholds are not 1 ≤ Medium ≤ High.
	ErrRange = errors.New("accountability: out of range")

	// ErrRule reports a [Rule] that cannot run: no name, a name used twice,
	// no Doc or no Check.
	ErrRule = errors.New("accountability: invalid rule")

	// ErrCell reports a bad cell of an imported spreadsheet; see [CSVError].
	ErrCell = errors.New("accountability: bad cell")
)
