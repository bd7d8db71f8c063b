package errlist_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/qingdan/qingdan/internal/errlist"
)

var errBad = errors.New("bad")

func TestList(t *testing.T) {
	for _, n := range []int{0, 1, errlist.Max, errlist.Max + 1, 10 * errlist.Max} {
		var l errlist.List
		for i := range n {
			if i%2 == 0 {
				l.Add(fmt.Errorf("problem %d: %w", i, errBad))
			} else {
				l.Addf("problem %d: %w", i, errBad)
			}
			l.Add(nil)
		}
		err := l.Err(errBad)
		if l.Len() != n || l.Full() != (n >= errlist.Max) {
			t.Errorf("n=%d: Len %d, Full %v", n, l.Len(), l.Full())
		}
		if n == 0 {
			if err != nil {
				t.Errorf("empty list: %v", err)
			}
			continue
		}
		if !errors.Is(err, errBad) {
			t.Errorf("n=%d: %v does not wrap the sentinel", n, err)
		}
		lines := strings.Split(err.Error(), "\n")
		want := min(n, errlist.Max)
		if n > errlist.Max {
			want++
			if last := lines[len(lines)-1]; last != fmt.Sprintf("bad: %d more problems (only the first %d are listed)", n-errlist.Max, errlist.Max) {
				t.Errorf("n=%d: last line %q", n, last)
			}
		}
		if len(lines) != want {
			t.Errorf("n=%d: %d lines, want %d", n, len(lines), want)
		}
	}
}

// TestAddfCuts: a problem repeats no more than a line of its input, and
// keeps what it wraps.
func TestAddfCuts(t *testing.T) {
	var l errlist.List
	long := strings.Repeat("清", 1<<20)
	l.Addf("routes[%s]: type %q, support %q: %w", long, long, []string{long, "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"}, errBad)
	err := l.Err(errBad)
	if !errors.Is(err, errBad) || len(err.Error()) > 2000 {
		t.Errorf("Addf kept %d bytes: %.300s…", len(err.Error()), err)
	}
	if want := "… (3145728 bytes)"; !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "… (12 in all)") {
		t.Errorf("Addf = %.300s…, want the lengths noted", err)
	}
}
