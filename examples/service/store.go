package main

import (
	"context"
	"errors"
	"fmt"
	"iter"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// schema is the journal's table and its snapshots', as package journal
// documents them (# A journal in a database): each line as text, byte
// for byte, never jsonb; the journal append-only, for its owner too (the
// service's role, which creates it): an UPDATE, DELETE or TRUNCATE is
// refused by a trigger, which only a deliberate ALTER TABLE … DISABLE
// TRIGGER or DROP TRIGGER gets past.
const schema = `
CREATE TABLE IF NOT EXISTS journal (
    seq  bigint PRIMARY KEY CHECK (seq > 0),
    line text   NOT NULL CHECK (strpos(line, E'\n') = 0)
);
CREATE TABLE IF NOT EXISTS journal_snapshot (
    seq      bigint PRIMARY KEY CHECK (seq >= 0),
    snapshot text   NOT NULL
);
CREATE OR REPLACE FUNCTION journal_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the journal is append-only: % refused', TG_OP;
END $$;
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_trigger WHERE tgrelid = 'journal'::regclass AND tgname = 'journal_append_only') THEN
        CREATE TRIGGER journal_append_only BEFORE UPDATE OR DELETE ON journal
            FOR EACH ROW EXECUTE FUNCTION journal_append_only();
        CREATE TRIGGER journal_no_truncate BEFORE TRUNCATE ON journal
            FOR EACH STATEMENT EXECUTE FUNCTION journal_append_only();
    END IF;
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
	return func(yield func([]byte, error) bool) {
		rows, err := s.pool.Query(ctx, `SELECT line FROM journal WHERE seq >= $1 ORDER BY seq`, from)
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

// append stores the lines of entries first, first+1, … in one
// transaction: all of them or none.
func (s *store) append(ctx context.Context, first int64, lines [][]byte) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		b := &pgx.Batch{}
		for i, l := range lines {
			b.Queue(`INSERT INTO journal (seq, line) VALUES ($1, $2)`, first+int64(i), string(l))
		}
		return tx.SendBatch(ctx, b).Close()
	})
	if err != nil {
		return fmt.Errorf("storing entries %d to %d: %w", first, first+int64(len(lines))-1, err)
	}
	return nil
}

// saveSnapshot stores a snapshot at entry seq and drops older ones.
func (s *store) saveSnapshot(ctx context.Context, seq int64, snap []byte) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `INSERT INTO journal_snapshot (seq, snapshot) VALUES ($1, $2) ON CONFLICT (seq) DO NOTHING`, seq, string(snap)); err != nil {
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
