package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/cmd/qingdan/internal/command"
	"github.com/qingdan/qingdan/matters"
)

// kinds are the documents check and diff read, by the name -kind gives.
var kinds = []string{"register", "catalog", "directory", "admission", "list"}

// kindLabels name the kinds in words, for messages.
var kindLabels = map[string]string{"register": "两单一图一点", "catalog": "清单目录", "directory": "基层治理事项清单", "admission": "事项准入清单", "list": "公布的权力清单"}

const kindsHelp = "`类型`：register（两单一图一点）、catalog（清单目录）、directory（基层治理事项清单）、admission（事项准入清单）、list（公布的权力清单 CSV）；不给时按内容判断"

// document is one list read from a file: one of its fields is set.
type document struct {
	kind      string
	register  *accountability.Register
	catalog   *matters.Catalog
	directory *matters.Directory
	admission *matters.Admission
	powers    []accountability.Power // kind "list"
	cells     *accountability.CSVError
}

// loadDocument reads the file name as a document of the kind given, or,
// for kind "", of the kind its content shows: CSV for a list, and JSON
// whose members are a catalog's, a directory's, an admission list's or
// else a register's. A list's bad cells are kept in cells, not an error,
// unless the import failed whole or stopped at a row it could not read.
func loadDocument(env *command.Env, name, kind string) (*document, error) {
	if kind != "" && !slices.Contains(kinds, kind) {
		return nil, fmt.Errorf("-kind %q：应为 %s 之一", kind, strings.Join(kinds, "、"))
	}
	b, err := env.Read(name, matters.MaxCatalogBytes)
	if err != nil {
		return nil, err
	}
	if kind == "" {
		kind = kindOf(b)
	}
	d := &document{kind: kind}
	r := bytes.NewReader(b)
	switch kind {
	case "register":
		d.register, err = accountability.LoadRegister(r)
	case "catalog":
		d.catalog, err = matters.LoadCatalog(r)
	case "directory":
		d.directory, err = matters.LoadDirectory(r)
	case "admission":
		d.admission, err = matters.LoadAdmission(r)
	case "list":
		d.powers, err = accountability.ReadPowersCSV(r)
		// Bad cells alone leave the rows read, with the cells blank; a list
		// that failed whole (no powers) or a row the CSV format could not
		// read (an error joined to the cells') is input that cannot be read.
		if ce, ok := err.(*accountability.CSVError); ok && d.powers != nil {
			d.cells, err = ce, nil
		}
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", command.Name(name), err)
	}
	return d, nil
}

// kindOf tells a document's kind by its content: anything but a JSON
// object is a published list (CSV); an object is told by its members.
func kindOf(b []byte) string {
	b = bytes.TrimLeft(b, " \t\r\n")
	if len(b) == 0 || b[0] != '{' {
		return "list"
	}
	var members map[string]json.RawMessage
	if json.Unmarshal(b, &members) != nil {
		return "register" // let the register's loader say what is wrong
	}
	has := func(names ...string) bool {
		for _, n := range names {
			if _, ok := members[n]; ok {
				return true
			}
		}
		return false
	}
	switch {
	case has("register", "directory", "admission", "keyTasks", "history", "supervision"):
		return "catalog"
	case has("routes"):
		return "directory"
	case has("items", "excluded"):
		return "admission"
	}
	return "register"
}
