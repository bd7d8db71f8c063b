package reason

import (
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestAppendQuoted checks that appendQuoted writes what strconv.AppendQuote
// writes: for ASCII, Chinese, the punctuation of rule names, controls,
// quotes, invalid UTF-8 and runes to escape, alone and in runs of every
// length around the 8-byte word it checks at once.
func TestAppendQuoted(t *testing.T) {
	pieces := []string{"", "a", "on time, quality ≥ 4", "quality 1–2", "占道经营", "违章搭建（夜间）", "《条例》第三十六条",
		`say "hi"`, `back\slash`, "tab\there", "new\nline", "\x7f", "\xff", "\xe4\xb8", "\xed\xa0\x80", "\u00a0", "\u3000",
		"\u2028", "\ufeff", "\U0001F600", "ｶﾅ", "ひらがな・カタカナ", "x\u0301", "\u200b", "𠀀", "\u4dbf\u4dc0", "\u9fff\ua000"}
	for _, a := range pieces {
		for _, b := range pieces {
			for n := range 18 {
				s := a + strings.Repeat("x", n) + b
				want := strconv.AppendQuote([]byte("x"), s)
				if got := appendQuoted([]byte("x"), s); string(got) != string(want) {
					t.Errorf("appendQuoted(%q) = %s, want %s", s, got, want)
				}
			}
		}
	}
}

// TestPrintable3 checks every rune of printable3 against strconv.IsPrint
// and its 3-byte encoding, so that the fast path of appendQuoted agrees
// with strconv on the Unicode tables of the Go it is built with.
func TestPrintable3(t *testing.T) {
	for _, p := range printable3 {
		for r := p[0]; r <= p[1]; r++ {
			if !strconv.IsPrint(r) || utf8.RuneLen(r) != 3 {
				t.Fatalf("rune %U of printable3 is not a printable 3-byte rune", r)
			}
		}
	}
	if !isPrint3(cjkFirst) || !isPrint3(cjkLast) || isPrint3(0x3000) || isPrint3(0x2028) {
		t.Error("isPrint3 does not follow printable3")
	}
}

// FuzzAppendQuoted compares appendQuoted with strconv.AppendQuote.
func FuzzAppendQuoted(f *testing.F) {
	for _, s := range []string{"on time, quality ≥ 4", "占道经营", "a\"b", "\xff", "\u2028", "abcdefgh12345678"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := appendQuoted(nil, s), strconv.AppendQuote(nil, s); string(got) != string(want) {
			t.Errorf("appendQuoted(%q) = %s, want %s", s, got, want)
		}
	})
}
