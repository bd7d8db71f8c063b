package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/qingdan/qingdan/grading"
	"github.com/qingdan/qingdan/journal"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring"
)

const origin = "wuhu.example/journal"

// TestService runs the wuhu year through the service's HTTP API on a
// throwaway PostgreSQL cluster: from one client, then from four at
// once; each time it restarts the service and requires the same state.
func TestService(t *testing.T) {
	c, year, cfg := withYear(t)
	var sequential map[string]string
	t.Run("the wuhu year, restarted", func(t *testing.T) {
		pool := c.database(t, "wuhu")
		svc, url := serve(t, pool, cfg)
		start := time.Now()
		for i, sub := range year.subs {
			if status, body := post(t, url, sub); status != http.StatusCreated {
				t.Fatalf("event %d (%s#%d): %d %s", i, sub.Event.Matter, sub.Event.Seq, status, body)
			}
		}
		t.Logf("%d events through HTTP in %v", len(year.subs), time.Since(start).Round(time.Millisecond))
		// Graded as the example grades, the service's journal is the
		// example's, byte for byte.
		if head, _ := svc.Head(origin); head != year.head {
			t.Errorf("the service's head is %v; the wuhu example's journal ends at %v", head, year.head)
		}
		if rows := journalRows(t, pool); !bytes.Equal(rows, year.journal) {
			t.Errorf("the journal's rows (%d bytes) are not the wuhu example's journal (%d bytes)", len(rows), len(year.journal))
		}
		sequential = views(t, url, year)

		start = time.Now()
		_, url = serve(t, c.pool(t, "wuhu"), cfg) // a restart: the snapshot and the rows after it
		t.Logf("restarted from the snapshot in %v", time.Since(start).Round(time.Millisecond))
		if diff := cmp.Diff(sequential, views(t, url, year)); diff != "" {
			t.Errorf("after a restart, views mismatch (-want +got):\n%s", diff)
		}
		if tag, err := pool.Exec(context.Background(), `DELETE FROM journal_snapshot`); err != nil || tag.RowsAffected() == 0 {
			t.Fatalf("deleting the snapshots: %v, %d rows; want the snapshot the restart above started from", err, tag.RowsAffected())
		}
		start = time.Now()
		_, url = serve(t, c.pool(t, "wuhu"), cfg) // without a snapshot: every row
		t.Logf("restarted from the first row in %v", time.Since(start).Round(time.Millisecond))
		if diff := cmp.Diff(sequential, views(t, url, year)); diff != "" {
			t.Errorf("rebuilt from every row, views mismatch (-want +got):\n%s", diff)
		}
	})
	t.Run("four clients at once", func(t *testing.T) {
		if sequential == nil {
			t.Skip("the sequential run failed")
		}
		pool := c.database(t, "wuhu4")
		svc, url := serve(t, pool, cfg)
		// Each client posts the events of every fourth matter, in order.
		postAtOnce(t, year.subs, []string{url, url, url, url})
		head, _ := svc.Head(origin)
		rows := journalRows(t, pool)
		got, err := journal.Verify(bytes.NewReader(rows), nil)
		if err != nil || got != head {
			t.Fatalf("the journal verifies as %v, %v; the service's head is %v", got, err, head)
		}
		if want, got := eventsOf(t, year.journal), eventsOf(t, rows); !slices.Equal(want, got) {
			t.Errorf("the journal holds %d events; %d were posted (or not the same ones)", len(got), len(want))
		}
		want := views(t, url, year)
		for path, body := range sequential { // the order of matters does not change a score or a matter
			if path != "/journal" && want[path] != body {
				t.Errorf("GET %s differs from the sequential run's:\n%s\nwant\n%s", path, want[path], body)
			}
		}
		_, url = serve(t, c.pool(t, "wuhu4"), cfg)
		if diff := cmp.Diff(want, views(t, url, year)); diff != "" {
			t.Errorf("after a restart, views mismatch (-want +got):\n%s", diff)
		}
	})
	t.Run("an amendment after the close", func(t *testing.T) {
		pool := c.database(t, "amend")
		_, url := serve(t, pool, cfg)
		id, visit := closedAfterVisit(year.subs) // a matter closed after a satisfied return visit
		if id == "" {
			t.Fatal("the year has no matter closed, graded, after a satisfied return visit")
		}
		var close Submission
		for _, sub := range year.subs {
			if sub.Event.Matter != id {
				continue
			}
			if status, body := post(t, url, sub); status != http.StatusCreated {
				t.Fatalf("event %d: %d %s", sub.Event.Seq, status, body)
			}
			close = sub
		}
		if close.Event.Kind != matters.Close || len(close.Quality) == 0 {
			t.Fatalf("the last event of %s is %v, with quality %v; want a graded close", id, close.Event.Kind, close.Quality)
		}
		no := false
		again := Submission{Event: matters.Event{Matter: id, Seq: close.Event.Seq + 1, At: close.Event.At.Add(time.Hour), Kind: matters.Feedback,
			Actor: visit.Actor, Note: "复核回访：群众不满意", Satisfied: &no, Ref: visit.Seq}, Quality: close.Quality}
		status, body := post(t, url, again)
		var acc Accepted
		if err := json.Unmarshal([]byte(body), &acc); status != http.StatusCreated || err != nil || len(acc.Amendments) == 0 || len(acc.Evaluations) != 0 {
			t.Fatalf("a dissatisfied return visit after the close: %d %s; want amendments only", status, body)
		}
		_, view := get(t, url+"/matters/"+id)
		var v MatterView
		if err := json.Unmarshal([]byte(view), &v); err != nil || len(v.Amendments) != len(acc.Amendments) {
			t.Fatalf("GET /matters/%s = %s; want its %d amendments", id, view, len(acc.Amendments))
		}
		for _, a := range v.Amendments {
			i := slices.IndexFunc(v.Evaluations, func(e scoring.Evaluation) bool {
				return e.Subject == a.Subject && e.Evaluator == a.Evaluator && e.Stage == a.Stage
			})
			if i < 0 || v.Evaluations[i].Result.Grade != a.Result.Grade {
				t.Errorf("the evaluation of %s is not served amended: %+v; amendment %+v", a.Subject, v.Evaluations, a)
			}
		}
		_, url = serve(t, c.pool(t, "amend"), cfg)
		if _, after := get(t, url+"/matters/"+id); after != view {
			t.Errorf("after a restart, GET /matters/%s = %s; want %s", id, after, view)
		}
	})
	t.Run("a view is not changed by the events after it", func(t *testing.T) {
		svc, _ := serve(t, c.database(t, "views"), cfg)
		const id = "WH2020-0002"
		var subs []Submission
		for _, sub := range year.subs {
			if sub.Event.Matter == id {
				subs = append(subs, sub)
			}
		}
		if _, err := accept(context.Background(), svc, subs[0]); err != nil {
			t.Fatal(err)
		}
		before, ok := svc.Matter(id)
		if !ok {
			t.Fatalf("no matter %s after its first event", id)
		}
		want := mustJSON(t, before)
		for _, sub := range subs[1:] {
			if _, err := accept(context.Background(), svc, sub); err != nil {
				t.Fatal(err)
			}
		}
		if got := mustJSON(t, before); got != want {
			t.Errorf("a view of %s taken after its first event changed with the events after it (a handler encodes it outside the lock):\n%s\nwant\n%s", id, got, want)
		}
	})
	t.Run("a snapshot that fails does not fail the event", func(t *testing.T) {
		pool := c.database(t, "snapfail")
		every := cfg
		every.SnapshotEvery = 1
		var failed []error
		every.SnapshotFailed = func(err error) { failed = append(failed, err) }
		svc, url := serve(t, pool, every)
		if _, err := pool.Exec(context.Background(), `ALTER TABLE journal_snapshot ADD CONSTRAINT refused CHECK (seq < 0) NOT VALID`); err != nil {
			t.Fatal(err)
		}
		if status, body := post(t, url, year.subs[0]); status != http.StatusCreated {
			t.Errorf("an event committed, its snapshot refused: %d %s; want 201, as the event is in the journal", status, body)
		}
		if head, _ := svc.Head(origin); head.Seq != 1 || len(journalRows(t, pool)) == 0 {
			t.Errorf("the head is %v; want the event's entry, 1", head)
		}
		if len(failed) != 1 || !strings.Contains(failed[0].Error(), "snapshot at entry 1") {
			t.Errorf("SnapshotFailed was told %v; want the failed snapshot at entry 1", failed)
		}
		if _, err := pool.Exec(context.Background(), `ALTER TABLE journal_snapshot DROP CONSTRAINT refused`); err != nil {
			t.Fatal(err)
		}
		if err := svc.Snapshot(context.Background()); err != nil {
			t.Fatal(err)
		}
		var n int
		if err := pool.QueryRow(context.Background(), `SELECT count(*) FROM journal_snapshot WHERE seq = 1`).Scan(&n); err != nil || n != 1 {
			t.Errorf("the snapshot once the table takes it: %d rows, %v; want 1", n, err)
		}
	})
	t.Run("the journal's rows are never changed", func(t *testing.T) {
		pool := c.database(t, "appendonly")
		_, url := serve(t, pool, cfg)
		for _, sub := range year.subs[:3] {
			if status, body := post(t, url, sub); status != http.StatusCreated {
				t.Fatalf("%d %s", status, body)
			}
		}
		before := journalRows(t, pool)
		for _, sql := range []string{`UPDATE journal SET line = line || ' ' WHERE seq = 1`, `DELETE FROM journal WHERE seq = 3`, `TRUNCATE journal`} {
			if _, err := pool.Exec(context.Background(), sql); err == nil || !strings.Contains(err.Error(), "append-only") {
				t.Errorf("%s: %v; want it refused, the journal being append-only", sql, err)
			}
		}
		if after := journalRows(t, pool); !bytes.Equal(after, before) {
			t.Errorf("the journal's rows changed:\n%s\nwant\n%s", after, before)
		}
	})
	t.Run("refusals", func(t *testing.T) {
		pool := c.database(t, "refusals")
		svc, url := serve(t, pool, cfg)
		first := year.subs[0]
		// A judgement of a unit the event does not grade (a misspelt unit,
		// say) is refused, not dropped.
		misjudged := first
		misjudged.Quality = map[string]int{"swj ": 4}
		if status, body := post(t, url, misjudged); status != http.StatusUnprocessableEntity || !strings.Contains(body, `\"swj \"`) {
			t.Errorf("a quality for a unit the event does not grade: %d %s; want 422 naming the unit", status, body)
		}
		if status, body := post(t, url, first); status != http.StatusCreated {
			t.Fatalf("the first event: %d %s", status, body)
		}
		second := year.subs[1]
		again := first
		again.Event.At = time.Time{} // as post posts it
		for _, tt := range []struct {
			name   string
			body   string
			status int
		}{
			{"not JSON", "{", http.StatusBadRequest},
			{"a misspelt field", `{"evnt":{}}`, http.StatusBadRequest},
			{"two values", `{} {}`, http.StatusBadRequest},
			{"an event again", mustJSON(t, again), http.StatusUnprocessableEntity},
			{"an event that gives its time", mustJSON(t, second), http.StatusBadRequest},
		} {
			var status int
			var body string
			clock.run(first.Event.At, func() { status, body = postRaw(t, url, tokenOf(first.Event.Actor), tt.body) })
			if status != tt.status {
				t.Errorf("%s: %d %s; want %d", tt.name, status, body, tt.status)
			}
		}
		for path, want := range map[string]int{"/matters/none": http.StatusNotFound, "/scores?period=2020-13": http.StatusBadRequest, "/scores?period=2020": http.StatusOK} {
			if status, body := get(t, url+path); status != want {
				t.Errorf("GET %s: %d %s; want %d", path, status, body, want)
			}
		}
		// A commit that fails changes nothing: a row that takes the
		// next entry's place makes the transaction fail.
		head, _ := svc.Head(origin)
		if _, err := pool.Exec(context.Background(), `INSERT INTO journal (seq, line) VALUES (2, 'x')`); err != nil {
			t.Fatal(err)
		}
		if status, body := post(t, url, second); status != http.StatusServiceUnavailable {
			t.Errorf("with entry 2 taken: %d %s; want 503", status, body)
		}
		if got, _ := svc.Head(origin); got != head {
			t.Errorf("after a failed commit the head is %v; want %v", got, head)
		}
		// The journal is append-only: the test removes the row it put there by hand.
		if _, err := pool.Exec(context.Background(), `ALTER TABLE journal DISABLE TRIGGER journal_append_only; DELETE FROM journal WHERE seq = 2; ALTER TABLE journal ENABLE TRIGGER journal_append_only`); err != nil {
			t.Fatal(err)
		}
		if status, body := post(t, url, second); status != http.StatusCreated {
			t.Errorf("the event once the commit can succeed: %d %s; want 201", status, body)
		}
		// A commit whose reply was lost: the rows are there, the
		// service did not hear so (settle). It finds them, its own lines
		// byte for byte, and accepts the event: a client told otherwise
		// would post it again and be refused.
		lost := errors.New("the connection was lost as it committed")
		third := year.subs[2]
		svc.mu.Lock()
		acc, lines, err := svc.prepare(third)
		svc.mu.Unlock()
		if err != nil {
			t.Fatal(err)
		}
		head, _ = svc.Head(origin)
		for i, l := range lines {
			if _, err := pool.Exec(context.Background(), `INSERT INTO journal (seq, line) VALUES ($1, $2)`, head.Seq+1+int64(i), string(l)); err != nil {
				t.Fatal(err)
			}
		}
		svc.mu.Lock()
		got, err := svc.settle(context.Background(), lost, acc)
		svc.mu.Unlock()
		if err != nil || got.Head != acc.Head {
			t.Errorf("the event committed, its reply lost: %v, %v; want it accepted, the head %v", got.Head, err, acc.Head)
		}
		if got, _ := svc.Head(origin); got != acc.Head {
			t.Errorf("after the lost reply the head is %v; want the rows found, %v", got, acc.Head)
		}
		if status, body := post(t, url, third); status != http.StatusUnprocessableEntity {
			t.Errorf("the event again: %d %s; want 422, as it is recorded", status, body)
		}
		// A commit that failed and committed nothing: the error stands.
		svc.mu.Lock()
		acc, _, err = svc.prepare(year.subs[3])
		if err == nil {
			_, err = svc.settle(context.Background(), lost, acc)
		}
		svc.mu.Unlock()
		if !errors.Is(err, lost) {
			t.Errorf("a commit that failed, nothing committed: %v; want the commit's error", err)
		}
		next, _ := svc.Head(origin)
		if next != got.Head {
			t.Errorf("after a commit that failed the head is %v; want %v", next, got.Head)
		}
		// Another service accepted the same event (posted twice): the
		// service catches up with its row and refuses the event, as it
		// is recorded.
		fourth := year.subs[3]
		other := fourth.Event
		other.Note += "（另一服务）"
		line, next, err := journal.Seal(next, other, nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := pool.Exec(context.Background(), `INSERT INTO journal (seq, line) VALUES ($1, $2)`, next.Seq, string(line)); err != nil {
			t.Fatal(err)
		}
		if status, body := post(t, url, fourth); status != http.StatusUnprocessableEntity {
			t.Errorf("an event another service recorded: %d %s; want 422", status, body)
		}
		if got, _ := svc.Head(origin); got != next {
			t.Errorf("after the other service's row the head is %v; want the row found, %v", got, next)
		}
	})
}

// TestJudgedGraded: a submission's quality judgements are of units the
// event grades, each from 1 to 5, as Submission says; another figure
// would be graded as a quality the sub-district never gave (9 passes
// every "quality ≥ 4" rule).
func TestJudgedGraded(t *testing.T) {
	grades := []grading.Grade{{Facts: scoring.Facts{Subject: "zjj"}}, {Facts: scoring.Facts{Subject: "swj"}}}
	for _, tt := range []struct {
		name    string
		quality map[string]int
		want    string // "" for none
	}{
		{"none", nil, ""},
		{"1 and 5", map[string]int{"zjj": 1, "swj": 5}, ""},
		{"a unit not graded", map[string]int{"swj ": 4}, `"swj "`},
		{"above 5", map[string]int{"zjj": 9}, `"zjj"`},
		{"0", map[string]int{"swj": 0}, `"swj"`},
		{"negative", map[string]int{"swj": -1}, `"swj"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			sub := Submission{Event: matters.Event{Matter: "M1", Seq: 9}, Quality: tt.quality}
			err := judgedGraded(sub, grades)
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("judgedGraded = %v, want nil", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("judgedGraded = %v, want an error naming %s", err, tt.want)
			}
		})
	}
}

// closedAfterVisit returns the first matter of subs whose last event is a
// graded close after a satisfied return visit, and that visit (its actor
// the one who may make another).
func closedAfterVisit(subs []Submission) (string, matters.Event) {
	last := map[string]Submission{}
	visit := map[string]matters.Event{}
	var order []string
	for _, sub := range subs {
		m := sub.Event.Matter
		if _, ok := last[m]; !ok {
			order = append(order, m)
		}
		last[m] = sub
		if sub.Event.Kind == matters.Feedback && sub.Event.Satisfied != nil && *sub.Event.Satisfied {
			visit[m] = sub.Event
		}
	}
	for _, m := range order {
		v, ok := visit[m]
		if c := last[m]; ok && c.Event.Kind == matters.Close && len(c.Quality) > 0 && v.Seq < c.Event.Seq {
			return m, v
		}
	}
	return "", matters.Event{}
}
