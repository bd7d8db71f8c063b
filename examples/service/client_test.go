package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
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

// receiptsAt reads the receipts the service serves at url (JSON Lines):
// at least one, all in one page.
func receiptsAt(t testing.TB, url string) []journal.Receipt {
	t.Helper()
	p := pageAt(t, url)
	if len(p.rcs) == 0 || p.next != "" {
		t.Fatalf("GET %s: %d receipts, next page %q; want some, in one page", url, len(p.rcs), p.next)
	}
	return p.rcs
}

// page is a reply of GET /receipts: its body, the receipts it holds and
// the path of the next page (its Link), "" for none.
type page struct {
	body string
	rcs  []journal.Receipt
	next string
}

// pageAt reads the page of receipts the service serves at url.
func pageAt(t testing.TB, url string) page {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/jsonl" {
		t.Fatalf("GET %s: %s, %s", url, resp.Status, resp.Header.Get("Content-Type"))
	}
	var p page
	if link := resp.Header.Get("Link"); link != "" {
		next, open := strings.CutPrefix(link, "<")
		if p.next, _ = strings.CutSuffix(next, `>; rel="next"`); !open || p.next == next || p.next == "" {
			t.Fatalf("GET %s: Link %q; want <path>; rel=\"next\"", url, link)
		}
	}
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	p.body = string(b)
	for i, line := range strings.SplitAfter(p.body, "\n") {
		if line == "" {
			break // after the last line feed
		}
		var rc journal.Receipt
		if err := json.Unmarshal([]byte(line), &rc); err != nil || !strings.HasSuffix(line, "\n") {
			t.Fatalf("GET %s, receipt %d: %v (%q)", url, i+1, err, line)
		}
		p.rcs = append(p.rcs, rc)
	}
	return p
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
