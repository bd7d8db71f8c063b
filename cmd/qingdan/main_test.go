package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/cmd/qingdan/internal/command"
	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/qingdan/qingdan/journal"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
)

// TestMain lets the scripts run qingdan, and the helper that writes a
// small journal, in the test binary itself.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"qingdan":     func() { os.Exit(run(command.Stdio(), os.Args[1:])) },
		"mkjournal":   mkjournal,
		"wuhucatalog": wuhucatalog,
		"bigcsv":      bigcsv,
	})
}

// TestScripts runs the scripts of testdata/script. In them, $REPO is the
// repository (for the examples' data) and $WUHU a journal of the Wuhu
// example's year, written by go run ./examples/wuhu -journal once for
// all scripts; `exits N command …` runs a command and checks that it
// exits with N, keeping its output for stdout and stderr.
func TestScripts(t *testing.T) {
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	wuhu := sync.OnceValues(func() (string, error) { return wuhuJournal(repo, t.TempDir()) })
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("REPO", repo)
			j, err := wuhu()
			env.Setenv("WUHU", j)
			return err
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){"exits": exits, "tear": tear},
	})
}

// wuhuJournal writes the Wuhu example's journal into dir and returns its
// name.
func wuhuJournal(repo, dir string) (string, error) {
	name := filepath.Join(dir, "wuhu.jsonl")
	cmd := exec.Command("go", "run", "./examples/wuhu", "-journal", name)
	cmd.Dir = repo
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = nil, &stderr
	if err := cmd.Run(); err != nil {
		return "", errors.New("go run ./examples/wuhu -journal: " + err.Error() + ": " + stderr.String())
	}
	return name, nil
}

// exits runs `exits N command args…`: the command must exit with N.
func exits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits N command [args...]")
	}
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	got := 0
	var ee *exec.ExitError
	switch err := ts.Exec(args[1], args[2:]...); {
	case errors.As(err, &ee):
		got = ee.ExitCode()
	case err != nil:
		ts.Fatalf("%v", err)
	}
	if got != want {
		ts.Fatalf("%s exited with %d, want %d", args[1], got, want)
	}
}

// tear is `tear FILE`: it cuts the last line of FILE in half, line feed
// and all, as a crash while appending leaves a journal.
func tear(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: tear FILE")
	}
	name := ts.MkAbs(args[0])
	b, err := os.ReadFile(name)
	ts.Check(err)
	body := bytes.TrimSuffix(b, []byte("\n"))
	last := bytes.LastIndexByte(body, '\n') + 1
	ts.Check(os.WriteFile(name, b[:last+(len(body)-last)/2], 0o644))
}

// wuhucatalog is `wuhucatalog routes.json catalog.json`: it writes the
// Wuhu example's governance matter list (its data/routes.json) as a
// catalog of that list alone.
func wuhucatalog() {
	b, err := os.ReadFile(os.Args[1])
	if err == nil {
		b, err = json.Marshal(map[string]json.RawMessage{"directory": b})
	}
	if err == nil {
		err = os.WriteFile(os.Args[2], b, 0o644)
	}
	if err != nil {
		os.Stderr.WriteString("wuhucatalog: " + err.Error() + "\n")
		os.Exit(1)
	}
}

// bigcsv is `bigcsv [-gb18030] list.csv`: it writes a power list one row
// longer than accountability.MaxCSVBytes allows; with -gb18030, in
// GB18030, in which it is shorter than the bound, and longer once decoded.
func bigcsv() {
	args := os.Args[1:]
	row := "甲,行政许可,X1,《某法》第一条\n"
	b := []byte("项目名称,权力类型,项目编码,设定依据\n" + strings.Repeat(row, accountability.MaxCSVBytes/len(row)+1))
	var err error
	if len(args) == 2 && args[0] == "-gb18030" {
		b, err = simplifiedchinese.GB18030.NewEncoder().Bytes(b)
	}
	if err == nil {
		err = os.WriteFile(args[len(args)-1], b, 0o644)
	}
	if err != nil {
		os.Stderr.WriteString("bigcsv: " + err.Error() + "\n")
		os.Exit(1)
	}
}

// mkjournal is `mkjournal table.json facts.json journal.jsonl`: it grades
// each facts with the table and journals the evaluations, one a day from
// 2020-06-01, as a host would record them.
func mkjournal() {
	if err := writeJournal(os.Args[1], os.Args[2], os.Args[3]); err != nil {
		os.Stderr.WriteString("mkjournal: " + err.Error() + "\n")
		os.Exit(1)
	}
}

func writeJournal(table, factsFile, out string) error {
	b, err := os.ReadFile(table)
	if err != nil {
		return err
	}
	tab, err := scoring.LoadTable(bytes.NewReader(b))
	if err != nil {
		return err
	}
	if b, err = os.ReadFile(factsFile); err != nil {
		return err
	}
	var facts []scoring.Facts
	if err := jsonx.Decode(b, &facts); err != nil {
		return err
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	w := journal.NewWriter(bw, nil)
	at := time.Date(2020, 6, 1, 9, 0, 0, 0, workday.CST())
	for i, fs := range facts {
		res, err := tab.Evaluate(fs)
		if err != nil {
			return err
		}
		if _, err := w.AppendEvaluation(fs.Evaluation(at.AddDate(0, 0, i), res)); err != nil {
			return err
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return f.Close()
}
