package canon

import (
	"math/rand"
	"strings"
	"testing"
	"time"
)

// TestCheckRefuses lists payloads that decode but are not canonical.
func TestCheckRefuses(t *testing.T) {
	ok := `{"matter":"M","seq":1,"at":"2020-06-01T01:02:03.5Z","kind":"report","actor":"A","units":["a","b"],"satisfied":true}`
	if !Event.Check([]byte(ok)) {
		t.Fatalf("Check refuses the canonical %s", ok)
	}
	for _, p := range []string{
		``, `{}`, `null`, ok + ` `, ` ` + ok, ok + `{}`,
		strings.Replace(ok, `,"seq"`, `, "seq"`, 1),
		strings.Replace(ok, `"A"`, `"\u0041"`, 1),
		strings.Replace(ok, `"A"`, `"\/"`, 1),
		strings.Replace(ok, `"A"`, `"<\u003c"`, 1),
		strings.Replace(ok, `"A"`, `"\u000a"`, 1),
		strings.Replace(ok, `"A"`, `"\u001F"`, 1),
		strings.Replace(ok, `"A"`, "\"\x01\"", 1),
		strings.Replace(ok, `"A"`, "\"\xff\"", 1),
		strings.Replace(ok, `"A"`, "\"\u2028\"", 1),
		strings.Replace(ok, `"A"`, `""`, 1),
		strings.Replace(ok, `"seq":1`, `"seq":01`, 1),
		strings.Replace(ok, `"seq":1`, `"seq":-0`, 1),
		strings.Replace(ok, `"seq":1`, `"seq":1.0`, 1),
		strings.Replace(ok, `"seq":1`, `"seq":1e0`, 1),
		strings.Replace(ok, `"seq":1`, `"seq":99999999999999999999`, 1),
		strings.Replace(ok, `.5Z`, `.50Z`, 1),
		strings.Replace(ok, `.5Z`, `.5+00:00`, 1),
		strings.Replace(ok, `.5Z`, `.5z`, 1),
		strings.Replace(ok, `01:02:03`, `24:02:03`, 1),
		strings.Replace(ok, `06-01`, `02-30`, 1),
		strings.Replace(ok, `"report"`, `"上报"`, 1),
		strings.Replace(ok, `"report"`, `"Report"`, 1),
		strings.Replace(ok, `"report"`, `""`, 1),
		strings.Replace(ok, `["a","b"]`, `[]`, 1),
		strings.Replace(ok, `["a","b"]`, `["a",]`, 1),
		strings.Replace(ok, `true`, `1`, 1),
		strings.Replace(ok, `"matter":"M","seq":1`, `"seq":1,"matter":"M"`, 1),
		strings.Replace(ok, `,"actor":"A"`, `,"actor":"A","actor":"A"`, 1),
		strings.Replace(ok, `,"satisfied":true`, `,"satisfied":true,"extra":1`, 1),
	} {
		if Event.Check([]byte(p)) {
			t.Errorf("Check accepts %s", p)
		}
	}
	ev := `{"matter":"M","subject":"S","evaluator":"E","at":"2020-06-01T00:00:00Z","result":{"grade":"good","points":"92.5"}}`
	if !Evaluation.Check([]byte(ev)) {
		t.Fatalf("Check refuses the canonical %s", ev)
	}
	for _, pts := range []string{`92.50`, `092.5`, `-0`, `+1`, `1.`, `.5`, `1e2`, `"92.5"`, ``} {
		p := strings.Replace(ev, `92.5`, pts, 1)
		if Evaluation.Check([]byte(p)) {
			t.Errorf("Check accepts %s", p)
		}
	}
	if p := strings.Replace(ev, `"evaluator":"E"`, `"evaluator":"E","stage":0`, 1); Evaluation.Check([]byte(p)) {
		t.Errorf("Check accepts %s", p)
	}
}

// TestCheckTimeIsTimeFormat compares checkTime with formatting the parsed
// time, for every day of a leap and a common year at several clocks.
func TestCheckTimeIsTimeFormat(t *testing.T) {
	for _, s := range []string{"2020-02-29T00:00:00Z", "2019-02-29T00:00:00Z", "2000-02-29T23:59:59.999999999Z", "1900-02-29T00:00:00Z",
		"0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2020-12-31T23:59:60Z", "2020-13-01T00:00:00Z", "2020-00-10T00:00:00Z",
		"2020-01-00T00:00:00Z", "2020-04-31T00:00:00Z", "2020-01-01T00:00:00.Z", "2020-01-01T00:00:00.1234567891Z", "2020-01-01T00:00:00.000000001Z"} {
		p, err := time.Parse(time.RFC3339Nano, s)
		want := err == nil && p.UTC().Format(time.RFC3339Nano) == s
		if got := checkTime([]byte(s)); got != want {
			t.Errorf("checkTime(%s) = %v; formatting the parsed time says %v", s, got, want)
		}
	}
}

// TestAppendTime compares appendTime with time's own formatting, over
// instants from the year 0000 to 9999 in several zones, and refuses the
// years beyond.
func TestAppendTime(t *testing.T) {
	g := gen{rand.New(rand.NewSource(3))}
	for i := 0; i < 200000; i++ {
		at := g.time()
		if i%3 == 0 {
			at = at.Add(time.Duration(g.r.Int63()))
		}
		want := `"` + at.UTC().Format(time.RFC3339Nano) + `"`
		got, err := appendTime(nil, at)
		if y := at.UTC().Year(); y < 0 || y > 9999 {
			if err == nil {
				t.Fatalf("appendTime(%v) = %s; want an error", at, got)
			}
			continue
		}
		if err != nil || string(got) != want {
			t.Fatalf("appendTime(%v) = %s, %v; want %s", at, got, err, want)
		}
	}
	for _, at := range []time.Time{time.Date(-1, 12, 31, 23, 59, 59, 999999999, time.UTC), time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)} {
		if got, err := appendTime(nil, at); err == nil {
			t.Errorf("appendTime(%v) = %s; want an error", at, got)
		}
	}
}
