package accountability

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestPowerLimit(t *testing.T) {
	for _, tt := range []struct{ statutory, promised, want int }{
		{0, 0, 0}, {20, 0, 20}, {20, 10, 10}, {0, 5, 5}, {-3, -1, 0},
	} {
		p := Power{StatutoryDays: tt.statutory, PromisedDays: tt.promised}
		if got := p.Limit(); got != tt.want {
			t.Errorf("Power{statutory %d, promised %d}.Limit() = %d, want %d", tt.statutory, tt.promised, got, tt.want)
		}
	}
}

func TestStagesFor(t *testing.T) {
	if got := StagesFor(Penalty); len(got) != 7 || got[0] != Filing || got[6] != Enforcement {
		t.Errorf("StagesFor(Penalty) = %v, want 立案 … 执行", got)
	}
	if got := StagesFor(Licensing); len(got) != 5 || got[0] != Acceptance || got[4] != Supervision {
		t.Errorf("StagesFor(Licensing) = %v, want 受理 … 事后监管", got)
	}
	StagesFor(Licensing)[0] = OtherStage
	if got := StagesFor(Licensing); got[0] != Acceptance {
		t.Errorf("StagesFor returned shared state: %v", got)
	}
	if got := StagesFor(Reward); got != nil {
		t.Errorf("StagesFor(Reward) = %v, want nil", got)
	}
}

func TestMissingStages(t *testing.T) {
	duties := func(ss ...Stage) []Duty {
		var ds []Duty
		for _, s := range ss {
			ds = append(ds, Duty{Stage: s, Text: s.Label()})
		}
		return ds
	}
	for _, tt := range []struct {
		name string
		p    Power
		want []Stage
	}{
		{"a licence without its last two stages", Power{Category: Licensing, Duties: duties(Acceptance, Review, Decision)}, []Stage{Delivery, Supervision}},
		{"every stage, out of order and one twice", Power{Category: Licensing, Duties: duties(Supervision, Delivery, Decision, Review, Acceptance, Review)}, nil},
		{"a penalty with no duties", Power{Category: Penalty}, StagesFor(Penalty)},
		{"a penalty's gaps in its own order", Power{Category: Penalty, Duties: duties(Enforcement, Filing, OtherStage, Decision)},
			[]Stage{Investigation, Review, Notice, Delivery}},
		{"a category with no usual stages", Power{Category: Reward}, nil},
		{"coercion, which has no delivery", Power{Category: Coercion, Duties: duties(Filing, Investigation, Review, Notice, Decision, Delivery)}, []Stage{Enforcement}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tt.p.MissingStages()); diff != "" {
				t.Errorf("MissingStages mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
