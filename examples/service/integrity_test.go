package main

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"golang.org/x/mod/sumdb/note"

	"github.com/qingdan/qingdan/journal"
)

// TestIntegrity: what the service promises of its history — never lost,
// never silently rewritten — holds against someone with the database,
// and a snapshot is a cache, never the record.
func TestIntegrity(t *testing.T) {
	c, year, cfg := withYear(t)
	cfg.SnapshotEvery = 1
	signed := withKey(t, cfg)

	// published posts the first events of the year in three rounds and
	// publishes a checkpoint after each (GET /journal), the service
	// snapshotting after every entry; it returns the checkpoints' sizes.
	published := func(t *testing.T, db string, cfg Config) (*pgxpool.Pool, []int64) {
		t.Helper()
		pool := c.database(t, db)
		_, url := serve(t, pool, cfg)
		var sizes []int64
		for _, subs := range [][]Submission{year.subs[:2], year.subs[2:6], year.subs[6:10]} {
			for _, sub := range subs {
				if status, body := post(t, url, sub); status != http.StatusCreated {
					t.Fatalf("%d %s", status, body)
				}
			}
			status, body := get(t, url+"/journal")
			var j struct {
				Head       journal.Head `json:"head"`
				Checkpoint string       `json:"checkpoint"`
			}
			if err := json.Unmarshal([]byte(body), &j); status != http.StatusOK || err != nil {
				t.Fatalf("GET /journal: %d %s (%v)", status, body, err)
			}
			sizes = append(sizes, j.Head.Seq)
		}
		return pool, sizes
	}
	exec := func(t *testing.T, pool *pgxpool.Pool, sql string, args ...any) {
		t.Helper()
		if _, err := pool.Exec(context.Background(), sql, args...); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	cut := func(t *testing.T, pool *pgxpool.Pool, after int64) {
		t.Helper()
		bypass(t, pool, "journal", `DELETE FROM journal WHERE seq > $1`, after)
	}
	// cutAndForget cuts the journal short of the last checkpoint and
	// deletes the snapshots, so that the service rebuilds from the first
	// row what is left.
	cutAndForget := func(t *testing.T, pool *pgxpool.Pool, sizes []int64) {
		t.Helper()
		cut(t, pool, sizes[1])
		exec(t, pool, `DELETE FROM journal_snapshot`)
	}
	last := func(sizes []int64) int64 { return sizes[2] }

	t.Run("a history cut short or rewritten is refused", func(t *testing.T) {
		for _, tt := range []struct {
			name   string
			cfg    Config
			tamper func(t *testing.T, pool *pgxpool.Pool, sizes []int64)
			want   func(sizes []int64) int64 // the size of the checkpoint named
		}{
			{name: "cut short, the snapshots deleted", cfg: cfg, tamper: cutAndForget, want: last},
			{name: "cut short, signed", cfg: signed, tamper: cutAndForget, want: last},
			{
				name: "cut short, the snapshot kept",
				cfg:  cfg,
				tamper: func(t *testing.T, pool *pgxpool.Pool, sizes []int64) {
					cut(t, pool, sizes[1]+1)
				},
				want: last,
			}, {
				// The entries before the snapshot rewritten, their hashes
				// recomputed: the rows the snapshot resumes from are untouched.
				name: "rewritten before the snapshot",
				cfg:  cfg,
				tamper: func(t *testing.T, pool *pgxpool.Pool, sizes []int64) {
					rewrite(t, pool, sizes[0])
				},
				want: func(sizes []int64) int64 { return sizes[0] },
			}} {
			t.Run(tt.name, func(t *testing.T) {
				db := strings.NewReplacer(" ", "_", ",", "").Replace(tt.name)
				pool, sizes := published(t, db, tt.cfg)
				tt.tamper(t, pool, sizes)
				_, err := Open(context.Background(), c.pool(t, db), tt.cfg)
				want := fmt.Sprintf("checkpoint of %d entries", tt.want(sizes))
				if !errors.Is(err, journal.ErrHeadMismatch) || !strings.Contains(err.Error(), want) {
					t.Errorf("Open: %v; want it refused, naming the %s", err, want)
				}
				t.Logf("refused: %v", err)
			})
		}
	})

	t.Run("the checkpoints are kept, signed with the key", func(t *testing.T) {
		pool, sizes := published(t, "signed", signed)
		rows, err := pool.Query(context.Background(), `SELECT size, checkpoint FROM journal_checkpoint ORDER BY size`)
		if err != nil {
			t.Fatal(err)
		}
		var got []int64
		for rows.Next() {
			var size int64
			var msg string
			if err := rows.Scan(&size, &msg); err != nil {
				t.Fatal(err)
			}
			if cp, err := journal.OpenCheckpoint([]byte(msg), verifierOf(t, signed)); err != nil || cp.Size != size {
				t.Errorf("the checkpoint kept at %d: %v, %v; want one signed by the key, of %d entries", size, cp, err, size)
			}
			got = append(got, size)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(sizes, got); diff != "" {
			t.Errorf("the checkpoints kept mismatch (-want +got):\n%s", diff)
		}
		for _, sql := range []string{`UPDATE journal_checkpoint SET size = size`, `DELETE FROM journal_checkpoint`, `TRUNCATE journal_checkpoint`} {
			if _, err := pool.Exec(context.Background(), sql); err == nil || !strings.Contains(err.Error(), "append-only") {
				t.Errorf("%s: %v; want it refused, the checkpoints being append-only", sql, err)
			}
		}
		// A checkpoint whose signature does not verify is not the
		// service's: it refuses to start rather than drop it.
		bypass(t, pool, "journal_checkpoint", `UPDATE journal_checkpoint SET checkpoint = replace(checkpoint, $1, $2) WHERE size = $3`,
			fmt.Sprintf("\n%d\n", sizes[1]), fmt.Sprintf("\n%d\n", sizes[1]-1), sizes[1])
		if _, err := Open(context.Background(), pool, signed); !errors.Is(err, journal.ErrProof) || !strings.Contains(err.Error(), fmt.Sprintf("checkpoint kept at %d", sizes[1])) {
			t.Errorf("Open with a checkpoint whose signature fails: %v; want it refused, naming it", err)
		}
	})

	t.Run("a damaged snapshot is rebuilt from the first row", func(t *testing.T) {
		for _, tt := range []struct{ name, sql string }{
			{"a byte changed", `UPDATE journal_snapshot SET snapshot = overlay(snapshot placing '#' from 20 for 1)`},
			{"its sum changed", `UPDATE journal_snapshot SET snapshot = overlay(snapshot placing '0000' from length(snapshot) - 10 for 4)`},
			{"at another entry", `UPDATE journal_snapshot SET seq = seq - 1`},
		} {
			t.Run(tt.name, func(t *testing.T) {
				db := strings.ReplaceAll(tt.name, " ", "_")
				pool, _ := published(t, db, cfg)
				_, url := serve(t, pool, cfg)
				posted := &wuhuYear{subs: year.subs[:10]}
				want := views(t, url, posted)
				exec(t, pool, tt.sql)
				var told []error
				refused := cfg
				refused.SnapshotRefused = func(err error) { told = append(told, err) }
				_, url = serve(t, c.pool(t, db), refused)
				if len(told) != 1 || !strings.Contains(told[0].Error(), "rebuilding from entry 1") {
					t.Fatalf("SnapshotRefused was told %v; want the snapshot refused once, and the rebuild", told)
				}
				t.Logf("told: %v", told[0])
				if diff := cmp.Diff(want, views(t, url, posted)); diff != "" {
					t.Errorf("rebuilt past a damaged snapshot, views mismatch (-want +got):\n%s", diff)
				}
			})
		}
	})

	// The snapshot's tree (the roots of its complete subtrees) altered
	// and its sum made again, as someone with the database may, past the
	// last checkpoint kept, which would show it: the service, which makes
	// the tree from the rows, must not publish and keep the snapshot's
	// root while its receipts and proofs are of the rows' tree.
	t.Run("a snapshot whose tree is not the rows'", func(t *testing.T) {
		pool, _ := published(t, "forged_tree", cfg)
		_, url := serve(t, pool, cfg)
		postAll(t, url, year.subs[10:12]) // a snapshot after the last checkpoint kept, and none kept of it
		var snap string
		if err := pool.QueryRow(context.Background(), `SELECT snapshot FROM journal_snapshot`).Scan(&snap); err != nil {
			t.Fatal(err)
		}
		exec(t, pool, `UPDATE journal_snapshot SET snapshot = $1`, forgeTree(t, snap))
		var told []error
		refused := cfg
		refused.SnapshotRefused = func(err error) { told = append(told, err) }
		_, url = serve(t, c.pool(t, "forged_tree"), refused)
		if len(told) != 1 || !strings.Contains(told[0].Error(), "rebuilding from entry 1") {
			t.Errorf("SnapshotRefused was told %v; want the snapshot refused once, and the rebuild", told)
		}
		tree := rowsTree(t, pool)
		var j struct {
			Checkpoint string `json:"checkpoint"`
		}
		getJSON(t, url, "/journal", &j)
		if want := tree.Checkpoint(origin).String(); j.Checkpoint != want {
			t.Errorf("GET /journal publishes the checkpoint\n%s; want the rows'\n%s", j.Checkpoint, want)
		}
	})

	t.Run("each missing trigger is made again, each disabled enabled", func(t *testing.T) {
		for i, tt := range []struct{ table, trigger, undo, sql string }{
			{"journal", "journal_append_only", "DROP TRIGGER %s ON %s", `DELETE FROM journal`},
			{"journal", "journal_no_truncate", "DROP TRIGGER %s ON %s", `TRUNCATE journal`},
			{"journal_checkpoint", "journal_checkpoint_append_only", "DROP TRIGGER %s ON %s", `DELETE FROM journal_checkpoint`},
			{"journal_checkpoint", "journal_checkpoint_no_truncate", "DROP TRIGGER %s ON %s", `TRUNCATE journal_checkpoint`},
			{"journal", "journal_append_only", "ALTER TABLE %[2]s DISABLE TRIGGER %[1]s", `UPDATE journal SET seq = seq`},
			{"journal_checkpoint", "journal_checkpoint_no_truncate", "ALTER TABLE %[2]s DISABLE TRIGGER %[1]s", `TRUNCATE journal_checkpoint`},
			// Enabled for replication only: it fires in no session of the
			// service (session_replication_role origin), as if disabled.
			{"journal", "journal_append_only", "ALTER TABLE %[2]s ENABLE REPLICA TRIGGER %[1]s", `DELETE FROM journal`},
			{"journal_checkpoint", "journal_checkpoint_no_truncate", "ALTER TABLE %[2]s ENABLE REPLICA TRIGGER %[1]s", `TRUNCATE journal_checkpoint`},
			// Made again under its name, to fire never, or on another
			// column's updates only, or on inserts only.
			{"journal", "journal_append_only", "DROP TRIGGER %[1]s ON %[2]s; CREATE TRIGGER %[1]s BEFORE UPDATE OR DELETE ON %[2]s FOR EACH ROW WHEN (false) EXECUTE FUNCTION journal_append_only()", `DELETE FROM journal`},
			{"journal", "journal_append_only", "DROP TRIGGER %[1]s ON %[2]s; CREATE TRIGGER %[1]s BEFORE UPDATE OF seq ON %[2]s FOR EACH ROW EXECUTE FUNCTION journal_append_only()", `UPDATE journal SET line = line`},
			{"journal_checkpoint", "journal_checkpoint_append_only", "DROP TRIGGER %[1]s ON %[2]s; CREATE TRIGGER %[1]s AFTER INSERT ON %[2]s FOR EACH ROW EXECUTE FUNCTION journal_append_only()", `DELETE FROM journal_checkpoint`},
		} {
			undo := fmt.Sprintf(tt.undo, tt.trigger, tt.table)
			t.Run(undo, func(t *testing.T) {
				db := fmt.Sprintf("undo%d_%s", i, tt.trigger)
				pool, _ := published(t, db, cfg)
				exec(t, pool, undo)
				serve(t, c.pool(t, db), cfg)
				if _, err := pool.Exec(context.Background(), tt.sql); err == nil || !strings.Contains(err.Error(), "append-only") {
					t.Errorf("%s, after a restart since %s: %v; want it refused, the trigger made or enabled again", tt.sql, undo, err)
				}
			})
		}
	})
}

// rewrite rewrites the journal's first n entries with the note of the
// first event changed and every hash recomputed, as someone with the
// database who knows the format would.
func rewrite(t *testing.T, pool *pgxpool.Pool, n int64) {
	t.Helper()
	ctx := context.Background()
	var head journal.Head
	var lines []string
	for line, err := range (&store{pool}).lines(ctx, 1) {
		if err != nil {
			t.Fatal(err)
		}
		if int64(len(lines)) == n {
			break
		}
		e, err := journal.ParseLine(line)
		if err != nil {
			t.Fatal(err)
		}
		var v any
		switch e.Kind {
		case journal.KindEvent:
			ev, err := e.Event()
			if e.Seq == 1 {
				ev.Note += "（改）"
			}
			v = ev
			if err != nil {
				t.Fatal(err)
			}
		case journal.KindEvaluation:
			if v, err = e.Evaluation(); err != nil {
				t.Fatal(err)
			}
		default:
			if v, err = e.Amendment(); err != nil {
				t.Fatal(err)
			}
		}
		sealed, next, err := journal.Seal(head, v, nil)
		if err != nil {
			t.Fatal(err)
		}
		head, lines = next, append(lines, string(sealed))
	}
	for i, l := range lines {
		bypass(t, pool, "journal", `UPDATE journal SET line = $2 WHERE seq = $1`, i+1, l)
	}
}

// forgeTree returns the snapshot snap with the first hash of its tree
// changed and its sum made again (SHA-256 of the snapshot without it).
func forgeTree(t *testing.T, snap string) string {
	t.Helper()
	const key = `"tree":["`
	i := strings.Index(snap, key)
	if i < 0 {
		t.Fatalf("a snapshot without a tree: %.200s", snap)
	}
	i += len(key)
	b := []byte(snap)
	b[i] = "10"[b[i]%2] // another hexadecimal digit
	sumTail := len(`,"sum":"`) + 64 + len(`"}`)
	body := append(b[:len(b)-sumTail:len(b)-sumTail], '}')
	return fmt.Sprintf(`%s,"sum":"%x"}`, b[:len(b)-sumTail], sha256.Sum256(body))
}

// bypass runs sql on table with its triggers disabled, as the table's
// owner may: what the append-only triggers do not stop.
func bypass(t *testing.T, pool *pgxpool.Pool, table, sql string, args ...any) {
	t.Helper()
	ctx := context.Background()
	err := pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "ALTER TABLE "+table+" DISABLE TRIGGER USER"); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, sql, args...); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, "ALTER TABLE "+table+" ENABLE TRIGGER USER")
		return err
	})
	if err != nil {
		t.Fatalf("%s, its triggers disabled: %v", sql, err)
	}
}

// TestOpenKeys: a signer and a verifier go together, of one key.
func TestOpenKeys(t *testing.T) {
	cfg := wuhuConfig(t)
	s, _ := newKey(t, origin)
	_, other := newKey(t, origin)
	_, elsewhere := newKey(t, "elsewhere.example/journal")
	for _, tt := range []struct {
		name string
		s    note.Signer
		v    string
	}{{"a signer alone", s, ""}, {"a verifier alone", nil, other}, {"another key's verifier", s, other}, {"another name's", s, elsewhere}, {"not a verifier key", s, "wuhu.example/journal+0000"}} {
		c := cfg
		c.Signer, c.Verifier = tt.s, tt.v
		if _, err := Open(context.Background(), nil, c); err == nil || !strings.Contains(err.Error(), "verifier") {
			t.Errorf("%s: Open = %v; want it refused before the database is read", tt.name, err)
		}
	}
}

// newKey returns a new key of name, its signer and its verifier key, read
// as the service reads them (loadKey, from a key file as -key names it).
func newKey(t testing.TB, name string) (note.Signer, string) {
	t.Helper()
	skey, vkey, err := note.GenerateKey(rand.Reader, name)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "key")
	if err := os.WriteFile(file, []byte(skey+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	s, v, err := loadKey(file, vkey)
	if err != nil {
		t.Fatal(err)
	}
	return s, v
}

// verifierOf returns the verifier of cfg's key.
func verifierOf(t testing.TB, cfg Config) note.Verifier {
	t.Helper()
	v, err := note.NewVerifier(cfg.Verifier)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestOriginKept: a service without a key keeps the text of each
// checkpoint it publishes, and requires on every start that it reads
// back; so it keeps none whose origin no checkpoint may have (a space, a
// plus sign, none at all), which would stop it from ever starting again,
// the table being append-only.
func TestOriginKept(t *testing.T) {
	c, year, cfg := withYear(t)
	pool := c.database(t, "origin")
	svc, url := serve(t, pool, cfg)
	postAll(t, url, year.subs[:2])
	for _, bad := range []string{"two words", "a+b", ""} {
		if _, _, err := svc.Publish(context.Background(), bad); err == nil || !strings.Contains(err.Error(), "origin") {
			t.Errorf("Publish under the origin %q = %v; want it refused, naming the origin", bad, err)
		}
	}
	if _, err := Open(context.Background(), pool, cfg); err != nil {
		t.Fatalf("Open after checkpoints published under bad origins: %v", err)
	}
}

// TestKeyRotation: a service whose key is replaced starts with the new
// key only when it is given the old verifier key (Config.Retired): the
// checkpoints kept signed with the old key check with it, the new key
// signs those published from then on, and GET /key serves the old key
// beside the new, for receipts of before. Without it the service refuses
// to start, naming the checkpoint, as it does for a checkpoint no key of
// its own signed.
func TestKeyRotation(t *testing.T) {
	c, year, cfg := withYear(t)
	pool := c.database(t, "rotation")
	old := withKey(t, cfg)
	svc, url := serve(t, pool, old)
	postAll(t, url, year.subs[:2])
	_, before, err := svc.Publish(context.Background(), origin)
	if err != nil {
		t.Fatal(err)
	}
	kept, err := journal.OpenCheckpoint(before, verifierOf(t, old))
	if err != nil {
		t.Fatalf("the checkpoint published with the old key: %v", err)
	}

	rotated := withKey(t, cfg)
	if _, err := Open(context.Background(), pool, rotated); !errors.Is(err, journal.ErrProof) ||
		!strings.Contains(err.Error(), fmt.Sprintf("checkpoint kept at %d", kept.Size)) {
		t.Fatalf("Open with a new key and no retired one = %v; want it refused, naming the checkpoint kept at %d (ErrProof)", err, kept.Size)
	}
	rotated.Retired = []string{old.Verifier}
	svc2, url2 := serve(t, pool, rotated)
	var k struct {
		Verifier string   `json:"verifier"`
		Retired  []string `json:"retired"`
	}
	getJSON(t, url2, "/key", &k)
	if diff := cmp.Diff([]string{rotated.Verifier, old.Verifier}, append([]string{k.Verifier}, k.Retired...)); diff != "" {
		t.Errorf("GET /key after the rotation: keys mismatch (-want +got):\n%s", diff)
	}
	postAll(t, url2, year.subs[2:3])
	_, after, err := svc2.Publish(context.Background(), origin)
	if err != nil {
		t.Fatal(err)
	}
	cp, err := journal.OpenCheckpoint(after, verifierOf(t, rotated))
	if err != nil || cp.Size <= kept.Size {
		t.Fatalf("the checkpoint published after the rotation: size %d, %v; want one of more than %d entries signed with the new key", cp.Size, err, kept.Size)
	}
	if _, err := Open(context.Background(), pool, rotated); err != nil {
		t.Errorf("Open again with the new key, the old retired: %v", err)
	}
}

// TestOpenRetiredKeys: a retired verifier key is of the service's key's
// name, not its own key, listed once, and needs a key of the service's
// own; Open and the command refuse the others before the database is
// read.
func TestOpenRetiredKeys(t *testing.T) {
	cfg := withKey(t, wuhuConfig(t))
	_, other := newKey(t, origin)
	_, elsewhere := newKey(t, "elsewhere.example/journal")
	for _, tt := range []struct {
		name    string
		nokey   bool
		retired []string
		want    string
	}{
		{"without a key", true, []string{other}, "without a key"},
		{"of another name", false, []string{elsewhere}, `is of "elsewhere.example/journal"`},
		{"the key itself", false, []string{cfg.Verifier}, "the service's own verifier key"},
		{"twice", false, []string{other, other}, "key 2 is key 1 again"},
		{"not a verifier key", false, []string{"wuhu.example/journal+0000"}, "retired verifier key 1"},
	} {
		c := cfg
		if tt.nokey {
			c.Signer, c.Verifier = nil, ""
		}
		c.Retired = tt.retired
		if _, err := Open(context.Background(), nil, c); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: Open = %v; want it refused before the database is read, saying %q", tt.name, err, tt.want)
		}
	}
}
