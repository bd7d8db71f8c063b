// Package ledgertest holds what the tests of the ledger and of the book
// built on it share: matter IDs at the edges of the ledger's matter index.
package ledgertest

import "strings"

// EdgeIDs are matter IDs at the edges of splitSeq and of the sequence
// index's rules, some of which split alike but for a zero, and some of
// which are not valid UTF-8 (or empty).
func EdgeIDs() []string {
	x24, x25 := strings.Repeat("x", 24), strings.Repeat("x", 25)
	z24, z25 := strings.Repeat("0", 24), strings.Repeat("0", 25)
	return []string{
		"", "0", "00", "000", "1", "01", "001", "10", "010", "0010",
		"a", "a0", "a00", "a1", "a01", "a001", "a10",
		"999999999999999999", "0999999999999999999", "1000000000000000000",
		"18446744073709551615", "18446744073709551616", "99999999999999999999",
		"x999999999999999999", "x1000000000000000000",
		x24 + "7", x24 + "07", x25 + "7", x24, z24 + "1", z25 + "1", z24 + "0", z24, z25,
		strings.Repeat("y", 20) + "0000" + "5", strings.Repeat("y", 20) + "00000" + "5",
		"\xff1", "\x801", "\xff", "\xc3", "a\xff\xfe0", "\xff\xff00", "事项12", "事项012", "٣", "事项٣",
		"M-255", "M-256", "M-257", "M-0255", // either side of a page's end
	}
}
