package matters_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/qingdan/qingdan/matters"
)

// matchesNaive is Exclusion.Matches as its doc states it, written the slow
// way: for every occurrence of every phrase, find its clause by walking out
// to the breaks on each side, and look for an Allow phrase in it.
func matchesNaive(x matters.Exclusion, text string) bool {
	if x.Name == "" {
		return false
	}
	punct := func(r rune) bool { return strings.ContainsRune("，、；。,; 　\t\n", r) }
	brk := func(r rune) bool { return punct(r) || strings.ContainsRune("及和与并", r) }
	// back returns the index just after the last rune before i that isBreak.
	back := func(i int, isBreak func(rune) bool) int {
		for j := i; j > 0; {
			r, n := utf8.DecodeLastRuneInString(text[:j])
			if isBreak(r) {
				return j
			}
			j -= n
		}
		return 0
	}
	// fwd returns the index of the first rune at or after i that isBreak.
	fwd := func(i int, isBreak func(rune) bool) int {
		for j := i; j < len(text); {
			r, n := utf8.DecodeRuneInString(text[j:])
			if isBreak(r) {
				return j
			}
			j += n
		}
		return len(text)
	}
	for _, phrase := range append([]string{x.Name}, x.Also...) {
		if phrase == "" {
			continue
		}
		for i := 0; i+len(phrase) <= len(text); i++ {
			if !strings.HasPrefix(text[i:], phrase) {
				continue
			}
			s, e := back(i, brk), fwd(i+len(phrase), brk)
			if ps := back(i, punct); strings.HasPrefix(text[ps:], "为") {
				s, e = ps, fwd(i+len(phrase), punct)
			}
			allowed := false
			for _, a := range x.Allow {
				if a != "" && strings.Contains(text[s:e], a) {
					allowed = true
				}
			}
			if !allowed {
				return true
			}
		}
	}
	return false
}

// FuzzExclusionMatches holds Exclusion.Matches, which finds the clauses of
// all occurrences in one pass, to the slow reading of its doc, for text
// and phrases of valid UTF-8 (what JSON decoding gives; with bytes that
// are not, a phrase can be found inside a conjunction, and the two
// readings disagree on where its clause starts, not on whether it panics).
func FuzzExclusionMatches(f *testing.F) {
	for _, s := range []struct{ name, also, allow, text string }{
		{"招商引资", "开展招商", "落地服务", "为招商引资和技改项目提供落地服务"},
		{"招商引资", "", "落地服务", "招商引资及落地服务"},
		{"招商引资", "", "落地服务", "为完成招商引资任务，做好落地服务"},
		{"征地和拆迁", "", "补偿", "做好征地和拆迁补偿，征地和拆迁"},
		{"招商", "招商引资", "银行", "招商银行和招商引资"},
		{"aa", "", "b", "aaa和aab"},
	} {
		f.Add(s.name, s.also, s.allow, s.text)
	}
	f.Fuzz(func(t *testing.T, name, also, allow, text string) {
		x := matters.Exclusion{Name: name, Also: strings.Split(also, "|"), Allow: strings.Split(allow, "|")}
		if allow == "" {
			x.Allow = nil
		}
		if got := x.Matches(text); !validUTF8(name, also, allow, text) {
			return // no panic, whatever it answers
		} else if want := matchesNaive(x, text); got != want {
			t.Errorf("%+v.Matches(%q) = %v, the doc's reading %v", x, text, got, want)
		}
	})
}

// validUTF8 reports whether every one of ss is valid UTF-8.
func validUTF8(ss ...string) bool {
	for _, s := range ss {
		if !utf8.ValidString(s) {
			return false
		}
	}
	return true
}
