package hardening

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"
)

// Enum is what every enum of the library has.
type Enum interface {
	~int
	String() string
	Label() string
	MarshalText() ([]byte, error)
	Value() (driver.Value, error)
}

// EnumRows are the rows of an enum type typ of package pkg: its String,
// Label, MarshalText, UnmarshalText, Value and Scan methods and its parser
// parse, named pkg.Parse<typ>. A value that is not named (whose String
// does not parse back to it) is written "typ(n)" by String and Label
// alike, in every package. Any int value, and any text, gives a code,
// a label, an error or a round trip, never a panic; the parser,
// UnmarshalText and Scan reject text that is no code and no label (the
// parser the empty text too), and Scan every value of a type other than
// text and NULL.
func EnumRows[E Enum, P interface {
	*E
	UnmarshalText([]byte) error
	Scan(any) error
}](pkg, typ string, parse func(string) (E, error)) []Row {
	values := make([]E, 0, len(Ints)+4)
	for _, i := range Ints {
		values = append(values, E(i))
	}
	values = append(values, 2, 3, 12, 100)
	name := pkg + "." + typ
	return []Row{
		{name + ".String", func(c *Caller) {
			for _, v := range values {
				desc := fmt.Sprintf("%s(%d).String()", typ, int(v))
				c.Call(desc, func() {
					// A value whose String does not parse back to it is not
					// named: every enum writes it alike.
					if p, err := parse(v.String()); (err != nil || p != v) && v.String() != fmt.Sprintf("%s(%d)", typ, int(v)) {
						c.Fail(desc, "= %q; want %s(%d) for a value that is not named", v.String(), typ, int(v))
					}
				})
			}
		}},
		{name + ".Label", func(c *Caller) {
			for _, v := range values {
				desc := fmt.Sprintf("%s(%d).Label()", typ, int(v))
				c.Call(desc, func() {
					if p, err := parse(v.Label()); (err != nil || p != v) && v.Label() != v.String() {
						c.Fail(desc, "= %q; want String's %q for a value that is not named", v.Label(), v.String())
					}
				})
			}
		}},
		{name + ".MarshalText", roundTrip(typ, "MarshalText", values,
			func(v E) (any, error) { return v.MarshalText() },
			func(v *E, b any) error { return P(v).UnmarshalText(b.([]byte)) })},
		{name + ".UnmarshalText", func(c *Caller) {
			for _, s := range append(enumTexts(), "") {
				desc := fmt.Sprintf("(*%s).UnmarshalText(%q)", typ, s)
				c.Call(desc, func() {
					var v E
					err := P(&v).UnmarshalText([]byte(s))
					if s != "" {
						c.WantErr(desc, err)
					}
				})
			}
			c.Call("(*"+typ+").UnmarshalText(nil)", func() { var v E; _ = P(&v).UnmarshalText(nil) })
		}},
		{name + ".Value", roundTrip(typ, "Value", values,
			func(v E) (any, error) { return v.Value() },
			func(v *E, val any) error { return P(v).Scan(val) })},
		{name + ".Scan", func(c *Caller) {
			srcs := []any{int64(1), float64(1), true, time.Time{}, []string{"a"}}
			for _, s := range enumTexts() {
				srcs = append(srcs, s, []byte(s))
			}
			for _, src := range srcs {
				desc := fmt.Sprintf("(*%s).Scan(%T %s)", typ, src, Clip(fmt.Sprint(src)))
				c.Call(desc, func() {
					var v E
					c.WantErr(desc, P(&v).Scan(src))
				})
			}
			for _, src := range []any{nil, "", []byte(nil)} {
				desc := fmt.Sprintf("(*%s).Scan(%#v)", typ, src)
				c.Call(desc, func() {
					v := E(1)
					if err := P(&v).Scan(src); err != nil || v != 0 {
						c.Fail(desc, "= %d, %v; want the zero value", int(v), err)
					}
				})
			}
		}},
		{pkg + ".Parse" + typ, func(c *Caller) {
			for _, s := range append(enumTexts(), "", " ") {
				desc := fmt.Sprintf("Parse%s(%q)", typ, s)
				c.Call(desc, func() {
					_, err := parse(s)
					c.WantErr(desc, err) // the empty text too: it is no code
				})
			}
		}},
	}
}

// An EnumCase is one enum of a package, declared once for its rows
// ([EnumsRows]) and its fuzz target ([FuzzEnums]).
type EnumCase struct {
	rows  func() []Row
	seeds func(f *testing.F)
	text  func(t *testing.T, s string)
}

// EnumOf is the enum type typ of package pkg, whose parser is parse.
func EnumOf[E Enum, P interface {
	*E
	UnmarshalText([]byte) error
	Scan(any) error
}](pkg, typ string, parse func(string) (E, error)) EnumCase {
	return EnumCase{
		rows:  func() []Row { return EnumRows[E, P](pkg, typ, parse) },
		seeds: AddEnumSeeds[E],
		text: func(t *testing.T, s string) {
			t.Helper()
			EnumText[E, P](t, s, parse)
		},
	}
}

// EnumsRows are the [EnumRows] of each of enums.
func EnumsRows(enums ...EnumCase) []Row {
	var rows []Row
	for _, e := range enums {
		rows = append(rows, e.rows()...)
	}
	return rows
}

// FuzzEnums is a package's fuzz target for its enums: it adds each one's
// [AddEnumSeeds] to f's corpus, and checks [EnumText] of each on every
// input.
func FuzzEnums(f *testing.F, enums ...EnumCase) {
	for _, e := range enums {
		e.seeds(f)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, e := range enums {
			e.text(t, s)
		}
	})
}

// roundTrip is the run of a row of an enum's method that writes a value
// (MarshalText, Value): for each of values, what write gives without an
// error, read gives back.
func roundTrip[E Enum](typ, method string, values []E, write func(E) (any, error), read func(*E, any) error) func(*Caller) {
	return func(c *Caller) {
		for _, v := range values {
			desc := fmt.Sprintf("%s(%d).%s()", typ, int(v), method)
			c.Call(desc, func() {
				out, err := write(v)
				if err != nil {
					return
				}
				var back E
				if err := read(&back, out); err != nil || back != v {
					c.Fail(desc, "%v does not read back: %v, %v", out, int(back), err)
				}
			})
		}
	}
}

// enumTexts are texts that are no enum's code or label.
func enumTexts() []string { return []string{BadUTF8, Huge, "no-such-code", "\x00"} }

// maxSeed is the length of the longest seed AddEnumSeeds and AddJSONSeeds
// add: the fuzzer minimises every new input it finds, and minimising one
// grown from a huge seed takes the whole of a short fuzzing run. The rows
// try the huge inputs.
const maxSeed = 1 << 10

// AddEnumSeeds adds to f's seed corpus the texts [EnumRows] tries (but
// Huge), the empty text, and the code and label of E's values 0 to 15.
func AddEnumSeeds[E Enum](f *testing.F) {
	for _, s := range append(enumTexts(), "") {
		if len(s) <= maxSeed {
			f.Add(s)
		}
	}
	for v := E(0); v < 16; v++ {
		f.Add(v.String())
		f.Add(v.Label())
	}
}

// EnumText checks, for a fuzz target, what an enum makes of the text s:
// parse accepts s or not; what it accepts it accepts again from the value's
// code and label, and marshals to text that unmarshals to the same value;
// UnmarshalText agrees with parse on any text but the empty one (which some
// enums read as the zero value); Scan of the text, as a string and as
// bytes, agrees with parse too (the empty text is NULL's zero value), and
// leaves the value alone when it refuses.
func EnumText[E Enum, P interface {
	*E
	UnmarshalText([]byte) error
	Scan(any) error
}](t *testing.T, s string, parse func(string) (E, error)) {
	t.Helper()
	v, err := parse(s)
	if s != "" {
		var u E
		uerr := P(&u).UnmarshalText([]byte(s))
		if (uerr == nil) != (err == nil) || (err == nil && u != v) {
			t.Fatalf("%T: parse(%q) = %v, %v; UnmarshalText gives %v, %v", v, s, int(v), err, int(u), uerr)
		}
		for _, src := range []any{s, []byte(s)} {
			const untouched = 99 // no enum's value: what a refusal leaves
			u := E(untouched)
			serr := P(&u).Scan(src)
			if (serr == nil) != (err == nil) || (err == nil && u != v) || (err != nil && u != untouched) {
				t.Fatalf("%T: parse(%q) = %v, %v; Scan(%T) gives %v, %v", v, s, int(v), err, src, int(u), serr)
			}
		}
	}
	if err != nil {
		return
	}
	for _, again := range []string{v.String(), v.Label()} {
		if w, err := parse(again); err != nil || w != v {
			t.Fatalf("%T: parse(%q) = %d, but parse(%q) = %d, %v", v, s, int(v), again, int(w), err)
		}
	}
	for _, w := range []struct {
		how   string
		write func(E) (any, error)
		read  func(*E, any) error
	}{
		{"MarshalText", func(v E) (any, error) { return v.MarshalText() }, func(v *E, b any) error { return P(v).UnmarshalText(b.([]byte)) }},
		{"Value", func(v E) (any, error) { return v.Value() }, func(v *E, val any) error { return P(v).Scan(val) }},
	} {
		out, err := w.write(v)
		if err != nil {
			t.Fatalf("%T: %d, parsed from %q: %s: %v", v, int(v), s, w.how, err)
		}
		var back E
		if err := w.read(&back, out); err != nil || back != v {
			t.Fatalf("%T: %d, by %s %v, reads back as %d, %v", v, int(v), w.how, out, int(back), err)
		}
	}
}

// AddJSONSeeds adds to f's seed corpus those of [JSONInputs] no longer than
// 1 KiB, and the first 1 KiB of the deeply nested one.
func AddJSONSeeds(f *testing.F) {
	for _, in := range JSONInputs {
		if len(in) <= maxSeed {
			f.Add(in)
		}
	}
	f.Add([]byte(strings.Repeat("[", maxSeed)))
}

// ErrorRows are the rows of error type typ of package pkg: Error, and
// Unwrap if unwrap is set, called on the zero value.
func ErrorRows[T any, P interface {
	*T
	error
}](pkg, typ string, unwrap bool) []Row {
	rows := []Row{{pkg + "." + typ + ".Error", func(c *Caller) {
		c.Call("(&"+typ+"{}).Error()", func() { _ = P(new(T)).Error() })
	}}}
	if unwrap {
		rows = append(rows, Row{pkg + "." + typ + ".Unwrap", func(c *Caller) {
			c.Call("(&"+typ+"{}).Unwrap()", func() {
				switch e := any(P(new(T))).(type) {
				case interface{ Unwrap() error }:
					_ = e.Unwrap()
				case interface{ Unwrap() []error }:
					_ = e.Unwrap()
				}
			})
		}})
	}
	return rows
}

// MarshalRow is the row of name.MarshalJSON: it marshals the zero value
// and values, and wants an error or valid JSON.
func MarshalRow[T json.Marshaler](name string, values ...T) Row {
	return Row{name + ".MarshalJSON", func(c *Caller) {
		var zero T
		for i, v := range append([]T{zero}, values...) {
			desc := fmt.Sprintf("value %d: %#v", i, v)
			c.Call(desc, func() {
				b, err := v.MarshalJSON()
				c.JSONSound(desc, b, err)
			})
		}
	}}
}

// UnmarshalRow is the row of name.UnmarshalJSON: it unmarshals each of
// [JSONInputs] into a new T, and marshals what it accepts, wanting an error
// or valid JSON.
func UnmarshalRow[T any, P interface {
	*T
	json.Unmarshaler
}](name string) Row {
	return Row{name + ".UnmarshalJSON", func(c *Caller) {
		for _, in := range JSONInputs {
			desc := fmt.Sprintf("UnmarshalJSON(%q)", in)
			c.Call(desc, func() {
				v := P(new(T))
				if err := v.UnmarshalJSON(in); err == nil {
					b, err := json.Marshal(v)
					c.JSONSound(desc+" then json.Marshal", b, err)
				}
			})
		}
	}}
}

// Method is the row name of a method that takes no arguments,
// "pkg.Type.Method": it calls call, which calls the method, on each of
// recvs, and describes call i as "type i .Method()".
func Method[R any](name string, recvs []R, call func(R)) Row {
	parts := strings.Split(name, ".")
	if len(parts) != 3 {
		panic("hardening: Method wants a method name pkg.Type.Method, not " + name)
	}
	typ, method := strings.ToLower(parts[1]), parts[2]
	return Row{Name: name, Run: func(c *Caller) {
		for i, r := range recvs {
			c.Call(fmt.Sprintf("%s %d .%s()", typ, i, method), func() { call(r) })
		}
	}}
}
