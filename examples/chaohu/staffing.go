package main

import (
	"fmt"
	"maps"
	"slices"
	"strconv"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/examples/internal/texttable"
	"github.com/shopspring/decimal"
)

// staffing is the city's staffing of its sub-districts as data/staffing.json
// holds it: the figures the source publishes, and each sub-district's share
// of them (illustrative figures that add up to the published ones).
type staffing struct {
	City       string    `json:"city"`
	Note       string    `json:"note,omitempty"`
	Published  published `json:"published"`
	Categories []string  `json:"categories"` // the kinds of staff counted before the reform, in print order
	Streets    []street  `json:"streets"`
}

// published holds the source's figures: 5 sub-districts, each with 7 main
// duties and 127 power items, with 97
// administrative and 174 institutional posts (行政编制, 事业编制) in all, 100 of
// the latter transferred from city departments (从市直单位调剂); nearly 110
// staff of every kind per sub-district before the reform (近110人); and the
// heads of the 5 police stations on the sub-districts' 党工委.
type published struct {
	Streets        int `json:"streets"`
	Duties         int `json:"duties"` // each sub-district's main duties (主要职责)
	Powers         int `json:"powers"` // and power items (权力事项)
	Administrative int `json:"administrative"`
	Institutional  int `json:"institutional"`
	Transferred    int `json:"transferred"`
	StaffBefore    int `json:"staffBefore"` // "近110人": the average is at most this and within 5% of it
	PoliceHeads    int `json:"policeHeads"`
}

// street is one sub-district: its approved posts (核定编制) and, of the
// institutional ones, those transferred from city departments; its staff
// before the reform by category; and the police station whose head sits on
// its 党工委 (empty if none does).
type street struct {
	ID             string         `json:"id"`
	Name           string         `json:"name"`
	Administrative int            `json:"administrative"`
	Institutional  int            `json:"institutional"`
	Transferred    int            `json:"transferred"`
	Before         map[string]int `json:"before"`
	PoliceStation  string         `json:"policeStation,omitempty"`
}

// totals adds up the sub-districts' figures.
func (s *staffing) totals() (total street, police int) {
	total.Before = map[string]int{}
	for _, st := range s.Streets {
		total.Administrative += st.Administrative
		total.Institutional += st.Institutional
		total.Transferred += st.Transferred
		for c, n := range st.Before {
			total.Before[c] += n
		}
		if st.PoliceStation != "" {
			police++
		}
	}
	return total, police
}

// staffBefore is a sub-district's staff of every category before the reform.
func (st *street) staffBefore() int {
	n := 0
	for _, v := range st.Before {
		n += v
	}
	return n
}

// averageBefore is the staff per sub-district before the reform, to one decimal.
func (s *staffing) averageBefore() decimal.Decimal {
	if len(s.Streets) == 0 {
		return decimal.Zero
	}
	total, _ := s.totals()
	return decimal.NewFromInt(int64(total.staffBefore())).DivRound(decimal.NewFromInt(int64(len(s.Streets))), 1)
}

// check returns a finding for every figure of the sub-districts that does
// not add up to the published one, and for every sub-district whose staff
// before the reform leave out a category or name one not in Categories.
func (s *staffing) check() accountability.Findings {
	var fs accountability.Findings
	add := func(rule, path, en, zh string) {
		fs = append(fs, accountability.Finding{Rule: rule, Severity: accountability.Error, Path: path, Message: en, Chinese: zh})
	}
	p := s.Published
	total, police := s.totals()
	for _, x := range []struct {
		rule, what, zh string
		got, want      int
	}{
		{"chaohu.staffing.streets", "sub-districts", "街道", len(s.Streets), p.Streets},
		{"chaohu.staffing.administrative", "administrative posts", "核定行政编制", total.Administrative, p.Administrative},
		{"chaohu.staffing.institutional", "institutional posts", "核定事业编制", total.Institutional, p.Institutional},
		{"chaohu.staffing.transferred", "institutional posts transferred from city departments", "市直单位调剂下放的事业编制", total.Transferred, p.Transferred},
		{"chaohu.staffing.police", "police-station heads on a 党工委", "兼任街道党工委委员的派出所主要负责人", police, p.PoliceHeads},
	} {
		if x.got != x.want {
			add(x.rule, "streets",
				fmt.Sprintf("the sub-districts have %d %s in all; the city published %d", x.got, x.what, x.want),
				fmt.Sprintf("各街道%s合计 %d，与公布的 %d 不符", x.zh, x.got, x.want))
		}
	}
	known := map[string]bool{}
	for _, c := range s.Categories {
		known[c] = true
	}
	for _, st := range s.Streets {
		path := "streets[" + st.ID + "]"
		if st.Transferred > st.Institutional {
			add("chaohu.staffing.transferred", path,
				fmt.Sprintf("%s: %d transferred posts, more than its %d institutional posts", st.Name, st.Transferred, st.Institutional),
				fmt.Sprintf("%s调剂下放事业编制 %d 个，超过核定事业编制 %d 个", st.Name, st.Transferred, st.Institutional))
		}
		for _, c := range s.Categories {
			if _, ok := st.Before[c]; !ok {
				add("chaohu.staffing.category", path+".before",
					fmt.Sprintf("%s: no count of %s staff before the reform", st.Name, c),
					fmt.Sprintf("%s改革前人员缺少“%s”一类", st.Name, c))
			}
		}
		for _, c := range slices.Sorted(maps.Keys(st.Before)) {
			if !known[c] {
				add("chaohu.staffing.category", path+".before["+c+"]",
					fmt.Sprintf("%s: staff category %q is not one of the city's", st.Name, c),
					fmt.Sprintf("%s改革前人员类别“%s”不在全市的类别中", st.Name, c))
			}
		}
	}
	if n := len(s.Streets); n > 0 && p.StaffBefore > 0 {
		sum := total.staffBefore()
		if sum > p.StaffBefore*n || 100*sum < 95*p.StaffBefore*n {
			add("chaohu.staffing.before", "streets",
				fmt.Sprintf("%s staff per sub-district before the reform; the city published nearly %d", s.averageBefore(), p.StaffBefore),
				fmt.Sprintf("改革前平均每个街道 %s 人，与公布的“近%d人”不符", s.averageBefore(), p.StaffBefore))
		}
	}
	return fs
}

// staffingSection prints the sub-districts' approved posts and their staff
// before the reform, with the published totals and the findings of check.
func (r *report) staffingSection(s *staffing) accountability.Findings {
	p := s.Published
	r.printf("九、编制与人员（%s %d 个街道）\n", s.City, len(s.Streets))
	r.printf("  核定行政编制 %d 个、事业编制 %d 个，其中从市直单位调剂下放事业编制 %d 个\n", p.Administrative, p.Institutional, p.Transferred)
	t := texttable.New("街道", ">核定行政编制", ">核定事业编制", ">其中调剂", "派出所主要负责人兼任党工委委员")
	bt := texttable.New(append(append([]string{"街道"}, rightAligned(s.Categories)...), ">合计")...)
	row := func(st *street, police string) {
		t.Add(st.Name, strconv.Itoa(st.Administrative), strconv.Itoa(st.Institutional), strconv.Itoa(st.Transferred), police)
		cells := []string{st.Name}
		for _, c := range s.Categories {
			cells = append(cells, strconv.Itoa(st.Before[c]))
		}
		bt.Add(append(cells, strconv.Itoa(st.staffBefore()))...)
	}
	for i := range s.Streets {
		st := &s.Streets[i]
		row(st, st.PoliceStation)
	}
	total, police := s.totals()
	total.Name = "合计"
	row(&total, strconv.Itoa(police)+" 名")
	r.table(t)
	r.printf("  改革前各类工作人员：\n")
	r.table(bt)
	r.printf("  改革前平均每个街道 %s 人（公布：近%d人）；各街道分项为示例数字\n", s.averageBefore(), p.StaffBefore)
	fs := s.check()
	r.verdict("与公布数字核对", "一致", fs)
	r.printf("\n")
	return fs
}

// rightAligned marks column heads as right-aligned (texttable's ">").
func rightAligned(heads []string) []string {
	out := make([]string, len(heads))
	for i, h := range heads {
		out[i] = ">" + h
	}
	return out
}
