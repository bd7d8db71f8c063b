package tablecase_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/qingdan/qingdan/internal/tablecase"
)

type phrase struct {
	Name string `json:"name"`
	Text string `json:"text"`
}

var errInvalid = errors.New("foo: invalid")

func ExampleRead() {
	cs, err := tablecase.Read[phrase]("footest", errInvalid, strings.NewReader(`[{"name":"greeting","text":"你好"},{"text":"再见"}]`))
	fmt.Println(err)
	for i, c := range cs {
		fmt.Println(tablecase.Name(c.Name, i), c.Text)
	}
	_, err = tablecase.Read[phrase]("footest", errInvalid, strings.NewReader(`[{"nmae":"x"}]`))
	fmt.Println(err, errors.Is(err, errInvalid))
	// Output:
	// <nil>
	// greeting 你好
	// #1 再见
	// footest: reading cases: foo: invalid: json: unknown field "nmae" at [0] true
}

type printT struct{}

func (printT) Errorf(format string, args ...any) { fmt.Printf(format+"\n", args...) }

// item is a helper package's row: its number, name and cases.
type item struct {
	n     int
	name  string
	cases []string
}

var sheet = tablecase.Policy{Kind: "sheet", Version: "考核细则/2026", Row: "item"}

func (i item) String() string { return sheet.Label(i.n, i.name) }

func ExampleSummary() {
	rows := []item{{1, "被督办", []string{"a", "b", "c"}}, {2, "", nil}}
	cases := func(i item) []string { return i.cases }
	fmt.Println(tablecase.Summary(sheet, rows, cases))
	fmt.Println(tablecase.Unreached(rows, cases))
	tablecase.Require(printT{}, sheet, rows, cases)
	// Output:
	// sheet "考核细则/2026": 1 of 2 items reached
	// item 1 "被督办": 3 cases
	// item 2: never reached
	// [item 2]
	// sheet "考核细则/2026": no case reaches item 2
}

func ExampleReport() {
	got, panicked, err := tablecase.Call(func() (int, error) { return 85, nil })
	o := tablecase.Outcome{Call: "Apply", Panicked: panicked, Err: err,
		Brief: func() string { return fmt.Sprint(got, " points") },
		Diff:  func() string { return "" }}
	tablecase.Report(printT{}, `case "late"`, "no base", o) // wants an error
	tablecase.Report(printT{}, `case "late"`, "", o)        // passes
	_, panicked, _ = tablecase.Call(func() (int, error) { panic("boom") })
	tablecase.Report(printT{}, tablecase.Where([]string{"testdata/cases.json:3"}, "", 0), "", tablecase.Outcome{Call: "Apply", Panicked: panicked})
	// Output:
	// case "late": Apply = 85 points, want an error containing "no base"
	// testdata/cases.json:3: case "#0": Apply panicked: boom
}
