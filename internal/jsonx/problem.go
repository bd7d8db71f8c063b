package jsonx

// The errors of what Decode and Read refuse, which say in English what is
// wrong, and [Chinese], which says it in Chinese.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

// checkError is a problem the checker found: what, as a format and its
// arguments, and where as a path such as routes[3].respond.
type checkError struct {
	path   string
	format string // a literal of the checker's, a key of zhFormats
	args   []any
}

func (e *checkError) Error() string {
	msg := fmt.Sprintf(e.format, e.args...)
	if e.path == "" {
		return "json: " + msg
	}
	return "json: " + msg + " at " + e.path
}

// trailingError is the error of data that holds more than one value:
// where the rest starts.
type trailingError struct{ offset int }

func (e *trailingError) Error() string { return "trailing data after the JSON value" }

// longError is Read's error for an input longer than its limit.
type longError struct{ limit int64 }

func (e *longError) Error() string { return fmt.Sprintf("input is longer than %d bytes", e.limit) }

// zhFormats holds the Chinese of each format the checker fails with, by
// the format: the same verbs, for the same arguments, the English words
// among which zhWords translates. TestChineseFormats holds every format
// of the checker to having one.
var zhFormats = map[string]string{
	`duration is not a string such as "4h0m0s"`:                                                          `时长应为字符串，如 "4h0m0s"`,
	`duration %s is not a string such as "4h0m0s"`:                                                       `时长 %s 应为字符串，如 "4h0m0s"`,
	`duration %s: not a duration such as "4h0m0s"`:                                                       `时长 %s 写法不对，应如 "4h0m0s"`,
	"duration %s longer than %d characters":                                                              "时长 %s 超过 %d 个字符",
	"%s where %s is wanted":                                                                              "应为%[2]s，却是%[1]s",
	"number %s where %s is wanted":                                                                       "应为%[2]s，却是数 %[1]s",
	`decimal %s: want a plain decimal such as "-12.5", of at most %d characters`:                         `小数 %s 写法不对，应如 "-12.5"，至多 %d 个字符`,
	`decimal %s: want a plain decimal such as "-12.5"`:                                                   `小数 %s 写法不对，应如 "-12.5"`,
	`decimal %s: want a plain decimal without escapes`:                                                   `小数 %s 写法不对，应如 "-12.5"，不含转义`,
	"decimal %s longer than %d characters":                                                               "小数 %s 超过 %d 个字符",
	"arrays and objects nested deeper than %d":                                                           "数组和对象嵌套超过 %d 层",
	"array of %d %s where %d are wanted":                                                                 "数组有 %d %s，应为 %d 个",
	"field %s is spelt %q here (field names are case-sensitive)":                                         "字段 %s 应写作 %q（字段名区分大小写）",
	"unknown field %s":                                                                                   "没有字段 %s（字段名拼错了、放错了层级，或给错了文件）",
	"duplicate key %s (a repeated key would silently take the last value)":                               "字段 %s 出现了两次",
	"duplicate key %s (read as the key %s before it: a repeated key would silently take the last value)": "字段 %s 与前面的 %s 是同一个键，出现了两次",
	"key %s is not an integer from %d to %d":                                                             "字段名 %s 应为 %d 到 %d 的整数",
	"integer %s out of range (%d to %d)":                                                                 "整数 %s 超出范围（%d 到 %d）",
	"integer %s out of range (0 to %d)":                                                                  "整数 %s 超出范围（0 到 %d）",
	"number %s out of range":                                                                             "数 %s 超出范围",
	"number %s longer than %d characters":                                                                "数 %s 超过 %d 个字符",
	"%s longer than %d bytes (the most a string may hold)":                                               "%s超过 %d 字节（字符串的上限）",
	"%s is not valid UTF-8":                                                                              "%s不是有效的 UTF-8（文件多半是 GB18030 等编码，须另存为 UTF-8）",
	"the value decoded into loops: interfaces in it point to one another in a ring":                      "要解码到的值里，接口所存的指针彼此指向、绕成一圈（encoding/json 会一直绕下去）",
	"time %s: want RFC 3339 without escapes":                                                             "时间 %s 写法不对，应为 RFC 3339 格式，不含转义",
	`time %s: want RFC 3339, such as "2024-03-04T08:40:00+08:00"`:                                        `时间 %s 写法不对，应为 RFC 3339 格式，如 "2024-03-04T08:40:00+08:00"`,
}

// A word is an English word the checker gives its formats as an
// argument: what a value is, and what a string holds. Any other argument
// (a number, a key or value, a field's name, which may be spelt as one of
// the words) is a string or a number, and is given in Chinese as it is.
type word string

// zhWords translates each word.
var zhWords = map[word]string{
	"an object": "对象", "an array": "数组", "a string": "字符串", "a number": "数", "true": "布尔值 true", "false": "布尔值 false",
	"a decimal": "小数", "true or false": "布尔值 true 或 false", "an integer": "整数", "an integer of at least 0": "不小于 0 的整数", "a time": "时间",
	"key": "字段名", "string": "字符串", "decimal": "小数", "duration": "时长", "time": "时间",
	"element": "个元素", "elements": "个元素",
}

// bom is the UTF-8 byte order mark.
const bom = "\ufeff"

// Chinese says in Chinese, on one line, what err — an error of [Decode]
// or [Read] decoding data, or one that wraps it — found wrong with data:
// where, by the path to the value (units[0].kind) or, for input that is
// not JSON, by line and column (第 3 行第 5 列), then what. It reports
// false for an error that is not one of theirs, such as a list's own
// check, which only its English says.
func Chinese(data []byte, err error) (string, bool) {
	var (
		ce *checkError
		te *textError
		tr *trailingError
		se *json.SyntaxError
		le *longError
	)
	switch {
	case errors.As(err, &ce):
		args := make([]any, len(ce.args))
		for i, a := range ce.args {
			if w, ok := a.(word); ok && zhWords[w] != "" {
				a = zhWords[w]
			}
			args[i] = a
		}
		return at(ce.path) + fmt.Sprintf(zhFormats[ce.format], args...), true
	case errors.As(err, &te):
		msg := at(te.path) + "取值 " + te.value + " 无效"
		var want interface{ Chinese() string } // an enum's, naming the values it takes
		if errors.As(te.err, &want) && want.Chinese() != "" {
			msg += "，" + want.Chinese()
		}
		return msg, true
	case errors.As(err, &tr):
		return lineColumn(data, tr.offset) + "JSON 值之后还有别的内容（一个文件只能有一个 JSON 值）", true
	case errors.As(err, &se) && se.Offset <= int64(len(bom)) && bytes.HasPrefix(data, []byte(bom)):
		// Notepad and Excel save UTF-8 with a BOM, which JSON refuses
		// (RFC 8259 §8.1) and which the reader cannot see.
		return "文件以 UTF-8 的 BOM（字节顺序标记）开头，JSON 不带 BOM：须另存为不带 BOM 的 UTF-8", true
	case errors.As(err, &se):
		return lineColumn(data, int(se.Offset)-1) + "不是有效的 JSON", true
	case errors.Is(err, io.ErrUnexpectedEOF):
		return lineColumn(data, len(data)) + "JSON 不完整：文件在值结束之前就结束了", true
	case errors.Is(err, errEmpty):
		return "文件中没有 JSON：是空的，或只有空白", true
	case errors.As(err, &le):
		return fmt.Sprintf("文件超过 %d 字节的上限", le.limit), true
	}
	return "", false
}

// at is the start of a Chinese message about the value at path: the path
// and a colon, or nothing for the whole input.
func at(path string) string {
	if path == "" {
		return ""
	}
	return path + "："
}

// lineColumn is the start of a Chinese message about the byte at offset
// in data: its line and column (in characters), each counted from 1.
func lineColumn(data []byte, offset int) string {
	line, column := Position(data, offset)
	return "第 " + strconv.Itoa(line) + " 行第 " + strconv.Itoa(column) + " 列："
}

// Position returns the line and the column (in characters) of the byte
// at offset in data, each counted from 1, as an editor shows them; an
// offset outside data is taken as its start or its end.
func Position(data []byte, offset int) (line, column int) {
	offset = max(0, min(offset, len(data)))
	line, start := 1, 0
	for i, b := range data[:offset] {
		if b == '\n' {
			line, start = line+1, i+1
		}
	}
	return line, utf8.RuneCount(data[start:offset]) + 1
}
