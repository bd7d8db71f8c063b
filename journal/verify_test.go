package journal_test

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/qingdan/qingdan/journal"
	"github.com/qingdan/qingdan/matters"
)

// forged returns a validly hashed entry that claims to follow entry seq-1 of
// the journal: what an insider with the journal in hand could write.
func forged(t *testing.T, j []byte, seq int64) []byte {
	t.Helper()
	ls := lines(j)
	head, err := journal.Verify(bytes.NewReader(join(ls[:seq-1])), nil)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	w := journal.NewWriterAt(&buf, head, nil)
	e := matters.Event{Matter: "WH-1", Seq: int(seq), At: time.Date(2020, 6, 2, 0, 0, 0, 0, time.UTC), Kind: matters.Progress, Actor: "城管局", Note: "伪造"}
	if _, err := w.AppendEvent(e); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// craft builds a validly hashed line by the documented procedure.
func craft(seq int, kind, prev, payload string) []byte {
	body := fmt.Sprintf(`{"seq":%d,"kind":"%s","prev":"%s","payload":%s`, seq, kind, prev, payload)
	sum := sha256.Sum256([]byte(body + "}"))
	return []byte(fmt.Sprintf(`%s,"hash":"%x"}`+"\n", body, sum))
}

func TestVerifyNamesFirstTamperedEntry(t *testing.T) {
	const n = 8
	j := eventJournal(t, n)
	tests := []struct {
		name   string
		edit   func(ls [][]byte) [][]byte
		line   int64 // the line named
		found  int64
		reason string
	}{
		{"alter a payload", func(ls [][]byte) [][]byte {
			ls[3] = bytes.Replace(ls[3], []byte("第4次"), []byte("第9次"), 1)
			return ls
		}, 4, 4, "altered"},
		{"alter a hash", func(ls [][]byte) [][]byte {
			l := ls[3]
			i := len(l) - 4 // a hex digit of the hash
			if l[i] == '0' {
				l[i] = '1'
			} else {
				l[i] = '0'
			}
			return ls
		}, 4, 4, "altered"},
		{"alter the seq", func(ls [][]byte) [][]byte {
			ls[3] = bytes.Replace(ls[3], []byte(`{"seq":4,`), []byte(`{"seq":5,`), 1)
			return ls
		}, 4, 5, "altered"},
		{"alter the first entry", func(ls [][]byte) [][]byte {
			ls[0] = bytes.Replace(ls[0], []byte("城管局"), []byte("住建局"), 1)
			return ls
		}, 1, 1, "altered"},
		{"alter the last entry", func(ls [][]byte) [][]byte {
			ls[n-1] = bytes.Replace(ls[n-1], []byte("城管局"), []byte("住建局"), 1)
			return ls
		}, n, n, "altered"},
		{"remove an entry", func(ls [][]byte) [][]byte {
			return append(ls[:3], ls[4:]...)
		}, 4, 5, "missing"},
		{"remove the first entry", func(ls [][]byte) [][]byte {
			return ls[1:]
		}, 1, 2, "missing"},
		{"reorder two", func(ls [][]byte) [][]byte {
			ls[3], ls[4] = ls[4], ls[3]
			return ls
		}, 4, 5, "removed or moved"},
		{"move an entry back", func(ls [][]byte) [][]byte {
			moved := ls[1]
			ls = append(ls[:1], ls[2:]...)
			return append(ls[:5], append([][]byte{moved}, ls[5:]...)...)
		}, 2, 3, "missing"},
		{"insert a forged entry", func(ls [][]byte) [][]byte {
			f := forged(t, j, 4)
			return append(ls[:3], append([][]byte{f}, ls[3:]...)...)
		}, 5, 4, "inserted"},
		{"insert an earlier entry again", func(ls [][]byte) [][]byte {
			return append(ls[:3], append([][]byte{bytes.Clone(ls[1])}, ls[3:]...)...)
		}, 4, 2, "reordered, or it was inserted"},
		{"insert a line that is not an entry", func(ls [][]byte) [][]byte {
			return append(ls[:3], append([][]byte{[]byte("{}\n")}, ls[3:]...)...)
		}, 4, 0, "not a journal entry"},
		{"insert an empty line", func(ls [][]byte) [][]byte {
			return append(ls[:3], append([][]byte{[]byte("\n")}, ls[3:]...)...)
		}, 4, 0, "not a journal entry"},
		{"duplicate one", func(ls [][]byte) [][]byte {
			return append(ls[:4], append([][]byte{bytes.Clone(ls[3])}, ls[4:]...)...)
		}, 5, 4, "duplicated"},
		{"replace an entry with a forged one", func(ls [][]byte) [][]byte {
			ls[3] = forged(t, j, 4)
			return ls
		}, 5, 5, "does not follow entry 4"},
		{"append the entry of another journal", func(ls [][]byte) [][]byte {
			other := lines(eventJournalNoted(t, n+1, "另一本台账%d"))
			return append(ls, other[n])
		}, n + 1, n + 1, "does not follow"},
		{"a first entry that links to another", func(ls [][]byte) [][]byte {
			ls[0] = craft(1, "event", strings.Repeat("ab", 32), `{"matter":"X"}`)
			return ls
		}, 1, 1, "does not start here"},
		{"a validly hashed entry 4 that links to entry 2", func(ls [][]byte) [][]byte {
			prev := string(ls[1][len(ls[1])-67 : len(ls[1])-3])
			ls[3] = craft(4, "event", prev, `{"matter":"X"}`)
			return ls
		}, 4, 4, "does not follow entry 3"},
		{"CRLF line ending", func(ls [][]byte) [][]byte {
			ls[2] = append(bytes.TrimSuffix(ls[2], []byte("\n")), '\r', '\n')
			return ls
		}, 3, 3, "not a journal entry"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ls := lines(bytes.Clone(j))
			for i := range ls {
				ls[i] = bytes.Clone(ls[i])
			}
			bad := join(tt.edit(ls))
			head, err := journal.Verify(bytes.NewReader(bad), nil)
			var ve *journal.VerifyError
			if !errors.As(err, &ve) {
				t.Fatalf("Verify = %v, want a *VerifyError", err)
			}
			if !errors.Is(err, journal.ErrTampered) || errors.Is(err, journal.ErrTorn) {
				t.Errorf("Verify = %v, want ErrTampered only", err)
			}
			if ve.Line != tt.line || ve.Found != tt.found {
				t.Errorf("Verify named line %d (found seq %d), want line %d (found seq %d): %v", ve.Line, ve.Found, tt.line, tt.found, err)
			}
			if !strings.Contains(err.Error(), tt.reason) {
				t.Errorf("Verify = %q, want the reason to say %q", err, tt.reason)
			}
			sound := join(lines(bad)[:ve.Line-1])
			if ve.Offset != int64(len(sound)) || head != ve.Head || head.Seq != ve.Line-1 {
				t.Errorf("Verify: offset %d, head %v, error head %v; want offset %d and head %d", ve.Offset, head, ve.Head, len(sound), ve.Line-1)
			}
			if _, _, err := journal.Recover(bytes.NewReader(bad), nil); !errors.Is(err, journal.ErrTampered) {
				t.Errorf("Recover = %v, want ErrTampered: a tampered journal is evidence, not to be truncated", err)
			}
		})
	}
}

func TestVerifySound(t *testing.T) {
	for _, n := range []int{0, 1, 2, 50} {
		j := eventJournal(t, n)
		head, err := journal.Verify(bytes.NewReader(j), nil)
		if err != nil || head.Seq != int64(n) {
			t.Errorf("Verify of %d entries = %v, %v", n, head, err)
		}
		if n == 0 && head != (journal.Head{}) {
			t.Errorf("Verify of an empty journal = %v, want the zero Head", head)
		}
		rh, size, err := journal.Recover(bytes.NewReader(j), nil)
		if err != nil || rh != head || size != int64(len(j)) {
			t.Errorf("Recover of a sound journal = %v, %d, %v; want %v, %d, nil", rh, size, err, head, len(j))
		}
	}
}

func TestTornLastLine(t *testing.T) {
	const n = 5
	j := eventJournal(t, n)
	ls := lines(j)
	sound := join(ls[:n-1])
	last := ls[n-1]
	tests := []struct {
		name string
		tail []byte
	}{
		{"cut after one byte", last[:1]},
		{"cut in the payload", last[:len(last)/2]},
		{"cut in the hash", last[:len(last)-10]},
		{"only the line feed missing", last[:len(last)-1]},
		{"zeros left by the file system", make([]byte, 300)},
		{"a line too long and cut", bytes.Repeat([]byte("x"), journal.DefaultMaxLine+10)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			torn := append(bytes.Clone(sound), tt.tail...)
			head, err := journal.Verify(bytes.NewReader(torn), nil)
			var ve *journal.VerifyError
			if !errors.As(err, &ve) || !errors.Is(err, journal.ErrTorn) {
				t.Fatalf("Verify = %v, want ErrTorn", err)
			}
			if ve.Head.Seq != n-1 || head.Seq != n-1 || ve.Line != n || ve.Offset != int64(len(sound)) {
				t.Errorf("Verify: %d sound entries at offset %d (line %d), want %d at %d (line %d)", ve.Head.Seq, ve.Offset, ve.Line, n-1, len(sound), n)
			}
			rh, size, err := journal.Recover(bytes.NewReader(torn), nil)
			if err != nil || rh != head || size != int64(len(sound)) {
				t.Fatalf("Recover = %v, %d, %v; want %v, %d, nil", rh, size, err, head, len(sound))
			}
			// Truncate, verify, and resume writing.
			buf := bytes.NewBuffer(torn)
			buf.Truncate(int(size))
			if h, err := journal.Verify(bytes.NewReader(buf.Bytes()), nil); err != nil || h != rh {
				t.Fatalf("Verify after truncation = %v, %v; want %v, nil", h, err, rh)
			}
			w := journal.NewWriterAt(buf, rh, nil)
			e := matters.Event{Matter: "WH-1", Seq: n, At: time.Date(2020, 6, 1, 10, 0, 0, 0, cst), Kind: matters.Progress, Actor: "城管局"}
			wh, err := w.AppendEvent(e)
			if err != nil {
				t.Fatal(err)
			}
			if h, err := journal.Verify(bytes.NewReader(buf.Bytes()), nil); err != nil || h != wh || h.Seq != n {
				t.Errorf("Verify after resuming = %v, %v; want %v, nil", h, err, wh)
			}
		})
	}
}

func TestMalformedLineInTheMiddleIsTampering(t *testing.T) {
	ls := lines(eventJournal(t, 4))
	bad := join([][]byte{ls[0], ls[1][:20], []byte("\n"), ls[2], ls[3]})
	_, err := journal.Verify(bytes.NewReader(bad), nil)
	var ve *journal.VerifyError
	if !errors.As(err, &ve) || !errors.Is(err, journal.ErrTampered) || ve.Line != 2 {
		t.Fatalf("Verify = %v, want ErrTampered at line 2", err)
	}
}

func TestLineTooLong(t *testing.T) {
	opts := &journal.Options{MaxLine: 400}
	var buf bytes.Buffer
	w := journal.NewWriter(&buf, opts)
	e := matters.Event{Matter: "WH-1", Seq: 1, At: time.Date(2020, 6, 1, 9, 0, 0, 0, cst), Kind: matters.Report, Actor: "JJ-01", Type: "噪声扰民"}
	if _, err := w.AppendEvent(e); err != nil {
		t.Fatal(err)
	}
	e.Seq, e.Kind, e.Note = 2, matters.Whistle, strings.Repeat("很长的说明", 100)
	if h, err := w.AppendEvent(e); !errors.Is(err, journal.ErrLineTooLong) || h.Seq != 1 {
		t.Errorf("AppendEvent of a long entry = %v, %v; want head 1 and ErrLineTooLong", h, err)
	}
	e.Note = ""
	if h, err := w.AppendEvent(e); err != nil || h.Seq != 2 {
		t.Errorf("AppendEvent after a refused entry = %v, %v; want head 2", h, err)
	}
	// A reader with a small limit refuses a long line without holding it.
	long := append(bytes.Clone(buf.Bytes()), bytes.Repeat([]byte("x"), 5000)...)
	long = append(long, '\n')
	long = append(long, buf.Bytes()...)
	_, err := journal.Verify(bytes.NewReader(long), opts)
	var ve *journal.VerifyError
	if !errors.As(err, &ve) || !errors.Is(err, journal.ErrLineTooLong) || ve.Line != 3 {
		t.Errorf("Verify = %v, want ErrLineTooLong at line 3", err)
	}
	// The default limit reads the Writer's lines.
	if h, err := journal.Verify(bytes.NewReader(buf.Bytes()), nil); err != nil || h.Seq != 2 {
		t.Errorf("Verify = %v, %v", h, err)
	}
}

func TestLongLineWithinLimit(t *testing.T) {
	// Lines longer than the reader's internal buffer (64 KiB) but within MaxLine.
	var buf bytes.Buffer
	w := journal.NewWriter(&buf, nil)
	at := time.Date(2020, 6, 1, 9, 0, 0, 0, cst)
	for i := 1; i <= 3; i++ {
		e := matters.Event{Matter: "WH-1", Seq: i, At: at, Kind: matters.Progress, Actor: "城管局", Note: strings.Repeat("进展", 30000*i)}
		if _, err := w.AppendEvent(e); err != nil {
			t.Fatal(err)
		}
	}
	r := journal.NewReader(bytes.NewReader(buf.Bytes()), nil)
	var notes []int
	for _, ev := range events(t, r) {
		notes = append(notes, len(ev.Note))
	}
	if len(notes) != 3 || notes[2] != 3*30000*len("进展") {
		t.Errorf("read notes of %v bytes", notes)
	}
	if r.Offset() != int64(buf.Len()) || r.Head().Seq != 3 {
		t.Errorf("Offset %d, Head %v", r.Offset(), r.Head())
	}
}

// TestVerifyStreams checks that verifying allocates the same whatever the
// length of the journal on one worker (it holds one line at a time), and
// per block of lines, not per line, on two.
func TestVerifyStreams(t *testing.T) {
	small, large := eventJournal(t, 10), eventJournal(t, 3000)
	allocs := func(j []byte, workers int) float64 {
		return testing.AllocsPerRun(5, func() {
			if _, err := journal.Verify(bytes.NewReader(j), &journal.Options{Workers: workers}); err != nil {
				t.Fatal(err)
			}
		})
	}
	if a, b := allocs(small, 1), allocs(large, 1); a != b {
		t.Errorf("Verify on one worker allocates %v times for 10 entries and %v for 3000: it should stream", a, b)
	}
	if a, b := allocs(small, 2), allocs(large, 2); b-a > 100 {
		t.Errorf("Verify on two workers allocates %v times for 10 entries and %v for 3000: it should allocate per block", a, b)
	}
}

func TestReaderErrorsAreSticky(t *testing.T) {
	ls := lines(eventJournal(t, 4))
	bad := join([][]byte{ls[0], ls[2], ls[3]})
	r := journal.NewReader(bytes.NewReader(bad), nil)
	if e, err := r.Next(); err != nil || e.Seq != 1 {
		t.Fatalf("Next = %v, %v", e.Seq, err)
	}
	_, first := r.Next()
	_, again := r.Next()
	if !errors.Is(first, journal.ErrTampered) || first != again {
		t.Errorf("Next = %v, then %v; want the same ErrTampered twice", first, again)
	}
	if r.Head().Seq != 1 || r.Offset() != int64(len(ls[0])) {
		t.Errorf("Head %v, Offset %d after the error", r.Head(), r.Offset())
	}
	// All yields the error once and stops; breaking early is fine.
	n, errs := 0, 0
	for _, err := range journal.NewReader(bytes.NewReader(bad), nil).All() {
		n++
		if err != nil {
			errs++
		}
	}
	if n != 2 || errs != 1 {
		t.Errorf("All yielded %d values and %d errors, want 2 and 1", n, errs)
	}
	for range journal.NewReader(bytes.NewReader(bad), nil).All() {
		break
	}
}

// TestRecoverAFile goes through a host's steps on a real file: a crash
// leaves a torn line; on restart the host recovers, truncates, reopens for
// appending and goes on; the journal verifies.
func TestRecoverAFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	j := eventJournal(t, 6)
	if err := os.WriteFile(path, j[:len(j)-20], 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	head, size, err := journal.Recover(f, nil)
	if err != nil || head.Seq != 5 {
		t.Fatalf("Recover = %v, %d, %v", head, size, err)
	}
	if err := f.Truncate(size); err != nil {
		t.Fatal(err)
	}
	f.Close()
	f, err = os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	w := journal.NewWriterAt(f, head, &journal.Options{Sync: f.Sync})
	e := matters.Event{Matter: "WH-1", Seq: 6, At: time.Date(2020, 6, 1, 10, 0, 0, 0, cst), Kind: matters.Progress, Actor: "城管局"}
	if _, err := w.AppendEvent(e); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	f, err = os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if h, err := journal.Verify(f, nil); err != nil || h != w.Head() {
		t.Errorf("Verify = %v, %v; want %v", h, err, w.Head())
	}
}

func TestVerifyHead(t *testing.T) {
	const n = 10
	j := eventJournal(t, n)
	ls := lines(j)
	// The head published at the monthly review, after entry 6.
	published, err := journal.Verify(bytes.NewReader(join(ls[:6])), nil)
	if err != nil {
		t.Fatal(err)
	}
	// rewrite returns the journal with entry k's note changed and every hash
	// from k on recomputed: a chain that Verify alone finds sound.
	rewrite := func(k int) []byte {
		var buf bytes.Buffer
		w := journal.NewWriter(&buf, nil)
		for i, ev := range events(t, journal.NewReader(bytes.NewReader(j), nil)) {
			if i+1 == k {
				ev.Note = "事后修改"
			}
			if _, err := w.AppendEvent(ev); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := journal.Verify(bytes.NewReader(buf.Bytes()), nil); err != nil {
			t.Fatalf("the rewritten journal does not verify: %v", err)
		}
		return buf.Bytes()
	}
	appended := func() []byte {
		var buf bytes.Buffer
		buf.Write(j)
		w := journal.NewWriterAt(&buf, journal.Head{Seq: n, Hash: mustVerify(t, j).Hash}, nil)
		e := matters.Event{Matter: "WH-1", Seq: n + 1, At: time.Date(2020, 7, 1, 9, 0, 0, 0, cst), Kind: matters.Progress, Actor: "城管局"}
		if _, err := w.AppendEvent(e); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	tests := []struct {
		name    string
		journal []byte
		head    journal.Head
		want    error // nil, or the sentinel
		line    int64
	}{
		{"unchanged", j, published, nil, 0},
		{"appended after the published head", appended(), published, nil, 0},
		{"rewritten after the published head", rewrite(8), published, nil, 0},
		{"torn after the published head", append(bytes.Clone(j), `{"seq":11,`...), published, nil, 0},
		{"journal ends at the published head", join(ls[:6]), published, nil, 0},
		{"the zero head", j, journal.Head{}, nil, 0},
		{"rewritten before the published head", rewrite(3), published, journal.ErrHeadMismatch, 6},
		{"rewritten at the published head", rewrite(6), published, journal.ErrHeadMismatch, 6},
		{"altered before the published head", bytes.Replace(bytes.Clone(j), []byte("第2次"), []byte("第3次"), 1), published, journal.ErrTampered, 2},
		{"truncated before the published head", join(ls[:4]), published, journal.ErrHeadMismatch, 5},
		// As Verify given a checkpoint: a torn line before the published
		// head is entries removed, not a crash to recover from.
		{"torn before the published head", append(join(ls[:4]), ls[4][:20]...), published, journal.ErrHeadMismatch, 5},
		{"torn at the published head", append(join(ls[:5]), ls[5][:len(ls[5])-1]...), published, journal.ErrHeadMismatch, 6},
		{"empty", nil, published, journal.ErrHeadMismatch, 1},
		{"another hash at the published seq", j, journal.Head{Seq: 6, Hash: journal.Hash{1}}, journal.ErrHeadMismatch, 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := journal.VerifyHead(bytes.NewReader(tt.journal), tt.head, nil)
			if tt.want == nil {
				if err != nil {
					t.Fatalf("VerifyHead = %v, want nil", err)
				}
				return
			}
			var ve *journal.VerifyError
			if !errors.Is(err, tt.want) || !errors.As(err, &ve) {
				t.Fatalf("VerifyHead = %v, want a *VerifyError wrapping %v", err, tt.want)
			}
			if ve.Line != tt.line {
				t.Errorf("VerifyHead named line %d, want %d: %v", ve.Line, tt.line, err)
			}
		})
	}
	for _, bad := range []journal.Head{{Seq: -1}, {Seq: 0, Hash: journal.Hash{1}}} {
		if err := journal.VerifyHead(bytes.NewReader(j), bad, nil); !errors.Is(err, journal.ErrInvalid) {
			t.Errorf("VerifyHead(%v) = %v, want ErrInvalid", bad, err)
		}
	}
}

// events reads the entries of the journal r reads, every one an event.
func events(t testing.TB, r *journal.Reader) []matters.Event {
	t.Helper()
	var out []matters.Event
	for e, err := range r.All() {
		if err != nil {
			t.Fatal(err)
		}
		ev, err := e.Event()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, ev)
	}
	return out
}

func mustVerify(t testing.TB, j []byte) journal.Head {
	t.Helper()
	h, err := journal.Verify(bytes.NewReader(j), nil)
	if err != nil {
		t.Fatal(err)
	}
	return h
}
