package main

// The audit of the year's journal: what an insider with the file can do to
// it, and what the published checkpoints, the proofs and the receipts show
// (package journal). Each attack runs on the year's 8,080
// entries.

import (
	"bytes"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/witness"
	"github.com/qingdan/qingdan/journal"
	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/scoring"
	"github.com/shopspring/decimal"
	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

// origin names the sub-district's journal and its key.
const origin = "jj.wuhu.example/journal/2020"

// audited is the year's journal as the sub-district keeps and publishes
// it: the journal, its tree, the key, and a signed checkpoint at the end of
// each month (the monthly review, 月点评), the last at the year's end.
type audited struct {
	log      []byte
	lines    [][]byte
	tree     *journal.Tree
	signer   note.Signer
	vkey     string
	verifier note.Verifier
	months   []journal.Checkpoint // by month, January first
	signed   [][]byte             // the months' checkpoints, signed
	state    *journal.Rebuilt
}

var theAudit = sync.OnceValues(func() (*audited, error) {
	w, err := loadWorld()
	if err != nil {
		return nil, err
	}
	a, err := build(w, wuhu.Table())
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if _, err := writeTrail(&buf, a); err != nil {
		return nil, err
	}
	// A test key, from a fixed seed; a sub-district keeps its signer key
	// secret and publishes the verifier key.
	skey, vkey, err := note.GenerateKey(bytes.NewReader(bytes.Repeat([]byte{7}, 32)), origin)
	if err != nil {
		return nil, err
	}
	au := &audited{log: buf.Bytes(), lines: bytes.SplitAfter(buf.Bytes(), []byte("\n")), tree: journal.NewTree(), vkey: vkey}
	au.lines = au.lines[:len(au.lines)-1] // the empty piece after the last line feed
	if au.signer, err = note.NewSigner(skey); err != nil {
		return nil, err
	}
	if au.verifier, err = note.NewVerifier(vkey); err != nil {
		return nil, err
	}
	// The entries of each month: the trail is in time order.
	var ends [12]int64
	for i, it := range trail(a) {
		ends[it.at.In(cst).Month()-1] = int64(i + 1)
	}
	if _, err := journal.Verify(bytes.NewReader(au.log), &journal.Options{Tree: au.tree}); err != nil {
		return nil, err
	}
	for m, end := range ends {
		if m > 0 && end == 0 {
			end = ends[m-1]
		}
		root, err := au.tree.Root(end)
		if err != nil {
			return nil, err
		}
		cp := journal.Checkpoint{Origin: origin, Size: end, Root: root}
		msg, err := cp.Sign(au.signer)
		if err != nil {
			return nil, err
		}
		au.months, au.signed = append(au.months, cp), append(au.signed, msg)
	}
	au.state, err = journal.Rebuild(bytes.NewReader(au.log), nil)
	return au, err
})

func audit(t *testing.T) *audited {
	t.Helper()
	au, err := theAudit()
	if err != nil {
		t.Fatal(err)
	}
	return au
}

// year returns the last checkpoint, the year's.
func (au *audited) year() journal.Checkpoint { return au.months[11] }

// periods are the year and its months.
func periods() []scoring.Period {
	ps := []scoring.Period{scoring.Year(2020)}
	for m := time.January; m <= time.December; m++ {
		ps = append(ps, scoring.Month(2020, m))
	}
	return ps
}

// TestAuditCutShort removes entries from the end, as an insider with the
// file can: the journal is a sound chain still, and its scores change;
// the published checkpoint catches it and names the first entry removed.
func TestAuditCutShort(t *testing.T) {
	t.Parallel()
	au := audit(t)
	n := int64(len(au.lines))
	if n != 8080 {
		t.Fatalf("the year's journal has %d entries; want 8,080", n)
	}
	for _, removed := range []int64{1, 100, 3728, n} {
		cut := bytes.Join(au.lines[:n-removed], nil)
		if _, err := journal.Verify(bytes.NewReader(cut), nil); err != nil {
			t.Fatalf("without %d entries, Verify alone = %v: a cut journal is a sound chain", removed, err)
		}
		_, err := journal.Verify(bytes.NewReader(cut), nil, au.year())
		var ve *journal.VerifyError
		if !errors.Is(err, journal.ErrHeadMismatch) || !errors.As(err, &ve) || ve.Line != n-removed+1 {
			t.Errorf("without the last %d entries, Verify with the year's checkpoint = %v; want ErrHeadMismatch naming entry %d", removed, err, n-removed+1)
		}
		if _, err := journal.RebuildAt(bytes.NewReader(cut), au.year(), nil); !errors.Is(err, journal.ErrHeadMismatch) {
			t.Errorf("without the last %d entries, RebuildAt the year's checkpoint = %v; want ErrHeadMismatch", removed, err)
		}
	}
}

// TestAuditRewritten rewrites the journal from an entry on, downgrading an
// evaluation and recomputing every hash after it: a sound chain, which the
// published checkpoint catches; the tree's tiles as a witness mirrored
// them name the entry; no consistency proof joins it to the month before.
func TestAuditRewritten(t *testing.T) {
	t.Parallel()
	au := audit(t)
	mirror, err := witness.Mirror(au.tree, 8, tlog.Tree{N: au.year().Size, Hash: tlog.Hash(au.year().Root)})
	if err != nil {
		t.Fatal(err)
	}
	for _, month := range []int{0, 5, 11} { // an evaluation of January, of June, of December
		first := au.firstEvaluationAfter(t, au.months[max(month-1, 0)].Size*int64(min(month, 1)))
		forged := au.rewrite(t, first)
		if _, err := journal.Verify(bytes.NewReader(forged), nil); err != nil {
			t.Fatalf("rewritten from entry %d, Verify alone = %v: a rechained journal is a sound chain", first, err)
		}
		_, err := journal.Verify(bytes.NewReader(forged), nil, au.months...)
		if !errors.Is(err, journal.ErrHeadMismatch) {
			t.Errorf("rewritten from entry %d, Verify with the checkpoints = %v; want ErrHeadMismatch", first, err)
		}
		tree := journal.NewTree()
		if _, err := journal.Verify(bytes.NewReader(forged), &journal.Options{Tree: tree}); err != nil {
			t.Fatal(err)
		}
		if got, err := tree.FirstDifference(mirror, au.year().Size); err != nil || got != first {
			t.Errorf("rewritten from entry %d, FirstDifference = %d, %v", first, got, err)
		}
		// The month before the rewriting: no proof joins it to the
		// rewritten year.
		if month > 0 {
			before := au.months[month-1]
			p, err := tree.ConsistencyProof(before.Size, tree.Size())
			if err != nil {
				t.Fatal(err)
			}
			if err := journal.VerifyConsistency(p, before, tree.Checkpoint(origin)); err != nil {
				t.Errorf("rewritten from entry %d in month %d: the months before are untouched, yet %v", first, month+1, err)
			}
			after := au.months[month]
			if err := journal.VerifyConsistency(p, after, tree.Checkpoint(origin)); !errors.Is(err, journal.ErrProof) {
				t.Errorf("rewritten from entry %d: a proof from month %d's checkpoint = %v; want ErrProof", first, month+1, err)
			}
		}
	}
}

// firstEvaluationAfter returns the first evaluation's entry after entry
// from.
func (au *audited) firstEvaluationAfter(t *testing.T, from int64) int64 {
	t.Helper()
	for i := from; i < int64(len(au.lines)); i++ {
		if bytes.Contains(au.lines[i], []byte(`"kind":"evaluation"`)) {
			return i + 1
		}
	}
	t.Fatalf("no evaluation after entry %d", from)
	return 0
}

// rewrite downgrades the evaluation at entry seq to poor and rewrites the
// journal from it, every hash recomputed, with the Writer.
func (au *audited) rewrite(t *testing.T, seq int64) []byte {
	t.Helper()
	var buf bytes.Buffer
	buf.Write(bytes.Join(au.lines[:seq-1], nil))
	head, err := journal.Verify(bytes.NewReader(buf.Bytes()), nil)
	if err != nil {
		t.Fatal(err)
	}
	w := journal.NewWriterAt(&buf, head, nil)
	for i := seq - 1; i < int64(len(au.lines)); i++ {
		l := au.lines[i]
		e, err := journal.ParseLine(l[:len(l)-1])
		if err != nil {
			t.Fatal(err)
		}
		switch e.Kind {
		case journal.KindEvent:
			v, _ := e.Event()
			_, err = w.AppendEvent(v)
		case journal.KindEvaluation:
			v, _ := e.Evaluation()
			if i == seq-1 {
				v.Result.Grade, v.Result.Points = "poor", decimal.RequireFromString("40")
			}
			_, err = w.AppendEvaluation(v)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	return buf.Bytes()
}

// TestAuditForgedAmendment appends, after the year's checkpoint, an
// amendment dated in March that downgrades a department. Appending is no
// tampering, so Verify passes, but the amendment stands where it was
// appended: no score of any period, as of any checkpoint published before
// it, changes, and anyone sees its position.
func TestAuditForgedAmendment(t *testing.T) {
	t.Parallel()
	au := audit(t)
	var target scoring.Evaluation
	for _, e := range au.state.Book.Evaluations() {
		if e.Subject == "cgj" && e.At.Month() == time.March && e.Result.Grade != "poor" {
			target = e
			break
		}
	}
	if target.Matter == "" {
		t.Fatal("no evaluation of cgj in March")
	}
	forged := scoring.Amendment{Evaluation: target, Author: "某人", Reason: "补录复核意见"}
	forged.At = target.At.Add(time.Hour) // backdated: appended after the year closed
	forged.Result.Grade, forged.Result.Points = "poor", decimal.RequireFromString("40")
	var buf bytes.Buffer
	buf.Write(au.log)
	if _, err := journal.NewWriterAt(&buf, au.tree.Head(), nil).AppendAmendment(forged); err != nil {
		t.Fatal(err)
	}
	if _, err := journal.Verify(bytes.NewReader(buf.Bytes()), nil, au.months...); err != nil {
		t.Fatalf("Verify with every monthly checkpoint = %v: an appended entry is no tampering", err)
	}
	for m, cp := range au.months {
		was, err := journal.RebuildAt(bytes.NewReader(au.log), cp, nil)
		if err != nil {
			t.Fatal(err)
		}
		now, err := journal.RebuildAt(bytes.NewReader(buf.Bytes()), cp, nil)
		if err != nil {
			t.Fatalf("RebuildAt month %d's checkpoint = %v", m+1, err)
		}
		for _, p := range periods() {
			if diff := cmp.Diff(was.Book.Scores(p), now.Book.Scores(p)); diff != "" {
				t.Errorf("scores over %v as of month %d's checkpoint mismatch (-published +now):\n%s", p, m+1, diff)
			}
		}
	}
	after, err := journal.Rebuild(bytes.NewReader(buf.Bytes()), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(after.Amendments) != 1 || after.Amendments[0].Seq != au.year().Size+1 || !after.Amendments[0].Counts {
		t.Fatalf("amendments %+v; want the forged one at entry %d, after the year's checkpoint", after.Amendments, au.year().Size+1)
	}
	if cmp.Equal(after.Book.Scores(scoring.Month(2020, time.March)), au.state.Book.Scores(scoring.Month(2020, time.March))) {
		t.Error("the forged amendment changes no score read from the whole journal: the test proves nothing")
	}
}
