package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/cmd/qingdan/internal/command"
	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/qingdan/qingdan/matters"
)

// kinds are the documents check and diff read, by the name -kind gives.
var kinds = []string{"register", "catalog", "directory", "admission", "list"}

// kindLabels name the kinds in words, for messages.
var kindLabels = map[string]string{"register": "两单一图一点", "catalog": "清单目录", "directory": "基层治理事项清单", "admission": "事项准入清单", "list": "公布的权力清单或责任清单"}

const kindsHelp = "`类型`：register（两单一图一点）、catalog（清单目录）、directory（基层治理事项清单）、admission（事项准入清单）、list（公布的权力清单或责任清单 CSV，按表头区分）；不给时按内容判断"

// document is one list read from a file: one of its fields is set.
type document struct {
	kind      string
	register  *accountability.Register
	catalog   *matters.Catalog
	directory *matters.Directory
	admission *matters.Admission
	powers    []accountability.Power          // kind "list", a power list
	resps     []accountability.Responsibility // kind "list", a responsibility list
	cells     *accountability.CSVError
}

// listRegister is the register of a published list's powers or
// responsibilities, for the rules and Diff.
func (d *document) listRegister() *accountability.Register {
	return &accountability.Register{Powers: d.powers, Responsibilities: d.resps}
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
		err = d.readList(b)
	}
	if err != nil && kind != "list" {
		err = jsonError(b, err)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", command.Name(name), err)
	}
	return d, nil
}

// jsonError returns err, met decoding the JSON b, as the commands print
// it: where the library's strict decoder refused b (an unknown field, a
// value of the wrong kind, input that is not JSON…), a *listError that
// says what and where in Chinese, then in English; otherwise err as it is.
func jsonError(b []byte, err error) error {
	if zh, ok := jsonx.Chinese(b, err); ok {
		return &listError{why: "无法读取", lines: []string{zh}, err: err}
	}
	return err
}

// readList reads b, a published list: a power list, or, where b has not
// the columns a power list must have but has those of a responsibility
// list (主要职责, 职责事项, …), a responsibility list; an error names what
// each would need where it is neither. Bad cells alone leave the rows
// read, with the cells blank, in d.cells; a list that failed whole (no
// items) or a row the CSV format could not read (an error joined to the
// cells') is input that cannot be read: a *listError, which says what is
// wrong with each bad cell and row in Chinese, then in English.
func (d *document) readList(b []byte) error {
	// JSON read as CSV would be said to lack the columns of both lists, or
	// to have a stray quote: the wrong file, which is better said so.
	if t := bytes.TrimLeft(b, " \t\r\n"); len(t) > 0 && (t[0] == '{' || t[0] == '[') && json.Valid(t) {
		return errors.New("是 JSON，不是公布的权力清单或责任清单（CSV）")
	}
	var err error
	d.powers, err = accountability.ReadPowersCSV(bytes.NewReader(b))
	switch {
	case len(b) > accountability.MaxCSVBytes:
		return &listError{why: fmt.Sprintf("文件有 %d 字节，超过公布的清单可读的上限 %d 字节（64 MiB）", len(b), accountability.MaxCSVBytes), err: err}
	case tooLong(err): // a GB18030 text, measured as decoded
		return &listError{why: fmt.Sprintf("文件有 %d 字节，转成 UTF-8 后超过公布的清单可读的上限 %d 字节（64 MiB）", len(b), accountability.MaxCSVBytes), err: err}
	}
	if len(b) == 0 {
		return &listError{why: "无法读取", err: err} // the power list's "empty file", not both readers'
	}
	if d.powers == nil && missingColumns(err) {
		resps, rerr := accountability.ReadResponsibilitiesCSV(bytes.NewReader(b))
		switch {
		case resps != nil || !missingColumns(rerr):
			d.resps, err = resps, rerr
			if d.resps == nil && err == nil {
				d.resps = []accountability.Responsibility{} // a list of no rows, of responsibilities
			}
		default:
			return &listError{why: "既不是权力清单，也不是责任清单", err: errors.Join(err, rerr)}
		}
	}
	if ce, ok := err.(*accountability.CSVError); ok && (d.powers != nil || d.resps != nil) {
		d.cells, err = ce, nil
	}
	if chineseLines(err) != nil {
		return &listError{why: "无法读取", err: err}
	}
	return err
}

// tooLong reports whether err is the readers' error of a text longer
// than MaxCSVBytes: the one error of theirs that wraps ErrInvalid and is
// neither a *CSVError (bad cells) nor a *RecordError (a record the CSV
// format cannot read).
func tooLong(err error) bool {
	_, cells := errors.AsType[*accountability.CSVError](err)
	_, record := errors.AsType[*accountability.RecordError](err)
	return !cells && !record && errors.Is(err, accountability.ErrInvalid)
}

// listError is the error of a published list that cannot be read (or,
// for diff, that has bad cells), or of a JSON file the decoder refused, as
// the commands print it: why, then what is wrong in Chinese, a line for
// each bad cell and for the record the CSV format could not read (or
// lines, where given), and after them the library's error, in English.
type listError struct {
	why   string
	lines []string // what is wrong, in Chinese; chineseLines(err) where nil
	err   error
}

func (e *listError) Error() string {
	lines := e.lines
	if lines == nil {
		lines = chineseLines(e.err)
	}
	var b strings.Builder
	b.WriteString(e.why + "：")
	for _, l := range lines {
		b.WriteString("\n\t" + l)
	}
	b.WriteString("\n英文原文：" + e.err.Error())
	return b.String()
}

func (e *listError) Unwrap() error { return e.err }

// chineseLines says in Chinese, a line each, what is wrong with each bad
// cell of each *CSVError err holds, as check shows a bad cell, and with
// each record the CSV format could not read (*RecordError); nil if err
// holds neither.
func chineseLines(err error) []string {
	switch e := err.(type) {
	case *accountability.CSVError:
		lines := make([]string, len(e.Cells))
		for i := range e.Cells {
			f := cellFinding(&e.Cells[i])
			lines[i] = f.Path + "：" + f.Label()
		}
		return lines
	case *accountability.RecordError:
		return []string{"第" + strconv.Itoa(e.Row) + "行：" + e.Chinese}
	case interface{ Unwrap() []error }:
		var lines []string
		for _, e := range e.Unwrap() {
			lines = append(lines, chineseLines(e)...)
		}
		return lines
	case interface{ Unwrap() error }:
		return chineseLines(e.Unwrap())
	}
	return nil
}

// missingColumns reports whether err is that of a list that lacks a
// column it must have: a *CSVError whose every cell is of the header row
// and of no column (Column 0, as CellError says of a missing column) and
// names the header missing. A file in an encoding the readers refuse
// (UTF-16) is also of row 1 and no column, but of no header: it is no list
// of either kind, and the other reader would say so again.
func missingColumns(err error) bool {
	ce, ok := err.(*accountability.CSVError)
	if !ok || len(ce.Cells) == 0 {
		return false
	}
	for _, c := range ce.Cells {
		if c.Row != 1 || c.Column != 0 || c.Header == "" {
			return false
		}
	}
	return true
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
