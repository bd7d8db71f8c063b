package journal_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/qingdan/qingdan/journal"
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
