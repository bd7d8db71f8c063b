package tablecase_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/qingdan/qingdan/internal/tablecase"
)

// TestReach: each case's name goes to every row it reaches, in the cases'
// order, once a reach; a row out of range is passed over.
func TestReach(t *testing.T) {
	// reaching is a case: its name and the rows it reaches.
	type reaching struct {
		name string
		rows []int
	}
	for _, tt := range []struct {
		name  string
		n     int
		cases []reaching
		want  [][]string
	}{
		{"no cases", 2, nil, [][]string{nil, nil}},
		{"no rows", 0, []reaching{{"a", []int{1}}}, [][]string{}},
		{"named and unnamed", 3, []reaching{{"a", []int{1, 3}}, {"", []int{3}}, {"c", nil}},
			[][]string{{"a"}, nil, {"a", "#1"}}},
		{"out of range", 2, []reaching{{"a", []int{0, -1, 3, 2}}}, [][]string{nil, {"a"}}},
		{"twice from one case", 1, []reaching{{"a", []int{1, 1}}}, [][]string{{"a", "a"}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := tablecase.Reach(tt.n, tt.cases, func(c reaching) string { return c.name }, func(c reaching, reach func(int)) {
				for _, row := range c.rows {
					reach(row)
				}
			})
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Reach mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
