package accountability

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/qingdan/qingdan/internal/errtext"
)

// gb32100 is the check character of GB 32100-2015 computed from the
// standard's text, independently of CreditCheckChar: the characters are
// worth 0–30 in the order of the standard's table, the weight of position
// i (1-based) is 3^(i-1) mod 31, and the check character is worth
// 31 − (Σ mod 31), with 31 written as 0.
func gb32100(body string) byte {
	const set = "0123456789ABCDEFGHJKLMNPQRTUWXY"
	w, sum := 1, 0
	for i := 0; i < 17; i++ {
		sum += strings.IndexByte(set, body[i]) * w
		w = w * 3 % 31
	}
	c := 31 - sum%31
	if c == 31 {
		c = 0
	}
	return set[c]
}

// publicCodes are codes whose check character is public: the worked
// example of GB 32100-2015 (91350100M000100Y43) and codes that published
// registers and the check-character examples of common validators carry,
// of the three authorities a register meets most (1 机构编制, 5 民政,
// 9 工商).
var publicCodes = []string{
	"91350100M000100Y43",
	"91110105771583283D",
	"91110000802100433B",
	"91110108740084270C",
	"91110108735106340Y",
	"911101077776591113",
	"91440300359143307G",
	"91440300708461136T",
	"91110108551385082Q",
	"51610700305332460K",
	"112302070019030687",
	"11100000000013127D",
	"12100000400010275N",
}

func TestCheckCreditCodePublicExamples(t *testing.T) {
	for _, code := range publicCodes {
		if err := CheckCreditCode(code); err != nil {
			t.Errorf("CheckCreditCode(%s) = %v, want nil", code, err)
		}
		got, ok := CreditCheckChar(code[:17])
		if !ok || got != code[17] || got != gb32100(code[:17]) {
			t.Errorf("CreditCheckChar(%s) = %q, %v; the code has %q, the standard gives %q", code[:17], got, ok, code[17], gb32100(code[:17]))
		}
	}
}

// TestCheckCreditCodeDefects breaks sound codes one way per case and wants
// the error to name that part.
func TestCheckCreditCodeDefects(t *testing.T) {
	tests := []struct {
		name, code, want string
	}{
		{"17 characters", "1134018100323215X", "17 characters, want 18"},
		{"19 characters", "91350100M000100Y430", "19 characters, want 18"},
		{"empty", "", "0 characters, want 18"},
		{"full-width digit", "91350100M000100Y4３", `character 18 '３' is not in the code's set`},
		{"a Chinese character", "91350100M00全100Y43", `character 12 '全' is not in the code's set`},
		{"17 characters, one of them Chinese", "91350100M00全100Y4", "17 characters, want 18"},
		{"letter I", "91350100I000100Y43", `character 9 'I' is not in the code's set`},
		{"letter O", "9135010OM000100Y43", `character 8 'O' is not in the code's set`},
		{"letter S, V, Z", "91350100M000100S43", `character 16 'S' is not in the code's set`},
		{"lower case", "91350100m000100y43", `character 9 'm' is not in the code's set`},
		{"no authority 0", "01350100M000100Y43", `character 1 '0' is no registration authority`},
		{"no authority B", "B1350100M000100Y43", `character 1 'B' is no registration authority`},
		{"type 9 under 工商", "99350100M000100Y43", `character 2 '9' is no organisation type (机构类别代码) of authority 9 (工商)`},
		{"type 4 under 机构编制", "14350100M000100Y43", `character 2 '4' is no organisation type (机构类别代码) of authority 1 (机构编制)`},
		{"division with a letter", "913501A0M000100Y43", `characters 3–8 "3501A0"`},
		{"check character", "11340181003232157E", `check character (校验码) 'E', want 'X'`},
		{"pilot code before the standard", "91350100M0001TGQXM", `check character (校验码) 'M', want '1'`},
		{"pilot code before the standard, 2", "91350200M000000510", `check character (校验码) '0', want 'D'`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckCreditCode(tt.code)
			if err == nil {
				t.Fatalf("CheckCreditCode(%q) = nil, want an error about %s", tt.code, tt.want)
			}
			if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("CheckCreditCode(%q) = %v, want an error wrapping ErrInvalid that says %s", tt.code, err, tt.want)
			}
		})
	}
}

// TestCheckCreditCodeProperty: every body of sound form, completed with
// the standard's check character, is accepted, and with any other
// character refused; CreditCheckChar agrees with the standard.
func TestCheckCreditCodeProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	auths := []string{"11", "12", "13", "19", "21", "31", "35", "51", "52", "53", "59", "61", "71", "81", "91", "92", "93", "A1", "N2", "Y1"}
	for n := 0; n < 5000; n++ {
		var b strings.Builder
		b.WriteString(auths[r.IntN(len(auths))])
		for i := 0; i < 6; i++ {
			b.WriteByte(byte('0' + r.IntN(10)))
		}
		for i := 0; i < 9; i++ {
			b.WriteByte(creditChars[r.IntN(len(creditChars))])
		}
		body := b.String()
		want := gb32100(body)
		if got, ok := CreditCheckChar(body); !ok || got != want {
			t.Fatalf("CreditCheckChar(%s) = %q, %v, want %q", body, got, ok, want)
		}
		if err := CheckCreditCode(body + string(want)); err != nil {
			t.Fatalf("CheckCreditCode(%s%c) = %v", body, want, err)
		}
		other := creditChars[(strings.IndexByte(creditChars, want)+1+r.IntN(30))%31]
		if err := CheckCreditCode(body + string(other)); err == nil {
			t.Fatalf("CheckCreditCode(%s%c) = nil; the check character is %c", body, other, want)
		}
	}
}

func TestCheckDivisionCode(t *testing.T) {
	for _, ok := range []string{"340181", "340181001000", "110101", "820000", "650100"} {
		if err := CheckDivisionCode(ok); err != nil {
			t.Errorf("CheckDivisionCode(%s) = %v", ok, err)
		}
	}
	for code, want := range map[string]string{
		"":              "0 characters",
		"34018":         "5 characters, want 6 or 12 digits",
		"3401810010":    "10 characters",
		"34018100100１":  "character 12 is not a digit",
		"三四零一八一":        "character 1 is not a digit",
		"34O181":        "character 3 is not a digit",
		"990181":        `"99" names no province`,
		"000000000000":  `"00" names no province`,
		"3401810010001": "13 characters",
	} {
		err := CheckDivisionCode(code)
		if err == nil || !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), want) {
			t.Errorf("CheckDivisionCode(%q) = %v, want an error wrapping ErrInvalid that says %s", code, err, want)
		}
	}
}

// FuzzCheckCreditCode: no input panics; an accepted code has 18 characters
// of the set and the standard's check character; an accepted division code
// has 6 or 12 digits and a province's prefix; a refusal wraps ErrInvalid.
func FuzzCheckCreditCode(f *testing.F) {
	for _, c := range publicCodes {
		f.Add(c)
	}
	f.Add("91350100M0001TGQXM")
	f.Add("\xff\xfe")
	f.Fuzz(func(t *testing.T, s string) {
		if err := CheckCreditCode(s); err == nil {
			if len(s) != 18 || gb32100(s[:17]) != s[17] {
				t.Fatalf("CheckCreditCode(%q) accepted a code the standard refuses", s)
			}
		} else if !errors.Is(err, ErrInvalid) {
			t.Fatalf("CheckCreditCode(%q) = %v, not wrapping ErrInvalid", s, err)
		}
		if err := CheckDivisionCode(s); err == nil {
			if len(s) != 6 && len(s) != 12 || strings.Trim(s, "0123456789") != "" || !provinces[s[:2]] {
				t.Fatalf("CheckDivisionCode(%q) accepted a code of unsound form", s)
			}
		} else if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), errtext.Quote(s)) {
			t.Fatalf("CheckDivisionCode(%q) = %v, want an error wrapping ErrInvalid that quotes the code", s, err)
		}
	})
}
