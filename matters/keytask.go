package matters

import (
	"fmt"
	"slices"
)

// Function is one function of a key task, such as enforcement (执法) in
// the demolition of illegal buildings: the Lead unit answers for it and the
// Support units help.
type Function struct {
	Name    string   `json:"name"`
	Lead    string   `json:"lead"`
	Support []string `json:"support,omitempty"`
}

// KeyTask is a key task (重点任务) that the sub-district leads and its
// dispatched agencies carry out, with a lead per function: in the
// demolition of illegal buildings (违法建设), 城管中队 leads enforcement,
// 司法所 policy interpretation and 派出所 security. Owner is the body that
// leads the task as a whole.
type KeyTask struct {
	ID        string     `json:"id"`
	Name      string     `json:"name"`
	Owner     string     `json:"owner,omitempty"`
	Functions []Function `json:"functions,omitempty"`
}

// Assignment is one part a unit plays in a key task: the task's ID and
// name, the function and the role.
type Assignment struct {
	Task     string `json:"task"`
	TaskName string `json:"taskName,omitempty"`
	Function string `json:"function"`
	Role     Role   `json:"role,omitempty"`
}

// KeyTasks is a set of key tasks. The zero KeyTasks holds none. Its methods
// do not modify it and may run concurrently.
type KeyTasks []KeyTask

// For returns every part the unit plays, in task then function order, each
// function once, the lead role before a support role; nil if none.
func (ts KeyTasks) For(unit string) []Assignment {
	var out []Assignment
	for _, t := range ts {
		for _, f := range t.Functions {
			switch {
			case unit != "" && f.Lead == unit:
				out = append(out, Assignment{t.ID, t.Name, f.Name, Leading})
			case unit != "" && slices.Contains(f.Support, unit):
				out = append(out, Assignment{t.ID, t.Name, f.Name, Supporting})
			}
		}
	}
	return out
}

// Units returns every unit that leads or supports some function, in order
// of first appearance.
func (ts KeyTasks) Units() []string {
	var out []string
	seen := make(map[string]bool)
	add := func(u string) {
		if u != "" && !seen[u] {
			seen[u] = true
			out = append(out, u)
		}
	}
	for _, t := range ts {
		for _, f := range t.Functions {
			add(f.Lead)
			for _, s := range f.Support {
				add(s)
			}
		}
	}
	return out
}

// Validate reports every problem of the tasks: a task with no ID or name,
// two tasks with one ID, a task with no function, a function with no name
// or named twice in its task, and for each function the problems
// [Directory.Validate] finds in a route's units (no lead, an empty or
// repeated support unit, a lead that also supports). The error joins one
// [*Problem] per problem, each naming its path (such as
// tasks[KT-1].functions[执法]) and wrapping [ErrInvalid]; nil if sound.
func (ts KeyTasks) Validate() error {
	var p problems
	first := make(map[string]int, len(ts))
	for i, t := range ts {
		path := p.keyed(first, "tasks", t.ID, i,
			[2]string{"ID %[1]s is used by tasks %[2]d and %[3]d", "编号 %[1]s 用于两项任务（第 %[4]d 项和第 %[5]d 项）"},
			[2]string{"task %q has no ID", "任务“%s”没有编号"}, t.Name)
		if t.Name == "" {
			p.add(path, "task has no name", "任务没有名称")
		}
		if len(t.Functions) == 0 {
			p.add(path, "task %q has no function", "任务“%s”没有职能分工", t.Name)
		}
		names := make(map[string]bool, len(t.Functions))
		for j, f := range t.Functions {
			fpath := fmt.Sprintf("%s.functions[%d]", path, j)
			switch {
			case f.Name == "":
				p.add(fpath, "function has no name", "职能没有名称")
			case names[f.Name]:
				p.add(fmt.Sprintf("%s.functions[%s]", path, f.Name), "function named twice", "职能重名")
			default:
				fpath = fmt.Sprintf("%s.functions[%s]", path, f.Name)
			}
			names[f.Name] = true
			checkUnits(&p, fpath, f.Lead, f.Support)
		}
	}
	return p.err()
}
