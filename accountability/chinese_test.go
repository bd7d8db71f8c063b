package accountability

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// figures returns every string the values hold, walking structs, slices,
// maps and pointers: the codes, IDs and names a message may quote.
func figures(vs ...any) []string {
	var out []string
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			if s := v.String(); s != "" {
				out = append(out, s)
				if q := strconv.Quote(s); q != `"`+s+`"` {
					out = append(out, q) // as a message quotes it, escapes and all
				}
			}
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Struct:
			for i := range v.NumField() {
				walk(v.Field(i))
			}
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Map:
			for it := v.MapRange(); it.Next(); {
				walk(it.Key())
				walk(it.Value())
			}
		}
	}
	for _, v := range vs {
		walk(reflect.ValueOf(v))
	}
	return out
}

// codeWords are the Latin letters a Chinese message may hold that are no
// figure of the register: the name of the credit-code standard and the
// letters its character set leaves out (unit.creditcode says so).
var codeWords = map[string]bool{"GB": true, "I": true, "O": true, "S": true, "V": true, "Z": true}

// checkChinese reports a finding without a Chinese message, or one whose
// Chinese message holds a run of Latin letters that is neither part of a
// figure (a code, ID or name taken from the register) nor a code character
// it quotes ('X'), nor one of codeWords: English that leaked in.
func checkChinese(t reporterT, f Finding, figs []string) {
	t.Helper()
	if f.Chinese == "" {
		t.Errorf("%s at %s has no Chinese message (English: %q)", f.Rule, f.Path, f.Message)
		return
	}
	isWord := func(b byte) bool {
		return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '-' || b == '_' || b == '.'
	}
	s := f.Chinese
	for i := 0; i < len(s); {
		if !isWord(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isWord(s[j]) {
			j++
		}
		word := s[i:j]
		quotedChar := j-i == 1 && i > 0 && j < len(s) && s[i-1] == '\'' && s[j] == '\''
		if strings.IndexFunc(word, func(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }) >= 0 &&
			!quotedChar && !codeWords[word] && !partOfAny(word, figs) {
			t.Errorf("%s at %s: Chinese message %q holds %q, which is no figure of the register", f.Rule, f.Path, f.Chinese, word)
		}
		i = j
	}
}

// reporterT is the part of *testing.T that checkChinese uses, so that a
// test can hand it a recorder.
type reporterT interface {
	Helper()
	Errorf(format string, args ...any)
}

// recorder is a reporterT that counts errors.
type recorder struct{ errors int }

func (*recorder) Helper()                 {}
func (r *recorder) Errorf(string, ...any) { r.errors++ }

func partOfAny(word string, figs []string) bool {
	for _, x := range figs {
		if strings.Contains(x, word) {
			return true
		}
	}
	return false
}

// TestRulesChinese runs every case of TestRules and wants each finding of
// a built-in rule to carry a Chinese message with no English in it: Latin
// letters only in the codes and IDs it quotes. Every built-in rule must
// report in some case.
func TestRulesChinese(t *testing.T) {
	reported := map[string]bool{}
	for _, tt := range ruleCases() {
		r := sound()
		tt.breakR(r)
		figs := figures(r)
		for _, f := range r.Validate() {
			reported[f.Rule] = true
			checkChinese(t, f, figs)
		}
	}
	for _, x := range Rules() {
		if !reported[x.Name] {
			t.Errorf("rule %s reported nothing in the cases of TestRules", x.Name)
		}
	}
}

// TestCheckChinese shows the check catches English in a message.
func TestCheckChinese(t *testing.T) {
	figs := []string{"F2", "d", "确定发放名单"}
	for _, zh := range []string{"", "流程图 \"F2\" 的 decision 环节", "流程图 \"F2\" has no risk point"} {
		var rec recorder
		checkChinese(&rec, Finding{Rule: "x", Message: "m", Chinese: zh}, figs)
		if rec.errors == 0 {
			t.Errorf("checkChinese passed %q", zh)
		}
	}
	var rec recorder
	checkChinese(&rec, Finding{Rule: "x", Message: "m", Chinese: `流程图 "F2" 的决定环节确定发放名单（d）没有廉政风险点，校验码 'X'，按 GB 32100`}, figs)
	if rec.errors != 0 {
		t.Errorf("checkChinese found %d faults in a sound message", rec.errors)
	}
}
