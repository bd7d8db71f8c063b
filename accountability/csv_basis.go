package accountability

// A line of a basis cell: its citations, the issuer or tag before a law's
// title, the note after it, the article and the text.

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// parseBasis reads a basis line. law is the law the line before it in
// the cell cited in book-title marks, "" if none: a line that is only an
// article ("第四十九条…") is another article of that law.
func parseBasis(l, law string) Basis {
	if t := stripNumber(l); strings.HasPrefix(t, "《") {
		l = t // "1、《法律名称》…": a numbered citation
	}
	rest, ok := strings.CutPrefix(l, "《")
	if !ok {
		if law != "" && articleRE.MatchString(l) {
			b := Basis{Law: law}
			b.Article, rest = splitArticle(l)
			b.Text = basisText(rest)
			return b
		}
		if t := stripNumber(l); strings.Contains(t, "《") {
			before, cited, _ := strings.Cut(t, "《")
			if before = strings.TrimSpace(before); isBasisPrefix(before) {
				b := parseBasis("《"+cited, law)
				b.Prefix = before
				return b
			}
		}
		return Basis{Law: l}
	}
	name, rest, ok := strings.Cut(rest, "》")
	if !ok {
		return Basis{Law: l}
	}
	b := Basis{Law: strings.TrimSpace(name)}
	rest = strings.TrimSpace(rest)
	if note, after, ok := cutNote(rest); ok {
		b.Note, rest = note, strings.TrimSpace(after)
	}
	if strings.HasPrefix(rest, "第") {
		b.Article, rest = splitArticle(rest)
	}
	b.Text = basisText(rest)
	return b
}

// splitCitations calls cite with each citation of a basis line that cites
// several one after another ("《A法》第五条：…；《B条例》第九条：…"), or
// several articles of one law ("《A法》第十六条：…。第十八条：…", the
// second of the law before it): it is split after each "；", ";" or "。"
// that stands outside parentheses and book-title marks and is followed by
// a citation with its article (see citationAt) that begins a basis of its
// own (see ownsCitation), or, where the line cites a law (see citesLaw:
// law is the one the line before cited, "" if none), by an article and a
// colon (see articleAt); "；" and ";" go with neither part, "。" with the
// one before. A line of one citation is one.
func splitCitations(l, law string, cite func(string)) {
	if !strings.ContainsAny(l, "；;。") {
		cite(strings.TrimSpace(l)) // nothing to split at
		return
	}
	start, parens, titles := 0, 0, 0
	cites := citesLaw(l, law)
	bare := citationEnd(l) // where the citation l starts with ends, if it does (-1 if not)
	texted := false        // text follows it before the separator
	for i := 0; i < len(l); {
		r, n := utf8.DecodeRuneInString(l[i:])
		switch r {
		case '(', '（':
			parens++
		case ')', '）':
			parens = max(parens-1, 0)
		case '《':
			titles++
		case '》':
			titles = max(titles-1, 0)
		case '；', ';', '。':
			if rest := l[i+n:]; parens == 0 && titles == 0 && (ownsCitation(rest, bare >= 0 && !texted) || cites && articleAt(rest)) {
				end := i
				if r == '。' {
					end = i + n
				}
				if c := strings.TrimSpace(l[start:end]); c != "" {
					cite(c)
					start, cites = i+n, true // what follows cites a law
					if bare = citationEnd(rest); bare >= 0 {
						bare += start
					}
					texted = false
					i += n
					continue
				}
			}
		}
		if bare >= 0 && i >= bare && !unicode.IsSpace(r) {
			texted = true
		}
		i += n
	}
	cite(strings.TrimSpace(l[start:]))
}

// ownsCitation reports whether s, after a separator of splitCitations,
// begins with a citation and its article (see citationAt) that is a basis of
// its own, not a law the text before it names: one numbered ("2、《…》"),
// one after a citation with no text of its own (bare: "《A》第五条；《B》
// 第九条…"), or one whose article a colon, a separator, white space (as
// lists write "第三十九条 条文") or the end of the line follows
// ("…；《B》第九条：…", "…；《B》第九条 …", "…；《B》第九条"). "依照《B法》
// 第九条处罚；《C法》第三十三条规定的情形除外" is one basis.
func ownsCitation(s string, bare bool) bool {
	numbered, after, ok := citationAt(s)
	if !ok {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(after); unicode.IsSpace(r) {
		return true
	}
	t := strings.TrimSpace(after)
	r, _ := utf8.DecodeRuneInString(t)
	return numbered || bare || t == "" || strings.ContainsRune("：:；;。", r)
}

// citationEnd is where in l the citation and article l starts with end
// (see citationAt), or -1 if l starts with none.
func citationEnd(l string) int {
	if _, after, ok := citationAt(l); ok {
		return len(l) - len(after)
	}
	return -1
}

// citesLaw reports whether basis line l cites a law that an article after
// it belongs to: in book-title marks, after a number, an issuer or a tag
// (see parseBasis), or, where law is the one the line before cited, as an
// article of that law.
func citesLaw(l, law string) bool {
	if law != "" && articleRE.MatchString(l) {
		return true
	}
	before, _, ok := strings.Cut(stripNumber(l), "《")
	return ok && (before == "" || isBasisPrefix(strings.TrimSpace(before)))
}

// articleAt reports whether s begins, after white space, with an article
// and a colon ("第十八条第二款：", "第五条、第六条:"). Like citationAt, it
// reads no separator of splitCitations.
func articleAt(s string) bool {
	s = strings.TrimSpace(s)
	m := leadingArticlesRE.FindString(s)
	return m != "" && (strings.HasPrefix(s[len(m):], "：") || strings.HasPrefix(s[len(m):], ":"))
}

// citationAt reports whether s begins with a citation and its article,
// after white space and a number: "《…》第九条", "2、《…》（注）第九条";
// whether it is numbered, and what follows the article, a suffix of s.
// The text it reads of s is a title, a note and an article, in which
// splitCitations finds no separator: that keeps splitting a line linear in
// its length.
func citationAt(s string) (numbered bool, after string, ok bool) {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	if m := numbering.FindStringIndex(s); m != nil {
		s, numbered = s[m[1]:], true
	}
	rest, ok := strings.CutPrefix(s, "《")
	if !ok {
		return false, "", false
	}
	if _, rest, ok = strings.Cut(rest, "》"); !ok {
		return false, "", false
	}
	rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
	if _, after, ok := cutNote(rest); ok {
		rest = strings.TrimLeftFunc(after, unicode.IsSpace)
	}
	m := leadingArticlesRE.FindString(rest)
	if m == "" {
		return false, "", false
	}
	return numbered, rest[len(m):], true
}

// isBasisPrefix reports whether s, the text before a law's title, is a tag
// of the law's rank ("【法律】"), an issuer, or a tag and then an issuer. An
// issuer is one body ("外交部", "国家林业和草原局", "全国人大常委会") or
// several, joint, with white space or "、" between them ("中共中央办公厅
// 国务院办公厅"): up to 60 characters in all, each body's name of 2 to 30
// Chinese characters, ending as a body's name ends (see isBody).
func isBasisPrefix(s string) bool {
	if rest, ok := strings.CutPrefix(s, "【"); ok {
		tag, after, ok := strings.Cut(rest, "】")
		if !ok || tag == "" || strings.Contains(tag, "【") {
			return false
		}
		if s = strings.TrimSpace(after); s == "" {
			return true
		}
	}
	if utf8.RuneCountInString(s) > 60 {
		return false
	}
	for _, part := range strings.Split(s, "、") {
		bodies := strings.Fields(part)
		for _, b := range bodies {
			if !isBody(b) {
				return false
			}
		}
		if len(bodies) == 0 {
			return false // "外交部、《…》": a list cut short
		}
	}
	return true
}

// bodyEnds are the ends of bodies' names: of organs (部, 委, 会, 局, 署,
// 院, 厅, 办, 室, 府, 司, 中心, 银行), of the Party's centre (中共中央), of
// congresses (全国人大) and of federations (中国残联).
var bodyEnds = []string{"部", "委", "会", "局", "署", "院", "厅", "办", "室", "府", "司", "中心", "银行", "中央", "人大", "联"}

// notBodies are the verbs and phrases that end as a body's name does
// (签署, 承办, 以人民为中心): a name ending in one is a clause, not a body.
var notBodies = []string{"签署", "部署", "承办", "督办", "交办", "代办", "协办", "照办", "主办", "举办", "查办", "转办", "领会", "体会", "开会", "为中心"}

// clauseStarts are the words a clause that cites a law begins with, as
// no body's name does: in accordance with (根据, 依照, …) or carrying out
// (贯彻, 落实, 遵照, 遵循: "贯彻落实党中央《…》").
var clauseStarts = []string{"根据", "依据", "依照", "按照", "参照", "贯彻", "落实", "遵照", "遵循"}

// isBody reports whether s is a body's name: 2 to 30 Chinese characters,
// ending as a body's name ends (bodyEnds) and not in a verb (执行, 施行,
// 签署: notBodies), and not beginning as a clause does (clauseStarts).
func isBody(s string) bool {
	if n := utf8.RuneCountInString(s); n < 2 || n > 30 {
		return false
	}
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	for _, w := range clauseStarts {
		if strings.HasPrefix(s, w) {
			return false
		}
	}
	suffix := func(w string) bool { return strings.HasSuffix(s, w) }
	return slices.ContainsFunc(bodyEnds, suffix) && !slices.ContainsFunc(notBodies, suffix)
}

// cutNote cuts a note in parentheses, "(…)" or "（…）", from the start of
// s: the text up to the parenthesis that closes the first, counting the
// parentheses of either width inside it, and what follows. ok is false if
// s does not start with a parenthesis or the first is never closed.
func cutNote(s string) (note, after string, ok bool) {
	open, n := utf8.DecodeRuneInString(s)
	if open != '(' && open != '（' {
		return "", s, false
	}
	depth := 0
	for i, r := range s {
		switch r {
		case '(', '（':
			depth++
		case ')', '）':
			if depth--; depth == 0 {
				return s[n:i], s[i+utf8.RuneLen(r):], true
			}
		}
	}
	return "", s, false
}

// The numbers of articles, bare or in parentheses (第（二）项), and an
// article: 第三十一条, 第十五条第一款, 第二十条之一第三项; articles lists
// them, as in 第五条、第六条.
const articleNum = `(?:[0-9一二三四五六七八九十百千零〇两]+|[（(][0-9一二三四五六七八九十百千零〇两]+[)）])`

var (
	articleRE  = regexp.MustCompile(`^第` + articleNum + `条(?:之` + articleNum + `)?(?:第` + articleNum + `款)?(?:第` + articleNum + `项)?`)
	articlesRE = regexp.MustCompile(`^第` + articleNum + `[条款项](?:(?:之|[、，,和及至]?第)` + articleNum + `[条款项]?)*$`)
	// leadingArticlesRE is the list of articles at the start of a text
	// that follows with no colon ("第五条、第六条规定…"); each one after
	// the first is whole, so that "第三十一条第一次…" is 第三十一条.
	leadingArticlesRE = regexp.MustCompile(`^第` + articleNum + `条(?:之` + articleNum + `|[、，,和及至]?第` + articleNum + `[条款项])*`)
)

// splitArticle splits s, which begins with 第, into its article and the
// rest: the article runs to the first colon or space when what comes
// before it is articles ("第五条、第六条："), else it is the articles at the
// start ("第三十一条从事…", "第五条、第六条规定…", a text with no colon);
// failing both, it runs to
// the colon or space, or is the whole of s.
func splitArticle(s string) (article, rest string) {
	i := strings.IndexAny(s, "：: 　")
	if i < 0 {
		i = len(s)
	}
	if articlesRE.MatchString(s[:i]) {
		return s[:i], s[i:]
	}
	if m := leadingArticlesRE.FindString(s); m != "" {
		return m, s[len(m):]
	}
	return s[:i], s[i:]
}

// basisText is a basis's text, rest after its article: without the colon,
// comma and white space (tabs too) that part it from the article.
func basisText(rest string) string {
	return strings.TrimSpace(strings.TrimLeftFunc(rest, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("：:,，", r)
	}))
}
