package canon

import "strconv"

// Scanner reads a payload from its start; it never panics on any bytes.
type Scanner struct {
	b []byte
	i int
}

func (s *Scanner) byte(c byte) bool {
	if s.i < len(s.b) && s.b[s.i] == c {
		s.i++
		return true
	}
	return false
}

func (s *Scanner) lit(x string) bool {
	if len(s.b)-s.i >= len(x) && string(s.b[s.i:s.i+len(x)]) == x {
		s.i += len(x)
		return true
	}
	return false
}

// integer reads a canonical int64 (see int64) and reports whether it is 0.
func (s *Scanner) integer() (zero, ok bool) {
	n, ok := s.int64()
	return ok && n == 0, ok
}

// int64 reads a canonical int64: an optional minus sign and digits
// without leading zeros, "0" for zero (never "-0").
func (s *Scanner) int64() (int64, bool) {
	start := s.i
	s.byte('-')
	digits := s.i
	for s.i < len(s.b) && '0' <= s.b[s.i] && s.b[s.i] <= '9' {
		s.i++
	}
	text := s.b[start:s.i]
	if s.i == digits || s.b[digits] == '0' && (s.i-digits > 1 || digits > start) {
		return 0, false
	}
	n, err := strconv.ParseInt(string(text), 10, 64)
	return n, err == nil
}

// boolean reads true or false.
func (s *Scanner) boolean() bool { return s.lit("true") || s.lit("false") }
