package journal_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/journal"
	"golang.org/x/mod/sumdb/note"
)

// corpusDir holds the committed corpus: each case's journal, checkpoints
// and receipts, the verdicts of the Go verifier, and the key.
var corpusDir = filepath.Join("testdata", "corpus")

// goVerdict is the verdict of the Go verifier on a journal and the signed
// checkpoints published of it, in verify.py's words.
func goVerdict(j []byte, notes [][]byte, v note.Verifier) string {
	var cps []journal.Checkpoint
	for _, msg := range notes {
		cp, err := journal.OpenCheckpoint(msg, v)
		if err != nil {
			return "bad-checkpoint"
		}
		cps = append(cps, cp)
	}
	tree := journal.NewTree()
	head, err := journal.Verify(bytes.NewReader(j), &journal.Options{Tree: tree}, cps...)
	var ve *journal.VerifyError
	switch {
	case err == nil:
		root, err := tree.Root(tree.Size())
		if err != nil {
			return "error " + err.Error()
		}
		return fmt.Sprintf("ok %d %s %s", head.Seq, head.Hash, root)
	case errors.As(err, &ve):
		word := map[error]string{journal.ErrTorn: "torn", journal.ErrTampered: "tampered",
			journal.ErrLineTooLong: "too-long", journal.ErrHeadMismatch: "mismatch"}[ve.Err]
		return fmt.Sprintf("%s %d %d %d", word, ve.Line, ve.Offset, ve.Head.Seq)
	case errors.Is(err, journal.ErrInvalid):
		return "bad-checkpoint"
	}
	return "error " + err.Error()
}

// goReceiptVerdict is the Go verifier's verdict on a receipt's JSON.
func goReceiptVerdict(b []byte, v note.Verifier) string {
	var rc journal.Receipt
	if err := json.Unmarshal(b, &rc); err != nil {
		return "fail"
	}
	e, cp, err := rc.Verify(v)
	if err != nil {
		return "fail"
	}
	return fmt.Sprintf("ok %d %d", e.Seq, cp.Size)
}

// task is one line of verify.py's manifest, and the Go verdict on it.
type task struct {
	Journal     string   `json:"journal,omitempty"`
	Receipt     string   `json:"receipt,omitempty"`
	Key         string   `json:"key"`
	Checkpoints []string `json:"checkpoints,omitempty"`
	name        string
	want        string
}

// writeCase writes a case's files into dir and returns its tasks, with
// the Go verdicts.
func writeCase(t *testing.T, dir string, c corpusCase, vkey string, v note.Verifier) []task {
	t.Helper()
	put := func(name string, b []byte) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	tk := task{Journal: put(c.name+".jsonl", c.journal), Key: vkey, name: c.name, want: goVerdict(c.journal, c.checkpoints, v)}
	for i, cp := range c.checkpoints {
		tk.Checkpoints = append(tk.Checkpoints, put(fmt.Sprintf("%s.checkpoint%d", c.name, i+1), cp))
	}
	tasks := []task{tk}
	for i, r := range c.receipts {
		tasks = append(tasks, task{Receipt: put(fmt.Sprintf("%s.receipt%d.json", c.name, i+1), r), Key: vkey,
			name: fmt.Sprintf("%s receipt %d", c.name, i+1), want: goReceiptVerdict(r, v)})
	}
	return tasks
}

// python returns the python3 to run, or fails the test: .ci/run checks
// that the machine has one.
func python(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("python3")
	if err != nil {
		t.Fatalf("python3 is needed to run the independent verifier (testdata/verify.py): %v", err)
	}
	return p
}

// runPython runs verify.py over the tasks and returns its verdicts.
func runPython(t *testing.T, tasks []task) []string {
	t.Helper()
	var manifest bytes.Buffer
	for _, tk := range tasks {
		b, err := json.Marshal(tk)
		if err != nil {
			t.Fatal(err)
		}
		manifest.Write(append(b, '\n'))
	}
	path := filepath.Join(t.TempDir(), "manifest.jsonl")
	if err := os.WriteFile(path, manifest.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(python(t), filepath.Join("testdata", "verify.py"), "--batch", path).Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			t.Fatalf("verify.py: %v\n%s", err, ee.Stderr)
		}
		t.Fatal(err)
	}
	got := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(got) != len(tasks) {
		t.Fatalf("verify.py gave %d verdicts for %d tasks:\n%s", len(got), len(tasks), out)
	}
	return got
}

// TestPythonVerifier runs the independent verifier, testdata/verify.py,
// over the committed corpus of sound and tampered journals, checkpoints and
// receipts, over journals the Writer writes now, and over the journals
// named in $QINGDAN_JOURNALS (paths separated by the list separator, as
// .ci/run passes the wuhu example's); the two verifiers must agree on each.
// The Go verdicts on the corpus are golden (testdata/corpus/verdicts.golden,
// rewritten with -update, as are the corpus files).
func TestPythonVerifier(t *testing.T) {
	_, v, vkey := corpusKey(t)
	var tasks []task
	cases := corpus(t)
	if *update {
		if err := os.RemoveAll(corpusDir); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(corpusDir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(corpusDir, "key.vkey"), []byte(vkey+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tmp := t.TempDir()
	var golden bytes.Buffer
	for _, c := range cases {
		dir := corpusDir
		if c.large || !*update {
			dir = tmp
		}
		ts := writeCase(t, dir, c, vkey, v)
		if !c.large {
			for _, tk := range ts {
				fmt.Fprintf(&golden, "%s: %s\n", tk.name, tk.want)
			}
			// The committed files are the corpus the Go code writes now.
			for _, tk := range ts {
				for _, path := range append([]string{tk.Journal, tk.Receipt}, tk.Checkpoints...) {
					if path == "" {
						continue
					}
					committed := filepath.Join(corpusDir, filepath.Base(path))
					want, err := os.ReadFile(committed)
					got, _ := os.ReadFile(path)
					if err != nil || !bytes.Equal(want, got) {
						t.Errorf("%s differs from what the corpus makes now (%v): run go test -run TestPythonVerifier -update", committed, err)
					}
				}
			}
		}
		tasks = append(tasks, ts...)
	}
	goldenPath := filepath.Join(corpusDir, "verdicts.golden")
	if *update {
		if err := os.WriteFile(goldenPath, golden.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(goldenPath)
	if err != nil {
		t.Fatalf("%v (run go test -run TestPythonVerifier -update)", err)
	}
	if diff := cmp.Diff(string(want), golden.String()); diff != "" {
		t.Errorf("the Go verdicts on the corpus mismatch (-want +got):\n%s", diff)
	}

	// Journals the Writer writes now, and those named in the environment.
	for seed := int64(1); seed <= 6; seed++ {
		c := corpusCase{name: fmt.Sprintf("history-%d", seed), journal: write(t, history(seed, 60, 2019+int(seed)))}
		tasks = append(tasks, writeCase(t, tmp, c, vkey, v)...)
	}
	tasks = append(tasks, keyTasks(t, tmp)...)
	// Random damage to the corpus's base: a byte changed, inserted or
	// removed, the journal cut, anywhere.
	base := corpusBase(t)
	rng := rand.New(rand.NewSource(15))
	for i := range 300 {
		d := bytes.Clone(base)
		at := rng.Intn(len(d))
		switch rng.Intn(4) {
		case 0:
			d[at] = byte(rng.Intn(256))
		case 1:
			d = append(d[:at], append([]byte{byte(rng.Intn(256))}, d[at:]...)...)
		case 2:
			d = append(d[:at], d[at+1:]...)
		default:
			d = d[:at]
		}
		c := corpusCase{name: fmt.Sprintf("damaged-%d", i), journal: d}
		tasks = append(tasks, writeCase(t, tmp, c, vkey, v)...)
	}
	// Random damage to a payload, the journal rehashed and rechained from
	// its line on, so that the canonical form alone decides: the damage
	// above fails at the hash before either verifier reads a payload.
	ls := lines(base)
	tokens := []string{`"`, `\`, `\u`, `0`, `-`, `.`, `e`, `,`, `:`, `{`, `}`, `[`, `]`, ` `, `null`, `true`, `false`,
		"\u2028", `\u2028`, `\u001f`, `\u0008`, "\xc3", "\xe4\xb8", `Z`, `1`, `9`, `00`, `h`, `m`, `s`, `µs`, `ns`}
	for i := range 300 {
		at := rng.Intn(len(ls))
		l := bytes.TrimSuffix(ls[at], []byte("\n"))
		start, end := bytes.Index(l, []byte(`"payload":`))+len(`"payload":`), len(l)-75
		p := bytes.Clone(l[start:end])
		k := 1 + rng.Intn(len(p)-2)
		switch rng.Intn(3) {
		case 0:
			p = slices.Insert(p, k, []byte(tokens[rng.Intn(len(tokens))])...)
		case 1:
			p = slices.Delete(p, k, min(k+1+rng.Intn(3), len(p)-1))
		default:
			p[k] = tokens[rng.Intn(len(tokens))][0]
		}
		damaged := slices.Clone(ls)
		damaged[at] = slices.Concat(l[:start], p, l[end:], []byte("\n"))
		c := corpusCase{name: fmt.Sprintf("damaged-payload-%d", i), journal: rechain(damaged, at)}
		tasks = append(tasks, writeCase(t, tmp, c, vkey, v)...)
	}
	for _, path := range filepath.SplitList(os.Getenv("QINGDAN_JOURNALS")) {
		j, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		tasks = append(tasks, task{Journal: path, Key: vkey, name: path, want: goVerdict(j, nil, v)})
	}

	got := runPython(t, tasks)
	agreed := 0
	for i, tk := range tasks {
		if got[i] != tk.want {
			t.Errorf("%s: verify.py says %q, the Go verifier %q", tk.name, got[i], tk.want)
			continue
		}
		agreed++
	}
	verdicts := map[string]int{}
	for _, tk := range tasks {
		verdicts[strings.Fields(tk.want)[0]]++
	}
	t.Logf("the verifiers agree on %d of %d journals and receipts: %v", agreed, len(tasks), verdicts)
	for _, word := range []string{"ok", "torn", "tampered", "too-long", "mismatch", "bad-checkpoint", "fail"} {
		if verdicts[word] == 0 {
			t.Errorf("no case with the verdict %q: the corpus misses a kind", word)
		}
	}
}
