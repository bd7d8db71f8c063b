package accountability

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// nationalHeader is the header row of a district's published item list in
// the national layout (政务服务事项实施清单), as testdata/national.csv has it.
var nationalHeader = []string{"序号", "事项名称", "子项名称", "事项类型", "事项编码", "基本编码", "实施主体", "实施主体编码",
	"承办机构", "实施层级", "设定依据", "实施依据", "法定时限", "承诺时限", "审核转报", "备注"}

// nationalItem is one kind of item of the generated list: its name, its
// national item-type code, and its bases.
type nationalItem struct{ name, code, set, impl string }

var nationalItems = []nationalItem{
	{"临时占用城市道路审批", "1", "《城市道路管理条例》第三十一条", "巢湖市城市管理领域赋权街道事项目录（2020年）第3项"},
	{"对擅自占用城市道路经营的处罚", "2", "《城市市容和环境卫生管理条例》第三十六条", "《安徽省城市管理领域相对集中行政处罚权办法》第五条"},
	{"立即代履行清除道路遗洒物", "3", "《中华人民共和国行政强制法》第五十二条", "《中华人民共和国行政强制法》第五十二条"},
	{"临时救助", "5", "《社会救助暂行办法》第四十七条", "《安徽省临时救助办法》第十二条"},
	{"高龄津贴发放", "05", "《中华人民共和国老年人权益保障法》第三十三条", "《安徽省实施〈中华人民共和国老年人权益保障法〉办法》第二十二条"},
	{"安全生产状况监督检查", "6", "《中华人民共和国安全生产法》第八条", "《安徽省安全生产条例》第十条"},
	{"最低生活保障对象认定", "7", "《社会救助暂行办法》第十一条", "《安徽省最低生活保障办法》第十五条"},
	{"见义勇为人员表彰", "8", "《安徽省见义勇为人员奖励和保护条例》第十条", "《安徽省见义勇为人员奖励和保护条例》第十一条"},
	{"林木林地权属争议调处", "9", "《中华人民共和国森林法》第二十二条", "《林木林地权属争议处理办法》第六条"},
	{"民间纠纷处理", "10", "《民间纠纷处理办法》第三条", "《人民调解工作若干规定》第三十六条"},
	{"城乡居民基本养老保险参保登记", "20", "《中华人民共和国社会保险法》第二十条", "《国务院关于建立统一的城乡居民基本养老保险制度的意见》"},
	{"老年人优待证办理", "20", "《中华人民共和国老年人权益保障法》第五十七条", "《安徽省老年人优待办法》"},
}

// nationalRows generates a published list of n rows in the national layout,
// header first: numeric item-type codes, both bases, and every seventh item
// a parent with two sub-items under merged cells.
func nationalRows(n int) [][]string {
	rows := [][]string{slices.Clone(nationalHeader)}
	for i := 0; len(rows) <= n; i++ {
		it := nationalItems[i%len(nationalItems)]
		code := fmt.Sprintf("340181006-%02s-%05d", strings.TrimLeft(it.code, "0"), i+1)
		rows = append(rows, []string{fmt.Sprint(len(rows)), it.name, "", it.code, code + "-000", fmt.Sprintf("%05d000", i+1),
			"巢湖市中庙街道办事处", "11340181MB15504420", "社会事务部", "街道", it.set, it.impl, "", fmt.Sprint(1 + i%20), "否", ""})
		for s := 1; i%7 == 0 && s <= 2 && len(rows) <= n; s++ {
			rows = append(rows, []string{fmt.Sprint(len(rows)), "", fmt.Sprintf("%s（情形%d）", it.name, s), "", fmt.Sprintf("%s-%03d", code, s), "",
				"", "", "", "", "", it.impl, "", fmt.Sprint(s), "否", "子项"})
		}
	}
	return rows
}

func csvBytes(t testing.TB, rows [][]string) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	for _, r := range rows {
		if len(r) == 1 && r[0] == "" {
			// csv.Writer writes a record of one empty cell as an empty
			// line, which a CSV reader skips: quoted, it is the blank
			// record it is (a row that ends the duty above it).
			w.Flush()
			b.WriteString("\"\"\n")
			continue
		}
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func toGB18030(t testing.TB, b []byte) []byte {
	out, err := simplifiedchinese.GB18030.NewEncoder().Bytes(b)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// toUTF16 returns s in UTF-16, big-endian or little, with a byte-order
// mark or none.
func toUTF16(s string, bigEndian, bom bool) []byte {
	var out []byte
	if bom {
		s = "\ufeff" + s
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

// TestNationalThousandRows: a 1,000-row list in the national layout with
// numeric item-type codes imports with no error, and its GB18030 copy and
// its rows import identically.
func TestNationalThousandRows(t *testing.T) {
	rows := nationalRows(1000)
	if len(rows) != 1001 {
		t.Fatalf("generated %d rows, want 1,000 and the header", len(rows)-1)
	}
	utf := csvBytes(t, rows)
	got, err := ReadPowersCSV(bytes.NewReader(utf))
	if err != nil {
		t.Fatalf("ReadPowersCSV(UTF-8) error = %v", err)
	}
	if len(got) != 1000 {
		t.Fatalf("ReadPowersCSV(UTF-8) gave %d powers, want 1,000", len(got))
	}
	counts := map[Category]int{}
	for _, p := range got {
		counts[p.Category]++
		if len(p.Basis) == 0 || p.Basis[len(p.Basis)-1].Kind != Implementing {
			t.Fatalf("power %s has bases %+v, want 实施依据 last", p.Code, p.Basis)
		}
		if p.Sub != "" && (p.Parent == "" || p.Name == "" || p.Subject == "") {
			t.Fatalf("sub-item %s lacks its parent's cells: %+v", p.Code, p)
		}
	}
	if counts[0] != 0 || counts[PublicService] == 0 || counts[Licensing] == 0 || counts[OtherPower] == 0 {
		t.Errorf("categories %v: want every row typed, 公共服务 and the powers among them", counts)
	}
	gb, err := ReadPowersCSV(bytes.NewReader(toGB18030(t, utf)))
	if err != nil {
		t.Fatalf("ReadPowersCSV(GB18030) error = %v", err)
	}
	if diff := cmp.Diff(got, gb); diff != "" {
		t.Errorf("GB18030 copy mismatch (-UTF-8 +GB18030):\n%s", diff)
	}
	fromRows, err := ReadPowerRows(rows)
	if err != nil {
		t.Fatalf("ReadPowerRows error = %v", err)
	}
	if diff := cmp.Diff(got, fromRows); diff != "" {
		t.Errorf("ReadPowerRows mismatch (-CSV +rows):\n%s", diff)
	}
}

// nationalSummary is what TestReadNationalList checks of each power.
type nationalSummary struct {
	Code, Parent, Name, Sub string
	Category                Category
	Subject, Office, Tier   string
	Forward                 string
	Kinds                   string // the kinds of its bases, in order: S setting, I implementing
	Promised                int
	Extra                   string // its Extra keys, sorted
}

func summarize(ps []Power) []nationalSummary {
	var out []nationalSummary
	for _, p := range ps {
		s := nationalSummary{Code: p.Code, Parent: p.Parent, Name: p.Name, Sub: p.Sub, Category: p.Category,
			Subject: p.Subject, Office: p.Office, Tier: p.Tier, Forward: p.Forward, Promised: p.PromisedDays}
		for _, b := range p.Basis {
			s.Kinds += map[BasisKind]string{Setting: "S", Implementing: "I"}[b.Kind]
		}
		var keys []string
		for k := range p.Extra {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		s.Extra = strings.Join(keys, " ")
		out = append(out, s)
	}
	return out
}

// TestReadNationalList reads testdata/national.csv, a sub-district's list
// in the national layout, and its GB18030 copy.
func TestReadNationalList(t *testing.T) {
	utf := testdata(t, "national.csv")
	gbName := filepath.Join("testdata", "national-gb18030.csv")
	if *update {
		if err := os.WriteFile(gbName, toGB18030(t, utf), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	gbFile := testdata(t, "national-gb18030.csv")
	if !bytes.Equal(gbFile, toGB18030(t, utf)) {
		t.Fatalf("%s is not the GB18030 copy of national.csv; run go test -update", gbName)
	}
	powers, err := ReadPowersCSV(bytes.NewReader(utf))
	if err != nil {
		t.Fatalf("ReadPowersCSV(national.csv) error = %v", err)
	}
	const jd, ex = "巢湖市中庙街道办事处", "基本编码 实施主体编码"
	sum := summarize(powers)
	want := []nationalSummary{
		{"340181006-01-00012-000", "", "临时占用城市道路审批", "", Licensing, jd, "城市管理部", "区级、街道", "否", "SII", 10, ex},
		{"340181006-01-00012-001", "340181006-01-00012-000", "临时占用城市道路审批", "临时占用城市道路（社区道路）", Licensing, jd, "城市管理部", "区级、街道", "否", "I", 10, "基本编码 备注"},
		{"340181006-01-00012-002", "340181006-01-00012-000", "临时占用城市道路审批", "临时占用城市道路（背街小巷）", Licensing, jd, "城市管理部", "区级、街道", "否", "I", 10, "基本编码 备注"},
	}
	if diff := cmp.Diff(want, sum[:3]); diff != "" {
		t.Errorf("parent item and sub-items mismatch (-want +got):\n%s", diff)
	}
	byCode := map[string]nationalSummary{}
	counts := map[Category]int{}
	for _, s := range sum {
		byCode[s.Code] = s
		counts[s.Category]++
	}
	wantCounts := map[Category]int{Licensing: 4, Penalty: 1, Coercion: 1, Payment: 5, Inspection: 1, Confirmation: 3, Reward: 1, Adjudication: 1, OtherPower: 3, PublicService: 6}
	if diff := cmp.Diff(wantCounts, counts); diff != "" {
		t.Errorf("categories mismatch (-want +got):\n%s", diff)
	}
	for code, check := range map[string]func(nationalSummary) bool{
		// 一千元以上 is reviewed and forwarded (审核转报) to the district.
		"340181006-05-00001-002": func(s nationalSummary) bool {
			return s.Forward == "是" && s.Tier == "区级" && s.Office == "社会事务部"
		},
		// 即时办结 is 0 days, its word kept.
		"340181006-20-00001-000": func(s nationalSummary) bool { return s.Promised == 0 && strings.Contains(s.Extra, "承诺时限") },
		// 其他职权 and 公共服务 spelt out, 05 and 07 with a leading zero.
		"340181006-10-00006-000": func(s nationalSummary) bool { return s.Category == OtherPower },
		"340181006-20-00005-000": func(s nationalSummary) bool { return s.Category == PublicService && s.Forward == "是" },
		"340181006-05-00009-000": func(s nationalSummary) bool { return s.Category == Payment },
		"340181006-07-00011-000": func(s nationalSummary) bool {
			return s.Category == Confirmation && s.Subject == "巢湖市公安局中庙派出所"
		},
	} {
		if s, ok := byCode[code]; !ok || !check(s) {
			t.Errorf("power %s = %+v", code, s)
		}
	}
	gb, err := ReadPowersCSV(bytes.NewReader(gbFile))
	if err != nil {
		t.Fatalf("ReadPowersCSV(national-gb18030.csv) error = %v", err)
	}
	if diff := cmp.Diff(powers, gb); diff != "" {
		t.Errorf("GB18030 copy mismatch (-UTF-8 +GB18030):\n%s", diff)
	}
}

// TestReadPowersCSVHeaderVariants reads one item under the headers of each
// published layout.
func TestReadPowersCSVHeaderVariants(t *testing.T) {
	want := []Power{{Code: "A-1", Name: "民间纠纷处理", Category: OtherPower, Subject: "中庙街道", Office: "平安建设部", Tier: "街道", Forward: "否",
		Basis: []Basis{{Law: "民间纠纷处理办法", Article: "第三条", Kind: Setting}, {Law: "人民调解工作若干规定", Article: "第三十六条", Kind: Implementing}}}}
	row := "10,A-1,民间纠纷处理,中庙街道,平安建设部,街道,否,《民间纠纷处理办法》第三条,《人民调解工作若干规定》第三十六条\n"
	for _, header := range []string{
		"职权类型,职权编码,职权名称,法定主体,承办机构,实施层级,审核转报,设定依据,实施依据",
		"事项类型,事项编码,事项名称,实施主体,承办机构,实施层级,审核转报,设定依据,实施依据",
		"权力类型,项目编码,项目名称,行使主体,承办科室,行使层级,是否审核转报,设定依据,实施依据",
	} {
		got, err := ReadPowersCSV(strings.NewReader(header + "\n" + row))
		if err != nil {
			t.Errorf("headers %s: error = %v", header, err)
			continue
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("headers %s: mismatch (-want +got):\n%s", header, diff)
		}
	}
}

// TestReadPowersCSVCategories reads every spelling a published list uses
// for a category: codes, labels, short labels, provincial schemes, the
// national item-type codes, and a host's own.
func TestReadPowersCSVCategories(t *testing.T) {
	cells := map[string]Category{
		"1": Licensing, "01": Licensing, "2": Penalty, "3": Coercion, "4": Levy, "5": Payment, "6": Inspection,
		"7": Confirmation, "8": Reward, "9": Adjudication, "10": OtherPower, "20": PublicService, "09": Adjudication,
		"行政许可": Licensing, "许可": Licensing, "公共服务": PublicService, "行政征用": Levy, "行政征收征用": Levy,
		"行政监督": Inspection, "审核转报": Forwarding, "内部管理": Internal, "其他职权": OtherPower, "其他权力": OtherPower,
		"service": PublicService,
		// National codes in full-width digits, which read as ASCII ones.
		"１": Licensing, "０２": Penalty, "１０": OtherPower, "２０": PublicService,
	}
	var b strings.Builder
	b.WriteString("权力类型,项目编码,项目名称,实施依据\n")
	var want []Category
	var keys []string
	for k := range cells {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for i, k := range keys {
		fmt.Fprintf(&b, "%s,C-%d,事项,《法》\n", k, i)
		want = append(want, cells[k])
	}
	got, err := ReadPowersCSV(strings.NewReader(b.String()))
	if err != nil {
		t.Fatalf("ReadPowersCSV error = %v", err)
	}
	var gotCats []Category
	for _, p := range got {
		gotCats = append(gotCats, p.Category)
	}
	if diff := cmp.Diff(want, gotCats); diff != "" {
		t.Errorf("categories of %v mismatch (-want +got):\n%s", keys, diff)
	}
	// 11 and 0 are no national code; a host may read 行政审批 and its own 其他.
	in := "权力类型,项目编码,项目名称,实施依据\n行政审批,A,甲,x\n其他,B,乙,x\n11,C,丙,x\n"
	_, err = ReadPowersCSV(strings.NewReader(in))
	var ce *CSVError
	if !errors.As(err, &ce) || len(ce.Cells) != 2 || ce.Cells[0].Value != "行政审批" || ce.Cells[1].Value != "11" {
		t.Errorf("ReadPowersCSV(行政审批, 11) error = %v, want those two cells refused", err)
	}
	pr := &PowerReader{Categories: map[string]Category{"行政审批": Licensing, "其他": Internal, "11": Forwarding}}
	got, err = pr.ReadCSV(strings.NewReader(in))
	if err != nil || got[0].Category != Licensing || got[1].Category != Internal || got[2].Category != Forwarding {
		t.Errorf("PowerReader with local spellings: %+v, %v", got, err)
	}
}

func TestReadPowersCSVEncodings(t *testing.T) {
	const list = "权力类型,项目编码,项目名称,实施依据\n20,A,老年人优待证办理,《老年人权益保障法》\n"
	for _, tt := range []struct {
		name string
		in   []byte
		want string
	}{
		{"UTF-16", toUTF16(list, false, true), "UTF-16"},
		{"UTF-16BE", toUTF16(list, true, true), "UTF-16"},
		{"Big5 or worse", []byte("\xff\xff\xff,\xa1\n"), "neither UTF-8 nor GB18030"},
	} {
		_, err := ReadPowersCSV(bytes.NewReader(tt.in))
		if err == nil || !errors.Is(err, ErrCell) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: ReadPowersCSV error = %v, want one wrapping ErrCell that names %s", tt.name, err, tt.want)
		}
	}
	// GB18030 with a byte-order mark of its own kind is still read, and so
	// is UTF-8 with one, the header's cells quoted or not.
	const quoted = "\"权力类型\",\"项目编码\",\"项目名称\",\"实施依据\"\n20,A,老年人优待证办理,《老年人权益保障法》\n"
	for _, in := range [][]byte{
		toGB18030(t, []byte(list)), append([]byte("\ufeff"), list...),
		toGB18030(t, []byte("\ufeff"+quoted)), append([]byte("\ufeff"), quoted...),
	} {
		got, err := ReadPowersCSV(bytes.NewReader(in))
		if err != nil || len(got) != 1 || got[0].Name != "老年人优待证办理" || got[0].Category != PublicService {
			t.Errorf("ReadPowersCSV(%q) = %+v, %v", in[:8], got, err)
		}
	}
	// A cell of a GB18030 file that GB18030 cannot decode is a bad cell,
	// as a cell that is not UTF-8 is in a UTF-8 file, not text silently
	// replaced.
	gb := toGB18030(t, []byte("权力类型,项目编码,项目名称,实施依据\n20,A,老年人"))
	gb = append(gb, 0x81, 0x20) // a lead byte with no trail
	gb = append(gb, toGB18030(t, []byte("优待证办理,《老年人权益保障法》\n20,B,乙,法\n"))...)
	got, err := ReadPowersCSV(bytes.NewReader(gb))
	var ce *CSVError
	if !errors.As(err, &ce) || !errors.Is(err, ErrCell) || len(got) != 2 || got[1].Name != "乙" {
		t.Fatalf("ReadPowersCSV(GB18030 with a broken cell) = %+v, %v", got, err)
	}
	want := []CellError{{Row: 2, Line: 2, Column: 3, Header: "项目名称", Value: "老年人\ufffd 优待证办理",
		Chinese: "不是 GB18030 文本，有 GB18030 中没有的字节序列（请把表格另存为 UTF-8 或 GB18030 编码的 CSV 文件）"}}
	if diff := cmp.Diff(want, ce.Cells, cmpopts.IgnoreFields(CellError{}, "Err")); diff != "" {
		t.Errorf("bad cells mismatch (-want +got):\n%s", diff)
	}
	if msg := "not GB18030 text"; !strings.Contains(err.Error(), msg) {
		t.Errorf("ReadPowersCSV error = %v, want it to say %s", err, msg)
	}
	// A long header row, longer than the sniffed part, is still UTF-8.
	long := strings.Repeat("备注,", sniffLen/6) + "权力类型,项目编码,项目名称,实施依据\n"
	if _, err := ReadPowersCSV(strings.NewReader(long)); err != nil {
		t.Errorf("ReadPowersCSV(long header) error = %v", err)
	}
}

// TestReadPowersCSVBlankLinesFirst: blank lines before the header, which
// the CSV format skips, do not decide the file's encoding: a GB18030 list
// after one is read as GB18030, not as UTF-8 that lacks every column.
func TestReadPowersCSVBlankLinesFirst(t *testing.T) {
	const list = "权力类型,项目编码,项目名称,实施依据\r\n20,A,老年人优待证办理,《老年人权益保障法》\r\n"
	want, err := ReadPowersCSV(strings.NewReader(list))
	if err != nil {
		t.Fatal(err)
	}
	for _, blank := range []string{"\r\n", "\n", "\r\n\r\n\n"} {
		for name, in := range map[string][]byte{
			"UTF-8":   append([]byte(blank), list...),
			"GB18030": append([]byte(blank), toGB18030(t, []byte(list))...),
		} {
			got, err := ReadPowersCSV(bytes.NewReader(in))
			if err != nil {
				t.Errorf("%s after %q: ReadPowersCSV error = %v", name, blank, err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s after %q: powers mismatch (-want +got):\n%s", name, blank, diff)
			}
		}
	}
	// A header that lacks a column is named at its own line, after the
	// blank ones.
	_, err = ReadPowersCSV(strings.NewReader("\r\n\n项目编码,项目名称\r\nA,老年人优待证办理\r\n"))
	var csvErr *CSVError
	if !errors.As(err, &csvErr) || len(csvErr.Cells) == 0 {
		t.Fatalf("a header with no 权力类型 after blank lines: error = %v, want a CSVError", err)
	}
	for _, c := range csvErr.Cells {
		if c.Line != 3 || c.Row != 1 {
			t.Errorf("a header with no 权力类型 after two blank lines: %s at line %d, row %d; want line 3, row 1", c.Header, c.Line, c.Row)
		}
	}
	// A header of neither encoding after blank lines is said to be
	// neither, as it is with none before it, not taken for UTF-8 by the
	// blank lines and refused for lacking its columns.
	const big5 = "\xff\xff\xff\xff,\xa1\n"
	for _, blank := range []string{"\n", "\r\n\r\n"} {
		_, err := ReadPowersCSV(strings.NewReader(blank + big5))
		if !errors.Is(err, ErrCell) || !strings.Contains(fmt.Sprint(err), "neither UTF-8 nor GB18030") {
			t.Errorf("ReadPowersCSV(%q, then no text) error = %v, want one wrapping ErrCell that says neither UTF-8 nor GB18030", blank, err)
		}
	}
	// Blank lines that fill the sniffed part, the header cut by its end
	// or past it, leave nothing to tell the encoding by: such a file is
	// refused all the same, with no panic.
	for _, n := range []int{sniffLen - 2, sniffLen + 10} {
		in := append(bytes.Repeat([]byte("\n"), n), big5...)
		if _, err := ReadPowersCSV(bytes.NewReader(in)); !errors.Is(err, ErrCell) {
			t.Errorf("ReadPowersCSV(%d blank lines, then no text) error = %v, want one wrapping ErrCell", n, err)
		}
	}
}

// TestReadPowersCSVUTF16NoBOM: UTF-16 with no byte-order mark (as some
// database exports write it) is refused as UTF-16, as it is with one, not
// decoded as GB18030 into a header of no column.
func TestReadPowersCSVUTF16NoBOM(t *testing.T) {
	const list = "权力类型,项目编码,项目名称,实施依据\r\n20,A,老年人优待证办理,《老年人权益保障法》\r\n"
	for name, in := range map[string][]byte{"UTF-16LE": toUTF16(list, false, false), "UTF-16BE": toUTF16(list, true, false)} {
		_, err := ReadPowersCSV(bytes.NewReader(in))
		if !errors.Is(err, ErrCell) || !strings.Contains(err.Error(), "UTF-16") {
			t.Errorf("%s: ReadPowersCSV error = %v, want one wrapping ErrCell that says UTF-16", name, err)
		}
	}
}

func TestReadPowerRows(t *testing.T) {
	rows := [][]string{
		{"事项类型", "事项编码", "事项名称", "主项编码", "子项", "设定依据", "", "备注", "备注"},
		{"1", "A-000", "临时占用城市道路审批", "", "", "《城市道路管理条例》", "x", "甲", "乙"},
		{"1", "A-001", "临时占用城市道路审批", "A-000", "社区道路", "《城市道路管理条例》"},
		{"1", "A-002", "临时占用城市道路审批", "", "背街小巷", "《城市道路管理条例》"},
		{"\xff", "B"},
	}
	before := make([][]string, len(rows))
	for i := range rows {
		before[i] = slices.Clone(rows[i])
	}
	got, err := ReadPowerRows(rows)
	var ce *CSVError
	if !errors.As(err, &ce) || len(ce.Cells) != 3 {
		t.Fatalf("ReadPowerRows error = %v, want three bad cells of row 5", err)
	}
	for _, c := range ce.Cells {
		if c.Row != 5 || c.Line != 5 {
			t.Errorf("bad cell %+v, want row and line 5", c)
		}
	}
	if diff := cmp.Diff(before, rows); diff != "" {
		t.Errorf("ReadPowerRows modified its rows (-before +after):\n%s", diff)
	}
	if got[0].Extra["第7列"] != "x" || got[0].Extra["备注"] != "甲" || got[0].Extra["备注（第9列）"] != "乙" {
		t.Errorf("extra cells %v", got[0].Extra)
	}
	if got[1].Parent != "A-000" || got[2].Parent != "A-000" {
		t.Errorf("parents %q and %q, want A-000 from the column and from the row before", got[1].Parent, got[2].Parent)
	}
}

// FuzzReadPowerRows: no rows panic the importer or are modified by it;
// every error wraps ErrCell or ErrInvalid, and each bad cell is said in
// Chinese; rows and their CSV import alike, and what they import writes a
// CSV file that imports the same (readsRows). A fuzz input is split into
// rows at line breaks and into cells at tabs; a vertical tab in a cell is
// a line break within it, as a multi-valued cell has.
//
// The body checks cheaply: Go's fuzzing minimises every input that finds
// new coverage before it counts further executions, trying it thousands
// of times (for a mutant of a real list's few kilobytes, until
// -fuzzminimizetime, 60 s by default), so the cost of one execution is
// paid many times over. cmp.Diff runs only on a mismatch.
func FuzzReadPowerRows(f *testing.F) {
	f.Add("事项类型\t事项编码\t事项名称\t设定依据\t子项\n1\tA\t甲\tx\t\n\tA-1\t\t\t乙")
	f.Add("权力类型\t权力类型\n20")
	for _, seed := range rowSeeds(f) {
		in := fuzzRowsText(seed.rows)
		if !slices.EqualFunc(fuzzRows(in), seed.rows, slices.Equal) {
			f.Fatalf("%q: the rows do not survive the fuzz input's form", in)
		}
		f.Add(in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		readsRows(t, s, ReadPowerRows, ReadPowersCSV, WritePowersCSV)
	})
}

// fuzzRows splits a FuzzReadPowerRows input into rows and cells.
func fuzzRows(s string) [][]string {
	var rows [][]string
	for _, line := range strings.Split(s, "\n") {
		cells := strings.Split(line, "\t")
		for j := range cells {
			cells[j] = strings.ReplaceAll(cells[j], "\v", "\n")
		}
		rows = append(rows, cells)
	}
	return rows
}

// fuzzRowsText is the FuzzReadPowerRows input of rows, whose cells hold
// no tab or vertical tab.
func fuzzRowsText(rows [][]string) string {
	lines := make([]string, len(rows))
	for i, r := range rows {
		lines[i] = strings.ReplaceAll(strings.Join(r, "\t"), "\n", "\v")
	}
	return strings.Join(lines, "\n")
}

// utf8Rows reports whether rows are UTF-8 text whose CSV reads back as
// the same cells (no carriage returns, which CSV normalises, and a header
// row that is not blank).
func utf8Rows(rows [][]string) bool {
	for _, r := range rows {
		for _, c := range r {
			if !utf8.ValidString(c) || strings.ContainsRune(c, '\r') {
				return false
			}
		}
	}
	return len(rows) > 0 && !blankRecord(rows[0])
}
