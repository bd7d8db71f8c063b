package journal_test

import (
	"bytes"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/journal"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring"
)

// original applies steps as a host does, without a journal.
func original(t *testing.T, steps []step) (map[string]*matters.Matter, *scoring.Book) {
	t.Helper()
	ms := map[string]*matters.Matter{}
	book := scoring.NewBook(nil)
	for i, s := range steps {
		var err error
		switch {
		case s.event != nil:
			m := ms[s.event.Matter]
			if m == nil {
				m = &matters.Matter{}
				ms[s.event.Matter] = m
			}
			err = m.Apply(*s.event)
		case s.evaluation != nil:
			err = book.Record(*s.evaluation)
		default:
			err = book.Amend(*s.amendment)
		}
		if err != nil {
			t.Fatalf("the generated history is not valid at step %d: %v", i, err)
		}
	}
	return ms, book
}

// TestRebuildEqualsOriginal is a property test: for random seeded
// histories, the matters and the book rebuilt from the journal equal those
// the host built directly.
func TestRebuildEqualsOriginal(t *testing.T) {
	for seed := int64(1); seed <= 12; seed++ {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			year := 2019 + int(seed%6)
			steps := history(seed, 40, year)
			wantMatters, wantBook := original(t, steps)
			j := write(t, steps)
			got, err := journal.Rebuild(bytes.NewReader(j), nil)
			if err != nil {
				t.Fatal(err)
			}
			if got.Head != mustVerify(t, j) || got.Head.Seq != int64(len(steps)) {
				t.Errorf("Rebuild head %v, want %d entries", got.Head, len(steps))
			}
			if diff := cmp.Diff(wantMatters, got.Matters); diff != "" {
				t.Errorf("matters mismatch (-want +got):\n%s", diff)
			}
			for id, m := range got.Matters {
				replayed, err := matters.Replay(m.Events)
				if err != nil {
					t.Fatalf("Replay(%s): %v", id, err)
				}
				if diff := cmp.Diff(replayed, m); diff != "" {
					t.Errorf("matter %s: replayed mismatch (-want +got):\n%s", id, diff)
				}
			}
			compareBooks(t, wantBook, got.Book, year)
		})
	}
}

func compareBooks(t *testing.T, want, got *scoring.Book, year int) {
	t.Helper()
	if diff := cmp.Diff(want.Evaluations(), got.Evaluations()); diff != "" {
		t.Errorf("evaluations mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(want.Amendments(), got.Amendments()); diff != "" {
		t.Errorf("amendments mismatch (-want +got):\n%s", diff)
	}
	periods := []scoring.Period{scoring.Year(year), scoring.Year(year + 1)}
	for m := time.January; m <= time.December; m++ {
		periods = append(periods, scoring.Month(year, m))
	}
	for _, p := range periods {
		if diff := cmp.Diff(want.Scores(p), got.Scores(p)); diff != "" {
			t.Errorf("scores over %v mismatch (-want +got):\n%s", p, diff)
		}
	}
	if len(want.Scores(scoring.Year(year))) == 0 {
		t.Errorf("the history of %d has no scores: the property is vacuous", year)
	}
}

func TestRebuildStopsAtTheFirstProblem(t *testing.T) {
	steps := history(3, 10, 2020)
	j := write(t, steps)
	ls := lines(j)
	t.Run("torn", func(t *testing.T) {
		torn := j[:len(j)-5]
		got, err := journal.Rebuild(bytes.NewReader(torn), nil)
		if !errors.Is(err, journal.ErrTorn) || got == nil || got.Head.Seq != int64(len(ls)-1) {
			t.Fatalf("Rebuild = %v, %v; want ErrTorn after %d entries", got.Head, err, len(ls)-1)
		}
	})
	t.Run("an event its matter rejects", func(t *testing.T) {
		var buf bytes.Buffer
		w := journal.NewWriter(&buf, nil)
		at := time.Date(2020, 6, 1, 9, 0, 0, 0, cst)
		for _, e := range []matters.Event{
			{Matter: "WH-9", Seq: 1, At: at, Kind: matters.Report, Actor: "JJ-01", Type: "噪声扰民"},
			{Matter: "WH-9", Seq: 2, At: at, Kind: matters.Resolve, Actor: "JJ-01"},
		} {
			if _, err := w.AppendEvent(e); err != nil {
				t.Fatal(err)
			}
		}
		got, err := journal.Rebuild(bytes.NewReader(buf.Bytes()), nil)
		if !errors.Is(err, matters.ErrTransition) || got.Head.Seq != 1 || len(got.Matters["WH-9"].Events) != 1 {
			t.Errorf("Rebuild = %v, %v; want ErrTransition after entry 1", got.Head, err)
		}
	})
	t.Run("a duplicate evaluation", func(t *testing.T) {
		var buf bytes.Buffer
		w := journal.NewWriter(&buf, nil)
		s := smallHistory()
		for _, e := range []step{s[6], s[6]} {
			if err := appendStep(w, e); err != nil {
				t.Fatal(err)
			}
		}
		got, err := journal.Rebuild(bytes.NewReader(buf.Bytes()), nil)
		if !errors.Is(err, scoring.ErrDuplicate) || got.Head.Seq != 1 {
			t.Errorf("Rebuild = %v, %v; want ErrDuplicate after entry 1", got.Head, err)
		}
	})
}
