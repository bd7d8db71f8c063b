package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/qingdan/qingdan/accountability"
)

// writeFlows writes each flowchart of reg, with its risk points coloured by
// level, as DIR/ID.dot (Graphviz) and DIR/ID.mmd (Mermaid), and returns the
// number of files written. Render a DOT file with `dot -Tpng F-CF.dot -o
// F-CF.png`.
func writeFlows(reg *accountability.Register, dir string) (int, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, fmt.Errorf("flowchart folder: %w", err)
	}
	n := 0
	for i := range reg.Flows {
		f := &reg.Flows[i]
		var risks []accountability.Risk
		for _, x := range reg.Risks {
			if x.Flow == f.ID {
				risks = append(risks, x)
			}
		}
		files := []struct{ ext, text string }{
			{".dot", f.DOT(risks...)},
			{".mmd", f.Mermaid(risks...)},
		}
		for _, file := range files {
			name := filepath.Join(dir, fileName(f.ID)+file.ext)
			if err := os.WriteFile(name, []byte(file.text), 0o644); err != nil {
				return n, fmt.Errorf("flowchart %s: %w", f.ID, err)
			}
			n++
		}
	}
	return n, nil
}

// fileName makes a flow ID safe as a file name: anything but letters, digits,
// '-' and '_' becomes '_'.
func fileName(id string) string {
	b := []rune(id)
	for i, r := range b {
		ok := r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
		if !ok {
			b[i] = '_'
		}
	}
	if len(b) == 0 {
		return "_"
	}
	return string(b)
}
