package matters_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
)

// The catalog's checked Apply refuses a dispatch off the route until the
// owner gives its reason, which stays in the history, and an event dated
// outside the calendar.
func ExampleCatalog_Apply() {
	cst := workday.CST()
	c := &matters.Catalog{Directory: &matters.Directory{Routes: []matters.Route{{Type: "占道经营", Lead: "区城管局", Respond: 2 * time.Hour, ResolveDays: 3}}}}
	cal := workday.China()
	at := time.Date(2024, 3, 4, 9, 0, 0, 0, cst)
	m := &matters.Matter{}
	apply := func(e matters.Event) error {
		e.Matter, e.Seq = "M-1", len(m.Events)+1
		return c.Apply(cal, m, e)
	}
	fmt.Println(apply(matters.Event{At: at, Kind: matters.Report, Actor: "赭山街道", Type: "占道经营"}))
	fmt.Println(apply(matters.Event{At: at, Kind: matters.Whistle, Actor: "赭山街道"}))
	off := matters.Event{At: at, Kind: matters.Dispatch, Actor: "赭山街道", Units: []string{"区市场监管局"}}
	fmt.Println(errors.Is(apply(off), matters.ErrOffRoute))
	off.Override = "涉及食品经营，街道党工委研究改派市场监管部门"
	fmt.Println(apply(off), m.Lead)
	late := matters.Event{At: time.Date(2031, 3, 3, 9, 0, 0, 0, cst), Kind: matters.Accept, Actor: "区市场监管局"}
	fmt.Println(errors.Is(apply(late), workday.ErrOutOfRange))
	// Output:
	// <nil>
	// <nil>
	// true
	// <nil> 区市场监管局
	// true
}

// A host runs Catalog.Due every hour and applies what it returns: at 75%
// of the response limit the owner urges, once overdue the supervisor
// supervises, and two working days later supervises again. A second scan
// at the same instant finds nothing more.
func ExampleCatalog_Due() {
	cst := workday.CST()
	c := &matters.Catalog{
		Directory:   &matters.Directory{Routes: []matters.Route{{Type: "井盖缺失", Lead: "区城管局", Respond: 4 * time.Hour, ResolveDays: 1}}},
		Supervision: matters.Supervision{Supervisor: "区委督查室", EscalateDays: 2},
	}
	cal := workday.China()
	at := time.Date(2024, 3, 4, 9, 0, 0, 0, cst) // a Monday
	m, _ := matters.Replay([]matters.Event{
		{Matter: "M-2", Seq: 1, At: at, Kind: matters.Report, Actor: "弋江街道", Type: "井盖缺失"},
		{Matter: "M-2", Seq: 2, At: at, Kind: matters.Whistle, Actor: "弋江街道"},
		{Matter: "M-2", Seq: 3, At: at, Kind: matters.Dispatch, Actor: "弋江街道", Units: []string{"区城管局"}},
	})
	for h := 1; h <= 4*24; h++ {
		now := at.Add(time.Duration(h) * time.Hour)
		due, err := c.Due(cal, now, []*matters.Matter{m})
		if err != nil {
			fmt.Println(err)
			return
		}
		for _, e := range due {
			if err := c.Apply(cal, m, e); err != nil {
				fmt.Println(err)
				return
			}
			fmt.Println(e.At.Format("01-02 15:04"), e.Kind.Label(), e.Actor, e.Note)
		}
		if again, _ := c.Due(cal, now, []*matters.Matter{m}); len(again) > 0 {
			fmt.Println("due twice")
		}
	}
	// Output:
	// 03-04 12:00 催办 弋江街道 临期催办：应哨时限已用 75%
	// 03-04 14:00 督办 区委督查室 超期督办：应哨超过时限
	// 03-06 14:00 督办 区委督查室 升级督办：超期后又逾 2 个工作日
}
