package journal_test

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"testing/iotest"
	"time"

	"github.com/qingdan/qingdan/journal"
	"github.com/qingdan/qingdan/matters"
)

// TestLastLineTamperedNotTorn checks the rule that tells torn from
// tampered at the end of a journal: only a last line without a line feed
// can be torn, and not even then when it is framed as an entry but is not
// the next entry in full. A crash leaves a prefix of the line being
// written, and the only framed prefix of a line is the whole entry; so an
// edited last line is never truncated by the documented recovery.
func TestLastLineTamperedNotTorn(t *testing.T) {
	const n = 5
	ls := lines(eventJournal(t, n))
	sound := join(ls[:n-1])
	last := ls[n-1]
	edited := bytes.Replace(last, []byte("第5次"), []byte("第6次"), 1)
	tests := []struct {
		name string
		tail []byte
		want error
	}{
		{"an edited last line", edited, journal.ErrTampered},
		{"an edited last line without its line feed", edited[:len(edited)-1], journal.ErrTampered},
		{"a last line that no longer parses", append(bytes.Clone(last[:40]), '\n'), journal.ErrTampered},
		{"an empty last line", []byte("\n"), journal.ErrTampered},
		{"a last line with an upper-case hash", bytes.ToUpper(last[len(last)-70:]), journal.ErrTampered},
		{"the previous line again, without its line feed", ls[n-2][:len(ls[n-2])-1], journal.ErrTampered},
		{"entry 5 in full but for its line feed", last[:len(last)-1], journal.ErrTorn},
		{"entry 5 cut in its hash", last[:len(last)-3], journal.ErrTorn},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			j := append(bytes.Clone(sound), tt.tail...)
			if tt.name == "a last line with an upper-case hash" {
				j = append(bytes.Clone(sound), last[:len(last)-70]...)
				j = append(j, tt.tail...)
			}
			for _, workers := range []int{1, 2} {
				head, err := journal.Verify(bytes.NewReader(j), &journal.Options{Workers: workers})
				var ve *journal.VerifyError
				if !errors.Is(err, tt.want) || !errors.As(err, &ve) || ve.Line != n || ve.Offset != int64(len(sound)) || head.Seq != n-1 {
					t.Fatalf("Verify on %d workers = %v, %v; want %v at line %d, byte %d", workers, head, err, tt.want, n, len(sound))
				}
				_, size, err := journal.Recover(bytes.NewReader(j), &journal.Options{Workers: workers})
				if tt.want == journal.ErrTorn {
					if err != nil || size != int64(len(sound)) {
						t.Errorf("Recover = %d, %v; want to truncate at %d", size, err, len(sound))
					}
				} else if !errors.Is(err, journal.ErrTampered) {
					t.Errorf("Recover = %d, %v; want ErrTampered, nothing to truncate", size, err)
				}
			}
		})
	}
}

// TestLastLineTooLongTorn: a last line without a line feed that is
// longer than MaxLine is torn (step 1 of the package documentation),
// however the reader hands over its bytes — a reader that returns its last
// bytes with io.EOF filling the Reader's buffer exactly included.
func TestLastLineTooLongTorn(t *testing.T) {
	var buf bytes.Buffer
	w := journal.NewWriter(&buf, nil)
	at := time.Date(2020, 6, 1, 9, 0, 0, 0, cst)
	for i, note := range []string{"短", "长一点的进展"} {
		if _, err := w.AppendEvent(matters.Event{Matter: "WH-1", Seq: i + 1, At: at, Kind: matters.Progress, Actor: "城管局", Note: note}); err != nil {
			t.Fatal(err)
		}
	}
	ls := lines(buf.Bytes())
	last := bytes.Replace(ls[1][:len(ls[1])-1], []byte("长"), []byte("短"), 1) // framed, its hash wrong, no line feed
	j := append(bytes.Clone(ls[0]), last...)
	opts := func(workers int) *journal.Options {
		return &journal.Options{MaxLine: len(last) - 1, Workers: workers}
	}
	for _, rd := range []struct {
		name string
		r    func() io.Reader
	}{
		{"whole", func() io.Reader { return bytes.NewReader(j) }},
		{"its last bytes with io.EOF", func() io.Reader { return iotest.DataErrReader(bytes.NewReader(j)) }},
		{"one byte at a time", func() io.Reader { return iotest.OneByteReader(bytes.NewReader(j)) }},
	} {
		for _, workers := range []int{1, 2} {
			head, err := journal.Verify(rd.r(), opts(workers))
			var ve *journal.VerifyError
			if !errors.Is(err, journal.ErrTorn) || !errors.As(err, &ve) || ve.Line != 2 || ve.Offset != int64(len(ls[0])) || head.Seq != 1 {
				t.Errorf("%s, %d workers: Verify = %v, %v; want ErrTorn at line 2, byte %d", rd.name, workers, head, err, len(ls[0]))
			}
		}
	}
}
