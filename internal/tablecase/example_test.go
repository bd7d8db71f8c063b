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
