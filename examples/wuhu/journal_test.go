package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/shopspring/decimal"

	"github.com/qingdan/qingdan/examples/internal/clitest"
	"github.com/qingdan/qingdan/journal"
	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring"
)

// decimalEqual compares decimals by value.
var decimalEqual = cmp.Comparer(func(x, y decimal.Decimal) bool { return x.Equal(y) })

// TestJournal writes the year's journal with -json -journal and checks it:
// it verifies, holds every event and every evaluation the program counts,
// in the order they happened, and rebuilds into the matters and the scores
// the program reports; a flipped byte is caught and its entry named. Runs
// without -json write the same journal and print their report followed by
// the journal's two lines.
func TestJournal(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	name := filepath.Join(dir, "2020.jsonl")
	rep, out := runReport(t, "-json", "-journal", name)
	j := rep.Journal
	if j == nil || rep.Summary == nil || rep.Figures == nil {
		t.Fatalf("no journal, summary or figures in %s", out)
	}
	// The year's trail is fixed: its entries, head and root are golden
	// (what grades the year, package grading, must not move them).
	fixed, err := json.MarshalIndent(struct {
		Entries     any          `json:"entries"`
		Events      any          `json:"events"`
		Evaluations any          `json:"evaluations"`
		Head        journal.Hash `json:"head"`
		Root        journal.Hash `json:"root"`
	}{j.Entries, j.Events, j.Evaluations, j.Head, j.Root}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	clitest.Check(t, "testdata/journal-head.golden", append(fixed, '\n'))

	// The JSON is the plain -json report plus the journal member.
	var withJournal, plain map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &withJournal); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(runWith("-json").stdout), &plain); err != nil {
		t.Fatal(err)
	}
	delete(withJournal, "journal")
	if diff := cmp.Diff(plain, withJournal, cmp.Transformer("string", func(m json.RawMessage) string { return string(m) })); diff != "" {
		t.Errorf("-json -journal other than the journal member mismatch (-want +got):\n%s", diff)
	}

	log, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	head, err := journal.Verify(bytes.NewReader(log), nil)
	if err != nil {
		t.Fatalf("Verify: %v", err)
	}
	f := rep.Figures
	if head.Seq != j.Entries || head.Hash != j.Head {
		t.Errorf("journal head %v; the program reports %d:%s", head, j.Entries, j.Head)
	}
	if j.Evaluations != f.Evaluations+f.StreetGrades || j.Entries != int64(j.Events+j.Evaluations) {
		t.Errorf("%d entries: %d events and %d evaluations; the figures count %d evaluations of departments and %d of sub-districts",
			j.Entries, j.Events, j.Evaluations, f.Evaluations, f.StreetGrades)
	}
	if j.File != name {
		t.Errorf("journal file %q; want %q", j.File, name)
	}

	state, err := journal.Rebuild(bytes.NewReader(log), nil)
	if err != nil {
		t.Fatalf("Rebuild: %v", err)
	}
	if state.Head != head {
		t.Errorf("rebuilt up to %v; want %v", state.Head, head)
	}
	var ms []*matters.Matter
	events := 0
	for _, m := range state.Matters {
		ms = append(ms, m)
		events += len(m.Events)
	}
	if want := rep.Summary.Received + f.Hotline + f.Unwhistled; len(ms) != want || events != j.Events {
		t.Errorf("rebuilt %d matters with %d events; want %d matters (received, the hotline's and unwhistled), %d events", len(ms), events, want, j.Events)
	}
	// A rebuilt matter is the live one: times in China Standard Time,
	// whatever the journal wrote them in (UTC).
	for _, m := range gradedYear(t).year.matters {
		if !reflect.DeepEqual(m, state.Matters[m.ID]) {
			t.Errorf("rebuilt matter %s is not deeply equal to the live one (-live +rebuilt):\n%s", m.ID, cmp.Diff(m, state.Matters[m.ID]))
			break
		}
	}
	// The received matters are the sub-districts' whistles: the matters
	// the hotline reported are a stream of their own.
	w, err := loadWorld()
	if err != nil {
		t.Fatal(err)
	}
	var whistles []*matters.Matter
	for _, m := range ms {
		if m.Events[0].Actor != w.city.Hotline.ID {
			whistles = append(whistles, m)
		}
	}
	s := matters.Summarize(whistles)
	if s.Received != 746 || s.Resolved != 619 || s.Assigned != 0 {
		t.Errorf("rebuilt matters: received %d, resolved %d, %d without a whistle; want 746, 619, 0", s.Received, s.Resolved, s.Assigned)
	}
	if diff := cmp.Diff(*rep.Summary, s, decimalEqual); diff != "" {
		t.Errorf("summary of the rebuilt matters mismatch (-want +got):\n%s", diff)
	}

	// The annual report gives each department's score but not its rank
	// among the composites.
	var want []scoring.Score
	for _, d := range slices.Concat(func() []row {
		var rows []row
		for _, d := range rep.Departments {
			rows = append(rows, d.row)
		}
		return rows
	}(), rep.Streets) {
		want = append(want, scoring.Score{Subject: d.ID, Matters: d.Matters, Evaluations: d.Evaluations, Composite: d.Composite, Grades: d.Grades})
	}
	got := state.Book.Scores(scoring.Year(rep.Year))
	bySubject := cmpopts.SortSlices(func(x, y scoring.Score) bool { return x.Subject < y.Subject })
	if diff := cmp.Diff(want, got, bySubject, decimalEqual, cmpopts.EquateEmpty(), cmpopts.IgnoreFields(scoring.Score{}, "Rank")); diff != "" {
		t.Errorf("scores of the rebuilt book mismatch (-want +got):\n%s", diff)
	}

	t.Run("order", func(t *testing.T) { checkOrder(t, log) })

	// The same journal whatever else the program prints, and after the
	// text report its two lines. An existing file is replaced.
	for _, tc := range []struct {
		golden string
		args   []string
	}{
		{"default", nil},
		{"month", []string{"-month", "2020-06"}},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			other := filepath.Join(dir, tc.golden+".jsonl")
			if err := os.WriteFile(other, []byte("not a journal\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			args := append(slices.Clone(tc.args), "-journal", other)
			r := runWith(args...)
			if r.code != 0 || r.stderr != "" {
				t.Fatalf("run(%q) = %d, stderr %q; want 0 and nothing", args, r.code, r.stderr)
			}
			golden, err := os.ReadFile(filepath.Join("testdata", tc.golden+".golden"))
			if err != nil {
				t.Fatal(err)
			}
			wantOut := fmt.Sprintf("%s\n审计留痕：journal %s 共 %d 条（事件 %d 条，评价 %d 次）\n末条哈希 %s（记入年末综合评分会议纪要）\n默克尔树根 %s（签名为检查点后公布）\n",
				golden, other, head.Seq, j.Events, j.Evaluations, head.Hash, j.Root)
			if diff := cmp.Diff(wantOut, r.stdout); diff != "" {
				t.Errorf("run(%q) mismatch (-want +got):\n%s", args, diff)
			}
			again, err := os.ReadFile(other)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(log, again) {
				t.Errorf("run(%q) wrote another journal (%d bytes) than -json -journal (%d bytes)", args, len(again), len(log))
			}
		})
	}
	// No temporary file is left behind.
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if diff := cmp.Diff([]string{"2020.jsonl", "default.jsonl", "month.jsonl"}, names); diff != "" {
		t.Errorf("files in the journal's directory mismatch (-want +got):\n%s", diff)
	}

	t.Run("tampered", func(t *testing.T) {
		bad := slices.Clone(log)
		// A byte of the content of the entry in the middle, the first of
		// its matter's ID: one of its seq would name another entry, one
		// of its framing make no entry at all.
		start := bytes.LastIndexByte(bad[:len(bad)/2], '\n') + 1
		content := []byte(`"payload":{"matter":"`)
		i := start + bytes.Index(bad[start:], content) + len(content)
		bad[i] ^= 1
		line := int64(bytes.Count(bad[:i], []byte("\n")) + 1)
		_, err := journal.Verify(bytes.NewReader(bad), nil)
		var ve *journal.VerifyError
		if !errors.Is(err, journal.ErrTampered) || !errors.As(err, &ve) {
			t.Fatalf("Verify after flipping byte %d = %v; want ErrTampered", i, err)
		}
		if ve.Line != line || ve.Head.Seq != line-1 || !strings.Contains(err.Error(), fmt.Sprintf("entry %d", line)) {
			t.Errorf("Verify after flipping byte %d (entry %d) = %v (line %d, %d sound entries); want entry %d named, %d sound",
				i, line, err, ve.Line, ve.Head.Seq, line, line-1)
		}
	})
}

// checkOrder checks that the journal holds the year in the order it
// happened: entries by time, each matter's events in Seq order from 1, and
// each evaluation right after an event of its matter at its time or after
// another such evaluation.
func checkOrder(t *testing.T, log []byte) {
	seq := map[string]int{}      // last event Seq by matter
	at := map[string]time.Time{} // time of the last event by matter
	var last time.Time           // time of the last entry
	prevMatter := ""             // matter of the last entry
	jr := journal.NewReader(bytes.NewReader(log), nil)
	for e, err := range jr.All() {
		if err != nil {
			t.Fatal(err)
		}
		var matter string
		var when time.Time
		switch e.Kind {
		case journal.KindEvent:
			ev, err := e.Event()
			if err != nil {
				t.Fatal(err)
			}
			if ev.Seq != seq[ev.Matter]+1 {
				t.Errorf("entry %d: event %s#%d after #%d", e.Seq, ev.Matter, ev.Seq, seq[ev.Matter])
			}
			seq[ev.Matter], at[ev.Matter] = ev.Seq, ev.At
			matter, when = ev.Matter, ev.At
		case journal.KindEvaluation:
			ev, err := e.Evaluation()
			if err != nil {
				t.Fatal(err)
			}
			if prevMatter != ev.Matter || !at[ev.Matter].Equal(ev.At) {
				t.Errorf("entry %d: evaluation of %s at %v follows an entry of %s, its last event at %v; want right after that event",
					e.Seq, ev.Matter, ev.At, prevMatter, at[ev.Matter])
			}
			matter, when = ev.Matter, ev.At
		default:
			t.Errorf("entry %d: kind %v; the year has events and evaluations only", e.Seq, e.Kind)
		}
		if when.Before(last) {
			t.Errorf("entry %d (%s of %s) at %v, before the entry before it at %v", e.Seq, e.Kind, matter, when, last)
		}
		last, prevMatter = when, matter
	}
}

// TestJournalFailure checks that a journal that cannot be written leaves
// the file it would replace as it was, and no temporary file.
func TestJournalFailure(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	name := filepath.Join(dir, "2020.jsonl")
	if err := os.WriteFile(name, []byte("last year's journal\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	jf, err := createJournal(name)
	if err != nil {
		t.Fatal(err)
	}
	jf.out.Abort() // the temporary file lost: writing it fails
	if _, err := jf.write(&graded{year: &year{}}); err == nil || !strings.Contains(err.Error(), name) {
		t.Errorf("write to a lost file = %v; want an error naming %s", err, name)
	}
	jf.abort()
	b, err := os.ReadFile(name)
	if err != nil || string(b) != "last year's journal\n" {
		t.Errorf("after a failed write the journal holds %q (%v); want last year's", b, err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		t.Errorf("%d files in the journal's directory after a failed write; want the journal alone", len(entries))
	}
}

// BenchmarkJournal writes the graded year's journal (every event and
// evaluation, about 6,700 entries) to io.Discard.
func BenchmarkJournal(b *testing.B) {
	a := gradedYear(b)
	checkTrail(b, a)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := writeTrail(io.Discard, a); err != nil {
			b.Fatal(err)
		}
	}
}

// gradedYear loads the embedded data and grades the year under the Wuhu
// table, failing tb if it cannot.
func gradedYear(tb testing.TB) *graded {
	tb.Helper()
	w, err := loadWorld()
	if err != nil {
		tb.Fatal(err)
	}
	a, err := build(w, wuhu.Table())
	if err != nil {
		tb.Fatal(err)
	}
	return a
}

// checkTrail fails tb unless a's trail, written as the journal, has the
// entries, head and root of testdata/journal-head.golden, which TestJournal
// holds the program's journal to: the head hashes every event and
// evaluation of the year, in order.
func checkTrail(tb testing.TB, a *graded) {
	tb.Helper()
	got, err := writeTrail(io.Discard, a)
	if err != nil {
		tb.Fatal(err)
	}
	b, err := os.ReadFile("testdata/journal-head.golden")
	if err != nil {
		tb.Fatal(err)
	}
	var want journalInfo
	if err := json.Unmarshal(b, &want); err != nil {
		tb.Fatal(err)
	}
	if diff := cmp.Diff(want, *got); diff != "" {
		tb.Fatalf("the year's trail mismatch (-golden +got):\n%s", diff)
	}
}
