package main

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"math"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// schema is the journal's table and its snapshots', as package journal
// documents them (# A journal in a database), and the checkpoints the
// service published: each line as text, byte for byte, never jsonb; the
// journal and the checkpoints append-only, for their owner too (the
// service's role, which creates them): an UPDATE, DELETE or TRUNCATE is
// refused by a trigger, which only a deliberate ALTER TABLE … DISABLE
// TRIGGER or DROP TRIGGER gets past. Each trigger that is missing is
// made, each made again under its name to do less (when false, on some
// columns, other events, another function) made as it was, and each that
// is disabled, or enabled for replication only (ENABLE REPLICA TRIGGER,
// which fires in no session of the service), enabled, on every start.
const schema = `
CREATE TABLE IF NOT EXISTS journal (
    seq  bigint PRIMARY KEY CHECK (seq > 0),
    line text   NOT NULL CHECK (strpos(line, E'\n') = 0)
);
CREATE TABLE IF NOT EXISTS journal_snapshot (
    seq      bigint PRIMARY KEY CHECK (seq >= 0),
    snapshot text   NOT NULL
);
CREATE TABLE IF NOT EXISTS journal_checkpoint (
    size       bigint PRIMARY KEY CHECK (size >= 0),
    checkpoint text   NOT NULL -- signed (a note) if the service has a key
);
CREATE OR REPLACE FUNCTION journal_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the table % is append-only: % refused', TG_TABLE_NAME, TG_OP;
END $$;
DO $$
DECLARE
    t text;
    trig record;
    cur record;
BEGIN
    FOREACH t IN ARRAY ARRAY['journal', 'journal_checkpoint'] LOOP
        -- type: pg_trigger.tgtype's bits, ROW 1, BEFORE 2, DELETE 8, UPDATE 16, TRUNCATE 32.
        FOR trig IN SELECT t || '_append_only' AS name, 'BEFORE UPDATE OR DELETE ON %I FOR EACH ROW' AS what, 27 AS type
              UNION ALL SELECT t || '_no_truncate', 'BEFORE TRUNCATE ON %I FOR EACH STATEMENT', 34 LOOP
            SELECT tgenabled, tgtype = trig.type AND tgfoid = 'journal_append_only()'::regprocedure
                    AND tgqual IS NULL AND tgnargs = 0 AND cardinality(tgattr::int2[]) = 0 AS made
              INTO cur FROM pg_trigger WHERE tgrelid = t::regclass AND tgname = trig.name;
            IF FOUND AND NOT cur.made THEN
                -- Made again under its name to do less: made as it was.
                EXECUTE format('DROP TRIGGER %I ON %I', trig.name, t);
            END IF;
            IF NOT FOUND OR NOT cur.made THEN
                EXECUTE format('CREATE TRIGGER %I ' || trig.what || ' EXECUTE FUNCTION journal_append_only()', trig.name, t);
            ELSIF cur.tgenabled NOT IN ('O', 'A') THEN
                -- Disabled (D), or enabled for replication only (R): it
                -- would fire in none of the service's sessions.
                EXECUTE format('ALTER TABLE %I ENABLE TRIGGER %I', t, trig.name);
            END IF;
        END LOOP;
    END LOOP;
END $$;`

// store keeps the journal in PostgreSQL.
type store struct{ pool *pgxpool.Pool }

// migrate creates the tables if they are missing.
func (s *store) migrate(ctx context.Context) error {
	if _, err := s.pool.Exec(ctx, schema); err != nil {
		return fmt.Errorf("creating the tables: %w", err)
	}
	return nil
}

// snapshot returns the latest snapshot and its head's seq, or nil and 0
// if there is none.
func (s *store) snapshot(ctx context.Context) ([]byte, int64, error) {
	var snap string
	var seq int64
	err := s.pool.QueryRow(ctx, `SELECT seq, snapshot FROM journal_snapshot ORDER BY seq DESC LIMIT 1`).Scan(&seq, &snap)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, 0, nil
	}
	if err != nil {
		return nil, 0, fmt.Errorf("reading the snapshot: %w", err)
	}
	return []byte(snap), seq, nil
}

// lines streams the journal's lines from entry from on, in order.
func (s *store) lines(ctx context.Context, from int64) iter.Seq2[[]byte, error] {
	return span(ctx, s.pool, from, math.MaxInt64)
}

// span streams the journal's lines from entry from to entry to, in order.
func (s *store) span(ctx context.Context, from, to int64) iter.Seq2[[]byte, error] {
	return span(ctx, s.pool, from, to)
}

// querier is the pool, or a transaction.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}

// span streams the journal's lines from entry from to entry to, in
// order, as q reads them.
func span(ctx context.Context, q querier, from, to int64) iter.Seq2[[]byte, error] {
	return func(yield func([]byte, error) bool) {
		rows, err := q.Query(ctx, `SELECT line FROM journal WHERE seq BETWEEN $1 AND $2 ORDER BY seq`, from, to)
		if err != nil {
			yield(nil, fmt.Errorf("reading the journal: %w", err))
			return
		}
		defer rows.Close()
		for rows.Next() {
			var line []byte
			if err := rows.Scan(&line); err != nil {
				yield(nil, fmt.Errorf("reading the journal: %w", err))
				return
			}
			if !yield(line, nil) {
				return
			}
		}
		if err := rows.Err(); err != nil {
			yield(nil, fmt.Errorf("reading the journal: %w", err))
		}
	}
}

// entries returns the lines of the entries seqs, in order: every one, or
// an error.
func (s *store) entries(ctx context.Context, seqs []int64) ([][]byte, error) {
	rows, err := s.pool.Query(ctx, `SELECT line FROM journal WHERE seq = ANY($1) ORDER BY seq`, seqs)
	if err != nil {
		return nil, fmt.Errorf("reading the journal: %w", err)
	}
	lines, err := pgx.CollectRows(rows, pgx.RowTo[[]byte])
	if err != nil {
		return nil, fmt.Errorf("reading the journal: %w", err)
	}
	if len(lines) != len(seqs) {
		return nil, fmt.Errorf("reading the journal: %d of the %d entries asked for are missing", len(seqs)-len(lines), len(seqs))
	}
	return lines, nil
}

// appendLock is the key of the transaction-level advisory lock
// (pg_advisory_xact_lock) that a service holds to append: services that
// share a database append one at a time, each after every row the others
// committed, in the order they asked for it. ("qingdan" in ASCII.)
const appendLock int64 = 0x71696e6764616e

// append runs seal in a transaction that holds appendLock, with the
// transaction to read the rows committed before it (every row any
// service committed: no other appends until it ends), and stores the
// lines seal returns as entries first, first+1, … in it: all of them or
// none. seal's error ends the transaction, storing nothing.
func (s *store) append(ctx context.Context, seal func(q querier) (first int64, lines [][]byte, err error)) error {
	var first, last int64
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, appendLock); err != nil {
			return fmt.Errorf("taking the journal's lock: %w", err)
		}
		first, lines, err := seal(tx)
		if err != nil {
			return err
		}
		last = first + int64(len(lines)) - 1
		b := &pgx.Batch{}
		for i, l := range lines {
			b.Queue(`INSERT INTO journal (seq, line) VALUES ($1, $2)`, first+int64(i), string(l))
		}
		return tx.SendBatch(ctx, b).Close()
	})
	if err != nil && last > 0 {
		return fmt.Errorf("storing entries %d to %d: %w", first, last, err)
	}
	return err
}

// saveSnapshot stores a snapshot at entry seq, in place of one there
// (which failed to resume, say), and drops older ones.
func (s *store) saveSnapshot(ctx context.Context, seq int64, snap []byte) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `INSERT INTO journal_snapshot (seq, snapshot) VALUES ($1, $2) ON CONFLICT (seq) DO UPDATE SET snapshot = excluded.snapshot`, seq, string(snap)); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `DELETE FROM journal_snapshot WHERE seq < $1`, seq)
		return err
	})
	if err != nil {
		return fmt.Errorf("storing the snapshot at entry %d: %w", seq, err)
	}
	return nil
}

// kept is a checkpoint the service kept: its size, and its text or its
// signed note.
type kept struct {
	size int64
	text []byte
}

// checkpoints returns the checkpoints kept, by size.
func (s *store) checkpoints(ctx context.Context) ([]kept, error) {
	rows, err := s.pool.Query(ctx, `SELECT size, checkpoint FROM journal_checkpoint ORDER BY size`)
	if err != nil {
		return nil, fmt.Errorf("reading the checkpoints: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (kept, error) {
		var k kept
		var text string
		err := r.Scan(&k.size, &text)
		k.text = []byte(text)
		return k, err
	})
	if err != nil {
		return nil, fmt.Errorf("reading the checkpoints: %w", err)
	}
	return out, nil
}

// keep stores a checkpoint of size entries unless one of that size is
// kept already; it returns the one kept.
func (s *store) keep(ctx context.Context, size int64, text []byte) ([]byte, error) {
	var stored string
	var err error
	// A second try sees the row of another service that committed it
	// after this statement began, which the first does not.
	for range 2 {
		err = s.pool.QueryRow(ctx, `WITH added AS (
    INSERT INTO journal_checkpoint (size, checkpoint) VALUES ($1, $2) ON CONFLICT (size) DO NOTHING RETURNING checkpoint
) SELECT checkpoint FROM added UNION ALL SELECT checkpoint FROM journal_checkpoint WHERE size = $1 LIMIT 1`, size, string(text)).Scan(&stored)
		if !errors.Is(err, pgx.ErrNoRows) {
			break
		}
	}
	if err != nil {
		return nil, fmt.Errorf("keeping the checkpoint of %d entries: %w", size, err)
	}
	return []byte(stored), nil
}
