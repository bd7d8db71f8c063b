package accountability

// The item number a table leaves in an item's name ("1、伪造…的处罚").

import (
	"regexp"
	"strconv"
	"strings"
)

// itemNumber is a number before an item's name: digits of either width,
// marked 、 . or ． after them, or in parentheses; the digits, the mark
// (empty for parentheses) and the text after it.
var itemNumber = regexp.MustCompile(`^(?:[（(]\s*([0-9０-９]+)\s*[)）]|([0-9０-９]+)\s*([、.．]))\s*`)

// stripItemNumber returns name without the number its table numbers the
// item with, where that is clearly a number: the row's 序号, serial, is
// the same number ("1" and "1、…", "（1）…", "1.…"), or, where the row
// has no 序号 (no such column, or a blank cell), the number is marked 、
// ("1、伪造…"). Anything else stays in the name: digits of the name
// itself, unmarked ("12345热线…"), a number that is not the row's 序号, a
// number marked . or ． before a digit (a decimal, "6.5万元") or with no
// 序号, with no 序号 a number marked 、 before a digit (numbers the name
// lists, "3、5号线"), and a number with nothing after it. One number only is removed:
// "1、1、x" is "1、x".
func stripItemNumber(name, serial string) string {
	m := itemNumber.FindStringSubmatchIndex(name)
	if m == nil || strings.TrimSpace(name[m[1]:]) == "" {
		return name
	}
	var digits, mark string
	if m[2] >= 0 {
		digits = name[m[2]:m[3]] // in parentheses
	} else {
		digits, mark = name[m[4]:m[5]], name[m[6]:m[7]]
	}
	if mark == "." || mark == "．" {
		if startsWithDigit(name[m[7]:]) {
			return name
		}
	}
	if serial == "" {
		if mark != "、" || startsWithDigit(name[m[1]:]) {
			return name // "2.丙", "3、5号线"
		}
	} else if s, err := strconv.Atoi(serial); err != nil || !sameNumber(digits, s) {
		return name
	}
	return strings.TrimSpace(name[m[1]:])
}

// sameNumber reports whether digits, of either width, are the number n.
func sameNumber(digits string, n int) bool {
	size, ok := numberAt(digits, n, numberStyle{})
	return ok && size == len(digits)
}

// nameCell is the 项目名称 cell of an item named name, written with 序号
// serial: name, or, where ReadPowersCSV would take a number off it
// (stripItemNumber), name after that number, so that it reads back whole.
func nameCell(name string, serial int) string {
	s := strconv.Itoa(serial)
	if stripItemNumber(name, s) != name {
		return s + "、" + name
	}
	return name
}
