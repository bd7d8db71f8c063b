package matters

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/qingdan/qingdan/accountability"
)

// Item is one entry of a list: a kind of work that the sub-district may
// take on, and the unit that does it.
type Item struct {
	Code string `json:"code"`
	Name string `json:"name"`
	List List   `json:"list,omitempty"`
	Unit string `json:"unit,omitempty"`
}

// Exclusion is work removed from a sub-district's duties outright, such as
// 招商引资 (investment attraction): work whose title falls under it
// ([Exclusion.Matches]) is refused even with an approval. Reason says why
// it was removed. Also lists other phrasings of the same work, such as
// 开展招商 and 招商推介 for 招商引资. Allow lists phrases that mark work
// serving the excluded work rather than doing it, which the reform keeps:
// the sub-district no longer attracts investment, but still gives the
// projects it brings services such as 落地服务 ("为招商引资项目提供落地服务").
type Exclusion struct {
	Name   string   `json:"name"`
	Reason string   `json:"reason,omitempty"`
	Also   []string `json:"also,omitempty"`
	Allow  []string `json:"allow,omitempty"`
}

// Matches reports whether work titled text falls under the exclusion: it
// does if it falls under Name or under one of the phrases of Also (an
// empty one is ignored), each read as follows. Text is cut into clauses at
// punctuation (，、；。,; and spaces) and at 及, 和, 与 and 并; the work falls
// under a phrase if a clause contains the phrase and none of the Allow
// phrases. So with Allow ["落地服务"], "为招商引资项目提供落地服务" does not
// fall under 招商引资, but "招商引资及落地服务" does: its first clause is
// 招商引资 itself. A clause that opens with 为 ("for") is not cut at the
// conjunctions: it names whom the work serves, so in
// "为招商引资和技改项目提供落地服务" the conjunction joins the projects
// served, and the clause runs to the next punctuation. A phrase that itself
// holds a break (征地和拆迁) is not cut: the clause of each of its
// occurrences runs from the break before it to the break after it. An
// exclusion with no Name matches nothing; one with no Allow matches every
// text that contains its Name or a phrase of Also.
func (x Exclusion) Matches(text string) bool { return x.match(text) != "" }

// match returns the phrase, Name or one of Also, under which work titled
// text falls; "" if none.
func (x Exclusion) match(text string) string {
	if x.Name == "" {
		return ""
	}
	if x.matchesPhrase(text, x.Name) {
		return x.Name
	}
	for _, p := range x.Also {
		if p != "" && x.matchesPhrase(text, p) {
			return p
		}
	}
	return ""
}

// matchesPhrase reports whether work titled text falls under the phrase,
// as [Exclusion.Matches] says.
func (x Exclusion) matchesPhrase(text, phrase string) bool {
	if !strings.Contains(text, phrase) {
		return false
	}
	if len(x.Allow) == 0 {
		return true
	}
	// The occurrences come in order, so the breaks around them are found
	// in one pass over text: start is the end of the last break before
	// text[scanned:] and pstart that of the last punctuation; end and pend
	// are the first break and the first punctuation at or after the end of
	// the last occurrence.
	_, step := utf8.DecodeRuneInString(phrase)
	start, pstart, scanned, end, pend := 0, 0, 0, -1, -1
	checked := [2]int{-1, -1} // the clause last found allowed
	for from := 0; from < len(text); {
		i := strings.Index(text[from:], phrase)
		if i < 0 {
			break
		}
		i += from
		for scanned < i {
			r, n := utf8.DecodeRuneInString(text[scanned:])
			scanned += n
			if isPunctuation(r) {
				start, pstart = scanned, scanned
			} else if isConjunction(r) {
				start = scanned
			}
		}
		after := i + len(phrase)
		if end < after {
			end = nextBreak(text, after, isClauseBreak)
		}
		if pend < after {
			pend = nextBreak(text, after, isPunctuation)
		}
		clause := [2]int{start, end}
		if strings.HasPrefix(text[pstart:], "为") {
			clause = [2]int{pstart, pend}
		}
		if checked != clause {
			if !x.allowed(text[clause[0]:clause[1]]) {
				return true
			}
			checked = clause
		}
		from = i + step
	}
	return false
}

// nextBreak returns the index of the first rune at or after from for which
// isBreak is true, or len(text) if there is none.
func nextBreak(text string, from int, isBreak func(rune) bool) int {
	if k := strings.IndexFunc(text[from:], isBreak); k >= 0 {
		return from + k
	}
	return len(text)
}

// allowed reports whether a clause holds one of the Allow phrases.
func (x Exclusion) allowed(clause string) bool {
	for _, a := range x.Allow {
		if a != "" && strings.Contains(clause, a) {
			return true
		}
	}
	return false
}

// isClauseBreak reports whether r ends a clause of a title: a punctuation
// mark or a conjunction.
func isClauseBreak(r rune) bool { return isPunctuation(r) || isConjunction(r) }

// isPunctuation reports whether r is a punctuation mark or a space.
func isPunctuation(r rune) bool { return strings.ContainsRune("，、；。,; 　\t\n", r) }

// isConjunction reports whether r is a conjunction that joins two pieces
// of work: 及, 和, 与 or 并.
func isConjunction(r rune) bool { return strings.ContainsRune("及和与并", r) }

// DefaultExclusions returns the two exclusions of the reform, 招商引资
// (investment attraction) and 协税护税 (tax assistance), in a new slice that
// the caller owns, with the phrasings under which such work is commonly
// assigned (配合开展招商, 组织企业参加招商推介会, 协助税务部门征收税款,
// 社会综合治税). Their reasons are in Chinese, as the Chinese findings of
// [Catalog.Validate] quote them. 招商引资 allows the work the reform keeps
// for the projects investment brings — 做好企业服务、改善营商环境、促进项目落地
// — marked by 落地服务, 落地手续, 服务保障, 要素保障, 跟踪服务, 代办, 帮办,
// 企业服务 and 营商环境.
func DefaultExclusions() []Exclusion {
	return []Exclusion{
		{Name: "招商引资", Reason: "取消街道招商引资职能",
			Also: []string{"开展招商", "配合招商", "协助招商", "参与招商", "外出招商", "驻点招商", "招商推介", "招商活动",
				"招商任务", "招商指标", "招商考核", "招商洽谈", "项目招引", "招引项目"},
			Allow: []string{"落地服务", "落地手续", "服务保障", "要素保障", "跟踪服务", "代办", "帮办", "企业服务", "营商环境"}},
		{Name: "协税护税", Reason: "取消街道协税护税职能",
			Also: []string{"协税", "护税", "协助税务", "协助征税", "协助征收税", "综合治税", "税收征管", "税源"}},
	}
}

// Admission is a sub-district's matter admission (事项准入): the items of
// its three lists and the work excluded outright. Version names the
// revision of the lists, and the embedded [accountability.Adoption] says
// from when it is in force and whether it was approved and published. The
// zero Admission lists nothing and excludes nothing, so it admits only
// approved work. An Admission is not modified by its methods and is safe
// for concurrent use by readers.
type Admission struct {
	Version string `json:"version,omitempty"`
	accountability.Adoption
	Items    []Item      `json:"items,omitempty"`
	Excluded []Exclusion `json:"excluded,omitempty"`
}

// Approval is an admission approval (准入审批): the body that approved
// unlisted work, the approval's reference and its time. An Approval counts
// only if By is set.
type Approval struct {
	By  string    `json:"by"`
	Ref string    `json:"ref,omitempty"`
	At  time.Time `json:"at"`
}

// Request asks a sub-district to take on some work. From names the body
// asking. Item, if set, is the Code of the list item the work falls under;
// Approval is the admission approval of work that no list holds.
type Request struct {
	Title    string    `json:"title"`
	From     string    `json:"from,omitempty"`
	Item     string    `json:"item,omitempty"`
	Approval *Approval `json:"approval,omitempty"`
}

// Decision is the outcome of [Admission.Admit]. Item is a copy of the list
// item that admitted the work, nil if none did. Reason always says why, in
// words that name the item and its list, the exclusion, or the approval.
type Decision struct {
	Admitted bool   `json:"admitted"`
	Item     *Item  `json:"item,omitempty"`
	Reason   string `json:"reason"`
}

// Admit decides whether the sub-district takes on the work r asks for:
//
//   - A request whose Title falls under an exclusion ([Exclusion.Matches])
//     is refused, approval or not; so is one whose matched item's Name
//     falls under it.
//   - A request is matched to an item by code when r.Item is set (the Title
//     is then free text); otherwise by a Title, not empty, exactly equal to
//     an item's Name. The first matching item wins. A matched item on one
//     of the three lists admits the work.
//   - Work that no item matches (including an r.Item that names no item),
//     or that an item on none of the three lists matches (its List not set
//     or unknown, which [Admission.Validate] reports), is admitted only
//     with an Approval whose By is set.
//
// Admit never fails: the zero Admission refuses all unapproved work, and
// so does a nil one, an empty list as in a [Catalog].
func (a *Admission) Admit(r Request) Decision {
	if a == nil {
		a = &Admission{}
	}
	var item *Item // the matched item, a copy
	for i := range a.Items {
		if it := a.Items[i]; (r.Item != "" && it.Code == r.Item) || (r.Item == "" && r.Title != "" && it.Name == r.Title) {
			item = &it
			break
		}
	}
	for _, x := range a.Excluded {
		if x.Name == "" {
			continue
		}
		var where string
		phrase := x.match(r.Title)
		switch {
		case phrase != "":
			where = fmt.Sprintf("title %q", r.Title)
		case item != nil:
			if phrase = x.match(item.Name); phrase == "" {
				continue
			}
			where = fmt.Sprintf("item %s %q", item.Code, item.Name)
		default:
			continue
		}
		name := x.Name
		if phrase != x.Name {
			name += " (as " + phrase + ")"
		}
		why := ""
		if x.Reason != "" {
			why = ": " + x.Reason
		}
		return Decision{Reason: fmt.Sprintf("refused: %s falls under the exclusion %s%s; no approval can admit it", where, name, why)}
	}
	listless := "" // an item matched, but on none of the lists
	if item != nil && !lists.Named(item.List) {
		listless = fmt.Sprintf("item %s %q names none of the three lists, so ", item.Code, item.Name)
		item = nil
	}
	if item != nil {
		unit := ""
		if item.Unit != "" {
			unit = ", done by " + item.Unit
		}
		return Decision{Admitted: true, Item: item, Reason: fmt.Sprintf("admitted: item %s %q on %s (%s)%s", item.Code, item.Name, item.List.Label(), item.List, unit)}
	}
	unlisted := fmt.Sprintf("%q is on none of the lists (权责清单, 公共服务清单, 其他工作事项清单)", r.Title)
	switch {
	case listless != "":
		unlisted = listless + unlisted
	case r.Item != "":
		unlisted = fmt.Sprintf("item code %q names no listed item, so %s", r.Item, unlisted)
	}
	switch {
	case r.Approval == nil:
		return Decision{Reason: "refused: " + unlisted + " and has no admission approval (准入审批)"}
	case r.Approval.By == "":
		return Decision{Reason: "refused: " + unlisted + " and its admission approval names no approver"}
	}
	ap := r.Approval
	ref := ""
	if ap.Ref != "" {
		ref = " " + ap.Ref
	}
	at := ""
	if !ap.At.IsZero() {
		at = " of " + ap.At.Format(time.DateOnly)
	}
	return Decision{Admitted: true, Reason: fmt.Sprintf("admitted by approval (准入审批)%s by %s%s: %s", ref, ap.By, at, unlisted)}
}

// Validate reports every problem of the admission: an item with no code or
// name, two items with one code, an item whose List is not set or unknown,
// an exclusion with no name or named twice, an empty phrase of Also or
// Allow, an Allow phrase that is part of the Name or of a phrase of Also
// (every title under it would be allowed: the exclusion, or the phrase,
// would refuse nothing), and an item whose name falls under an exclusion
// ([Exclusion.Matches]). The error joins one [*Problem] per problem, each
// naming its path (such as items[CF-001] or excluded[招商引资].allow[0])
// and wrapping [ErrInvalid]; nil if sound, as a nil admission, an empty
// one, is.
func (a *Admission) Validate() error {
	if a == nil {
		return nil
	}
	var p problems
	first := make(map[string]int, len(a.Items))
	for i, it := range a.Items {
		path := p.keyed(first, "items", it.Code, i,
			[2]string{"code %[1]s is used by items %[2]d and %[3]d", "编码 %[1]s 用于两个事项（第 %[4]d 项和第 %[5]d 项）"},
			[2]string{"item %q has no code", "事项“%s”没有编码"}, it.Name)
		if it.Name == "" {
			p.add(path, "item has no name", "事项没有名称")
		}
		if !lists.Named(it.List) {
			if it.List == 0 {
				p.add(path, "item %q names no list", "事项“%s”未注明所属清单", it.Name)
			} else {
				p.add(path, "item %q names an unknown list %d", "事项“%s”所属的清单 %d 不存在", it.Name, int(it.List))
			}
		}
		for _, x := range a.Excluded {
			if x.Matches(it.Name) {
				p.add(path, "item %q falls under the exclusion %s", "事项“%s”属于不予准入的“%s”", it.Name, x.Name)
				break
			}
		}
	}
	seen := make(map[string]bool, len(a.Excluded))
	for i, x := range a.Excluded {
		switch {
		case x.Name == "":
			p.add(fmt.Sprintf("excluded[%d]", i), "exclusion has no name", "排除事项没有名称")
		case seen[x.Name]:
			p.add(fmt.Sprintf("excluded[%s]", x.Name), "exclusion named twice", "排除事项重名")
		}
		seen[x.Name] = true
		checkPhrases(&p, i, x)
	}
	return p.err()
}

// checkPhrases reports an empty phrase of exclusion x, entry i, and an
// Allow phrase that is part of its Name or of a phrase of Also.
func checkPhrases(p *problems, i int, x Exclusion) {
	path := fmt.Sprintf("excluded[%d]", i)
	if x.Name != "" {
		path = fmt.Sprintf("excluded[%s]", x.Name)
	}
	for j, ph := range x.Also {
		if ph == "" {
			p.add(fmt.Sprintf("%s.also[%d]", path, j), "empty phrase", "短语为空")
		}
	}
	for j, al := range x.Allow {
		if al == "" {
			p.add(fmt.Sprintf("%s.allow[%d]", path, j), "empty phrase", "短语为空")
			continue
		}
		for _, ph := range append([]string{x.Name}, x.Also...) {
			if ph != "" && strings.Contains(ph, al) {
				p.add(fmt.Sprintf("%s.allow[%d]", path, j), "%[1]q is part of %[2]q, so every title under %[2]q is allowed", "放行短语“%[1]s”是“%[2]s”的一部分，凡属“%[2]s”的事项都会放行", al, ph)
			}
		}
	}
}
