package accountability

import "github.com/qingdan/qingdan/internal/names"

// The unit.* rules: the register of units (单位).

func unitRequired(ix *index, rep reporter) {
	for i, u := range ix.r.Units {
		switch {
		case u.ID == "":
			unitEntry.noKey(rep, i, u.Name)
		case len(u.ID) > MaxKeyBytes:
			unitEntry.longKey(rep, i, u.ID, u.Name)
		case !names.Clean(u.ID):
			unitEntry.at(rep, i, u.ID, u.Name, "", "has the ID %q, with white space at an end or a control or invisible character: no matter can name it, so write it one way",
				"的编号 %q 首尾有空白或含不可见字符，事项无法指派，请统一写法", u.ID)
		}
		if u.Kind == 0 {
			unitEntry.at(rep, i, u.ID, u.Name, "kind", "has no kind", "未填写类别")
		}
		if unnamed(unitKinds, u.Kind) {
			whose, whoseZh := unitEntry.whose(i, u.ID, u.Name)
			reportUnnamed(rep, int(u.Kind), key("units", u.ID, i)+".kind", whose, whoseZh, "unit kind", "单位类别")
		}
	}
}

func unitDuplicate(ix *index, rep reporter) {
	if !ix.unitsShared {
		return // no two units share an ID
	}
	for i, u := range ix.r.Units {
		if first := ix.units[u.ID]; first != i && u.ID != "" {
			unitEntry.repeats(rep, i, u.ID, u.Name, first, ix.r.Units[first].Name)
		}
	}
}
