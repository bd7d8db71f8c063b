package canon

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"math/rand"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/shopspring/decimal"
)

// reference is the canonical form as encoding/json gives it, the way the
// journal's writer made payloads before it encoded them directly: the
// value with its time in UTC, through an encoder with HTML escaping off,
// and the escapes \u003c, \u003e and \u0026 that a field's own MarshalJSON
// (json.Marshal escapes HTML) left undone.
func reference(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	b := bytes.TrimSuffix(buf.Bytes(), []byte{'\n'})
	return unescapeHTML(b), nil
}

func unescapeHTML(b []byte) []byte {
	var out []byte
	for i := 0; i < len(b); i++ {
		if b[i] == '\\' && i+1 < len(b) {
			if i+5 < len(b) {
				switch string(b[i+1 : i+6]) {
				case "u003c":
					out = append(out, '<')
					i += 5
					continue
				case "u003e":
					out = append(out, '>')
					i += 5
					continue
				case "u0026":
					out = append(out, '&')
					i += 5
					continue
				}
			}
			out = append(out, b[i], b[i+1])
			i++
			continue
		}
		out = append(out, b[i])
	}
	return out
}

// texts a generator draws from: plain, empty, every kind of escape, HTML
// characters, line and paragraph separators, DEL, CJK and an emoji.
var sampleTexts = []string{
	"", "JJ-01", "城管局", "a\"b\\c", "<响应及时> & 处置到位", "\b\f\n\r\t", "\x00\x01\x1f", "\u2028\u2029", "\x7f",
	"e\u0301", "😀", "\ufffd", "tab\tend", `\u003c`, "long " + strings.Repeat("字", 40),
}

// badTexts are not valid UTF-8: they have no canonical form.
var badTexts = []string{"bad \xff", "\xed\xa0\x80", "\xc0\xaf"}

type gen struct{ r *rand.Rand }

func (g gen) text() string {
	if g.r.Intn(100) == 0 {
		return badTexts[g.r.Intn(len(badTexts))]
	}
	s := sampleTexts[g.r.Intn(len(sampleTexts))]
	if g.r.Intn(4) == 0 {
		s += sampleTexts[g.r.Intn(len(sampleTexts))]
	}
	return s
}

func (g gen) texts() []string {
	switch g.r.Intn(4) {
	case 0:
		return nil
	case 1:
		return []string{}
	}
	out := make([]string, 1+g.r.Intn(3))
	for i := range out {
		out[i] = g.text()
	}
	return out
}

func (g gen) time() time.Time {
	zones := []*time.Location{time.UTC, time.FixedZone("CST", 8*3600), time.FixedZone("W", -(9*3600 + 30*60))}
	sec := g.r.Int63n(253402300799+62135596800) - 62135596800 // years 0001 to 9999
	if g.r.Intn(10) == 0 {
		sec = -62167219200 + g.r.Int63n(1e7) // the year 0000
	}
	nsec := []int64{0, 500_000_000, 123_456_789, 1, 100}[g.r.Intn(5)]
	return time.Unix(sec, nsec).In(zones[g.r.Intn(len(zones))])
}

func (g gen) decimal() decimal.Decimal {
	switch g.r.Intn(6) {
	case 0:
		return decimal.Decimal{}
	case 1: // a coefficient beyond int64
		c, _ := new(big.Int).SetString(strings.Repeat("9", 19+g.r.Intn(20)), 10)
		return decimal.NewFromBigInt(c, int32(g.r.Intn(30)-15))
	case 2: // trailing zeros to drop
		return decimal.New(g.r.Int63n(1000)*1000, int32(-g.r.Intn(6)))
	}
	return decimal.New(g.r.Int63n(2e6)-1e6, int32(g.r.Intn(24)-12))
}

func (g gen) event() matters.Event {
	e := matters.Event{Matter: g.text(), Seq: g.r.Intn(5) - 1, At: g.time(), Kind: matters.Kind(g.r.Intn(21)),
		Actor: g.text(), Type: g.text(), Units: g.texts(), Routes: g.text(), Override: g.text(), Note: g.text(),
		Days: g.r.Intn(4) - 1, Ref: g.r.Intn(4), Supervisor: g.text()}
	if g.r.Intn(3) > 0 {
		b := g.r.Intn(2) == 0
		e.Satisfied = &b
	}
	if g.r.Intn(3) > 0 {
		b := g.r.Intn(2) == 0
		e.Solved = &b
	}
	return e
}

func (g gen) evaluation() scoring.Evaluation {
	e := scoring.Evaluation{Matter: g.text(), Subject: g.text(), Evaluator: g.text(), Stage: []int{0, 1, 2, -3, 1 << 40}[g.r.Intn(5)], At: g.time(),
		Result: scoring.Result{Grade: g.text(), Points: g.decimal(), Policy: g.text(), Reasons: g.reasons()}}
	if g.r.Intn(2) == 0 {
		e.Facts = g.facts()
	}
	return e
}

// reasons draws a list of reasons: texts, and reasons with a rule, checks
// and figures, now and then with a code out of range (no form).
func (g gen) reasons() []reason.Reason {
	if g.r.Intn(4) == 0 {
		return reason.Texts(g.texts()...)
	}
	rs := make([]reason.Reason, 1+g.r.Intn(2))
	for i := range rs {
		r := reason.Reason{Rule: g.r.Intn(3), Lang: reason.Lang(g.r.Intn(2)), Type: g.text(), Text: g.text()}
		if g.r.Intn(2) == 0 {
			r.Name = g.text()
		}
		for range g.r.Intn(3) {
			r.Checks = append(r.Checks, reason.Check{Of: reason.Of(1 + g.r.Intn(14)), Op: reason.Op(1 + g.r.Intn(5)), Threshold: g.decimal()})
		}
		for range g.r.Intn(4) {
			r.Figures = append(r.Figures, reason.Figure{Of: reason.Of(1 + g.r.Intn(14)), Done: g.r.Intn(2) == 0, Actual: g.duration(), Limit: g.duration(),
				Places: g.r.Intn(3) * 2, Value: g.r.Intn(5) - 2})
		}
		if g.r.Intn(200) == 0 {
			r.Lang = 7
		}
		if g.r.Intn(200) == 0 && len(r.Checks) > 0 {
			r.Checks[0].Of = 0
		}
		rs[i] = r
	}
	return rs
}

// duration draws a time.Duration: 0, small and large, negative, the ends.
func (g gen) duration() time.Duration {
	return []time.Duration{0, 1, 1500, 2 * time.Millisecond, 1500 * time.Microsecond, 3*time.Hour + time.Second/3, -5, math.MaxInt64, math.MinInt64, 90 * time.Minute}[g.r.Intn(10)]
}

// facts draws the facts of an evaluation.
func (g gen) facts() *scoring.Facts {
	f := &scoring.Facts{Matter: g.text(), Subject: g.text(), Evaluator: g.text(), Type: g.text(), Stage: g.r.Intn(3) - 1, Final: g.r.Intn(2) == 0,
		Response: g.duration(), ResponseLimit: g.duration(), Resolution: g.duration(), ResolutionLimit: g.duration(),
		Responded: g.r.Intn(2) == 0, Resolved: g.r.Intn(2) == 0, Returned: g.r.Intn(2) == 0, Urged: g.r.Intn(3), Supervised: g.r.Intn(3),
		Replied: g.r.Intn(2) == 0, Quality: g.r.Intn(7) - 1}
	if g.r.Intn(3) > 0 {
		b := g.r.Intn(2) == 0
		f.Satisfied = &b
	}
	if g.r.Intn(3) == 0 {
		f.Attrs = map[string]string{}
		for range g.r.Intn(4) {
			f.Attrs[g.text()] = g.text()
		}
	}
	return f
}

func (g gen) amendment() scoring.Amendment {
	return scoring.Amendment{Evaluation: g.evaluation(), Author: g.text(), Reason: g.text()}
}

// utc returns v with its time in UTC, as the journal writes it.
func utc(v any) any {
	switch v := v.(type) {
	case matters.Event:
		v.At = v.At.UTC()
		return v
	case scoring.Evaluation:
		v.At = v.At.UTC()
		return v
	case scoring.Amendment:
		v.At = v.At.UTC()
		return v
	}
	panic(fmt.Sprintf("%T", v))
}

// encode writes v with its schema.
func encode(v any) ([]byte, error) {
	switch v := v.(type) {
	case matters.Event:
		return AppendEvent(nil, &v)
	case scoring.Evaluation:
		return AppendEvaluation(nil, &v)
	case scoring.Amendment:
		return AppendAmendment(nil, &v)
	}
	panic(fmt.Sprintf("%T", v))
}

func check(v any, b []byte) bool {
	switch v.(type) {
	case matters.Event:
		return Event.Check(b)
	case scoring.Evaluation:
		return Evaluation.Check(b)
	}
	return Amendment.Check(b)
}

// hasNoForm reports whether v has a value the schema refuses: invalid
// UTF-8 (encoding/json would alter it), an unnamed kind, a decimal over 64
// characters (encoding/json would write it, but it could not be read
// back).
func hasNoForm(v any, ref []byte) bool {
	// encoding/json writes the escape \ufffd only for invalid UTF-8 (it
	// writes U+FFFD itself as it is): an escape preceded by an even number
	// of backslashes.
	for b := ref; ; {
		i := bytes.Index(b, []byte(`\ufffd`))
		if i < 0 {
			break
		}
		n := 0
		for j := i - 1; j >= 0 && b[j] == '\\'; j-- {
			n++
		}
		if n%2 == 0 {
			return true
		}
		b = b[i+1:]
	}
	var probe struct {
		Result *struct {
			Points string `json:"points"`
		} `json:"result"`
	}
	_ = json.Unmarshal(ref, &probe)
	return probe.Result != nil && len(probe.Result.Points) > jsonx.MaxDecimalLen
}

// TestAppendIsEncodingJSON is the property that the direct encoding is
// byte for byte the canonical encoding/json form, over random values of
// the three payloads, and that Check accepts it.
func TestAppendIsEncodingJSON(t *testing.T) {
	g := gen{rand.New(rand.NewSource(1))}
	compared := 0
	for i := 0; i < 20000; i++ {
		var v any
		switch i % 3 {
		case 0:
			v = g.event()
		case 1:
			v = g.evaluation()
		default:
			v = g.amendment()
		}
		want, refErr := reference(utc(v))
		got, err := encode(v)
		switch {
		case refErr != nil:
			if err == nil {
				t.Fatalf("%#v: encoding/json refuses it (%v); the schema wrote %s", v, refErr, got)
			}
			continue
		case hasNoForm(v, want):
			if err == nil {
				t.Fatalf("%#v has no canonical form; the schema wrote %s", v, got)
			}
			continue
		case err != nil:
			t.Fatalf("%#v: %v; encoding/json writes %s", v, err, want)
		}
		compared++
		if diff := cmp.Diff(string(want), string(got)); diff != "" {
			t.Fatalf("%#v: encoding mismatch (-want +got):\n%s", v, diff)
		}
		if !check(v, got) {
			t.Fatalf("Check refuses its own encoding %s", got)
		}
	}
	if compared < 10000 {
		t.Errorf("only %d of 20000 values compared; the generator makes too many without a form", compared)
	}
}

// TestEncoderRemembersNothingItShouldNot encodes random values, and events
// on a few days in a row, with one Encoder and with a fresh one each: the
// same bytes.
func TestEncoderRemembersNothingItShouldNot(t *testing.T) {
	g := gen{rand.New(rand.NewSource(4))}
	var shared Encoder
	day := time.Date(1969, 12, 30, 0, 0, 0, 0, time.UTC) // and the days around 1970-01-01
	for i := 0; i < 5000; i++ {
		var got, want []byte
		var gerr, werr error
		switch i % 4 {
		case 0:
			e := g.event()
			got, gerr = shared.AppendEvent(nil, &e)
			want, werr = AppendEvent(nil, &e)
		case 1:
			e := g.evaluation()
			got, gerr = shared.AppendEvaluation(nil, &e)
			want, werr = AppendEvaluation(nil, &e)
		case 2:
			a := g.amendment()
			got, gerr = shared.AppendAmendment(nil, &a)
			want, werr = AppendAmendment(nil, &a)
		default:
			e := matters.Event{Matter: "M", At: day.Add(time.Duration(g.r.Int63n(int64(72 * time.Hour))))}
			got, gerr = shared.AppendEvent(nil, &e)
			want, werr = AppendEvent(nil, &e)
		}
		if !bytes.Equal(got, want) || (gerr == nil) != (werr == nil) {
			t.Fatalf("value %d: one encoder wrote %s (%v); a fresh one %s (%v)", i, got, gerr, want, werr)
		}
	}
}

// TestNoFormIsAnError checks the values that have no canonical form.
func TestNoFormIsAnError(t *testing.T) {
	at := time.Date(2020, 6, 1, 0, 0, 0, 0, time.UTC)
	big := decimal.RequireFromString("1." + strings.Repeat("1", 63))
	for _, v := range []any{
		matters.Event{Matter: "\xff", At: at},
		matters.Event{Matter: "M", At: at, Kind: matters.Kind(99)},
		matters.Event{Matter: "M", At: at, Units: []string{"ok", "b\xc0d"}},
		matters.Event{Matter: "M", At: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)},
		matters.Event{Matter: "M", At: time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC)},
		scoring.Evaluation{Matter: "M", At: at, Result: scoring.Result{Points: big}},
		scoring.Amendment{Evaluation: scoring.Evaluation{Matter: "M", At: at}, Reason: "\xed\xa0\x80"},
		// Reasons the decoder refuses: a rule below 0, places outside 0 to
		// reason.MaxPlaces, more than reason.MaxList checks or figures.
		scoring.Evaluation{Matter: "M", At: at, Result: scoring.Result{Reasons: []reason.Reason{{Rule: -1}}}},
		scoring.Evaluation{Matter: "M", At: at, Result: scoring.Result{Reasons: []reason.Reason{{Rule: 1, Figures: []reason.Figure{{Of: reason.Response, Places: reason.MaxPlaces + 1}}}}}},
		scoring.Evaluation{Matter: "M", At: at, Result: scoring.Result{Reasons: []reason.Reason{{Rule: 1, Figures: []reason.Figure{{Of: reason.Response, Places: -1}}}}}},
		scoring.Evaluation{Matter: "M", At: at, Result: scoring.Result{Reasons: []reason.Reason{{Rule: 1, Figures: slices.Repeat([]reason.Figure{{Of: reason.Urged, Value: 1}}, reason.MaxList+1)}}}},
		scoring.Evaluation{Matter: "M", At: at, Result: scoring.Result{Reasons: []reason.Reason{{Rule: 1, Checks: slices.Repeat([]reason.Check{{Of: reason.Urged, Op: reason.AtMost}}, reason.MaxList+1)}}}},
	} {
		if b, err := encode(v); err == nil {
			t.Errorf("%#v: encoded as %s; want an error", v, b)
		}
	}
}

// TestNoFormNamesTheMember: the error for a value with no canonical form
// names the member and says why once, and a decimal too long to write is
// refused before it is written, as quickly for four million digits as
// for 65.
func TestNoFormNamesTheMember(t *testing.T) {
	at := time.Date(2020, 6, 1, 0, 0, 0, 0, time.UTC)
	huge := new(big.Int).Exp(big.NewInt(10), big.NewInt(4_000_000), nil)
	for _, c := range []struct {
		name string
		v    any
		want string
	}{
		{"65 digits", scoring.Evaluation{Matter: "M", At: at, Result: scoring.Result{Points: decimal.RequireFromString("1." + strings.Repeat("1", 63))}}, "result.points: decimal of more than 64 characters: no canonical form"},
		{"four million digits", scoring.Evaluation{Matter: "M", At: at, Result: scoring.Result{Points: decimal.NewFromBigInt(huge, 1)}}, "result.points: decimal of more than 64 characters: no canonical form"},
		{"four million digits after the point", scoring.Evaluation{Matter: "M", At: at, Result: scoring.Result{Points: decimal.NewFromBigInt(huge.Add(huge, big.NewInt(1)), -4_000_000)}}, "result.points: decimal of more than 64 characters: no canonical form"},
		{"text", matters.Event{Matter: "\xff", At: at}, "matter: text is not valid UTF-8: no canonical form"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var err error
			took := hardening.Took(func() { _, err = encode(c.v) })
			if err == nil || err.Error() != c.want || !errors.Is(err, errNoForm) {
				t.Errorf("error %v, want %q wrapping errNoForm", err, c.want)
			}
			if took > hardening.Budget(50*time.Millisecond) {
				t.Errorf("took %s to refuse", took)
			}
		})
	}
}

// TestCheckRefusesWhatDoesNotDecode checks that Check refuses a payload of
// canonical form whose numbers the decoder refuses — a rule below 0,
// places outside 0 to reason.MaxPlaces — and takes the same payload with
// numbers in range, and the same for a reason's lists, at most
// reason.MaxList long: a verifier must not pass a line that cannot be read.
func TestCheckRefusesWhatDoesNotDecode(t *testing.T) {
	if reason.MaxPlaces != 82 {
		t.Fatalf("reason.MaxPlaces is %d; the journal's documentation and verify.py say 82", reason.MaxPlaces)
	}
	if reason.MaxList != 64 {
		t.Fatalf("reason.MaxList is %d; the journal's documentation and verify.py say 64", reason.MaxList)
	}
	payload := func(rule, places int) []byte {
		return fmt.Appendf(nil, `{"matter":"M","subject":"S","evaluator":"E","at":"2020-06-01T00:00:00Z",`+
			`"result":{"grade":"good","points":"80","reasons":[{"rule":%d,"figures":[{"of":"response","done":true,`+
			`"actual":"1h0m0s","limit":"3h0m0s","places":%d}]}]}}`, rule, places)
	}
	for _, tc := range []struct {
		name        string
		rule        int
		places      int
		wantDecoded bool
	}{
		{"in range", 3, 2, true},
		{"places at the most", 1, reason.MaxPlaces, true},
		{"places above the most", 1, reason.MaxPlaces + 1, false},
		{"places negative", 1, -1, false},
		{"rule negative", -1, 2, false},
		{"rule the largest int64", math.MaxInt64, 2, true},
	} {
		p := payload(tc.rule, tc.places)
		var e scoring.Evaluation
		decoded := jsonx.Decode(p, &e) == nil
		if got := Evaluation.Check(p); decoded != tc.wantDecoded || got != tc.wantDecoded {
			t.Errorf("%s: Check says %v, the decoder %v; want both %v", tc.name, got, decoded, tc.wantDecoded)
		}
	}
	// A reason holds at most reason.MaxList checks and as many figures.
	lists := func(checks, figures int) []byte {
		c := strings.Repeat(`,{"of":"urged","op":"atMost","threshold":"1"}`, checks)[1:]
		f := strings.Repeat(`,{"of":"urged","value":1}`, figures)[1:]
		return fmt.Appendf(nil, `{"matter":"M","subject":"S","evaluator":"E","at":"2020-06-01T00:00:00Z",`+
			`"result":{"points":"80","reasons":[{"rule":1,"checks":[%s],"figures":[%s]}]}}`, c, f)
	}
	for _, tc := range []struct {
		name            string
		checks, figures int
		wantDecoded     bool
	}{
		{"lists at the most", reason.MaxList, reason.MaxList, true},
		{"checks above the most", reason.MaxList + 1, 1, false},
		{"figures above the most", 1, reason.MaxList + 1, false},
	} {
		p := lists(tc.checks, tc.figures)
		var e scoring.Evaluation
		decoded := jsonx.Decode(p, &e) == nil
		if got := Evaluation.Check(p); decoded != tc.wantDecoded || got != tc.wantDecoded {
			t.Errorf("%s: Check says %v, the decoder %v; want both %v", tc.name, got, decoded, tc.wantDecoded)
		}
	}
}

// TestCheckRefusesTextTooLongToDecode: a string of the payload holds at
// most jsonx.MaxString bytes once its escapes are read, as the decoder
// reads it; escapes count as the bytes they stand for. The encoder
// refuses a longer one.
func TestCheckRefusesTextTooLongToDecode(t *testing.T) {
	at := time.Date(2020, 6, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name        string
		note        string
		wantDecoded bool
	}{
		{"at the most", strings.Repeat("a", jsonx.MaxString), true},
		{"one byte over", strings.Repeat("a", jsonx.MaxString+1), false},
		{"at the most, escaped", strings.Repeat(`\n`, jsonx.MaxString/2) + strings.Repeat(`\u0001`, jsonx.MaxString/2), true},
		{"at the most, separators", strings.Repeat(`\u2028`, jsonx.MaxString/3) + "a", true},
		{"over, escaped", strings.Repeat(`\t`, jsonx.MaxString+1), false},
	} {
		p := []byte(`{"matter":"M","seq":1,"at":"2020-06-01T00:00:00Z","note":"` + tc.note + `"}`)
		var e matters.Event
		decoded := jsonx.Decode(p, &e) == nil
		if got := Event.Check(p); decoded != tc.wantDecoded || got != tc.wantDecoded {
			t.Errorf("%s: Check says %v, the decoder %v; want both %v", tc.name, got, decoded, tc.wantDecoded)
		}
		if !decoded {
			continue
		}
		if _, err := AppendEvent(nil, &matters.Event{Matter: "M", Seq: 1, At: at, Note: e.Note + "x"}); err == nil {
			t.Errorf("%s: AppendEvent of a note of %d bytes gives no error", tc.name, len(e.Note)+1)
		}
	}
}

// FuzzCheck is the converse property: whatever Check accepts decodes
// strictly, and encodes back to the same bytes.
func FuzzCheck(f *testing.F) {
	g := gen{rand.New(rand.NewSource(2))}
	for i := 0; i < 30; i++ {
		for k, v := range []any{g.event(), g.evaluation(), g.amendment()} {
			if b, err := encode(v); err == nil {
				f.Add(uint8(k), b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, k uint8, payload []byte) {
		var v any
		var ok bool
		switch k % 3 {
		case 0:
			var e matters.Event
			ok, v = Event.Check(payload), &e
		case 1:
			var e scoring.Evaluation
			ok, v = Evaluation.Check(payload), &e
		default:
			var a scoring.Amendment
			ok, v = Amendment.Check(payload), &a
		}
		if !ok {
			return
		}
		if err := jsonx.Decode(payload, v); err != nil {
			t.Fatalf("Check accepts %s, which does not decode: %v", payload, err)
		}
		var back []byte
		var err error
		switch v := v.(type) {
		case *matters.Event:
			back, err = AppendEvent(nil, v)
		case *scoring.Evaluation:
			back, err = AppendEvaluation(nil, v)
		case *scoring.Amendment:
			back, err = AppendAmendment(nil, v)
		}
		if err != nil || !bytes.Equal(back, payload) {
			t.Fatalf("Check accepts %s, which encodes back as %s (%v)", payload, back, err)
		}
	})
}

// FuzzAppend checks that an event made of fuzzed texts encodes as
// encoding/json does, or is refused exactly when it has no form.
func FuzzAppend(f *testing.F) {
	for _, s := range append(sampleTexts, badTexts...) {
		f.Add(s, s, int64(0))
	}
	f.Fuzz(func(t *testing.T, a, b string, nanos int64) {
		e := matters.Event{Matter: a, Note: b, Units: []string{b, a}, At: time.Unix(0, nanos)}
		want, refErr := reference(utc(e))
		got, err := encode(e)
		if refErr != nil || hasNoForm(e, want) {
			if err == nil {
				t.Fatalf("%#v: the schema wrote %s; it has no canonical form", e, got)
			}
			return
		}
		if err != nil || !bytes.Equal(want, got) {
			t.Fatalf("%#v: the schema wrote %s (%v); encoding/json %s", e, got, err, want)
		}
		if !Event.Check(got) {
			t.Fatalf("Check refuses %s", got)
		}
	})
}
