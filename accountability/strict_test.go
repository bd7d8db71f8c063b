package accountability

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/qingdan/qingdan/internal/hardening"
)

// TestLoadRegisterStrict: LoadRegister refuses a misspelt key, a key in
// another case, a key given twice and text that is not UTF-8, at every
// place of a sound register, nested ones included.
func TestLoadRegisterStrict(t *testing.T) {
	r := sound()
	r.Powers[0].Extra = map[string]string{"备注": "巢湖"}
	extra := func(path string) bool { return strings.HasSuffix(path, ".extra") }
	hardening.Strict(t, mustJSON(t, r), hardening.StrictOptions{Free: extra}, ErrInvalid, func(b []byte) error {
		_, err := LoadRegister(bytes.NewReader(b))
		return err
	})
}

// formulaPowers hold, in every kind of cell, text a spreadsheet would run
// as a formula.
func formulaPowers() []Power {
	return []Power{
		{Code: "=HYPERLINK(\"http://example.com\",\"点击\")", Name: "+1+1", Category: Licensing, Subject: "@SUM(A1:A9)", Office: "-2+3",
			Basis:       []Basis{{Law: "-条例", Kind: Setting}, {Law: "=1+1", Kind: Implementing}},
			Liabilities: []string{"=cmd|' /C calc'!A0"},
			Extra:       map[string]string{"备注": "'=引号", "=HYPERLINK(\"x\")": "'平常"}},
		{Code: "'已有引号", Name: "普通", Category: Penalty, Subject: "A", Basis: []Basis{{Law: "法", Kind: Implementing}}},
	}
}

// TestWritePowersCSVNeutralisesFormulas: no cell of the output begins
// with a formula character, and the output reads back as it was.
func TestWritePowersCSVNeutralisesFormulas(t *testing.T) {
	var buf bytes.Buffer
	if err := WritePowersCSV(&buf, formulaPowers()); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{`"'=HYPERLINK(""http://example.com"",""点击"")"`, ",'+1+1,", ",'@SUM(A1:A9),", ",'-2+3,", `"'=HYPERLINK(""x"")"`, "''=引号", ",''已有引号,"} {
		if !strings.Contains(out, want) {
			t.Errorf("the output has no %s:\n%s", want, out)
		}
	}
	noFormulas(t, out)
	back, err := ReadPowersCSV(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	want := formulaPowers()
	if diff := cmp.Diff(want, back); diff != "" {
		t.Errorf("round trip mismatch (-want +got):\n%s", diff)
	}
	// A tab or carriage return at the start is neutralised too.
	for _, s := range []string{"\t=1", "\r=1"} {
		if got := neutralise(s); got != "'"+s || restore(got) != s {
			t.Errorf("neutralise(%q) = %q, restored %q", s, got, restore(got))
		}
	}
	for _, s := range []string{"", "a", "'", "'a", "1=1"} {
		if restore(neutralise(s)) != s || restore(s) != s {
			t.Errorf("%q: neutralised %q, restored %q", s, neutralise(s), restore(s))
		}
	}
}

// noFormulas fails t if a cell of out, a CSV text a writer wrote, begins
// with a formula character.
func noFormulas(t *testing.T, out string) {
	t.Helper()
	rows, err := readCSVCells(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rows {
		for _, c := range row {
			if c != "" && strings.ContainsRune(formulaStarts, rune(c[0])) {
				t.Errorf("a cell begins with a formula: %q", c)
			}
		}
	}
}

// readCSVCells splits a CSV text as encoding/csv reads it, after its
// byte-order mark.
func readCSVCells(s string) ([][]string, error) {
	return csv.NewReader(strings.NewReader(strings.TrimPrefix(s, "\ufeff"))).ReadAll()
}

// TestCSVBounds: a cell, a file and a list of bad cells are bounded, and
// each bound is an error that names it, found at once.
func TestCSVBounds(t *testing.T) {
	header := "权力类型,项目编码,项目名称,实施依据\n"
	t.Run("a long cell", func(t *testing.T) {
		in := header + "行政许可,A," + strings.Repeat("名", MaxCellBytes/3+1) + ",法\n行政许可,B,b,法\n"
		powers, err := ReadPowersCSV(strings.NewReader(in))
		var ce *CSVError
		if !errors.As(err, &ce) || len(ce.Cells) != 1 || !errors.Is(err, ErrInvalid) || !errors.Is(err, ErrCell) ||
			!strings.Contains(err.Error(), "row 2, column 3 (项目名称) \"名名名") || !strings.Contains(err.Error(), "longer than 262144 bytes (MaxCellBytes)") {
			t.Fatalf("ReadPowersCSV = %.400v", err)
		}
		if len(powers) != 2 || powers[0].Name != "" || powers[1].Name != "b" || len(err.Error()) > 1000 {
			t.Errorf("powers %d, error of %d bytes", len(powers), len(err.Error()))
		}
	})
	t.Run("a long header", func(t *testing.T) {
		_, err := ReadPowersCSV(strings.NewReader(strings.Repeat("x", MaxCellBytes+1) + "," + header))
		if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "a header longer than 262144 bytes (MaxCellBytes)") {
			t.Errorf("ReadPowersCSV = %.300v", err)
		}
	})
	// A header is measured as it reads, after the apostrophe that
	// WritePowersCSV puts before a formula, as a cell is: a column that
	// ReadPowersCSV read writes and reads back.
	t.Run("a header of the longest length, neutralised", func(t *testing.T) {
		long := "=" + strings.Repeat("x", MaxCellBytes-1)
		powers, err := ReadPowersCSV(strings.NewReader(strings.TrimSuffix(header, "\n") + "," + long + "\n行政许可,A,名称,法,值\n"))
		if err != nil || len(powers) != 1 || powers[0].Extra[long] != "值" {
			t.Fatalf("ReadPowersCSV = %d powers, %.300v", len(powers), err)
		}
		var buf bytes.Buffer
		if err := WritePowersCSV(&buf, powers); err != nil {
			t.Fatal(err)
		}
		back, err := ReadPowersCSV(&buf)
		if err != nil || len(back) != 1 || back[0].Extra[long] != "值" {
			t.Errorf("ReadPowersCSV(WritePowersCSV's output) = %d powers, %.300v", len(back), err)
		}
	})
	t.Run("a long file", func(t *testing.T) {
		r := io.MultiReader(strings.NewReader(header), &repeat{line: "行政许可,A,名称,法\n", n: MaxCSVBytes/24 + 10})
		var err error
		took := hardening.Took(func() { _, err = ReadPowersCSV(r) })
		if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "the text is longer than 67108864 bytes (MaxCSVBytes)") {
			t.Errorf("ReadPowersCSV = %.300v", err)
		}
		if took > hardening.Budget(5*time.Second) { // reading 64 MiB: some tens of milliseconds; no row is parsed
			t.Errorf("refused after %s", took)
		}
	})
	// A row costs time in its own cells, not in the header's: a header of
	// many blank columns over many short rows reads in linear time.
	t.Run("a wide header over many rows", func(t *testing.T) {
		in := strings.TrimSuffix(header, "\n") + ",承诺时限" + strings.Repeat(",", MaxColumns-6) + "\n" + strings.Repeat("行政许可,A,名称,法,即办\n", 20000)
		var powers []Power
		var err error
		took := hardening.Took(func() { powers, err = ReadPowersCSV(strings.NewReader(in)) })
		if err != nil || len(powers) != 20000 || powers[19999].Extra["承诺时限"] != "即办" {
			t.Fatalf("ReadPowersCSV = %d powers, %.300v", len(powers), err)
		}
		if took > hardening.Budget(2*time.Second) { // a tenth of a second; quadratic, some seconds
			t.Errorf("ReadPowersCSV took %s", took)
		}
	})
	// A row of more than MaxColumns cells refuses the list whole, naming
	// the row as the CSV format counts rows (an empty line is none, a
	// quoted cell may span lines) and the line it starts on; rows read
	// the same.
	t.Run("a wide row", func(t *testing.T) {
		head := strings.TrimSuffix(header, "\n")
		for _, tc := range []struct {
			name, in       string
			row, line      int // 0: no error
			rowsRow, lines int // what ReadPowerRows says of the rows it splits into
		}{
			{"a header of MaxColumns cells", head + strings.Repeat(",", MaxColumns-4) + "\n行政许可,A,名称,法\n", 0, 0, 0, 0},
			{"a header of MaxColumns+1 cells", head + strings.Repeat(",", MaxColumns-3) + "\n行政许可,A,名称,法\n", 1, 1, 1, 1},
			{"a row of MaxColumns cells", header + "行政许可,A,名称,法" + strings.Repeat(",", MaxColumns-4) + "\n", 0, 0, 0, 0},
			{"the third row too wide, after an empty line and a cell of two lines",
				header + "\r\n行政许可,A,\"名\n称\",法\n\n行政许可,B,名称,法" + strings.Repeat(",", MaxColumns-3) + "\n", 3, 6, 3, 3},
			{"a comma in quotes is no cell", header + "行政许可,A,\"" + strings.Repeat(",", MaxColumns) + "\",法\n", 0, 0, 0, 0},
		} {
			powers, err := ReadPowersCSV(strings.NewReader(tc.in))
			checkWide(t, tc.name, powers, err, tc.row, tc.line)
			if strings.Contains(tc.in, "\"") {
				continue // ReadPowerRows has no quotes
			}
			var rows [][]string
			for l := range strings.Lines(tc.in) {
				if l = strings.TrimRight(l, "\r\n"); l != "" {
					rows = append(rows, strings.Split(l, ","))
				}
			}
			powers, err = ReadPowerRows(rows)
			checkWide(t, tc.name+" (rows)", powers, err, tc.rowsRow, tc.lines)
		}
	})
	// The CSV format is not left to read a row of millions of cells.
	t.Run("a row of millions of cells", func(t *testing.T) {
		in := header + "行政许可,A,名称,法" + strings.Repeat(",", 30<<20) + "\n"
		var powers []Power
		var err error
		alloc := hardening.Allocated(func() { powers, err = ReadPowersCSV(strings.NewReader(in)) })
		checkWide(t, "30 MiB of commas", powers, err, 2, 2)
		// The text and its copies: some 2–5 times its length (the race
		// detector's runtime adds); the CSV format's cells, some 60.
		if alloc > 10*uint64(len(in)) {
			t.Errorf("reading %d bytes allocated %d", len(in), alloc)
		}
	})
	t.Run("many bad cells", func(t *testing.T) {
		in := header + strings.Repeat("不是类型,A,名称,法,多余\n", 3000)
		powers, err := ReadPowersCSV(strings.NewReader(in))
		var ce *CSVError
		if !errors.As(err, &ce) || len(ce.Cells) != MaxBadCells+1 || len(powers) != 3000 {
			t.Fatalf("ReadPowersCSV: %d powers, %v", len(powers), err)
		}
		if last := ce.Cells[MaxBadCells]; last.Row != 3001 || last.Err.Error() != "5000 more bad cells, not listed (the first 1000 are): accountability: bad cell" {
			t.Errorf("the last cell error is %+v", last)
		}
	})
	t.Run("writing a cell of 100 MB", func(t *testing.T) {
		powers := formulaPowers()
		powers[1].Name = strings.Repeat("名", 100<<20/3)
		var buf bytes.Buffer
		var err error
		took := hardening.Took(func() { err = WritePowersCSV(&buf, powers) })
		if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), `power "'已有引号": a text of 104857599 bytes, over 262144 (MaxCellBytes)`) || buf.Len() != 0 {
			t.Errorf("WritePowersCSV = %v, having written %d bytes", err, buf.Len())
		}
		if took > hardening.Budget(time.Second) { // it measures, it does not copy: microseconds
			t.Errorf("WritePowersCSV took %s", took)
		}
	})
	t.Run("writing a joined cell too long", func(t *testing.T) {
		powers := formulaPowers()
		line := strings.Repeat("情", MaxCellBytes/3/2)
		powers[1].Liabilities = []string{line, line, line}
		var buf bytes.Buffer
		err := WritePowersCSV(&buf, powers)
		if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), `column "追责情形" would hold`) || buf.Len() != 0 {
			t.Errorf("WritePowersCSV = %v, having written %d bytes", err, buf.Len())
		}
	})
}

// checkWide checks the import of a list whose row row, starting at line
// line, is too wide; row 0 is a list with none.
func checkWide(t *testing.T, name string, powers []Power, err error, row, line int) {
	t.Helper()
	if row == 0 {
		if errors.Is(err, ErrInvalid) || len(powers) == 0 {
			t.Errorf("%s: %d powers, %.300v", name, len(powers), err)
		}
		return
	}
	var ce *CSVError
	if !errors.As(err, &ce) || !errors.Is(err, ErrInvalid) || !errors.Is(err, ErrCell) || powers != nil {
		t.Fatalf("%s: %d powers, %.300v", name, len(powers), err)
	}
	want := []CellError{{Row: row, Line: line, Column: MaxColumns + 1, Chinese: "这一行超过 16384 个单元格（MaxColumns，电子表格最多的列数）"}}
	if diff := cmp.Diff(want, ce.Cells, cmpopts.IgnoreFields(CellError{}, "Err")); diff != "" {
		t.Errorf("%s: mismatch (-want +got):\n%s", name, diff)
	}
	if msg := "row " + strconv.Itoa(row) + ", column 16385: a row of more than 16384 cells (MaxColumns)"; !strings.Contains(err.Error(), msg) {
		t.Errorf("%s: %v, want %q", name, err, msg)
	}
}

// repeat reads line n times.
type repeat struct {
	line string
	n    int
	rest string
}

func (r *repeat) Read(p []byte) (int, error) {
	if r.rest == "" {
		if r.n == 0 {
			return 0, io.EOF
		}
		r.n--
		r.rest = r.line
	}
	k := copy(p, r.rest)
	r.rest = r.rest[k:]
	return k, nil
}

// TestLimitedText: a text of exactly the bound reads whole; one byte more
// is errTooLong, however the reads are cut.
func TestLimitedText(t *testing.T) {
	for _, tc := range []struct {
		text    string
		limit   int64
		wantErr bool
	}{
		{"", 0, false},
		{"abc", 3, false},
		{"abc", 4, false},
		{"abc", 2, true},
		{"abcd", 3, true},
	} {
		for _, chunk := range []int{1, 2, 512} {
			got, err := io.ReadAll(&limitedText{r: &chunked{s: tc.text, n: chunk}, left: tc.limit})
			if tc.wantErr != errors.Is(err, errTooLong) || !tc.wantErr && (err != nil || string(got) != tc.text) {
				t.Errorf("%q within %d, read %d at a time: %q, %v", tc.text, tc.limit, chunk, got, err)
			}
		}
	}
}

// chunked reads s at most n bytes at a time, and io.EOF only once it is
// all read, as a file does.
type chunked struct {
	s string
	n int
}

func (c *chunked) Read(p []byte) (int, error) {
	if c.s == "" {
		return 0, io.EOF
	}
	k := copy(p[:min(len(p), c.n)], c.s)
	c.s = c.s[k:]
	return k, nil
}
