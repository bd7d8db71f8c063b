package matters

import (
	"io"

	"github.com/qingdan/qingdan/internal/jsonx"
)

// The most the loaders read. A district's governance matter list of 2,000
// routes is some 300 KB of JSON, its admission lists less; a catalog holds
// a register (up to 64 MiB, accountability.MaxRegisterBytes) and the
// revisions of its History.
const (
	MaxListBytes    = 16 << 20  // LoadDirectory, LoadAdmission
	MaxCatalogBytes = 256 << 20 // LoadCatalog
	MaxEventBytes   = 1 << 20   // LoadEvent: a line of a journal (journal.DefaultMaxLine)
)

// load reads one JSON value of at most limit bytes from r into v,
// strictly; an error wraps ErrInvalid once.
func load(what string, r io.Reader, limit int64, v any) error {
	return invalid(jsonx.Read(r, limit, v), "loading "+what)
}

// LoadDirectory reads a governance matter list's JSON (as encoding/json
// writes a [Directory]) from r, strictly and within bounds: a field the
// list does not have, a field name in another case, a key given twice in
// one object, text that is not valid UTF-8, a string longer than 4 MiB, a
// number longer than 64 characters, a duration string longer than 64,
// nesting deeper than 64, a misspelt enum code, a malformed duration,
// anything after the JSON value and an input longer than [MaxListBytes]
// are errors, each naming where it is (such as routes[3].respond) and
// wrapping [ErrInvalid], a failure to read included. The bounds are
// checked in one pass over the input before anything is decoded. It does
// not validate the list; run [Directory.Validate] and [Catalog.Validate]
// for that.
func LoadDirectory(r io.Reader) (*Directory, error) {
	mustReader(r, "LoadDirectory")
	var d Directory
	if err := load("governance matter list", r, MaxListBytes, &d); err != nil {
		return nil, err
	}
	return &d, nil
}

// LoadAdmission reads admission lists' JSON (as encoding/json writes an
// [Admission]) from r, as strictly as [LoadDirectory] reads a directory.
func LoadAdmission(r io.Reader) (*Admission, error) {
	mustReader(r, "LoadAdmission")
	var a Admission
	if err := load("admission lists", r, MaxListBytes, &a); err != nil {
		return nil, err
	}
	return &a, nil
}

// LoadEvent reads an event's JSON (as encoding/json writes an [Event])
// from r, as strictly as [LoadDirectory] reads a directory, reading at most
// [MaxEventBytes]: what a host that takes events from outside — a form
// posted to its service, a message from the hotline's platform — decodes
// them with, since an Event has no decoder of its own (a [Matter] reads
// its events strictly, and a journal reads the lines it has checked).
// Every error wraps [ErrInvalid]. It does not check the event against a
// matter; [Matter.Apply] and [Catalog.Apply] do.
func LoadEvent(r io.Reader) (Event, error) {
	mustReader(r, "LoadEvent")
	var e Event
	if err := load("event", r, MaxEventBytes, &e); err != nil {
		return Event{}, err
	}
	return e, nil
}

// LoadCatalog reads a catalog's JSON (as encoding/json writes a [Catalog])
// from r, as strictly as [LoadDirectory] reads a directory, reading at most
// [MaxCatalogBytes]. Every error wraps [ErrInvalid]; an error in the
// register also wraps accountability.ErrInvalid. It does not validate the
// catalog; run [Catalog.Validate] for that.
func LoadCatalog(r io.Reader) (*Catalog, error) {
	mustReader(r, "LoadCatalog")
	var c Catalog
	if err := load("catalog", r, MaxCatalogBytes, &c); err != nil {
		return nil, err
	}
	return &c, nil
}

// mustReader panics on a nil reader, naming the function it was given to:
// a list that is not there is a programmer's error, not an empty list.
func mustReader(r io.Reader, fn string) {
	if r == nil {
		panic("matters: " + fn + ": nil io.Reader")
	}
}
