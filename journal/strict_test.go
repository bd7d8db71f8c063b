package journal_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/journal"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/shopspring/decimal"
)

// chain writes payloads as journal lines in the format the package
// documents, each of the given kind: a journal a host in another language
// could have written, whatever its payloads hold.
func chain(kind string, payloads ...string) []byte {
	var out bytes.Buffer
	prev := strings.Repeat("0", 64)
	for i, p := range payloads {
		body := fmt.Sprintf(`{"seq":%d,"kind":%q,"prev":"%s","payload":%s`, i+1, kind, prev, p)
		sum := sha256.Sum256([]byte(body + "}"))
		prev = hex.EncodeToString(sum[:])
		out.WriteString(body + `,"hash":"` + prev + "\"}\n")
	}
	return out.Bytes()
}

// TestRebuildRefusesUnboundedPoints: a journal of lines that are each an
// evaluation with points of 900,000 digits (200 such lines once did not
// finish in 300 s; here 20, as the first is refused) is
// refused at its first entry, at once: points over 64 characters are not
// the canonical form, so Verify and Rebuild find it tampered; decoding
// such a payload alone names the bound.
func TestRebuildRefusesUnboundedPoints(t *testing.T) {
	points := "1" + strings.Repeat("0", 900_000-1)
	var payloads []string
	for i := range 20 {
		payloads = append(payloads, fmt.Sprintf(`{"matter":"M%d","subject":"S","evaluator":"E","at":"2020-06-01T01:00:00Z","result":{"grade":"good","points":"%s"}}`, i, points))
	}
	j := chain("evaluation", payloads...)
	var ve *journal.VerifyError
	if _, err := journal.Verify(bytes.NewReader(j), nil); !errors.As(err, &ve) || !errors.Is(err, journal.ErrTampered) || ve.Line != 1 {
		t.Fatalf("Verify = %v; want ErrTampered at line 1: points over 64 characters are not canonical", err)
	}
	var got *journal.Rebuilt
	var err error
	took := hardening.Took(func() { got, err = journal.Rebuild(bytes.NewReader(j), nil) })
	if !errors.Is(err, journal.ErrTampered) || !strings.Contains(err.Error(), "its evaluation payload is not in the canonical form") || got.Head.Seq != 0 {
		t.Errorf("Rebuild = head %v, %v", got.Head, err)
	}
	e := journal.Entry{Seq: 1, Kind: journal.KindEvaluation, Payload: []byte(payloads[0])}
	if _, err := e.Evaluation(); !errors.Is(err, journal.ErrInvalid) || !strings.Contains(err.Error(), "longer than 64 characters at result.points") {
		t.Errorf("decoding the payload alone = %v; want ErrInvalid naming the bound", err)
	}
	if took > hardening.Budget(time.Second) { // a few milliseconds: one line read and hashed; a second is room for a loaded machine
		t.Errorf("Rebuild took %s to refuse the first entry", took)
	}
}

// TestPayloadsStrict: the payload decoders refuse a misspelt key, a key in
// another case, a key given twice and text that is not UTF-8, at every
// place of a sound payload, with ErrInvalid.
func TestPayloadsStrict(t *testing.T) {
	var buf bytes.Buffer
	w := journal.NewWriter(&buf, nil)
	at := time.Date(2020, 6, 1, 9, 0, 0, 0, time.UTC)
	yes := true
	e := matters.Event{Matter: "M1", Seq: 1, At: at, Kind: matters.Feedback, Actor: "赭山街道", Units: []string{"城管局"}, Note: "回访", Satisfied: &yes}
	ev := scoring.Evaluation{Matter: "M1", Subject: "城管局", Evaluator: "赭山街道", Stage: 1, At: at,
		Result: scoring.Result{Grade: "good", Points: decimal.New(905, -1), Policy: "p", Reasons: reason.Texts("r")}}
	am := scoring.Amendment{Evaluation: ev, Author: "审计", Reason: "复核"}
	for _, f := range []func() (journal.Head, error){
		func() (journal.Head, error) { return w.AppendEvent(e) },
		func() (journal.Head, error) { return w.AppendEvaluation(ev) },
		func() (journal.Head, error) { return w.AppendAmendment(am) },
	} {
		if _, err := f(); err != nil {
			t.Fatal(err)
		}
	}
	r := journal.NewReader(bytes.NewReader(buf.Bytes()), nil)
	for entry, err := range r.All() {
		if err != nil {
			t.Fatal(err)
		}
		t.Run(entry.Kind.String(), func(t *testing.T) {
			decode := func(p []byte) error {
				x := journal.Entry{Seq: entry.Seq, Kind: entry.Kind, Payload: p}
				switch entry.Kind {
				case journal.KindEvent:
					_, err := x.Event()
					return err
				case journal.KindEvaluation:
					_, err := x.Evaluation()
					return err
				}
				_, err := x.Amendment()
				return err
			}
			flat := entry.Kind == journal.KindEvent // an event holds no object
			hardening.Strict(t, entry.Payload, hardening.StrictOptions{Flat: flat}, journal.ErrInvalid, decode)
			// A journal whose payload was spoilt so, rehashed: not in the
			// canonical form, tampered (Verify and Rebuild alike).
			spoilt, err := hardening.Spoil(entry.Payload, nil)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range spoilt[:min(len(spoilt), 8)] {
				if _, err := journal.Rebuild(bytes.NewReader(chain(entry.Kind.String(), string(s.Input))), nil); !errors.Is(err, journal.ErrTampered) {
					t.Errorf("Rebuild of a payload with a %s at %q: %v", s.Mutation, s.Path, err)
				}
			}
		})
	}
}
