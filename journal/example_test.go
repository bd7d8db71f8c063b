package journal_test

import (
	"bytes"
	"errors"
	"fmt"
	"time"

	"github.com/qingdan/qingdan/journal"
	"github.com/qingdan/qingdan/matters"
)

// whistle returns the first events of a whistled matter.
func whistle() []matters.Event {
	cst := time.FixedZone("CST", 8*3600)
	at := time.Date(2020, 6, 1, 9, 0, 0, 0, cst)
	return []matters.Event{
		{Matter: "WH-0601", Seq: 1, At: at, Kind: matters.Report, Actor: "JJ-01", Type: "占道经营", Note: "菜市场门口占道"},
		{Matter: "WH-0601", Seq: 2, At: at.Add(10 * time.Minute), Kind: matters.Whistle, Actor: "JJ-01"},
		{Matter: "WH-0601", Seq: 3, At: at.Add(20 * time.Minute), Kind: matters.Dispatch, Actor: "JJ-01", Units: []string{"城管局", "市场监管局"}},
		{Matter: "WH-0601", Seq: 4, At: at.Add(90 * time.Minute), Kind: matters.Accept, Actor: "城管局"},
	}
}

// logOf journals events and returns the journal; tree, if not nil, keeps
// its tree.
func logOf(events []matters.Event, tree *journal.Tree) []byte {
	var buf bytes.Buffer
	w := journal.NewWriter(&buf, &journal.Options{Tree: tree})
	for _, e := range events {
		if _, err := w.AppendEvent(e); err != nil {
			panic(err)
		}
	}
	return buf.Bytes()
}

func ExampleWriter() {
	var buf bytes.Buffer // in a host, an *os.File opened with os.O_APPEND
	w := journal.NewWriter(&buf, nil)
	for _, e := range whistle() {
		if _, err := w.AppendEvent(e); err != nil {
			fmt.Println(err)
			return
		}
	}
	head, err := journal.Verify(bytes.NewReader(buf.Bytes()), nil)
	fmt.Println("entries:", head.Seq, "sound:", err == nil, "same head:", head == w.Head())
	// Output:
	// entries: 4 sound: true same head: true
}

func ExampleVerify() {
	log := logOf(whistle(), nil)
	// Someone edits the note of the report after the fact.
	edited := bytes.Replace(log, []byte("菜市场门口占道"), []byte("无"), 1)
	_, err := journal.Verify(bytes.NewReader(edited), nil)
	var ve *journal.VerifyError
	if errors.As(err, &ve) {
		fmt.Println("tampered:", errors.Is(err, journal.ErrTampered))
		fmt.Println("line:", ve.Line, "sound entries:", ve.Head.Seq)
		fmt.Println(ve.Reason)
	}
	// Someone removes the whistle.
	ls := bytes.SplitAfter(log, []byte("\n"))
	removed := bytes.Join(append(ls[:1:1], ls[2:]...), nil)
	_, err = journal.Verify(bytes.NewReader(removed), nil)
	if errors.As(err, &ve) {
		fmt.Println("line:", ve.Line, ve.Reason)
	}
	// Output:
	// tampered: true
	// line: 1 sound entries: 0
	// entry 1's content does not match its hash: it was altered
	// line: 2 entry 2 is missing (found entry 3): it was removed or moved
}

func ExampleRecover() {
	log := logOf(whistle(), nil)
	torn := log[:len(log)-30] // the machine lost power while writing entry 4
	_, err := journal.Verify(bytes.NewReader(torn), nil)
	fmt.Println("torn:", errors.Is(err, journal.ErrTorn))

	head, size, err := journal.Recover(bytes.NewReader(torn), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("sound entries:", head.Seq)
	buf := bytes.NewBuffer(torn)
	buf.Truncate(int(size)) // for a file: f.Truncate(size)

	// Resume writing after the last sound entry: write entry 4 again.
	w := journal.NewWriterAt(buf, head, nil)
	if _, err := w.AppendEvent(whistle()[3]); err != nil {
		fmt.Println(err)
		return
	}
	head, err = journal.Verify(bytes.NewReader(buf.Bytes()), nil)
	fmt.Println("entries:", head.Seq, "sound:", err == nil)
	// Output:
	// torn: true
	// sound entries: 3
	// entries: 4 sound: true
}

func ExampleVerifyHead() {
	events := whistle()
	var buf bytes.Buffer
	w := journal.NewWriter(&buf, nil)
	for _, e := range events[:3] {
		if _, err := w.AppendEvent(e); err != nil {
			fmt.Println(err)
			return
		}
	}
	// At the monthly review the head is read into the minutes.
	published := w.Head()
	// Later entries do not disturb it.
	if _, err := w.AppendEvent(events[3]); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("after appending:", journal.VerifyHead(bytes.NewReader(buf.Bytes()), published, nil))

	// A journal rewritten from the start, every hash recomputed, is sound in
	// itself, but no longer holds the published head.
	events[0].Note = "无"
	rewritten := logOf(events, nil)
	_, err := journal.Verify(bytes.NewReader(rewritten), nil)
	fmt.Println("rewritten, verified alone:", err)
	err = journal.VerifyHead(bytes.NewReader(rewritten), published, nil)
	fmt.Println("rewritten, against the published head:", errors.Is(err, journal.ErrHeadMismatch))
	// Output:
	// after appending: <nil>
	// rewritten, verified alone: <nil>
	// rewritten, against the published head: true
}

func ExampleRebuild() {
	log := logOf(whistle(), nil)
	state, err := journal.Rebuild(bytes.NewReader(log), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	m := state.Matters["WH-0601"]
	fmt.Println(m.ID, m.State, m.Lead, m.Support, "coordinated:", m.Coordinated, "events:", len(m.Events))
	// Output:
	// WH-0601 accepted 城管局 [市场监管局] coordinated: true events: 4
}

func ExampleReader() {
	log := logOf(whistle(), nil)
	r := journal.NewReader(bytes.NewReader(log), nil)
	for e, err := range r.All() {
		if err != nil {
			fmt.Println(err)
			return
		}
		ev, err := e.Event()
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(e.Seq, e.Kind, ev.Kind, ev.Actor, ev.At.Format(time.RFC3339))
	}
	fmt.Println("sound entries:", r.Head().Seq)
	// Output:
	// 1 event report JJ-01 2020-06-01T01:00:00Z
	// 2 event whistle JJ-01 2020-06-01T01:10:00Z
	// 3 event dispatch JJ-01 2020-06-01T01:20:00Z
	// 4 event accept 城管局 2020-06-01T02:30:00Z
	// sound entries: 4
}
