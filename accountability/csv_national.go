package accountability

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// nationalCodes are the item-type codes (事项类型) of the national
// government-service item catalogue (全国一体化政务服务平台 政务服务事项基本目录)
// as published item lists carry them: 1 行政许可, 2 行政处罚, 3 行政强制,
// 4 行政征收, 5 行政给付, 6 行政检查, 7 行政确认, 8 行政奖励, 9 行政裁决,
// 10 其他行政权力, 20 公共服务, also written with a leading zero (01 … 09),
// each of ASCII or full-width digits (２０), which read alike.
//
// Source: the order of the ten categories in the national catalogue, and
// the codes as the provincial portals publish them, e.g. the taskType of
// Sichuan's item pages (sczwfw.gov.cn), whose district lists carry 1 on
// 行政许可 items, 5 on 行政给付, 7 on 行政确认, 8 on 行政奖励, 9 on 行政裁决,
// 10 on 其他行政权力 (备案) and 20 on 公共服务 (咨询, 查询) items.
var nationalCodes = map[string]Category{
	"1": Licensing, "2": Penalty, "3": Coercion, "4": Levy, "5": Payment,
	"6": Inspection, "7": Confirmation, "8": Reward, "9": Adjudication, "10": OtherPower,
	"01": Licensing, "02": Penalty, "03": Coercion, "04": Levy, "05": Payment,
	"06": Inspection, "07": Confirmation, "08": Reward, "09": Adjudication,
	"20": PublicService,
}

// otherPowers are the categories published lists name that are
// administrative powers of none of the nine named kinds: each reads as
// [OtherPower] (其他行政权力), with the list's word kept in Extra.
// 行政调解 (抚州), mediation by an administrative body, is one: the national
// catalogue files such items (民间纠纷处理) under 10, 其他行政权力.
var otherPowers = map[string]bool{"行政调解": true}

// parseCategoryCell reads a 权力类型 cell: a host's own spelling first, as
// it is and then without the spaces inside it, then a national item-type
// code (of either width), then one of otherPowers, then what [ParseCategory] reads; the last
// three without the spaces inside the cell, which a list may put in the
// middle of a word ("行政 许可"). kept says the cell is one of
// otherPowers, which the caller keeps in Extra.
func (pr *PowerReader) parseCategoryCell(s string) (c Category, kept bool, err error) {
	t := strings.TrimSpace(s)
	packed := t
	if strings.IndexFunc(t, unicode.IsSpace) >= 0 {
		packed = strings.Join(strings.Fields(t), "")
	}
	if pr != nil {
		if c, ok := pr.Categories[t]; ok {
			return c, false, nil
		}
		if c, ok := pr.Categories[packed]; ok {
			return c, false, nil
		}
	}
	if c, ok := nationalCodes[strings.Map(asciiDigit, packed)]; ok {
		return c, false, nil
	}
	if otherPowers[packed] {
		return OtherPower, true, nil
	}
	c, err = ParseCategory(packed)
	return c, false, err
}

// categoryWant says in Chinese what a 权力类型 cell that is no category
// should be: one of the categories' labels, as [Category.Label] gives them.
var categoryWant = func() string {
	labels := make([]string, 0, categories.Max())
	for c := Licensing; c <= categories.Max(); c++ {
		labels = append(labels, c.Label())
	}
	return "不是已知的权力类型，应为 " + strings.Join(labels, "、") + " 之一"
}()

// sniffLen is how much of a file's header row decides its encoding.
const sniffLen = 64 << 10

// decodeText returns r as UTF-8 text, deciding by the header row (the
// first line that is not blank), which names Chinese columns: as it is when that row is UTF-8 (with or without a
// byte-order mark), decoded from GB18030 — of which GBK and GB2312 are
// subsets, what Excel saves a Chinese "CSV" in — when the row is that. A
// file whose header is neither, or that is UTF-16 (with a byte-order mark,
// or a zero byte in the header row), is a *CellError of the header row
// that names the encodings. enc is the encoding found. Later rows are not sniffed: a
// cell that is not UTF-8 in a UTF-8 file is reported by the reader, and so
// is one that GB18030 cannot decode (U+FFFD) in a GB18030 file.
func decodeText(r io.Reader) (out io.Reader, enc string, err error) {
	br := bufio.NewReaderSize(r, sniffLen)
	head, err := br.Peek(sniffLen)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, "", err
	}
	full := len(head) == sniffLen
	// Blank lines before the header, which the CSV format skips, decide
	// nothing: an ASCII line break is valid text of either encoding.
	head = bytes.TrimLeft(head, "\r\n")
	partial := false // whether head may end in the middle of a character
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	} else {
		partial = full
	}
	switch {
	// UTF-16 with no byte-order mark (a database's export) has a zero byte
	// in every ASCII character, which no header of a list in UTF-8 or
	// GB18030 has.
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) || bytes.IndexByte(head, 0) >= 0:
		return nil, "UTF-16", &CellError{Row: 1, Line: 1, Err: fmt.Errorf("the file is UTF-16 text (Excel's \"Unicode text\"); save it as CSV in UTF-8 or GB18030: %w", ErrCell),
			Chinese: "文件是 UTF-16 文本（Excel 的“Unicode 文本”），" + saveAs}
	case validUTF8Prefix(head, partial):
		return br, "UTF-8", nil
	}
	gb := head
	if partial {
		gb = gb[:max(len(gb)-4, 0)] // a GB18030 character is at most 4 bytes
	}
	dec, _, derr := transform.Bytes(simplifiedchinese.GB18030.NewDecoder(), gb)
	if derr == nil && !bytes.ContainsRune(dec, utf8.RuneError) {
		return transform.NewReader(br, simplifiedchinese.GB18030.NewDecoder()), "GB18030", nil
	}
	at := 0
	for at < len(head) {
		c, n := utf8.DecodeRune(head[at:])
		if c == utf8.RuneError && n <= 1 {
			break
		}
		at += n
	}
	return nil, "", &CellError{Row: 1, Line: 1, Err: fmt.Errorf("the header row is neither UTF-8 nor GB18030 (GBK) text (byte %d is %#x); save the file as CSV in UTF-8 or GB18030: %w", at+1, head[at], ErrCell),
		Chinese: fmt.Sprintf("表头行既不是 UTF-8 也不是 GB18030（GBK）文本（第 %d 个字节是 %#x），%s", at+1, head[at], saveAs)}
}

// validUTF8Prefix reports whether b is UTF-8, allowing a rune cut at the
// end when b is only the beginning of the file.
func validUTF8Prefix(b []byte, cut bool) bool {
	if utf8.Valid(b) {
		return true
	}
	if !cut {
		return false
	}
	for k := 1; k < utf8.UTFMax && k <= len(b); k++ {
		if utf8.Valid(b[:len(b)-k]) {
			return true
		}
	}
	return false
}
