package journal_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/journal"
	"github.com/qingdan/qingdan/scoring/reason"
)

func FuzzVerify(f *testing.F) {
	// Small seeds: the fuzzer minimises every new input it finds, and
	// minimising a long journal takes the whole of a short fuzzing run.
	j := eventJournalNoted(f, 2, "%d")
	// A checkpoint of the first entry of a journal whose lines rebuild,
	// and its first two lines, for RebuildAt.
	sound := lines(write(f, history(5, 1, 2021)))[:2]
	first, err := journal.Rebuild(bytes.NewReader(sound[0]), nil)
	if err != nil {
		f.Fatal(err)
	}
	cp := first.Checkpoint("o")
	f.Add(join(sound))
	f.Add(j)
	f.Add(j[:len(j)-7])
	f.Add(append(bytes.Clone(j), j...))
	f.Add([]byte("\n\n"))
	f.Add([]byte(`{"seq":1,"kind":"event","prev":"`))
	f.Fuzz(func(t *testing.T, data []byte) {
		opts := &journal.Options{MaxLine: 4096, Workers: 1}
		head, err := journal.Verify(bytes.NewReader(data), opts)
		// Checking lines on several goroutines changes nothing.
		for _, workers := range []int{2, 3} {
			h, err2 := journal.Verify(bytes.NewReader(data), &journal.Options{MaxLine: 4096, Workers: workers})
			if h != head || fmt.Sprint(err2) != fmt.Sprint(err) {
				t.Fatalf("Verify on %d workers = %v, %v; on one %v, %v", workers, h, err2, head, err)
			}
		}
		// Nor does how the reader hands over its bytes.
		for name, r := range map[string]io.Reader{"its last bytes with io.EOF": iotest.DataErrReader(bytes.NewReader(data)),
			"one byte at a time": iotest.OneByteReader(bytes.NewReader(data))} {
			h, err2 := journal.Verify(r, opts)
			if h != head || fmt.Sprint(err2) != fmt.Sprint(err) {
				t.Fatalf("Verify of a reader handing over %s = %v, %v; of the bytes %v, %v", name, h, err2, head, err)
			}
		}
		var ve *journal.VerifyError
		switch {
		case err == nil:
			if n := int64(bytes.Count(data, []byte("\n"))); head.Seq != n {
				t.Fatalf("sound journal of %d lines has head %v", n, head)
			}
		case errors.As(err, &ve):
			if ve.Head != head || ve.Line != head.Seq+1 || ve.Offset < 0 || ve.Offset > int64(len(data)) {
				t.Fatalf("inconsistent error %+v with head %v for %d bytes", ve, head, len(data))
			}
			// The sound prefix verifies, to the same head.
			if h, err := journal.Verify(bytes.NewReader(data[:ve.Offset]), opts); err != nil || h != head {
				t.Fatalf("the sound prefix verifies as %v, %v; want %v", h, err, head)
			}
		default:
			t.Fatalf("Verify = %v, want nil or a *VerifyError", err)
		}
		rh, size, rerr := journal.Recover(bytes.NewReader(data), opts)
		if rh != head || (rerr == nil) != (err == nil || errors.Is(err, journal.ErrTorn)) {
			t.Fatalf("Recover = %v, %d, %v; Verify = %v, %v", rh, size, rerr, head, err)
		}
		if err := journal.VerifyHead(bytes.NewReader(data), head, opts); err != nil && (rerr == nil) {
			t.Fatalf("VerifyHead(own head %v) = %v", head, err)
		}
		// Reading entry by entry agrees with Verify; decoding payloads never panics.
		r := journal.NewReader(bytes.NewReader(data), opts)
		for {
			e, err := r.Next()
			if err != nil {
				if err != io.EOF && r.Head() != head {
					t.Fatalf("Reader stopped at %v, Verify at %v", r.Head(), head)
				}
				break
			}
			_, _ = e.Event()
			_, _ = e.Evaluation()
			_, _ = e.Amendment()
		}
		// Rebuild never panics either, and RebuildAt rebuilds the state at
		// a checkpoint or refuses.
		_, _ = journal.Rebuild(bytes.NewReader(data), opts)
		if s, err := journal.RebuildAt(bytes.NewReader(data), cp, opts); err == nil && (s.Checkpoint(cp.Origin) != cp || head.Seq < cp.Size) {
			t.Fatalf("RebuildAt(%v) rebuilt the state at %v of a journal whose head is %v (%v)", cp, s.Checkpoint(cp.Origin), head, err)
		}
	})
}

func FuzzParseLine(f *testing.F) {
	for _, l := range lines(write(f, smallHistory())) {
		f.Add(bytes.TrimSuffix(l, []byte("\n")))
	}
	f.Add([]byte(`{"seq":1,"kind":"event","prev":"","payload":{},"hash":""}`))
	f.Fuzz(func(t *testing.T, line []byte) {
		e, err := journal.ParseLine(line)
		if err != nil {
			if !errors.Is(err, journal.ErrInvalid) && !errors.Is(err, journal.ErrTampered) {
				t.Fatalf("ParseLine(%q) = %v, wrapping neither ErrInvalid nor ErrTampered", line, err)
			}
			return
		}
		if e.Seq < 1 || e.Kind < journal.KindEvent || e.Kind > journal.KindAmendment {
			t.Fatalf("ParseLine accepted %+v", e)
		}
		if got := e.Line(); !bytes.Equal(got, line) {
			t.Fatalf("ParseLine(%q) accepted an entry whose line is %q", line, got)
		}
		_, _ = e.Event()
		_, _ = e.Evaluation()
		_, _ = e.Amendment()
	})
}

// FuzzEntryPayload decodes arbitrary payloads: no panic, time linear in
// the payload, every error wraps ErrInvalid.
func FuzzEntryPayload(f *testing.F) {
	for _, l := range lines(write(f, smallHistory())) {
		e, err := journal.ParseLine(bytes.TrimSuffix(l, []byte("\n")))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(int(e.Kind), []byte(e.Payload))
	}
	f.Fuzz(func(t *testing.T, kind int, payload []byte) {
		e := journal.Entry{Seq: 1, Kind: journal.Kind(kind), Payload: payload}
		hardening.Linear(t, len(payload), func() {
			for _, err := range []error{second(e.Event()), second(e.Evaluation()), second(e.Amendment())} {
				if err != nil && !errors.Is(err, journal.ErrInvalid) {
					t.Fatalf("%v does not wrap ErrInvalid", err)
				}
			}
		})
	})
}

func second[T any](_ T, err error) error { return err }

// FuzzWriteRoundTrip appends entries with arbitrary text and checks that
// the journal gives back exactly what was written, or that the Writer
// refused it with ErrInvalid.
func FuzzWriteRoundTrip(f *testing.F) {
	f.Add("市民来电", `<2h> & 质量较好`, "a\\u003cb")
	f.Add("\u2028\"\\", "\\\\u0026", "\xff")
	f.Add("", "\ufffd", `\ufffd`)
	f.Fuzz(func(t *testing.T, note, why, actor string) {
		s := smallHistory()
		s[0].event.Note, s[0].event.Actor = note, actor
		s[7].amendment.Reason, s[7].amendment.Result.Reasons = why, append(reason.Texts(note, why),
			reason.Reason{Rule: 2, Name: note, Lang: reason.Chinese, Type: why, Figures: []reason.Figure{{Of: reason.Quality, Value: 3}}})
		var buf bytes.Buffer
		w := journal.NewWriter(&buf, nil)
		var kept []step
		for _, st := range s {
			if err := appendStep(w, st); err != nil {
				if !errors.Is(err, journal.ErrInvalid) {
					t.Fatalf("append: %v", err)
				}
				continue
			}
			kept = append(kept, st)
		}
		r := journal.NewReader(bytes.NewReader(buf.Bytes()), nil)
		i := 0
		for e, err := range r.All() {
			if err != nil {
				t.Fatal(err)
			}
			var got, want any
			switch e.Kind {
			case journal.KindEvent:
				got, err = e.Event()
				want = *kept[i].event
			case journal.KindEvaluation:
				got, err = e.Evaluation()
				want = *kept[i].evaluation
			case journal.KindAmendment:
				got, err = e.Amendment()
				want = *kept[i].amendment
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("entry %d mismatch (-want +got):\n%s", e.Seq, diff)
			}
			i++
		}
		if i != len(kept) {
			t.Fatalf("read %d entries, wrote %d", i, len(kept))
		}
	})
}

// FuzzCheckpoint: no text panics ParseCheckpoint or OpenCheckpoint; a
// checkpoint ParseCheckpoint accepts is written back as the same text.
func FuzzCheckpoint(f *testing.F) {
	s, v, _ := corpusKey(f)
	j := eventJournal(f, 3)
	signed := checkpointOf(f, j, 3, s)
	f.Add(signed)
	f.Add(noteTextOf(signed))
	f.Add([]byte("o\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n"))
	f.Add([]byte(`{"origin":"o","size":0,"root":"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"}`))
	f.Fuzz(func(t *testing.T, msg []byte) {
		// Its JSON form reads what its text does, and writes it back.
		var cp journal.Checkpoint
		if err := json.Unmarshal(msg, &cp); err == nil {
			if again, err := journal.ParseCheckpoint([]byte(cp.String())); err != nil || again != cp {
				t.Fatalf("Unmarshal(%q) = %v, whose text ParseCheckpoint reads as %v, %v", msg, cp, again, err)
			}
			hardening.JSONRoundTrip(t, &cp)
		} else if !errors.Is(err, journal.ErrInvalid) && json.Valid(msg) {
			t.Fatalf("Unmarshal(%q) = %v, not wrapping ErrInvalid", msg, err)
		}
		if cp, err := journal.ParseCheckpoint(msg); err == nil && cp.String() != string(msg) {
			t.Fatalf("ParseCheckpoint(%q) = %v, written back as %q", msg, cp, cp.String())
		} else if err != nil && !errors.Is(err, journal.ErrInvalid) {
			t.Fatalf("ParseCheckpoint(%q) = %v, not wrapping ErrInvalid", msg, err)
		}
		if cp, err := journal.OpenCheckpoint(msg, v); err == nil && !bytes.HasPrefix(msg, []byte(cp.String())) {
			t.Fatalf("OpenCheckpoint(%q) = %v", msg, cp)
		} else if err != nil && !errors.Is(err, journal.ErrInvalid) && !errors.Is(err, journal.ErrProof) {
			t.Fatalf("OpenCheckpoint(%q) = %v, wrapping neither ErrInvalid nor ErrProof", msg, err)
		}
	})
}

// FuzzHeadJSON: a head that decodes names an entry or the empty journal,
// and encodes back to JSON that decodes to it; any other JSON is an error
// wrapping ErrInvalid.
func FuzzHeadJSON(f *testing.F) {
	f.Add([]byte(`{"seq":5,"hash":"abababababababababababababababababababababababababababababababab"}`))
	f.Add([]byte(`{"seq":0,"hash":"0000000000000000000000000000000000000000000000000000000000000000"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var h journal.Head
		if err := json.Unmarshal(b, &h); err != nil {
			if !errors.Is(err, journal.ErrInvalid) && json.Valid(b) {
				t.Fatalf("Unmarshal(%q) = %v, not wrapping ErrInvalid", b, err)
			}
			return
		}
		if h.Seq < 0 || h.Seq == 0 && !h.Hash.IsZero() {
			t.Fatalf("Unmarshal(%q) = %v, which names no entry", b, h)
		}
		hardening.JSONRoundTrip(t, &h)
	})
}

// noteTextOf returns the text of a signed note.
func noteTextOf(msg []byte) []byte { return msg[:bytes.Index(msg, []byte("\n\n"))+1] }

// FuzzReceipt: no JSON panics a Receipt's UnmarshalJSON or Verify; a
// receipt that decodes encodes back to JSON that decodes to the same
// receipt.
func FuzzReceipt(f *testing.F) {
	s, v, _ := corpusKey(f)
	j := eventJournal(f, 5)
	f.Add(receiptOf(f, j, 2, 5, s))
	f.Add([]byte(`{"entry":"","proof":[],"checkpoint":""}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var r journal.Receipt
		if err := r.UnmarshalJSON(b); err != nil {
			if !errors.Is(err, journal.ErrInvalid) && !errors.Is(err, journal.ErrTampered) {
				t.Fatalf("UnmarshalJSON(%q) = %v, wrapping neither ErrInvalid nor ErrTampered", b, err)
			}
			return
		}
		e, cp, verr := r.Verify(v)
		if verr == nil && (!bytes.Equal(e.Line(), r.Entry.Line()) || !bytes.HasPrefix(r.Checkpoint, []byte(cp.String()))) {
			t.Fatalf("Verify of %s = %v, %v: not the receipt's entry and checkpoint", b, e, cp)
		}
		again, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		var back journal.Receipt
		if err := json.Unmarshal(again, &back); err != nil {
			t.Fatalf("%s decodes, %s does not: %v", b, again, err)
		}
		if !bytes.Equal(back.Entry.Line(), r.Entry.Line()) || !bytes.Equal(back.Checkpoint, r.Checkpoint) {
			t.Fatalf("receipt round trip: %s, then %s", b, again)
		}
		if diff := cmp.Diff(r.Proof, back.Proof); diff != "" {
			t.Fatalf("receipt round trip of %s: proof mismatch (-want +got):\n%s", b, diff)
		}
		if _, _, err := back.Verify(v); fmt.Sprint(err) != fmt.Sprint(verr) {
			t.Fatalf("the receipt verifies as %v, read back as %v", verr, err)
		}
	})
}

// FuzzProofs checks the two proof validators on proofs and checkpoints
// made of arbitrary bytes, and on true proofs of a tree of 9 entries with
// their hashes altered: no panic; a true proof proves; an altered hash of
// a true proof, a checkpoint of another size or root, or any other input
// is refused with an error wrapping ErrProof (or, for an entry that is not
// sound, ErrInvalid or ErrTampered).
func FuzzProofs(f *testing.F) {
	const n = 9
	tree := journal.NewTree()
	if _, err := journal.Verify(bytes.NewReader(eventJournal(f, n)), &journal.Options{Tree: tree}); err != nil {
		f.Fatal(err)
	}
	var entries []journal.Entry
	for e, err := range journal.NewReader(bytes.NewReader(eventJournal(f, n)), nil).All() {
		if err != nil {
			f.Fatal(err)
		}
		entries = append(entries, e)
	}
	f.Add(uint8(3), uint8(9), uint8(2), []byte{})
	f.Add(uint8(0), uint8(0), uint8(0), []byte{})
	f.Add(uint8(0), uint8(9), uint8(9), []byte{1})
	f.Add(uint8(9), uint8(9), uint8(1), []byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7})
	f.Add(uint8(200), uint8(3), uint8(0), bytes.Repeat([]byte{0xff}, 100))
	f.Fuzz(func(t *testing.T, older, newer, seq uint8, flip []byte) {
		o, nw, s := int64(older%(n+1)), int64(newer%(n+1)), int64(seq%(n+1))
		cp := func(size int64) journal.Checkpoint {
			root, err := tree.Root(size)
			if err != nil {
				t.Fatal(err)
			}
			return journal.Checkpoint{Origin: "o", Size: size, Root: root}
		}
		// alter XORs flip into the hashes of p, and reports whether it
		// changed one.
		alter := func(p journal.Proof) (journal.Proof, bool) {
			p = slices.Clone(p)
			changed := false
			for i, b := range flip {
				if i/32 < len(p) && b != 0 {
					p[i/32][i%32] ^= b
					changed = true
				}
			}
			return p, changed
		}
		proven := func(what string, err error, want bool, sentinels ...error) {
			t.Helper()
			if want && err != nil {
				t.Fatalf("%s: %v; want it proven", what, err)
			}
			if !want && !slices.ContainsFunc(sentinels, func(s error) bool { return errors.Is(err, s) }) {
				t.Fatalf("%s = %v; want an error wrapping one of %v", what, err, sentinels)
			}
		}
		if o <= nw {
			p, err := tree.ConsistencyProof(o, nw)
			if err != nil {
				t.Fatal(err)
			}
			q, changed := alter(p)
			proven(fmt.Sprintf("VerifyConsistency(%d → %d, altered %t)", o, nw, changed), journal.VerifyConsistency(q, cp(o), cp(nw)), !changed, journal.ErrProof)
			if o > 0 || nw == 0 { // a checkpoint of size 0 has one root too
				other := cp(nw)
				other.Root[0] ^= 1
				proven("VerifyConsistency to another root", journal.VerifyConsistency(p, cp(o), other), false, journal.ErrProof)
			}
		} else {
			proven(fmt.Sprintf("VerifyConsistency(%d → %d)", o, nw), journal.VerifyConsistency(nil, cp(o), cp(nw)), false, journal.ErrProof)
		}
		if s >= 1 && s <= nw {
			p, err := tree.InclusionProof(s, nw)
			if err != nil {
				t.Fatal(err)
			}
			q, changed := alter(p)
			proven(fmt.Sprintf("VerifyInclusion(%d in %d, altered %t)", s, nw, changed), journal.VerifyInclusion(entries[s-1], q, cp(nw)), !changed, journal.ErrProof)
		}
		// Proofs of bytes alone.
		var raw journal.Proof
		for i := 0; i+32 <= len(flip) && len(raw) < 70; i += 32 {
			raw = append(raw, journal.Hash(flip[i:i+32]))
		}
		garbage := journal.Checkpoint{Origin: "o", Size: int64(newer), Root: journal.Hash(bytes.Repeat([]byte{seq}, 32))}
		if err := journal.VerifyConsistency(raw, cp(o), garbage); err != nil && !errors.Is(err, journal.ErrProof) {
			t.Fatalf("VerifyConsistency of bytes = %v, not wrapping ErrProof", err)
		}
		if s >= 1 {
			if err := journal.VerifyInclusion(entries[s-1], raw, garbage); err != nil && !errors.Is(err, journal.ErrProof) {
				t.Fatalf("VerifyInclusion of bytes = %v, not wrapping ErrProof", err)
			}
		}
	})
}
