package matters_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
)

func ExampleAdmission_Admit() {
	a := &matters.Admission{
		Items: []matters.Item{
			{Code: "QZ-001", Name: "违法建设巡查制止", List: matters.Duties, Unit: "城市管理办"},
			{Code: "GF-012", Name: "城乡居民基本医疗保险参保登记", List: matters.Services, Unit: "为民服务中心"},
		},
		Excluded: matters.DefaultExclusions(),
	}
	for _, r := range []matters.Request{
		{Title: "拆除某小区楼顶违建", From: "区城管局", Item: "QZ-001"},
		{Title: "城乡居民基本医疗保险参保登记"},
		{Title: "防汛物资清点", From: "区应急局"},
		{Title: "防汛物资清点", From: "区应急局", Approval: &matters.Approval{By: "区委编办", Ref: "区编办〔2024〕3号"}},
		{Title: "完成年度招商引资任务", Approval: &matters.Approval{By: "区商务局"}},
	} {
		d := a.Admit(r)
		fmt.Println(d.Admitted, d.Reason)
	}
	// Output:
	// true admitted: item QZ-001 "违法建设巡查制止" on 权责清单 (duties), done by 城市管理办
	// true admitted: item GF-012 "城乡居民基本医疗保险参保登记" on 公共服务清单 (services), done by 为民服务中心
	// false refused: "防汛物资清点" is on none of the lists (权责清单, 公共服务清单, 其他工作事项清单) and has no admission approval (准入审批)
	// true admitted by approval (准入审批) 区编办〔2024〕3号 by 区委编办: "防汛物资清点" is on none of the lists (权责清单, 公共服务清单, 其他工作事项清单)
	// false refused: title "完成年度招商引资任务" falls under the exclusion 招商引资: 取消街道招商引资职能; no approval can admit it
}

// Each problem a list's Validate reports is a *Problem, with its path and
// its text in English and in Chinese.
func ExampleProblem() {
	d := &matters.Directory{Routes: []matters.Route{
		{Type: "占道经营", Lead: "城管中队", Support: []string{"城管中队"}, ResolveDays: 5},
		{Type: "占道经营", Lead: "市场监管所", ResolveDays: 3},
	}}
	err := d.Validate()
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var p *matters.Problem
		if errors.As(e, &p) {
			fmt.Printf("%s: %s\n%s：%s\n", p.Path, p.Message, p.Path, p.Chinese)
		}
	}
	fmt.Println(errors.Is(err, matters.ErrInvalid))
	// Output:
	// routes[占道经营].support[0]: lead 城管中队 also supports
	// routes[占道经营].support[0]：牵头单位 城管中队 又列为配合单位
	// routes[占道经营]: type 占道经营 is routed by lines 0 and 1
	// routes[占道经营]：事项类型 占道经营 有两条路由（第 1 条和第 2 条）
	// true
}

func ExampleDirectory_Route() {
	d := &matters.Directory{Routes: []matters.Route{
		{Type: "违法建设", Lead: "区城管局", Support: []string{"区自然资源局", "区住建局"}, Respond: 2 * time.Hour, ResolveDays: 15},
		{Type: "油烟扰民", Lead: "区生态环境分局", Support: []string{"区市场监管局"}, Respond: 4 * time.Hour, ResolveDays: 5},
	}}
	if err := d.Validate(); err != nil {
		fmt.Println(err)
		return
	}
	r, _ := d.Route("违法建设")
	fmt.Println(r.Lead, r.Support, r.Respond, r.ResolveDays)
	_, err := d.Route("井盖缺失")
	fmt.Println(errors.Is(err, matters.ErrNoRoute), err)
	// Output:
	// 区城管局 [区自然资源局 区住建局] 2h0m0s 15
	// true matters: no route for matter type "井盖缺失"
}

// Example_whistle follows one matter from the grid centre's report to the
// citizen's answer: whistled, dispatched to a lead and two support units
// (统筹), answered, returned by one support unit (a request the street
// approves), suspended at the lead's request once the street approves it
// (a stage reported while suspended is refused), resumed, resolved in a
// stage and in full, closed and surveyed; a second answer that does not
// say it corrects the first is refused.
func Example_whistle() {
	cst := workday.CST()
	day := func(d, h, m int) time.Time { return time.Date(2024, 3, d, h, m, 0, 0, cst) }
	const street = "赭山街道"
	m := &matters.Matter{}
	for _, e := range []matters.Event{
		{At: day(4, 8, 40), Kind: matters.Report, Actor: street, Type: "违法建设", Note: "网格员上报：楼顶搭建彩钢房"},
		{At: day(4, 9, 0), Kind: matters.Whistle, Actor: street},
		{At: day(4, 9, 5), Kind: matters.Dispatch, Actor: street, Units: []string{"区城管局", "区自然资源局", "区住建局"}},
		{At: day(4, 9, 30), Kind: matters.Accept, Actor: "区城管局"},
		{At: day(4, 10, 0), Kind: matters.Accept, Actor: "区自然资源局"},
		{At: day(4, 10, 30), Kind: matters.Return, Actor: "区住建局", Note: "不属本单位职责"},
		{At: day(4, 11, 0), Kind: matters.Approve, Actor: street, Ref: 6, Note: "经核定不涉及住建职责"},
		{At: day(5, 9, 0), Kind: matters.Suspend, Actor: "区城管局", Note: "等待产权认定"},
		{At: day(5, 9, 30), Kind: matters.Approve, Actor: street, Ref: 8, Note: "产权认定属实，同意挂起"},
		{At: day(5, 15, 0), Kind: matters.Progress, Actor: "区城管局"},
		{At: day(6, 9, 0), Kind: matters.Resume, Actor: "区城管局"},
		{At: day(7, 9, 0), Kind: matters.Progress, Actor: "区城管局", Note: "第一阶段：停工"},
		{At: day(8, 16, 0), Kind: matters.Resolve, Actor: "区城管局"},
		{At: day(8, 17, 0), Kind: matters.Close, Actor: street},
		{At: day(11, 9, 0), Kind: matters.Feedback, Actor: street, Satisfied: new(bool)},
		{At: day(11, 10, 0), Kind: matters.Feedback, Actor: street, Satisfied: func() *bool { b := true; return &b }()},
	} {
		e.Matter, e.Seq = "2024-0304-0017", len(m.Events)+1
		if err := m.Apply(e); err != nil {
			fmt.Println("refused:", err)
			continue
		}
		fmt.Printf("%-8s → %-10s lead=%s support=%v suspended=%v stage=%d pending=%v\n",
			e.Kind, m.State, m.Lead, m.Support, m.Suspended, m.Stage, m.Pending.Kind)
	}
	// Output:
	// report   → reported   lead= support=[] suspended=false stage=0 pending=Kind(0)
	// whistle  → whistled   lead= support=[] suspended=false stage=0 pending=Kind(0)
	// dispatch → dispatched lead=区城管局 support=[区自然资源局 区住建局] suspended=false stage=0 pending=Kind(0)
	// accept   → accepted   lead=区城管局 support=[区自然资源局 区住建局] suspended=false stage=0 pending=Kind(0)
	// accept   → accepted   lead=区城管局 support=[区自然资源局 区住建局] suspended=false stage=0 pending=Kind(0)
	// return   → accepted   lead=区城管局 support=[区自然资源局 区住建局] suspended=false stage=0 pending=return
	// approve  → accepted   lead=区城管局 support=[区自然资源局] suspended=false stage=0 pending=Kind(0)
	// suspend  → accepted   lead=区城管局 support=[区自然资源局] suspended=false stage=0 pending=suspend
	// approve  → accepted   lead=区城管局 support=[区自然资源局] suspended=true stage=0 pending=Kind(0)
	// refused: matters: matter "2024-0304-0017" seq 10 progress by "区城管局": the matter is suspended; resume it first: transition not allowed
	// resume   → accepted   lead=区城管局 support=[区自然资源局] suspended=false stage=0 pending=Kind(0)
	// progress → accepted   lead=区城管局 support=[区自然资源局] suspended=false stage=1 pending=Kind(0)
	// resolve  → resolved   lead=区城管局 support=[区自然资源局] suspended=false stage=1 pending=Kind(0)
	// close    → closed     lead=区城管局 support=[区自然资源局] suspended=false stage=1 pending=Kind(0)
	// feedback → closed     lead=区城管局 support=[区自然资源局] suspended=false stage=1 pending=Kind(0)
	// refused: matters: matter "2024-0304-0017" seq 15 feedback by "赭山街道": an answer is on record at seq 14: a new one corrects it only by naming it (ref 14) and saying why (note): invalid
}

// Example_twoWayDispatch shows both directions of two-way dispatch
// (双向派单) from the 91580 citizen hotline. Reporting a matter for a
// sub-district, the hotline becomes its platform: the sub-district owns
// and whistles it, the hotline may not, and only the hotline asks the
// citizen (回访). Reporting one for itself, the hotline owns it and
// dispatches it to a department without a whistle (派单).
func Example_twoWayDispatch() {
	at := time.Date(2024, 3, 4, 9, 0, 0, 0, workday.CST())
	m := &matters.Matter{}
	report := matters.Event{Matter: "12345-0001", Seq: 1, At: at, Kind: matters.Report, Actor: "91580", Type: "油烟扰民", Units: []string{"卧牛山街道"}}
	fmt.Println(m.Apply(report), m.Owner, m.Platform, m.State)
	err := m.Apply(matters.Event{Matter: "12345-0001", Seq: 2, At: at, Kind: matters.Whistle, Actor: "91580"})
	fmt.Println(errors.Is(err, matters.ErrActor), err)
	fmt.Println(m.Apply(matters.Event{Matter: "12345-0001", Seq: 2, At: at, Kind: matters.Whistle, Actor: "卧牛山街道"}), m.State)

	h := &matters.Matter{}
	for _, e := range []matters.Event{
		{Kind: matters.Report, Actor: "91580", Type: "居民停电"},
		{Kind: matters.Dispatch, Actor: "91580", Units: []string{"供电公司"}},
	} {
		e.Matter, e.Seq, e.At = "12345-0002", len(h.Events)+1, at
		fmt.Println(h.Apply(e), h.Owner, h.State, h.Lead == "供电公司")
	}
	fmt.Println(matters.Summarize([]*matters.Matter{m, h}).Assigned)
	// Output:
	// <nil> 卧牛山街道 91580 reported
	// true matters: matter "12345-0001" seq 2 whistle by "91580": only the owner may whistle; owner "卧牛山街道", platform "91580": actor not allowed
	// <nil> whistled
	// <nil> 91580 reported false
	// <nil> 91580 dispatched true
	// 1
}

func ExampleSummarize() {
	// 746 whistled matters: 619 resolved, of which 600 surveyed and 560 satisfied.
	var ms []*matters.Matter
	at := time.Date(2020, 6, 1, 9, 0, 0, 0, workday.CST())
	for i := 0; i < 746; i++ {
		kinds := []matters.Kind{matters.Report, matters.Whistle, matters.Dispatch, matters.Accept}
		if i < 619 {
			kinds = append(kinds, matters.Resolve, matters.Close)
		}
		if i < 600 {
			kinds = append(kinds, matters.Feedback)
		}
		m := &matters.Matter{}
		for j, k := range kinds {
			e := matters.Event{Matter: fmt.Sprint("M", i), Seq: j + 1, At: at, Kind: k, Actor: "街道", Type: "违法建设"}
			switch k {
			case matters.Dispatch:
				e.Units = []string{"区城管局"}
			case matters.Accept, matters.Resolve:
				e.Actor = "区城管局"
			case matters.Feedback:
				satisfied := i < 560
				e.Satisfied = &satisfied
			}
			if err := m.Apply(e); err != nil {
				fmt.Println(err)
				return
			}
		}
		ms = append(ms, m)
	}
	s := matters.Summarize(ms)
	fmt.Println("received", s.Received, "resolved", s.Resolved, "rate", s.ResolutionRate.StringFixed(4))
	fmt.Println("surveyed", s.Surveyed, "satisfied", s.Satisfied, "rate", s.SatisfactionRate.StringFixed(4))
	// Output:
	// received 746 resolved 619 rate 0.8298
	// surveyed 600 satisfied 560 rate 0.9333
}

// ExampleMatter_Status dispatches a matter on the Wednesday evening before
// 清明 2024 and reads its clocks on the State Council calendar: working
// time stops over the holiday, Thursday 4 to Saturday 6 April, and the
// Sunday make-up day counts.
func ExampleMatter_Status() {
	cst := workday.CST()
	day := func(d, h, m int) time.Time { return time.Date(2024, 4, d, h, m, 0, 0, cst) }
	route := matters.Route{Type: "井盖缺失", Lead: "区城管局", Respond: 4 * time.Hour, ResolveDays: 2}
	m, err := matters.Replay([]matters.Event{
		{Matter: "M-9", Seq: 1, At: day(3, 21, 0), Kind: matters.Report, Actor: "弋江街道", Type: "井盖缺失"},
		{Matter: "M-9", Seq: 2, At: day(3, 21, 30), Kind: matters.Whistle, Actor: "弋江街道"},
		{Matter: "M-9", Seq: 3, At: day(3, 22, 0), Kind: matters.Dispatch, Actor: "弋江街道", Units: route.Units()},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	cal := workday.China()
	d, _ := m.Deadlines(cal, route)
	fmt.Println("respond by", d.Respond.Format(time.DateTime), "resolve by", d.Resolve.Format(time.DateTime))
	for _, t := range []time.Time{day(3, 23, 0), day(5, 12, 0), day(7, 1, 0), day(7, 3, 0)} {
		s, err := m.Status(cal, t, route)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%s used %-5v %-13s (%s) waiting for %v\n", t.Format(time.DateTime), s.Respond.Used, s.Respond.Alert, s.Respond.Alert.Label(), s.Waiting)
	}
	// Output:
	// respond by 2024-04-07 02:00:00 resolve by 2024-04-08 22:00:00
	// 2024-04-03 23:00:00 used 1h0m0s ontrack       (正常) waiting for [区城管局]
	// 2024-04-05 12:00:00 used 2h0m0s half          (过半预警) waiting for [区城管局]
	// 2024-04-07 01:00:00 used 3h0m0s threequarters (临期预警) waiting for [区城管局]
	// 2024-04-07 03:00:00 used 5h0m0s overdue       (超期) waiting for [区城管局]
}

// ExampleMatter_Deadlines follows a matter's due times in working days
// over the Dragon Boat Festival of 2024 (Monday 10 June off): an extension
// moves the resolution due time only once the owner approves it, and an
// approved suspension stops it — no due time while it lasts — and moves it
// by the working time suspended once the matter resumes.
func ExampleMatter_Deadlines() {
	cal := workday.China()
	at := func(day, hour int) time.Time { return time.Date(2024, 6, day, hour, 0, 0, 0, workday.CST()) }
	route := matters.Route{Type: "占道经营", Lead: "区城管局", Respond: 4 * time.Hour, ResolveDays: 3}
	m := &matters.Matter{}
	for _, e := range []matters.Event{
		{At: at(7, 9), Kind: matters.Report, Actor: "赭山街道", Type: "占道经营"},
		{At: at(7, 9), Kind: matters.Whistle, Actor: "赭山街道"},
		{At: at(7, 10), Kind: matters.Dispatch, Actor: "赭山街道", Units: route.Units()},
		{At: at(7, 11), Kind: matters.Accept, Actor: "区城管局"},
		{At: at(11, 9), Kind: matters.Extend, Actor: "区城管局", Days: 2, Note: "需协调业主"},
		{At: at(11, 10), Kind: matters.Approve, Actor: "赭山街道", Ref: 5, Note: "同意延期"},
		{At: at(12, 9), Kind: matters.Suspend, Actor: "区城管局", Note: "等待鉴定"},
		{At: at(12, 10), Kind: matters.Approve, Actor: "赭山街道", Ref: 7, Note: "同意挂起"},
		{At: at(13, 10), Kind: matters.Resume, Actor: "赭山街道"},
	} {
		e.Matter, e.Seq = "2024-0607-001", len(m.Events)+1
		if err := m.Apply(e); err != nil {
			fmt.Println(err)
			return
		}
		if e.Kind != matters.Dispatch && e.Seq < 5 {
			continue // no due time before the dispatch; the accept moves none
		}
		d, err := m.Deadlines(cal, route)
		if err != nil {
			fmt.Println(err)
			return
		}
		resolve := "resolve by " + d.Resolve.Format("Mon 01-02 15:04")
		if d.Stopped {
			resolve = "resolution clock stopped"
		}
		fmt.Printf("%-8s respond by %s, %s\n", e.Kind, d.Respond.Format("Mon 01-02 15:04"), resolve)
	}
	// Output:
	// dispatch respond by Fri 06-07 14:00, resolve by Thu 06-13 10:00
	// extend   respond by Fri 06-07 14:00, resolve by Thu 06-13 10:00
	// approve  respond by Fri 06-07 14:00, resolve by Mon 06-17 10:00
	// suspend  respond by Fri 06-07 14:00, resolve by Mon 06-17 10:00
	// approve  respond by Fri 06-07 14:00, resolution clock stopped
	// resume   respond by Fri 06-07 14:00, resolve by Tue 06-18 10:00
}

// ExampleMatter_Elapsed measures a response in working time less the time
// the matter was suspended, as grading (一事一评) does: from the owner's
// approval of the lead's request, not from the request, to the resume.
func ExampleMatter_Elapsed() {
	cst := workday.CST()
	at := func(h, m int) time.Time { return time.Date(2024, 3, 4, h, m, 0, 0, cst) }
	m, _ := matters.Replay([]matters.Event{
		{Matter: "M-3", Seq: 1, At: at(8, 0), Kind: matters.Report, Actor: "街道", Type: "占道经营"},
		{Matter: "M-3", Seq: 2, At: at(8, 30), Kind: matters.Whistle, Actor: "街道"},
		{Matter: "M-3", Seq: 3, At: at(9, 0), Kind: matters.Dispatch, Actor: "街道", Units: []string{"区城管局"}},
		{Matter: "M-3", Seq: 4, At: at(9, 30), Kind: matters.Suspend, Actor: "区城管局", Note: "待商户到场"},
		{Matter: "M-3", Seq: 5, At: at(10, 0), Kind: matters.Approve, Actor: "街道", Ref: 4, Note: "同意"},
		{Matter: "M-3", Seq: 6, At: at(11, 0), Kind: matters.Resume, Actor: "街道"},
		{Matter: "M-3", Seq: 7, At: at(11, 30), Kind: matters.Accept, Actor: "区城管局"},
	})
	response, err := m.Elapsed(workday.China(), m.Events[6].At)
	fmt.Println(response, err)
	// Output:
	// 1h30m0s <nil>
}

func ExampleKeyTasks_For() {
	tasks := matters.KeyTasks{{
		ID: "ZD-2024-01", Name: "违法建设拆除", Owner: "沙塘路街道",
		Functions: []matters.Function{
			{Name: "执法", Lead: "城管中队", Support: []string{"派出所"}},
			{Name: "政策解读", Lead: "司法所", Support: []string{"城管中队"}},
			{Name: "安保", Lead: "派出所"},
		},
	}}
	if err := tasks.Validate(); err != nil {
		fmt.Println(err)
		return
	}
	for _, unit := range tasks.Units() {
		for _, a := range tasks.For(unit) {
			fmt.Printf("%s %s %s%s\n", unit, a.TaskName, a.Function, a.Role.Label())
		}
	}
	// Output:
	// 城管中队 违法建设拆除 执法牵头
	// 城管中队 违法建设拆除 政策解读配合
	// 派出所 违法建设拆除 执法配合
	// 派出所 违法建设拆除 安保牵头
	// 司法所 违法建设拆除 政策解读牵头
}

// Every enum of the library goes to and from a database column as its
// code (database/sql/driver.Valuer and database/sql.Scanner); NULL is the
// zero value.
func ExampleKind_Scan() {
	v, _ := matters.Whistle.Value()
	fmt.Printf("%q\n", v)
	var k matters.Kind
	for _, src := range []any{"dispatch", []byte("应哨"), nil, int64(2)} {
		err := k.Scan(src)
		fmt.Println(int(k), k, err)
	}
	// Output:
	// "whistle"
	// 3 dispatch <nil>
	// 4 accept <nil>
	// 0 Kind(0) <nil>
	// 0 Kind(0) matters: cannot scan int64 into event kind: want its code as text: invalid
}
