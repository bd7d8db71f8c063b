package journal_test

import (
	"bytes"
	"testing"

	"github.com/qingdan/qingdan/journal"
)

func BenchmarkZVerify1(b *testing.B) {
	j := benchJournal()
	b.SetBytes(int64(len(j)))
	for range b.N {
		journal.Verify(bytes.NewReader(j), &journal.Options{Workers: 1})
	}
}
