package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/qingdan/qingdan/journal"
)

// TestOutsider: what the service gives an outsider — its verifier key,
// the receipts of a department's or a matter's entries, the proof that
// the journal only grew since a checkpoint — verifies offline with the
// key alone; a receipt of a log forked or altered, with the same key
// even, does not verify against what the outsider holds.
func TestOutsider(t *testing.T) {
	c, year, cfg := withYear(t)
	cfg = withKey(t, cfg)
	cfg.SnapshotEvery = 400 // a snapshot before the journal's end, to restart from
	pool := c.database(t, "outsider")
	_, url := serve(t, pool, cfg)
	postAll(t, url, year.subs[:100])
	// The outsider takes the key and a checkpoint early, and keeps them.
	v := verifierAt(t, url)
	early := checkpointAt(t, url, v)
	postAll(t, url, year.subs[100:800])
	rows := journalRows(t, pool)
	matter := year.subs[0].Event.Matter
	subject := busiest(t, rows)

	var latest journal.Checkpoint
	for _, tt := range []struct{ query, matter, subject string }{
		{"?subject=" + subject, "", subject},
		{"?matter=" + matter, matter, ""},
	} {
		t.Run("receipts "+tt.query, func(t *testing.T) {
			rcs := receiptsAt(t, url+"/receipts"+tt.query)
			var seqs []int64
			for i, rc := range rcs {
				e, cp, err := rc.Verify(v) // offline: the key alone
				if err != nil {
					t.Fatalf("receipt %d (entry %d): %v", i, rc.Entry.Seq, err)
				}
				if cp != latest && i > 0 {
					t.Errorf("receipt %d is against the checkpoint %+v; the first against %+v", i, cp, latest)
				}
				latest = cp
				seqs = append(seqs, e.Seq)
			}
			// Every entry of the matter, or every evaluation and amendment
			// of the subject, that the checkpoint holds: read off the rows.
			if diff := cmp.Diff(entriesOf(t, rows, latest.Size, tt.matter, tt.subject), seqs); diff != "" {
				t.Errorf("the entries receipted mismatch (-want +got):\n%s", diff)
			}
			requireKept(t, pool, rcs[0].Checkpoint)
			t.Logf("%d receipts, against the checkpoint of %d entries, verified with the key", len(rcs), latest.Size)
		})
	}

	// The receipts as served are what the command checks, with the key
	// as served.
	t.Run("qingdan journal verify-receipt", func(t *testing.T) {
		dir := t.TempDir()
		_, body := get(t, url+"/receipts?matter="+matter)
		for name, text := range map[string]string{"key.pub": verifierKeyAt(t, url) + "\n", "receipts": body} {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		cmd := exec.Command("go", "run", "./cmd/qingdan", "journal", "verify-receipt", "-key", filepath.Join(dir, "key.pub"), filepath.Join(dir, "receipts"))
		cmd.Dir = "../.."
		out, err := cmd.CombinedOutput()
		if n := strings.Count(string(out), "通过，"); err != nil || n != strings.Count(body, "\n") {
			t.Errorf("qingdan journal verify-receipt: %v, %d receipts verified of %d:\n%s", err, n, strings.Count(body, "\n"), out)
		}
	})

	t.Run("the journal only grew since the early checkpoint", func(t *testing.T) {
		for _, from := range []journal.Checkpoint{early, latest} {
			p, newer, msg := consistencyAt(t, url, from.Size, v)
			if err := journal.VerifyConsistency(p, from, newer); err != nil || newer.Size < latest.Size {
				t.Errorf("from %d entries to %d: %v; want a proof that verifies, to at least %d", from.Size, newer.Size, err, latest.Size)
			}
			requireKept(t, pool, msg)
		}
	})

	// A log that forks at its first entry, signed with the same key (the
	// key leaked, or the host keeps two books): its receipts verify with
	// the key, as the receipt promises no more than its own checkpoint,
	// but its checkpoint does not extend the outsider's early one, and its
	// entry is not in the log the outsider's checkpoints are of.
	t.Run("a receipt from a forked log", func(t *testing.T) {
		_, fork := serve(t, c.database(t, "fork"), cfg)
		forked := append([]Submission{}, year.subs[:150]...) // more than the early checkpoint holds
		forked[0].Event.Note += "（改）"
		postAll(t, fork, forked)
		rc := receiptsAt(t, fork+"/receipts?matter="+matter)[0]
		_, forkCP, err := rc.Verify(v)
		if err != nil {
			t.Fatalf("the fork's receipt, signed with the same key: %v; want it to verify against its own checkpoint", err)
		}
		p, _, _ := consistencyAt(t, fork, early.Size, v)
		if err := journal.VerifyConsistency(p, early, forkCP); !errors.Is(err, journal.ErrProof) {
			t.Errorf("the fork's checkpoint against the outsider's early one: %v; want ErrProof", err)
		}
		real := receiptsAt(t, url+"/receipts?matter="+matter)[0]
		mixed := journal.Receipt{Entry: rc.Entry, Proof: real.Proof, Checkpoint: real.Checkpoint}
		if _, _, err := mixed.Verify(v); !errors.Is(err, journal.ErrProof) {
			t.Errorf("the fork's entry against the published checkpoint: %v; want ErrProof", err)
		}
	})

	t.Run("a receipt altered", func(t *testing.T) {
		rc := receiptsAt(t, url+"/receipts?matter="+matter)[0]
		rc.Entry = altered(t, rc.Entry) // hashed again: a sound entry, not the journal's
		if _, _, err := rc.Verify(v); !errors.Is(err, journal.ErrProof) {
			t.Errorf("a receipt whose entry was altered and hashed again: %v; want ErrProof", err)
		}
	})

	t.Run("bad requests", func(t *testing.T) {
		size := checkpointAt(t, url, v).Size
		for path, want := range map[string]int{
			"/receipts":         http.StatusBadRequest,
			"/receipts?matter=": http.StatusBadRequest,
			"/receipts?matter=" + matter + "&subject=x":                 http.StatusBadRequest,
			"/receipts?matter=" + matter + "&matter=x":                  http.StatusBadRequest,
			"/receipts?matter=" + matter + "&x=1":                       http.StatusBadRequest,
			"/receipts?unit=" + subject:                                 http.StatusBadRequest,
			"/receipts?matter=WH2020-none":                              http.StatusNotFound,
			"/receipts?subject=none":                                    http.StatusNotFound,
			"/receipts?matter=" + matter + "&after=x":                   http.StatusBadRequest,
			"/receipts?matter=" + matter + "&after=-1":                  http.StatusBadRequest,
			"/receipts?matter=" + matter + "&after=":                    http.StatusBadRequest,
			"/receipts?matter=" + matter + "&after=1&after=2":           http.StatusBadRequest,
			"/receipts?after=1":                                         http.StatusBadRequest,
			fmt.Sprintf("/receipts?matter=%s&after=%d", matter, size+1): http.StatusBadRequest,
			fmt.Sprintf("/receipts?matter=%s&after=%d", matter, size):   http.StatusOK,
			"/receipts?matter=" + matter + "&after=0":                   http.StatusOK,
			"/consistency":                              http.StatusBadRequest,
			"/consistency?from=0":                       http.StatusBadRequest,
			"/consistency?from=-1":                      http.StatusBadRequest,
			"/consistency?from=x":                       http.StatusBadRequest,
			"/consistency?from=1e3":                     http.StatusBadRequest,
			"/consistency?from=99999999999999999999":    http.StatusBadRequest,
			fmt.Sprintf("/consistency?from=%d", size+1): http.StatusBadRequest,
			fmt.Sprintf("/consistency?from=%d", size):   http.StatusOK,
			"/consistency?from=1&from=2":                http.StatusBadRequest,
		} {
			if status, body := get(t, url+path); status != want {
				t.Errorf("GET %s: %d %s; want %d", path, status, body, want)
			}
		}
	})

	// A bad request is refused before the service keeps a checkpoint: it
	// costs the database no write.
	t.Run("a bad request keeps no checkpoint", func(t *testing.T) {
		postAll(t, url, year.subs[800:801]) // the journal grows past every checkpoint kept
		size, kept := int64(rowCount(t, pool, "journal")), rowCount(t, pool, "journal_checkpoint")
		for _, path := range []string{
			fmt.Sprintf("/consistency?from=%d", size+1),
			fmt.Sprintf("/receipts?subject=%s&after=%d", subject, size+1),
			"/receipts?subject=" + subject + "&after=x",
		} {
			if status, body := get(t, url+path); status != http.StatusBadRequest {
				t.Errorf("GET %s: %d %s; want 400", path, status, body)
			}
			if n := rowCount(t, pool, "journal_checkpoint"); n != kept {
				t.Errorf("GET %s: %d checkpoints kept, %d before; want no checkpoint kept", path, n, kept)
			}
		}
		if checkpointAt(t, url, v); rowCount(t, pool, "journal_checkpoint") != kept+1 {
			t.Errorf("GET /journal kept no checkpoint of the journal grown: the test shows nothing")
		}
	})

	t.Run("without a key", func(t *testing.T) {
		_, url := serve(t, c.pool(t, "outsider"), wuhuConfig(t))
		for path, want := range map[string]int{"/key": http.StatusNotFound, "/receipts?matter=" + matter: http.StatusConflict} {
			if status, body := get(t, url+path); status != want || !strings.Contains(body, "the service has no key") {
				t.Errorf("GET %s: %d %s; want %d, saying the service has no key", path, status, body, want)
			}
		}
		// A consistency proof needs no key: the checkpoint is its text.
		var j consistency
		getJSON(t, url, fmt.Sprintf("/consistency?from=%d", early.Size), &j)
		newer, err := journal.ParseCheckpoint([]byte(j.Checkpoint))
		if err == nil {
			err = journal.VerifyConsistency(j.Proof, early, newer)
		}
		if err != nil {
			t.Errorf("without a key, from %d entries: %v", early.Size, err)
		}
	})

	// A restart makes the tree and the index again from the snapshot and
	// the rows, then from every row: the same receipts and proofs, byte
	// for byte, against the same checkpoint kept.
	t.Run("the same after a restart", func(t *testing.T) {
		paths := []string{"/receipts?subject=" + subject, "/receipts?matter=" + matter, fmt.Sprintf("/consistency?from=%d", early.Size)}
		want := getAll(t, url, paths)
		if n := rowCount(t, pool, "journal_snapshot"); n == 0 {
			t.Fatal("no snapshot to restart from")
		}
		_, again := serve(t, c.pool(t, "outsider"), cfg)
		if diff := cmp.Diff(want, getAll(t, again, paths)); diff != "" {
			t.Errorf("restarted from the snapshot, mismatch (-want +got):\n%s", diff)
		}
		bypass(t, pool, "journal_snapshot", `DELETE FROM journal_snapshot`)
		_, again = serve(t, c.pool(t, "outsider"), cfg)
		if diff := cmp.Diff(want, getAll(t, again, paths)); diff != "" {
			t.Errorf("restarted from the first row, mismatch (-want +got):\n%s", diff)
		}
	})

	// Last, as it changes a row: a row altered behind the service's back,
	// its hash computed again, gets no receipt.
	t.Run("a row altered in the database", func(t *testing.T) {
		rc := receiptsAt(t, url+"/receipts?matter="+matter)[0]
		bypass(t, pool, "journal", `UPDATE journal SET line = $2 WHERE seq = $1`, rc.Entry.Seq, string(altered(t, rc.Entry).Line()))
		status, body := get(t, url+"/receipts?matter="+matter)
		if want := fmt.Sprintf("entry %d", rc.Entry.Seq); status != http.StatusServiceUnavailable || !strings.Contains(body, want) {
			t.Errorf("receipts with a row altered: %d %s; want 503 naming %s", status, body, want)
		}
	})
}

// rowCount returns the number of rows of table.
func rowCount(t testing.TB, pool *pgxpool.Pool, table string) int {
	t.Helper()
	var n int
	if err := pool.QueryRow(context.Background(), "SELECT count(*) FROM "+table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// postAll posts subs, each accepted.
func postAll(t testing.TB, url string, subs []Submission) {
	t.Helper()
	for _, sub := range subs {
		if status, body := post(t, url, sub); status != http.StatusCreated {
			t.Fatalf("event %s#%d: %d %s", sub.Event.Matter, sub.Event.Seq, status, body)
		}
	}
}

// withKey returns cfg with a new key.
func withKey(t testing.TB, cfg Config) Config {
	t.Helper()
	cfg.Signer, cfg.Verifier = newKey(t, origin)
	return cfg
}

// requireKept requires the signed checkpoint msg to be one the service
// kept: a receipt never carries a checkpoint the service did not keep.
func requireKept(t testing.TB, pool *pgxpool.Pool, msg []byte) {
	t.Helper()
	var n int
	if err := pool.QueryRow(context.Background(), `SELECT count(*) FROM journal_checkpoint WHERE checkpoint = $1`, string(msg)).Scan(&n); err != nil || n != 1 {
		t.Errorf("the checkpoint served is kept %d times (%v); want once:\n%s", n, err, msg)
	}
}

// entriesOf returns the entries among the first size of the journal j
// that are of the matter (events, evaluations, amendments), or the
// evaluations and amendments of the subject, decoded as the library
// decodes them.
func entriesOf(t testing.TB, j []byte, size int64, matter, subject string) []int64 {
	t.Helper()
	var out []int64
	for e, err := range journal.NewReader(strings.NewReader(string(j)), nil).All() {
		if err != nil {
			t.Fatal(err)
		}
		if e.Seq > size {
			break
		}
		m, s := placeOf(t, e)
		if matter != "" && m == matter || subject != "" && s == subject {
			out = append(out, e.Seq)
		}
	}
	return out
}

// placeOf returns the matter of an entry and the subject of an
// evaluation or an amendment.
func placeOf(t testing.TB, e journal.Entry) (matter, subject string) {
	t.Helper()
	switch e.Kind {
	case journal.KindEvent:
		ev, err := e.Event()
		if err != nil {
			t.Fatal(err)
		}
		return ev.Matter, ""
	case journal.KindEvaluation:
		ev, err := e.Evaluation()
		if err != nil {
			t.Fatal(err)
		}
		return ev.Matter, ev.Subject
	default:
		a, err := e.Amendment()
		if err != nil {
			t.Fatal(err)
		}
		return a.Matter, a.Subject
	}
}

// busiest returns the subject of the most evaluations in the journal j.
func busiest(t testing.TB, j []byte) string {
	t.Helper()
	n := map[string]int{}
	best := ""
	for e, err := range journal.NewReader(strings.NewReader(string(j)), nil).All() {
		if err != nil {
			t.Fatal(err)
		}
		if _, s := placeOf(t, e); s != "" {
			n[s]++
			if n[s] > n[best] || n[s] == n[best] && s < best {
				best = s
			}
		}
	}
	return best
}

// altered returns the event of entry e with a word added to its note,
// hashed again: an entry as sound as e, at its place, that the journal
// does not hold.
func altered(t testing.TB, e journal.Entry) journal.Entry {
	t.Helper()
	ev, err := e.Event()
	if err != nil {
		t.Fatal(err)
	}
	ev.Note += "（改）"
	line, _, err := journal.Seal(journal.Head{Seq: e.Seq - 1, Hash: e.Prev}, ev, nil)
	if err != nil {
		t.Fatal(err)
	}
	a, err := journal.ParseLine(line)
	if err != nil {
		t.Fatal(err)
	}
	return a
}
