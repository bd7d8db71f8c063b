package canon

import (
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring"
)

// The three payloads: for each, the function that writes it and the
// schema that checks it, member by member in the order of the struct's
// fields, as encoding/json writes them. A new field of one of these types
// is a member of both (and a line of the package documentation of
// journal, which TestSpecNamesEveryMember checks).

// AppendEvent appends the canonical form of a matters.Event. An error
// (naming the member) is returned for a value that has no canonical form:
// a string that is not valid UTF-8 or is longer than jsonx.MaxString, a
// time outside the years 0000 to 9999, a kind that is not named.
func AppendEvent(b []byte, e *matters.Event) ([]byte, error) {
	var enc Encoder
	return enc.AppendEvent(b, e)
}

// AppendEvent is the function AppendEvent, with the encoder's memory.
func (enc *Encoder) AppendEvent(b []byte, e *matters.Event) ([]byte, error) {
	enc.start(b)
	enc.str(`{"matter":`, e.Matter)
	enc.int(`,"seq":`, e.Seq)
	enc.at(`,"at":`, e.At)
	if e.Kind != 0 {
		enc.code(`,"kind":`, eventKinds, int(e.Kind))
	}
	if e.Actor != "" {
		enc.str(`,"actor":`, e.Actor)
	}
	if e.Type != "" {
		enc.str(`,"type":`, e.Type)
	}
	if len(e.Units) > 0 {
		enc.strs(`,"units":`, e.Units)
	}
	if e.Routes != "" {
		enc.str(`,"routes":`, e.Routes)
	}
	if e.Override != "" {
		enc.str(`,"override":`, e.Override)
	}
	if e.Note != "" {
		enc.str(`,"note":`, e.Note)
	}
	if e.Satisfied != nil {
		enc.bool(`,"satisfied":`, *e.Satisfied)
	}
	if e.Solved != nil {
		enc.bool(`,"solved":`, *e.Solved)
	}
	if e.Days != 0 {
		enc.int(`,"days":`, e.Days)
	}
	if e.Ref != 0 {
		enc.int(`,"ref":`, e.Ref)
	}
	if e.Supervisor != "" {
		enc.str(`,"supervisor":`, e.Supervisor)
	}
	return enc.end('}')
}

// Event is the schema of a matters.Event.
var Event = newSchema(
	text("matter", required),
	integer("seq", required),
	instant("at"),
	code("kind", eventKinds),
	text("actor", omitEmpty),
	text("type", omitEmpty),
	texts("units"),
	text("routes", omitEmpty),
	text("override", omitEmpty),
	text("note", omitEmpty),
	flag("satisfied"),
	flag("solved"),
	integer("days", omitEmpty),
	integer("ref", omitEmpty),
	text("supervisor", omitEmpty),
)

// eventKinds are the codes of matters.Kind, by value - 1.
var eventKinds = func() (codes []string) {
	for k := matters.Kind(1); ; k++ {
		c, err := k.MarshalText()
		if err != nil {
			return codes
		}
		codes = append(codes, string(c))
	}
}()

// AppendEvaluation appends the canonical form of a scoring.Evaluation. Its
// errors are those of AppendEvent, a decimal longer than 64 characters,
// and a reason its decoder refuses: a rule below 0, places outside 0 to
// reason.MaxPlaces, more than reason.MaxList checks or figures.
func AppendEvaluation(b []byte, e *scoring.Evaluation) ([]byte, error) {
	var enc Encoder
	return enc.AppendEvaluation(b, e)
}

// AppendEvaluation is the function AppendEvaluation, with the encoder's
// memory.
func (enc *Encoder) AppendEvaluation(b []byte, e *scoring.Evaluation) ([]byte, error) {
	enc.start(b)
	enc.evaluation(e)
	return enc.end('}')
}

// evaluation writes an evaluation's members, without the closing brace:
// an amendment's members follow them.
func (enc *Encoder) evaluation(e *scoring.Evaluation) {
	enc.str(`{"matter":`, e.Matter)
	enc.str(`,"subject":`, e.Subject)
	enc.str(`,"evaluator":`, e.Evaluator)
	if e.Stage != 0 {
		enc.int(`,"stage":`, e.Stage)
	}
	enc.at(`,"at":`, e.At)
	r := &e.Result
	key := `,"result":{"points":`
	if r.Grade != "" {
		enc.str(`,"result":{"grade":`, r.Grade)
		key = `,"points":`
	}
	enc.decimal(key, r.Points)
	if r.Policy != "" {
		enc.str(`,"policy":`, r.Policy)
	}
	if len(r.Reasons) > 0 {
		enc.reasonList(`,"reasons":`, r.Reasons)
	}
	enc.b = append(enc.b, '}')
	if e.Facts != nil {
		enc.facts(`,"facts":`, e.Facts)
	}
}

// Result is the schema of a scoring.Result, the member "result" of an
// evaluation.
var Result = newSchema(
	text("grade", omitEmpty),
	number("points"),
	text("policy", omitEmpty),
	reasons("reasons"),
)

// Evaluation is the schema of a scoring.Evaluation.
var Evaluation = newSchema(evaluationMembers...)

var evaluationMembers = []member{
	text("matter", required),
	text("subject", required),
	text("evaluator", required),
	integer("stage", omitEmpty),
	instant("at"),
	object("result", Result),
	optionalObject("facts", Facts),
}

// AppendAmendment appends the canonical form of a scoring.Amendment: the
// members of its embedded Evaluation, then its own. Its errors are those
// of AppendEvaluation, and an empty Author or Reason: an amendment names
// both, and one without either has no canonical form.
func AppendAmendment(b []byte, a *scoring.Amendment) ([]byte, error) {
	var enc Encoder
	return enc.AppendAmendment(b, a)
}

// AppendAmendment is the function AppendAmendment, with the encoder's
// memory.
func (enc *Encoder) AppendAmendment(b []byte, a *scoring.Amendment) ([]byte, error) {
	enc.start(b)
	enc.evaluation(&a.Evaluation)
	enc.named(`,"author":`, a.Author)
	enc.named(`,"reason":`, a.Reason)
	return enc.end('}')
}

// Amendment is the schema of a scoring.Amendment.
var Amendment = newSchema(append(append([]member(nil), evaluationMembers...),
	named("author"),
	named("reason"),
)...)
