package ledger

import (
	"math"
	"slices"
	"time"

	"github.com/shopspring/decimal"
)

// record is one entry, or the corrected figures of an amendment. It holds
// no pointers, so that the garbage collector need not scan records, and
// takes 32 bytes: its matter is the list it is on (see sloc.head), and its
// subject, evaluator and kind are one class.
type record struct {
	at      int64  // At in Unix nanoseconds, or a tagged index into Ledger.far
	points  int64  // millionths, or a tagged index into Ledger.wide
	reasons uint32 // 1 + an index into Ledger.reasonLocs, 0 for none; and flagAmended
	class   int32  // subject, evaluator and kind: an index into Ledger.classes
	stage   int32
	prev    int32 // 1 + the previous record of the same matter, 0 for none
}

// flagAmended, in record.reasons, says Ledger.counts has the amendment
// that counts.
const flagAmended = 1 << 31

// maxRecords bounds a ledger's records and ids, which are int32.
const maxRecords = math.MaxInt32 - 1

// A record's at and points are int64 values of at most 2^62 in magnitude,
// or else tagged indexes into a side table: tagBase + the index.
const (
	tagBase  = math.MinInt64
	tagLimit = -1 << 62 // every tagged value is below it
)

func tagged(v int64) bool { return v < tagLimit }

func untag(v int64) int { return int(v - tagBase) }

func tag(i int) int64 { return tagBase + int64(i) }

// maxAtSec bounds the seconds of a time kept as nanoseconds, so that its
// nanoseconds stay within ±2^62: from November 1823 to February 2116.
const maxAtSec = (1<<62)/1_000_000_000 - 1

// farTime is a time outside the nanosecond range, without its location.
type farTime struct {
	sec  int64
	nsec int32
}

func (r *record) isWide() bool { return tagged(r.points) }

func (r *record) reasonsID() uint32 { return r.reasons &^ flagAmended }

// atNanos returns t in Unix nanoseconds when its seconds are within
// ±maxAtSec (exclusive).
func atNanos(t time.Time) (int64, bool) {
	sec := t.Unix()
	if sec <= -maxAtSec || sec >= maxAtSec {
		return 0, false
	}
	return sec*1_000_000_000 + int64(t.Nanosecond()), true
}

// boundNanos returns a period's bound for comparing with the nanoseconds
// of records: for every time x in the nanosecond range, x < t exactly when
// x's nanoseconds < boundNanos(t).
func boundNanos(t time.Time) int64 {
	if ns, ok := atNanos(t); ok {
		return ns
	}
	if t.Unix() < 0 {
		return tagLimit
	}
	return 1 << 62
}

// atOf returns the time of a record, in the Local location as time.Unix
// gives it.
func (l *Ledger) atOf(r *record) time.Time { return timeOf(r, l.far) }

func timeOf(r *record, far []farTime) time.Time {
	if tagged(r.at) {
		f := far[untag(r.at)]
		return time.Unix(f.sec, int64(f.nsec))
	}
	return time.Unix(0, r.at)
}

// figures are an entry's time and points as a record keeps them, when
// they fit.
type figures struct {
	at, points     int64
	atOK, pointsOK bool
}

func figuresOf(e *Entry) figures {
	var f figures
	f.at, f.atOK = atNanos(e.At)
	f.points, f.pointsOK = toFixed(e.Points)
	f.pointsOK = f.pointsOK && f.points >= tagLimit && f.points <= -tagLimit
	return f
}

// setFigures sets r's time and points from e and its figures, keeping
// those that do not fit in the side tables.
func (l *Ledger) setFigures(r *record, e *Entry, f figures) {
	if f.atOK {
		r.at = f.at
	} else {
		r.at = tag(len(l.far))
		l.far = append(l.far, farTime{e.At.Unix(), int32(e.At.Nanosecond())})
	}
	if f.pointsOK {
		r.points = f.points
	} else {
		r.points = tag(len(l.wide))
		// A copy: the caller's decimal shares its coefficient.
		l.wide = append(l.wide, decimal.NewFromBigInt(e.Points.Coefficient(), e.Points.Exponent()))
	}
}

// records is an append-only list of records in chunks (see grow), so that
// growing it never copies what it holds. The zero value is empty.
type records struct {
	chunks [][]record
	n      int
}

func (s *records) len() int { return s.n }

func (s *records) at(i int32) *record {
	return &s.chunks[i>>chunkBits][i&(1<<chunkBits-1)]
}

// next appends a zero record and returns it.
func (s *records) next() *record {
	r := grow(&s.chunks, s.n)
	s.n++
	return r
}

// run returns the records from i to the end of i's chunk or of the
// list, whichever comes first, without copying them.
func (s *records) run(i int) []record {
	j := i & (1<<chunkBits - 1)
	return s.chunks[i>>chunkBits][j:min(len(s.chunks[i>>chunkBits]), j+s.n-i)]
}

// extend appends up to n zero records, at least one and as many as the
// last chunk has room for, and returns them.
func (s *records) extend(n int) []record {
	out := growRun(&s.chunks, s.n, n)
	s.n += len(out)
	return out
}

func (s *records) clone() records {
	c := records{chunks: make([][]record, len(s.chunks)), n: s.n}
	for i, ch := range s.chunks {
		c.chunks[i] = slices.Clone(ch)
	}
	return c
}
