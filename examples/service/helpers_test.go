package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/qingdan/qingdan/journal"
)

// serve opens the service on pool and serves it until the test ends.
func serve(t *testing.T, pool *pgxpool.Pool, cfg Config) (*Service, string) {
	t.Helper()
	svc, err := Open(context.Background(), pool, cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(handler(svc, origin))
	t.Cleanup(srv.Close)
	return svc, srv.URL
}

// views returns what the service serves of the year: the journal's head,
// the scores of the year and of each month, and every matter, by path.
func views(t *testing.T, url string, y *wuhuYear) map[string]string {
	t.Helper()
	paths := []string{"/journal", "/scores?period=2020"}
	for m := 1; m <= 12; m++ {
		paths = append(paths, fmt.Sprintf("/scores?period=2020-%02d", m))
	}
	seen := map[string]bool{}
	for _, s := range y.subs {
		if !seen[s.Event.Matter] {
			seen[s.Event.Matter] = true
			paths = append(paths, "/matters/"+s.Event.Matter)
		}
	}
	out := map[string]string{}
	for _, p := range paths {
		status, body := get(t, url+p)
		if status != http.StatusOK {
			t.Fatalf("GET %s: %d %s", p, status, body)
		}
		out[p] = body
	}
	return out
}

// journalRows returns the journal's rows as a journal file.
func journalRows(t *testing.T, pool *pgxpool.Pool) []byte {
	t.Helper()
	r := journal.Lines((&store{pool}).lines(context.Background(), 0))
	defer r.Close()
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// eventsOf returns the events of a journal, as matter#seq, sorted.
func eventsOf(t *testing.T, j []byte) []string {
	t.Helper()
	var out []string
	for e, err := range journal.NewReader(bytes.NewReader(j), nil).All() {
		if err != nil {
			t.Fatal(err)
		}
		if e.Kind == journal.KindEvent {
			ev, err := e.Event()
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, fmt.Sprintf("%s#%d", ev.Matter, ev.Seq))
		}
	}
	slices.Sort(out)
	return out
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func post(t *testing.T, url string, sub Submission) (int, string) {
	t.Helper()
	return postRaw(t, url, mustJSON(t, sub))
}

func postRaw(t *testing.T, url, body string) (int, string) {
	t.Helper()
	return read(t)(http.Post(url+"/events", "application/json", bytes.NewBufferString(body)))
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	return read(t)(http.Get(url))
}

// read returns a function that reads a response: its status and body.
func read(t *testing.T) func(*http.Response, error) (int, string) {
	return func(resp *http.Response, err error) (int, string) {
		t.Helper()
		status, body, err := send(resp, err)
		if err != nil {
			t.Fatal(err)
		}
		return status, body
	}
}

// send reads a response: its status and body.
func send(resp *http.Response, err error) (int, string, error) {
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), err
}
