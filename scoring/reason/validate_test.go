package reason_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/qingdan/qingdan/scoring/reason"
)

// TestValidateNamesTheField: Validate's error says which field is at
// fault and how — the name or the text, too long or not UTF-8; the
// figure, the comparison or the threshold of a check; checks or figures
// too many — so that a host finds it without trying each.
func TestValidateNamesTheField(t *testing.T) {
	for _, tt := range []struct {
		r    reason.Reason
		want string
	}{
		{reason.Reason{Name: "\xff"}, "reason: invalid: name is not valid UTF-8"},
		{reason.Reason{Type: "\xff"}, "reason: invalid: type is not valid UTF-8"},
		{reason.Reason{Text: strings.Repeat("x", 4<<20+1)}, "reason: invalid: text is 4194305 bytes, longer than 4194304"},
		{reason.Reason{Checks: slices.Repeat([]reason.Check{{Of: reason.Quality, Op: reason.Is}}, reason.MaxList+1)}, "reason: invalid: 65 checks, more than 64"},
		{reason.Reason{Figures: slices.Repeat([]reason.Figure{{Of: reason.Quality}}, reason.MaxList+1)}, "reason: invalid: 65 figures, more than 64"},
		{reason.Reason{Checks: []reason.Check{{Of: reason.Quality, Op: reason.Is}, {Op: reason.Is}}}, "reason: invalid: checks[1]: figure 0 not named"},
		{reason.Reason{Checks: []reason.Check{{Of: reason.Quality, Op: 99}}}, "reason: invalid: checks[0]: comparison 99 not named"},
		{reason.Reason{Checks: []reason.Check{{Of: reason.Quality, Op: reason.Is, Threshold: decimal.New(1, 70)}}}, "reason: invalid: checks[0]: a threshold of more than 64 characters"},
		{reason.Reason{Figures: []reason.Figure{{Of: 99}}}, "reason: invalid: figures[0]: figure 99 not named"},
		{reason.Reason{Figures: []reason.Figure{{Of: reason.Response, Places: 83}}}, "reason: invalid: figures[0]: places 83, not 0 to 82"},
	} {
		err := tt.r.Validate()
		got := "<nil>"
		if err != nil {
			got = err.Error()
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%.60v: Validate mismatch (-want +got):\n%s", tt.r, diff)
		}
	}
}

// TestUnmarshalNamesTheField: the decoders' own refusals say which field
// is at fault, as Validate's do, and a check's or a figure's refusal
// inside a reason says "reason: invalid" once.
func TestUnmarshalNamesTheField(t *testing.T) {
	many := func(n int, item string) string {
		return "[" + strings.TrimSuffix(strings.Repeat(item+",", n), ",") + "]"
	}
	for _, tt := range []struct {
		in, want string
	}{
		{`{"rule":-1}`, "reason: invalid: reason: rule -1"},
		{`{"checks":` + many(reason.MaxList+1, `{"of":"quality","op":"is","threshold":"1"}`) + `}`, "reason: invalid: reason: 65 checks, more than 64"},
		{`{"figures":` + many(reason.MaxList+1, `{"of":"quality"}`) + `}`, "reason: invalid: reason: 65 figures, more than 64"},
		{`{"checks":[{"op":"is","threshold":"1"}]}`, "reason: invalid: check: no figure (of)"},
		{`{"checks":[{"of":"quality","threshold":"1"}]}`, "reason: invalid: check: no comparison (op)"},
		{`{"figures":[{"of":"quality","places":99}]}`, "reason: invalid: figure quality: places 99, not 0 to 82"},
	} {
		var r reason.Reason
		err := r.UnmarshalJSON([]byte(tt.in))
		got := "<nil>"
		if err != nil {
			got = err.Error()
		}
		if !strings.HasPrefix(got, tt.want) || strings.Count(got, "invalid") != 1 {
			t.Errorf("%.60s: error %q, want one starting %q, saying \"invalid\" once", tt.in, got, tt.want)
		}
	}
}
