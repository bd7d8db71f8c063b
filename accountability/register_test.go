package accountability

import (
	"errors"
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/hardening"
)

// TestValidateOrderIndependent: the findings of a register do not depend
// on the order of its lists, only their order in the output does.
func TestValidateOrderIndependent(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	r := sound()
	r.Powers[0].Basis = nil
	r.Risks[0].Controls = nil
	r.Flows[1].Steps[2].Kind = Gateway
	want := count(r.Validate())
	for trial := 0; trial < 20; trial++ {
		s := sound()
		s.Powers[0].Basis = nil
		s.Risks[0].Controls = nil
		s.Flows[1].Steps[2].Kind = Gateway
		rng.Shuffle(len(s.Units), func(i, j int) { s.Units[i], s.Units[j] = s.Units[j], s.Units[i] })
		rng.Shuffle(len(s.Powers), func(i, j int) { s.Powers[i], s.Powers[j] = s.Powers[j], s.Powers[i] })
		rng.Shuffle(len(s.Flows), func(i, j int) { s.Flows[i], s.Flows[j] = s.Flows[j], s.Flows[i] })
		rng.Shuffle(len(s.Risks), func(i, j int) { s.Risks[i], s.Risks[j] = s.Risks[j], s.Risks[i] })
		for k := range s.Flows {
			f := &s.Flows[k]
			rng.Shuffle(len(f.Steps), func(i, j int) { f.Steps[i], f.Steps[j] = f.Steps[j], f.Steps[i] })
			rng.Shuffle(len(f.Edges), func(i, j int) { f.Edges[i], f.Edges[j] = f.Edges[j], f.Edges[i] })
		}
		if diff := cmp.Diff(want, count(s.Validate())); diff != "" {
			t.Fatalf("shuffled register's findings mismatch (-want +got):\n%s", diff)
		}
	}
}

// messyKeyed is sound() with faults of most rules, every entry keyed
// once: a flow with a cycle, two starts, a dead end and an edge to no
// step; powers, responsibilities, units and risks naming what is not
// there; risks graded against the matrix; a post on both sides of a
// separation; separations that name no flow, no step, one step twice.
func messyKeyed() *Register {
	r := sound()
	r.Powers[0].Basis = nil
	r.Powers[0].Subject = "NOPE"
	r.Powers[1].PromisedDays = 30
	r.Powers[1].StatutoryDays = 3
	r.Powers = append(r.Powers, Power{Code: "P3", Name: "x", Category: Penalty, Flow: "F9", Parent: "CF-001"},
		Power{Code: "P4", Category: Penalty, Subject: "S", Flow: "F1", PromisedDays: 2, Parent: "P3"})
	r.Responsibilities = append(r.Responsibilities, Responsibility{Code: "ZZ-03", Duty: "d", Unit: "Q", Powers: []string{"CF-001", "NOPE"}})
	r.Units = append(r.Units, Unit{ID: "O9", Kind: Office, Parent: "Z", CreditCode: "123", Division: "12"})
	r.Risks[0].Controls = nil
	r.Risks = append(r.Risks, Risk{ID: "R4", Flow: "F1", Step: "zz", Likelihood: 5, Impact: 5, Level: Low},
		Risk{ID: "R5", Flow: "F7", Step: "a", Likelihood: 9}, Risk{ID: "R6", Flow: "F2", Step: "a", Likelihood: 2, Impact: 2})
	r.Flows[1].Steps[2].Kind = Gateway
	r.Flows = append(r.Flows, Flow{ID: "F3", Name: "环", Steps: []Step{{ID: "a", Kind: Start}, {ID: "b", Kind: Task, Stage: Decision}, {ID: "c"}, {ID: "e", Kind: End}, {ID: "u", Kind: Start}},
		Edges: []Edge{{From: "a", To: "b"}, {From: "b", To: "c"}, {From: "c", To: "b"}, {From: "c", To: "q"}}})
	r.Separations = append(r.Separations, Separation{Flow: "F1", Steps: [2]string{"b", "c"}, Reason: "r"}, Separation{Flow: "F2", Steps: [2]string{"d", "s"}},
		Separation{Flow: "F9", Steps: [2]string{"a", "b"}}, Separation{Flow: "F2", Steps: [2]string{"r", "q"}},
		Separation{Flow: "F2", Steps: [2]string{"o", "o"}}, Separation{Flow: "F1"})
	return r
}

// TestValidateListsOrderIndependent: findings of faults of most rules do
// not depend on the order of any of the register's six lists (only an
// entry with no key is located by its position; a separation's key is
// its flow and steps, as Diff keys it), and Diff sees no change in the
// shuffled register.
func TestValidateListsOrderIndependent(t *testing.T) {
	want := count(messyKeyed().Validate())
	if len(want) < 30 {
		t.Fatalf("the messy register has %d findings, want at least 30", len(want))
	}
	rng := rand.New(rand.NewSource(9))
	for trial := 0; trial < 200; trial++ {
		s := messyKeyed()
		sh := func(n int, swap func(i, j int)) { rng.Shuffle(n, swap) }
		sh(len(s.Units), func(i, j int) { s.Units[i], s.Units[j] = s.Units[j], s.Units[i] })
		sh(len(s.Powers), func(i, j int) { s.Powers[i], s.Powers[j] = s.Powers[j], s.Powers[i] })
		sh(len(s.Responsibilities), func(i, j int) {
			s.Responsibilities[i], s.Responsibilities[j] = s.Responsibilities[j], s.Responsibilities[i]
		})
		sh(len(s.Flows), func(i, j int) { s.Flows[i], s.Flows[j] = s.Flows[j], s.Flows[i] })
		sh(len(s.Risks), func(i, j int) { s.Risks[i], s.Risks[j] = s.Risks[j], s.Risks[i] })
		sh(len(s.Separations), func(i, j int) { s.Separations[i], s.Separations[j] = s.Separations[j], s.Separations[i] })
		if diff := cmp.Diff(want, count(s.Validate())); diff != "" {
			t.Fatalf("shuffled register's findings mismatch (-want +got):\n%s", diff)
		}
		if d := Diff(messyKeyed(), s); len(d) != 0 {
			t.Fatalf("Diff(register, its lists shuffled) = %v, want none", d)
		}
	}
}

func count(fs Findings) map[Finding]int {
	m := map[Finding]int{}
	for _, f := range fs {
		m[f]++
	}
	return m
}

// TestRegisterConcurrentUse: reading methods may run at once on one register (run
// with -race), and each call returns what it returns alone.
func TestRegisterConcurrentUse(t *testing.T) {
	r := sound()
	hardening.Agree(t, "Validate, CriticalPath, DOT, Diff and Run on a sound register", func(g, i int) any {
		path, length, err := r.Flows[0].CriticalPath()
		got := []any{r.Validate(), path, length, fmt.Sprint(err), r.Flows[0].DOT(r.Risks...), Diff(r, r)}
		for _, x := range Rules() {
			got = append(got, r.Run(x))
		}
		return got
	})
}

func TestValidateExtraRules(t *testing.T) {
	noop := func(*Register, func(Finding)) {}
	custom := Rule{Name: "local.name", Doc: "local.name: a power with no name", Check: func(r *Register, report func(Finding)) {
		for _, p := range r.Powers {
			if p.Name == "" {
				report(Finding{Path: "powers[" + p.Code + "]", Message: "power " + p.Code + " has no name"})
			}
		}
	}}
	r := sound()
	r.Powers[1].Name = ""
	got := r.Validate(
		custom,
		Rule{Name: "power.basis", Doc: "clash", Check: noop},
		Rule{Name: "", Doc: "no name", Check: noop},
		Rule{Name: "no.doc", Check: noop},
		Rule{Name: "no.check", Doc: "no check"},
		Rule{Name: "local.name", Doc: "again", Check: noop},
		Rule{},
		Rule{Name: "local.name", Check: noop},
	)
	want := Findings{
		e("local.name", "powers[XK-001]", "power XK-001 has no name", ""),
		e(RuleInvalid, "rules[1]", `rule 1 ("power.basis") has a name already in use`, `规则 #1 "power.basis" 的名称已被使用`),
		e(RuleInvalid, "rules[2]", `rule 2 ("") has no name`, `规则 #2 "" 未填写名称`),
		e(RuleInvalid, "rules[3]", `rule 3 ("no.doc") has no Doc`, `规则 #3 "no.doc" 未填写说明`),
		e(RuleInvalid, "rules[4]", `rule 4 ("no.check") has no Check`, `规则 #4 "no.check" 未填写检查函数`),
		e(RuleInvalid, "rules[5]", `rule 5 ("local.name") has a name already in use`, `规则 #5 "local.name" 的名称已被使用`),
		e(RuleInvalid, "rules[6]", `rule 6 ("") has no name, has no Doc, has no Check`, `规则 #6 "" 未填写名称、说明和检查函数`),
		e(RuleInvalid, "rules[7]", `rule 7 ("local.name") has a name already in use, has no Doc`, `规则 #7 "local.name" 的名称已被使用，未填写说明`),
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Validate(extra...) mismatch (-want +got):\n%s", diff)
	}
	figs := []string{"power.basis", "no.doc", "no.check", "local.name"}
	for _, f := range got {
		if f.Rule == RuleInvalid {
			checkChinese(t, f, figs)
		}
	}
	err := CheckRules(Rule{Name: "a", Doc: "a"}, Rule{Name: "a", Doc: "", Check: noop})
	if !errors.Is(err, ErrRule) {
		t.Errorf("CheckRules(bad) = %v, want ErrRule", err)
	}
	if n := strings.Count(err.Error(), "\n") + 1; n != 2 {
		t.Errorf("CheckRules(bad) reported %d problems, want 2: %v", n, err)
	}
}

func TestFindingsErr(t *testing.T) {
	warn := Finding{Rule: "risk.decision", Severity: Warning, Path: "flows[F2].steps[d]", Message: "w"}
	bad := e("power.basis", "powers[X].basis", `power "X" has no legal basis`, "")
	if err := (Findings{warn}).Err(); err != nil {
		t.Errorf("Err() of warnings = %v, want nil", err)
	}
	if err := Findings(nil).Err(); err != nil {
		t.Errorf("Err() of nil = %v, want nil", err)
	}
	err := Findings{warn, bad, bad}.Err()
	if !errors.Is(err, ErrInvalid) {
		t.Fatalf("Err() = %v, want ErrInvalid", err)
	}
	want := "accountability: error powers[X].basis: power \"X\" has no legal basis (power.basis)\n" +
		"accountability: error powers[X].basis: power \"X\" has no legal basis (power.basis)"
	if err.Error() != want {
		t.Errorf("Err().Error() = %q, want %q", err.Error(), want)
	}
	fs := Findings{warn, bad}
	if diff := cmp.Diff(Findings{bad}, fs.Errors()); diff != "" {
		t.Errorf("Errors() mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(Findings{warn}, fs.Warnings()); diff != "" {
		t.Errorf("Warnings() mismatch (-want +got):\n%s", diff)
	}
}

// TestValidateEveryFinding: independent defects are all reported together.
func TestValidateEveryFinding(t *testing.T) {
	r := sound()
	r.Powers[0].Basis = nil
	r.Powers[1].Basis = nil
	r.Responsibilities[0].Unit = "nobody"
	r.Risks[0].Controls = nil
	got := map[string]int{}
	for _, f := range r.Validate() {
		got[f.Rule]++
	}
	want := map[string]int{"power.basis": 2, "resp.unit": 1, "risk.control": 1}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rules fired mismatch (-want +got):\n%s", diff)
	}
}

func TestFindingString(t *testing.T) {
	for _, tt := range []struct {
		f    Finding
		want string
	}{
		{Finding{Rule: "power.basis", Severity: Error, Path: "powers[X].basis", Message: "m"}, "error powers[X].basis: m (power.basis)"},
		{Finding{Rule: "r", Severity: Warning, Path: "p", Message: "m"}, "warning p: m (r)"},
		{Finding{Rule: "r", Path: "p", Message: "m"}, "finding p: m (r)"},
		{Finding{Rule: "r", Severity: 42, Path: "p", Message: "m"}, "Severity(42) p: m (r)"},
	} {
		if got := tt.f.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.f, got, tt.want)
		}
	}
}

// TestNilRegisterPanics: a nil register is a programmer's error, and the
// panic says so.
func TestNilRegisterPanics(t *testing.T) {
	for name, f := range map[string]func(){
		"Validate": func() { (*Register)(nil).Validate() },
		"Run":      func() { (*Register)(nil).Run(Rules()...) },
	} {
		if r := hardening.PanicOf(f); r == nil || !strings.Contains(fmt.Sprint(r), "nil *Register") {
			t.Errorf("%s: recovered %v, want a panic naming the nil *Register", name, r)
		}
	}
}
