// Package errlist caps a list of problems. A validator that reports every
// problem it finds must still not let a hostile input make its error
// larger than the input by orders of magnitude: a [List] keeps the first
// [Max] problems and counts the rest.
package errlist

import (
	"errors"
	"fmt"

	"github.com/qingdan/qingdan/internal/errtext"
)

// Max is how many problems a List keeps.
const Max = 100

// List collects problems. The zero List is empty and ready to use.
type List struct {
	errs    []error
	dropped int
}

// Add adds err to the list, or counts it once the list holds Max; nil is
// ignored.
func (l *List) Add(err error) {
	switch {
	case err == nil:
	case len(l.errs) < Max:
		l.errs = append(l.errs, err)
	default:
		l.dropped++
	}
}

// Addf adds fmt.Errorf(format, args...), and only counts it, without
// formatting it, once the list holds Max. Its arguments are cut as
// [Cut] cuts them: a problem repeats no more than a line of its input.
func (l *List) Addf(format string, args ...any) {
	if len(l.errs) >= Max {
		l.dropped++
		return
	}
	l.errs = append(l.errs, fmt.Errorf(format, Cut(args)...))
}

// Cut cuts, in place, each string argument as errtext.Cut cuts it, and
// each []string argument to its first ten strings, each cut; it returns
// args.
func Cut(args []any) []any {
	for i, a := range args {
		switch a := a.(type) {
		case string:
			args[i] = errtext.Cut(a)
		case []string:
			cut := make([]string, 0, min(len(a), maxStrings+1))
			for j, s := range a {
				if j == maxStrings {
					cut = append(cut, fmt.Sprintf("… (%d in all)", len(a)))
					break
				}
				cut = append(cut, errtext.Cut(s))
			}
			args[i] = cut
		}
	}
	return args
}

// maxStrings is how many strings of a []string Addf repeats.
const maxStrings = 10

// Full reports whether the list holds Max problems: a validator may stop
// looking, as further problems would only be counted.
func (l *List) Full() bool { return len(l.errs) >= Max }

// Len returns the number of problems added, those only counted included.
func (l *List) Len() int { return len(l.errs) + l.dropped }

// Err joins the problems kept, followed, when some were only counted, by
// one that says how many and wraps sentinel (nil for none); nil when the
// list is empty.
func (l *List) Err(sentinel error) error {
	if l.dropped == 0 {
		return errors.Join(l.errs...)
	}
	more := fmt.Errorf("and %d more problems (only the first %d are listed)", l.dropped, Max)
	if sentinel != nil {
		more = fmt.Errorf("%w: %d more problems (only the first %d are listed)", sentinel, l.dropped, Max)
	}
	return errors.Join(append(l.errs[:len(l.errs):len(l.errs)], more)...)
}
