package journal_test

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/journal"
	"github.com/qingdan/qingdan/scoring"
	"github.com/shopspring/decimal"
)

// amended returns an amendment of e to grade at the time at.
func amended(e scoring.Evaluation, grade, points string, at time.Time, author string) scoring.Amendment {
	a := scoring.Amendment{Evaluation: e, Author: author, Reason: "复核"}
	a.At, a.Result.Grade, a.Result.Points = at, grade, decimal.RequireFromString(points)
	return a
}

// TestAmendmentsCountByPosition checks that, of the amendments of one
// evaluation, the last in the journal counts, whatever time each claims.
func TestAmendmentsCountByPosition(t *testing.T) {
	s := smallHistory()
	// The hotline that reported the matter does its return visit: the
	// matter must replay, not only be written.
	s[5].event.Actor = "91580"
	eval := *s[6].evaluation
	first := amended(eval, "fair", "70", eval.At.Add(72*time.Hour), "街道党工委")
	backdated := amended(eval, "poor", "40", eval.At.Add(time.Hour), "某人") // appended later, dated earlier
	var buf bytes.Buffer
	w := journal.NewWriter(&buf, nil)
	for _, st := range s[:7] {
		if err := appendStep(w, st); err != nil {
			t.Fatal(err)
		}
	}
	for _, a := range []scoring.Amendment{first, backdated} {
		if _, err := w.AppendAmendment(a); err != nil {
			t.Fatal(err)
		}
	}
	got, err := journal.Rebuild(bytes.NewReader(buf.Bytes()), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []journal.Amended{{Seq: 8, Amends: 7, Amendment: first}, {Seq: 9, Amends: 7, Counts: true, Amendment: backdated}}
	if diff := cmp.Diff(want, got.Amendments, cmp.Comparer(sameAmendment)); diff != "" {
		t.Errorf("amendments mismatch (-want +got):\n%s", diff)
	}
	books := got.Book.Amendments()
	if len(books) != 1 || !sameAmendment(books[0], backdated) {
		t.Errorf("the book holds %v; want the last amendment in the journal, %v", books, backdated)
	}
	scores := got.Book.Scores(scoring.Year(2020))
	if len(scores) != 1 || scores[0].Grades["poor"] != 1 {
		t.Errorf("scores %v; want the evaluation graded poor, as the last amendment says", scores)
	}
}

// sameAmendment compares amendments by value, times as instants.
func sameAmendment(x, y scoring.Amendment) bool {
	return x.Matter == y.Matter && x.Subject == y.Subject && x.Evaluator == y.Evaluator && x.Stage == y.Stage &&
		x.At.Equal(y.At) && x.Result.Grade == y.Result.Grade && x.Result.Points.Equal(y.Result.Points) &&
		x.Author == y.Author && x.Reason == y.Reason
}

func TestAmendmentsRefused(t *testing.T) {
	s := smallHistory()
	// The hotline that reported the matter does its return visit: the
	// matter must replay, not only be written.
	s[5].event.Actor = "91580"
	eval := *s[6].evaluation
	a := amended(eval, "fair", "70", eval.At.Add(time.Hour), "街道党工委")
	tests := []struct {
		name  string
		steps []step
		line  int64
		want  error
	}{
		{"before the evaluation it amends", []step{s[0], {amendment: &a}, s[6]}, 2, scoring.ErrNotFound},
		{"the same amendment twice", []step{s[6], {amendment: &a}, {amendment: &a}}, 3, scoring.ErrDuplicate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := journal.Rebuild(bytes.NewReader(write(t, tt.steps)), nil)
			if !errors.Is(err, tt.want) || got.Head.Seq != tt.line-1 {
				t.Errorf("Rebuild = %v after %d entries; want %v after %d", err, got.Head.Seq, tt.want, tt.line-1)
			}
		})
	}
	// An amendment without its author or its reason, rechained in: no
	// Writer writes it, so Verify finds it tampered, as Rebuild does
	// before the book sees it.
	j := write(t, []step{s[6], {amendment: &a}})
	for _, c := range []struct{ old, new string }{
		{`"author":"街道党工委"`, `"author":""`},
		{`"reason":"复核"`, `"reason":""`},
	} {
		bad := rechain(edit(j, 1, c.old, c.new), 1)
		_, verr := journal.Verify(bytes.NewReader(bad), nil)
		_, rerr := journal.Rebuild(bytes.NewReader(bad), nil)
		for name, err := range map[string]error{"Verify": verr, "Rebuild": rerr} {
			if ve, ok := errors.AsType[*journal.VerifyError](err); !ok || ve.Err != journal.ErrTampered || ve.Line != 2 {
				t.Errorf("%s of an amendment with %s = %v; want line 2 tampered", name, c.new, err)
			}
		}
	}
}

// TestRebuildAtIgnoresWhatCameAfter appends a forged amendment, dated
// before the checkpoint, after it: the state at the checkpoint, and every
// score of it, stays what was published.
func TestRebuildAtIgnoresWhatCameAfter(t *testing.T) {
	steps := history(4, 60, 2020)
	j := write(t, steps)
	tree, _ := treeOf(t, j)
	cp := tree.Checkpoint(corpusOrigin)
	published, err := journal.Rebuild(bytes.NewReader(j), nil)
	if err != nil {
		t.Fatal(err)
	}
	// The forger downgrades the first evaluation, dating the amendment
	// an hour after it.
	var target scoring.Evaluation
	for _, st := range steps {
		if st.evaluation != nil {
			target = *st.evaluation
			break
		}
	}
	forged := amended(target, "poor", "0", target.At.Add(time.Hour), "某人")
	var buf bytes.Buffer
	buf.Write(j)
	if _, err := journal.NewWriterAt(&buf, tree.Head(), nil).AppendAmendment(forged); err != nil {
		t.Fatal(err)
	}
	if _, err := journal.Verify(bytes.NewReader(buf.Bytes()), nil, cp); err != nil {
		t.Fatalf("Verify of the journal with the appended amendment = %v: appending is no tampering", err)
	}
	at, err := journal.RebuildAt(bytes.NewReader(buf.Bytes()), cp, nil)
	if err != nil || at.Head != tree.Head() {
		t.Fatalf("RebuildAt = %v, %v; want the state at %d", at.Head, err, cp.Size)
	}
	after, err := journal.Rebuild(bytes.NewReader(buf.Bytes()), nil)
	if err != nil {
		t.Fatal(err)
	}
	changed := 0
	periods := []scoring.Period{scoring.Year(2020)}
	for m := time.January; m <= time.December; m++ {
		periods = append(periods, scoring.Month(2020, m))
	}
	for _, p := range periods {
		if diff := cmp.Diff(published.Book.Scores(p), at.Book.Scores(p)); diff != "" {
			t.Errorf("scores over %v at the checkpoint mismatch (-want +got):\n%s", p, diff)
		}
		if !cmp.Equal(published.Book.Scores(p), after.Book.Scores(p)) {
			changed++
		}
	}
	if changed == 0 {
		t.Error("the forged amendment changes no score even after the checkpoint: the test proves nothing")
	}
	last := after.Amendments[len(after.Amendments)-1]
	if last.Seq <= cp.Size || !last.Counts {
		t.Errorf("the forged amendment is at %d (counts: %v); want after the checkpoint's %d entries, where anyone sees it", last.Seq, last.Counts, cp.Size)
	}
	// A checkpoint the journal does not hold.
	wrong := cp
	wrong.Root[0] ^= 1
	if _, err := journal.RebuildAt(bytes.NewReader(buf.Bytes()), wrong, nil); !errors.Is(err, journal.ErrHeadMismatch) {
		t.Errorf("RebuildAt a checkpoint of another journal = %v; want ErrHeadMismatch", err)
	}
	wrong = cp
	wrong.Size += 5
	if _, err := journal.RebuildAt(bytes.NewReader(j), wrong, nil); !errors.Is(err, journal.ErrHeadMismatch) {
		t.Errorf("RebuildAt beyond the journal = %v; want ErrHeadMismatch", err)
	}
	// A journal torn before the checkpoint's last entry: entries were
	// removed, as Verify given the checkpoint says, not a crash.
	ls := lines(j)
	torn := append(join(ls[:len(ls)-1]), ls[len(ls)-1][:30]...)
	if _, err := journal.Verify(bytes.NewReader(torn), nil, cp); !errors.Is(err, journal.ErrHeadMismatch) {
		t.Fatalf("Verify of a journal torn before the checkpoint = %v; want ErrHeadMismatch", err)
	}
	if _, err := journal.RebuildAt(bytes.NewReader(torn), cp, nil); !errors.Is(err, journal.ErrHeadMismatch) || errors.Is(err, journal.ErrTorn) {
		t.Errorf("RebuildAt of a journal torn before the checkpoint = %v; want ErrHeadMismatch, as Verify", err)
	}
}

// TestAmendmentRepeatedButForItsFacts: an amendment that repeats one before it
// in all the book keeps but not byte for byte (the facts it was graded
// on, which a book does not keep) is the same amendment to the book
// (scoring.ErrDuplicate). Rebuild refuses it, so
// Apply must refuse it — after a Resume too, whose snapshot holds the
// first — and so must Check, or a host commits an entry that its state
// and every rebuild refuse.
func TestAmendmentRepeatedButForItsFacts(t *testing.T) {
	s := smallHistory()
	s[5].event.Actor = "91580"
	eval := *s[6].evaluation
	a := amended(eval, "fair", "70", eval.At.Add(time.Hour), "街道党工委")
	again := amended(eval, "fair", "70", eval.At.Add(time.Hour), "街道党工委")
	again.Facts = &scoring.Facts{Matter: eval.Matter, Subject: eval.Subject, Evaluator: eval.Evaluator, Stage: eval.Stage, Quality: 4}
	ls := lines(write(t, append(s[:7:7], step{amendment: &a}, step{amendment: &again})))
	n := len(ls)
	if got, err := journal.Rebuild(bytes.NewReader(join(ls)), nil); !errors.Is(err, scoring.ErrDuplicate) || got.Head.Seq != int64(n-1) {
		t.Fatalf("Rebuild = %v after %d entries; want scoring.ErrDuplicate after %d", err, got.Head.Seq, n-1)
	}
	last := bytes.TrimSuffix(ls[n-1], []byte("\n"))
	rebuilt, snap := snapshotAfter(t, ls, n-1)
	resumed, err := journal.Resume(snap, rows(ls[n-2:n-1]), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range []struct {
		name  string
		state *journal.Rebuilt
	}{{"rebuilt", rebuilt}, {"resumed", resumed}} {
		if err := st.state.Check(last); !errors.Is(err, scoring.ErrDuplicate) {
			t.Errorf("%s: Check = %v; want scoring.ErrDuplicate, as Rebuild", st.name, err)
		}
		if err := st.state.Apply(last); !errors.Is(err, scoring.ErrDuplicate) {
			t.Errorf("%s: Apply = %v; want scoring.ErrDuplicate, as Rebuild", st.name, err)
		}
	}
	before, _ := snapshotAfter(t, ls, n-2) // both amendments in one change
	if err := before.Check(bytes.TrimSuffix(ls[n-2], []byte("\n")), last); !errors.Is(err, scoring.ErrDuplicate) {
		t.Errorf("Check of both = %v; want scoring.ErrDuplicate, as Rebuild", err)
	}
}
