package journal_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/qingdan/qingdan/internal/hardening/samples"
	"github.com/qingdan/qingdan/journal"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/shopspring/decimal"
	"golang.org/x/mod/sumdb/note"
)

// corpusOrigin names the corpus's journal and its key.
const corpusOrigin = "wuhu.example/journal"

// corpusKey returns the corpus's key, made from a fixed seed so that the
// corpus is the same on every run: a key for tests, never for a journal.
func corpusKey(t testing.TB) (note.Signer, note.Verifier, string) {
	return keyFrom(t, corpusOrigin, 1)
}

// keyFrom returns a key of name made from a fixed seed byte.
func keyFrom(t testing.TB, name string, seed byte) (note.Signer, note.Verifier, string) {
	t.Helper()
	s, vkey := samples.Key(t, name, seed)
	v, err := note.NewVerifier(vkey)
	if err != nil {
		t.Fatal(err)
	}
	return s, v, vkey
}

// corpusCase is a journal, the checkpoints published of it, and the
// receipts of one of its entries, each to be verified by both verifiers.
type corpusCase struct {
	name        string
	journal     []byte
	checkpoints [][]byte // signed notes
	receipts    [][]byte // receipts' JSON
	large       bool     // too large to commit: written for the run only
}

// corpusBase is the sound journal the corpus tampers with: every kind of
// entry, with escapes, CJK, times with nanoseconds, and an amendment.
func corpusBase(t testing.TB) []byte {
	steps := append(append(smallHistory(), decisionRecord()), history(11, 3, 2021)...)
	return write(t, steps)
}

// decisionRecord is an evaluation with its decision record: a Chinese
// table's reason (its rule, checks and figures) and the facts it was
// graded on, with attributes whose keys sort by their bytes.
func decisionRecord() step {
	yes := true
	f := scoring.Facts{Matter: "WH-2020-00001", Subject: "市场监管局", Evaluator: "JJ-01", Type: "占道经营", Final: true,
		Response: 2*time.Hour + 1500*time.Microsecond, ResponseLimit: 4 * time.Hour, Resolution: 45 * time.Hour, ResolutionLimit: 50 * time.Hour,
		Responded: true, Resolved: true, Quality: 5, Satisfied: &yes, Attrs: map[string]string{"来源": "12345", "batch": "7", "Batch": "<&>"}}
	one, four := decimal.NewFromInt(1), decimal.NewFromInt(4)
	e := f.Evaluation(time.Date(2020, 6, 4, 18, 0, 0, 0, cst), scoring.Result{Grade: "excellent", Points: decimal.NewFromInt(100), Policy: "wuhu-2020.2",
		Reasons: []reason.Reason{{Rule: 6, Name: "按时，质量≥4", Lang: reason.Chinese,
			Checks: []reason.Check{{Of: reason.ResponseOnTime, Op: reason.Is, Threshold: one}, {Of: reason.Quality, Op: reason.AtLeast, Threshold: four},
				{Of: reason.Resolution, Op: reason.AtMost, Threshold: one}},
			Figures: []reason.Figure{{Of: reason.Response, Done: true, Actual: f.Response, Limit: f.ResponseLimit, Places: 2},
				{Of: reason.Resolution, Done: true, Actual: f.Resolution, Limit: f.ResolutionLimit, Places: 2},
				{Of: reason.Quality, Value: 5}, {Of: reason.Satisfaction, Value: 1}},
			Type: "占道经营"}, reason.Text("复核无误")}})
	e.Facts = &f
	return step{evaluation: &e}
}

// checkpointOf signs the checkpoint of the first n entries of j.
func checkpointOf(t testing.TB, j []byte, n int64, s note.Signer) []byte {
	t.Helper()
	_, msg := signedTree(t, j, n, s)
	return msg
}

// signedTree returns the tree of the first n entries of j, and its
// checkpoint signed by s.
func signedTree(t testing.TB, j []byte, n int64, s note.Signer) (*journal.Tree, []byte) {
	t.Helper()
	tree := journal.NewTree()
	if _, err := journal.Verify(bytes.NewReader(join(lines(j)[:n])), &journal.Options{Tree: tree}); err != nil {
		t.Fatal(err)
	}
	msg, err := tree.Checkpoint(s.Name()).Sign(s)
	if err != nil {
		t.Fatal(err)
	}
	return tree, msg
}

// receiptOf returns the JSON of the receipt of entry seq of j in its
// checkpoint of size n.
func receiptOf(t testing.TB, j []byte, seq, n int64, s note.Signer) []byte {
	t.Helper()
	tree, msg := signedTree(t, j, n, s)
	l := lines(j)[seq-1]
	e, err := journal.ParseLine(l[:len(l)-1])
	if err != nil {
		t.Fatal(err)
	}
	rc, err := tree.Receipt(e, msg)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(rc)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// rechain rewrites the lines from index from on as an insider with the
// journal in hand would: each with its seq, the previous line's hash and
// its own hash recomputed, whatever its payload holds.
func rechain(ls [][]byte, from int) []byte {
	prev := strings.Repeat("0", 64)
	var out []byte
	for i, l := range ls {
		l = bytes.TrimSuffix(l, []byte("\n"))
		if i < from {
			out = append(out, l...)
			out = append(out, '\n')
			prev = string(l[len(l)-66 : len(l)-2])
			continue
		}
		kind := string(l[bytes.Index(l, []byte(`"kind":"`))+8:])
		kind = kind[:strings.IndexByte(kind, '"')]
		start := bytes.Index(l, []byte(`"payload":`)) + len(`"payload":`)
		payload := l[start : len(l)-75]
		body := fmt.Sprintf(`{"seq":%d,"kind":"%s","prev":"%s","payload":%s`, i+1, kind, prev, payload)
		sum := sha256.Sum256([]byte(body + "}"))
		prev = fmt.Sprintf("%x", sum)
		out = append(out, fmt.Sprintf(`%s,"hash":"%s"}`+"\n", body, prev)...)
	}
	return out
}

// edit replaces old by new in line i (from 0) of j, once.
func edit(j []byte, i int, old, new string) [][]byte {
	ls := lines(bytes.Clone(j))
	if !bytes.Contains(ls[i], []byte(old)) {
		panic(fmt.Sprintf("line %d has no %q", i+1, old))
	}
	ls[i] = bytes.Replace(ls[i], []byte(old), []byte(new), 1)
	return ls
}

// corpus returns the journals both verifiers read: sound ones, and every
// kind of tampering, torn line, non-canonical payload and checkpoint.
func corpus(t testing.TB) []corpusCase {
	s, _, _ := corpusKey(t)
	other, _, _ := keyFrom(t, corpusOrigin, 2)
	witness, _, _ := keyFrom(t, "witness.example/w1", 3)
	base := corpusBase(t)
	ls := lines(base)
	n := int64(len(ls))
	last := ls[n-1]
	cpAll, cpHalf := checkpointOf(t, base, n, s), checkpointOf(t, base, n/2, s)
	forgedAmendment := func() []byte {
		var buf bytes.Buffer
		buf.Write(base)
		head, err := journal.Verify(bytes.NewReader(base), nil)
		if err != nil {
			t.Fatal(err)
		}
		w := journal.NewWriterAt(&buf, head, nil)
		a := scoring.Amendment{Evaluation: *smallHistory()[6].evaluation, Author: "某人", Reason: "补录"}
		a.At = a.At.Add(time.Hour) // backdated: long before it was appended
		a.Result.Grade, a.Result.Points = "poor", decimal.RequireFromString("40")
		if _, err := w.AppendAmendment(a); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}()
	rewritten := func() []byte { // entries from 5 on rewritten, hashes recomputed
		e := edit(base, 4, `"城管局"`, `"住建局"`)
		return rechain(e, 4)
	}()
	forked := checkpointOf(t, rewritten, n, s)
	cases := []corpusCase{
		{name: "sound", journal: base},
		{name: "sound-checkpoints", journal: base, checkpoints: [][]byte{cpHalf, cpAll}},
		{name: "empty", journal: nil},
		{name: "empty-checkpoint", journal: nil, checkpoints: [][]byte{cpAll}},
		{name: "cut-last-entry", journal: join(ls[:n-1])},
		{name: "cut-last-entry-checkpoint", journal: join(ls[:n-1]), checkpoints: [][]byte{cpAll}},
		{name: "cut-half-checkpoint", journal: join(ls[:n/2-1]), checkpoints: [][]byte{cpHalf, cpAll}},
		{name: "cut-to-nothing-checkpoint", journal: []byte{}, checkpoints: [][]byte{cpHalf}},
		{name: "torn-in-payload", journal: base[:len(base)-len(last)/2]},
		{name: "torn-in-hash", journal: base[:len(base)-10]},
		{name: "torn-no-line-feed", journal: base[:len(base)-1]},
		{name: "torn-checkpoint", journal: base[:len(base)-10], checkpoints: [][]byte{cpAll}},
		{name: "torn-zeros", journal: append(bytes.Clone(base), make([]byte, 100)...)},
		{name: "altered-payload", journal: join(edit(base, 3, `"城管局"`, `"住建局"`))},
		{name: "altered-hash", journal: flipHashDigit(base, 3)},
		{name: "altered-last-line", journal: join(edit(base, int(n-1), `"seq":`, `"seq": `))},
		{name: "altered-last-line-no-line-feed", journal: bytes.TrimSuffix(join(edit(base, int(n-1), `"matter":"`, `"matter":"伪`)), []byte("\n"))},
		{name: "last-line-unparseable", journal: append(join(ls[:n-1]), append(bytes.Clone(last[:30]), '\n')...)},
		{name: "empty-last-line", journal: append(bytes.Clone(base), '\n')},
		{name: "empty-line-inside", journal: join(append(append(append([][]byte{}, ls[:3]...), []byte("\n")), ls[3:]...))},
		{name: "removed-entry", journal: join(append(append([][]byte{}, ls[:4]...), ls[5:]...))},
		{name: "swapped-entries", journal: join(append(append(append([][]byte{}, ls[:4]...), ls[5], ls[4]), ls[6:]...))},
		{name: "duplicated-entry", journal: join(append(append(append([][]byte{}, ls[:5]...), ls[4]), ls[5:]...))},
		{name: "first-prev-not-zeros", journal: join(append([][]byte{bytes.Replace(ls[0], []byte(`"prev":"0`), []byte(`"prev":"1`), 1)}, ls[1:]...))},
		{name: "rewritten-from-entry-5", journal: rewritten},
		{name: "rewritten-from-entry-5-checkpoint", journal: rewritten, checkpoints: [][]byte{cpHalf, cpAll}},
		{name: "forked-checkpoint", journal: base, checkpoints: [][]byte{forked}},
		{name: "checkpoint-other-key", journal: base, checkpoints: [][]byte{checkpointOf(t, base, n, other)}},
		{name: "checkpoint-altered", journal: base, checkpoints: [][]byte{bytes.Replace(cpAll, []byte(fmt.Sprintf("\n%d\n", n)), []byte(fmt.Sprintf("\n%d\n", n-1)), 1)}},
		// Signed notes as note.Open refuses them, and as it takes them.
		{name: "checkpoint-line-after-signature", journal: base, checkpoints: [][]byte{append(bytes.Clone(cpAll), "no signature\n"...)}},
		{name: "checkpoint-blank-line-after-signature", journal: base, checkpoints: [][]byte{append(bytes.Clone(cpAll), '\n')}},
		{name: "checkpoint-no-final-line-feed", journal: base, checkpoints: [][]byte{cpAll[:len(cpAll)-1]}},
		{name: "checkpoint-bad-signature-first", journal: base, checkpoints: [][]byte{withSignatures(cpAll, badSignature(cpAll), signatureOf(cpAll))}},
		{name: "checkpoint-bad-signature-second", journal: base, checkpoints: [][]byte{withSignatures(cpAll, signatureOf(cpAll), badSignature(cpAll))}},
		{name: "checkpoint-cosigned", journal: base, checkpoints: [][]byte{withSignatures(cpAll, signatureOf(checkpointOf(t, base, n, witness)), signatureOf(cpAll))}},
		{name: "checkpoint-over-64-kib", journal: base, checkpoints: [][]byte{withSignatures(cpAll, signatureOf(cpAll),
			"\u2014 witness.example/w2 "+base64.StdEncoding.EncodeToString(bytes.Repeat([]byte{7}, 48<<10))+"\n")}},
		{name: "checkpoint-control-character", journal: base, checkpoints: [][]byte{withSignatures(cpAll, signatureOf(cpAll), "\u2014 witness\tAAAAAAAA\n")}},
		{name: "forged-backdated-amendment", journal: forgedAmendment},
		{name: "forged-backdated-amendment-checkpoint", journal: forgedAmendment, checkpoints: [][]byte{cpAll}},
		{name: "crlf", journal: bytes.ReplaceAll(base, []byte("\n"), []byte("\r\n"))},
		{name: "byte-order-mark", journal: append([]byte("\xef\xbb\xbf"), base...)},
		{name: "payload-not-an-object", journal: rechain(edit(base, 2, `"payload":{`, `"payload":[{`), 0)},
		{name: "receipts", journal: base, receipts: [][]byte{receiptOf(t, base, 7, n, s), receiptOf(t, base, 1, n/2, s), receiptOf(t, base, n, n, s), receiptOf(t, base, 1, 1, s)}},
		{name: "receipts-forged", journal: base, receipts: [][]byte{
			bytes.Replace(receiptOf(t, base, 7, n, s), []byte(`城管局`), []byte(`住建局`), 1),
			receiptOf(t, rewritten, 5, n, other),
			receiptOf(t, rewritten, 5, n, s)[:0],
			bytes.Replace(receiptOf(t, base, 7, n, s), []byte(`"proof":["`), []byte(`"proof":["00`), 1),
			// Not the documented form: a hash with a space, a member twice.
			bytes.Replace(receiptOf(t, base, 7, n, s), []byte(`"proof":["`), []byte(`"proof":[" `), 1),
			bytes.Replace(receiptOf(t, base, 7, n, s), []byte(`{"entry":`), []byte(`{"entry":"","entry":`), 1),
			// Not UTF-8 JSON: a byte order mark first, UTF-16.
			append([]byte("\xef\xbb\xbf"), receiptOf(t, base, 7, n, s)...),
			utf16LE(receiptOf(t, base, 7, n, s)),
			// An empty proof, of entry 1 in a checkpoint of 1, as no list.
			bytes.Replace(receiptOf(t, base, 1, 1, s), []byte(`"proof":[]`), []byte(`"proof":null`), 1),
			bytes.Replace(receiptOf(t, base, 1, 1, s), []byte(`"proof":[],`), nil, 1),
		}},
		receiptEdges(t, base, rewritten, s),
		// A cosignature whose base64 has padding after a whole group:
		// not base64 as Go reads it, so no signed note.
		{name: "checkpoint-cosigned-excess-padding", journal: base, checkpoints: [][]byte{withSignatures(cpAll, "\u2014 witness.example/w2 AAAAAAAA=\n", signatureOf(cpAll))}},
	}
	// Non-canonical payloads, rehashed and rechained from their line on:
	// each decodes to a valid value, and none is what a Writer writes.
	for _, nc := range []struct {
		name     string
		line     int
		old, new string
	}{
		{"space-in-payload", 0, `"matter":"WH`, `"matter": "WH`},
		{"escaped-less-than", 6, `<2h>`, `\u003c2h>`},
		{"escaped-letter", 0, `"matter":"WH`, `"matter":"\u0057H`},
		{"escaped-slash", 2, `"JJ-01"`, `"JJ\/01"`},
		{"backspace-as-u0008", 0, `"市民来电"`, `"市民\u0008来电"`},
		{"raw-line-separator", 0, `"市民来电"`, "\"市民\u2028来电\""},
		{"invalid-utf8", 0, `"市民来电"`, "\"市民\xff来电\""},
		{"surrogate-utf8", 0, `"市民来电"`, "\"市民\xed\xa0\x80来电\""},
		{"members-reordered", 1, `"matter":"WH-2020-00001","seq":2`, `"seq":2,"matter":"WH-2020-00001"`},
		{"unknown-member", 1, `"actor":"JJ-01"`, `"actor":"JJ-01","extra":1`},
		{"empty-optional-member", 1, `"actor":"JJ-01"`, `"actor":"JJ-01","type":""`},
		{"stage-zero-written", 6, `"stage":1,`, `"stage":0,`},
		{"leading-zero", 1, `"seq":2,"at"`, `"seq":02,"at"`},
		{"number-with-exponent", 1, `"seq":2,"at"`, `"seq":2e0,"at"`},
		{"points-trailing-zero", 6, `"points":"85"`, `"points":"85.0"`},
		{"points-as-number", 6, `"points":"85"`, `"points":85`},
		{"time-with-offset", 0, `01:30:00.123456789Z`, `09:30:00.123456789+08:00`},
		{"time-trailing-zero", 1, `.123456789Z`, `.1234567890Z`},
		{"kind-as-label", 0, `"kind":"report"`, `"kind":"上报"`},
		{"kind-unknown", 0, `"kind":"report"`, `"kind":"reported"`},
		{"flag-as-number", 5, `"satisfied":true`, `"satisfied":1`},
		{"empty-units", 2, `"units":["城管局","市场监管局"]`, `"units":[]`},
		{"text-reason-as-object", 6, `"reasons":["<2h> & 质量较好"]`, `"reasons":[{"text":"<2h> & 质量较好"}]`},
		{"reason-empty-object", 8, `,"复核无误"]`, `,"复核无误",{}]`},
		{"duration-in-minutes", 8, `"limit":"4h0m0s"`, `"limit":"240m0s"`},
		{"duration-as-number", 8, `"limit":"4h0m0s"`, `"limit":14400000000000`},
		{"duration-trailing-zero", 8, `"2h0m0.0015s"`, `"2h0m0.00150s"`},
		{"done-false", 8, `"done":true`, `"done":false`},
		{"figure-unknown", 8, `"of":"quality"`, `"of":"qualiti"`},
		{"op-as-sign", 8, `"op":"atLeast"`, `"op":"≥"`},
		{"lang-english-written", 8, `"lang":"zh"`, `"lang":"en"`},
		{"threshold-trailing-zero", 8, `"threshold":"4"`, `"threshold":"4.0"`},
		{"attrs-out-of-order", 8, `"attrs":{"Batch":"<&>","batch":"7"`, `"attrs":{"batch":"7","Batch":"<&>"`},
		{"facts-final-false", 8, `"final":true`, `"final":false`},
		{"amendment-author-empty", 7, `"author":"街道党工委"`, `"author":""`},
		{"amendment-reason-empty", 7, `"reason":"复核：群众不满意"`, `"reason":""`},
	} {
		cases = append(cases, corpusCase{name: "noncanonical-" + nc.name, journal: rechain(edit(base, nc.line, nc.old, nc.new), nc.line)})
	}
	// Payloads of canonical form with numbers the documentation does not
	// allow, rehashed and rechained: neither decodes.
	for _, nc := range []struct {
		name     string
		line     int
		old, new string
	}{
		{"places-above-82", 8, `"places":2`, `"places":83`},
		{"rule-negative", 8, `"rule":6`, `"rule":-6`},
		{"checks-above-64", 8, `{"of":"quality","op":"atLeast","threshold":"4"}`,
			strings.Repeat(`{"of":"quality","op":"atLeast","threshold":"4"},`, reason.MaxList-2) + `{"of":"quality","op":"atLeast","threshold":"4"}`},
		{"figures-above-64", 8, `{"of":"quality","value":5}`,
			strings.Repeat(`{"of":"quality","value":5},`, reason.MaxList-3) + `{"of":"quality","value":5}`},
	} {
		cases = append(cases, corpusCase{name: "out-of-range-" + nc.name, journal: rechain(edit(base, nc.line, nc.old, nc.new), nc.line)})
	}
	// A reason with as many checks and figures as it may hold: sound.
	atMost := edit(base, 8, `{"of":"quality","op":"atLeast","threshold":"4"}`,
		strings.Repeat(`{"of":"quality","op":"atLeast","threshold":"4"},`, reason.MaxList-3)+`{"of":"quality","op":"atLeast","threshold":"4"}`)
	atMost[8] = bytes.Replace(atMost[8], []byte(`{"of":"quality","value":5}`),
		[]byte(strings.Repeat(`{"of":"quality","value":5},`, reason.MaxList-4)+`{"of":"quality","value":5}`), 1)
	cases = append(cases, corpusCase{name: "in-range-lists-at-64", journal: rechain(atMost, 8)})
	// Hashes in upper case: the hash of a line, and the prev of the next.
	up := lines(bytes.Clone(base))
	h := up[2][len(up[2])-67 : len(up[2])-3]
	copy(h, bytes.ToUpper(h))
	cases = append(cases, corpusCase{name: "upper-case-hash", journal: join(up)})
	up = lines(bytes.Clone(base))
	p := up[3][bytes.Index(up[3], []byte(`"prev":"`))+8:]
	copy(p[:64], bytes.ToUpper(p[:64]))
	body := up[3][:len(up[3])-76]
	sum := sha256.Sum256(append(bytes.Clone(body), '}'))
	up[3] = fmt.Appendf(nil, `%s,"hash":"%x"}`+"\n", body, sum)
	cases = append(cases, corpusCase{name: "upper-case-prev", journal: rechain(up, 4)})
	// A line too long, with and without its line feed: too large to
	// commit.
	long := append([]byte(`{"seq":1,"kind":"event","prev":"`), bytes.Repeat([]byte("x"), journal.DefaultMaxLine)...)
	cases = append(cases,
		corpusCase{name: "line-too-long", journal: append(bytes.Clone(long), '\n'), large: true},
		corpusCase{name: "line-too-long-torn", journal: append(bytes.Clone(base), long...), large: true},
		longLineReceipt(t, s),
		corpusCase{name: "receipts-unbounded", journal: base, large: true, receipts: [][]byte{
			// A sound receipt but for white space in it past the bound
			// of a receipt, the same with the white space after it (not
			// in the object, whose bytes are bounded), and one nested
			// deeper than any decoder goes.
			append([]byte("{"+strings.Repeat(" ", 8<<20+128<<10)), receiptOf(t, base, 7, n, s)[1:]...),
			append(receiptOf(t, base, 7, n, s), bytes.Repeat([]byte(" "), 8<<20+128<<10)...),
			append([]byte(`{"nested":`+strings.Repeat("[", 100_000)), receiptOf(t, base, 7, n, s)[1:]...),
		}},
	)
	return append(cases, pressedCases(t, s)...)
}

// pressedCases are a hotline's matter whose urgings and supervisions name
// the units they press (matters.Event's Units on an Urge or a Supervise,
// which package scoring counts them against): sound, a unit named changed
// (tampered), a name dropped and the journal rechained against the
// checkpoint of the sound one, and names in a form the Writer never
// writes.
func pressedCases(t testing.TB, s note.Signer) []corpusCase {
	at := time.Date(2020, 6, 1, 9, 0, 0, 0, cst)
	var steps []step
	add := func(d time.Duration, k matters.Kind, actor string, units ...string) {
		e := matters.Event{Matter: "WH-2020-00002", Seq: len(steps) + 1, At: at.Add(d), Kind: k, Actor: actor, Units: units}
		if k == matters.Report {
			e.Type, e.Supervisor = "占道经营", "区委督查室"
		}
		steps = append(steps, step{event: &e})
	}
	add(0, matters.Report, "91580", "JJ-01")
	add(time.Hour, matters.Whistle, "JJ-01")
	add(26*time.Hour, matters.Dispatch, "JJ-01", "城管局", "市场监管局")
	add(50*time.Hour, matters.Urge, "91580", "JJ-01")
	add(50*time.Hour, matters.Urge, "JJ-01")
	add(74*time.Hour, matters.Supervise, "区委督查室", "JJ-01", "市场监管局")
	add(98*time.Hour, matters.Supervise, "区委督查室")
	j := write(t, steps)
	return []corpusCase{
		{name: "pressed-units", journal: j},
		{name: "pressed-units-altered", journal: join(edit(j, 5, `"units":["JJ-01","市场监管局"]`, `"units":["JJ-01"]`))},
		{name: "pressed-units-dropped-checkpoint", journal: rechain(edit(j, 3, `,"units":["JJ-01"]`, ``), 3),
			checkpoints: [][]byte{checkpointOf(t, j, int64(len(steps)), s)}},
		{name: "noncanonical-pressed-units-empty", journal: rechain(edit(j, 4, `"actor":"JJ-01"`, `"actor":"JJ-01","units":[]`), 4)},
		{name: "noncanonical-pressed-units-null", journal: rechain(edit(j, 3, `"units":["JJ-01"]`, `"units":null`), 3)},
	}
}

// longLineReceipt is a journal written with a MaxLine over the default,
// and a receipt made by hand of its line over DefaultMaxLine, which no
// receipt holds.
func longLineReceipt(t testing.TB, s note.Signer) corpusCase {
	t.Helper()
	tree := journal.NewTree()
	var buf bytes.Buffer
	w := journal.NewWriter(&buf, &journal.Options{MaxLine: 4 << 20, Tree: tree})
	e := matters.Event{Matter: "WH-1", Seq: 1, At: time.Date(2020, 6, 1, 9, 0, 0, 0, time.UTC), Kind: matters.Progress, Note: strings.Repeat("长", journal.DefaultMaxLine/3+1)}
	if _, err := w.AppendEvent(e); err != nil {
		t.Fatal(err)
	}
	entry, err := journal.ParseLine(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
	if err != nil {
		t.Fatal(err)
	}
	signed, err := tree.Checkpoint(s.Name()).Sign(s)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(journal.Receipt{Entry: entry, Proof: journal.Proof{}, Checkpoint: signed})
	if err != nil {
		t.Fatal(err)
	}
	return corpusCase{name: "receipt-line-too-long", journal: buf.Bytes(), receipts: [][]byte{b}, large: true}
}

// receiptEdges are receipts at the edges of what one proves: of a fork
// the host signed with the journal's own key (it verifies: only the
// checkpoint published shows the fork); with its line's characters as
// JSON escapes, and its proof in upper-case digits (the same bytes: it
// verifies); with a hash more or less in its proof, of an entry beyond
// its checkpoint or in the empty one, with its line cut or extended by a
// byte, and with a line rehashed whose payload is not canonical (none
// verifies).
func receiptEdges(t testing.TB, base, fork []byte, s note.Signer) corpusCase {
	n := int64(len(lines(base)))
	r7 := receiptOf(t, base, 7, n, s)
	var rc journal.Receipt
	if err := json.Unmarshal(r7, &rc); err != nil {
		t.Fatal(err)
	}
	with := func(f func(r *journal.Receipt)) []byte {
		r := rc
		r.Proof = append(journal.Proof(nil), rc.Proof...)
		f(&r)
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	proof := r7[bytes.Index(r7, []byte(`"proof":[`))+len(`"proof":[`):]
	proof = proof[:bytes.IndexByte(proof, ']')]
	spaced := lines(rechain(edit(base, 6, `"subject":"城管局"`, `"subject": "城管局"`), 6))[6]
	return corpusCase{name: "receipts-edges", journal: base, receipts: [][]byte{
		receiptOf(t, fork, 5, n, s),
		bytes.Replace(r7, []byte(`城管局`), []byte(`\u57ce\u7ba1\u5c40`), 1),
		bytes.Replace(r7, proof, bytes.ToUpper(proof), 1),
		with(func(r *journal.Receipt) { r.Proof = append(r.Proof, r.Proof[0]) }),
		with(func(r *journal.Receipt) { r.Proof = r.Proof[:len(r.Proof)-1] }),
		with(func(r *journal.Receipt) { r.Checkpoint = checkpointOf(t, base, 6, s) }),
		with(func(r *journal.Receipt) { r.Proof, r.Checkpoint = journal.Proof{}, checkpointOf(t, base, 0, s) }),
		bytes.Replace(r7, []byte(`\"}","proof"`), []byte(`\"} ","proof"`), 1),
		bytes.Replace(r7, []byte(`\"}","proof"`), []byte(`\"","proof"`), 1),
		bytes.Replace(r7, jsonString(t, lines(base)[6]), jsonString(t, spaced), 1),
	}}
}

// jsonString returns line, without its line feed, as a JSON string.
func jsonString(t testing.TB, line []byte) []byte {
	b, err := json.Marshal(string(bytes.TrimSuffix(line, []byte("\n"))))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// utf16LE returns UTF-8 text b in UTF-16, little-endian.
func utf16LE(b []byte) []byte {
	var out []byte
	for _, u := range utf16.Encode([]rune(string(b))) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

// signatureOf returns the signature line of a signed note with one
// signature, its line feed included.
func signatureOf(msg []byte) string {
	_, sig, _ := bytes.Cut(msg, []byte("\n\n"))
	return string(sig)
}

// badSignature returns the signature line of msg with one byte of its
// signature changed: the journal's key hash, a signature that does not
// verify.
func badSignature(msg []byte) string {
	sig := []byte(signatureOf(msg))
	d := &sig[len(sig)-6]
	if *d == 'A' {
		*d = 'B'
	} else {
		*d = 'A'
	}
	return string(sig)
}

// withSignatures returns the text of the signed note msg with the
// signature lines sigs.
func withSignatures(msg []byte, sigs ...string) []byte {
	text, _, _ := bytes.Cut(msg, []byte("\n\n"))
	return []byte(string(text) + "\n\n" + strings.Join(sigs, ""))
}

// flipHashDigit changes one digit of the hash of line i (from 0).
func flipHashDigit(j []byte, i int) []byte {
	ls := lines(bytes.Clone(j))
	d := &ls[i][len(ls[i])-10]
	if *d == '0' {
		*d = '1'
	} else {
		*d = '0'
	}
	return join(ls)
}
