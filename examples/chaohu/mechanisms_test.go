package main

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/examples/internal/cli"
	"github.com/qingdan/qingdan/examples/internal/clitest"
	"github.com/shopspring/decimal"
)

// ruleAt is a finding reduced to what a test compares: its rule and path.
type ruleAt struct{ Rule, Path string }

func rulesAt(fs accountability.Findings) []ruleAt { return clitest.RulesAt[ruleAt](fs) }

// mechanisms loads a fresh copy of the register and the data of sections 九
// to 十一.
func mechanisms(t *testing.T) (*accountability.Register, *staffing, *leadership, *service) {
	t.Helper()
	var (
		reg  accountability.Register
		s    staffing
		l    leadership
		serv service
	)
	if err := errors.Join(
		cli.Decode(dataFS, "data/register-2020.json", &reg),
		cli.Decode(dataFS, "data/staffing.json", &s),
		cli.Decode(dataFS, "data/leadership.json", &l),
		cli.Decode(dataFS, "data/service.json", &serv),
	); err != nil {
		t.Fatal(err)
	}
	return &reg, &s, &l, &serv
}

// TestStaffingCheck: the embedded figures add up to the source's (97, 174,
// 100, 5 police heads, nearly 110 staff per sub-district), and each way of
// breaking them is caught by its rule.
func TestStaffingCheck(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(s *staffing)
		want   []ruleAt
	}{
		{"as published", func(*staffing) {}, nil},
		{"one administrative post too many", func(s *staffing) { s.Streets[0].Administrative++ },
			[]ruleAt{{"chaohu.staffing.administrative", "streets"}}},
		{"institutional posts short", func(s *staffing) { s.Streets[1].Institutional -= 2 },
			[]ruleAt{{"chaohu.staffing.institutional", "streets"}}},
		{"more transferred than approved", func(s *staffing) {
			s.Streets[4].Transferred += 20
			s.Streets[3].Transferred -= 20
		}, []ruleAt{{"chaohu.staffing.transferred", "streets[ZM]"}}},
		{"a police head off the 党工委", func(s *staffing) { s.Streets[2].PoliceStation = "" },
			[]ruleAt{{"chaohu.staffing.police", "streets"}}},
		{"a sub-district left out", func(s *staffing) { s.Streets = s.Streets[:4] }, []ruleAt{
			{"chaohu.staffing.streets", "streets"}, {"chaohu.staffing.administrative", "streets"},
			{"chaohu.staffing.institutional", "streets"}, {"chaohu.staffing.transferred", "streets"},
			{"chaohu.staffing.police", "streets"}, {"chaohu.staffing.before", "streets"}, // 446 / 4 = 111.5
		}},
		{"110 on average is still nearly 110", func(s *staffing) { s.Streets[4].Before["街道自聘"] += 4 }, nil},
		{"over 110 on average", func(s *staffing) { s.Streets[4].Before["街道自聘"] += 5 },
			[]ruleAt{{"chaohu.staffing.before", "streets"}}},
		{"far under 110 on average", func(s *staffing) { s.Streets[4].Before["街道自聘"] -= 25 },
			[]ruleAt{{"chaohu.staffing.before", "streets"}}},
		{"a category missing and one unknown", func(s *staffing) {
			n := s.Streets[0].Before["市聘"]
			delete(s.Streets[0].Before, "市聘")
			s.Streets[0].Before["临时工"] = n
		}, []ruleAt{{"chaohu.staffing.category", "streets[WNS].before"}, {"chaohu.staffing.category", "streets[WNS].before[临时工]"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, s, _, _ := mechanisms(t)
			tt.mutate(s)
			if diff := cmp.Diff(tt.want, rulesAt(s.check())); diff != "" {
				t.Errorf("findings mismatch (-want +got):\n%s", diff)
			}
		})
	}
	_, s, _, _ := mechanisms(t)
	if got := s.averageBefore(); !got.Equal(decimal.RequireFromString("109.2")) {
		t.Errorf("average staff before the reform = %s, want 109.2 (546 / 5)", got)
	}
}

// TestLeadershipCheck: the embedded team keeps the source's rules, and
// each way of breaking them is caught by its rule.
func TestLeadershipCheck(t *testing.T) {
	member := func(l *leadership, name string) *member {
		for i := range l.Members {
			if l.Members[i].Name == name {
				return &l.Members[i]
			}
		}
		t.Fatalf("no member %s", name)
		return nil
	}
	tests := []struct {
		name   string
		mutate func(reg *accountability.Register, l *leadership)
		want   []ruleAt
	}{
		{"as embedded", func(*accountability.Register, *leadership) {}, nil},
		{"an office without a head", func(_ *accountability.Register, l *leadership) { member(l, "葛长林").Heads = nil },
			[]ruleAt{{"chaohu.head", "units[ZM-STB]"}}},
		{"an office with two heads", func(_ *accountability.Register, l *leadership) {
			m := member(l, "严素梅")
			m.Heads = append(m.Heads, "ZM-SSB")
		}, []ruleAt{{"chaohu.head", "units[ZM-SSB]"}}},
		{"党群工作部 headed by a deputy director", func(_ *accountability.Register, l *leadership) {
			member(l, "孔德明").Heads = nil
			member(l, "姚春燕").Heads = []string{"ZM-SSB", "ZM-DQB"}
		}, []ruleAt{{"chaohu.partyhead", "units[ZM-DQB]"}}},
		{"党群工作部 headed by the organisation member", func(_ *accountability.Register, l *leadership) {
			member(l, "孔德明").Heads = []string{"ZM-DZB"}
			member(l, "柏文涛").Heads = []string{"ZM-DQB"}
		}, nil},
		{"the police head with a portfolio", func(_ *accountability.Register, l *leadership) {
			member(l, "庞振华").Heads = []string{"ZM-PAB"}
			member(l, "邵明华").Heads = nil
		}, []ruleAt{{"chaohu.head", "units[ZM-PAB]"}, {"chaohu.exofficio", "members[11]"}}},
		{"the police head off the 党工委", func(_ *accountability.Register, l *leadership) { l.Members = l.Members[:11] },
			[]ruleAt{{"chaohu.police", "units[ZM-PCS]"}}},
		{"the police head takes a seat", func(_ *accountability.Register, l *leadership) { member(l, "庞振华").From = "" },
			[]ruleAt{{"chaohu.seats", "members"}, {"chaohu.police", "units[ZM-PCS]"}}},
		{"a member from no agency", func(_ *accountability.Register, l *leadership) { member(l, "庞振华").From = "CH-CGJ" },
			[]ruleAt{{"chaohu.exofficio", "members[11]"}, {"chaohu.police", "units[ZM-PCS]"}}},
		{"heading an unknown unit", func(_ *accountability.Register, l *leadership) {
			member(l, "严素梅").Oversees = []string{"ZM-JGW"}
		}, []ruleAt{{"chaohu.unit", "members[3]"}}},
		{"enforcement moved without funds", func(_ *accountability.Register, l *leadership) { l.Localized[1].Funds = decimal.Zero },
			[]ruleAt{{"chaohu.localized", "localized[ZM-SJS]"}}},
		{"enforcement nobody oversees", func(_ *accountability.Register, l *leadership) {
			member(l, "任海波").Oversees = []string{"ZM-SJS"}
		}, []ruleAt{{"chaohu.localized", "localized[ZM-CGZD]"}}},
		{"localized unit not in the register", func(reg *accountability.Register, _ *leadership) {
			for i := range reg.Units {
				if reg.Units[i].ID == "ZM-SJS" {
					reg.Units[i].Kind = accountability.Department
					reg.Units[i].Parent = ""
				}
			}
		}, []ruleAt{{"chaohu.localized", "localized[ZM-SJS]"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reg, _, l, _ := mechanisms(t)
			tt.mutate(reg, l)
			if diff := cmp.Diff(tt.want, rulesAt(l.check(reg))); diff != "" {
				t.Errorf("findings mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestServiceCheck: the way after the reform keeps the four promises, the
// way before breaks all four, and each way of breaking them is caught.
func TestServiceCheck(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(reg *accountability.Register, s *service) *mode
		want   []ruleAt
	}{
		{"after", func(_ *accountability.Register, s *service) *mode { return &s.After }, nil},
		{"before", func(_ *accountability.Register, s *service) *mode { return &s.Before }, []ruleAt{
			{"chaohu.onetrip", "flows[F-ZYSP]"},
			{"chaohu.onewindow", "flows[F-ZYSP]"}, {"chaohu.onewindow", "flows[F-ZYSP]"}, {"chaohu.onewindow", "flows[F-ZYSP]"},
			{"chaohu.onewindow", "flows[F-ZYSP]"}, {"chaohu.onewindow", "flows[F-ZYSP]"}, {"chaohu.onedoor", "flows[F-ZYSP]"},
			{"chaohu.oneseal", "flows[F-ZYSP]"},
		}},
		{"collecting in person is a second trip", func(_ *accountability.Register, s *service) *mode {
			s.After.InPerson = append(s.After.InPerson, "e")
			return &s.After
		}, []ruleAt{{"chaohu.onetrip", "flows[F-QTHT]"}}},
		{"going to the city department", func(_ *accountability.Register, s *service) *mode {
			s.After.InPerson = []string{"c"}
			return &s.After
		}, []ruleAt{{"chaohu.onewindow", "flows[F-QTHT]"}, {"chaohu.onedoor", "flows[F-QTHT]"}}},
		{"a second seal", func(_ *accountability.Register, s *service) *mode {
			s.After.Sealed = append(s.After.Sealed, "c")
			return &s.After
		}, []ruleAt{{"chaohu.oneseal", "flows[F-QTHT]"}}},
		{"an item taken in by a department", func(reg *accountability.Register, s *service) *mode {
			s.Items = append(s.Items, "QT-002") // F-TJ: 平安建设部调解员 takes it in
			return &s.After
		}, []ruleAt{{"chaohu.onewindow", "flows[F-QTHT]"}}},
		{"an item not in the list", func(_ *accountability.Register, s *service) *mode {
			s.Items = append(s.Items, "JF-009")
			return &s.After
		}, []ruleAt{{"chaohu.onewindow", "flows[F-QTHT]"}}},
		{"the desk is an office", func(_ *accountability.Register, s *service) *mode {
			s.DeskUnit = "ZM-SSB"
			return &s.After
		}, []ruleAt{{"chaohu.onedoor", "flows[F-QTHT]"}}},
		{"a step that is not there", func(_ *accountability.Register, s *service) *mode {
			s.After.Sealed = []string{"z"}
			return &s.After
		}, []ruleAt{{"chaohu.service", "flows[F-QTHT]"}}},
		{"a cycle", func(_ *accountability.Register, s *service) *mode {
			s.After.Flow.Edges = append(s.After.Flow.Edges, accountability.Edge{From: "d", To: "b"})
			return &s.After
		}, []ruleAt{{"chaohu.service", "flows[F-QTHT]"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reg, _, l, s := mechanisms(t)
			m := tt.mutate(reg, s)
			if diff := cmp.Diff(tt.want, rulesAt(s.check(m, reg, l.Subdistrict))); diff != "" {
				t.Errorf("findings mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestVerdict: a check that found nothing prints its ok text; one that
// found something prints the count and each finding in Chinese.
func TestVerdict(t *testing.T) {
	f := accountability.Finding{Rule: "chaohu.seats", Severity: accountability.Error, Path: "members", Message: "m", Chinese: "班子成员占用职数 12 名，超过职数 11 名"}
	tests := []struct {
		fs   accountability.Findings
		want string
	}{
		{nil, "  核对：符合\n"},
		{accountability.Findings{f}, "  核对：1 处不符\n    错误 members：班子成员占用职数 12 名，超过职数 11 名（chaohu.seats）\n"},
	}
	for _, tt := range tests {
		var b strings.Builder
		(&report{w: &b}).verdict("核对", "符合", tt.fs)
		if diff := cmp.Diff(tt.want, b.String()); diff != "" {
			t.Errorf("verdict mismatch (-want +got):\n%s", diff)
		}
	}
}
