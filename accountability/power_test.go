package accountability

import "testing"

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
