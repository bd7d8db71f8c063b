package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/qingdan/qingdan/journal"
	"github.com/qingdan/qingdan/matters"
)

// TestHistory: what the service keeps and serves of a matter's history
// is what its journal's committed rows hold, all of it.
func TestHistory(t *testing.T) {
	c, year, cfg := withYear(t)

	// A request whose context ends while its transaction commits (the
	// client gave up; the database commits all the same) leaves the
	// service's state that of the committed rows, as its documentation
	// promises, not behind them until a later event finds them.
	t.Run("a commit outlives its request", func(t *testing.T) {
		pool := c.database(t, "outlives")
		svc, err := Open(context.Background(), pool, cfg)
		if err != nil {
			t.Fatal(err)
		}
		exec := func(sql string) {
			t.Helper()
			if _, err := pool.Exec(context.Background(), sql); err != nil {
				t.Fatal(err)
			}
		}
		// A commit that takes a while and that the cancel pgx sends when the
		// context ends does not stop — one that comes too late: a deferred
		// trigger sleeps at the commit and ignores the cancel.
		exec(`CREATE FUNCTION slow_commit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_sleep(0.5);
    RETURN NULL;
EXCEPTION WHEN query_canceled THEN
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER slow_commit AFTER INSERT ON journal DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION slow_commit()`)
		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
		_, err = accept(ctx, svc, year.subs[0])
		cancel()
		exec(`DROP TRIGGER slow_commit ON journal`) // waits for the commit, if it still runs
		rows := journalRows(t, pool)
		want, verr := journal.Verify(bytes.NewReader(rows), nil)
		if verr != nil {
			t.Fatal(verr)
		}
		if want.Seq == 0 {
			t.Fatalf("no row was committed (Accept: %v): the commit did not outlive the request, and the test proves nothing", err)
		}
		if head, _ := svc.Head(origin); head != want {
			t.Errorf("a request that ended while its commit ran (Accept: %v): the service's head is %v; the committed rows end at %v", err, head, want)
		}
	})

	// Two services on one database (two replicas behind a balancer):
	// each accepts the events of a matter the other began, in turn, as
	// one service would, rather than refuse an event as out of order for
	// want of the rows the other committed; and the journal holds each
	// event once.
	t.Run("two services on one journal", func(t *testing.T) {
		pool := c.database(t, "replicas")
		_, one := serve(t, pool, cfg)
		_, two := serve(t, c.pool(t, "replicas"), cfg)
		id := year.subs[0].Event.Matter
		n := 0
		for _, sub := range year.subs {
			if sub.Event.Matter != id {
				continue
			}
			k := n % 2
			n++
			if status, body := post(t, []string{one, two}[k], sub); status != http.StatusCreated {
				t.Fatalf("event %s#%d, to service %d: %d %s; want 201", id, sub.Event.Seq, k+1, status, body)
			}
		}
		if got := eventsOf(t, journalRows(t, pool)); len(got) != n {
			t.Errorf("the journal holds %d events, %v; %d were accepted", len(got), got, n)
		}
	})

	// Two services on one database, each a client's first event of its
	// own matter: the second, whose next entry the first took, catches up
	// with the rows the first committed and commits its event after them,
	// rather than fail the client's post (503) for a journal it lagged.
	t.Run("a service whose next entry another took", func(t *testing.T) {
		pool := c.database(t, "taken")
		_, one := serve(t, pool, cfg)
		_, two := serve(t, c.pool(t, "taken"), cfg)
		var firsts []Submission
		for _, sub := range year.subs {
			if sub.Event.Seq == 1 && len(firsts) < 2 {
				firsts = append(firsts, sub)
			}
		}
		for k, url := range []string{one, two} {
			if status, body := post(t, url, firsts[k]); status != http.StatusCreated {
				t.Fatalf("event %s#1, to service %d: %d %s; want 201", firsts[k].Event.Matter, k+1, status, body)
			}
		}
		want := []string{firsts[0].Event.Matter + "#1", firsts[1].Event.Matter + "#1"}
		slices.Sort(want)
		if got := eventsOf(t, journalRows(t, pool)); !slices.Equal(got, want) {
			t.Errorf("the journal holds the events %v; want %v", got, want)
		}
	})

	// Two clients at once, each posting to its own service on one
	// database the events of every other matter: each event is accepted
	// (a service whose entries the other took catches up and commits
	// after them), and the journal verifies and holds each event once.
	t.Run("two services, two clients at once", func(t *testing.T) {
		pool := c.database(t, "replicas2")
		_, one := serve(t, pool, cfg)
		_, two := serve(t, c.pool(t, "replicas2"), cfg)
		subs := year.subs[:min(len(year.subs), 400)]
		postAtOnce(t, subs, []string{one, two})
		rows := journalRows(t, pool)
		if _, err := journal.Verify(bytes.NewReader(rows), nil); err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, sub := range subs {
			want = append(want, fmt.Sprintf("%s#%d", sub.Event.Matter, sub.Event.Seq))
		}
		slices.Sort(want)
		if got := eventsOf(t, rows); !slices.Equal(got, want) {
			t.Errorf("the journal holds %d events; %d were posted (or not the same ones)", len(got), len(want))
		}
	})

	// A citizen who changes the answer twice after the close amends each
	// evaluation twice: a matter's view serves both amendments, as its
	// journal holds them, not only the one that counts.
	t.Run("every amendment of a matter is served", func(t *testing.T) {
		pool := c.database(t, "reamended")
		_, url := serve(t, pool, cfg)
		id, visit := closedAfterVisit(year.subs)
		if id == "" {
			t.Fatal("the year has no matter closed, graded, after a satisfied return visit")
		}
		var close Submission
		for _, sub := range year.subs {
			if sub.Event.Matter == id {
				if status, body := post(t, url, sub); status != http.StatusCreated {
					t.Fatalf("event %d: %d %s", sub.Event.Seq, status, body)
				}
				close = sub
			}
		}
		var made int
		ref := visit.Seq // the answer each visit corrects
		for i, satisfied := range []bool{false, true} {
			again := Submission{Event: matters.Event{Matter: id, Seq: close.Event.Seq + 1 + i, At: close.Event.At.Add(time.Duration(i+1) * time.Hour),
				Kind: matters.Feedback, Actor: visit.Actor, Note: "复核回访", Satisfied: &satisfied, Ref: ref}, Quality: close.Quality}
			ref = again.Event.Seq
			status, body := post(t, url, again)
			var acc Accepted
			if err := json.Unmarshal([]byte(body), &acc); status != http.StatusCreated || err != nil || len(acc.Amendments) == 0 {
				t.Fatalf("return visit %d after the close (satisfied %v): %d %s; want amendments", i+1, satisfied, status, body)
			}
			made += len(acc.Amendments)
		}
		for _, url := range []string{url, func() string { _, u := serve(t, c.pool(t, "reamended"), cfg); return u }()} {
			_, view := get(t, url+"/matters/"+id)
			var v MatterView
			if err := json.Unmarshal([]byte(view), &v); err != nil || len(v.Amendments) != made {
				t.Errorf("GET /matters/%s serves %d amendments (%v); the journal holds %d:\n%s", id, len(v.Amendments), err, made, view)
			}
		}
	})
}
