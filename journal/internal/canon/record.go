package canon

import (
	"bytes"
	"encoding/json"
	"math"
	"slices"
	"time"

	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/reason"
)

// The decision record of an evaluation: its result's structured reasons
// and the facts it was graded on, written member by member as
// encoding/json writes them (see package reason and scoring.Facts).

// reasonList writes a result's reasons: a reason that is only text as a
// string (so a journal written before reasons had structure reads the
// same), any other as an object.
func (enc *Encoder) reasonList(key string, rs []reason.Reason) {
	array(enc, key, rs, enc.reason)
}

// array writes key and the JSON array of xs, each written by write.
func array[T any](enc *Encoder, key string, xs []T, write func(*T)) {
	enc.b = append(append(enc.b, key...), '[')
	for i := range xs {
		if i > 0 {
			enc.b = append(enc.b, ',')
		}
		write(&xs[i])
	}
	enc.b = append(enc.b, ']')
}

// onlyText reports whether r is written as a string.
func onlyText(r *reason.Reason) bool {
	return r.Rule == 0 && r.Name == "" && r.Lang == reason.English && len(r.Checks) == 0 && len(r.Figures) == 0 && r.Type == ""
}

func (enc *Encoder) reason(r *reason.Reason) {
	if onlyText(r) {
		enc.str("", r.Text)
		return
	}
	sep := enc.opener()
	if r.Rule != 0 {
		enc.int(sep(`"rule":`), r.Rule)
	}
	if r.Name != "" {
		enc.str(sep(`"name":`), r.Name)
	}
	if r.Lang != reason.English {
		enc.code(sep(`"lang":`), langCodes, int(r.Lang))
	}
	if len(r.Checks) > 0 {
		array(enc, sep(`"checks":`), r.Checks, enc.check)
	}
	if len(r.Figures) > 0 {
		array(enc, sep(`"figures":`), r.Figures, enc.figure)
	}
	if r.Type != "" {
		enc.str(sep(`"type":`), r.Type)
	}
	if r.Text != "" {
		enc.str(sep(`"text":`), r.Text)
	}
	enc.b = append(enc.b, '}')
}

// check writes one of a reason's checks.
func (enc *Encoder) check(c *reason.Check) {
	enc.code(`{"of":`, ofCodes, int(c.Of))
	enc.code(`,"op":`, opCodes, int(c.Op))
	enc.decimal(`,"threshold":`, c.Threshold)
	enc.b = append(enc.b, '}')
}

// figure writes one of a reason's figures.
func (enc *Encoder) figure(f *reason.Figure) {
	enc.code(`{"of":`, ofCodes, int(f.Of))
	if f.Done {
		enc.b = append(enc.b, `,"done":true`...)
	}
	enc.duration(`,"actual":`, f.Actual)
	enc.duration(`,"limit":`, f.Limit)
	if f.Places != 0 {
		enc.int(`,"places":`, f.Places)
	}
	if f.Value != 0 {
		enc.int(`,"value":`, f.Value)
	}
	enc.b = append(enc.b, '}')
}

// opener writes the opening brace of an object and returns a function
// that gives a member's key its separator: none for the first member, a
// comma for the others.
func (enc *Encoder) opener() func(string) string {
	enc.b = append(enc.b, '{')
	first := true
	return func(key string) string {
		if first {
			first = false
			return key
		}
		return "," + key
	}
}

// duration writes a time.Duration as Go writes it, left out when 0.
func (enc *Encoder) duration(key string, d time.Duration) {
	if d != 0 {
		enc.b = append(append(append(append(enc.b, key...), '"'), d.String()...), '"')
	}
}

// facts writes the facts an evaluation was graded on.
func (enc *Encoder) facts(key string, f *scoring.Facts) {
	enc.b = append(enc.b, key...)
	sep := enc.opener()
	for _, m := range []struct{ key, s string }{{`"matter":`, f.Matter}, {`"subject":`, f.Subject}, {`"evaluator":`, f.Evaluator}, {`"type":`, f.Type}} {
		if m.s != "" {
			enc.str(sep(m.key), m.s)
		}
	}
	if f.Stage != 0 {
		enc.int(sep(`"stage":`), f.Stage)
	}
	if f.Final {
		enc.b = append(enc.b, sep(`"final":true`)...)
	}
	for _, m := range []struct {
		key string
		d   time.Duration
	}{{`"response":`, f.Response}, {`"responseLimit":`, f.ResponseLimit}, {`"resolution":`, f.Resolution}, {`"resolutionLimit":`, f.ResolutionLimit}} {
		if m.d != 0 {
			enc.duration(sep(m.key), m.d)
		}
	}
	for _, m := range []struct {
		key string
		on  bool
	}{{`"responded":true`, f.Responded}, {`"resolved":true`, f.Resolved}, {`"returned":true`, f.Returned}} {
		if m.on {
			enc.b = append(enc.b, sep(m.key)...)
		}
	}
	if f.Urged != 0 {
		enc.int(sep(`"urged":`), f.Urged)
	}
	if f.Supervised != 0 {
		enc.int(sep(`"supervised":`), f.Supervised)
	}
	if f.Replied {
		enc.b = append(enc.b, sep(`"replied":true`)...)
	}
	if f.Quality != 0 {
		enc.int(sep(`"quality":`), f.Quality)
	}
	if f.Satisfied != nil {
		enc.bool(sep(`"satisfied":`), *f.Satisfied)
	}
	if len(f.Attrs) > 0 {
		keys := make([]string, 0, len(f.Attrs))
		for k := range f.Attrs {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		enc.b = append(enc.b, sep(`"attrs":{`)...)
		for i, k := range keys {
			if i > 0 {
				enc.b = append(enc.b, ',')
			}
			enc.str("", k)
			enc.str(":", f.Attrs[k])
		}
		enc.b = append(enc.b, '}')
	}
	enc.b = append(enc.b, '}')
}

// The codes of package reason's enumerations, by value - 1 (a language by
// value: English, the zero value, is never written).
var (
	ofCodes   = codesOf(func(v int) ([]byte, error) { return reason.Of(v).MarshalText() })
	opCodes   = codesOf(func(v int) ([]byte, error) { return reason.Op(v).MarshalText() })
	langCodes = codesOf(func(v int) ([]byte, error) { return reason.Lang(v).MarshalText() })
)

// codesOf lists the codes of values 1, 2, … until one has none.
func codesOf(marshal func(int) ([]byte, error)) (codes []string) {
	for v := 1; ; v++ {
		c, err := marshal(v)
		if err != nil {
			return codes
		}
		codes = append(codes, string(c))
	}
}

// Reason is the schema of a reason of package reason written as an
// object (a reason that is only text is a string); Check and Figure are
// the schemas of its checks and figures.
var (
	Check = newSchema(
		code("of", ofCodes).need(),
		code("op", opCodes).need(),
		number("threshold"),
	)
	Figure = newSchema(
		code("of", ofCodes).need(),
		yes("done"),
		duration("actual"),
		duration("limit"),
		integerIn("places", 0, reason.MaxPlaces),
		integer("value", omitEmpty),
	)
	Reason = newSchema(
		integerIn("rule", 0, math.MaxInt64),
		text("name", omitEmpty),
		code("lang", langCodes),
		list("checks", Check),
		list("figures", Figure),
		text("type", omitEmpty),
		text("text", omitEmpty),
	)
	// Facts is the schema of scoring.Facts, the member "facts" of an
	// evaluation.
	Facts = newSchema(
		text("matter", omitEmpty),
		text("subject", omitEmpty),
		text("evaluator", omitEmpty),
		text("type", omitEmpty),
		integer("stage", omitEmpty),
		yes("final"),
		duration("response"),
		duration("responseLimit"),
		duration("resolution"),
		duration("resolutionLimit"),
		yes("responded"),
		yes("resolved"),
		yes("returned"),
		integer("urged", omitEmpty),
		integer("supervised", omitEmpty),
		yes("replied"),
		integer("quality", omitEmpty),
		flag("satisfied"),
		strmap("attrs"),
	)
)

// need makes a member required.
func (m member) need() member { m.optional = false; return m }

// yes is a flag left out when false: present, it is true.
func yes(name string) member {
	return member{name: name, optional: true, check: func(s *Scanner) bool { return s.lit("true") }}
}

// duration is a time.Duration member as Go writes it, left out when 0.
func duration(name string) member {
	return member{name: name, optional: true, check: func(s *Scanner) bool {
		start := s.i
		if _, ok := s.str(); !ok {
			return false
		}
		t := s.b[start+1 : s.i-1]
		d, err := time.ParseDuration(string(t))
		return err == nil && d != 0 && d.String() == string(t)
	}}
}

// list is a list of objects of schema sub, left out when empty.
func list(name string, sub *Schema) member {
	return member{name: name, optional: true, check: func(s *Scanner) bool {
		if !s.byte('[') {
			return false
		}
		for first := true; first || s.byte(','); first = false {
			if !sub.check(s) {
				return false
			}
		}
		return s.byte(']')
	}}
}

// reasons is the list of a result's reasons, left out when empty: each a
// string, or an object of schema Reason that is not only text.
func reasons(name string) member {
	return member{name: name, optional: true, check: func(s *Scanner) bool {
		if !s.byte('[') {
			return false
		}
		for first := true; first || s.byte(','); first = false {
			if s.i < len(s.b) && s.b[s.i] == '"' {
				if _, ok := s.str(); !ok {
					return false
				}
				continue
			}
			start := s.i
			if !Reason.check(s) {
				return false
			}
			// An object is not only text: it has a member other than "text".
			if bytes.HasPrefix(s.b[start:], []byte(`{"text":`)) || string(s.b[start:s.i]) == "{}" {
				return false
			}
		}
		return s.byte(']')
	}}
}

// optionalObject is a member that holds a nested object of schema sub,
// left out when nil.
func optionalObject(name string, sub *Schema) member {
	return member{name: name, optional: true, check: sub.check}
}

// strmap is a map of strings, left out when empty: its keys in increasing
// order, each once.
func strmap(name string) member {
	return member{name: name, optional: true, check: func(s *Scanner) bool {
		if !s.byte('{') {
			return false
		}
		var last string
		for first := true; first || s.byte(','); first = false {
			start := s.i
			if _, ok := s.str(); !ok {
				return false
			}
			var k string
			if json.Unmarshal(s.b[start:s.i], &k) != nil || !first && k <= last {
				return false
			}
			last = k
			if !s.byte(':') {
				return false
			}
			if _, ok := s.str(); !ok {
				return false
			}
		}
		return s.byte('}')
	}}
}
