package accountability

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// lines splits a multi-valued cell at line breaks, trimming each line and
// dropping blank ones.
func lines(s string) []string {
	var out []string
	for _, l := range strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' }) {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

var numbering = regexp.MustCompile(`^(?:[（(]\s*(?:[0-9０-９]+|[一二三四五六七八九十]+)\s*[)）]|(?:[0-9０-９]+|[一二三四五六七八九十]+)\s*[.．、)）])\s*`)

// digit reports whether r is a digit of a number that numbers a value:
// ASCII or full width (１．, ２、), which read alike.
func digit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// asciiDigit returns r, or the ASCII digit of a full-width one (１ is 1).
func asciiDigit(r rune) rune {
	if r >= '０' && r <= '９' {
		return r - ('０' - '0')
	}
	return r
}

// startsWithDigit reports whether s starts with a digit of either width:
// after a number marked . or ．, a decimal ("1.5万元").
func startsWithDigit(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return digit(r)
}

// stripNumber removes a leading "1." "2、" "（3）" "四、" (of digits of
// either width: "１．"); a number marked . or ． that a digit follows is a
// decimal ("1.5万元"), not a number.
func stripNumber(s string) string {
	if r, _ := utf8.DecodeRuneInString(s); !(digit(r) || r == '(' || r == '（' || strings.ContainsRune("一二三四五六七八九十", r)) {
		return s
	}
	m := numbering.FindString(s)
	if m == "" {
		return s
	}
	if t := strings.TrimSpace(m); strings.HasSuffix(t, ".") || strings.HasSuffix(t, "．") {
		if startsWithDigit(s[len(t):]) {
			return s
		}
	}
	return strings.TrimSpace(s[len(m):])
}

// numberStyle is how a number of splitNumbered is marked: "1、", "1.",
// "1．", "（1）" or "(1)".
type numberStyle struct{ open, close string }

// numberStyles are the styles of numbers after which splitNumbered splits
// a line.
var numberStyles = []numberStyle{{"", "、"}, {"", "."}, {"", "．"}, {"（", "）"}, {"(", ")"}}

// splitNumbered calls item with each item of a line that numbers its
// items on one line ("1、… 2、… 3、…", "1.…；2.…", "（1）…；（2）…"), split
// before each number that follows the one before in sequence, is marked
// as the first is (、, . or ．, or in parentheses of the first's width),
// and stands after white space, "。" or "；" (";"); a number marked . or
// ． is none where a digit follows it (2.5, a decimal). Digits of either
// width read alike ("１、… ２、…"). A line that does not start with "1、",
// "1.", "1．", "（1）" or "(1)" is one item; a number out of sequence, or
// after any other character ("第1、2款", "第(2)项"), is text.
func splitNumbered(l string, item func(string)) {
	var (
		mark numberStyle
		n    int
	)
	for _, st := range numberStyles {
		if size, ok := numberAt(l, 1, st); ok {
			mark, n = st, size
			break
		}
	}
	if n == 0 {
		item(l)
		return
	}
	start, prev := 0, rune(0) // the mark, no space, before l[n:]
	for i, next := n, 2; i < len(l); {
		if unicode.IsSpace(prev) || prev == '。' || prev == '；' || prev == ';' {
			if n, ok := numberAt(l[i:], next, mark); ok {
				item(strings.TrimSpace(l[start:i]))
				start, next, prev = i, next+1, 0
				i += n
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(l[i:])
		prev = r
		i += size
	}
	item(strings.TrimSpace(l[start:]))
}

// numberAt reports whether s starts with the number n, of digits of
// either width, marked in style st ("2、", "２.", "（2）"), and no digit
// follows a number marked . or ．; size is the length of the number and
// its marks. It reads no more digits than n has, and one.
func numberAt(s string, n int, st numberStyle) (size int, ok bool) {
	after, ok := strings.CutPrefix(s, st.open)
	if !ok {
		return 0, false
	}
	v, i := 0, len(s)-len(after)
	for digits := 0; i < len(s); digits++ {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !digit(r) || digits > len(strconv.Itoa(n)) {
			break
		}
		v = v*10 + int(asciiDigit(r)-'0')
		i += w
	}
	if i == len(s)-len(after) || v != n {
		return 0, false
	}
	rest, ok := strings.CutPrefix(s[i:], st.close)
	if !ok {
		return 0, false
	}
	if st.close == "." || st.close == "．" {
		if startsWithDigit(rest) {
			return 0, false
		}
	}
	return len(s) - len(rest), true
}

// numbered is the line of the i-th value of a cell, text, numbered as
// [WritePowersCSV] numbers it ("1.…"), but, where that would be a line
// that splitNumbered splits (text read from a line with no number,
// "甲；2.乙"), "（1）…", or "1）…" where that would split too ("甲；2.乙；
// （2）丙"): a number splitNumbered never splits after, so that it reads
// back whole. Only a first line can split. Text that starts with a digit
// is numbered "1、…": "1.1.5万元" would read as a decimal, and keep its
// number.
func numbered(i int, text string) string {
	mark := "."
	if startsWithDigit(text) {
		mark = "、"
	}
	l := strconv.Itoa(i+1) + mark + text
	if i > 0 {
		return l
	}
	for _, l := range []string{l, "（1）" + text} {
		n := 0
		splitNumbered(l, func(string) { n++ })
		if n == 1 {
			return l
		}
	}
	return "1）" + text
}

// parseDuties reads the lines of a 责任事项 cell: a duty a line, or
// several where a line numbers them (splitNumbered). A heading alone on its
// line ("1.立案责任：", "检查责任：") takes as its text the lines after it
// that have neither a number nor a heading of their own, joined with
// nothing between them, as a table that puts each duty's heading over its
// text has them. A section of a procedure over the duties ("一般程序:",
// see isSection) goes before the text of each duty after it up to the next
// section (see inSection); one that no duty follows is a duty of its own,
// and one right after a heading alone on its line is that heading's text.
func parseDuties(ls []string) []Duty {
	var (
		ds      []Duty
		open    bool     // the last duty is a heading alone on its line
		more    []string // the lines of its text
		section string   // the section the duties are in, if any
		taken   bool     // a duty is in it
	)
	closeText := func() {
		if len(more) > 0 {
			ds[len(ds)-1].Text += strings.Join(more, "")
			more = more[:0]
		}
	}
	endSection := func() {
		if section != "" && !taken {
			ds = append(ds, Duty{Text: section}) // over nothing: a line as any other
		}
	}
	for _, l := range ls {
		if isSection(l) && !(open && len(more) == 0) { // right under a heading alone, its text
			closeText()
			endSection()
			section, taken, open = l, false, false
			continue
		}
		if open && stripNumber(l) == l && parseDuty(l).Stage == 0 {
			more = append(more, l)
			continue
		}
		closeText()
		splitNumbered(l, func(x string) {
			d := parseDuty(x)
			if section != "" {
				d.Text, taken = inSection(d, section), true
			}
			ds = append(ds, d)
			t := stripNumber(x)
			i := strings.IndexAny(t, "：:")
			_, n := utf8.DecodeRuneInString(t[max(i, 0):])
			open = d.Stage != 0 && i >= 0 && i+n == len(t)
		})
	}
	closeText()
	endSection()
	return ds
}

// sectionRE is a line that names a section of a procedure ("一般程序:",
// "二、简易程序：", "（三）听证程序："): a number of up to three Chinese
// numerals ("二十一、"), if any, a name of up to ten Chinese characters
// that ends in 程序, and a colon ending the line, with a space at most
// after the number and before the colon. The line is short: each duty
// under it copies it.
var sectionRE = regexp.MustCompile(`^(?:[（(][一二三四五六七八九十]{1,3}[)）]\s?|[一二三四五六七八九十]{1,3}、\s?)?\p{Han}{0,8}程序\s?[:：]$`)

// isSection reports whether duty line l is a section of a procedure over
// the duties under it. A line with a number of digits is none: it is
// numbered as the duties are, and is one ("1.一般程序:", as WritePowersCSV
// writes a duty of that text).
func isSection(l string) bool { return sectionRE.MatchString(l) }

// inSection is the text of duty d in section s, as it is read and written
// back: s before the duty's own text, which for a duty of [OtherStage]
// comes after the heading its Text keeps ("检查责任:一般程序:…").
func inSection(d Duty, s string) string {
	if d.Stage == OtherStage {
		if i := strings.IndexAny(d.Text, "：:"); i >= 0 {
			_, n := utf8.DecodeRuneInString(d.Text[i:])
			return d.Text[:i+n] + s + d.Text[i+n:]
		}
	}
	return s + d.Text
}

// parseDuty reads "受理责任：内容" or "受理：内容".
func parseDuty(l string) Duty {
	l = stripNumber(l)
	i := strings.IndexAny(l, "：:")
	if i < 0 {
		return Duty{Text: l}
	}
	prefix := strings.TrimSpace(l[:i])
	sep, _ := utf8.DecodeRuneInString(l[i:])
	text := strings.TrimSpace(l[i+utf8.RuneLen(sep):])
	name, isDuty := strings.CutSuffix(prefix, "责任")
	if !isDuty {
		if st, ok := stages.Lookup(prefix); ok {
			return Duty{Stage: st, Text: text}
		}
		return Duty{Text: l}
	}
	name = strings.TrimSpace(name)
	if n, ok := strings.CutSuffix(name, "阶段"); ok && n != "" {
		name = n // "受理阶段责任"
	} else if n, ok := strings.CutSuffix(name, "环节"); ok && n != "" {
		name = n // "受理环节责任"
	}
	if utf8.RuneCountInString(name) > 6 {
		return Duty{Text: l} // a sentence, not a stage heading
	}
	st, ok := stages.Lookup(name)
	if !ok {
		// A heading of no stage of ours, such as 检查责任 or 处置责任 in an
		// inspection: keep the line whole under OtherStage.
		return Duty{Stage: OtherStage, Text: l}
	}
	return Duty{Stage: st, Text: text}
}

// parseLiabilities reads the lines of a 追责情形 cell: the cases, with
// their numbers removed (a line that numbers several is split:
// splitNumbered), and the line that introduces them
// ("…有下列情形的，…应承担相应责任："), which is the first line when it
// has no number, ends in a colon and a case follows it. Where the first
// line, with no number, holds the cases too ("…应承担相应责任：1.…；2.…"),
// its text up to the colon that "1.", "1、" or "（1）" follows is that
// line, and the rest its cases, if two or more are read from them.
func parseLiabilities(ls []string) (heading string, cases []string) {
	if stripNumber(ls[0]) == ls[0] {
		if h, rest, ok := cutCasesHeading(ls[0]); ok {
			// Two cases at least: "第十条：1、2款规定的" is no heading.
			if cases = readCases(rest, ls[1:]); len(cases) > 1 {
				return h, cases
			}
		}
	}
	cases = readCases(ls[0], ls[1:])
	if len(cases) > 1 && stripNumber(ls[0]) == ls[0] &&
		(strings.HasSuffix(ls[0], "：") || strings.HasSuffix(ls[0], ":")) {
		return cases[0], cases[1:]
	}
	return "", cases
}

// readCases reads the cases of the lines first and then more.
func readCases(first string, more []string) []string {
	var cases []string
	for _, l := range append([]string{first}, more...) {
		splitNumbered(l, func(x string) {
			if x = stripNumber(x); x != "" {
				cases = append(cases, x)
			}
		})
	}
	return cases
}

// cutCasesHeading cuts l after the first colon that the number of a first
// case follows ("…责任：1.", "…: 1、", "…：（1）", white space between them): the
// heading, with the colon, and the rest.
func cutCasesHeading(l string) (heading, rest string, ok bool) {
	for from := 0; ; {
		i := strings.IndexAny(l[from:], "：:")
		if i < 0 {
			return "", l, false
		}
		i += from
		_, n := utf8.DecodeRuneInString(l[i:])
		rest = strings.TrimSpace(l[i+n:])
		for _, st := range numberStyles {
			if _, ok := numberAt(rest, 1, st); ok {
				return l[:i+n], rest, true
			}
		}
		from = i + n
	}
}

// sameDay are the words published lists put for a limit of no days, work
// done on the spot; such a limit reads as 0 and the word is kept in Extra.
var sameDay = map[string]bool{"即时办结": true, "即办": true, "即办件": true, "当场办结": true, "立即办结": true, "当日办结": true, "即时": true}

// noLimit are the words published lists put for no limit; they read as 0.
var noLimit = map[string]bool{"无": true, "—": true, "-": true, "/": true, "／": true, "无时限": true, "不适用": true}

// parseDays reads a time limit: a number of days, bare or followed by 个工作日,
// 工作日, 日 or 天, its digits ASCII or full width ("２０个工作日"), which
// read alike. loose reports 天, which lists put for working and calendar
// days alike.
func parseDays(s string) (n int, loose, ok bool) {
	for _, suffix := range []string{"个工作日", "工作日", "日", "天"} {
		if t, cut := strings.CutSuffix(s, suffix); cut {
			s, loose = strings.TrimSpace(t), suffix == "天"
			break
		}
	}
	n, err := strconv.Atoi(strings.Map(asciiDigit, s))
	if err != nil || n < 0 {
		return 0, false, false
	}
	return n, loose, true
}
