package grading_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/qingdan/qingdan/grading"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring"
)

// TestGraderConcurrentUse grades the same matters with one grader from
// several goroutines at once — with a judge, and with a compiled table —
// as New documents it may; go test -race checks what they share. Each
// call returns what it returns alone, and no matter changes.
func TestGraderConcurrentUse(t *testing.T) {
	table, err := wuhu.Table().Compile()
	if err != nil {
		t.Fatal(err)
	}
	graders := []grading.Grader{grader(), grading.New(grading.Config{Catalog: catalog(), Evaluator: scoring.First(table, evaluator)})}
	r := rand.New(rand.NewPCG(7, 11))
	var ms, before []*matters.Matter
	for range 8 {
		m := randomMatter(r, 12)
		ms, before = append(ms, m), append(before, m.Clone())
	}
	graded := 0
	for _, m := range ms {
		gs, _ := graders[1].Grade(cal, m, 0)
		graded += len(gs)
	}
	if graded == 0 {
		t.Fatal("the matters call for no grade: the test would share nothing")
	}
	hardening.Agree(t, "Grade on shared matters", func(g, i int) any {
		m := ms[(g+i)%len(ms)]
		var got []any
		for _, gr := range graders {
			all, err := gr.Grade(cal, m, 0)
			latest, lerr := gr.Grade(cal, m, len(m.Events)-1)
			got = append(got, all, fmt.Sprint(err), latest, fmt.Sprint(lerr))
		}
		return got
	})
	for k := range ms {
		if diff := cmp.Diff(before[k], ms[k]); diff != "" {
			t.Errorf("matter %d changed by grading; mismatch (-want +got):\n%s", k, diff)
		}
	}
}
