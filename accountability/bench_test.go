package accountability

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/qingdan/qingdan/internal/cputime"
)

// bigFlow returns a flow of n steps: a chain from start to end in which
// every tenth step is a gateway that may skip the next step, and every
// hundredth a decision.
func bigFlow(n int) Flow {
	f := Flow{ID: "BIG", Name: "big", Steps: make([]Step, n), Edges: make([]Edge, 0, n+n/10)}
	for i := range f.Steps {
		s := Step{ID: "s" + strconv.Itoa(i), Kind: Task, Stage: Review, Post: "岗" + strconv.Itoa(i%7), Days: 1 + i%3}
		switch {
		case i == 0:
			s.Kind, s.Stage = Start, 0
		case i == n-1:
			s.Kind, s.Stage = End, 0
		case i%10 == 5 && i+2 < n:
			s.Kind = Gateway
		case i%100 == 50:
			s.Stage = Decision
		}
		f.Steps[i] = s
		if i > 0 {
			f.Edges = append(f.Edges, Edge{From: f.Steps[i-1].ID, To: s.ID})
		}
	}
	for i := range f.Steps {
		if f.Steps[i].Kind == Gateway {
			f.Edges = append(f.Edges, Edge{From: f.Steps[i].ID, To: f.Steps[i+2].ID, Label: "skip"})
		}
	}
	return f
}

func bigFlowRegister(n int) *Register {
	f := bigFlow(n)
	r := &Register{Flows: []Flow{f}, Units: []Unit{{ID: "S", Kind: Subdistrict}}}
	for i := 50; i < n; i += 100 {
		r.Risks = append(r.Risks, Risk{ID: "R" + strconv.Itoa(i), Flow: f.ID, Step: f.Steps[i].ID, Likelihood: 2, Impact: 2, Level: Low})
	}
	r.Separations = append(r.Separations, Separation{Flow: f.ID, Steps: [2]string{"s1", "s9"}})
	return r
}

var flowSizes = []int{10_000, 100_000}

func BenchmarkValidateFlow(b *testing.B) {
	for _, n := range flowSizes {
		r := bigFlowRegister(n)
		if fs := r.Validate(); len(fs) != 0 {
			b.Fatalf("the benchmark's register is not sound: %v", fs[:1])
		}
		b.Run(fmt.Sprintf("steps=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			defer cputime.Report(b)()
			for i := 0; i < b.N; i++ {
				_ = r.Validate()
			}
		})
	}
}

func BenchmarkCriticalPath(b *testing.B) {
	benchFlows(b, func(f *Flow) error { _, _, err := f.CriticalPath(); return err }, checkBigCriticalPath)
}

func BenchmarkOrder(b *testing.B) {
	benchFlows(b, func(f *Flow) error { _, err := f.Order(); return err }, checkBigOrder)
}

// checkBigOrder fails unless Order gives a bigFlow's steps as they are
// listed: its skips only jump forward, so its one order is the chain's.
func checkBigOrder(b *testing.B, f *Flow) {
	got, err := f.Order()
	if err != nil || !slices.Equal(got, stepIDs(f)) {
		b.Fatalf("Order of a chain of %d steps = %d steps, %v; want the steps as listed", len(f.Steps), len(got), err)
	}
}

// checkBigCriticalPath fails unless CriticalPath gives the whole chain of
// a bigFlow, whose every step takes a day or more, so that a skip only
// shortens a path, and the sum of all its steps' days.
func checkBigCriticalPath(b *testing.B, f *Flow) {
	days := 0
	for _, s := range f.Steps {
		days += s.Days
	}
	got, gotDays, err := f.CriticalPath()
	if err != nil || gotDays != days || !slices.Equal(got, stepIDs(f)) {
		b.Fatalf("CriticalPath of a chain of %d steps = %d steps, %d days, %v; want every step, %d days", len(f.Steps), len(got), gotDays, err, days)
	}
}

// stepIDs are the IDs of f's steps, as listed.
func stepIDs(f *Flow) []string {
	ids := make([]string, len(f.Steps))
	for i, s := range f.Steps {
		ids[i] = s.ID
	}
	return ids
}

// benchFlows runs op on a flow of each of flowSizes steps, one
// sub-benchmark a size, failing on an error, once check has held the
// flow's result to what it must be.
func benchFlows(b *testing.B, op func(*Flow) error, check func(*testing.B, *Flow)) {
	for _, n := range flowSizes {
		f := bigFlow(n)
		check(b, &f)
		b.Run(fmt.Sprintf("steps=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			defer cputime.Report(b)()
			for i := 0; i < b.N; i++ {
				if err := op(&f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// powersRegister returns a sound register of n powers, each with its own
// six-step flowchart, risk point and responsibility.
func powersRegister(n int) *Register {
	r := sound()
	r.Powers, r.Flows, r.Risks, r.Responsibilities, r.Separations = nil, nil, nil, nil, nil
	tmpl := sound()
	for i := 0; i < n; i++ {
		code := fmt.Sprintf("XK-%05d", i)
		p := tmpl.Powers[1]
		p.Code, p.Flow = code, "F-"+code
		r.Powers = append(r.Powers, p)
		f := tmpl.Flows[1]
		f.ID = p.Flow
		r.Flows = append(r.Flows, f)
		k := tmpl.Risks[2]
		k.ID, k.Flow = "R-"+code, f.ID
		r.Risks = append(r.Risks, k)
		r.Responsibilities = append(r.Responsibilities, Responsibility{Code: "ZZ-" + code, Duty: "职责", Unit: "O1", Powers: []string{code}})
	}
	return r
}

func BenchmarkValidatePowers(b *testing.B) {
	r := powersRegister(10_000)
	if fs := r.Validate(); len(fs) != 0 {
		b.Fatalf("the benchmark's register is not sound: %v", fs[:1])
	}
	b.Run("powers=10000", func(b *testing.B) {
		b.ReportAllocs()
		defer cputime.Report(b)()
		for i := 0; i < b.N; i++ {
			_ = r.Validate()
		}
	})
}

func BenchmarkDiff(b *testing.B) {
	old, new := powersRegister(10_000), powersRegister(10_000)
	new.Powers[500].PromisedDays = 3
	b.Run("powers=10000", func(b *testing.B) {
		b.ReportAllocs()
		defer cputime.Report(b)()
		for i := 0; i < b.N; i++ {
			if len(Diff(old, new)) != 1 {
				b.Fatal("want one change")
			}
		}
	})
}

func BenchmarkReadPowersCSV(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("序号,权力类型,项目编码,项目名称,子项,实施依据,责任事项,追责情形\n")
	for i := 0; i < 10_000; i++ {
		fmt.Fprintf(&sb, "%d,行政检查,JC-%05d,检查%d,,《法》第%d条：条文,\"1.检查责任：检查\n2.处置责任：处置\n3.其他责任\",1.未履行的\n", i+1, i, i, i)
	}
	data := sb.String()
	// Each input is read once, and checked, before the timed loops: a
	// power a row, in the rows' order.
	ps, err := ReadPowersCSV(strings.NewReader(data))
	if err != nil || len(ps) != 10_000 {
		b.Fatalf("ReadPowersCSV gave %d powers, %v; want 10,000", len(ps), err)
	}
	for i, p := range ps {
		if p.Code != fmt.Sprintf("JC-%05d", i) || p.Name != fmt.Sprintf("检查%d", i) || p.Category != Inspection {
			b.Fatalf("power %d is %s %s %v; want JC-%05d 检查%d, an inspection", i, p.Code, p.Name, p.Category, i, i)
		}
	}
	b.Run("rows=10000", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		defer cputime.Report(b)()
		for i := 0; i < b.N; i++ {
			if _, err := ReadPowersCSV(strings.NewReader(data)); err != nil {
				b.Fatal(err)
			}
		}
	})
	// A published list in the national layout: numeric item-type codes,
	// both bases, sub-items under merged cells, columns kept in Extra; as
	// UTF-8, as GB18030, and as rows.
	rows := nationalRows(10_000)
	utf := csvBytes(b, rows)
	gb := toGB18030(b, utf)
	national, err := ReadPowerRows(rows)
	if err != nil || len(national) != 10_000 {
		b.Fatalf("ReadPowerRows gave %d powers, %v; want 10,000", len(national), err)
	}
	for _, in := range [][]byte{utf, gb} {
		got, err := ReadPowersCSV(bytes.NewReader(in))
		if diff := cmp.Diff(national, got); err != nil || diff != "" {
			b.Fatalf("ReadPowersCSV (err %v) mismatch (-rows +CSV):\n%s", err, diff)
		}
	}
	for _, in := range []struct {
		name string
		data []byte
	}{{"national/UTF-8/rows=10000", utf}, {"national/GB18030/rows=10000", gb}} {
		b.Run(in.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in.data)))
			defer cputime.Report(b)()
			for i := 0; i < b.N; i++ {
				if _, err := ReadPowersCSV(bytes.NewReader(in.data)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("national/ReadPowerRows/rows=10000", func(b *testing.B) {
		b.ReportAllocs()
		defer cputime.Report(b)()
		for i := 0; i < b.N; i++ {
			if _, err := ReadPowerRows(rows); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkReadResponsibilitiesCSV reads a responsibility list of 10,000
// rows: duties with tasks numbered on a line and boundaries split from
// 职责分工, each with a row of a further task and boundary under its
// merged cells; as CSV and as rows.
func BenchmarkReadResponsibilitiesCSV(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("序号,职责类别,主要职责,具体工作事项,责任科室,相关部门,职责分工,相关依据,备注\n")
	for i := 0; i < 10_000; i += 2 {
		fmt.Fprintf(&sb, "%d,类别%d,负责事项%d,\"1.任务一；2.任务二\n3.任务三\",科室%d,区城管局,\"1.街道：巡查\n2.区城管局：执法\",《条例》第%d条,注\n", i/2+1, i/1000, i, i%7, i)
		sb.WriteString(",,,4.任务四,,区市场监管局,区市场监管局：查处,,\n")
	}
	data := sb.String()
	rows, err := csv.NewReader(strings.NewReader(data)).ReadAll()
	if err != nil {
		b.Fatal(err)
	}
	b.Run("rows=10000", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		defer cputime.Report(b)()
		for i := 0; i < b.N; i++ {
			if rs, err := ReadResponsibilitiesCSV(strings.NewReader(data)); err != nil || len(rs) != 5_000 {
				b.Fatalf("%d responsibilities, %v", len(rs), err)
			}
		}
	})
	b.Run("ReadResponsibilityRows/rows=10000", func(b *testing.B) {
		b.ReportAllocs()
		defer cputime.Report(b)()
		for i := 0; i < b.N; i++ {
			if rs, err := ReadResponsibilityRows(rows); err != nil || len(rs) != 5_000 {
				b.Fatalf("%d responsibilities, %v", len(rs), err)
			}
		}
	})
}
