package accountability

import (
	"html"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/golden"
)

func TestRenderGolden(t *testing.T) {
	r := sound()
	for _, f := range r.Flows {
		golden.Check(t, "testdata/flow-"+f.ID+".dot", []byte(f.DOT(r.Risks...)), *update)
		golden.Check(t, "testdata/flow-"+f.ID+".mmd", []byte(f.Mermaid(r.Risks...)), *update)
	}
}

func TestRenderEscapes(t *testing.T) {
	f := Flow{ID: `F"1`, Name: "名\n称", Steps: []Step{
		{ID: `a"b`, Name: `say "hi" \ bye`, Kind: Start},
		{ID: "c", Name: "line1\nline2", Kind: Gateway, Stage: Decision, Post: "岗", Days: 2},
	}, Edges: []Edge{{From: `a"b`, To: "c", Label: `"yes"`}, {From: "c", To: "ghost"}}}
	risks := []Risk{{ID: "R", Flow: `F"1`, Step: "c", Level: High}, {ID: "other flow", Flow: "G", Step: "c", Level: Low}}
	dot := f.DOT(risks...)
	for _, want := range []string{
		`digraph "F\"1" {`,
		`"a\"b" [label="say \"hi\" \\ bye", shape=oval];`,
		`"c" [label="line1\nline2\n【决定】 岗 2个工作日\n风险点 R（一级）", shape=diamond, style="filled", fillcolor="#f8cecc", color="#b85450", penwidth=2];`,
		`"a\"b" -> "c" [label="\"yes\""];`,
		`"c" -> "ghost";`,
		`graph [label=<<table border="0" cellspacing="4" cellpadding="4"><tr><td colspan="2">名<br/>称</td></tr><tr><td><font point-size="11">图例</font></td><td border="2" bgcolor="#f8cecc" color="#b85450"><font point-size="11">一级风险点</font></td></tr></table>>`,
	} {
		if !strings.Contains(dot, want) {
			t.Errorf("DOT() lacks %s:\n%s", want, dot)
		}
	}
	if strings.Contains(dot, "other flow") {
		t.Errorf("DOT() shows a risk of another flow:\n%s", dot)
	}
	mm := f.Mermaid(risks...)
	for _, want := range []string{
		"%% F#quot;1 名 称\n",
		`s0(["say #quot;hi#quot; \ bye"])`,
		`s1{"line1<br/>line2<br/>【决定】 岗 2个工作日<br/>风险点 R（一级）"}`,
		`s0 -->|"#quot;yes#quot;"| s1`,
		`x0["ghost"]`,
		"class s1,l0 high\n",
		"---\ntitle: \"名 称\"\n---\n",
		"    subgraph legend[\"图例\"]\n        l0[\"一级风险点\"]\n    end\n",
	} {
		if !strings.Contains(mm, want) {
			t.Errorf("Mermaid() lacks %s:\n%s", want, mm)
		}
	}
	if a, b := f.DOT(risks...), f.DOT(risks...); a != b {
		t.Error("DOT() is not deterministic")
	}
}

// TestDOTGraphvizText pins the DOT of names that Graphviz would not draw
// as written. Before: Graphviz decodes character entities in every label,
// so "&amp;" showed as '&' and "&#20013;" as 中; a NUL in a label was a
// syntax error that lost the whole chart; and a control character in the
// title made its HTML-like label no well-formed XML, which dropped it for
// the graph's ID, and a backslash in the title began an escape (\G showed
// the graph's ID, \\ one backslash). Checked with Graphviz 2.43 (dot -Tsvg): every label
// below shows as written, the control characters left out.
func TestDOTGraphvizText(t *testing.T) {
	f := Flow{ID: "F", Name: `标题\G\\` + "\x01&amp;\x00\ufffe", Steps: []Step{
		{ID: "a&amp;", Name: "AT&amp;T &lt;b&gt; &#20013; & x", Kind: Start},
		{ID: "b", Name: "x\x00y\x01z\r\nw"},
	}, Edges: []Edge{{From: "a&amp;", To: "b", Label: "&quot;是&quot;"}, {From: "b", To: "c&lt;"}}}
	dot := f.DOT(Risk{ID: "R", Flow: "F", Step: "b", Level: Low})
	for _, want := range []string{
		`"a&amp;amp;" [label="AT&amp;amp;T &amp;lt;b&amp;gt; &amp;#20013; &amp; x", shape=oval];`,
		`"b" [label="xyz\nw\n风险点 R（三级）", style="rounded,filled", fillcolor="#fff2cc", color="#d6b656", penwidth=2];`,
		`"a&amp;amp;" -> "b" [label="&amp;quot;是&amp;quot;"];`,
		`"b" -> "c&amp;lt;";`,
		`<td colspan="2">标题\\G\\\\&amp;amp;</td>`,
	} {
		if !strings.Contains(dot, want) {
			t.Errorf("DOT() lacks %s:\n%s", want, dot)
		}
	}
}

// TestDocsFlowExample keeps docs/flow-example.dot, the source of
// docs/flow-example.png, equal to what DOT renders for the penalty flow.
// After -update, re-render the PNG: dot -Tpng docs/flow-example.dot -o docs/flow-example.png
func TestDocsFlowExample(t *testing.T) {
	r := sound()
	golden.Check(t, "../docs/flow-example.dot", []byte(r.Flows[0].DOT(r.Risks...)), *update)
}

// TestMermaidHostile pins the exact Mermaid text for names, IDs and labels
// that Mermaid or the HTML label would otherwise read as markup. Each case
// was rendered with mermaid-cli 11 (mmdc) and checked by eye: every step and
// edge drawn, every label shown as written, no syntax error.
func TestMermaidHostile(t *testing.T) {
	tests := []struct {
		name  string
		flow  Flow
		risks []Risk
		want  string
	}{
		{
			// Before: <b> was drawn bold, <img …> as an image, and the
			// entity codes in the text were decoded ("#35;" showed '#').
			name: "html and entity codes",
			flow: Flow{ID: "F", Steps: []Step{
				{ID: "a", Name: "<b>bold</b> <img src=x onerror=alert(1)>", Kind: Start},
				{ID: "b", Name: "#quot; #35; #9829; &amp; &lt;b&gt;", Kind: End},
			}, Edges: []Edge{{From: "a", To: "b", Label: "<i>yes</i> & #lt;"}}},
			want: "---\ntitle: \"F\"\n---\n%% F F\nflowchart TD\n" +
				"    s0([\"#lt;b#gt;bold#lt;/b#gt; #lt;img src=x onerror=alert(1)#gt;\"])\n" +
				"    s1([\"#35;quot; #35;35; #35;9829; #amp;amp; #amp;lt;b#amp;gt;\"])\n" +
				"    s0 -->|\"#lt;i#gt;yes#lt;/i#gt; #amp; #35;lt;\"| s1\n",
		},
		{
			// Before: a label wrapped in backticks was drawn as Markdown
			// (bold, backticks gone).
			name: "markdown backticks",
			flow: Flow{ID: "F", Steps: []Step{{ID: "a", Name: "`md **bold**`"}, {ID: "b", Name: "`"}},
				Edges: []Edge{{From: "a", To: "b", Label: "`x`"}}},
			want: "---\ntitle: \"F\"\n---\n%% F F\nflowchart TD\n" +
				"    s0[\"#96;md **bold**#96;\"]\n" +
				"    s1[\"#96;\"]\n" +
				"    s0 -->|\"#96;x#96;\"| s1\n",
		},
		{
			// Before: "%%{init: …}%%" in the flow's name (written on the
			// comment line) switched the whole chart to the dark theme, and
			// in a label it was cut out, leaving "" and a parse error.
			name: "directives",
			flow: Flow{ID: "F%%{init: {\"theme\":\"dark\"}}%%", Name: "t\n%%{init: {'theme':'dark'}}%%", Steps: []Step{
				{ID: "a", Name: "%%{init: {'theme':'dark'}}%%"},
				{ID: "b", Name: "100%"},
			}, Edges: []Edge{{From: "a", To: "b", Label: "%%{x}%%"}}},
			want: "---\ntitle: \"t \\x25\\x25{init: {'theme':'dark'}}\\x25\\x25\"\n---\n" +
				"%% F#37;#37;{init#58; {#quot;theme#quot;#58;#quot;dark#quot;}}#37;#37; t #37;#37;{init#58; {'theme'#58;'dark'}}#37;#37;\nflowchart TD\n" +
				"    s0[\"#37;#37;{init#58; {'theme'#58;'dark'}}#37;#37;\"]\n" +
				"    s1[\"100#37;\"]\n" +
				"    s0 -->|\"#37;#37;{x}#37;#37;\"| s1\n",
		},
		{
			// Before: a step with neither name nor ID came out as [""],
			// which Mermaid rejects ("Expecting 'STR' … got 'SQE'"); an
			// edge label of only "\r" would have been |""|.
			name: "empty labels",
			flow: Flow{Steps: []Step{{Kind: Start}, {ID: "b", Name: "\r", Kind: Gateway}},
				Edges: []Edge{{From: "", To: "b", Label: "\r"}, {From: "b", To: "", Label: ""}}},
			want: "---\ntitle: \"\"\n---\n%%  \nflowchart TD\n" +
				"    s0([\" \"])\n" +
				"    s1{\" \"}\n" +
				"    s0 --> s1\n" +
				"    s1 --> s0\n",
		},
		{
			// Before: Mermaid, before it parses a chart, cuts the last ';'
			// from any line where "style" or "classDef" comes before a ':'
			// that a '#' follows with no space between, so that the last
			// entity code of these labels showed as written ("style:"x#quot");
			// and after drawing it turns every "¶ß" into ';' and "ﬂ°" into
			// '&'. Checked with mermaid 11.17 (parsed under node with
			// jsdom, then decoded as it decodes its SVG).
			name: "mermaid's own entity pass",
			flow: Flow{ID: "F", Steps: []Step{
				{ID: "a", Name: `style:"x"`, Kind: Start},
				{ID: "b", Name: "a¶ßb ﬂ°amp¶ß", Kind: End},
			}, Edges: []Edge{{From: "a", To: "b", Label: "classDef x:<b>"}}},
			want: "---\ntitle: \"F\"\n---\n%% F F\nflowchart TD\n" +
				"    s0([\"style#58;#quot;x#quot;\"])\n" +
				"    s1([\"a#182;ßb #64258;°amp#182;ß\"])\n" +
				"    s0 -->|\"classDef x#58;#lt;b#gt;\"| s1\n",
		},
		{
			// Verified right before the fix and pinned: Mermaid syntax in a
			// quoted label, keyword step IDs, Chinese punctuation and line
			// breaks all render as written.
			name: "syntax, keywords and Chinese punctuation",
			flow: Flow{ID: "end", Name: "流程", Steps: []Step{
				{ID: "end", Name: "brackets [x] (y) {z} ([w]) {{u}} >t] ((r))", Kind: Start},
				{ID: "subgraph", Name: "pipe | semi ; -->|x| s0 ; click s0 call alert()"},
				{ID: "click", Name: "中文标点：，。；“引号”「」（括号）【方括号】《书名》、…—！？"},
				{ID: "style", Name: "line1\r\nline2\nline3", Kind: End},
			}, Edges: []Edge{
				{From: "end", To: "subgraph", Label: "end"},
				{From: "subgraph", To: "click", Label: `say "yes" | no`},
				{From: "click", To: "style", Label: "a\nb"},
				{From: "style", To: "class [x] \"y\""},
			}},
			risks: []Risk{{ID: "R<1>", Flow: "end", Step: "click", Level: Medium}},
			want: "---\ntitle: \"流程\"\n---\n%% end 流程\nflowchart TD\n" +
				"    s0([\"brackets [x] (y) {z} ([w]) {{u}} #gt;t] ((r))\"])\n" +
				"    s1[\"pipe | semi ; --#gt;|x| s0 ; click s0 call alert()\"]\n" +
				"    s2[\"中文标点：，。；“引号”「」（括号）【方括号】《书名》、…—！？<br/>风险点 R#lt;1#gt;（二级）\"]\n" +
				"    s3([\"line1<br/>line2<br/>line3\"])\n" +
				"    s0 -->|\"end\"| s1\n" +
				"    s1 -->|\"say #quot;yes#quot; | no\"| s2\n" +
				"    s2 -->|\"a<br/>b\"| s3\n" +
				"    x0[\"class [x] #quot;y#quot;\"]\n" +
				"    s3 --> x0\n" +
				"    subgraph legend[\"图例\"]\n" +
				"        l0[\"二级风险点\"]\n" +
				"    end\n" +
				"    classDef medium fill:#ffe6cc,stroke:#d79b00,stroke-width:2px\n" +
				"    class s2,l0 medium\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.flow.Mermaid(tt.risks...)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Mermaid() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestRenderTitle checks the title of a flow with no risk point (no
// legend), and a title of markup and escapes in both formats: in DOT's
// HTML-like label as entities, in Mermaid's front matter as \x escapes.
// Checked with mermaid 11 (mermaid.parse under node with jsdom, and the
// front-matter regexp and YAML loader it bundles): every chart with its
// front matter and legend parses, the hostile titles decode to exactly
// themselves, and no directive is read from them. The DOT was drawn with
// Graphviz 2.43 (docs/flow-example.png).
func TestRenderTitle(t *testing.T) {
	plain := Flow{ID: "F", Name: "流程", Steps: []Step{{ID: "a", Kind: Start}}}
	if got, want := plain.DOT(), "\tgraph [label=\"流程\", labelloc=t"; !strings.Contains(got, want) {
		t.Errorf("DOT() of a flow with no risk lacks %s:\n%s", want, got)
	}
	if got := plain.Mermaid(); !strings.HasPrefix(got, "---\ntitle: \"流程\"\n---\n%% F 流程\nflowchart TD\n") || strings.Contains(got, "legend") {
		t.Errorf("Mermaid() of a flow with no risk:\n%s", got)
	}
	hostile := Flow{ID: "F", Name: "<b>\"&#lt;%%{init: {}}%%`\\\t</b>\r\n二行", Steps: []Step{{ID: "a", Kind: Start}}}
	risk := Risk{ID: "R", Flow: "F", Step: "a"}
	// Graphviz drops a tab from an HTML-like label (as a character or as
	// &#9;; checked with Graphviz 2.43), so the title has a space for it.
	if got, want := hostile.DOT(risk), `<td colspan="2">&lt;b&gt;&quot;&amp;#lt;%%{init: {}}%%`+"`\\\\ "+`&lt;/b&gt;<br/>二行</td>`; !strings.Contains(got, want) {
		t.Errorf("DOT() lacks %s:\n%s", want, got)
	}
	if got, want := hostile.Mermaid(risk), "---\ntitle: \"ﬂ°°60¶ßbﬂ°°62¶ß\\x22ﬂ°°38¶ß\\x23lt;\\x25\\x25{init: {}}\\x25\\x25\\x60\\x5c\\x09ﬂ°°60¶ß/bﬂ°°62¶ß  二行\"\n---\n"; !strings.HasPrefix(got, want) {
		t.Errorf("Mermaid() does not start with %s:\n%s", want, got)
	}
	if got, want := hostile.Mermaid(risk), "        l0[\"未定级风险点\"]\n"; !strings.Contains(got, want) {
		t.Errorf("Mermaid() lacks %s:\n%s", want, got)
	}
	// Before: Mermaid sanitizes the title as HTML, so '&' showed as
	// "&amp;" and a tag could be cut, and it turns "¶ß" into ';' and "ﬂ°"
	// into '&' in the SVG it draws. Checked with mermaid 11.17 (rendered
	// under node with jsdom, the title's SVG text read back): these titles
	// show as written.
	// Before: C1 controls, U+FFFE and U+FFFF were written as they are, and
	// YAML allows none in a stream: Mermaid's loader (js-yaml) refused
	// the front matter, and so the chart.
	for _, title := range []string{"a & b ¶ß ﬂ°amp¶ß ﬂ°°38¶ß", `<img src=x onerror=alert(1)>`, "¶ßß°ﬂ°°", "a\u0080b\u0085c\u009fd\ufffee\uffff"} {
		fm := mermaidFrontMatter(title)
		if got, ok := mermaidShownTitle(fm); !ok || got != title {
			t.Errorf("mermaidFrontMatter(%q) = %q, shown as %q", title, fm, got)
		}
	}
	if got, want := mermaidFrontMatter("¶ß&ﬂ°"), "---\ntitle: \"ﬂ°°182¶ßßﬂ°°38¶ßﬂ°°64258¶ß°\"\n---\n"; got != want {
		t.Errorf("mermaidFrontMatter(¶ß&ﬂ°) = %q, want %q", got, want)
	}
}

// mermaidShownTitle returns the title Mermaid shows for front matter fm,
// as mermaid 11 reaches it: the YAML string's \x escapes decoded; the
// title sanitized as HTML (DOMPurify), which leaves it as it is only if it
// holds no '&', '<' or '>'; drawn as SVG text (which writes '&', '<' and
// '>' as entities); then Mermaid's own pass over the SVG ("ﬂ°°" to "&#",
// "ﬂ°" to '&', "¶ß" to ';'); then the SVG's entities decoded. ok is false
// if fm is not one quoted title line, or the title is one the sanitizer
// would read as HTML.
func mermaidShownTitle(fm string) (string, bool) {
	line, ok := strings.CutPrefix(fm, "---\ntitle: \"")
	line, ok2 := strings.CutSuffix(line, "\"\n---\n")
	if !ok || !ok2 {
		return "", false
	}
	if yamlUnprintable(line) >= 0 {
		return "", false
	}
	var b strings.Builder
	for i := 0; i < len(line); i++ {
		if line[i] == '\\' && i+1 < len(line) && (line[i+1] == 'x' || line[i+1] == 'u') {
			w := 2 // \xXX is U+00XX; \uXXXX is U+XXXX
			if line[i+1] == 'u' {
				w = 4
			}
			if i+1+w >= len(line) {
				return "", false
			}
			n, err := strconv.ParseUint(line[i+2:i+2+w], 16, 32)
			if err != nil {
				return "", false
			}
			b.WriteRune(rune(n))
			i += 1 + w
			continue
		}
		b.WriteByte(line[i])
	}
	if strings.ContainsAny(b.String(), "&<>") {
		return "", false
	}
	svg := html.EscapeString(b.String())
	svg = strings.NewReplacer("ﬂ°°", "&#", "ﬂ°", "&", "¶ß", ";").Replace(svg)
	return html.UnescapeString(svg), true
}

// yamlUnprintable returns the index of the first character in s that
// YAML does not allow in a stream (outside the printable set: C0 controls
// but tab, line feed and carriage return, DEL, C1 controls but NEL, and
// U+FFFE and U+FFFF), or -1. Mermaid's YAML loader (js-yaml) refuses
// front matter with one anywhere ("the stream contains non-printable
// characters"), and the chart with it.
func yamlUnprintable(s string) int {
	for i, r := range s {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r >= 0x7f && r <= 0x9f && r != 0x85 || r == 0xfffe || r == 0xffff {
			return i
		}
	}
	return -1
}

// FuzzMermaidFrontMatter checks that no title leaves the front matter's
// one quoted line or writes a character Mermaid or HTML reads as markup,
// and that Mermaid shows every title as written, on one line.
func FuzzMermaidFrontMatter(f *testing.F) {
	for _, s := range []string{"", "流程", "a\"b", "<b>x</b>", "#quot;", "%%{init: {}}%%", "`md`", "a\r\nb", "\\x25", "¶ß ﬂ°amp¶ß", "ﬂ°°38¶ß&", "\u0080\u0085\u009f\ufffe\uffff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fm := mermaidFrontMatter(s)
		line, ok := strings.CutPrefix(fm, "---\ntitle: \"")
		line, ok2 := strings.CutSuffix(line, "\"\n---\n")
		if !ok || !ok2 {
			t.Fatalf("mermaidFrontMatter(%q) = %q: not one title line", s, fm)
		}
		if i := strings.IndexAny(line, "\"\r\n%&`<>#"); i >= 0 {
			t.Fatalf("mermaidFrontMatter(%q) = %q: raw %q", s, fm, line[i])
		}
		if i := yamlUnprintable(line); i >= 0 {
			t.Fatalf("mermaidFrontMatter(%q) = %q: %q, which YAML does not allow", s, fm, []rune(line[i:])[0])
		}
		for _, part := range strings.Split(line, `\`)[1:] {
			if !(len(part) >= 3 && part[0] == 'x' && strings.Trim(part[1:3], "0123456789abcdef") == "" ||
				len(part) >= 5 && part[0] == 'u' && strings.Trim(part[1:5], "0123456789abcdef") == "") {
				t.Fatalf("mermaidFrontMatter(%q) = %q: '\\' not starting a \\x or \\u escape", s, fm)
			}
		}
		if got, ok := mermaidShownTitle(fm); !ok || got != string([]rune(oneLine(s))) {
			t.Fatalf("mermaidFrontMatter(%q) = %q: shown as %q", s, fm, got)
		}
	})
}

// FuzzMermaidQuote checks that no text can leave a Mermaid label: the
// quoted label is never empty and holds no quote, line break, '%', '&',
// '`', ':', '¶', 'ﬂ', '>' or '<' other than the <br/> of a line break, and
// every '#' starts one of our entity codes.
func FuzzMermaidQuote(f *testing.F) {
	for _, s := range []string{"", "a\"b", "<b>x</b>", "#quot;", "%%{init: {}}%%", "`md`", "a\r\nb", "中文"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := mermaidQuote(s)
		if len(q) < 3 || q[0] != '"' || q[len(q)-1] != '"' {
			t.Fatalf("mermaidQuote(%q) = %q: not a non-empty quoted string", s, q)
		}
		in := strings.ReplaceAll(q[1:len(q)-1], "<br/>", "")
		if i := strings.IndexAny(in, "\"\r\n%&`:¶ﬂ<>"); i >= 0 {
			t.Fatalf("mermaidQuote(%q) = %q: raw %q", s, q, in[i:])
		}
		for _, part := range strings.Split(in, "#")[1:] {
			ok := false
			for _, code := range []string{"35;", "quot;", "amp;", "lt;", "gt;", "96;", "37;", "58;", "182;", "64258;"} {
				ok = ok || strings.HasPrefix(part, code)
			}
			if !ok {
				t.Fatalf("mermaidQuote(%q) = %q: '#' not starting an entity code", s, q)
			}
		}
	})
}
