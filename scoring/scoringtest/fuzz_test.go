package scoringtest

import (
	"bytes"
	"testing"

	"github.com/qingdan/qingdan/locality/wuhu"
)

// FuzzReadCases reads arbitrary bytes as cases and runs them against the
// Wuhu table with a fake T: nothing may panic.
func FuzzReadCases(f *testing.F) {
	f.Add([]byte(`[{"name":"x","facts":{"responded":true,"response":"1h0m0s"},"want":{"grade":"good","points":"85"}}]`))
	f.Add([]byte(`[{"err":"no rule"}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		cases, err := ReadCases(bytes.NewReader(data))
		if err != nil {
			return
		}
		var ft fakeT
		Run(&ft, wuhu.Table(), cases)
	})
}
