package matters_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/matters"
	"github.com/shopspring/decimal"
)

// population returns matters with the given counts: resolved of received
// whistled matters (the rest accepted), and of the resolved, yes satisfied
// and no dissatisfied answers (the latest answer counting).
func population(t testing.TB, received, resolved, yesAnswers, noAnswers int) []*matters.Matter {
	var ms []*matters.Matter
	for i := 0; i < received; i++ {
		h := slices.Clone(hAccepted)
		if i < resolved {
			h = slices.Clone(hClosed)
			// The first answer is at seq len(h)+1; the second corrects it openly.
			first := len(h) + 1
			switch {
			case i < yesAnswers:
				h = append(h, matters.Event{Kind: matters.Feedback, Actor: owner, Satisfied: no()}, correction(first, yes()))
			case i < yesAnswers+noAnswers:
				h = append(h, matters.Event{Kind: matters.Feedback, Actor: owner, Satisfied: yes()}, correction(first, no()))
			}
		}
		ms = append(ms, build(t, h...))
	}
	return ms
}

// correction is a Feedback by the owner that corrects the answer at seq
// ref, saying why.
func correction(ref int, answer *bool) matters.Event {
	return matters.Event{Kind: matters.Feedback, Actor: owner, Satisfied: answer, Ref: ref, Note: "市民来电更正回访答复"}
}

func TestSummarize(t *testing.T) {
	unwhistled := build(t, ev(matters.Report, owner), ev(matters.Close, owner), ev(matters.Feedback, owner))
	reopened := build(t, append(slices.Clone(hResolved), ev(matters.Feedback, owner), ev(matters.Reopen, owner))...)
	assigned := build(t, ev(matters.Report, hotline), ev(matters.Dispatch, hotline, lead), ev(matters.Accept, lead), ev(matters.Urge, hotline))
	supervised := build(t, append(slices.Clone(hAccepted), ev(matters.Urge, owner), ev(matters.Urge, owner), ev(matters.Supervise, outside))...)
	// A hotline's matter whose owner closed it at once, without a whistle
	// or a dispatch, and whose citizen said no at the hotline's return
	// visit: the hotline put it to the owner, which answers for it.
	notSatisfied := ev(matters.Feedback, hotline)
	notSatisfied.Satisfied = no()
	closedAtOnce := build(t, ev(matters.Report, hotline, owner), ev(matters.Close, owner), notSatisfied)
	// A hotline's matter whistled by the sub-district, handed back to the
	// hotline and dispatched by it without a whistle: an assignment.
	handedBack := build(t, ev(matters.Report, hotline, owner), ev(matters.Whistle, owner), ev(matters.Return, owner), ev(matters.Approve, hotline),
		ev(matters.Dispatch, hotline, lead))
	tests := []struct {
		name string
		ms   []*matters.Matter
		want matters.Summary
	}{
		{"none", nil, matters.Summary{ResolutionRate: decimal.Zero, SatisfactionRate: decimal.Zero}},
		{"nil entries", []*matters.Matter{nil, nil}, matters.Summary{ResolutionRate: decimal.Zero, SatisfactionRate: decimal.Zero}},
		{"746 received, 619 resolved", population(t, 746, 619, 560, 40), matters.Summary{
			Received: 746, Resolved: 619, ResolutionRate: decimal.RequireFromString("0.8298"),
			Surveyed: 600, Satisfied: 560, SatisfactionRate: decimal.RequireFromString("0.9333")}},
		{"half rounds up", population(t, 8, 1, 0, 0), matters.Summary{
			Received: 8, Resolved: 1, ResolutionRate: decimal.RequireFromString("0.125"), SatisfactionRate: decimal.Zero}},
		{"1/16 is exact", population(t, 16, 1, 1, 0), matters.Summary{
			Received: 16, Resolved: 1, ResolutionRate: decimal.RequireFromString("0.0625"),
			Surveyed: 1, Satisfied: 1, SatisfactionRate: decimal.NewFromInt(1)}},
		{"2/3", population(t, 3, 2, 0, 0), matters.Summary{
			Received: 3, Resolved: 2, ResolutionRate: decimal.RequireFromString("0.6667"), SatisfactionRate: decimal.Zero}},
		{"a matter closed without a whistle is not received", []*matters.Matter{unwhistled}, matters.Summary{
			ResolutionRate: decimal.Zero, SatisfactionRate: decimal.Zero}},
		{"a reopened matter is not resolved, its answer stays", []*matters.Matter{reopened}, matters.Summary{
			Received: 1, ResolutionRate: decimal.Zero, Surveyed: 1, Satisfied: 1, SatisfactionRate: decimal.NewFromInt(1)}},
		{"a hotline's assignment without a whistle is received", []*matters.Matter{assigned, build(t, hAccepted...)}, matters.Summary{
			Received: 2, Assigned: 1, Urged: 1, ResolutionRate: decimal.Zero, SatisfactionRate: decimal.Zero}},
		{"a hotline's matter its owner closed without a whistle is received", []*matters.Matter{closedAtOnce}, matters.Summary{
			Received: 1, Resolved: 1, ResolutionRate: decimal.NewFromInt(1), Surveyed: 1, SatisfactionRate: decimal.Zero}},
		{"a matter handed back to its hotline and dispatched by it without a whistle is assigned", []*matters.Matter{handedBack}, matters.Summary{
			Received: 1, Assigned: 1, ResolutionRate: decimal.Zero, SatisfactionRate: decimal.Zero}},
		{"urged twice and supervised counts once each", []*matters.Matter{supervised}, matters.Summary{
			Received: 1, Urged: 1, Supervised: 1, ResolutionRate: decimal.Zero, SatisfactionRate: decimal.Zero}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := matters.Summarize(tt.ms)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Summarize mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestRatesHalfUp: a rate is rounded half-up to exactly 4 places, and is
// 0 when nothing was received.
func TestRatesHalfUp(t *testing.T) {
	tests := []struct {
		resolved, received int
		want               string
	}{
		{619, 746, "0.8298"}, {1, 3, "0.3333"}, {2, 3, "0.6667"}, {1, 8, "0.1250"},
		{1, 32, "0.0313"}, {3, 32, "0.0938"}, {0, 5, "0.0000"}, {5, 5, "1.0000"}, {0, 0, "0.0000"},
	}
	for _, tt := range tests {
		s := matters.Summarize(population(t, tt.received, tt.resolved, 0, 0))
		for name, got := range map[string]decimal.Decimal{"ResolutionRate": s.ResolutionRate, "SatisfactionRate": s.SatisfactionRate} {
			want := tt.want
			if name == "SatisfactionRate" {
				want = "0.0000" // nothing surveyed
			}
			if got.StringFixed(4) != want || got.Exponent() != -4 {
				t.Errorf("%d of %d: %s = %s (exponent %d), want %s", tt.resolved, tt.received, name, got, got.Exponent(), want)
			}
		}
	}
}

// TestSummaryIgnoresDecimalGlobals changes decimal's package settings and
// shows that the summary and its JSON do not move. Not parallel.
func TestSummaryIgnoresDecimalGlobals(t *testing.T) {
	ms := population(t, 746, 619, 5, 1)
	want := matters.Summarize(ms)
	wantJSON, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	hardening.SetDecimals(t, 2, true, false)
	got := matters.Summarize(ms)
	gotJSON, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Summarize mismatch (-want +got):\n%s", diff)
	}
	if string(wantJSON) != string(gotJSON) {
		t.Errorf("JSON moved: %s, was %s", gotJSON, wantJSON)
	}
	if s := string(gotJSON); s != `{"received":746,"assigned":0,"resolved":619,"surveyed":6,"satisfied":5,"urged":0,"supervised":0,"resolutionRate":"0.8298","satisfactionRate":"0.8333"}` {
		t.Errorf("JSON = %s", s)
	}
}

// TestSummaryRefusesContradictions: UnmarshalJSON refuses exactly the
// figures Summarize can never give — a negative count, a count of the
// received matters above Received, more satisfied than surveyed, a rate
// other than its count ÷ its divisor — wrapping ErrInvalid and naming the
// figure; what Summarize gives reads back equal.
func TestSummaryRefusesContradictions(t *testing.T) {
	refused := []struct {
		name, in, want string
	}{
		{"negative received", `{"received":-1}`, "received -1"},
		{"negative satisfied", `{"received":1,"surveyed":1,"satisfied":-1,"satisfactionRate":"0"}`, "satisfied -1"},
		{"assigned above received", `{"received":1,"assigned":2}`, "assigned 2"},
		{"resolved above received", `{"received":2,"resolved":3,"resolutionRate":"1.5"}`, "resolved 3"},
		{"surveyed above received", `{"received":1,"surveyed":2}`, "surveyed 2"},
		{"urged above received", `{"received":1,"urged":2}`, "urged 2"},
		{"supervised above received", `{"received":1,"supervised":2}`, "supervised 2"},
		{"satisfied above surveyed", `{"received":3,"surveyed":1,"satisfied":2,"satisfactionRate":"2"}`, "satisfied 2"},
		{"resolution rate off its counts", `{"received":4,"resolved":1,"resolutionRate":"0.5"}`, "resolutionRate 0.5"},
		{"resolution rate unrounded", `{"received":3,"resolved":1,"resolutionRate":"0.33333"}`, "resolutionRate 0.33333"},
		{"resolution rate of nothing received", `{"resolutionRate":"1"}`, "resolutionRate 1"},
		{"satisfaction rate off its counts", `{"received":4,"surveyed":2,"satisfied":1,"satisfactionRate":"1"}`, "satisfactionRate 1"},
	}
	for _, tt := range refused {
		t.Run(tt.name, func(t *testing.T) {
			var s matters.Summary
			err := json.Unmarshal([]byte(tt.in), &s)
			if !errors.Is(err, matters.ErrInvalid) || !strings.Contains(fmt.Sprint(err), tt.want) {
				t.Errorf("Unmarshal(%s) error = %v; want ErrInvalid naming %q", tt.in, err, tt.want)
			}
		})
	}
	// Everything Summarize gives reads back, whatever the trailing zeros.
	for _, ms := range [][]*matters.Matter{nil, population(t, 746, 619, 5, 1), population(t, 3, 2, 1, 1), population(t, 8, 8, 8, 0)} {
		hardening.JSONRoundTrip(t, matters.Summarize(ms))
	}
}

// TestSummarizeOrderFree: a summary counts matters, so the order in which
// they come, and nil entries among them, change nothing; nor does
// Summarize change the matters it reads.
func TestSummarizeOrderFree(t *testing.T) {
	var ms []*matters.Matter
	for seed := int64(1); seed <= 60; seed++ {
		ms = append(ms, legalHistory(t, seed, 30))
	}
	ms = append(ms, population(t, 7, 5, 2, 2)...)
	before := make([]*matters.Matter, len(ms))
	for i, m := range ms {
		before[i] = snapshot(m)
	}
	want := matters.Summarize(ms)
	if want.Received == 0 || want.Resolved == 0 || want.Surveyed == 0 {
		t.Fatalf("the population says little: %+v", want)
	}
	r := rand.New(rand.NewSource(1))
	for range 20 {
		shuffled := append(slices.Clone(ms), nil, nil)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		if diff := cmp.Diff(want, matters.Summarize(shuffled)); diff != "" {
			t.Fatalf("Summarize of the matters shuffled mismatch (-want +got):\n%s", diff)
		}
	}
	for i, m := range ms {
		sameMatter(t, "a matter after Summarize", before[i], m)
	}
}
