package canon

import (
	"fmt"
	"strconv"
	"strings"
	"time"

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
// a string that is not valid UTF-8, a time outside the years 0000 to 9999,
// a kind that is not named.
func AppendEvent(b []byte, e *matters.Event) ([]byte, error) {
	var err error
	b, err = str(b, `{"matter":`, e.Matter, err)
	b = strconv.AppendInt(append(b, `,"seq":`...), int64(e.Seq), 10)
	b, err = at(b, `,"at":`, e.At, err)
	if e.Kind != 0 {
		if e.Kind < 1 || int(e.Kind) > len(eventKinds) {
			return b, fmt.Errorf("kind: %d is not a kind: %w", int(e.Kind), errNoForm)
		}
		b = append(append(append(b, `,"kind":"`...), eventKinds[e.Kind-1]...), '"')
	}
	if e.Actor != "" {
		b, err = str(b, `,"actor":`, e.Actor, err)
	}
	if e.Type != "" {
		b, err = str(b, `,"type":`, e.Type, err)
	}
	if len(e.Units) > 0 {
		b, err = strs(b, `,"units":`, e.Units, err)
	}
	if e.Routes != "" {
		b, err = str(b, `,"routes":`, e.Routes, err)
	}
	if e.Override != "" {
		b, err = str(b, `,"override":`, e.Override, err)
	}
	if e.Note != "" {
		b, err = str(b, `,"note":`, e.Note, err)
	}
	if e.Satisfied != nil {
		b = strconv.AppendBool(append(b, `,"satisfied":`...), *e.Satisfied)
	}
	if e.Solved != nil {
		b = strconv.AppendBool(append(b, `,"solved":`...), *e.Solved)
	}
	if e.Days != 0 {
		b = strconv.AppendInt(append(b, `,"days":`...), int64(e.Days), 10)
	}
	if e.Ref != 0 {
		b = strconv.AppendInt(append(b, `,"ref":`...), int64(e.Ref), 10)
	}
	if e.Supervisor != "" {
		b, err = str(b, `,"supervisor":`, e.Supervisor, err)
	}
	return append(b, '}'), err
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
// errors are those of AppendEvent, and a decimal longer than 64
// characters.
func AppendEvaluation(b []byte, e *scoring.Evaluation) ([]byte, error) {
	b, err := evaluation(b, e)
	return append(b, '}'), err
}

// evaluation appends an evaluation's members, without the closing brace:
// an amendment's members follow them.
func evaluation(b []byte, e *scoring.Evaluation) ([]byte, error) {
	var err error
	b, err = str(b, `{"matter":`, e.Matter, err)
	b, err = str(b, `,"subject":`, e.Subject, err)
	b, err = str(b, `,"evaluator":`, e.Evaluator, err)
	if e.Stage != 0 {
		b = strconv.AppendInt(append(b, `,"stage":`...), int64(e.Stage), 10)
	}
	b, err = at(b, `,"at":`, e.At, err)
	r := &e.Result
	b = append(b, `,"result":{`...)
	if r.Grade != "" {
		b, err = str(b, `"grade":`, r.Grade, err)
		b = append(b, ',')
	}
	if err == nil {
		b, err = appendDecimal(append(b, `"points":`...), r.Points)
		err = named("points", err)
	}
	if r.Policy != "" {
		b, err = str(b, `,"policy":`, r.Policy, err)
	}
	if len(r.Reasons) > 0 {
		b, err = strs(b, `,"reasons":`, r.Reasons, err)
	}
	return append(b, '}'), err
}

// Result is the schema of a scoring.Result, the member "result" of an
// evaluation.
var Result = newSchema(
	text("grade", omitEmpty),
	number("points"),
	text("policy", omitEmpty),
	texts("reasons"),
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
}

// AppendAmendment appends the canonical form of a scoring.Amendment: the
// members of its embedded Evaluation, then its own. Its errors are those
// of AppendEvaluation.
func AppendAmendment(b []byte, a *scoring.Amendment) ([]byte, error) {
	b, err := evaluation(b, &a.Evaluation)
	b, err = str(b, `,"author":`, a.Author, err)
	b, err = str(b, `,"reason":`, a.Reason, err)
	return append(b, '}'), err
}

// Amendment is the schema of a scoring.Amendment.
var Amendment = newSchema(append(append([]member(nil), evaluationMembers...),
	text("author", required),
	text("reason", required),
)...)

// str appends a key and a string, unless an error came before; the error
// names the member.
func str(b []byte, key, s string, err error) ([]byte, error) {
	if err != nil {
		return b, err
	}
	b, err = appendString(append(b, key...), s)
	return b, named(key, err)
}

// strs appends a key and a list of strings, unless an error came before.
func strs(b []byte, key string, xs []string, err error) ([]byte, error) {
	if err != nil {
		return b, err
	}
	b = append(append(b, key...), '[')
	for i, x := range xs {
		if i > 0 {
			b = append(b, ',')
		}
		if b, err = appendString(b, x); err != nil {
			return b, named(key, fmt.Errorf("[%d]: %w", i, err))
		}
	}
	return append(b, ']'), nil
}

// at appends a key and a time, unless an error came before.
func at(b []byte, key string, t time.Time, err error) ([]byte, error) {
	if err != nil {
		return b, err
	}
	b, err = appendTime(append(b, key...), t)
	return b, named(key, err)
}

// named prefixes an error with the member's name, taken from its key.
func named(key string, err error) error {
	if err == nil {
		return nil
	}
	name := strings.Trim(key, `{,":`)
	return fmt.Errorf("%s: %w", name, err)
}
