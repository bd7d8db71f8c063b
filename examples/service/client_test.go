package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"golang.org/x/mod/sumdb/note"

	"github.com/qingdan/qingdan/journal"
)

// consistency is the reply of GET /consistency.
type consistency struct {
	From       int64         `json:"from"`
	Checkpoint string        `json:"checkpoint"`
	Proof      journal.Proof `json:"proof"`
}

// getJSON decodes into v what the service serves at url+path, 200 OK.
func getJSON(t testing.TB, url, path string, v any) {
	t.Helper()
	status, body := get(t, url+path)
	if err := json.Unmarshal([]byte(body), v); status != http.StatusOK || err != nil {
		t.Fatalf("GET %s: %d %s (%v)", path, status, body, err)
	}
}

// verifierKeyAt returns the service's verifier key (GET /key), its text.
func verifierKeyAt(t testing.TB, url string) string {
	t.Helper()
	var k struct {
		Verifier string `json:"verifier"`
	}
	getJSON(t, url, "/key", &k)
	return k.Verifier
}

// verifierAt returns the service's verifier key (GET /key).
func verifierAt(t testing.TB, url string) note.Verifier {
	t.Helper()
	v, err := note.NewVerifier(verifierKeyAt(t, url))
	if err != nil {
		t.Fatalf("GET /key: %v", err)
	}
	return v
}

// checkpointAt returns the service's checkpoint (GET /journal), its
// signature checked with v.
func checkpointAt(t testing.TB, url string, v note.Verifier) journal.Checkpoint {
	t.Helper()
	var j struct {
		Checkpoint string `json:"checkpoint"`
	}
	getJSON(t, url, "/journal", &j)
	cp, err := journal.OpenCheckpoint([]byte(j.Checkpoint), v)
	if err != nil {
		t.Fatalf("GET /journal: %v", err)
	}
	return cp
}

// receiptsAt reads the receipts the service serves at url (JSON Lines).
func receiptsAt(t testing.TB, url string) []journal.Receipt {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/jsonl" {
		t.Fatalf("GET %s: %s, %s", url, resp.Status, resp.Header.Get("Content-Type"))
	}
	var out []journal.Receipt
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var rc journal.Receipt
		if err := json.Unmarshal(sc.Bytes(), &rc); err != nil {
			t.Fatalf("GET %s, receipt %d: %v", url, len(out)+1, err)
		}
		out = append(out, rc)
	}
	if err := sc.Err(); err != nil || len(out) == 0 {
		t.Fatalf("GET %s: %d receipts, %v", url, len(out), err)
	}
	return out
}

// consistencyAt returns the proof the service gives (GET /consistency)
// from size entries, and its checkpoint, opened with v, and as served.
func consistencyAt(t testing.TB, url string, size int64, v note.Verifier) (journal.Proof, journal.Checkpoint, []byte) {
	t.Helper()
	var j consistency
	if getJSON(t, url, fmt.Sprintf("/consistency?from=%d", size), &j); j.From != size {
		t.Fatalf("GET /consistency?from=%d: from %d", size, j.From)
	}
	cp, err := journal.OpenCheckpoint([]byte(j.Checkpoint), v)
	if err != nil {
		t.Fatalf("GET /consistency?from=%d: %v", size, err)
	}
	return j.Proof, cp, []byte(j.Checkpoint)
}
