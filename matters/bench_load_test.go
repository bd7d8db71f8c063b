package matters_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/qingdan/qingdan/matters"
)

// BenchmarkLoadCatalog loads the catalog of BenchmarkCatalogValidate
// (10,000 powers, 2,000 routes, 500 items) from its JSON, strictly.
func BenchmarkLoadCatalog(b *testing.B) {
	data, err := json.Marshal(bigCatalog())
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := matters.LoadCatalog(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}
