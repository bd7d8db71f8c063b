package journal_test

import (
	"bytes"
	"fmt"
	"math/rand"
	"testing"

	"github.com/qingdan/qingdan/journal"
)

// TestVerifyWorkersAgree is the property that checking lines on several
// goroutines changes nothing: over a journal of several blocks, and copies
// of it with a byte changed, a line removed, or cut at a random point,
// Verify and Recover on 2 and 4 workers give what they give on one, head,
// size and error alike, with and without a checkpoint.
func TestVerifyWorkersAgree(t *testing.T) {
	j := write(t, benchSteps()[:2700])
	if len(j) < 3*256<<10 {
		t.Fatalf("a journal of %d bytes: want several blocks", len(j))
	}
	tree, _ := treeOf(t, j)
	cp := tree.Checkpoint("o")
	rng := rand.New(rand.NewSource(5))
	variants := [][]byte{j, nil, j[:len(j)-1], j[:256<<10], j[:256<<10+1]}
	n := 25
	if raceEnabled {
		n = 5 // each Verify is ten times slower
	}
	for range n {
		v := bytes.Clone(j)
		switch i := rng.Intn(len(v)); rng.Intn(3) {
		case 0:
			v[i] ^= byte(1 + rng.Intn(255))
		case 1:
			ls := lines(v)
			k := rng.Intn(len(ls))
			v = join(append(ls[:k:k], ls[k+1:]...))
		default:
			v = v[:i]
		}
		variants = append(variants, v)
	}
	for i, v := range variants {
		for _, cps := range [][]journal.Checkpoint{nil, {cp}} {
			want := verdictOf(v, 1, cps)
			for _, workers := range []int{2, 4} {
				if got := verdictOf(v, workers, cps); got != want {
					t.Errorf("variant %d with %d checkpoints: on %d workers %s; on one %s", i, len(cps), workers, got, want)
				}
			}
		}
	}
}

// verdictOf gives Verify's and Recover's results as text.
func verdictOf(j []byte, workers int, cps []journal.Checkpoint) string {
	opts := &journal.Options{Workers: workers}
	h, err := journal.Verify(bytes.NewReader(j), opts, cps...)
	rh, size, rerr := journal.Recover(bytes.NewReader(j), opts, cps...)
	return fmt.Sprintf("Verify %v, %v; Recover %v, %d, %v", h, err, rh, size, rerr)
}
