package scoring

import (
	"strings"

	"github.com/qingdan/qingdan/internal/errlist"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring/internal/ledger"
)

// A merge into a book with options checks what it takes in as Record and
// Amend would (see [Book.Merge]).

// mergeChecked merges o into b, whose options check something: it copies
// o's records, checks them against b's options holding neither book, and
// merges the copy unless the options refuse any of it.
func (b *Book) mergeChecked(o *Book) error {
	o.mu.Lock()
	s := o.l.Snapshot()
	o.mu.Unlock()
	if err := b.opts.checkMerge(s); err != nil {
		return err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.merge(s)
}

// checkMerge reports what of s the options refuse, as Record and Amend
// would refuse it: each evaluation, then each amendment, the first
// errlist.Max listed and the others counted. It finds each matter once,
// and checks each grade with the same points against the scale once.
func (o *BookOptions) checkMerge(s *ledger.Snapshot) error {
	c := mergeCheck{o: o, rest: *o}
	c.rest.Scale = nil // checked by c.points
	if find := o.Matter; find != nil {
		var last string
		var m *matters.Matter
		var ok, found bool
		c.rest.Matter = func(id string) (*matters.Matter, bool) {
			if !found || id != last {
				last, found = strings.Clone(id), true
				m, ok = find(last)
			}
			return m, ok
		}
	}
	for en := range s.Entries() {
		e := evaluationOf(&en)
		c.check(&e, "evaluation")
	}
	for la, orig := range s.Amendments() {
		a := evaluationOf(&la.Entry)
		c.check(&a, "amendment")
		c.errs.Add(o.checkWhen(&a, orig))
	}
	return c.errs.Err(ErrInvalid)
}

// mergeCheck is what checkMerge checks with.
type mergeCheck struct {
	o    *BookOptions
	rest BookOptions // o but its scale
	errs errlist.List
	memo map[pointsKey]string // what the scale says of a grade's points
}

// pointsKey is a grade with its points, by their coefficient and
// exponent.
type pointsKey struct {
	grade string
	coef  int64
	exp   int32
}

// memoMax is the most grades with points checkMerge remembers.
const memoMax = 1 << 12

// check adds to c.errs what the options refuse of e, an evaluation or
// amendment (what says which), as o.check would.
func (c *mergeCheck) check(e *Evaluation, what string) {
	if len(c.o.Scale) > 0 {
		if why := c.points(e.Result); why != "" {
			c.errs.Add(optionError(what, e, why))
		}
	}
	for _, err := range c.rest.check(e, what) {
		c.errs.Add(err)
	}
}

// points is o.pointsDisagree, remembered for up to memoMax grades with
// points that fit an int64.
func (c *mergeCheck) points(r Result) string {
	if r.Points.NumDigits() > 18 {
		return c.o.pointsDisagree(r)
	}
	k := pointsKey{r.Grade, r.Points.CoefficientInt64(), r.Points.Exponent()}
	why, ok := c.memo[k]
	if !ok {
		why = c.o.pointsDisagree(r)
		if c.memo == nil {
			c.memo = make(map[pointsKey]string)
		}
		if len(c.memo) < memoMax {
			c.memo[k] = why
		}
	}
	return why
}
