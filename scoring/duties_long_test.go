package scoring_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring"
)

// TestOptionErrorsQuoteLongNames: an error of a book's options names a
// grade or unit cut, as every error of the package names a name, not in
// full. A grade of a megabyte off the scale in force was repeated whole in
// each error, and a Merge remembered each such error for up to 4,096
// points: a book of 300 evaluations sharing one such grade (a megabyte
// kept once) made Merge allocate 300 megabytes.
func TestOptionErrorsQuoteLongNames(t *testing.T) {
	long := strings.Repeat("优", 1<<18) // 768 KiB
	scaled := scoring.NewBook(&scoring.BookOptions{Scale: wuhu.Scale()})
	m := replay(t, "M1",
		matters.Event{At: june(1, 9, 0), Kind: matters.Report, Actor: "12345", Type: "违法建设", Units: []string{"赭山街道"}},
		matters.Event{At: june(1, 9, 10), Kind: matters.Whistle, Actor: "赭山街道"},
		matters.Event{At: june(1, 9, 20), Kind: matters.Dispatch, Actor: "赭山街道", Units: []string{"城管局"}})
	history := scoring.NewBook(&scoring.BookOptions{Matter: func(string) (*matters.Matter, bool) { return m, true }})
	cut := `"` + strings.Repeat("优", 21) + `"… (786432 bytes)` // long as errtext.Quote cuts it
	for _, tt := range []struct {
		name string
		b    *scoring.Book
		e    func(*scoring.Evaluation)
		want string // what the option's refusal says, naming long cut
	}{
		{"grade off the scale", scaled, func(e *scoring.Evaluation) { e.Result.Grade = long }, "grade " + cut + " is not on the scale in force"},
		{"subject never dispatched", history, func(e *scoring.Evaluation) { e.Subject = long }, "the matter was never dispatched to " + cut},
		{"evaluator not the owner", history, func(e *scoring.Evaluation) { e.Evaluator = long }, `graded by the owner that dispatched it (now "赭山街道"), not ` + cut},
		{"owner not graded by the platform", history, func(e *scoring.Evaluation) { e.Subject, e.Evaluator = "赭山街道", long },
			`reported is graded by the platform, not ` + cut},
	} {
		e := graded("good")
		tt.e(&e)
		err := tt.b.Record(e)
		if msg := fmt.Sprint(err); !errors.Is(err, scoring.ErrInvalid) || len(msg) > 4096 || !strings.HasSuffix(msg, tt.want) {
			t.Errorf("%s: Record gave an error of %d bytes wrapping ErrInvalid %v: %.400s; want one of at most 4096 ending %q",
				tt.name, len(msg), errors.Is(err, scoring.ErrInvalid), msg, tt.want)
		}
	}

	src := scoring.NewBook(nil)
	for i := range 300 {
		e := graded("good")
		e.Matter, e.Result.Grade, e.Result.Points = fmt.Sprintf("M%d", i), long, decimal.New(int64(i), 0)
		if err := src.Record(e); err != nil {
			t.Fatal(err)
		}
	}
	var err error
	if b := hardening.Allocated(func() { err = scaled.Merge(src) }); b > 64<<20 {
		t.Errorf("Merge allocated %d MiB, want at most 64", b>>20)
	}
	if msg := fmt.Sprint(err); !errors.Is(err, scoring.ErrInvalid) || len(msg) > 1<<16 {
		t.Errorf("Merge gave an error of %d bytes wrapping ErrInvalid %v (%.200s), want one of at most 64 KiB", len(msg), errors.Is(err, scoring.ErrInvalid), msg)
	}
}
