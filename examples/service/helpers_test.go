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
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/qingdan/qingdan/journal"
	"github.com/qingdan/qingdan/matters"
)

// serve opens the service on pool and serves it until the test ends.
func serve(t testing.TB, pool *pgxpool.Pool, cfg Config) (*Service, string) {
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
func views(t testing.TB, url string, y *wuhuYear) map[string]string {
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
	return getAll(t, url, paths)
}

// getAll returns what the service serves at each of paths, 200 OK, by
// path.
func getAll(t testing.TB, url string, paths []string) map[string]string {
	t.Helper()
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

// rowsTree returns the tree of the journal's rows, made again from
// every row.
func rowsTree(t testing.TB, pool *pgxpool.Pool) *journal.Tree {
	t.Helper()
	tree := journal.NewTree()
	for line, err := range (&store{pool}).lines(context.Background(), 1) {
		if err == nil {
			_, err = tree.Append(line)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	return tree
}

// journalRows returns the journal's rows as a journal file.
func journalRows(t testing.TB, pool *pgxpool.Pool) []byte {
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
func eventsOf(t testing.TB, j []byte) []string {
	t.Helper()
	var out []string
	for _, ev := range journalEvents(t, j) {
		out = append(out, fmt.Sprintf("%s#%d", ev.Matter, ev.Seq))
	}
	slices.Sort(out)
	return out
}

// journalEvents returns the events of a journal, in its order.
func journalEvents(t testing.TB, j []byte) []matters.Event {
	t.Helper()
	var out []matters.Event
	for e, err := range journal.NewReader(bytes.NewReader(j), nil).All() {
		if err != nil {
			t.Fatal(err)
		}
		if e.Kind == journal.KindEvent {
			ev, err := e.Event()
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, ev)
		}
	}
	return out
}

func mustJSON(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// post posts sub as a client does, without its time, with the token of
// its actor (tokenOf), the service's clock reading the time the event is
// meant to have (clock).
func post(t testing.TB, url string, sub Submission) (status int, body string) {
	t.Helper()
	return postAs(t, url, sub.Event.Actor, sub)
}

// postAtOnce has a client for each of urls post subs at once, as post
// posts them, client k the events of every len(urls)-th matter, in
// order, to urls[k]; each event is to be accepted (201).
func postAtOnce(t testing.TB, subs []Submission, urls []string) {
	t.Helper()
	client := map[string]int{}
	bodies := make([]string, len(subs)) // as post posts them: without their times
	for i, sub := range subs {
		if _, ok := client[sub.Event.Matter]; !ok {
			client[sub.Event.Matter] = len(client) % len(urls)
		}
		sub.Event.At = time.Time{}
		bodies[i] = mustJSON(t, sub)
	}
	var wg sync.WaitGroup
	errs := make(chan error, len(urls))
	for k, url := range urls {
		wg.Go(func() {
			for i, sub := range subs {
				if client[sub.Event.Matter] != k {
					continue
				}
				// Not post: t.Fatal must not be called off the test's goroutine.
				var status int
				var body string
				var err error
				clock.run(sub.Event.At, func() {
					status, body, err = send(postEvent(url, tokenOf(sub.Event.Actor), bodies[i]))
				})
				if err == nil && status != http.StatusCreated {
					err = fmt.Errorf("%d %s", status, body)
				}
				if err != nil {
					errs <- fmt.Errorf("client %d, event %s#%d: %w", k, sub.Event.Matter, sub.Event.Seq, err)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// postAs posts sub as post does, with the token of caller.
func postAs(t testing.TB, url, caller string, sub Submission) (status int, body string) {
	t.Helper()
	at := sub.Event.At
	sub.Event.At = time.Time{}
	clock.run(at, func() { status, body = postRaw(t, url, tokenOf(caller), mustJSON(t, sub)) })
	return status, body
}

// accept gives sub to svc as post posts it, from its actor.
func accept(ctx context.Context, svc *Service, sub Submission) (acc Accepted, err error) {
	at := sub.Event.At
	sub.Event.At = time.Time{}
	clock.run(at, func() { acc, err = svc.Accept(ctx, sub.Event.Actor, sub) })
	return acc, err
}

// clock is the tests' clock for the service (Config.Now, wuhuConfig's):
// a client posts an event without its time, as the service requires,
// and the service stamps it with the time the clock reads, the time the
// event is meant to have — the wuhu example's, so that the service's
// journal is the example's. A post holds the clock from setting it until
// the service reads it (once an event, under the lock that orders the
// journal), so that clients that post at once have each event stamped
// with its own time. Read outside a post, it is the zero time, which the
// calendar refuses.
var clock = &testClock{}

type testClock struct {
	turn sync.Mutex // held from setting the time until the service reads it
	mu   sync.Mutex // guards at and done
	at   time.Time
	done func() // releases turn, once
}

// now is the service's clock.
func (c *testClock) now() time.Time {
	c.mu.Lock()
	at, done := c.at, c.done
	c.mu.Unlock()
	if done == nil {
		return time.Time{}
	}
	done()
	return at
}

// run runs f, which gives the service one event, with the clock at t.
func (c *testClock) run(t time.Time, f func()) {
	c.turn.Lock()
	done := sync.OnceFunc(func() {
		c.mu.Lock()
		c.at, c.done = time.Time{}, nil
		c.mu.Unlock()
		c.turn.Unlock()
	})
	defer done() // f gave the service no event, or failed the test
	c.mu.Lock()
	c.at, c.done = t, done
	c.mu.Unlock()
	f()
}

// postRaw posts body to /events with the bearer token, none if "".
func postRaw(t testing.TB, url, token, body string) (int, string) {
	t.Helper()
	return read(t)(postEvent(url, token, body))
}

// postEvent posts body to /events with the bearer token, none if "".
func postEvent(url, token, body string) (*http.Response, error) {
	return postEventBy(http.DefaultClient, url, token, body)
}

// postEventBy is postEvent by client.
func postEventBy(client *http.Client, url, token, body string) (*http.Response, error) {
	req, err := http.NewRequest("POST", url+"/events", strings.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	return client.Do(req)
}

func get(t testing.TB, url string) (int, string) {
	t.Helper()
	return read(t)(http.Get(url))
}

// read returns a function that reads a response: its status and body.
func read(t testing.TB) func(*http.Response, error) (int, string) {
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
