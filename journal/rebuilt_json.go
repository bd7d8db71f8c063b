package journal

import (
	"encoding/json"
	"fmt"

	"github.com/qingdan/qingdan/internal/errtext"
	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/qingdan/qingdan/journal/internal/canon"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring"
)

// rebuiltJSON is a state's JSON form as it is read: a member left out, or
// null, is nil. The amendments are read apart, to tell a list left out
// (none) from null.
type rebuiltJSON struct {
	Matters    map[string]*matters.Matter `json:"matters"`
	Book       *scoring.Book              `json:"book"`
	Amendments json.RawMessage            `json:"amendments"`
	Head       *Head                      `json:"head"`
}

// UnmarshalJSON reads the state's JSON form strictly, in at most 1 GiB
// (as [Resume] reads a snapshot): the members matters, book and head,
// each once, spelt so and none null, amendments left out when there are
// none and a list of them otherwise, and no other; each matter as
// [matters.Matter] reads it, under its ID, with its events; the book as
// [scoring.Book] reads it; and a state that a journal of Head.Seq entries
// gives: its matters' events, its book's evaluations and its amendments
// are that many entries; the amendments ([Amended]) are in journal order,
// up to the head, each of an evaluation of the book, and each as the book
// would take it after those before it; those of one evaluation amend one
// entry, which no other's amend; of them the last counts and no other,
// and the book holds the amendments that count and no other. Anything
// else is an error wrapping [ErrInvalid], and leaves s unchanged.
//
// The JSON form reports a state; it is not one to go on from. A state
// read from it knows neither its journal's tree nor the entries of its
// evaluations: [Rebuilt.Checkpoint] panics and [Rebuilt.Snapshot] refuses
// it, and Apply takes it as a state a caller set. A host that saves its
// state to go on from it keeps a [Rebuilt.Snapshot], and calls [Resume].
func (s *Rebuilt) UnmarshalJSON(b []byte) error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("journal: state: %s: %w", fmt.Sprintf(format, args...), ErrInvalid)
	}
	if len(b) > maxSnapshot {
		return bad("%d bytes, over the limit of %d", len(b), maxSnapshot)
	}
	var w rebuiltJSON
	if err := jsonx.Decode(b, &w); err != nil {
		return jsonx.WrapPart(err, ErrInvalid, "journal: state")
	}
	if w.Matters == nil || w.Book == nil || w.Head == nil {
		return bad("want its matters, book and head")
	}
	got := &Rebuilt{Matters: w.Matters, Book: w.Book, Head: *w.Head, of: map[int64][]int{}}
	if w.Amendments != nil {
		var as []json.RawMessage
		if err := jsonx.Decode(w.Amendments, &as); err != nil {
			return jsonx.WrapPart(err, ErrInvalid, "journal: state: amendments")
		}
		if len(as) == 0 {
			return bad("amendments: an empty list or null, where none are left out")
		}
		got.Amendments = make([]Amended, len(as))
		for i, a := range as {
			if err := got.Amendments[i].UnmarshalJSON(a); err != nil {
				return fmt.Errorf("journal: state: amendments[%d]: %w", i, err)
			}
		}
	}
	for id, m := range got.Matters {
		switch {
		case m == nil || len(m.Events) == 0:
			return bad("matter %s has no events", errtext.Quote(id))
		case m.ID != id:
			return bad("matter %q is held under the name %q", m.ID, id)
		}
	}
	if err := got.amendedHold(bad); err != nil {
		return err
	}
	if err := got.entriesHold(bad); err != nil {
		return err
	}
	*s = *got
	return nil
}

// amendedHold checks a state's amendments, read from its JSON, against
// its head and its book, and groups them in s.of by the entry they amend.
func (s *Rebuilt) amendedHold(bad func(string, ...any) error) error {
	inBook := s.bookKeys()
	target := map[evalKey]int64{} // by evaluation: the entry its amendments amend
	of := map[int64]evalKey{}     // by entry amended: its evaluation
	at := map[int64]bool{}        // the amendments' entries
	probe := scoring.NewBook(nil)
	var last int64
	for i := range s.Amendments {
		a := &s.Amendments[i]
		k := keyOf(&a.Amendment.Evaluation)
		e, seen := target[k]
		other, taken := of[a.Amends]
		switch {
		case a.Seq <= last:
			return bad("amendment entry %d comes after entry %d, an amendment's", a.Seq, last)
		case a.Seq > s.Head.Seq:
			return bad("amendment entry %d is after its head, entry %d", a.Seq, s.Head.Seq)
		case !inBook[k]:
			return bad("amendment entry %d: no evaluation in its book with its matter, subject, evaluator and stage", a.Seq)
		case seen && e != a.Amends:
			return bad("amendment entry %d amends entry %d, and one of the same evaluation before it amends entry %d", a.Seq, a.Amends, e)
		case taken && other != k || at[a.Amends]:
			return bad("amendment entry %d amends entry %d, the entry of another evaluation or of an amendment", a.Seq, a.Amends)
		}
		if err := probeAmendment(probe, a.Amendment); err != nil {
			return fmt.Errorf("journal: state: amendment entry %d: %w: %w", a.Seq, ErrInvalid, err)
		}
		target[k], of[a.Amends], at[a.Seq], last = a.Amends, k, true, a.Seq
		s.of[a.Amends] = append(s.of[a.Amends], i)
	}
	if err := s.countsHold(bad); err != nil {
		return err
	}
	return s.bookHoldsWhatCounts(bad)
}

// bookKeys returns the keys of the book's evaluations.
func (s *Rebuilt) bookKeys() map[evalKey]bool {
	in := make(map[evalKey]bool, s.Book.Len())
	for _, e := range s.Book.Evaluations() {
		in[keyOf(&e)] = true
	}
	return in
}

// bookHoldsWhatCounts checks that the book holds the amendments that
// count, and no other.
func (s *Rebuilt) bookHoldsWhatCounts(bad func(string, ...any) error) error {
	held := map[string]bool{}
	for _, a := range s.Book.Amendments() {
		b, err := canon.AppendAmendment(nil, &a)
		if err != nil {
			return bad("its book holds an amendment that no journal holds: %v", err)
		}
		held[string(b)] = true
	}
	counting := 0
	for _, a := range s.Amendments {
		if !a.Counts {
			continue
		}
		counting++
		if b, err := canon.AppendAmendment(nil, &a.Amendment); err != nil || !held[string(b)] {
			return bad("its book does not hold amendment entry %d, which counts", a.Seq)
		}
	}
	if n := s.Book.Len(); len(held) != counting {
		return bad("its book of %d evaluations holds %d amendments, not the %d that count", n, len(held), counting)
	}
	return nil
}

// countsHold checks that, of the amendments of each evaluation (by s.of),
// the last says it counts and no other does.
func (s *Rebuilt) countsHold(bad func(string, ...any) error) error {
	for _, is := range s.of {
		for k, i := range is {
			if s.Amendments[i].Counts != (k == len(is)-1) {
				return bad("amendment entry %d says it counts, or does not, against its place", s.Amendments[i].Seq)
			}
		}
	}
	return nil
}

// entriesHold checks that the matters' events, the book's evaluations
// and the amendments are the entries up to the head: a journal holds
// nothing else.
func (s *Rebuilt) entriesHold(bad func(string, ...any) error) error {
	events := int64(0)
	for _, m := range s.Matters {
		events += int64(len(m.Events))
	}
	evals := s.Book.Len()
	if n := events + int64(evals) + int64(len(s.Amendments)); n != s.Head.Seq {
		return bad("its %d events, %d evaluations and %d amendments are not the %d entries up to its head", events, evals, len(s.Amendments), s.Head.Seq)
	}
	return nil
}

// amendedJSON is an Amended's JSON form as it is read: a member left out,
// or null, is nil.
type amendedJSON struct {
	Seq       *int64             `json:"seq"`
	Amends    *int64             `json:"amends"`
	Counts    *bool              `json:"counts"`
	Amendment *scoring.Amendment `json:"amendment"`
}

// UnmarshalJSON reads an amendment where the journal holds it strictly:
// the members seq, amends, counts and amendment, each once, spelt so and
// none null, and no other; an entry from 2 to 10^18-1 that amends an
// entry before it; and an amendment a journal's line holds (one with a
// canonical form: its author and its reason, valid UTF-8, …). Anything
// else is an error wrapping [ErrInvalid], and leaves a unchanged.
func (a *Amended) UnmarshalJSON(b []byte) error {
	var w amendedJSON
	if err := jsonx.Decode(b, &w); err != nil {
		return jsonx.WrapPart(err, ErrInvalid, "journal: amended")
	}
	if w.Seq == nil || w.Amends == nil || w.Counts == nil || w.Amendment == nil {
		return fmt.Errorf("journal: amended: want its seq, amends, counts and amendment: %w", ErrInvalid)
	}
	seq, target := *w.Seq, *w.Amends
	switch {
	case seq < 2 || seq > maxSeq:
		return fmt.Errorf("journal: amendment entry %d: not an entry after an evaluation's (2 to %d): %w", seq, int64(maxSeq), ErrInvalid)
	case target < 1 || target >= seq:
		return fmt.Errorf("journal: amendment entry %d amends entry %d, not an entry before it: %w", seq, target, ErrInvalid)
	}
	if _, _, err := encodePayload(nil, *w.Amendment); err != nil {
		return fmt.Errorf("journal: amendment entry %d: %w", seq, err)
	}
	*a = Amended{Seq: seq, Amends: target, Counts: *w.Counts, Amendment: *w.Amendment}
	return nil
}
