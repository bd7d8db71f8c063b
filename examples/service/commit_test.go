package main

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/qingdan/qingdan/journal"
)

// TestACommitOutlivesItsRequest: a request whose context ends while its
// transaction commits (the client gave up; the database commits all the
// same) leaves the service's state that of the committed rows, as its
// documentation promises, not behind them until a later event finds them.
func TestACommitOutlivesItsRequest(t *testing.T) {
	c := startCluster(t)
	pool := c.database(t, "outlives")
	svc, err := Open(context.Background(), pool, wuhuConfig(t))
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
	sub := loadWuhuYear(t).subs[0]
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	_, err = svc.Accept(ctx, sub)
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
}
