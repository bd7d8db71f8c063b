// Package enum is the one codec behind every enumeration of the library:
// the codes, the Chinese labels, parsing and text marshalling of a small
// int-valued type whose values are 1…n, or 0…n when zero is named.
//
// Every enum of the library behaves the same way through it:
//   - String gives the code of a named value, and "Type(n)" for any other
//     value, the zero value included unless zero is named;
//   - Label gives the Chinese label of a named value, and String's form for
//     any other;
//   - Parse accepts a code, a label or an alias, ignoring surrounding white
//     space, and refuses anything else, the empty string included, with an
//     error that names the input and wraps the package's sentinel;
//   - MarshalText writes the code, the empty text for the zero value, and
//     refuses a value that is not named;
//   - UnmarshalText reads what Parse reads, and the empty text as the zero
//     value;
//   - an enum whose zero value must always be set (Spec.Required) refuses
//     the zero value in MarshalText and the empty text in UnmarshalText.
package enum

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/qingdan/qingdan/internal/errtext"
)

// Codec describes one enumeration. A Codec is built once, at package
// initialisation, and is read-only after: it is safe for concurrent use.
type Codec[E ~int] struct {
	pkg      string // package name for messages: "matters"
	typ      string // Go type name: "Kind"
	what     string // what a value is, for messages: "matter kind"
	codes    []string
	labels   []string
	aliases  map[string]E
	sentinel error
	required bool
}

// Spec is what a package declares about an enumeration.
type Spec[E ~int] struct {
	// Package is the package's name, the prefix of error messages.
	Package string
	// Type is the Go type's name, used in "Type(n)".
	Type string
	// What names a value in error messages ("matter kind").
	What string
	// Codes and Labels are indexed by value. Index 0 is the zero value:
	// an empty code there means zero is "not set".
	Codes, Labels []string
	// Aliases are further spellings Parse accepts.
	Aliases map[string]E
	// Err is the sentinel every parse and marshal error wraps.
	Err error
	// Required says that the zero value, which must not be named, is
	// never written or read as text: MarshalText refuses it (an error
	// "What not set") and UnmarshalText refuses the empty text, as Parse
	// does. A database column is not text: Value still writes NULL for
	// it, and Scan reads NULL as it.
	Required bool
}

// New builds a codec. It panics when the spec is inconsistent, which is a
// programmer's error found at package initialisation.
func New[E ~int](s Spec[E]) *Codec[E] {
	if len(s.Codes) < 2 || len(s.Codes) != len(s.Labels) || s.Err == nil || s.Type == "" || s.Package == "" {
		panic("enum: inconsistent spec for " + s.Package + "." + s.Type)
	}
	if (s.Codes[0] == "") != (s.Labels[0] == "") || s.Required && s.Codes[0] != "" {
		panic("enum: " + s.Package + "." + s.Type + ": zero has a code but no label, or a label but no code, or is named and required")
	}
	// Parse trims its input: a name with white space around it could
	// never be read.
	seen := map[string]bool{}
	for i := range s.Codes {
		names := []string{s.Codes[i], s.Labels[i]}
		if s.Labels[i] == s.Codes[i] {
			names = names[:1] // a value may be its own label
		}
		for _, t := range names {
			if i > 0 && t == "" || t != strings.TrimSpace(t) {
				panic("enum: " + s.Package + "." + s.Type + ": empty or untrimmed code or label for " + strconv.Itoa(i))
			}
			if t != "" && seen[t] {
				panic("enum: " + s.Package + "." + s.Type + ": " + t + " names two values")
			}
			seen[t] = true
		}
	}
	// An alias names a named value: one of the unnamed zero would have
	// Parse read a value not set, which no code or label reads.
	for a, v := range s.Aliases {
		if seen[a] || a == "" || a != strings.TrimSpace(a) || int(v) < 0 || int(v) >= len(s.Codes) || v == 0 && s.Codes[0] == "" {
			panic("enum: " + s.Package + "." + s.Type + ": bad alias " + strconv.Quote(a))
		}
	}
	what := s.What
	if what == "" {
		what = strings.ToLower(s.Type)
	}
	return &Codec[E]{pkg: s.Package, typ: s.Type, what: what, codes: s.Codes, labels: s.Labels, aliases: s.Aliases, sentinel: s.Err, required: s.Required}
}

// Named reports whether v is a named value: 1…n, and 0 when zero is named.
func (c *Codec[E]) Named(v E) bool {
	if v == 0 {
		return c.codes[0] != ""
	}
	return v > 0 && int(v) < len(c.codes)
}

// Max is the largest named value.
func (c *Codec[E]) Max() E { return E(len(c.codes) - 1) }

// String returns the code of a named value and "Type(n)" for any other.
func (c *Codec[E]) String(v E) string {
	if c.Named(v) {
		return c.codes[v]
	}
	return c.typ + "(" + strconv.Itoa(int(v)) + ")"
}

// Label returns the Chinese label of a named value and String's form for
// any other.
func (c *Codec[E]) Label(v E) string {
	if c.Named(v) {
		return c.labels[v]
	}
	return c.String(v)
}

// Parse reads a code, a label or an alias, ignoring surrounding white space.
func (c *Codec[E]) Parse(s string) (E, error) {
	if v, ok := c.Lookup(s); ok {
		return v, nil
	}
	from := 1
	if c.codes[0] != "" {
		from = 0
	}
	err := c.fail(fmt.Sprintf("%s: unknown %s %s (want one of %s, or a Chinese label)",
		c.pkg, c.what, errtext.Quote(s), strings.Join(c.codes[from:], ", ")))
	err.zh = "应为" + strings.Join(c.labels[from:], "、") + "之一（或其英文代码）"
	return 0, err
}

// Lookup reads what Parse reads, and reports whether it did, without the
// error Parse builds: for a reader that tries text against an enum and
// takes it as something else when it is none, as importers do line by
// line.
func (c *Codec[E]) Lookup(s string) (E, bool) {
	t := strings.TrimSpace(s)
	if t != "" {
		for i := range c.codes {
			if t == c.codes[i] || t == c.labels[i] {
				return E(i), true
			}
		}
		if v, ok := c.aliases[t]; ok {
			return v, true
		}
	}
	return 0, false
}

// MarshalText writes the code of a named value and the empty text for the
// zero value (an error when the spec says Required); any other value is an
// error.
func (c *Codec[E]) MarshalText(v E) ([]byte, error) {
	if v == 0 && c.required {
		return nil, fmt.Errorf("%w: %s not set", c.sentinel, c.what)
	}
	if v == 0 {
		return []byte{}, nil
	}
	if !c.Named(v) {
		return nil, c.fail(fmt.Sprintf("%s: cannot marshal %s: %d is not a %s", c.pkg, c.what, int(v), c.typ))
	}
	return []byte(c.codes[v]), nil
}

// fail returns an error that says msg, then the sentinel's text without
// the package's name msg already starts with ("matters: unknown event
// kind …: invalid", not "…: matters: invalid"), and unwraps to the
// sentinel.
func (c *Codec[E]) fail(msg string) *codecError {
	return &codecError{msg: msg, sentinel: c.sentinel, prefix: c.pkg + ": "}
}

type codecError struct {
	msg      string
	sentinel error
	prefix   string
	zh       string // for a text Parse refuses, the values it takes, in Chinese
}

// Chinese says in Chinese what a refused text should have been — one of
// the labels, or its code — or "" when the error is not about a text.
// jsonx adds it to its own Chinese message for the value.
func (e *codecError) Chinese() string { return e.zh }

func (e *codecError) Error() string {
	return e.msg + ": " + strings.TrimPrefix(e.sentinel.Error(), e.prefix)
}

func (e *codecError) Unwrap() error { return e.sentinel }

// UnmarshalText reads what Parse reads; the empty text is the zero value,
// or an error as Parse's when the spec says Required.
func (c *Codec[E]) UnmarshalText(b []byte) (E, error) {
	if len(b) == 0 && !c.required {
		return 0, nil
	}
	return c.Parse(string(b))
}

// Unmarshal sets *v to what UnmarshalText reads from b, and leaves it
// alone on an error: an enum's UnmarshalText method is
// "return codec.Unmarshal(b, v)".
func (c *Codec[E]) Unmarshal(b []byte, v *E) error {
	e, err := c.UnmarshalText(b)
	if err != nil {
		return err
	}
	*v = e
	return nil
}
