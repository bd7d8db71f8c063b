package scoring

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/qingdan/qingdan/internal/errlist"
	"github.com/qingdan/qingdan/internal/errtext"
	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/qingdan/qingdan/internal/rank"
	"github.com/qingdan/qingdan/scoring/internal/ledger"
	"github.com/shopspring/decimal"
)

// Book is the evaluation book (一事一评台账): it records evaluations, one per
// matter, subject, evaluator and stage, keeps their amendments, merges with
// other books, and scores each subject over a period.
//
// A book is exact: it gives back every evaluation as it was recorded —
// points to the last digit, times to the nanosecond, texts and reasons
// byte for byte; not the facts an evaluation carries, which it checks and
// leaves to the journal (see [Evaluation]) — and scores without rounding
// until the end. What it reports does not
// depend on the order in which evaluations were recorded, amended and
// merged. It keeps none of the caller's memory.
//
// The zero Book is empty and ready to use; [NewBook] returns one too. A
// Book is safe for concurrent use by multiple goroutines. On a nil *Book,
// Record, Amend and UnmarshalJSON return an error wrapping [ErrInvalid],
// as does Merge given a book to merge; the other methods report an empty
// book.
//
// The package documentation says how fast a book is and how much memory
// it takes (see Performance).
type Book struct {
	mu   sync.Mutex
	l    ledger.Ledger
	opts *BookOptions // nil: the rules every book checks, no more
	gen  uint64       // counts the times l was replaced, for All
}

// NewBook returns an empty book that checks the rules every book checks
// and those of opts (see [BookOptions]; a nil opts adds none). The book
// keeps its own copy of the options. Their functions may be called from
// several goroutines at once, Now under the book's lock (but by Merge,
// which checks holding no book): neither may call the book.
func NewBook(opts *BookOptions) *Book {
	b := &Book{}
	if opts != nil {
		o := *opts
		o.Scale = slices.Clone(opts.Scale)
		b.opts = &o
	}
	return b
}

var errNilBook = fmt.Errorf("%w: nil book", ErrInvalid)

// Record adds one evaluation. It returns an error wrapping [ErrDuplicate]
// when the book already holds an evaluation with the same matter, subject,
// evaluator and stage (the message names them), and one wrapping
// [ErrInvalid] when the evaluation has no matter, subject, evaluator, time
// or grade, text that is not valid UTF-8, a stage outside 0–2147483647, a
// subject that is its own evaluator, a name with white space at an end or
// a control or invisible character, what the book's JSON could not write
// or read back (a time outside the years 1 to 9999 in UTC and in China
// Standard Time, or in a zone whose offset is not whole minutes under 24
// hours, points of more than 64 characters, a name longer than 4
// MiB, a reason [reason.Reason.Validate] refuses, reasons of more than 4
// MiB in all), facts of another matter, subject, evaluator or stage (see
// [Evaluation]), or breaks a rule of the book's [BookOptions] (a grade off the
// scale in force, points that disagree with it, an evaluation its
// matter's history does not allow). A rejected evaluation changes
// nothing. The time is kept as a wall-clock instant (a monotonic clock
// reading is dropped).
func (b *Book) Record(e Evaluation) error {
	if b == nil {
		return errNilBook
	}
	e.At = e.At.Round(0)
	if !quickValid(&e) {
		return check("evaluation", &e)
	}
	if b.opts != nil {
		if errs := b.opts.check(&e, "evaluation"); len(errs) > 0 {
			return errors.Join(errs...)
		}
	}
	var en ledger.Entry
	setEntry(&en, &e)
	var err error
	b.mu.Lock()
	if out := b.l.Add(&en); out != ledger.Added {
		err = b.refusal(&e, out)
	}
	b.mu.Unlock()
	return err
}

// refusal returns the error for an evaluation the ledger did not add.
func (b *Book) refusal(e *Evaluation, out ledger.Outcome) error {
	switch out {
	case ledger.Duplicate:
		return fmt.Errorf("%w: %s", ErrDuplicate, keyText(e.Matter, e.Subject, e.Evaluator, e.Stage))
	case ledger.Full:
		return b.full()
	}
	return check("evaluation", e)
}

// keyText names a key for errors, each name cut to its first
// errtext.MaxQuoted bytes: a name may be megabytes long, and an error
// names it once for each problem.
func keyText(matter, subject, evaluator string, stage int) string {
	return fmt.Sprintf("matter %s, subject %s, evaluator %s, stage %d", errtext.Quote(matter), errtext.Quote(subject), errtext.Quote(evaluator), stage)
}

// describeKey names an evaluation or amendment by its key, for errors.
func describeKey(what string, e *Evaluation) string {
	return what + " of " + keyText(e.Matter, e.Subject, e.Evaluator, e.Stage)
}

func (b *Book) full() error {
	return fmt.Errorf("%w: the book is full (%d evaluations)", ErrInvalid, b.l.Len())
}

// Amend records an amendment of an evaluation the book holds. The
// original stays; the latest amendment counts (see [Amendment]). It
// returns an error wrapping [ErrNotFound] when the book holds no
// evaluation with the amendment's matter, subject, evaluator and stage,
// [ErrDuplicate] for an amendment identical to one already recorded, and
// [ErrInvalid] for an amendment without author, reason, time or grade, by
// the graded subject itself, dated outside the window the book's options
// set (before the evaluation it corrects, in the future, later than
// AmendWithin after it), or that breaks another rule of Record or of the
// options.
func (b *Book) Amend(a Amendment) error {
	if b == nil {
		return errNilBook
	}
	a.At = a.At.Round(0)
	if err := checkAmendment(&a); err != nil {
		return err
	}
	if b.opts != nil {
		if errs := b.opts.check(&a.Evaluation, "amendment"); len(errs) > 0 {
			return errors.Join(errs...)
		}
	}
	la := ledger.Amendment{Author: a.Author, Reason: a.Reason}
	setEntry(&la.Entry, &a.Evaluation)
	b.mu.Lock()
	defer b.mu.Unlock()
	if orig, ok := b.l.Lookup(&la.Key); ok {
		if err := b.opts.checkWhen(&a.Evaluation, orig.At); err != nil {
			return err
		}
	}
	switch b.l.Amend(&la) {
	case ledger.NotFound:
		return fmt.Errorf("%w: %s", ErrNotFound, describeKey("amendment", &a.Evaluation))
	case ledger.Duplicate:
		return fmt.Errorf("%w: %s by %s at %s is already recorded",
			ErrDuplicate, describeKey("amendment", &a.Evaluation), errtext.Quote(a.Author), a.At.Format(time.RFC3339Nano))
	case ledger.Full:
		return b.full()
	}
	return nil
}

// Merge adds every evaluation and amendment of o to b, as when shards of a
// year are combined. It takes in what b's Record and Amend would take,
// given o's evaluations one by one and then its amendments, and refuses
// the rest: o's evaluations and amendments were checked by o's options
// when o took them, and b checks each against its own (see
// [BookOptions]), so that a book built with looser options, or none,
// brings nothing in that b would refuse. Merge refuses o whole, and b is
// unchanged, when b's options refuse any of o's evaluations or
// amendments — the error wraps [ErrInvalid] and names each (the first
// hundred, and the number of the others), as Record's and Amend's do — or
// when any evaluation of o has the key of one in b: the error wraps
// [ErrDuplicate] and names every overlap (the first ten o recorded). A
// book that b refuses in part is refused whole, what b would take of it
// too. Merging a book into itself is an overlap unless the book is empty.
// o is not changed.
//
// Merge copies o's records as they are, translating only o's names —
// each matter, subject, evaluator, grade and policy once — so that it
// costs a fraction of recording the same evaluations; long runs of new
// matter IDs it shares with o rather than copies (neither book writes
// them again, and they stay in memory while either book holds them); a
// long run of records it copies on up to GOMAXPROCS goroutines. It holds o still
// while it reads it; when another goroutine holds o, Merge waits for it
// without holding b, so that books merged into each other at once do not
// deadlock. When b has options that check anything, Merge checks each of
// o's evaluations and amendments as Record and Amend do (finding each
// matter once), on a copy of o's records taken first, holding neither
// book while it checks.
//
// Merge is how a host uses every core: a book records on one core at a
// time, so a sharded build fills one book per core, each from its own
// part of the evaluations on a goroutine of its own, and merges them (see
// the example). Cut the evaluations by matter into runs of consecutive
// matters, rather than dealing matters out in turn: numbered matter IDs
// are indexed fastest in runs. What the merged book reports does not
// depend on how the evaluations were cut or in which order the books were
// merged.
func (b *Book) Merge(o *Book) error {
	if o == nil {
		return nil
	}
	if b == nil {
		return fmt.Errorf("%w: merge into a nil book", ErrInvalid)
	}
	if o == b {
		if b.Len() == 0 {
			return nil
		}
		return fmt.Errorf("%w: a book merged into itself overlaps", ErrDuplicate)
	}
	if b.opts.checks() {
		return b.mergeChecked(o)
	}
	// Read o in place while holding both locks, unless another goroutine
	// holds o's: then wait for it with b's lock released and take a copy,
	// so that a.Merge(b) and b.Merge(a) at once cannot deadlock.
	b.mu.Lock()
	if o.mu.TryLock() {
		err := b.merge(o.l.View())
		o.mu.Unlock()
		b.mu.Unlock()
		return err
	}
	b.mu.Unlock()
	o.mu.Lock()
	s := o.l.Snapshot()
	o.mu.Unlock()
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.merge(s)
}

// merge merges s into b's ledger, which the caller has locked.
func (b *Book) merge(s *ledger.Snapshot) error {
	switch out, keys := b.l.Merge(s, 11); out {
	case ledger.Duplicate:
		var dups []error
		for i, k := range keys {
			if i == 10 {
				dups = append(dups, errors.New("…"))
				break
			}
			dups = append(dups, errors.New(keyText(k.Matter, k.Subject, k.Evaluator, int(k.Stage))))
		}
		return fmt.Errorf("%w: the books overlap: %w", ErrDuplicate, errors.Join(dups...))
	case ledger.Full:
		return b.full()
	}
	return nil
}

// Scores returns the score of every subject with an evaluation in the
// period, ordered by rank, then subject. An evaluation falls in the period
// by its At, when it was made (an amendment corrects its grade but does
// not move it to another period). The result is the same whatever the
// order in which evaluations were recorded, amended and merged.
//
// Scores reads every evaluation once: its time grows with the book, not
// with the period.
func (b *Book) Scores(p Period) []Score {
	if b == nil {
		return []Score{}
	}
	b.mu.Lock()
	totals := b.l.Tally(p.From, p.To)
	b.mu.Unlock()
	out := make([]Score, len(totals))
	for i := range totals {
		t := &totals[i]
		out[i] = Score{Subject: t.Subject, Matters: t.Matters, Evaluations: t.Entries,
			Composite: roundRat(&t.Mean, 2), Grades: t.Grades}
	}
	rank.By(out, func(s Score) decimal.Decimal { return s.Composite }, func(s Score) string { return s.Subject },
		func(s *Score, r int) { s.Rank = r })
	return out
}

type bookJSON struct {
	Evaluations []Evaluation `json:"evaluations"`
	Amendments  []Amendment  `json:"amendments,omitempty"`
}

// MarshalJSON writes the book as its evaluations and amendments, in the
// orders of [Book.Evaluations] and [Book.Amendments]: two books with the
// same contents write the same bytes. It reads both at one time, so that
// what it writes is one state of the book, which UnmarshalJSON reads back,
// however other goroutines use the book meanwhile.
func (b *Book) MarshalJSON() ([]byte, error) {
	var es []ledger.Entry
	var as []ledger.Amendment
	if b != nil {
		b.mu.Lock()
		es, as = b.l.Entries(), b.l.Amendments()
		b.mu.Unlock()
	}
	return json.Marshal(bookJSON{convert(es, evaluationOf), convert(as, amendmentOf)})
}

// UnmarshalJSON replaces the book's contents with the evaluations and
// amendments read, recorded as by Record and Amend; any error leaves the
// book empty. The JSON is read strictly, within the bounds of the
// library's decoders: a field an evaluation does not have, a key given
// twice or in another case, text that is not UTF-8, points of more than 64
// characters and a string longer than 4 MiB are errors, as is every
// evaluation or amendment Record or Amend refuses (the first hundred are
// listed, and the number of the others). Every error wraps [ErrInvalid],
// and [ErrDuplicate] or [ErrNotFound] where Record or Amend's does. Null
// leaves the book alone, as it leaves a Result or a Score. A nil book is
// an error.
func (b *Book) UnmarshalJSON(data []byte) error {
	if b == nil {
		return errNilBook
	}
	if string(data) == "null" {
		return nil
	}
	var w bookWire
	if err := jsonx.Decode(data, &w); err != nil {
		b.mu.Lock()
		b.l = ledger.Ledger{}
		b.gen++
		b.mu.Unlock()
		if errors.Is(err, ErrInvalid) {
			return fmt.Errorf("scoring: book: %w", err)
		}
		return fmt.Errorf("%w: book: %w", ErrInvalid, err)
	}
	nb := &Book{opts: b.opts}
	var errs errlist.List
	for i := range w.Evaluations {
		if err := nb.Record(w.Evaluations[i].evaluation()); err != nil {
			errs.Add(bookError(err))
		}
	}
	for i := range w.Amendments {
		a := &w.Amendments[i]
		if err := nb.Amend(Amendment{Evaluation: a.evaluation(), Author: a.Author, Reason: a.Reason}); err != nil {
			errs.Add(bookError(err))
		}
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.l = ledger.Ledger{}
	b.gen++
	if err := errs.Err(ErrInvalid); err != nil {
		return err
	}
	b.l = nb.l
	return nil
}

// bookError makes an error of Record or Amend, which may wrap
// ErrDuplicate or ErrNotFound, wrap ErrInvalid too: a book that holds them
// is invalid input.
func bookError(err error) error {
	if errors.Is(err, ErrInvalid) {
		return err
	}
	return fmt.Errorf("%w: %w", ErrInvalid, err)
}
