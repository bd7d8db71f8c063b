package tablecase_test

import (
	"fmt"
	"strings"

	"github.com/qingdan/qingdan/internal/tablecase"
)

type phrase struct {
	Name string `json:"name"`
	Text string `json:"text"`
}

func ExampleRead() {
	cs, err := tablecase.Read[phrase]("footest", strings.NewReader(`[{"name":"greeting","text":"你好"},{"text":"再见"}]`))
	fmt.Println(err)
	for i, c := range cs {
		fmt.Println(tablecase.Name(c.Name, i), c.Text)
	}
	_, err = tablecase.Read[phrase]("footest", strings.NewReader(`[{"nmae":"x"}]`))
	fmt.Println(err)
	// Output:
	// <nil>
	// greeting 你好
	// #1 再见
	// footest: reading cases: json: unknown field "nmae" at [0]
}
