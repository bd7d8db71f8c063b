package accountability

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/qingdan/qingdan/internal/errtext"
)

// creditChars is the character set of a unified social credit code
// (统一社会信用代码, GB 32100-2015): the digits and the capital letters but
// I, O, S, V and Z, each worth its position (0–30).
const creditChars = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// creditWeights are the weights of positions 1–17: 3^(i-1) mod 31.
var creditWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// creditAuthorities maps each registration-authority code (登记管理部门代码,
// position 1) to its name and the organisation-type codes (机构类别代码,
// position 2) it assigns: GB 32100-2015 table 1 with the codes the standard's
// administrators assigned later (2 外交 … 8 工会, A, N).
var creditAuthorities = map[byte]struct {
	name  string
	types string
}{
	'1': {"机构编制", "1239"},       // 机关, 事业单位, 中央编办直接管理机构编制的群众团体, 其他
	'2': {"外交", "19"},           // 外国常驻新闻机构, 其他
	'3': {"司法行政", "123459"},     // 律师执业机构, 公证处, 基层法律服务所, 司法鉴定机构, 仲裁委员会, 其他
	'4': {"文化", "19"},           // 外国在华文化中心, 其他
	'5': {"民政", "1239"},         // 社会团体, 民办非企业单位, 基金会, 其他
	'6': {"旅游", "129"},          // 外国旅游部门常驻代表机构, 港澳台地区旅游部门常驻内地代表机构, 其他
	'7': {"宗教", "129"},          // 宗教活动场所, 宗教院校, 其他
	'8': {"工会", "19"},           // 基层工会, 其他
	'9': {"工商", "123"},          // 企业, 个体工商户, 农民专业合作社
	'A': {"中央军委改革和编制办公室", "19"}, // 军队事业单位, 其他
	'N': {"农业", "1239"},         // 组级, 村级, 乡镇级集体经济组织, 其他
	'Y': {"其他", "1"},
}

// CreditCheckChar returns the check character (校验码) that GB 32100-2015
// gives the first 17 characters of a unified social credit code: with each
// character worth its place in 0123456789ABCDEFGHJKLMNPQRTUWXY and the
// weights 3^(i-1) mod 31, the character worth 31 − (Σ value × weight mod
// 31), 0 for 31. It returns false if s is not 17 characters of that set.
func CreditCheckChar(s string) (byte, bool) {
	if len(s) != 17 {
		return 0, false
	}
	sum := 0
	for i := 0; i < 17; i++ {
		v := strings.IndexByte(creditChars, s[i])
		if v < 0 {
			return 0, false
		}
		sum += v * creditWeights[i]
	}
	return creditChars[(31-sum%31)%31], true
}

// CheckCreditCode checks a unified social credit code (统一社会信用代码) against
// GB 32100-2015 and says which part is wrong:
//
//   - the length: 18 characters;
//   - the character set: digits and capital letters but I, O, S, V and Z
//     (lower case is refused, not folded: a published code is upper case);
//   - position 1, the registration authority (登记管理部门代码): 1 机构编制,
//     2 外交, 3 司法行政, 4 文化, 5 民政, 6 旅游, 7 宗教, 8 工会, 9 工商,
//     A 中央军委改革和编制办公室, N 农业, Y 其他;
//   - position 2, an organisation type (机构类别代码) that authority assigns
//     (under 1: 1 机关, 2 事业单位, 3 群众团体, 9 其他; under 9: 1 企业,
//     2 个体工商户, 3 农民专业合作社; …);
//   - positions 3–8, the registering authority's administrative division
//     (登记管理机关行政区划码): six digits;
//   - position 18, the check character ([CreditCheckChar]).
//
// It does not check the organisation code of positions 9–17 (主体标识码)
// against GB 11714, nor that the code was ever issued. Codes issued in
// early pilots before the standard (some 91350100M… codes of Fujian) fail
// the check character; CheckCreditCode reports them like any other.
//
// It returns nil for a sound code, else an error wrapping [ErrInvalid] that
// quotes the code and names the part at fault.
func CheckCreditCode(s string) error {
	if en, _ := creditDefect(s); en != "" {
		return fmt.Errorf("accountability: credit code %s: %s: %w", errtext.Quote(s), en, ErrInvalid)
	}
	return nil
}

// creditDefect says what is wrong with a credit code, in English and in
// Chinese; "" if nothing is.
func creditDefect(s string) (en, zh string) {
	if n := utf8.RuneCountInString(s); n != 18 {
		return fmt.Sprintf("%d characters, want 18", n), fmt.Sprintf("长度为 %d 位，应为 18 位", n)
	}
	for i, r := range []rune(s) { // then every character is one byte
		if r >= utf8.RuneSelf || strings.IndexByte(creditChars, byte(r)) < 0 {
			return fmt.Sprintf("character %d %q is not in the code's set (digits and capital letters but I, O, S, V, Z)", i+1, r),
				fmt.Sprintf("第 %d 位 %q 不在代码字符集内（数字和除 I、O、S、V、Z 外的大写字母）", i+1, r)
		}
	}
	auth, ok := creditAuthorities[s[0]]
	if !ok {
		return fmt.Sprintf("character 1 %q is no registration authority (登记管理部门代码)", s[0]),
			fmt.Sprintf("第 1 位 %q 不是登记管理部门代码", s[0])
	}
	if strings.IndexByte(auth.types, s[1]) < 0 {
		return fmt.Sprintf("character 2 %q is no organisation type (机构类别代码) of authority %c (%s)", s[1], s[0], auth.name),
			fmt.Sprintf("第 2 位 %q 不是登记管理部门 %c（%s）的机构类别代码", s[1], s[0], auth.name)
	}
	for i := 2; i < 8; i++ {
		if s[i] < '0' || s[i] > '9' {
			return fmt.Sprintf("characters 3–8 %q, the registering authority's division (行政区划码), are not six digits", s[2:8]),
				fmt.Sprintf("第 3–8 位 %q（登记管理机关行政区划码）不是 6 位数字", s[2:8])
		}
	}
	if want, _ := CreditCheckChar(s[:17]); s[17] != want {
		return fmt.Sprintf("check character (校验码) %q, want %q", s[17], want),
			fmt.Sprintf("校验码为 %q，按 GB 32100 应为 %q", s[17], want)
	}
	return "", ""
}

// provinces are the first two digits of the provincial-level divisions of
// GB/T 2260: 11–15 north, 21–23 north-east, 31–37 east, 41–46 centre and
// south, 50–54 south-west, 61–65 north-west, 71 Taiwan, 81–82 Hong Kong
// and Macao.
var provinces = map[string]bool{
	"11": true, "12": true, "13": true, "14": true, "15": true,
	"21": true, "22": true, "23": true,
	"31": true, "32": true, "33": true, "34": true, "35": true, "36": true, "37": true,
	"41": true, "42": true, "43": true, "44": true, "45": true, "46": true,
	"50": true, "51": true, "52": true, "53": true, "54": true,
	"61": true, "62": true, "63": true, "64": true, "65": true,
	"71": true, "81": true, "82": true,
}

// CheckDivisionCode checks the form of an administrative-division code
// (行政区划代码): 6 digits (GB/T 2260: province, prefecture, county) or 12
// digits (the statistical division code, which adds the township's three
// and the village's three), beginning with a province's two digits. It
// checks the form only, not that the division exists. It returns nil for
// a code of sound form, else an error wrapping [ErrInvalid] that quotes
// the code and says what is wrong.
func CheckDivisionCode(s string) error {
	if en, _ := divisionDefect(s); en != "" {
		return fmt.Errorf("accountability: division code %s: %s: %w", errtext.Quote(s), en, ErrInvalid)
	}
	return nil
}

// divisionDefect says what is wrong with a division code, in English and
// in Chinese; "" if nothing is.
func divisionDefect(s string) (en, zh string) {
	if n := utf8.RuneCountInString(s); n != 6 && n != 12 {
		return fmt.Sprintf("%d characters, want 6 or 12 digits", n), fmt.Sprintf("长度为 %d 位，应为 6 位或 12 位数字", n)
	}
	for i, r := range []rune(s) { // then every character is one byte
		if r < '0' || r > '9' {
			return fmt.Sprintf("character %d is not a digit", i+1), fmt.Sprintf("第 %d 位不是数字", i+1)
		}
	}
	if !provinces[s[:2]] {
		return fmt.Sprintf("%q names no province (省级行政区)", s[:2]), fmt.Sprintf("前两位 %q 不是省级行政区代码", s[:2])
	}
	return "", ""
}

func unitCreditCode(ix *index, rep reporter) {
	unitCode(ix, rep, "creditCode", "credit code", "统一社会信用代码", func(u *Unit) string { return u.CreditCode }, creditDefect)
}

func unitDivision(ix *index, rep reporter) {
	unitCode(ix, rep, "division", "division code", "行政区划代码", func(u *Unit) string { return u.Division }, divisionDefect)
}

// unitCode reports every unit whose code, read by get, is set and has a
// defect; field is the code's JSON name, what and whatZh its name in the
// messages.
func unitCode(ix *index, rep reporter, field, what, whatZh string, get func(*Unit) string, defect func(string) (en, zh string)) {
	for i := range ix.r.Units {
		u := &ix.r.Units[i]
		code := get(u)
		if code == "" {
			continue
		}
		if en, zh := defect(code); en != "" {
			rep.at(key("units", u.ID, i)+"."+field,
				fmt.Sprintf("unit %s: %s %s: %s", named(u.ID, u.Name, i), what, errtext.Quote(code), en),
				fmt.Sprintf("单位%s的%s %s %s", namedZh(u.ID, u.Name, i), whatZh, errtext.Quote(code), zh))
		}
	}
}

// namedZh names an item in a Chinese message: 城市管理部（O1）; the quoted
// ID when it has no name, the name alone when it is its ID. An item with
// no ID, or one longer than MaxKeyBytes, is named by its position i in its
// list, as its path locates it, set off by spaces: " #3（城市管理部）", " #3 "
// without a name.
func namedZh(id, name string, i int) string {
	if positional(id) {
		if name == "" {
			return " #" + strconv.Itoa(i) + " "
		}
		return " #" + strconv.Itoa(i) + "（" + name + "）"
	}
	switch name {
	case "":
		return errtext.Quote(id)
	case id:
		return name
	}
	return name + "（" + id + "）"
}
