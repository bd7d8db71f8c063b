package enum_test

import (
	"errors"
	"fmt"

	"github.com/qingdan/qingdan/internal/enum"
)

type Level int

var levels = enum.New(enum.Spec[Level]{
	Package: "example", Type: "Level", What: "risk level",
	Codes:  []string{"", "low", "high"},
	Labels: []string{"", "低", "高"},
	Err:    errors.New("example: invalid"),
})

func (l Level) String() string { return levels.String(l) }

func ExampleCodec() {
	fmt.Println(Level(2), levels.Label(2), Level(0), Level(7))
	fmt.Println(levels.Parse(" 高 "))
	_, err := levels.Parse("medium")
	fmt.Println(err)
	// Output:
	// high 高 Level(0) Level(7)
	// high <nil>
	// example: unknown risk level "medium" (want one of low, high, or a Chinese label): invalid
}
