package main

import (
	"fmt"

	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
)

func main() {
	w, err := loadWorld()
	if err != nil {
		panic(err)
	}
	clk, err := newClock(workday.China())
	if err != nil {
		panic(err)
	}
	y, err := generate(w, clk)
	if err != nil {
		panic(err)
	}
	s := matters.Summarize(y.matters)
	fmt.Printf("%+v\n", s)
	states := map[matters.State]int{}
	for _, m := range y.matters {
		states[m.State]++
	}
	fmt.Println(states, len(y.matters))
	for _, i := range []int{5, 100, 300} {
		for _, e := range y.matters[i].Events {
			fmt.Println(e.Seq, e.At.Format("2006-01-02 15:04 Mon"), e.Kind.Label(), e.Actor, e.Units, e.Note)
		}
	}
}
