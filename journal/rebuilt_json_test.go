package journal_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/journal"
	"github.com/qingdan/qingdan/scoring"
)

// alterState returns the JSON of a state, b, with its members changed by
// edit; the amendments are given as a list of their members, nil when
// the state has none.
func alterState(t *testing.T, b []byte, edit func(m map[string]json.RawMessage, amendments []map[string]json.RawMessage)) []byte {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	var as []map[string]json.RawMessage
	if m["amendments"] != nil {
		if err := json.Unmarshal(m["amendments"], &as); err != nil {
			t.Fatal(err)
		}
	}
	before := m["amendments"]
	edit(m, as)
	if as != nil && bytes.Equal(m["amendments"], before) { // not set by edit
		m["amendments"] = mustJSON(t, as)
	}
	return mustJSON(t, m)
}

func mustJSON(t *testing.T, v any) json.RawMessage {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestRebuiltJSONStrict reads a state's JSON form strictly: its members
// each once, spelt so, none null, and a state that a journal gives —
// matters under their IDs, amendments in journal order up to its head,
// each of an evaluation of its book, the last of each evaluation's
// counting and held by the book, and as many entries as its head says.
// Anything else is refused, names what is at fault, and leaves the state
// alone.
func TestRebuiltJSONStrict(t *testing.T) {
	_, want, year := rebuiltReamended(t)
	// Its last two amendments amend one evaluation; the last counts.
	i0, i1 := len(want.Amendments)-2, len(want.Amendments)-1
	a0, a1 := want.Amendments[i0], want.Amendments[i1]
	if a0.Counts || !a1.Counts || a0.Amends != a1.Amends {
		t.Fatalf("the state's last amendments are %+v and %+v; the test wants two of one evaluation, the last counting", a0, a1)
	}
	empty, err := journal.Rebuild(bytes.NewReader(nil), nil)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := journal.Rebuild(bytes.NewReader(write(t, history(5, 20, 2021))), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []*journal.Rebuilt{want, empty, plain} {
		var got journal.Rebuilt
		if err := json.Unmarshal(mustJSON(t, s), &got); err != nil {
			t.Fatalf("Unmarshal of a state of %d entries: %v", s.Head.Seq, err)
		}
		if diff := cmp.Diff(s.Matters, got.Matters); diff != "" || got.Head != s.Head {
			t.Errorf("state of %d entries: head %v, matters mismatch (-want +got):\n%s", s.Head.Seq, got.Head, diff)
		}
		if diff := cmp.Diff(s.Amendments, got.Amendments, cmp.Comparer(sameAmendment)); diff != "" {
			t.Errorf("state of %d entries: amendments mismatch (-want +got):\n%s", s.Head.Seq, diff)
		}
		if s == want {
			compareBooks(t, s.Book, got.Book, year)
		}
	}

	b := mustJSON(t, want)
	set := func(i int, member, value string) func(map[string]json.RawMessage, []map[string]json.RawMessage) {
		return func(_ map[string]json.RawMessage, as []map[string]json.RawMessage) {
			as[i][member] = json.RawMessage(value)
		}
	}
	top := func(member, value string) func(map[string]json.RawMessage, []map[string]json.RawMessage) {
		return func(m map[string]json.RawMessage, _ []map[string]json.RawMessage) {
			if value == "" {
				delete(m, member)
			} else {
				m[member] = json.RawMessage(value)
			}
		}
	}
	head := func(seq int64) string { return string(mustJSON(t, journal.Head{Seq: seq, Hash: want.Head.Hash})) }
	amendment := func(a journal.Amended, f func(string) string) string { return f(string(mustJSON(t, a.Amendment))) }
	var matter string
	for id := range want.Matters {
		matter = id
		break
	}
	for _, tt := range []struct {
		name  string
		in    []byte
		names string
	}{
		{"an unknown member", alterState(t, b, top("extra", "1")), "extra"},
		{"a member in another case", bytes.Replace(b, []byte(`"head":`), []byte(`"Head":`), 1), "Head"},
		{"a member twice", bytes.Replace(b, []byte(`"head":`), []byte(`"head":`+head(1)+`,"head":`), 1), "head"},
		{"no matters", alterState(t, b, top("matters", "")), "want its matters, book and head"},
		{"no book", alterState(t, b, top("book", "")), "want its matters, book and head"},
		{"no head", alterState(t, b, top("head", "")), "want its matters, book and head"},
		{"null matters", alterState(t, b, top("matters", "null")), "want its matters, book and head"},
		{"a null head", alterState(t, b, top("head", "null")), "want its matters, book and head"},
		{"null amendments", alterState(t, b, top("amendments", "null")), "amendments"},
		{"no amendments, as a list", alterState(t, mustJSON(t, empty), top("amendments", "[]")), "amendments"},
		{"a head of another entry", alterState(t, b, top("head", head(want.Head.Seq+1))), "entries up to its head"},
		{"a head of no entry", alterState(t, b, top("head", head(-1))), "head"},
		{"a matter under another name", bytes.Replace(b, []byte(`"`+matter+`":{`), []byte(`"X-`+matter+`":{`), 1), "held under the name"},
		{"a matter null", bytes.Replace(b, []byte(`"matters":{`), []byte(`"matters":{"X":null,`), 1), `matter "X"`},
		{"a matter without events", bytes.Replace(b, []byte(`"matters":{`), []byte(`"matters":{"":{},`), 1), `matter ""`},
		{"an amendment's unknown member", alterState(t, b, set(i0, "extra", "1")), "extra"},
		{"an amendment's member left out", alterState(t, b, func(_ map[string]json.RawMessage, as []map[string]json.RawMessage) { delete(as[i0], "counts") }), "want its seq, amends, counts and amendment"},
		{"an amendment's null member", alterState(t, b, set(i0, "amends", "null")), "want its seq, amends, counts and amendment"},
		{"an amendment at a negative seq", alterState(t, b, set(i0, "seq", "-1")), "amendment entry -1"},
		{"an amendment at seq 0", alterState(t, b, set(i0, "seq", "0")), "amendment entry 0"},
		{"an amendment of itself", alterState(t, b, set(i0, "amends", "0")), "amends entry 0"},
		{"an amendment of an entry after it", alterState(t, b, set(i0, "amends", string(mustJSON(t, a0.Seq)))), "amends entry"},
		{"an amendment without its author", alterState(t, b, set(i0, "amendment", amendment(a0, func(s string) string {
			return strings.Replace(s, `"author":"`+a0.Amendment.Author+`"`, `"author":""`, 1)
		}))), "author"},
		{"an amendment of no evaluation in the book", alterState(t, b, set(i0, "amendment", amendment(a0, func(s string) string {
			return strings.Replace(s, `"subject":"`+a0.Amendment.Subject+`"`, `"subject":"nobody"`, 1)
		}))), "no evaluation"},
		{"amendments out of order", alterState(t, b, func(_ map[string]json.RawMessage, as []map[string]json.RawMessage) { as[i0], as[i1] = as[i1], as[i0] }), "amendment entry"},
		{"an amendment after its head", alterState(t, b, set(i1, "seq", string(mustJSON(t, want.Head.Seq+1)))), "after its head"},
		{"an evaluation's amendments amending two entries", alterState(t, b, set(i0, "amends", string(mustJSON(t, a0.Amends-1)))), "amends entry"},
		{"the first amendment counting", alterState(t, b, set(i0, "counts", "true")), "counts"},
		{"the last amendment not counting", alterState(t, b, set(i1, "counts", "false")), "counts"},
		{"an amendment twice", alterState(t, b, set(i1, "amendment", string(mustJSON(t, a0.Amendment)))), "amendment entry"},
		{"a book holding an amendment that does not count", alterState(t, b, func(m map[string]json.RawMessage, _ []map[string]json.RawMessage) {
			var book struct {
				Evaluations json.RawMessage     `json:"evaluations"`
				Amendments  []scoring.Amendment `json:"amendments"`
			}
			if err := json.Unmarshal(m["book"], &book); err != nil {
				t.Fatal(err)
			}
			for i, a := range book.Amendments {
				if sameAmendment(a, a1.Amendment) {
					book.Amendments[i] = a0.Amendment
				}
			}
			m["book"] = mustJSON(t, book)
		}), "book"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if bytes.Equal(tt.in, b) {
				t.Fatal("the edit changed nothing")
			}
			got := journal.Rebuilt{Head: journal.Head{Seq: 99}}
			err := json.Unmarshal(tt.in, &got)
			if !errors.Is(err, journal.ErrInvalid) {
				t.Fatalf("Unmarshal = %v; want an error wrapping ErrInvalid", err)
			}
			if !strings.Contains(err.Error(), tt.names) {
				t.Errorf("Unmarshal = %v; want it to name %s", err, tt.names)
			}
			if got.Head.Seq != 99 || got.Matters != nil || got.Book != nil || got.Amendments != nil {
				t.Errorf("Unmarshal changed the state: %+v", got)
			}
		})
	}
}

// TestRebuiltFromJSONKnowsNoTree: a state read from its JSON form knows
// neither its journal's tree nor where its evaluations are, and neither
// does a state whose head its caller set. Checkpoint panics saying so,
// rather than give a root of no journal for a host to sign; Snapshot
// refuses, rather than give a snapshot that Resume refuses. The report it
// holds is the journal's state, and a state rebuilt, resumed or zero gives
// its checkpoint and snapshot.
func TestRebuiltFromJSONKnowsNoTree(t *testing.T) {
	ls, want, _ := rebuiltReamended(t)
	var read journal.Rebuilt
	if err := json.Unmarshal(mustJSON(t, want), &read); err != nil {
		t.Fatal(err)
	}
	set := &journal.Rebuilt{Head: want.Head, Matters: want.Matters, Book: want.Book}
	for name, s := range map[string]*journal.Rebuilt{"read from JSON": &read, "set by its caller": set} {
		t.Run(name, func(t *testing.T) {
			wantPanic := fmt.Sprintf("journal: Rebuilt.Checkpoint: the state knows no tree of its journal up to its head, entry %d (a state read from its JSON form, or whose head its caller set): rebuild it, or resume it from a snapshot", want.Head.Seq)
			if got := hardening.PanicOf(func() { s.Checkpoint("wuhu") }); got != wantPanic {
				t.Errorf("Checkpoint panicked with %v, want %q", got, wantPanic)
			}
			if snap, err := s.Snapshot(); !errors.Is(err, journal.ErrInvalid) || !strings.Contains(err.Error(), "knows neither its journal's tree nor where its evaluations are") {
				_, rerr := journal.Resume(snap, nil, nil)
				t.Errorf("Snapshot = %.40s…, %v (Resume of it: %v); want an error wrapping ErrInvalid", snap, err, rerr)
			}
		})
	}
	resumed, err := journal.Resume(nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]struct {
		s    *journal.Rebuilt
		tail [][]byte // from its head's entry on
	}{"rebuilt": {want, ls[len(ls)-1:]}, "resumed": {resumed, nil}, "zero": {&journal.Rebuilt{}, nil}} {
		s := c.s
		snap, err := s.Snapshot()
		if err != nil {
			t.Fatalf("%s: Snapshot: %v", name, err)
		}
		back, err := journal.Resume(snap, rows(c.tail), nil)
		if err != nil {
			t.Fatalf("%s: Resume: %v", name, err)
		}
		if got, wantCP := back.Checkpoint("wuhu"), s.Checkpoint("wuhu"); got != wantCP {
			t.Errorf("%s: checkpoint %v, resumed %v", name, wantCP, got)
		}
	}
}
