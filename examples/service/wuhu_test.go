package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/accountability"
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

// qualityOf returns the quality judgement an evaluation's payload was
// graded with, 0 for none: the "quality" member of the facts the journal
// keeps with an evaluation (decision records), else the quality figure of
// its structured reasons, else the figure its reason text lists
// (", quality 2,"; not a rule's name, such as "quality 1–2").
func qualityOf(payload []byte) (int, error) {
	var p struct {
		Facts *struct {
			Quality int `json:"quality"`
		} `json:"facts"`
		Result struct {
			Reasons []json.RawMessage `json:"reasons"`
		} `json:"result"`
	}
	if err := json.Unmarshal(payload, &p); err != nil {
		return 0, fmt.Errorf("an evaluation's payload: %w", err)
	}
	if p.Facts != nil {
		return p.Facts.Quality, nil
	}
	for _, r := range p.Result.Reasons {
		var text string
		if json.Unmarshal(r, &text) == nil {
			if m := qualityText.FindStringSubmatch(text); m != nil {
				return strconv.Atoi(m[1])
			}
			continue
		}
		var structured struct {
			Figures []struct {
				Of    string `json:"of"`
				Value int    `json:"value"`
			} `json:"figures"`
		}
		if err := json.Unmarshal(r, &structured); err != nil {
			return 0, fmt.Errorf("an evaluation's reason: %w", err)
		}
		for _, f := range structured.Figures {
			if f.Of == "quality" {
				return f.Value, nil
			}
		}
	}
	return 0, nil
}

// qualityText is the quality figure in a reason of text.
var qualityText = regexp.MustCompile(`, quality ([1-5])\b`)

// loadWuhuYear runs the wuhu example with -journal and reads its journal
// back: the events to post, and with each the quality that the
// evaluations after it in the journal were graded with.
func loadWuhuYear(t testing.TB) *wuhuYear {
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
			q, err := qualityOf(e.Payload)
			if err != nil {
				t.Fatalf("entry %d: %v", e.Seq, err)
			}
			if q != 0 {
				last := &y.subs[len(y.subs)-1]
				if last.Quality == nil {
					last.Quality = map[string]int{}
				}
				last.Quality[ev.Subject] = q
			}
		default:
			t.Fatalf("entry %d: the wuhu year has a %s", e.Seq, e.Kind)
		}
	}
	return y
}

// withYear starts a cluster and loads the wuhu year and its config
// (wuhuConfig): what a test that posts the year needs. Without
// PostgreSQL it fails under CI and skips elsewhere (startCluster).
func withYear(t testing.TB) (*cluster, *wuhuYear, Config) {
	t.Helper()
	return startCluster(t), loadWuhuYear(t), wuhuConfig(t)
}

// wuhuConfig is the wuhu example's catalog, with a register of the
// city's sub-districts and departments, and wuhu's decision table, with
// a caller for each unit and body of the example's city (tokenOf), the
// hotline and the supervisors off the register.
func wuhuConfig(t testing.TB) Config {
	t.Helper()
	// read returns one of the example's data files.
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("../wuhu/data", name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	dir, err := matters.LoadDirectory(bytes.NewReader(read("routes.json")))
	if err != nil {
		t.Fatal(err)
	}
	adm, err := matters.LoadAdmission(bytes.NewReader(read("admission.json")))
	if err != nil {
		t.Fatal(err)
	}
	var syn struct {
		Supervision matters.Supervision `json:"supervision"`
	}
	if err := json.Unmarshal(read("synthetic.json"), &syn); err != nil {
		t.Fatal(err)
	}
	type body struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	}
	var city struct {
		Subdistricts, Departments, Supervisors []body
		Hotline                                body
	}
	if err := json.Unmarshal(read("city.json"), &city); err != nil {
		t.Fatal(err)
	}
	callers := map[string]string{}
	for _, b := range slices.Concat(city.Subdistricts, city.Departments, city.Supervisors, []body{city.Hotline}) {
		callers[tokenHash(tokenOf(b.ID))] = b.ID
	}
	off := []string{city.Hotline.ID}
	for _, b := range city.Supervisors {
		off = append(off, b.ID)
	}
	// The register lists the units graded: the sub-districts and the
	// departments. The hotline (a platform) and the supervisors grade or
	// supervise them from off it.
	reg := &accountability.Register{}
	for _, u := range []struct {
		bodies []body
		kind   accountability.UnitKind
	}{{city.Subdistricts, accountability.Subdistrict}, {city.Departments, accountability.Department}} {
		for _, b := range u.bodies {
			reg.Units = append(reg.Units, accountability.Unit{ID: b.ID, Name: b.Name, Kind: u.kind})
		}
	}
	return Config{Catalog: &matters.Catalog{Register: reg, Directory: dir, Admission: adm, Supervision: syn.Supervision}, Table: wuhu.Table(), SnapshotEvery: 2500, Now: clock.now, Callers: callers, OffRegister: off}
}

// TestWuhuCatalogValidate: the wuhu catalog, with wuhuConfig's register,
// passes Catalog.Validate: every unit its routes and admission items name
// is on the register, and its supervisor, the city's 督查室 (city-dc), is
// off it, a body above the units, as catalog.supervision wants. The
// register holds the units alone, not the powers and responsibilities the
// example has none of, so catalog.item and catalog.duty, which check the
// lists against those, are left out.
func TestWuhuCatalogValidate(t *testing.T) {
	c := wuhuConfig(t).Catalog
	if c.Supervision.Supervisor != "city-dc" {
		t.Fatalf("the wuhu catalog's supervisor is %q, want city-dc", c.Supervision.Supervisor)
	}
	var got accountability.Findings
	for _, f := range c.Validate() {
		if f.Rule != "catalog.item" && f.Rule != "catalog.duty" {
			got = append(got, f)
		}
	}
	if diff := cmp.Diff(accountability.Findings(nil), got); diff != "" {
		t.Errorf("Validate() beyond catalog.item and catalog.duty mismatch (-want +got):\n%s", diff)
	}
}

// tokenOf is the bearer token the tests post as the unit or body id with
// (wuhuConfig's callers).
func tokenOf(id string) string { return "token-" + id }

// TestQualityOf reads the quality judgement of an evaluation in each form
// a journal has kept it: in the reason's text, in structured reasons, in
// the facts kept with the evaluation.
func TestQualityOf(t *testing.T) {
	for _, tt := range []struct {
		name, payload string
		want          int
	}{
		{"text", `{"result":{"reasons":["rule 5 \"quality 1–2\": response 0.19 of limit, not resolved, quality 2, no feedback, stage 1"]}}`, 2},
		{"text, a rule named for quality, none judged", `{"result":{"reasons":["rule 5 \"quality 1–2\": response 0.19 of limit"]}}`, 0},
		{"structured", `{"result":{"reasons":[{"rule":5,"name":"quality 1–2","checks":[{"of":"quality","op":"atMost","threshold":"2"}],"figures":[{"of":"response","done":true},{"of":"quality","value":4}]}]}}`, 4},
		{"structured, none judged", `{"result":{"reasons":[{"rule":5,"figures":[{"of":"satisfaction"}]}]}}`, 0},
		{"the facts", `{"result":{"reasons":[{"rule":8,"figures":[{"of":"quality","value":1}]}]},"facts":{"subject":"swj","quality":3}}`, 3},
		{"the facts, none judged", `{"result":{"reasons":["quality 4, quality 4"]},"facts":{"subject":"swj"}}`, 0},
	} {
		if got, err := qualityOf([]byte(tt.payload)); err != nil || got != tt.want {
			t.Errorf("%s: qualityOf = %d, %v; want %d", tt.name, got, err, tt.want)
		}
	}
	if _, err := qualityOf([]byte(`{"result":{"reasons":[7]}}`)); err == nil {
		t.Error("a reason neither text nor structured: no error")
	}
}
