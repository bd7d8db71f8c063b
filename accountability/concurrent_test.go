package accountability_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/internal/hardening"
)

// TestConcurrentUse runs, from several goroutines at once, what the
// package documents as safe for concurrent use; go test -race checks it,
// and each call must return what it returns alone.
func TestConcurrentUse(t *testing.T) {
	reg := &accountability.Register{Units: []accountability.Unit{{ID: "S", Kind: accountability.Subdistrict}}, Flows: []accountability.Flow{*longFlow(200), *hostileFlow()}}
	hardening.Agree(t, "Register.Validate, Flow.Order, CriticalPath, DOT on one register", func(g, i int) any {
		order, oerr := reg.Flows[0].Order()
		path, length, perr := reg.Flows[0].CriticalPath()
		return []any{reg.Validate(), order, fmt.Sprint(oerr), path, length, fmt.Sprint(perr), reg.Flows[1].DOT(), accountability.Diff(reg, reg)}
	})
}

// TestPowerReaderSharedAndRules: one PowerReader read with by several
// goroutines at once, one slice of Rules run by them all, and the
// mermaid and the matrix of one register, as the package documents they
// may be shared; go test -race checks what they share, and each call
// returns what it returns alone.
func TestPowerReaderSharedAndRules(t *testing.T) {
	pr := &accountability.PowerReader{Categories: map[string]accountability.Category{"行政审批": accountability.Licensing}}
	var files [][]byte
	for _, name := range []string{"powers.csv", "national-gb18030.csv", "published/wangxi-2022-gb18030.csv", "published/guichi-2023.csv"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, b)
	}
	rows := [][]string{{"序号", "项目名称", "权力类型", "实施依据"}, {"1", "占道经营审批", "行政审批", "《城市道路管理条例》第三十一条"}}
	reg := &accountability.Register{Units: []accountability.Unit{{ID: "S", Kind: accountability.Subdistrict}}, Flows: []accountability.Flow{*longFlow(50), *hostileFlow()}}
	rules := accountability.Rules()
	matrix := accountability.Matrix{High: 15, Medium: 8}
	hardening.Agree(t, "PowerReader.ReadCSV and ReadRows, one Rules slice, Mermaid and Matrix.Level", func(g, i int) any {
		ps, err := pr.ReadCSV(bytes.NewReader(files[(g+i)%len(files)]))
		rps, rerr := pr.ReadRows(rows)
		level, lerr := matrix.Level(1+i%5, 1+g%5)
		if len(ps) == 0 || len(rps) != 1 {
			t.Errorf("file %d read as %d powers (%v), the rows as %d (%v): the readers read nothing to share", (g+i)%len(files), len(ps), err, len(rps), rerr)
		}
		return []any{ps, fmt.Sprint(err), rps, fmt.Sprint(rerr), reg.Run(rules...), reg.Flows[0].Mermaid(), reg.Flows[1].Mermaid(), level, fmt.Sprint(lerr)}
	})
}
