package main

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring"
)

// council is the sub-district's rules of procedure (议事规则) over its
// dispatched agencies: the leaders in charge of them (领导机制) and the
// meetings that review the key tasks and that the agencies' heads attend
// (议事机制). It is the example's own data, data/council.json.
type council struct {
	Name     string    `json:"name"`
	Revised  string    `json:"revised"` // YYYY-MM-DD, the last revision (及时修订)
	Leaders  []leader  `json:"leaders"`
	Meetings []meeting `json:"meetings"`
}

// leader is a leader of the sub-district put in charge (分管) of dispatched
// agencies, through an office that coordinates, supervises and appraises
// them.
type leader struct {
	Post     string   `json:"post"`
	Office   string   `json:"office"`
	Agencies []string `json:"agencies"`
}

// meeting is one meeting of the rules. Cycle is "day" (every working
// day), "week" (every week with a working day), "month" or empty (when
// called); KeyTasks says that it reviews the key tasks, so that the lead
// of every function of every key task attends. Attendees are the units
// whose heads (主要负责同志) attend; the sub-district's own ID stands for its
// party and government leaders.
type meeting struct {
	Name      string   `json:"name"`
	Cycle     string   `json:"cycle,omitempty"`
	KeyTasks  bool     `json:"keyTasks,omitempty"`
	Agenda    string   `json:"agenda"`
	Attendees []string `json:"attendees"`
}

// jointMeeting is the meeting every dispatched agency's head attends:
// 派驻机构主要负责同志参加党政联席会议.
const jointMeeting = "党政联席会议"

// cycles names the cycles of a meeting; the key tasks are reviewed daily,
// weekly and monthly (日碰头、周调度、月点评).
var cycles = map[string]string{"day": "每个工作日", "week": "每周", "month": "每月", "": "视需召开"}

// agencies returns the IDs of the agencies dispatched to the sub-district.
func agencies(units []accountability.Unit) []string {
	var out []string
	for _, u := range units {
		if u.Kind == accountability.Agency && u.Parent == subdistrict {
			out = append(out, u.ID)
		}
	}
	return out
}

// check reports every way the rules break the mechanisms of 沙塘路街道:
// a revision date that is no date; an agency with no leader in charge or
// with two (明确一名街道领导分管负责); a leader's office or agency that is
// not one of the sub-district's; a meeting with an unknown cycle or
// attendee; no key-task meeting for one of the cycles day, week and month;
// a key-task meeting the lead of a key task's function does not attend; no
// 党政联席会议, or one an agency's head does not attend.
func (c *council) check(units []accountability.Unit, ts matters.KeyTasks) error {
	known := map[string]accountability.Unit{}
	for _, u := range units {
		known[u.ID] = u
	}
	var errs []error
	if _, err := time.Parse(time.DateOnly, c.Revised); err != nil {
		errs = append(errs, fmt.Errorf("council: revised %q is not a date", c.Revised))
	}
	inCharge := map[string]int{}
	for i, l := range c.Leaders {
		if u, ok := known[l.Office]; !ok || u.Kind != accountability.Office || u.Parent != subdistrict {
			errs = append(errs, fmt.Errorf("council: leaders[%d] %s: office %q is not an office of the sub-district", i, l.Post, l.Office))
		}
		for _, a := range l.Agencies {
			if u, ok := known[a]; !ok || u.Kind != accountability.Agency {
				errs = append(errs, fmt.Errorf("council: leaders[%d] %s: %q is not a dispatched agency", i, l.Post, a))
			}
			inCharge[a]++
		}
	}
	for _, a := range agencies(units) {
		if n := inCharge[a]; n != 1 {
			errs = append(errs, fmt.Errorf("council: agency %s has %d leaders in charge, want 1", a, n))
		}
	}
	var leads []string
	for _, u := range ts.Units() {
		for _, x := range ts.For(u) {
			if x.Role == matters.Leading && !slices.Contains(leads, u) {
				leads = append(leads, u)
			}
		}
	}
	reviewed := map[string]bool{}
	joint := false
	for _, m := range c.Meetings {
		if _, ok := cycles[m.Cycle]; !ok {
			errs = append(errs, fmt.Errorf("council: meeting %s: unknown cycle %q", m.Name, m.Cycle))
		}
		for _, a := range m.Attendees {
			if _, ok := known[a]; !ok {
				errs = append(errs, fmt.Errorf("council: meeting %s: attendee %q is not a unit", m.Name, a))
			}
		}
		if m.KeyTasks {
			reviewed[m.Cycle] = true
			for _, u := range leads {
				if !slices.Contains(m.Attendees, u) {
					errs = append(errs, fmt.Errorf("council: meeting %s reviews the key tasks without %s, which leads a function", m.Name, u))
				}
			}
		}
		if m.Name == jointMeeting {
			joint = true
			for _, a := range agencies(units) {
				if !slices.Contains(m.Attendees, a) {
					errs = append(errs, fmt.Errorf("council: meeting %s: the head of agency %s does not attend", m.Name, a))
				}
			}
		}
	}
	for _, cy := range []string{"day", "week", "month"} {
		if !reviewed[cy] {
			errs = append(errs, fmt.Errorf("council: no meeting reviews the key tasks %s", cycles[cy]))
		}
	}
	if !joint {
		errs = append(errs, fmt.Errorf("council: no %s", jointMeeting))
	}
	return errors.Join(errs...)
}

// held returns how often a meeting of the cycle is held in the month of
// the working days: once a working day, once a week with a working day,
// once a month; -1 for a meeting held when called.
func held(cycle string, days []time.Time) int {
	switch cycle {
	case "day":
		return len(days)
	case "week":
		weeks := map[time.Time]bool{}
		for _, d := range days {
			weeks[scoring.Week(d).From] = true
		}
		return len(weeks)
	case "month":
		if len(days) > 0 {
			return 1
		}
		return 0
	}
	return -1
}
