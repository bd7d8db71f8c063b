package accountability

import (
	"strconv"
	"strings"
)

// riskStyle is how a risk level is drawn: fill and border colours.
type riskStyle struct{ fill, stroke string }

func styleOf(l Level) riskStyle {
	switch l {
	case High:
		return riskStyle{"#f8cecc", "#b85450"}
	case Medium:
		return riskStyle{"#ffe6cc", "#d79b00"}
	case Low:
		return riskStyle{"#fff2cc", "#d6b656"}
	}
	return riskStyle{"#eeeeee", "#999999"}
}

// stepRisks groups the risks that sit on f's steps, in the order given, and
// records each step's highest level.
func (f *Flow) stepRisks(risks []Risk) (map[string][]Risk, map[string]Level) {
	on := make(map[string][]Risk)
	top := make(map[string]Level)
	for _, k := range risks {
		if k.Flow != f.ID {
			continue
		}
		on[k.Step] = append(on[k.Step], k)
		l := effectiveLevel(&k)
		if !levels.Named(l) {
			l = 0
		}
		if cur, ok := top[k.Step]; !ok || l > cur {
			top[k.Step] = l
		}
	}
	return on, top
}

// stepLines returns the lines of a step's label: its name (or ID), its
// stage, post and days, and one line per risk point.
func stepLines(s *Step, risks []Risk) []string {
	name := s.Name
	if name == "" {
		name = s.ID
	}
	lines := []string{name}
	var info []string
	if s.Stage != 0 {
		info = append(info, "【"+s.Stage.Label()+"】")
	}
	if s.Post != "" {
		info = append(info, s.Post)
	}
	if s.Days > 0 {
		info = append(info, strconv.Itoa(s.Days)+"个工作日")
	}
	if len(info) > 0 {
		lines = append(lines, strings.Join(info, " "))
	}
	for _, k := range risks {
		l := "风险点 " + k.ID
		if lv := effectiveLevel(&k); levels.Named(lv) {
			l += "（" + lv.Label() + "）"
		}
		lines = append(lines, l)
	}
	return lines
}

// DOT renders the flowchart in the Graphviz DOT language: start and end
// steps as ovals, gateways as diamonds, tasks as rounded boxes, each labelled
// with its name, stage, post and working days. The risks given that sit on
// this flow's steps are listed on their steps, and each such step is filled
// by its highest level: red for high (一级), orange for medium (二级), yellow
// for low (三级). The flow's title (its Name, else its ID) heads the chart,
// with, when some step is coloured, a legend (图例) of the colours used.
// Steps and edges come out in declaration order, so the
// output is deterministic. An edge naming no step is drawn to a bare node.
//
// Render it with `dot -Tpng` (a font with Chinese glyphs must be installed).
// It panics if f is nil.
func (f *Flow) DOT(risks ...Risk) string {
	mustFlow(f, "DOT")
	on, top := f.stepRisks(risks)
	var b strings.Builder
	b.WriteString("digraph " + dotQuote(f.ID) + " {\n")
	title := f.Name
	if title == "" {
		title = f.ID
	}
	b.WriteString("\tgraph [label=" + dotGraphLabel(title, legendLevels(top)) + ", labelloc=t, fontname=\"sans-serif\", fontsize=16];\n")
	b.WriteString("\tnode [fontname=\"sans-serif\", fontsize=11, shape=box, style=\"rounded\"];\n")
	b.WriteString("\tedge [fontname=\"sans-serif\", fontsize=10];\n")
	for i := range f.Steps {
		s := &f.Steps[i]
		attrs := []string{"label=" + dotQuote(strings.Join(stepLines(s, on[s.ID]), "\n"))}
		switch s.Kind {
		case Start, End:
			attrs = append(attrs, "shape=oval")
		case Gateway:
			attrs = append(attrs, "shape=diamond")
		}
		if l, ok := top[s.ID]; ok {
			st := styleOf(l)
			style := "rounded,filled"
			if s.Kind != Task && s.Kind != 0 {
				style = "filled"
			}
			attrs = append(attrs, "style="+dotQuote(style), "fillcolor="+dotQuote(st.fill), "color="+dotQuote(st.stroke), "penwidth=2")
		}
		b.WriteString("\t" + dotQuote(s.ID) + " [" + strings.Join(attrs, ", ") + "];\n")
	}
	for _, e := range f.Edges {
		b.WriteString("\t" + dotQuote(e.From) + " -> " + dotQuote(e.To))
		if e.Label != "" {
			b.WriteString(" [label=" + dotQuote(e.Label) + "]")
		}
		b.WriteString(";\n")
	}
	b.WriteString("}\n")
	return b.String()
}

// dotQuote quotes s as a DOT string: backslashes and quotes escaped, line
// breaks as \n, '&' as "&amp;" (Graphviz decodes character entities in a
// label, so "&lt;" would show as '<'), and the characters that XML has no
// place for left out, as [dotHTML] leaves them (a NUL is a syntax error).
func dotQuote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '&':
			b.WriteString("&amp;")
		case '\r':
		default:
			if xmlChar(r) >= 0 {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// Mermaid renders the flowchart as a Mermaid flowchart (top to bottom), the
// same content as [Flow.DOT]: the flow's title, in the front matter, above
// the chart; start and end steps as stadiums, gateways as
// rhombi, risk points listed on their steps and coloured by level through
// the classes high, medium and low, with a legend (a subgraph 图例) of the
// colours used. Node IDs are generated (s0, s1, … in
// declaration order) so that any step ID is safe, and every ID, name, post
// and label is written with Mermaid's entity codes (#quot;, #lt;, #35;, …)
// for the characters that Mermaid or HTML would read as markup, so it shows
// exactly as written and never becomes Mermaid syntax, a directive or HTML;
// a line break in it shows as one. The title shows as written too, on one
// line (a line break as a space): it is a YAML string with \x escapes, and
// '&', '<', '>', '¶' and 'ﬂ' in the form Mermaid's own pass over its SVG
// turns into character references ("ﬂ°°38¶ß" for '&'), which a reader of
// the front matter other than Mermaid shows as it stands. The output is
// deterministic. It panics if f is nil.
func (f *Flow) Mermaid(risks ...Risk) string {
	mustFlow(f, "Mermaid")
	on, top := f.stepRisks(risks)
	var b strings.Builder
	title := f.Name
	if title == "" {
		title = f.ID
	}
	b.WriteString(mermaidFrontMatter(title))
	b.WriteString("%% " + mermaidComment(f.ID) + " " + mermaidComment(title) + "\n")
	b.WriteString("flowchart TD\n")
	ids := make(map[string]string, len(f.Steps))
	for i := range f.Steps {
		if _, ok := ids[f.Steps[i].ID]; !ok {
			ids[f.Steps[i].ID] = "s" + strconv.Itoa(i)
		}
	}
	extra := 0
	node := func(id string) string {
		if n, ok := ids[id]; ok {
			return n
		}
		n := "x" + strconv.Itoa(extra)
		extra++
		ids[id] = n
		b.WriteString("    " + n + "[" + mermaidQuote(id) + "]\n")
		return n
	}
	class := map[Level][]string{}
	for i := range f.Steps {
		s := &f.Steps[i]
		n := "s" + strconv.Itoa(i)
		label := mermaidQuote(strings.Join(stepLines(s, on[s.ID]), "\n"))
		switch s.Kind {
		case Start, End:
			b.WriteString("    " + n + "([" + label + "])\n")
		case Gateway:
			b.WriteString("    " + n + "{" + label + "}\n")
		default:
			b.WriteString("    " + n + "[" + label + "]\n")
		}
		if l, ok := top[s.ID]; ok && ids[s.ID] == n {
			class[l] = append(class[l], n)
		}
	}
	for _, e := range f.Edges {
		from, to := node(e.From), node(e.To)
		if mermaidEscaper.Replace(e.Label) != "" {
			b.WriteString("    " + from + " -->|" + mermaidQuote(e.Label) + "| " + to + "\n")
		} else {
			b.WriteString("    " + from + " --> " + to + "\n")
		}
	}
	mermaidLegend(&b, legendLevels(top), class)
	for _, l := range []Level{High, Medium, Low, 0} {
		if len(class[l]) == 0 {
			continue
		}
		name := l.String()
		if l == 0 {
			name = "risk"
		}
		st := styleOf(l)
		b.WriteString("    classDef " + name + " fill:" + st.fill + ",stroke:" + st.stroke + ",stroke-width:2px\n")
		b.WriteString("    class " + strings.Join(class[l], ",") + " " + name + "\n")
	}
	return b.String()
}

// mermaidEscaper turns text into Mermaid label text that reads as itself.
// Mermaid decodes entity codes (#name; and #digits;) in labels, then draws
// them as HTML, so every character that could start markup becomes an entity
// code: '#' (or "#lt;" would read as '<'), '"' (it ends the string), '&', '<'
// and '>' (or "<b>" would be bold and "<img …>" an image), '`' (a string
// wrapped in backticks would be Markdown) and '%' (Mermaid reads "%%{" as a
// directive anywhere in the text, even inside a label or a comment). Mermaid
// also rewrites text of its own before it parses and after it draws: it
// cuts the last ';' of a line where "style" or "classDef" comes before a ':'
// that a '#' follows with no space between, which would spoil the line's
// last entity code, so ':' is one; and it turns "¶ß" into ';' and "ﬂ°"
// into '&' in what it draws, so '¶' and 'ﬂ' are too. Line breaks become
// <br/>, the one piece of markup the output means.
var mermaidEscaper = strings.NewReplacer(
	"#", "#35;",
	`"`, "#quot;",
	"&", "#amp;",
	"<", "#lt;",
	">", "#gt;",
	"`", "#96;",
	"%", "#37;",
	":", "#58;",
	"¶", "#182;",
	"ﬂ", "#64258;",
	"\r", "",
	"\n", "<br/>",
)

// mermaidQuote quotes s as a Mermaid label, escaped by mermaidEscaper. An
// empty label is quoted as a space: Mermaid rejects "" as a syntax error.
func mermaidQuote(s string) string {
	s = mermaidEscaper.Replace(s)
	if s == "" {
		s = " "
	}
	return `"` + s + `"`
}

// mermaidComment makes s safe on a Mermaid comment line: one line, escaped
// like a label so that no "%%{" directive can form.
func mermaidComment(s string) string {
	return mermaidEscaper.Replace(oneLine(s))
}

func oneLine(s string) string {
	return strings.NewReplacer("\r", " ", "\n", " ").Replace(s)
}
