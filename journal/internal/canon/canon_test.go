package canon

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/rand"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/reason"
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
// back), an amendment without its author or its reason.
func hasNoForm(v any, ref []byte) bool {
	if a, ok := v.(scoring.Amendment); ok && (a.Author == "" || a.Reason == "") {
		return true
	}
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

// TestCheckRefusesWhatDoesNotDecode checks that Check refuses a payload of
// canonical form whose numbers the decoder refuses — a rule below 0,
// places outside 0 to reason.MaxPlaces — and takes the same payload with
// numbers in range, and the same for a reason's lists, at most
// reason.MaxList long: a verifier must not pass a line that cannot be read
// (but for an integer over a 32-bit int, where int has 32 bits: the
// journal's integers have 64 bits on every platform).
func TestCheckRefusesWhatDoesNotDecode(t *testing.T) {
	if reason.MaxPlaces != 82 {
		t.Fatalf("reason.MaxPlaces is %d; the journal's documentation and verify.py say 82", reason.MaxPlaces)
	}
	if reason.MaxList != 64 {
		t.Fatalf("reason.MaxList is %d; the journal's documentation and verify.py say 64", reason.MaxList)
	}
	payload := func(rule int64, places int) []byte {
		return fmt.Appendf(nil, `{"matter":"M","subject":"S","evaluator":"E","at":"2020-06-01T00:00:00Z",`+
			`"result":{"grade":"good","points":"80","reasons":[{"rule":%d,"figures":[{"of":"response","done":true,`+
			`"actual":"1h0m0s","limit":"3h0m0s","places":%d}]}]}}`, rule, places)
	}
	for _, tc := range []struct {
		name                     string
		rule                     int64
		places                   int
		wantChecked, wantDecoded bool
	}{
		{"in range", 3, 2, true, true},
		{"places at the most", 1, reason.MaxPlaces, true, true},
		{"places above the most", 1, reason.MaxPlaces + 1, false, false},
		{"places negative", 1, -1, false, false},
		{"rule negative", -1, 2, false, false},
		// The journal's integers are int64 on every platform, so that a
		// journal verifies wherever it is read; where int has 32 bits a
		// rule over math.MaxInt32 verifies but does not decode.
		{"rule the largest int64", math.MaxInt64, 2, true, math.MaxInt == math.MaxInt64},
	} {
		p := payload(tc.rule, tc.places)
		var e scoring.Evaluation
		decoded := jsonx.Decode(p, &e) == nil
		if got := Evaluation.Check(p); decoded != tc.wantDecoded || got != tc.wantChecked {
			t.Errorf("%s: Check says %v, the decoder %v; want %v and %v", tc.name, got, decoded, tc.wantChecked, tc.wantDecoded)
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
