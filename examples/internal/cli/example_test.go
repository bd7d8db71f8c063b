package cli_test

import (
	"fmt"
	"os"
	"testing/fstest"

	"github.com/qingdan/qingdan/examples/internal/cli"
)

// A program's flags: Parse says whether to stop and with what exit code.
// The flag set writes its messages to the writer NewFlagSet is given,
// here standard output so that they show.
func ExampleParse() {
	for _, args := range [][]string{
		{"-month", "2020-06"},
		{"-h"},
		{"-month", "2020-06", "extra"},
	} {
		fs := cli.NewFlagSet("prog", os.Stdout)
		month := fs.String("month", "", "the month to review")
		fs.Usage = func() { fmt.Fprintln(fs.Output(), "usage: prog [-month YYYY-MM]") }
		code, stop := cli.Parse(fs, args)
		fmt.Printf("%q: month %q, code %d, stop %v\n", args, *month, code, stop)
	}
	// Output:
	// ["-month" "2020-06"]: month "2020-06", code 0, stop false
	// usage: prog [-month YYYY-MM]
	// ["-h"]: month "", code 0, stop true
	// prog: unexpected argument "extra"
	// usage: prog [-month YYYY-MM]
	// ["-month" "2020-06" "extra"]: month "2020-06", code 2, stop true
}

// Decode reads the program's embedded data strictly: a field the value
// does not have is an error that names the file. A program passes its
// embed.FS; a map stands in for it here.
func ExampleDecode() {
	data := fstest.MapFS{
		"data/city.json":  {Data: []byte(`{"year": 2020, "name": "芜湖市"}`)},
		"data/typo.json":  {Data: []byte(`{"year": 2020, "nmae": "芜湖市"}`)},
		"data/twice.json": {Data: []byte(`{"year": 2020} {"year": 2021}`)},
	}
	var city struct {
		Year int    `json:"year"`
		Name string `json:"name"`
	}
	for _, name := range []string{"data/city.json", "data/typo.json", "data/twice.json"} {
		if err := cli.Decode(data, name, &city); err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(city.Name, city.Year)
	}
	// Output:
	// 芜湖市 2020
	// data/typo.json: json: unknown field "nmae"
	// data/twice.json: trailing data after the JSON value
}

// Load reads a file named on the command line in place of the embedded
// data; with no file named (path empty) it decodes the embedded one, as
// here.
func ExampleLoad() {
	data := fstest.MapFS{"data/register.json": {Data: []byte(`{"org": "中庙街道", "version": "2020"}`)}}
	var reg struct {
		Org     string `json:"org"`
		Version string `json:"version"`
	}
	path := "" // the value of the program's -register flag
	if err := cli.Load(data, "data/register.json", path, "register", &reg); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(reg.Org, reg.Version)
	// Output:
	// 中庙街道 2020
}
