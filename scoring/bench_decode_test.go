package scoring

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

// BenchmarkDecode measures the library's biggest decoders on sound input:
// a book of 100,000 evaluations (Book.UnmarshalJSON) and a table of 200
// rules (LoadTable, with its validation), the time per byte read.
func BenchmarkDecode(b *testing.B) {
	book := NewBook(nil)
	ms, subjects, results := benchMatters(b, seqIDs, 100_000)
	year := Year(2020).From
	for i := range ms.len() {
		if err := book.Record(benchEvaluation(i, ms, subjects, results, year)); err != nil {
			b.Fatal(err)
		}
	}
	bookJSON, err := json.Marshal(book)
	if err != nil {
		b.Fatal(err)
	}
	half := decimal.New(5, -1)
	t := &Table{Version: "bench-1", Scale: testScale()}
	for i := range 199 {
		t.Rules = append(t.Rules, TableRule{Name: fmt.Sprint("rule ", i), Doc: "a rule of the benchmark", Grade: t.Scale[i%len(t.Scale)].Code,
			Types: []string{fmt.Sprint("type ", i)}, ResponseAtMost: &half, QualityMin: i%5 + 1})
	}
	t.Rules = append(t.Rules, TableRule{Name: "else", Grade: t.Scale[0].Code})
	tableJSON, err := json.Marshal(t)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("book-100k", func(b *testing.B) {
		b.SetBytes(int64(len(bookJSON)))
		b.ReportAllocs()
		for range b.N {
			if err := NewBook(nil).UnmarshalJSON(bookJSON); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("table-200-rules", func(b *testing.B) {
		b.SetBytes(int64(len(tableJSON)))
		b.ReportAllocs()
		for range b.N {
			if _, err := LoadTable(bytes.NewReader(tableJSON)); err != nil {
				b.Fatal(err)
			}
		}
	})
	_ = time.Second
}
