package main

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestCommitTimeout: a post whose database hangs — here the journal's
// lock, held by another service on the same database that does not let
// go of it — fails with 503, naming its event, once Config.CommitTimeout
// has run out, not never; meanwhile and after, the service serves its
// reads; nothing of the event is journaled, and once the lock is let go
// the event posted again is accepted.
func TestCommitTimeout(t *testing.T) {
	c, year, cfg := withYear(t)
	cfg.CommitTimeout = time.Second
	pool := c.database(t, "timeout")
	svc, url := serve(t, pool, cfg)
	postAll(t, url, year.subs[:1])
	ctx := context.Background()
	conn, err := pool.Acquire(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, appendLock); err != nil { // a service stuck in its append
		t.Fatal(err)
	}
	head, _ := svc.Head(origin)
	sub := year.subs[1]
	client := &http.Client{Timeout: 20 * cfg.CommitTimeout}
	var status int
	var body string
	start := time.Now()
	clock.run(sub.Event.At, func() {
		sub := sub
		sub.Event.At = time.Time{}
		var err error
		status, body, err = send(postEventBy(client, url, tokenOf(sub.Event.Actor), mustJSON(t, sub)))
		if err != nil {
			t.Fatalf("a post while the journal's lock is held: %v after %v; want 503 after the commit timeout, %v", err, time.Since(start).Round(time.Millisecond), cfg.CommitTimeout)
		}
	})
	elapsed := time.Since(start)
	if name := sub.Event.Matter + "#" + "2"; status != http.StatusServiceUnavailable || !strings.Contains(body, name) || elapsed > 10*cfg.CommitTimeout {
		t.Errorf("a post while the journal's lock is held: %d %s after %v; want 503 naming %s, after about %v", status, body, elapsed.Round(time.Millisecond), name, cfg.CommitTimeout)
	}
	if status, body := get(t, url+"/scores?period=2020"); status != http.StatusOK {
		t.Errorf("GET /scores after a post timed out: %d %s; want 200", status, body)
	}
	if got, _ := svc.Head(origin); got != head || rowCount(t, pool, "journal") != int(head.Seq) {
		t.Errorf("after a post timed out, the head is %v and the journal %d rows; want %v, nothing journaled", got, rowCount(t, pool, "journal"), head)
	}
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_unlock($1)`, appendLock); err != nil {
		t.Fatal(err)
	}
	postAll(t, url, year.subs[1:2])
	if diff := cmp.Diff([]string{year.subs[0].Event.Matter + "#1", sub.Event.Matter + "#2"}, eventsOf(t, journalRows(t, pool))); diff != "" {
		t.Errorf("the journal's events mismatch (-want +got):\n%s", diff)
	}
}
