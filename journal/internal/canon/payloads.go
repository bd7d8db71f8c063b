package canon

import (
	"time"

	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring"
	"github.com/shopspring/decimal"
)

// The schemas of the three payloads: one row per member, in the order of
// the struct's fields, as encoding/json writes them. A new field of one of
// these types is a new row here (and a line of the package documentation
// of journal, which TestSpecNamesEveryMember checks).

// Event is the schema of a matters.Event.
var Event = newSchema(
	text("matter", func(e *matters.Event) *string { return &e.Matter }, !omitEmpty),
	integer("seq", func(e *matters.Event) *int { return &e.Seq }, !omitEmpty),
	instant("at", func(e *matters.Event) *time.Time { return &e.At }),
	code("kind", func(e *matters.Event) *matters.Kind { return &e.Kind }),
	text("actor", func(e *matters.Event) *string { return &e.Actor }, omitEmpty),
	text("type", func(e *matters.Event) *string { return &e.Type }, omitEmpty),
	texts("units", func(e *matters.Event) *[]string { return &e.Units }),
	text("note", func(e *matters.Event) *string { return &e.Note }, omitEmpty),
	flag("satisfied", func(e *matters.Event) **bool { return &e.Satisfied }),
)

// Result is the schema of a scoring.Result, the member "result" of an
// evaluation.
var Result = newSchema(
	text("grade", func(r *scoring.Result) *string { return &r.Grade }, omitEmpty),
	number("points", func(r *scoring.Result) *decimal.Decimal { return &r.Points }),
	text("policy", func(r *scoring.Result) *string { return &r.Policy }, omitEmpty),
	texts("reasons", func(r *scoring.Result) *[]string { return &r.Reasons }),
)

// Evaluation is the schema of a scoring.Evaluation.
var Evaluation = newSchema(
	text("matter", func(e *scoring.Evaluation) *string { return &e.Matter }, !omitEmpty),
	text("subject", func(e *scoring.Evaluation) *string { return &e.Subject }, !omitEmpty),
	text("evaluator", func(e *scoring.Evaluation) *string { return &e.Evaluator }, !omitEmpty),
	integer("stage", func(e *scoring.Evaluation) *int { return &e.Stage }, omitEmpty),
	instant("at", func(e *scoring.Evaluation) *time.Time { return &e.At }),
	object("result", func(e *scoring.Evaluation) *scoring.Result { return &e.Result }, Result),
)

// Amendment is the schema of a scoring.Amendment: the members of its
// embedded Evaluation, then its own.
var Amendment = newSchema(append(
	lift(func(a *scoring.Amendment) *scoring.Evaluation { return &a.Evaluation }, Evaluation),
	text("author", func(a *scoring.Amendment) *string { return &a.Author }, !omitEmpty),
	text("reason", func(a *scoring.Amendment) *string { return &a.Reason }, !omitEmpty),
)...)
