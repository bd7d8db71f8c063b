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
	for _, tt := range []struct {
		name string
		b    *scoring.Book
		e    func(*scoring.Evaluation)
	}{
		{"grade off the scale", scaled, func(e *scoring.Evaluation) { e.Result.Grade = long }},
		{"subject never dispatched", history, func(e *scoring.Evaluation) { e.Subject = long }},
		{"evaluator not the owner", history, func(e *scoring.Evaluation) { e.Evaluator = long }},
		{"owner not graded by the platform", history, func(e *scoring.Evaluation) { e.Subject, e.Evaluator = "赭山街道", long }},
	} {
		e := graded("good")
		tt.e(&e)
		err := tt.b.Record(e)
		if !errors.Is(err, scoring.ErrInvalid) || len(err.Error()) > 4096 {
			t.Errorf("%s: Record gave an error of %d bytes wrapping ErrInvalid %v, want one of at most 4096", tt.name, len(err.Error()), errors.Is(err, scoring.ErrInvalid))
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
	if !errors.Is(err, scoring.ErrInvalid) || len(err.Error()) > 1<<16 {
		t.Errorf("Merge gave an error of %d bytes wrapping ErrInvalid %v, want one of at most 64 KiB", len(err.Error()), errors.Is(err, scoring.ErrInvalid))
	}
}
