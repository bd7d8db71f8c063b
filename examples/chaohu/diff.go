package main

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/examples/internal/texttable"
)

// listLabel names a register list the way a published revision notice does.
var listLabel = map[string]string{
	"units":            "机构",
	"powers":           "权力清单",
	"responsibilities": "责任清单",
	"flows":            "流程图",
	"risks":            "廉政风险点",
	"separations":      "不相容岗位",
}

// diff prints what changed from the old revision to the register, the way a
// revision notice lists it.
func (r *report) diff(old *accountability.Register) {
	cs := accountability.Diff(old, r.reg)
	count := map[accountability.ChangeKind]int{}
	for _, c := range cs {
		count[c.Kind]++
	}
	r.printf("七、版本对比：%s 版 → %s 版，%s %d 处，%s %d 处，%s %d 处\n", old.Version, r.reg.Version,
		accountability.Added.Label(), count[accountability.Added],
		accountability.Removed.Label(), count[accountability.Removed],
		accountability.Changed.Label(), count[accountability.Changed])
	t := texttable.New("变化", "清单", "编号", "名称", "变更字段")
	for _, c := range cs {
		name := entryName(r.reg, c)
		if name == "" {
			name = entryName(old, c)
		}
		label := listLabel[c.List]
		if label == "" {
			label = c.List
		}
		fields := make([]string, len(c.Fields))
		for i, f := range c.Fields {
			fields[i] = f
			if before, after, ok := fieldValues(old, r.reg, c, f); ok {
				fields[i] = f + " " + before + "→" + after
			}
		}
		t.Add(c.Kind.Label(), label, c.Key, name, strings.Join(fields, "；"))
	}
	r.table(t)
	r.printf("\n")
}

// fieldValues returns a changed field's value before and after, as JSON
// text, when both are short scalars (a number, a string, a boolean); ok is
// false for anything else. field is a Change's field path, such as
// "promisedDays" or "steps[i].days", where [i] picks the element of a list
// whose "id" is i.
func fieldValues(old, cur *accountability.Register, c accountability.Change, field string) (before, after string, ok bool) {
	b, okB := lookup(entryJSON(old, c), field)
	a, okA := lookup(entryJSON(cur, c), field)
	if !okB || !okA {
		return "", "", false
	}
	return b, a, true
}

// entryJSON returns the JSON object of the entry a change is about.
func entryJSON(reg *accountability.Register, c accountability.Change) map[string]any {
	var entry any
	switch c.List {
	case "powers":
		entry = entryByKey(reg.Powers, c.Key, func(p accountability.Power) string { return p.Code })
	case "responsibilities":
		entry = entryByKey(reg.Responsibilities, c.Key, func(x accountability.Responsibility) string { return x.Code })
	case "flows":
		entry = entryByKey(reg.Flows, c.Key, func(f accountability.Flow) string { return f.ID })
	case "risks":
		entry = entryByKey(reg.Risks, c.Key, func(x accountability.Risk) string { return x.ID })
	}
	if entry == nil {
		return nil
	}
	b, err := json.Marshal(entry)
	if err != nil {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber() // keep numbers as written
	var m map[string]any
	if dec.Decode(&m) != nil {
		return nil
	}
	return m
}

// entryByKey returns the last entry of list whose key is k, and nil when
// none has it.
func entryByKey[T any](list []T, k string, key func(T) string) any {
	var found any
	for _, x := range list {
		if key(x) == k {
			found = x
		}
	}
	return found
}

// lookup follows a field path through a JSON object and formats a scalar
// found at its end; a value of 20 characters or more is not shown.
func lookup(m map[string]any, path string) (string, bool) {
	var v any = m
	for _, part := range strings.Split(path, ".") {
		name, sel, _ := strings.Cut(part, "[")
		obj, ok := v.(map[string]any)
		if !ok {
			return "", false
		}
		v = obj[name]
		if sel != "" {
			id := strings.TrimSuffix(sel, "]")
			list, _ := v.([]any)
			v = nil
			for _, x := range list {
				if e, ok := x.(map[string]any); ok && e["id"] == id {
					v = e
				}
			}
		}
	}
	var s string
	switch x := v.(type) {
	case string:
		s = x
	case json.Number:
		s = x.String()
	case bool:
		s = strconv.FormatBool(x)
	case nil:
		s = "—" // omitted: zero or empty
	default:
		return "", false
	}
	if len([]rune(s)) >= 20 {
		return "", false
	}
	return s, true
}

// entryName returns the name of the entry a change is about in reg, or ""
// if reg has no such entry.
func entryName(reg *accountability.Register, c accountability.Change) string {
	switch c.List {
	case "units":
		return find(reg.Units, c.Key, func(u accountability.Unit) (string, string) { return u.ID, u.Name })
	case "powers":
		return find(reg.Powers, c.Key, func(p accountability.Power) (string, string) { return p.Code, p.Name })
	case "responsibilities":
		return find(reg.Responsibilities, c.Key, func(x accountability.Responsibility) (string, string) { return x.Code, x.Duty })
	case "flows":
		return find(reg.Flows, c.Key, func(f accountability.Flow) (string, string) { return f.ID, f.Name })
	case "risks":
		return find(reg.Risks, c.Key, func(x accountability.Risk) (string, string) { return x.ID, x.Text })
	case "separations":
		return find(reg.Separations, c.Key, func(s accountability.Separation) (string, string) {
			return s.Flow + ":" + s.Steps[0] + "," + s.Steps[1], s.Reason
		})
	}
	return ""
}

// find returns the name of the first entry of xs whose key is key, or "".
func find[T any](xs []T, key string, keyName func(T) (string, string)) string {
	for _, x := range xs {
		if k, name := keyName(x); k == key {
			return name
		}
	}
	return ""
}
