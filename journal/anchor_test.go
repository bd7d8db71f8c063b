package journal_test

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"github.com/qingdan/qingdan/journal"
	"github.com/qingdan/qingdan/matters"
)

func TestVerifyAnchor(t *testing.T) {
	const n = 10
	j := eventJournal(t, n)
	ls := lines(j)
	// The head published at the monthly review, after entry 6.
	anchor, err := journal.Verify(bytes.NewReader(join(ls[:6])), nil)
	if err != nil {
		t.Fatal(err)
	}
	// rewrite returns the journal with entry k's note changed and every hash
	// from k on recomputed: a chain that Verify alone finds sound.
	rewrite := func(k int) []byte {
		var buf bytes.Buffer
		w := journal.NewWriter(&buf, nil)
		r := journal.NewReader(bytes.NewReader(j), nil)
		for e, err := range r.All() {
			if err != nil {
				t.Fatal(err)
			}
			ev, err := e.Event()
			if err != nil {
				t.Fatal(err)
			}
			if e.Seq == int64(k) {
				ev.Note = "事后修改"
			}
			if _, err := w.AppendEvent(ev); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := journal.Verify(bytes.NewReader(buf.Bytes()), nil); err != nil {
			t.Fatalf("the rewritten journal does not verify: %v", err)
		}
		return buf.Bytes()
	}
	appended := func() []byte {
		var buf bytes.Buffer
		buf.Write(j)
		w := journal.NewWriterAt(&buf, journal.Head{Seq: n, Hash: mustVerify(t, j).Hash}, nil)
		e := matters.Event{Matter: "WH-1", Seq: n + 1, At: time.Date(2020, 7, 1, 9, 0, 0, 0, cst), Kind: matters.Progress, Actor: "城管局"}
		if _, err := w.AppendEvent(e); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	tests := []struct {
		name    string
		journal []byte
		anchor  journal.Anchor
		want    error // nil, or the sentinel
		line    int64
	}{
		{"unchanged", j, anchor, nil, 0},
		{"appended after the anchor", appended(), anchor, nil, 0},
		{"rewritten after the anchor", rewrite(8), anchor, nil, 0},
		{"torn after the anchor", append(bytes.Clone(j), `{"seq":11,`...), anchor, nil, 0},
		{"journal is exactly the anchor", join(ls[:6]), anchor, nil, 0},
		{"the zero anchor", j, journal.Anchor{}, nil, 0},
		{"rewritten before the anchor", rewrite(3), anchor, journal.ErrAnchor, 6},
		{"rewritten at the anchor", rewrite(6), anchor, journal.ErrAnchor, 6},
		{"altered before the anchor", bytes.Replace(bytes.Clone(j), []byte("第2次"), []byte("第3次"), 1), anchor, journal.ErrTampered, 2},
		{"truncated before the anchor", join(ls[:4]), anchor, journal.ErrAnchor, 5},
		{"empty", nil, anchor, journal.ErrAnchor, 1},
		{"another anchor hash", j, journal.Anchor{Seq: 6, Hash: journal.Hash{1}}, journal.ErrAnchor, 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := journal.VerifyAnchor(bytes.NewReader(tt.journal), tt.anchor, nil)
			if tt.want == nil {
				if err != nil {
					t.Fatalf("VerifyAnchor = %v, want nil", err)
				}
				return
			}
			var ve *journal.VerifyError
			if !errors.Is(err, tt.want) || !errors.As(err, &ve) {
				t.Fatalf("VerifyAnchor = %v, want a *VerifyError wrapping %v", err, tt.want)
			}
			if ve.Line != tt.line {
				t.Errorf("VerifyAnchor named line %d, want %d: %v", ve.Line, tt.line, err)
			}
		})
	}
	for _, bad := range []journal.Anchor{{Seq: -1}, {Seq: 0, Hash: journal.Hash{1}}} {
		if err := journal.VerifyAnchor(bytes.NewReader(j), bad, nil); !errors.Is(err, journal.ErrInvalid) {
			t.Errorf("VerifyAnchor(%v) = %v, want ErrInvalid", bad, err)
		}
	}
}

func mustVerify(t testing.TB, j []byte) journal.Head {
	t.Helper()
	h, err := journal.Verify(bytes.NewReader(j), nil)
	if err != nil {
		t.Fatal(err)
	}
	return h
}
