package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/qingdan/qingdan/journal"
	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/matters"
)

// wuhuYear is the wuhu example's year as a host receives it: its events
// in the order they happened, each with the owner's judgement of the
// quality of the units it grades, and the journal the example wrote.
type wuhuYear struct {
	subs    []Submission
	journal []byte
	head    journal.Head
}

// qualityOf finds the quality judgement in an evaluation's payload: in
// its facts, or among the figures its reason lists (", quality 2,"; not
// in a rule's name, such as "quality 1–2").
var qualityOf = regexp.MustCompile(`"quality":([1-5])\b|, quality ([1-5])\b`)

// loadWuhuYear runs the wuhu example with -journal and reads its journal
// back: the events to post, and with each the quality that the
// evaluations after it in the journal were graded with.
func loadWuhuYear(t *testing.T) *wuhuYear {
	t.Helper()
	name := filepath.Join(t.TempDir(), "wuhu.jsonl")
	cmd := exec.Command("go", "run", "./examples/wuhu", "-journal", name)
	cmd.Dir = "../.."
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go run ./examples/wuhu: %v\n%s", err, out)
	}
	j, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	y := &wuhuYear{journal: j}
	if y.head, err = journal.Verify(bytes.NewReader(j), nil); err != nil {
		t.Fatal(err)
	}
	r := journal.NewReader(bytes.NewReader(j), nil)
	for e, err := range r.All() {
		if err != nil {
			t.Fatal(err)
		}
		switch e.Kind {
		case journal.KindEvent:
			ev, err := e.Event()
			if err != nil {
				t.Fatal(err)
			}
			y.subs = append(y.subs, Submission{Event: ev})
		case journal.KindEvaluation:
			ev, err := e.Evaluation()
			if err != nil {
				t.Fatal(err)
			}
			if m := qualityOf.FindSubmatch(e.Payload); m != nil {
				last := &y.subs[len(y.subs)-1]
				if last.Quality == nil {
					last.Quality = map[string]int{}
				}
				q, _ := strconv.Atoi(string(m[1]) + string(m[2]))
				last.Quality[ev.Subject] = q
			}
		default:
			t.Fatalf("entry %d: the wuhu year has a %s", e.Seq, e.Kind)
		}
	}
	return y
}

// wuhuConfig is the wuhu example's catalog and wuhu's decision table.
func wuhuConfig(t *testing.T) Config {
	t.Helper()
	// read decodes one of the example's data files, without the members
	// that only describe it.
	read := func(name string, drop ...string) []byte {
		b, err := os.ReadFile(filepath.Join("../wuhu/data", name))
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		for _, k := range drop {
			delete(m, k)
		}
		b, err = json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	dir, err := matters.LoadDirectory(bytes.NewReader(read("routes.json", "name", "note")))
	if err != nil {
		t.Fatal(err)
	}
	adm, err := matters.LoadAdmission(bytes.NewReader(read("admission.json", "note")))
	if err != nil {
		t.Fatal(err)
	}
	var syn struct {
		Supervision matters.Supervision `json:"supervision"`
	}
	if err := json.Unmarshal(read("synthetic.json"), &syn); err != nil {
		t.Fatal(err)
	}
	return Config{Catalog: &matters.Catalog{Directory: dir, Admission: adm, Supervision: syn.Supervision}, Table: wuhu.Table(), SnapshotEvery: 2500}
}
