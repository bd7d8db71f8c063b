package accountability

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

// FuzzTemplateCheck checks any template against any units: Check never
// panics; each finding is an Error of one of the rules its doc lists, at
// a path units[ID] (template.centers[name] for template.conflict,
// template.offices[name] or template.centers[name] for
// template.duplicate), in English and in Chinese; a name one list holds
// twice (trimmed) is reported once as template.duplicate; and a template
// whose names (trimmed) are distinct finds nothing wrong with its own
// layout.
//
// The template is offices and centres, names separated by "|"; the units
// are lines of "ID|name|parent", a leading "*" marking a self-set unit,
// each of the kind the next byte of kinds says (0 to 6: none, the five
// kinds, and one out of range).
func FuzzTemplateCheck(f *testing.F) {
	w := sixTwo()
	f.Add(strings.Join(w.Offices, "|"), strings.Join(w.Centers, "|"), 2, "S|街道|\nX1|城市更新办|S\n*X2|生态环境办|S", []byte{1, 2, 2}, "S")
	f.Add(" 党政办 | 党政办", "党政办", -1, "S||\nS|x|S\n*|党政办|S", []byte{2, 3, 2, 6}, "S")
	f.Add("", "", 0, "", []byte{}, "")
	f.Add("a|b", "c", 1, "S|s|\nA|a|S\nB| b |S\nC|c|S\n*D|d|S\n*E|e|S", []byte{1, 3, 2, 3, 2, 2}, "S")
	rules := map[string]bool{"template.subdistrict": true, "template.missing": true, "template.extra": true, "template.selfset": true, "template.kind": true, "template.conflict": true, "template.duplicate": true}
	f.Fuzz(func(t *testing.T, offices, centers string, maxSelfSet int, units string, kinds []byte, subdistrict string) {
		tmpl := Template{Name: "模板", Offices: splitNames(offices), Centers: splitNames(centers), MaxSelfSet: maxSelfSet}
		var us []Unit
		for i, line := range strings.Split(units, "\n") {
			if line == "" || len(us) == 64 {
				continue
			}
			u := Unit{}
			line, u.SelfSet = strings.CutPrefix(line, "*")
			fields := strings.SplitN(line, "|", 3)
			fields = append(fields, "", "")
			u.ID, u.Name, u.Parent = fields[0], fields[1], fields[2]
			if i < len(kinds) {
				u.Kind = UnitKind(kinds[i] % 7)
			}
			us = append(us, u)
		}
		repeats := map[string]int{} // template.duplicate's paths, counted
		for _, fd := range tmpl.Check(us, subdistrict) {
			prefix := "units["
			switch fd.Rule {
			case "template.conflict":
				prefix = "template.centers["
			case "template.duplicate":
				repeats[fd.Path]++
				prefix = "template.centers["
				if strings.HasPrefix(fd.Path, "template.offices[") {
					prefix = "template.offices["
				}
			}
			if !rules[fd.Rule] || fd.Severity != Error || !strings.HasPrefix(fd.Path, prefix) || fd.Message == "" || fd.Chinese == "" {
				t.Fatalf("Check(%+v, %q) finds %+v: not an Error of a rule its doc lists, at %sID], in both languages", us, subdistrict, fd, prefix)
			}
		}
		want := map[string]int{}
		for list, ns := range map[string][]string{"offices": tmpl.Offices, "centers": tmpl.Centers} {
			count := map[string]int{}
			for _, n := range ns {
				count[strings.TrimSpace(n)]++
			}
			for n, c := range count {
				if c > 1 {
					want["template."+list+"["+n+"]"] = 1
				}
			}
		}
		if !maps.Equal(want, repeats) {
			t.Fatalf("%+v: template.duplicate reported at %v, want once at each of %v", tmpl, repeats, want)
		}
		seen := map[string]bool{}
		distinct := true
		for _, n := range slices.Concat(tmpl.Offices, tmpl.Centers) {
			n = strings.TrimSpace(n)
			distinct = distinct && !seen[n]
			seen[n] = true
		}
		if got := tmpl.Check(layout(tmpl), "S"); distinct && len(got) != 0 {
			t.Fatalf("%+v: Check(its own layout) = %v, want no findings", tmpl, got)
		}
	})
}

// splitNames splits a fuzzed list of names at "|"; the empty text is none.
func splitNames(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}
