package scoring_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/scoring"
)

// BenchmarkRefuse measures how long the hostile inputs that once took
// minutes take to be refused now (each must be well under 100 ms).
func BenchmarkRefuse(b *testing.B) {
	t := &testing.T{}
	table := string(hardening.MustJSON(t, strictTable()))
	digits := func(n int) string { return "1" + strings.Repeat("0", n-1) }
	book := []byte(strings.Replace(string(hardening.MustJSON(t, strictBook(t))), `"points":"90.5"`, `"points":"`+digits(8_000_000)+`"`, 1))
	for _, c := range []struct {
		name   string
		decode func() error
	}{
		{"table-point-4M-digits", loadTable(strings.Replace(table, `"points":"90"`, `"points":"`+digits(4_000_000)+`"`, 1))},
		{"table-threshold-15MiB-digits", loadTable(strings.Replace(table, `"responseAtMost":"0.5"`, `"responseAtMost":"0.`+strings.Repeat("5", 15<<20)+`"`, 1))},
		{"table-quality-15MiB-digits", loadTable(strings.Replace(table, `"qualityMin":3`, `"qualityMin":`+digits(15<<20), 1))},
		{"book-point-8M-digits", func() error { return scoring.NewBook(nil).UnmarshalJSON(book) }},
		{"evaluations-point-4M-digits", func() error {
			return json.Unmarshal([]byte(`[{"matter":"M","subject":"S","evaluator":"E","at":"2020-06-01T09:00:00+08:00","result":{"grade":"g","points":"`+digits(4_000_000)+`"}}]`), new([]scoring.Evaluation))
		}},
	} {
		b.Run(c.name, func(b *testing.B) {
			for range b.N {
				if c.decode() == nil {
					b.Fatal("taken")
				}
			}
		})
	}
}

func loadTable(in string) func() error {
	return func() error { _, err := scoring.LoadTable(strings.NewReader(in)); return err }
}
