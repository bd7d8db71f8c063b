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

func ExamplePolicy() {
	p := tablecase.Policy{Kind: "sheet", Version: "考核细则/2026", Row: "item"}
	labels := []string{p.Label(1, "被督办"), p.Label(2, "")}
	fmt.Println(p.Summary(labels, []int{3, 0}))
	p.Require(printT{}, labels[1:])
	// Output:
	// sheet "考核细则/2026": 1 of 2 items reached
	// item 1 "被督办": 3 cases
	// item 2: never reached
	// sheet "考核细则/2026": no case reaches item 2
}

func ExampleReport() {
	got, panicked, err := tablecase.Call(func() (int, error) { return 85, nil })
	o := tablecase.Outcome{Call: "Apply", Panicked: panicked, Err: err,
		Brief: func() string { return fmt.Sprint(got, " points") },
		Diff:  func() string { return "" }}
	tablecase.Report(printT{}, "late", "no base", o) // wants an error
	tablecase.Report(printT{}, "late", "", o)        // passes
	_, panicked, _ = tablecase.Call(func() (int, error) { panic("boom") })
	tablecase.Report(printT{}, "boom", "", tablecase.Outcome{Call: "Apply", Panicked: panicked})
	// Output:
	// case "late": Apply = 85 points, want an error containing "no base"
	// case "boom": Apply panicked: boom
}
