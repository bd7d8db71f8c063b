package journal_test

import (
	"testing"

	"github.com/qingdan/qingdan/journal"
)

// BenchmarkSeal seals the entries of benchSteps one after the other, as
// a host that keeps its journal in a database does, and applies each line
// to the state, as it does once the line's transaction commits.
func BenchmarkSeal(b *testing.B) {
	steps := benchSteps()
	payloads := make([]any, len(steps))
	for i, s := range steps {
		switch {
		case s.event != nil:
			payloads[i] = *s.event
		case s.evaluation != nil:
			payloads[i] = *s.evaluation
		default:
			payloads[i] = *s.amendment
		}
	}
	b.Run("seal", func(b *testing.B) {
		var head journal.Head
		n := 0
		for b.Loop() {
			if n == len(payloads) {
				head, n = journal.Head{}, 0
			}
			var err error
			if _, head, err = journal.Seal(head, payloads[n], nil); err != nil {
				b.Fatal(err)
			}
			n++
		}
	})
	b.Run("seal and apply", func(b *testing.B) {
		s, _ := journal.Resume(nil, nil, nil)
		n := 0
		for b.Loop() {
			if n == len(payloads) {
				s, _ = journal.Resume(nil, nil, nil)
				n = 0
			}
			line, _, err := journal.Seal(s.Head, payloads[n], nil)
			if err == nil {
				err = s.Apply(line)
			}
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
	})
}

// BenchmarkRestart compares the two ways a host restarts on benchJournal
// (about 20,000 entries), in the same run: rebuilding from every line,
// and resuming from a snapshot taken 100 entries before the end with the
// lines after it.
func BenchmarkRestart(b *testing.B) {
	j := benchJournal()
	ls := lines(j)
	cut := len(ls) - 100
	_, snap := snapshotAfter(b, ls, cut)
	b.Run("rebuild every line", func(b *testing.B) {
		b.SetBytes(int64(len(j)))
		for b.Loop() {
			r := journal.Lines(rows(ls))
			if _, err := journal.Rebuild(r, nil); err != nil {
				b.Fatal(err)
			}
			r.Close()
		}
	})
	b.Run("resume from a snapshot", func(b *testing.B) {
		b.SetBytes(int64(len(snap)))
		for b.Loop() {
			if _, err := journal.Resume(snap, rows(ls[cut-1:]), nil); err != nil {
				b.Fatal(err)
			}
		}
	})
}
