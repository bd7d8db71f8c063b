package scoringtest

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/internal/tablecase"
	"github.com/qingdan/qingdan/scoring"
	"github.com/shopspring/decimal"
)

// coverTable has four rows: not responded, returned, an unnamed row for
// quality ≤ 2, and a catch-all.
func coverTable() *scoring.Table {
	yes, no := true, false
	return &scoring.Table{Version: "cover-1", Scale: testScale, Rules: []scoring.TableRule{
		{Name: "not responded", Grade: "poor", Responded: &no},
		{Name: "returned", Grade: "fair", Returned: &yes},
		{Grade: "fair", QualityMax: 2},
		{Name: "otherwise", Grade: "excellent"},
	}}
}

func TestCover(t *testing.T) {
	cases := []Case{
		{Name: "silent", Facts: scoring.Facts{}},
		{Name: "bounced", Facts: scoring.Facts{Responded: true, Returned: true}},
		{Facts: scoring.Facts{Responded: true}},
		{Name: "silent again", Facts: scoring.Facts{Quality: 1}},
		{Name: "refused", Facts: scoring.Facts{Responded: true, Quality: 5}, Err: "x"},
	}
	got := Cover(coverTable(), cases)
	want := Coverage{Table: "cover-1", Rows: []Row{
		{Rule: 1, Name: "not responded", Cases: []string{"silent", "silent again"}},
		{Rule: 2, Name: "returned", Cases: []string{"bounced"}},
		{Rule: 3},
		{Rule: 4, Name: "otherwise", Cases: []string{"#2", "refused"}},
	}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Cover mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]Row{{Rule: 3}}, got.Unreached()); diff != "" {
		t.Errorf("Unreached mismatch (-want +got):\n%s", diff)
	}
	wantText := `table "cover-1": 3 of 4 rules reached
rule 1 "not responded": 2 cases
rule 2 "returned": 1 case
rule 3: never reached
rule 4 "otherwise": 2 cases`
	if got.String() != wantText {
		t.Errorf("String() = %q, want %q", got.String(), wantText)
	}
}

func TestCoverNoRowsNoCases(t *testing.T) {
	got := Cover(&scoring.Table{Version: "empty"}, nil)
	if diff := cmp.Diff(Coverage{Table: "empty", Rows: []Row{}}, got); diff != "" {
		t.Errorf("Cover of an empty table mismatch (-want +got):\n%s", diff)
	}
	if un := Cover(coverTable(), nil).Unreached(); len(un) != 4 {
		t.Errorf("with no cases Unreached = %v, want all 4 rows", un)
	}
}

func TestRequireCoverage(t *testing.T) {
	all := []Case{
		{Facts: scoring.Facts{}},
		{Facts: scoring.Facts{Responded: true, Returned: true}},
		{Facts: scoring.Facts{Responded: true, Quality: 2}},
		{Facts: scoring.Facts{Responded: true}},
	}
	for _, tt := range []struct {
		name  string
		cases []Case
		want  []string
	}{
		{"every row reached", all, nil},
		{"two rows unreached", all[1:3], []string{`table "cover-1": no case reaches rule 1 "not responded", rule 4 "otherwise"`}},
		{"unnamed row unreached", []Case{all[0], all[1], all[3]}, []string{`table "cover-1": no case reaches rule 3`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var rec tablecase.HelperRecorder
			RequireCoverage(&rec, coverTable(), tt.cases)
			rec.Check(t, "RequireCoverage", tt.want)
			if len(rec.Reports) == 1 && rec.Reports[0] != tt.want[0] {
				t.Errorf("RequireCoverage reported %q, want exactly %q", rec.Reports[0], tt.want[0])
			}
			if rec.Helpers != 2 { // RequireCoverage and the report it makes
				t.Errorf("Helper called %d times, want 2", rec.Helpers)
			}
		})
	}
	// The cases of a passing table also grade as wanted: coverage and
	// correctness are checked side by side.
	var rec tablecase.Recorder
	Run(&rec, coverTable(), []Case{{Facts: all[3].Facts, Want: scoring.Result{Grade: "excellent", Points: decimal.NewFromInt(100)}}})
	rec.Check(t, "Run", nil)
}

func TestCoverNilTablePanics(t *testing.T) {
	if r := hardening.PanicOf(func() { Cover(nil, nil) }); r != "scoringtest: Cover: nil *scoring.Table" {
		t.Errorf("recovered %v, want the nil-table panic", r)
	}
}
