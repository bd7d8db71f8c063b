package accountability

import (
	"strconv"
	"strings"
)

// legendLevels returns the levels that colour some step, as top gives
// them, in the order a legend lists them: high, medium, low, then the
// grey of a risk point with no level.
func legendLevels(top map[string]Level) []Level {
	var ls []Level
	for _, l := range []Level{High, Medium, Low, 0} {
		for _, x := range top {
			if x == l {
				ls = append(ls, l)
				break
			}
		}
	}
	return ls
}

// legendText is a level's entry in a legend: "一级风险点".
func legendText(l Level) string {
	if l == 0 {
		return "未定级风险点"
	}
	return l.Label() + "风险点"
}

// dotGraphLabel returns the graph's label: the title, and, when some step
// is coloured, a legend of the colours under it, as an HTML-like label
// (a graph label draws no node, so no step ID can clash with it).
func dotGraphLabel(title string, levels []Level) string {
	if len(levels) == 0 {
		return dotQuote(title)
	}
	var b strings.Builder
	b.WriteString(`<<table border="0" cellspacing="4" cellpadding="4">`)
	b.WriteString(`<tr><td colspan="` + strconv.Itoa(len(levels)+1) + `">` + dotHTML(title) + `</td></tr>`)
	b.WriteString(`<tr><td><font point-size="11">图例</font></td>`)
	for _, l := range levels {
		st := styleOf(l)
		b.WriteString(`<td border="2" bgcolor="` + st.fill + `" color="` + st.stroke + `"><font point-size="11">` + legendText(l) + `</font></td>`)
	}
	b.WriteString(`</tr></table>>`)
	return b.String()
}

// dotHTMLEscaper makes text safe in an HTML-like DOT label: the markup
// characters as entities, a backslash doubled (Graphviz reads escapes such
// as \G, the graph's ID, in such a label too), a line break as <br/>, and a
// tab as a space (Graphviz drops a tab from such a label, written as it is
// or as &#9;, but keeps every space).
var dotHTMLEscaper = strings.NewReplacer(
	"&", "&amp;",
	`\`, `\\`,
	"<", "&lt;",
	">", "&gt;",
	`"`, "&quot;",
	"\t", " ",
	"\r", "",
	"\n", "<br/>",
)

// dotHTML escapes s for an HTML-like DOT label, which Graphviz reads as XML:
// it leaves out the characters that XML has no place for, which would make
// the label no well-formed XML (and Graphviz drop it), and writes invalid
// UTF-8 as U+FFFD.
func dotHTML(s string) string { return dotHTMLEscaper.Replace(strings.Map(xmlChar, s)) }

// xmlChar returns r, or -1 for a character that XML 1.0 has no place for:
// a control character other than tab, line feed and carriage return, and
// U+FFFE and U+FFFF.
func xmlChar(r rune) rune {
	if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xfffe || r == 0xffff {
		return -1
	}
	return r
}

// mermaidFrontMatter returns the YAML front matter that gives a Mermaid
// chart its title, shown above it. The title is one line in a YAML
// double-quoted string in which every character that YAML or Mermaid
// could read as markup, or that YAML does not allow in a stream, is written
// as a \x or \u escape: '\\', '"', '#' (no entity code can form), '%' (no
// "%%{" directive can form), '`', control characters (C1 too: Mermaid's
// YAML loader refuses front matter holding one), U+FFFE and U+FFFF.
//
// Mermaid sanitizes the title as HTML, so that '&' would show as "&amp;"
// and a tag could be cut, and, after drawing, turns "ﬂ°°" into "&#", "ﬂ°"
// into '&' and "¶ß" into ';' throughout the SVG (decoding the entity
// codes of labels its parser wrote in that form). So '&', '<', '>', '¶'
// and 'ﬂ' are written in that form of a character reference, "ﬂ°°38¶ß"
// for '&': no markup is left for the sanitizer, no '¶' or 'ﬂ' of the
// title is left for that pass, and the pass turns the form into "&#38;",
// which the SVG shows as '&'.
func mermaidFrontMatter(title string) string {
	var b strings.Builder
	b.WriteString("---\ntitle: \"")
	for _, r := range oneLine(title) {
		switch {
		case strings.ContainsRune("&<>¶ﬂ", r):
			b.WriteString("ﬂ°°" + strconv.Itoa(int(r)) + "¶ß")
		case r < 0x20, r >= 0x7f && r <= 0x9f, strings.ContainsRune("\\\"#%`", r):
			b.WriteString(`\x`)
			b.WriteByte("0123456789abcdef"[r>>4])
			b.WriteByte("0123456789abcdef"[r&0xf])
		case r == 0xfffe, r == 0xffff:
			b.WriteString(`\u`)
			b.WriteString(strconv.FormatInt(int64(r), 16))
		default:
			b.WriteRune(r)
		}
	}
	b.WriteString("\"\n---\n")
	return b.String()
}

// mermaidLegend writes a subgraph that lists the levels, each a node
// (l0, l1, …: no generated step ID starts with l) added to its level's
// class, so that it is drawn in the level's colours.
func mermaidLegend(b *strings.Builder, levels []Level, class map[Level][]string) {
	if len(levels) == 0 {
		return
	}
	b.WriteString("    subgraph legend[\"图例\"]\n")
	for i, l := range levels {
		n := "l" + strconv.Itoa(i)
		b.WriteString("        " + n + "[\"" + legendText(l) + "\"]\n")
		class[l] = append(class[l], n)
	}
	b.WriteString("    end\n")
}
