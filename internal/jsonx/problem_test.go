package jsonx

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// TestChinese: each kind of input Decode and Read refuse is said in
// Chinese, named by its path, or by its line and column where it is not
// JSON, through any wrapping; an error that is not theirs is not.
func TestChinese(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"unknown field", `{"units":[{"creditCode":"x","nmae":"y"}]}`, `units[0]：没有字段 "nmae"（字段名拼错了、放错了层级，或给错了文件）`},
		{"field in another case", `{"units":[{"creditcode":"x"}]}`, `units[0]：字段 "creditcode" 应写作 "creditCode"（字段名区分大小写）`},
		{"key twice", `{"text":"a","text":"b"}`, `字段 "text" 出现了两次`},
		{"wrong kind", `{"text":5}`, `text：应为字符串，却是数`},
		{"true for a string", `{"text":true}`, `text：应为字符串，却是布尔值 true`},
		{"string for a bool", `{"b":"yes"}`, `b：应为布尔值 true 或 false，却是字符串`},
		{"object for an array", `{"units":{}}`, `units：应为数组，却是对象`},
		{"number for an integer", `{"n":1.5}`, `n：应为整数，却是数 1.5`},
		{"out of range", `{"small":300}`, `small：整数 300 超出范围（-128 到 127）`},
		{"unsigned out of range", `{"u":70000}`, `u：整数 70000 超出范围（0 到 65535）`},
		{"negative for unsigned", `{"u":-1}`, `u：应为不小于 0 的整数，却是数 -1`},
		{"array length", `{"pairs":[["a"]]}`, `pairs[0]：数组有 1 个元素，应为 2 个`},
		{"decimal", `{"score":"1.2.3"}`, `score：小数 "1.2.3" 写法不对，应如 "-12.5"`},
		{"decimal.Decimal with an escape", `{"plain":"\u0031"}`, `plain：小数 "\\u0031" 写法不对，应如 "-12.5"，不含转义`},
		{"decimal number", `{"plain":1e5}`, `plain：小数 "1e5" 写法不对，应如 "-12.5"，至多 64 个字符`},
		{"time", `{"at":"2020-06-01"}`, `at：时间 "2020-06-01" 写法不对，应为 RFC 3339 格式，如 "2024-03-04T08:40:00+08:00"`},
		{"invalid UTF-8", "{\"text\":\"\xff\"}", `text：字符串不是有效的 UTF-8（文件多半是 GB18030 等编码，须另存为 UTF-8）`},
		{"invalid UTF-8 in a key", "{\"free\":{\"\xff\":[]}}", `free：字段名不是有效的 UTF-8（文件多半是 GB18030 等编码，须另存为 UTF-8）`},
		{"nested too deep", `{"any":` + strings.Repeat("[", MaxDepth+1), "any" + strings.Repeat("[0]", MaxDepth-1) + "：数组和对象嵌套超过 64 层"},
		{"number too long", `{"any":` + strings.Repeat("9", MaxNumber+1) + `}`, `any：数 "` + strings.Repeat("9", MaxNumber) + `"… 超过 64 个字符`},
		{"refused text", `{"codes":["a","y"]}`, `codes[1]：取值 "y" 无效`},
		{"refused text, the values it takes said", `{"codes":["a","z"]}`, `codes[1]：取值 "z" 无效，应为甲、乙之一（或其英文代码）`},
		{"whole value of another kind", `[1]`, `应为对象，却是数组`},
		{"trailing data", "{\"text\":\"清\"}\n  {}", `第 2 行第 3 列：JSON 值之后还有别的内容（一个文件只能有一个 JSON 值）`},
		{"syntax", "{\n  \"text\": \"清\",\n  \"b\" true}", `第 3 行第 7 列：不是有效的 JSON`},
		{"syntax after Chinese on its line", "{\"text\": \"清单\" \"b\": true}", `第 1 行第 15 列：不是有效的 JSON`}, // 清单 two columns, not six
		{"cut short", "{\"text\":\n\"ab", `第 2 行第 4 列：JSON 不完整：文件在值结束之前就结束了`},
		{"empty", " \n", `文件中没有 JSON：是空的，或只有空白`},
		{"byte order mark", "\ufeff{\"text\":\"清\"}", `文件以 UTF-8 的 BOM（字节顺序标记）开头，JSON 不带 BOM：须另存为不带 BOM 的 UTF-8`},
	} {
		t.Run(c.name, func(t *testing.T) {
			var v outer
			err := Decode([]byte(c.in), &v)
			if err == nil {
				t.Fatal("Decode took it")
			}
			wrapped := fmt.Errorf("package: loading: %w: %w", errors.New("invalid"), err)
			got, ok := Chinese([]byte(c.in), wrapped)
			if !ok || got != c.want {
				t.Errorf("Chinese(%v) = %q, %v, want %q", err, got, ok, c.want)
			}
		})
	}
	var v outer
	err := Read(strings.NewReader(`{"text":"ab"}`), 5, &v)
	if got, ok := Chinese(nil, err); !ok || got != "文件超过 5 字节的上限" {
		t.Errorf("Chinese(%v) = %q, %v", err, got, ok)
	}
	if got, ok := Chinese(nil, errors.New("list: route 3 has no lead")); ok {
		t.Errorf("Chinese of an error not Decode's = %q, true", got)
	}
}

// TestChineseFormats: every format the checker fails with has its
// Chinese, with as many verbs, and every Chinese is of a format the
// checker uses.
func TestChineseFormats(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			if sel, ok := call.Fun.(*ast.SelectorExpr); !ok || sel.Sel.Name != "fail" || len(call.Args) == 0 {
				return true
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok {
				t.Errorf("%s: fail with a format that is not a literal", fset.Position(call.Pos()))
				return true
			}
			format, err := strconv.Unquote(lit.Value)
			if err != nil {
				t.Fatal(err)
			}
			used[format] = true
			zh, ok := zhFormats[format]
			switch {
			case !ok:
				t.Errorf("%s: no Chinese for %q", fset.Position(call.Pos()), format)
			case verbs(zh) != verbs(format) || verbs(format) != len(call.Args)-1:
				t.Errorf("%q has %d verbs, its Chinese %q %d, for %d arguments", format, verbs(format), zh, verbs(zh), len(call.Args)-1)
			}
			return true
		})
	}
	for format := range zhFormats {
		if !used[format] {
			t.Errorf("Chinese for %q, which the checker does not use", format)
		}
	}
}

// verbs counts the verbs of a format (none of the checker's has %%).
func verbs(format string) int { return strings.Count(format, "%") }

// FuzzChinese: whatever the input, the Chinese of what Decode refused is
// one line of UTF-8 with every verb of its format filled, and there is one
// for every refusal of the checker's own.
func FuzzChinese(f *testing.F) {
	for _, s := range []string{`{"units":[{"nmae":"x"}]}`, `{"text":5}`, `{"small":300}`, `{"pairs":[["a"]]}`, "{\"text\":\"\xff\"}",
		`{"codes":["z"]}`, "{}\n{}", "{\n\"a\" 1}", `{"a":`, ` `, `{"free":{"a\nb":1}}`, `{"at":"x"}`, `{"score":"1e5"}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var v outer
		err := Decode(data, &v)
		if err == nil {
			return
		}
		zh, ok := Chinese(data, err)
		c := checker{data: data}
		if cerr := c.check(planOf(reflect.TypeFor[*outer]())); cerr != nil && cerr != errSyntax && !ok {
			t.Fatalf("no Chinese for the checker's %v", err)
		}
		if strings.ContainsAny(zh, "\r\n") || !utf8.ValidString(zh) {
			t.Fatalf("Chinese of %v = %q", err, zh)
		}
		// A verb not filled shows as "%!"; the input may hold "%!" too
		// (in a key, say), so the format is filled with its arguments'
		// text left out.
		if ce, ok := errors.AsType[*checkError](err); ok {
			blank := make([]any, len(ce.args))
			for i, a := range ce.args {
				switch a.(type) {
				case word:
					blank[i] = word("")
				case string:
					blank[i] = ""
				default:
					blank[i] = a
				}
			}
			if s := fmt.Sprintf(zhFormats[ce.format], blank...); strings.Contains(s, "%!") {
				t.Fatalf("Chinese of %v = %q: a verb not filled", err, s)
			}
		}
	})
}

// TestChineseKeepsNames: a field whose name is one of the English words
// the checker's messages translate ("key", "time", "string") is named as
// it is, not translated.
func TestChineseKeepsNames(t *testing.T) {
	type named struct {
		Key  string `json:"key"`
		Time string `json:"time"`
		True string `json:"true"`
	}
	for _, c := range []struct{ in, want string }{
		{`{"Key":"x"}`, `字段 "Key" 应写作 "key"（字段名区分大小写）`},
		{`{"TIME":"x"}`, `字段 "TIME" 应写作 "time"（字段名区分大小写）`},
		{`{"True":"x"}`, `字段 "True" 应写作 "true"（字段名区分大小写）`},
	} {
		var v named
		err := Decode([]byte(c.in), &v)
		got, ok := Chinese([]byte(c.in), err)
		if diff := cmp.Diff(c.want, got); !ok || diff != "" {
			t.Errorf("Chinese(%v): %v, mismatch (-want +got):\n%s", err, ok, diff)
		}
	}
}

// TestChineseWords: every word the checker says what a value is or what
// it wants in has its Chinese.
func TestChineseWords(t *testing.T) {
	var missing []word
	for _, w := range append(found[:], wanted[:]...) {
		if w != "" && zhWords[w] == "" {
			missing = append(missing, w)
		}
	}
	if diff := cmp.Diff([]word(nil), missing); diff != "" {
		t.Errorf("words without Chinese: mismatch (-want +got):\n%s", diff)
	}
}
