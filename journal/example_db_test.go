package journal_test

import (
	"fmt"
	"iter"

	"github.com/qingdan/qingdan/journal"
)

// table stands for a database table of journal lines: one row per entry,
// the line as text, in order of seq.
type table [][]byte

// from yields the rows from entry seq on, as a query with ORDER BY seq
// streams them.
func (t table) from(seq int64) iter.Seq2[[]byte, error] {
	return func(yield func([]byte, error) bool) {
		for _, line := range t[max(seq-1, 0):] {
			if !yield(line, nil) {
				return
			}
		}
	}
}

// A host that keeps its journal in a table seals each entry against its
// head, checks that its state would take the line, stores the line in
// the transaction of the change and, once it commits, applies the line
// to its state.
func ExampleSeal() {
	state, err := journal.Resume(nil, nil, nil) // the state of an empty journal
	if err != nil {
		fmt.Println(err)
		return
	}
	var rows table
	for _, e := range whistle() {
		line, next, err := journal.Seal(state.Head, e, nil)
		if err != nil {
			fmt.Println(err)
			return
		}
		if err := state.Check(line); err != nil { // what the state would refuse is never committed
			fmt.Println(err)
			return
		}
		rows = append(rows, line) // INSERT INTO journal (seq, line) VALUES (next.Seq, line), then COMMIT
		if err := state.Apply(line); err != nil {
			fmt.Println(err)
			return
		}
		_ = next // the head the commit makes: state.Head now
	}
	r := journal.Lines(rows.from(1))
	defer r.Close()
	head, err := journal.Verify(r, nil)
	fmt.Println("entries:", head.Seq, "sound:", err == nil, "same head:", head == state.Head)
	fmt.Println("matter state:", state.Matters["WH-0601"].State)
	// Output:
	// entries: 4 sound: true same head: true
	// matter state: accepted
}

// A restart reads the snapshot the host saved and the lines from its
// head on, rather than the whole journal.
func ExampleResume() {
	state, err := journal.Resume(nil, nil, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	var rows table
	var snap []byte
	for i, e := range whistle() {
		line, _, err := journal.Seal(state.Head, e, nil)
		if err == nil {
			err = state.Apply(line)
		}
		if err != nil {
			fmt.Println(err)
			return
		}
		rows = append(rows, line)
		if i == 1 { // now and then, the host saves a snapshot beside the journal
			if snap, err = state.Snapshot(); err != nil {
				fmt.Println(err)
				return
			}
		}
	}
	published := state.Checkpoint("wuhu.example/journal") // signed and published by the host

	// After a restart: the snapshot of entry 2, and rows 2 to 4.
	resumed, err := journal.Resume(snap, rows.from(2), nil, published)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("head:", resumed.Head.Seq, "same as before the restart:", resumed.Head == state.Head)
	fmt.Println("matter state:", resumed.Matters["WH-0601"].State)
	// Output:
	// head: 4 same as before the restart: true
	// matter state: accepted
}
