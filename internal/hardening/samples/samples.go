// Package samples holds the values of the library's own types that more
// than one package's tests use: calendars (the office-hours calendar of
// hand-computed cases among them), matters in many states, hostile routes
// and hostile evaluations, and a journal's signing key from a fixed seed. Package hardening itself imports none
// of the library's packages; this one is for tests only.
package samples

import (
	"bytes"
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/reason"
	"golang.org/x/mod/sumdb/note"
)

// Calendars are the calendars methods are called on: China's and the zero
// Calendar.
func Calendars() []*workday.Calendar {
	return []*workday.Calendar{workday.China(), {}}
}

// OfficeHours returns China's calendar with office hours, 08:30–12:00 and
// 14:30–17:30: the calendar the hand-computed cases of matters, scoring
// and grading are worked in, defined once so that their figures are of one
// calendar. It is a new calendar each call.
func OfficeHours() *workday.Calendar {
	var hours []workday.Span
	for _, s := range []string{"08:30-12:00", "14:30-17:30"} {
		span, err := workday.ParseSpan(s)
		if err != nil {
			panic("samples: OfficeHours: " + err.Error())
		}
		hours = append(hours, span)
	}
	cal, err := workday.New(workday.Config{Hours: hours})
	if err != nil {
		panic("samples: OfficeHours: " + err.Error())
	}
	return cal
}

// Matters are matters in many states — one suspended with an extension
// approved — plus zero, inconsistent and nil ones.
func Matters() []*matters.Matter {
	at := time.Date(2020, 6, 1, 9, 0, 0, 0, hardening.CST)
	m := &matters.Matter{}
	for i, e := range []matters.Event{
		{Kind: matters.Report, Actor: "JJ-01", Type: "占道经营"},
		{Kind: matters.Whistle, Actor: "JJ-01"},
		{Kind: matters.Dispatch, Actor: "JJ-01", Units: []string{"城管局", "住建局"}},
		{Kind: matters.Accept, Actor: "城管局"},
		{Kind: matters.Suspend, Actor: "城管局"},
		{Kind: matters.Approve, Actor: "JJ-01", Ref: 5, Note: "同意"},
		{Kind: matters.Extend, Actor: "城管局", Days: matters.MaxExtendDays},
		{Kind: matters.Approve, Actor: "JJ-01", Ref: 7, Note: "同意"},
	} {
		e.Matter, e.Seq, e.At = "M1", i+1, at.Add(time.Duration(i)*time.Hour)
		_ = m.Apply(e)
	}
	odd := &matters.Matter{ID: "M2", State: matters.State(99), Lead: "x", Stage: -3,
		Events: []matters.Event{{Matter: "M2", Seq: -1, Kind: matters.Kind(-4)}, {}}}
	return []*matters.Matter{{}, m, odd, nil}
}

// Routes are hostile routes: the zero route, negative limits, and limits
// at the ends of their ranges.
func Routes() []matters.Route {
	return []matters.Route{{}, {Type: "占道经营", Lead: "城管局", Respond: -time.Hour, ResolveDays: -3},
		{Type: "x", Lead: "y", Respond: math.MaxInt64, ResolveDays: math.MaxInt}, {Respond: math.MinInt64, ResolveDays: math.MinInt}}
}

// Evaluations are evaluations at each of the hostile times, with hostile
// stages, points and strings, and the zero Evaluation.
func Evaluations() []scoring.Evaluation {
	var es []scoring.Evaluation
	es = append(es, scoring.Evaluation{})
	for i, t := range hardening.Times {
		es = append(es, scoring.Evaluation{Matter: fmt.Sprint("M", i), Subject: "S", Evaluator: "E", Stage: hardening.Ints[i%len(hardening.Ints)], At: t,
			Result: scoring.Result{Grade: "good", Points: hardening.Decimals[i%len(hardening.Decimals)], Reasons: reason.Texts(hardening.Huge)}})
	}
	es = append(es, scoring.Evaluation{Matter: hardening.BadUTF8, Subject: hardening.BadUTF8, Evaluator: hardening.BadUTF8, At: hardening.Times[1], Result: scoring.Result{Grade: hardening.BadUTF8}})
	return es
}

// Key returns a signer key of name made from a fixed seed byte, the same
// key for the same name and seed, and its verifier key in note's text
// form; a test that publishes the key reads it with journal.NewVerifier or
// note.NewVerifier.
func Key(t testing.TB, name string, seed byte) (note.Signer, string) {
	t.Helper()
	skey, vkey, err := note.GenerateKey(bytes.NewReader(bytes.Repeat([]byte{seed}, 32)), name)
	if err != nil {
		t.Fatal(err)
	}
	s, err := note.NewSigner(skey)
	if err != nil {
		t.Fatal(err)
	}
	return s, vkey
}
