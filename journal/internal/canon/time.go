package canon

import "time"

// appendTime appends t as encoding/json writes it once converted to UTC:
// RFC 3339 with as many fractional digits as it needs, what
// t.UTC().AppendFormat(b, time.RFC3339Nano) gives, without its cost.
func appendTime(b []byte, t time.Time) ([]byte, error) {
	var enc Encoder
	enc.at("", t)
	if enc.why != nil {
		return b, enc.why
	}
	return append(b, enc.b...), nil
}

// appendClock appends the time of day — HH:MM:SS, the fraction if any —
// Z and the closing quotation mark.
func appendClock(b []byte, clock, nsec int) []byte {
	h, mi, s := clock/3600, clock/60%60, clock%60
	b = append(b, pairs[2*h], pairs[2*h+1], ':', pairs[2*mi], pairs[2*mi+1], ':', pairs[2*s], pairs[2*s+1])
	if nsec > 0 {
		// Nine digits, then cut the zeros at the end.
		var frac [10]byte
		frac[0] = '.'
		for i := 9; i > 1; i -= 2 {
			p := nsec % 100
			nsec /= 100
			frac[i-1], frac[i] = pairs[2*p], pairs[2*p+1]
		}
		frac[1] = byte('0' + nsec)
		n := 10
		for frac[n-1] == '0' {
			n--
		}
		b = append(b, frac[:n]...)
	}
	return append(b, 'Z', '"')
}

// civil returns the proleptic Gregorian date of a day counted from
// 1970-01-01 (Howard Hinnant's civil_from_days).
func civil(days int64) (y, m, d int) {
	z := days + 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = int(doy - (153*mp+2)/5 + 1)
	m = int(mp + 3)
	if mp >= 10 {
		m = int(mp - 9)
	}
	y = int(yoe + era*400)
	if m <= 2 {
		y++
	}
	return y, m, d
}

// checkTime reports whether b is a time as appendTime writes it:
// YYYY-MM-DDTHH:MM:SS, then a point and 1 to 9 digits, the last not 0,
// unless the nanoseconds are 0, then Z; a date of the proleptic Gregorian
// calendar, hours 00–23, minutes and seconds 00–59.
func checkTime(b []byte) bool {
	const layout = "dddd-dd-ddTdd:dd:dd"
	if len(b) < len(layout)+1 || b[len(b)-1] != 'Z' {
		return false
	}
	for i := 0; i < len(layout); i++ {
		if layout[i] == 'd' {
			if b[i] < '0' || b[i] > '9' {
				return false
			}
		} else if b[i] != layout[i] {
			return false
		}
	}
	two := func(i int) int { return int(b[i]-'0')*10 + int(b[i+1]-'0') }
	year, month, day := two(0)*100+two(2), two(5), two(8)
	if month < 1 || month > 12 || day < 1 || day > daysIn(month, year) ||
		two(11) > 23 || two(14) > 59 || two(17) > 59 {
		return false
	}
	frac := b[len(layout) : len(b)-1]
	if len(frac) == 0 {
		return true
	}
	if len(frac) < 2 || len(frac) > 10 || frac[0] != '.' || frac[len(frac)-1] == '0' {
		return false
	}
	for _, c := range frac[1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func daysIn(month, year int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
