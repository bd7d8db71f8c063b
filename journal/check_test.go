package journal_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/qingdan/qingdan/journal"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring"
)

// TestCheckAgreesWithApply is a property test: for runs of lines of a
// history, Check says what applying them says, and changes nothing.
func TestCheckAgreesWithApply(t *testing.T) {
	steps, _ := reamended(t)
	ls := lines(write(t, steps))
	for i := range ls {
		ls[i] = bytes.TrimSuffix(ls[i], []byte("\n"))
	}
	state, err := journal.Resume(nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < len(ls); i += 3 {
		run := ls[i:min(i+3, len(ls))]
		before, err := state.Snapshot()
		if err != nil {
			t.Fatalf("lines %d to %d: Snapshot before Check: %v", i+1, i+len(run), err)
		}
		if err := state.Check(run...); err != nil {
			t.Fatalf("lines %d to %d: Check: %v", i+1, i+len(run), err)
		}
		if after, err := state.Snapshot(); err != nil || !bytes.Equal(before, after) {
			t.Fatalf("lines %d to %d: Check changed the state (Snapshot after: %v); its snapshot mismatch (-before +after):\n%s", i+1, i+len(run), err, snapshotDiff(before, after))
		}
		for _, l := range run {
			if err := state.Apply(l); err != nil {
				t.Fatalf("Check passed a line Apply refuses: %v", err)
			}
		}
	}
}

func TestCheckRefusesWhatApplyRefuses(t *testing.T) {
	s := smallHistory()
	state, err := journal.Resume(nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	seal := func(head journal.Head, vs ...any) [][]byte {
		t.Helper()
		var out [][]byte
		for _, v := range vs {
			line, next, err := journal.Seal(head, v, nil)
			if err != nil {
				t.Fatal(err)
			}
			out, head = append(out, line), next
		}
		return out
	}
	for _, l := range seal(journal.Head{}, *s[0].event, *s[1].event) {
		if err := state.Apply(l); err != nil {
			t.Fatal(err)
		}
	}
	eval := *s[6].evaluation
	badEvent := *s[1].event // again
	orphan := scoring.Amendment{Evaluation: eval, Author: "街道党工委", Reason: "复核"}
	orphan.Result.Grade = "fair"
	tests := []struct {
		name  string
		lines [][]byte
		want  error
		names string // the line at fault
	}{
		{"an event again", seal(state.Head, badEvent), matters.ErrOrder, "entry 3"},
		{"an evaluation twice in the lines", seal(state.Head, eval, eval), scoring.ErrDuplicate, "entry 4"},
		{"an amendment of no evaluation", seal(state.Head, orphan), scoring.ErrNotFound, "entry 3"},
		{"lines that do not follow the head", seal(journal.Head{}, *s[0].event), journal.ErrInvalid, "entry 1"},
		{"not an entry", [][]byte{[]byte("{}")}, journal.ErrInvalid, "after entry 2"},
		{"not an entry after an entry", append(seal(state.Head, eval), []byte("{}")), journal.ErrInvalid, "after entry 3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := state.Head
			err := state.Check(tt.lines...)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Check = %v; want %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.names) {
				t.Errorf("Check = %v; want it to name %s", err, tt.names)
			}
			if state.Head != before || state.Book.Len() != 0 || len(state.Matters["WH-2020-00001"].Events) != 2 {
				t.Errorf("Check changed the state: head %v, %d evaluations", state.Head, state.Book.Len())
			}
		})
	}
}

// TestUnreadLinesNamedWhereTheyAre: a line Check, Apply and Tree.Append
// cannot read as an entry is named where it is, by each alike: as the
// line after the head's entry, and by its own seq once its framing gives
// one.
func TestUnreadLinesNamedWhereTheyAre(t *testing.T) {
	s := smallHistory()
	var ls [][]byte
	head := journal.Head{}
	for _, v := range []any{*s[0].event, *s[1].event, *s[2].event} {
		line, next, err := journal.Seal(head, v, nil)
		if err != nil {
			t.Fatal(err)
		}
		ls, head = append(ls, line), next
	}
	state, tree := &journal.Rebuilt{}, journal.NewTree()
	for _, l := range ls[:2] {
		if err := state.Apply(l); err != nil {
			t.Fatal(err)
		}
		if _, err := tree.Append(l); err != nil {
			t.Fatal(err)
		}
	}
	hashAt := len(ls[2]) - 10
	tampered := bytes.Clone(ls[2])
	tampered[hashAt] ^= 1
	for _, tt := range []struct {
		name  string
		line  []byte
		want  error
		names []string
	}{
		{"not an entry", []byte("{}"), journal.ErrInvalid, []string{"the line after entry 2"}},
		{"cut short", ls[2][:40], journal.ErrInvalid, []string{"the line after entry 2"}},
		{"a hash that does not match", tampered, journal.ErrTampered, []string{"the line after entry 2", "entry 3"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, aerr := tree.Append(tt.line)
			for name, err := range map[string]error{"Check": state.Check(tt.line), "Apply": state.Apply(tt.line), "Tree.Append": aerr} {
				if !errors.Is(err, tt.want) {
					t.Errorf("%s = %v; want %v", name, err, tt.want)
					continue
				}
				for _, n := range tt.names {
					if !strings.Contains(err.Error(), n) {
						t.Errorf("%s = %v; want it to name %s", name, err, n)
					}
				}
			}
			if state.Head.Seq != 2 || tree.Size() != 2 {
				t.Errorf("the state's head is %v and the tree's size %d; want both at entry 2", state.Head, tree.Size())
			}
		})
	}
}

// TestApplyRefusesLongLines: a state takes no line longer than the MaxLine
// it was resumed or rebuilt with — the line every rebuild with those
// options would refuse — whether checked or applied, and is unchanged.
func TestApplyRefusesLongLines(t *testing.T) {
	s := smallHistory()
	line, _, err := journal.Seal(journal.Head{}, *s[0].event, nil)
	if err != nil {
		t.Fatal(err)
	}
	limit := len(line) - 1
	opts := &journal.Options{MaxLine: limit}
	if _, err := journal.Rebuild(bytes.NewReader(append(line, '\n')), opts); !errors.Is(err, journal.ErrLineTooLong) {
		t.Fatalf("Rebuild with MaxLine %d = %v; want ErrLineTooLong", limit, err)
	}
	resumed, err := journal.Resume(nil, nil, opts)
	if err != nil {
		t.Fatal(err)
	}
	rebuilt, err := journal.Rebuild(bytes.NewReader(nil), opts)
	if err != nil {
		t.Fatal(err)
	}
	for name, state := range map[string]*journal.Rebuilt{"resumed": resumed, "rebuilt": rebuilt} {
		if err := state.Check(line); !errors.Is(err, journal.ErrLineTooLong) {
			t.Errorf("%s: Check = %v; want ErrLineTooLong", name, err)
		}
		if err := state.Apply(line); !errors.Is(err, journal.ErrLineTooLong) || state.Head.Seq != 0 || len(state.Matters) != 0 {
			t.Errorf("%s: Apply = %v, head %v, %d matters; want ErrLineTooLong and no change", name, err, state.Head, len(state.Matters))
		}
	}
	for name, opts := range map[string]*journal.Options{"the limit": {MaxLine: len(line)}, "the default": nil} {
		state, err := journal.Resume(nil, nil, opts)
		if err != nil {
			t.Fatal(err)
		}
		if err := state.Check(line); err != nil {
			t.Errorf("%s: Check = %v", name, err)
		}
		if err := state.Apply(line); err != nil {
			t.Errorf("%s: Apply = %v", name, err)
		}
	}
}
