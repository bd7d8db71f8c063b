package main

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/jackc/pgx/v5"
)

// TestCommitTimeout: a post whose database hangs — here the journal's
// lock, held by another service on the same database that does not let
// go of it — fails with 503, naming its event, once Config.CommitTimeout
// has run out, not never, its query cancelled on the server
// (noneLeftWaiting); a read made meanwhile, which waits for the
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
	noneLeftWaiting(t, conn, "the journal's lock")
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

// TestReadTimeout: the reads that wait on the database — GET /journal,
// /consistency and /receipts keep the journal's checkpoint first, and
// /receipts then reads its entries' rows — fail with 503, naming what
// was asked, once Config.CommitTimeout has run out, when the database
// hangs (here a table, locked by another connection that does not let
// go of it), not never: however many ask at once, more than the pool
// has connections, each gives its connection back and leaves no backend
// waiting on the lock (noneLeftWaiting), and once the lock is let go the
// reads are served.
func TestReadTimeout(t *testing.T) {
	c, year, cfg := withYear(t)
	cfg.CommitTimeout = time.Second
	pool := c.database(t, "readtimeout")
	svc, url := serve(t, pool, withKey(t, cfg))
	postAll(t, url, year.subs[:2])
	head, _ := svc.Head(origin)
	matter := year.subs[0].Event.Matter
	ctx := context.Background()
	client := &http.Client{Timeout: 20 * cfg.CommitTimeout}
	for _, tt := range []struct {
		table string            // the table locked
		reads map[string]string // what each read's error names
	}{
		{"journal_checkpoint", map[string]string{ // no checkpoint kept yet: each keeps one first
			"/journal":                   fmt.Sprintf("checkpoint of %d entries", head.Seq),
			"/consistency?from=1":        "a proof from 1 entries",
			"/receipts?matter=" + matter: fmt.Sprintf("receipts of the matter %q", matter),
		}},
		{"journal", map[string]string{ // the checkpoint kept (below): the receipts read their rows
			"/receipts?matter=" + matter: fmt.Sprintf("receipts of the matter %q", matter),
		}},
	} {
		tx, err := pool.Begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := tx.Exec(ctx, `LOCK TABLE `+tt.table+` IN ACCESS EXCLUSIVE MODE`); err != nil { // a database that hangs
			t.Fatal(err)
		}
		start := time.Now()
		var wg sync.WaitGroup
		var mu sync.Mutex
		got := map[string][]string{}
		for range pool.Config().MaxConns + 1 {
			for path := range tt.reads {
				wg.Go(func() {
					status, body, err := send(client.Get(url + path))
					if err == nil && status == http.StatusServiceUnavailable { // the error, as the service's errors are
						var reply struct{ Error string }
						if err = json.Unmarshal([]byte(body), &reply); err == nil {
							body = reply.Error
						}
					}
					mu.Lock()
					defer mu.Unlock()
					got[path] = append(got[path], fmt.Sprintf("%d %s, %v", status, body, err))
				})
			}
		}
		for time.Since(start) < 10*cfg.CommitTimeout && waitingOnLocks(t, tx) == 0 {
			time.Sleep(10 * time.Millisecond)
		}
		if n := waitingOnLocks(t, tx); n == 0 {
			t.Errorf("no read waited on the table %s; want them stuck behind its lock until their timeout", tt.table)
		}
		wg.Wait()
		elapsed := time.Since(start)
		noneLeftWaiting(t, tx, "the table "+tt.table)
		if err := tx.Rollback(ctx); err != nil {
			t.Fatal(err)
		}
		for path, name := range tt.reads {
			for _, g := range got[path] {
				if !strings.HasPrefix(g, "503 ") || !strings.Contains(g, name) || !strings.HasSuffix(g, ", <nil>") {
					t.Errorf("GET %s while the table %s is locked: %s; want 503 naming %s", path, tt.table, g, name)
				}
			}
		}
		if elapsed > 10*cfg.CommitTimeout {
			t.Errorf("the reads while the table %s is locked took %v; want about %v", tt.table, elapsed.Round(time.Millisecond), cfg.CommitTimeout)
		}
		getAll(t, url, slices.Sorted(maps.Keys(tt.reads))) // served once the lock is let go
	}
}

// lockHolder is the connection or transaction that holds the lock the
// service's requests wait on.
type lockHolder interface {
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// waitingOnLocks returns how many backends of holder's database wait on
// a lock (holder waits on none: it holds the lock), as pg_locks has them
// now (pg_stat_activity would not do: a transaction reads it once).
func waitingOnLocks(t *testing.T, holder lockHolder) int {
	t.Helper()
	var n int
	if err := holder.QueryRow(context.Background(), `SELECT count(DISTINCT pid) FROM pg_locks
		WHERE NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// noneLeftWaiting fails t unless, once the requests that gave up on the
// lock holder holds (what) have had their reply, no backend of the
// database waits on a lock within a second, the lock still held: each
// request's query is cancelled on the server (pgx sends PostgreSQL a
// cancel request as it drops the connection). Were the socket only
// closed, each backend would wait on, a connection of the server's
// max_connections, until the lock is let go, and a database that hangs
// would be refused connections once it ends.
func noneLeftWaiting(t *testing.T, holder lockHolder, what string) {
	t.Helper()
	start := time.Now()
	n := waitingOnLocks(t, holder)
	for ; n > 0 && time.Since(start) < time.Second; n = waitingOnLocks(t, holder) {
		time.Sleep(10 * time.Millisecond)
	}
	if n > 0 {
		t.Errorf("a second after the requests that gave up on %s had their reply, %d backends still wait on a lock; want 0, their queries cancelled", what, n)
	}
}
