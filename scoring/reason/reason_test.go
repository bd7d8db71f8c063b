package reason_test

import (
	"encoding/json"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/scoring/reason"
)

// sixth is a table's reason: rule 6 on figures of every kind.
func sixth(lang reason.Lang) reason.Reason {
	return reason.Reason{Rule: 6, Name: "on time, quality ≥ 4", Lang: lang,
		Checks: []reason.Check{{Of: reason.ResponseOnTime, Op: reason.Is, Threshold: decimal.NewFromInt(1)},
			{Of: reason.Quality, Op: reason.AtLeast, Threshold: decimal.NewFromInt(4)}},
		Figures: []reason.Figure{
			{Of: reason.Response, Done: true, Actual: 2 * time.Hour, Limit: 4 * time.Hour, Places: 2},
			{Of: reason.Resolution, Actual: 4*time.Hour + 10*time.Second, Limit: 4 * time.Hour, Places: 3},
			{Of: reason.Returned, Value: 1}, {Of: reason.Urged, Value: 2}, {Of: reason.Supervised, Value: 12},
			{Of: reason.Quality, Value: 5}, {Of: reason.Satisfaction, Value: -1}, {Of: reason.Stage, Value: 2}},
		Type: "占道经营"}
}

func TestString(t *testing.T) {
	noLimit := reason.Reason{Rule: 1, Name: "未响应", Lang: reason.Chinese, Figures: []reason.Figure{
		{Of: reason.Response, Actual: 3 * time.Hour}, {Of: reason.Resolution}, {Of: reason.Quality}, {Of: reason.Satisfaction, Value: 1}}}
	tests := []struct {
		name string
		r    reason.Reason
		lang reason.Lang
		want string
	}{
		{"English", sixth(reason.English), reason.English,
			`rule 6 "on time, quality ≥ 4": response 0.50 of limit, not resolved, so far 1.001 of limit, returned, urged 2, supervised 12, quality 5, dissatisfied, stage 2, type "占道经营"`},
		{"Chinese", sixth(reason.Chinese), reason.Chinese,
			`规则 6「on time, quality ≥ 4」：响应用时为时限的 0.50 倍，未办结，至今用时为时限的 1.001 倍，退单，催办 2 次，督办 12 次，质量 5，不满意，第 2 阶段，类型「占道经营」`},
		{"no limit, in Chinese", noLimit, reason.Chinese, `规则 1「未响应」：未响应，至今用时 3h0m0s，无时限，未办结，质量未评，满意`},
		{"no limit, in English", noLimit, reason.English, `rule 1 "未响应": not responded, so far 3h0m0s, no limit, not resolved, quality not given, satisfied`},
		{"a name to escape keeps strconv's quotes in Chinese", reason.Reason{Rule: 2, Name: "a\"b\n"}, reason.Chinese, `规则 2 "a\"b\n"`},
		{"text only", reason.Text("weighted sum 88 → good 85"), reason.English, "weighted sum 88 → good 85"},
		{"rule and text", reason.Reason{Rule: 3, Text: "手工复核"}, reason.Chinese, "规则 3：手工复核"},
		{"figures and text", reason.Reason{Figures: []reason.Figure{{Of: reason.Quality, Value: 4}}, Text: "x"}, reason.English, "quality 4; x"},
		{"zero", reason.Reason{}, reason.English, ""},
		{"a figure of a kind a table never gives", reason.Reason{Figures: []reason.Figure{{Of: reason.Final, Value: 1}, {Of: 99}}}, reason.English, "final 1, Of(99)"},
		{"a ratio beyond 18 places", reason.Reason{Figures: []reason.Figure{{Of: reason.Response, Done: true, Actual: 1, Limit: 3, Places: 25}}}, reason.English,
			"response 0.3333333333333333333333333 of limit"},
		{"the largest times", reason.Reason{Figures: []reason.Figure{{Of: reason.Response, Done: true, Actual: math.MaxInt64, Limit: 1, Places: 2}}}, reason.English,
			"response 9223372036854775807.00 of limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.r.In(tt.lang); got != tt.want {
				t.Errorf("In mismatch (-want +got):\n%s", cmp.Diff(tt.want, got))
			}
			if tt.r.Lang == tt.lang {
				if got := tt.r.String(); got != tt.want {
					t.Errorf("String = %s, want %s", got, tt.want)
				}
			}
		})
	}
}

// TestJSONRoundTrip: a reason reads back as it was written, a reason of
// text as a string.
func TestJSONRoundTrip(t *testing.T) {
	for _, r := range []reason.Reason{sixth(reason.Chinese), reason.Text("只是文字"), {Rule: 1}, {Type: "x"}, {Figures: []reason.Figure{{Of: reason.Quality}}}} {
		hardening.JSONRoundTrip(t, r)
	}
	if b, _ := json.Marshal(reason.Text("a")); string(b) != `"a"` {
		t.Errorf("a reason of text is written %s, not as a string", b)
	}
	b, _ := json.Marshal(sixth(reason.Chinese).Figures[1])
	if want := `{"of":"resolution","actual":"4h0m10s","limit":"4h0m0s","places":3}`; string(b) != want {
		t.Errorf("a figure is written %s, want %s", b, want)
	}
}

// TestStrict: a reason's decoder refuses what the library's decoders
// refuse, nested in checks and figures too.
func TestStrict(t *testing.T) {
	sound, err := json.Marshal(sixth(reason.Chinese))
	if err != nil {
		t.Fatal(err)
	}
	hardening.Strict(t, sound, hardening.StrictOptions{}, reason.ErrInvalid, func(b []byte) error {
		var r reason.Reason
		return r.UnmarshalJSON(b)
	})
	for _, bad := range []string{
		`{"rule":-1}`, `{"checks":[{"of":"quality"}]}`, `{"checks":[{"op":"atMost","threshold":"1"}]}`,
		`{"figures":[{"of":"quality","places":83}]}`, `{"figures":[{"of":"nope"}]}`, `{"lang":"fr"}`,
		`{"figures":[{"of":"response","actual":"1 hour"}]}`, `{"checks":[{"of":"quality","op":"atMost","threshold":"1e3"}]}`,
		`{"checks":[` + strings.Repeat(`{"of":"quality","op":"is","threshold":"1"},`, reason.MaxList) + `{"of":"quality","op":"is","threshold":"1"}]}`,
		`"\xff"`, `7`,
	} {
		var r reason.Reason
		if err := r.UnmarshalJSON([]byte(bad)); !errors.Is(err, reason.ErrInvalid) {
			t.Errorf("%s: got %v, want an error wrapping ErrInvalid", bad, err)
		}
	}
}

func TestValidate(t *testing.T) {
	if err := sixth(reason.Chinese).Validate(); err != nil {
		t.Errorf("a table's reason is invalid: %v", err)
	}
	for _, r := range []reason.Reason{{Rule: -1}, {Lang: 2}, {Checks: []reason.Check{{Of: reason.Quality}}},
		{Figures: []reason.Figure{{Of: reason.Quality, Places: -1}}}, {Name: "\xff"},
		{Checks: []reason.Check{{Of: reason.Quality, Op: reason.Is, Threshold: decimal.New(1, 70)}}},
		{Checks: slices.Repeat([]reason.Check{{Of: reason.Quality, Op: reason.Is}}, reason.MaxList+1)},
		{Figures: slices.Repeat([]reason.Figure{{Of: reason.Quality, Value: 5}}, reason.MaxList+1)},
		{Figures: []reason.Figure{{Of: reason.Response, Places: reason.MaxPlaces + 1}}}, {Figures: []reason.Figure{{Value: 1}}},
		{Text: strings.Repeat("x", 4<<20+1)}} {
		err := r.Validate()
		if !errors.Is(err, reason.ErrInvalid) {
			t.Errorf("%.80v: got %v, want an error wrapping ErrInvalid", r, err)
		}
		// What Validate refuses does not read back from its JSON as it is.
		if b, merr := json.Marshal(r); merr == nil {
			var back reason.Reason
			if uerr := json.Unmarshal(b, &back); uerr == nil && reason.Compare(r, back) == 0 {
				t.Errorf("%+.80v: Validate says %v, but its JSON reads back", r, err)
			}
		}
	}
	// And what it takes does, at the bounds.
	for _, r := range []reason.Reason{
		{Rule: 1, Checks: slices.Repeat([]reason.Check{{Of: reason.Quality, Op: reason.Is}}, reason.MaxList),
			Figures: slices.Repeat([]reason.Figure{{Of: reason.Response, Places: reason.MaxPlaces}}, reason.MaxList)},
		{Text: strings.Repeat("x", 4<<20)},
	} {
		if err := r.Validate(); err != nil {
			t.Errorf("%.80v: %v", r, err)
			continue
		}
		b, err := json.Marshal(r)
		var back reason.Reason
		if err == nil {
			err = json.Unmarshal(b, &back)
		}
		if err != nil || reason.Compare(r, back) != 0 {
			t.Errorf("%.80v: Validate takes it; its JSON reads back as %.80v, %v", r, back, err)
		}
	}
}

// TestCompare: Compare is an order: antisymmetric, zero only on equal
// reasons, and it sees every field.
func TestCompare(t *testing.T) {
	base := sixth(reason.English)
	vary := []func(*reason.Reason){
		func(r *reason.Reason) { r.Rule++ }, func(r *reason.Reason) { r.Name += "x" }, func(r *reason.Reason) { r.Lang = reason.Chinese },
		func(r *reason.Reason) { r.Text = "x" }, func(r *reason.Reason) { r.Type = "y" },
		func(r *reason.Reason) {
			r.Checks = append(r.Checks[:1:1], reason.Check{Of: reason.Quality, Op: reason.AtLeast, Threshold: decimal.NewFromInt(5)})
		},
		func(r *reason.Reason) { r.Figures = r.Figures[:3] },
		func(r *reason.Reason) {
			r.Figures = append([]reason.Figure{{Of: reason.Response, Done: true, Actual: time.Hour, Limit: 4 * time.Hour}}, r.Figures[1:]...)
		},
	}
	for i, v := range vary {
		other := sixth(reason.English)
		v(&other)
		a, b := reason.Compare(base, other), reason.Compare(other, base)
		if a == 0 || a != -b {
			t.Errorf("variation %d: Compare = %d and %d", i, a, b)
		}
	}
	same := sixth(reason.English)
	same.Checks[1].Threshold = decimal.RequireFromString("4.00")
	if reason.Compare(base, same) != 0 {
		t.Error("thresholds of equal value compare unequal")
	}
}

// TestCompareFarThresholds: thresholds built in Go may lie far apart, as
// 10^-10000000 and 4 do; Compare orders them by value without working out
// the ten-million-digit number decimal's Cmp scales one of them to.
func TestCompareFarThresholds(t *testing.T) {
	for _, tt := range []struct {
		name string
		th   decimal.Decimal
		want int // Compare(other, base), base's threshold being 4
	}{
		{"tiny", decimal.New(1, -10_000_000), -1},
		{"negative tiny", decimal.New(-1, -10_000_000), -1},
		{"huge", decimal.New(1, 10_000_000), 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			base, other := sixth(reason.English), sixth(reason.English)
			other.Checks = slices.Clone(other.Checks)
			other.Checks[1].Threshold = tt.th
			var got [2]int
			b := hardening.Allocated(func() { got = [2]int{reason.Compare(other, base), reason.Compare(base, other)} })
			if b > 1<<16 {
				t.Errorf("Compare allocated %d bytes", b)
			}
			if diff := cmp.Diff([2]int{tt.want, -tt.want}, got); diff != "" {
				t.Errorf("Compare mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
