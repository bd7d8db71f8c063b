package tablecase_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/qingdan/qingdan/internal/tablecase"
)

// TestWhere: a case read from a file is named by the line it begins on,
// counted over CRLF line ends, blank lines and cases of several lines; a
// case not read from a file by its name alone.
func TestWhere(t *testing.T) {
	type c struct {
		Name string `json:"name"`
		Text string `json:"text"`
	}
	path := filepath.Join(t.TempDir(), "cases.json")
	data := "[{\"name\": \"a\"},\r\n\r\n  {\"name\": \"b\",\r\n   \"text\": \"x\"}\r\n  ,{\"text\": \"y\"}, {}]"
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	cs, at, err := tablecase.ReadFile[c]("footest", errors.New("bad"), path)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for i, c := range cs {
		got = append(got, tablecase.Where(at, c.Name, i))
	}
	want := []string{path + `:1: case "a"`, path + `:3: case "b"`, path + `:5: case "#2"`, path + `:5: case "#3"`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Where mismatch (-want +got):\n%s", diff)
	}
	if got := tablecase.Where(nil, "", 4); got != `case "#4"` {
		t.Errorf("Where(nil, \"\", 4) = %q, want %q", got, `case "#4"`)
	}
}
