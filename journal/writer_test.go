package journal_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/journal"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/shopspring/decimal"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// smallHistory is a short history with every kind of entry, times in CST
// with nanoseconds, and characters that HTML escaping would change.
func smallHistory() []step {
	at := time.Date(2020, 6, 1, 9, 30, 0, 123456789, cst)
	yes := true
	ev := func(seq int, k matters.Kind, actor string, d time.Duration, f func(*matters.Event)) step {
		e := matters.Event{Matter: "WH-2020-00001", Seq: seq, At: at.Add(d), Kind: k, Actor: actor}
		if f != nil {
			f(&e)
		}
		return step{event: &e}
	}
	eval := scoring.Evaluation{
		Matter: "WH-2020-00001", Subject: "城管局", Evaluator: "JJ-01", Stage: 1, At: at.Add(50 * time.Hour),
		Result: scoring.Result{Grade: "good", Points: decimal.RequireFromString("85"), Policy: "default/2020", Reasons: reason.Texts("<2h> & 质量较好")},
	}
	amend := scoring.Amendment{Evaluation: eval, Author: "街道党工委", Reason: "复核：群众不满意"}
	amend.At = at.Add(80 * time.Hour)
	amend.Result.Grade, amend.Result.Points = "fair", decimal.RequireFromString("70")
	return []step{
		ev(1, matters.Report, "91580", 0, func(e *matters.Event) { e.Type, e.Units, e.Note = "占道经营", []string{"JJ-01"}, "市民来电" }),
		ev(2, matters.Whistle, "JJ-01", time.Hour, nil),
		ev(3, matters.Dispatch, "JJ-01", 2*time.Hour, func(e *matters.Event) { e.Units = []string{"城管局", "市场监管局"} }),
		ev(4, matters.Accept, "城管局", 3*time.Hour, nil),
		ev(5, matters.Resolve, "城管局", 48*time.Hour, nil),
		ev(6, matters.Feedback, "JJ-01", 49*time.Hour, func(e *matters.Event) { e.Satisfied = &yes }),
		{evaluation: &eval},
		{amendment: &amend},
	}
}

func TestGoldenJournal(t *testing.T) {
	got := write(t, smallHistory())
	path := filepath.Join("testdata", "journal.golden")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("journal differs from %s: the format of a journal must never change\ngot:\n%s", path, got)
	}
	if !bytes.Contains(got, []byte(`"at":"2020-06-01T01:30:00.123456789Z"`)) || !bytes.Contains(got, []byte(`<2h> & 质量较好`)) {
		t.Errorf("times are not written in UTC with nanoseconds or HTML is escaped:\n%s", got)
	}
}

// TestHashAsDocumented recomputes every hash the way the package
// documentation tells a host in another language to.
func TestHashAsDocumented(t *testing.T) {
	j := write(t, history(1, 30, 2020))
	prev := strings.Repeat("0", 64)
	for i, l := range lines(j) {
		l = bytes.TrimSuffix(l, []byte("\n"))
		suffix := l[len(l)-75:]
		if !bytes.HasPrefix(suffix, []byte(`,"hash":"`)) || !bytes.HasSuffix(suffix, []byte(`"}`)) {
			t.Fatalf("line %d does not end with the hash member: %s", i+1, suffix)
		}
		sum := sha256.Sum256(append(bytes.Clone(l[:len(l)-75]), '}'))
		if got, want := string(suffix[9:73]), hex.EncodeToString(sum[:]); got != want {
			t.Fatalf("line %d: hash %s, computed %s", i+1, got, want)
		}
		if want := fmt.Sprintf(`{"seq":%d,"kind":"`, i+1); !bytes.HasPrefix(l, []byte(want)) {
			t.Fatalf("line %d does not start with %s", i+1, want)
		}
		if !bytes.Contains(l, []byte(`","prev":"`+prev+`","payload":{`)) {
			t.Fatalf("line %d does not name the previous hash %s", i+1, prev)
		}
		prev = string(suffix[9:73])
	}
	// A journal written by the same procedure in "another language" verifies.
	l1 := craft(1, "event", strings.Repeat("0", 64), `{"matter":"M","seq":1,"at":"2020-06-01T01:00:00Z","kind":"report","actor":"A","type":"T"}`)
	l2 := craft(2, "evaluation", string(l1[len(l1)-67:len(l1)-3]), `{"matter":"M","subject":"S","evaluator":"A","at":"2020-06-02T01:00:00Z","result":{"grade":"good","points":"85"}}`)
	if h, err := journal.Verify(bytes.NewReader(append(l1, l2...)), nil); err != nil || h.Seq != 2 {
		t.Errorf("Verify of a hand-made journal = %v, %v", h, err)
	}
	if _, err := journal.Rebuild(bytes.NewReader(append(l1, l2...)), nil); err != nil {
		t.Errorf("Rebuild of a hand-made journal: %v", err)
	}
}

func TestEntryPayloadRoundTrip(t *testing.T) {
	steps := smallHistory()
	j := write(t, steps)
	r := journal.NewReader(bytes.NewReader(j), nil)
	i := 0
	for e, err := range r.All() {
		if err != nil {
			t.Fatal(err)
		}
		s := steps[i]
		i++
		var got, want any
		switch e.Kind {
		case journal.KindEvent:
			got, err = e.Event()
			want = *s.event
		case journal.KindEvaluation:
			got, err = e.Evaluation()
			want = *s.evaluation
		case journal.KindAmendment:
			got, err = e.Amendment()
			want = *s.amendment
		}
		if err != nil {
			t.Fatalf("entry %d: %v", e.Seq, err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("entry %d mismatch (-want +got):\n%s", e.Seq, diff)
		}
		// The wrong accessor is an error.
		if e.Kind != journal.KindEvent {
			if _, err := e.Event(); !errors.Is(err, journal.ErrInvalid) {
				t.Errorf("entry %d: Event() of a %s = %v, want ErrInvalid", e.Seq, e.Kind, err)
			}
		}
	}
	if i != len(steps) {
		t.Errorf("read %d entries, want %d", i, len(steps))
	}
}

func TestPayloadDecodingIsStrict(t *testing.T) {
	tests := []struct {
		name    string
		payload string
	}{
		{"unknown field", `{"matter":"M","seq":1,"at":"2020-01-01T00:00:00Z","kind":"report","color":"red"}`},
		{"unknown kind", `{"matter":"M","seq":1,"at":"2020-01-01T00:00:00Z","kind":"teleport"}`},
		{"wrong type", `{"matter":1}`},
		{"not an object", `[1,2]`},
		{"trailing data", `{"matter":"M"} {}`},
		{"empty", ``},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := journal.Entry{Seq: 1, Kind: journal.KindEvent, Payload: []byte(tt.payload)}
			if _, err := e.Event(); !errors.Is(err, journal.ErrInvalid) {
				t.Errorf("Event() = %v, want ErrInvalid", err)
			}
		})
	}
}

// failWriter writes ok bytes, then fails.
type failWriter struct {
	ok  int
	buf bytes.Buffer
}

func (f *failWriter) Write(p []byte) (int, error) {
	if f.buf.Len()+len(p) <= f.ok {
		return f.buf.Write(p)
	}
	n := f.ok - f.buf.Len()
	f.buf.Write(p[:n])
	return n, errors.New("disk full")
}

// shortWriter writes half of what it is given and reports no error.
type shortWriter struct{}

func (shortWriter) Write(p []byte) (int, error) { return len(p) / 2, nil }

func TestWriterFailures(t *testing.T) {
	e := func(seq int) matters.Event {
		return matters.Event{Matter: "WH-1", Seq: seq, At: time.Date(2020, 6, 1, 9, 0, 0, 0, cst), Kind: matters.Progress, Actor: "城管局"}
	}
	t.Run("a failed write is sticky and leaves a torn journal to recover", func(t *testing.T) {
		fw := &failWriter{ok: 1 << 20}
		w := journal.NewWriter(fw, nil)
		h1, err := w.AppendEvent(e(1))
		if err != nil {
			t.Fatal(err)
		}
		one := bytes.Clone(fw.buf.Bytes())
		fw.ok = len(one) + 40
		if h, err := w.AppendEvent(e(2)); err == nil || h != h1 || !strings.Contains(err.Error(), "disk full") {
			t.Fatalf("AppendEvent = %v, %v; want head %v and the write error", h, err, h1)
		}
		if _, err := w.AppendEvent(e(2)); err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Errorf("AppendEvent after a failure = %v, want the first error again", err)
		}
		if w.Head() != h1 {
			t.Errorf("Head = %v, want %v", w.Head(), h1)
		}
		rh, size, err := journal.Recover(bytes.NewReader(fw.buf.Bytes()), nil)
		if err != nil || rh != h1 || size != int64(len(one)) {
			t.Errorf("Recover = %v, %d, %v; want %v, %d, nil", rh, size, err, h1, len(one))
		}
	})
	t.Run("short write", func(t *testing.T) {
		w := journal.NewWriter(shortWriter{}, nil)
		if _, err := w.AppendEvent(e(1)); err == nil {
			t.Error("AppendEvent to a short writer succeeded")
		}
	})
	t.Run("sync is called and its failure is sticky", func(t *testing.T) {
		calls := 0
		var buf bytes.Buffer
		w := journal.NewWriter(&buf, &journal.Options{Sync: func() error {
			calls++
			if calls == 2 {
				return errors.New("fsync failed")
			}
			return nil
		}})
		if _, err := w.AppendEvent(e(1)); err != nil || calls != 1 {
			t.Fatalf("AppendEvent = %v after %d syncs", err, calls)
		}
		if _, err := w.AppendEvent(e(2)); err == nil || !strings.Contains(err.Error(), "fsync failed") {
			t.Errorf("AppendEvent = %v, want the sync error", err)
		}
		if _, err := w.AppendEvent(e(3)); err == nil || calls != 2 {
			t.Errorf("AppendEvent after a failed sync = %v (%d syncs), want the first error", err, calls)
		}
	})
	for _, h := range []journal.Head{{Seq: -1}, {Seq: 0, Hash: journal.Hash{7}}, {Seq: 1e18 - 1, Hash: journal.Hash{7}}, {Seq: math.MaxInt64}} {
		t.Run("bad head "+h.String(), func(t *testing.T) {
			w := journal.NewWriterAt(&bytes.Buffer{}, h, nil)
			if _, err := w.AppendEvent(e(1)); !errors.Is(err, journal.ErrInvalid) {
				t.Errorf("AppendEvent = %v, want ErrInvalid", err)
			}
		})
	}
}

func TestWriterAtTheLastSeq(t *testing.T) {
	var buf bytes.Buffer
	w := journal.NewWriterAt(&buf, journal.Head{Seq: 1e18 - 2, Hash: journal.Hash{7}}, nil)
	e := matters.Event{Matter: "WH-1", Seq: 1, At: time.Date(2020, 6, 1, 9, 0, 0, 0, cst), Kind: matters.Report, Actor: "JJ-01", Type: "噪声扰民"}
	h, err := w.AppendEvent(e)
	if err != nil || h.Seq != 1e18-1 {
		t.Fatalf("AppendEvent = %v, %v", h, err)
	}
	if _, err := journal.ParseLine(bytes.TrimSuffix(buf.Bytes(), []byte("\n"))); err != nil {
		t.Errorf("the last entry does not parse: %v", err)
	}
	if _, err := w.AppendEvent(e); !errors.Is(err, journal.ErrInvalid) {
		t.Errorf("AppendEvent past the last seq = %v, want ErrInvalid", err)
	}
}

func TestWriterRefusesWhatItCannotKeepExactly(t *testing.T) {
	at := time.Date(2020, 6, 1, 9, 0, 0, 0, cst)
	tests := []struct {
		name   string
		append func(w *journal.Writer) (journal.Head, error)
	}{
		{"invalid UTF-8 in a note", func(w *journal.Writer) (journal.Head, error) {
			return w.AppendEvent(matters.Event{Matter: "WH-1", Seq: 1, At: at, Kind: matters.Report, Actor: "JJ-01", Note: "bad \xff byte"})
		}},
		{"invalid UTF-8 in a matter ID", func(w *journal.Writer) (journal.Head, error) {
			return w.AppendEvent(matters.Event{Matter: "\xc3", Seq: 1, At: at, Kind: matters.Report, Actor: "JJ-01"})
		}},
		{"invalid UTF-8 in a reason", func(w *journal.Writer) (journal.Head, error) {
			return w.AppendAmendment(scoring.Amendment{Evaluation: scoring.Evaluation{Matter: "M", Subject: "S", Evaluator: "E", At: at}, Author: "A", Reason: "\xe4\xb8"})
		}},
		{"an amendment without author", func(w *journal.Writer) (journal.Head, error) {
			return w.AppendAmendment(scoring.Amendment{Evaluation: scoring.Evaluation{Matter: "M", Subject: "S", Evaluator: "E", At: at}, Reason: "复核"})
		}},
		{"an amendment without reason", func(w *journal.Writer) (journal.Head, error) {
			return w.AppendAmendment(scoring.Amendment{Evaluation: scoring.Evaluation{Matter: "M", Subject: "S", Evaluator: "E", At: at}, Author: "A"})
		}},
		{"unknown event kind", func(w *journal.Writer) (journal.Head, error) {
			return w.AppendEvent(matters.Event{Matter: "WH-1", Seq: 1, At: at, Kind: matters.Kind(99), Actor: "JJ-01"})
		}},
		{"year beyond 9999", func(w *journal.Writer) (journal.Head, error) {
			return w.AppendEvaluation(scoring.Evaluation{Matter: "M", Subject: "S", Evaluator: "E", At: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)})
		}},
		// Reasons whose payload Verify would call tampered, or Rebuild
		// could not decode.
		{"a reason's rule below 0", func(w *journal.Writer) (journal.Head, error) {
			return w.AppendEvaluation(withReason(at, reason.Reason{Rule: -1}))
		}},
		{"a figure's places above reason.MaxPlaces", func(w *journal.Writer) (journal.Head, error) {
			return w.AppendEvaluation(withReason(at, reason.Reason{Rule: 1, Figures: []reason.Figure{{Of: reason.Response, Places: reason.MaxPlaces + 1}}}))
		}},
		{"more than reason.MaxList figures", func(w *journal.Writer) (journal.Head, error) {
			return w.AppendEvaluation(withReason(at, reason.Reason{Rule: 1, Figures: slices.Repeat([]reason.Figure{{Of: reason.Urged, Value: 1}}, reason.MaxList+1)}))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			w := journal.NewWriter(&buf, nil)
			h, err := tt.append(w)
			if !errors.Is(err, journal.ErrInvalid) || h != (journal.Head{}) || buf.Len() != 0 {
				t.Errorf("append = %v, %v with %d bytes written; want ErrInvalid and nothing written", h, err, buf.Len())
			}
			// The writer stays usable.
			if _, err := w.AppendEvent(matters.Event{Matter: "WH-1", Seq: 1, At: at, Kind: matters.Report, Actor: "JJ-01", Note: `a real U+FFFD � and a \ufffd text`}); err != nil {
				t.Errorf("append after a refused entry: %v", err)
			}
		})
	}
}

func TestWriterConcurrentAppends(t *testing.T) {
	const goroutines, each = 8, 50
	var buf bytes.Buffer
	w := journal.NewWriter(&buf, nil)
	var wg sync.WaitGroup
	for g := 0; g < goroutines; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 1; i <= each; i++ {
				e := matters.Event{Matter: fmt.Sprintf("WH-%d", g), Seq: i, At: time.Date(2020, 6, 1, 9, i, 0, 0, cst), Kind: matters.Progress, Actor: "城管局"}
				if _, err := w.AppendEvent(e); err != nil {
					t.Error(err)
					return
				}
				_ = w.Head()
			}
		}(g)
	}
	wg.Wait()
	h, err := journal.Verify(bytes.NewReader(buf.Bytes()), nil)
	if err != nil || h.Seq != goroutines*each || h != w.Head() {
		t.Errorf("Verify = %v, %v; want %d entries ending at the writer's head %v", h, err, goroutines*each, w.Head())
	}
}

// TestDecimalGlobalsDoNotMoveTheJournal changes shopspring/decimal's
// package settings, as a host might, and checks that the journal's bytes
// (and so every hash) stay the same. Not parallel: it changes globals.
func TestDecimalGlobalsDoNotMoveTheJournal(t *testing.T) {
	want := write(t, smallHistory())
	defer func(q, z bool, p int) {
		decimal.MarshalJSONWithoutQuotes, decimal.TrimTrailingZeros, decimal.DivisionPrecision = q, z, p
	}(decimal.MarshalJSONWithoutQuotes, decimal.TrimTrailingZeros, decimal.DivisionPrecision)
	decimal.MarshalJSONWithoutQuotes, decimal.TrimTrailingZeros, decimal.DivisionPrecision = true, false, 2
	s := smallHistory()
	s[6].evaluation.Result.Points = decimal.RequireFromString("85.00")
	if got := write(t, s); !bytes.Equal(got, want) {
		t.Errorf("the journal changed with decimal's globals:\n%s\nwant:\n%s", got, want)
	}
}

// withReason is an evaluation whose result gives r.
func withReason(at time.Time, r reason.Reason) scoring.Evaluation {
	return scoring.Evaluation{Matter: "M", Subject: "S", Evaluator: "E", At: at,
		Result: scoring.Result{Grade: "good", Points: decimal.NewFromInt(90), Reasons: []reason.Reason{r}}}
}

// TestWriterRefusesTextTooLongToRead: with a MaxLine above 4 MiB, a text
// of more than 4 MiB fits a line but no decoder reads it back (a reason's
// text, an entry's Event): the Writer refuses it, and takes one of 4 MiB,
// which the journal then rebuilds.
func TestWriterRefusesTextTooLongToRead(t *testing.T) {
	at := time.Date(2020, 6, 1, 9, 0, 0, 0, cst)
	opts := &journal.Options{MaxLine: 16 << 20}
	long := strings.Repeat("长", (4<<20)/3) + "xx" // 4 MiB and one byte
	var buf bytes.Buffer
	w := journal.NewWriter(&buf, opts)
	for name, v := range map[string]func() (journal.Head, error){
		"a note": func() (journal.Head, error) {
			return w.AppendEvent(matters.Event{Matter: "M", Seq: 1, At: at, Kind: matters.Report, Actor: "A", Note: long})
		},
		"a reason's text": func() (journal.Head, error) {
			return w.AppendEvaluation(withReason(at, reason.Reason{Rule: 1, Text: long}))
		},
	} {
		if _, err := v(); !errors.Is(err, journal.ErrInvalid) || buf.Len() != 0 {
			t.Errorf("%s of %d bytes: append = %v with %d bytes written; want ErrInvalid and nothing written", name, len(long), err, buf.Len())
		}
	}
	note := long[:len(long)-1]
	if _, err := w.AppendEvent(matters.Event{Matter: "M", Seq: 1, At: at, Kind: matters.Report, Actor: "A", Type: "占道经营", Note: note}); err != nil {
		t.Fatalf("a note of %d bytes: %v", len(note), err)
	}
	r, err := journal.Rebuild(bytes.NewReader(buf.Bytes()), opts)
	if err != nil || r.Matters["M"].Events[0].Note != note {
		t.Fatalf("Rebuild = %v; want the note of %d bytes back", err, len(note))
	}
}
