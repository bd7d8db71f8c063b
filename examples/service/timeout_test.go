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
// has run out, not never; a read made meanwhile, which waits for the
// service's lock the post holds, is served once the post fails, and so
// are reads after; nothing of the event is journaled, and once the lock
// is let go the event posted again is accepted.
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
	var postErr error
	unstamped := sub
	unstamped.Event.At = time.Time{}
	posting := mustJSON(t, unstamped)
	posted := make(chan struct{})
	start := time.Now()
	go func() {
		defer close(posted)
		clock.run(sub.Event.At, func() {
			status, body, postErr = send(postEventBy(client, url, tokenOf(sub.Event.Actor), posting))
		})
	}()
	// Meanwhile, once the post waits for the lock, a read waits for the
	// post, which holds the service's lock, and is served once it fails.
	for n := 0; n == 0; time.Sleep(10 * time.Millisecond) {
		if err := conn.QueryRow(ctx, `SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if time.Since(start) > 10*cfg.CommitTimeout {
			t.Fatalf("the post never waited for the journal's lock")
		}
	}
	reader := &http.Client{Timeout: 10 * cfg.CommitTimeout}
	if status, body, err := send(reader.Get(url + "/scores?period=2020")); err != nil || status != http.StatusOK {
		t.Errorf("GET /scores while a post waits for the journal's lock: %d %s, %v after %v; want 200 once the post fails", status, body, err, time.Since(start).Round(time.Millisecond))
	}
	<-posted
	elapsed := time.Since(start)
	if postErr != nil {
		t.Fatalf("a post while the journal's lock is held: %v after %v; want 503 after the commit timeout, %v", postErr, elapsed.Round(time.Millisecond), cfg.CommitTimeout)
	}
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
