package scoring

import (
	"fmt"

	"github.com/qingdan/qingdan/internal/errlist"
	"github.com/qingdan/qingdan/internal/errtext"
)

// maxTableText is the longest text of a [Table] but a rule's Doc: its
// Version, a rule's Name, Grade and Types, a grade's Code and Label, in
// bytes. These are names, and they are compared and repeated in every
// Result; [Table.Validate] refuses a longer one before it checks anything
// else (its documentation gives the figure).
const maxTableText = 256

// checkTexts reports each text of t longer than maxTableText, the first
// errlist.Max of them.
func (t *Table) checkTexts() error {
	var l errlist.List
	long := func(what, s string) {
		if len(s) > maxTableText {
			l.Addf("%w: table %s: %s %s is longer than %d bytes, the longest text of a table", ErrInvalid, errtext.Quote(t.Version), what, errtext.Quote(s), maxTableText)
		}
	}
	long("version", t.Version)
	for i, g := range t.Scale {
		long(fmt.Sprintf("scale[%d] code", i), g.Code)
		long(fmt.Sprintf("scale[%d] label", i), g.Label)
	}
	for i := range t.Rules {
		r := &t.Rules[i]
		long(fmt.Sprintf("rules[%d] name", i), r.Name)
		long(fmt.Sprintf("rules[%d] grade", i), r.Grade)
		for j, typ := range r.Types {
			if len(typ) > maxTableText {
				long(fmt.Sprintf("rules[%d] types[%d]", i, j), typ)
			}
		}
	}
	return l.Err(ErrInvalid)
}

// joinCapped joins errs, the first errlist.Max of them and the number of
// the others.
func joinCapped(errs []error) error {
	var l errlist.List
	for _, err := range errs {
		l.Add(err)
	}
	return l.Err(ErrInvalid)
}
