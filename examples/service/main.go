package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"golang.org/x/mod/sumdb/note"

	"github.com/qingdan/qingdan/journal"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring"
)

func main() {
	if err := run(os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "service:", err)
		os.Exit(1)
	}
}

// run is the program; usage and flag errors go to stderr.
func run(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("service", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "localhost:8080", "listen on this `address`")
	db := fs.String("db", "", "the PostgreSQL `connection string` (else the PG* environment variables)")
	catalog := fs.String("catalog", "", "the catalog `file` (JSON, as matters.LoadCatalog reads it)")
	table := fs.String("table", "", "the decision table `file` (JSON, as scoring.LoadTable reads it)")
	origin := fs.String("origin", "qingdan.example/journal", "the journal's `origin`, in its checkpoints")
	key := fs.String("key", "", "sign the checkpoints with the note signer key in `file` (note.GenerateKey's; its name is the origin)")
	vkey := fs.String("verifier", "", "the verifier `key` of -key, published, which checks the checkpoints kept")
	callers := fs.String("callers", "", "who may post: the `file` of the ID each bearer token speaks for, {\"<sha256 hex of the token>\": \"<ID>\", ...}")
	var off []string
	fs.Func("off-register", "a body off the catalog's register that may post, by its `ID`: a hotline, a district's supervisor (the catalog's own needs none); once for each", func(id string) error {
		off = append(off, id)
		return nil
	})
	var retired []string
	fs.Func("retired", "the verifier `key` of a key the service signed with before -key, of its name, which checks the checkpoints kept signed with it; once for each", func(k string) error {
		retired = append(retired, k)
		return nil
	})
	open := fs.Bool("open", false, "for local trials only: anyone may post, as any actor, with no token (instead of -callers)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := checkOrigin(*origin); err != nil {
		return err
	}
	who, err := loadCallers(*callers, *open, stderr)
	if err != nil {
		return err
	}
	cfg, err := loadConfig(*catalog, *table)
	if err != nil {
		return err
	}
	cfg.Callers, cfg.OffRegister, cfg.OpenPosts = who, off, *open
	if err := checkRegister(cfg.Catalog, *open); err != nil {
		return fmt.Errorf("%s: %w (or -open, for a local trial)", *catalog, err)
	}
	if cfg.Signer, cfg.Verifier, err = loadKey(*key, *vkey); err != nil {
		return err
	}
	if len(retired) > 0 {
		var v note.Verifier
		if cfg.Verifier != "" {
			v, _ = journal.NewVerifier(cfg.Verifier) // loadKey read it
		}
		if _, err := retiredKeys(retired, v); err != nil {
			return fmt.Errorf("-retired: %w", err)
		}
		cfg.Retired = retired
	}
	if cfg.Signer != nil {
		fs.Visit(func(f *flag.Flag) {
			if f.Name == "origin" && *origin != cfg.Signer.Name() {
				err = fmt.Errorf("the origin %q is not the key's name %q", *origin, cfg.Signer.Name())
			}
		})
		if err != nil {
			return err
		}
		*origin = cfg.Signer.Name()
	}
	cfg.Now = time.Now // each event is stamped with the time it is accepted
	cfg.SnapshotFailed = func(err error) { fmt.Fprintln(stderr, "service:", err) }
	cfg.SnapshotRefused = func(err error) { fmt.Fprintln(stderr, "service:", err) }
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	pool, err := pgxpool.New(ctx, *db)
	if err != nil {
		return err
	}
	defer pool.Close()
	s, err := Open(ctx, pool, cfg)
	if err != nil {
		return err
	}
	srv := newServer(*addr, handler(s, *origin))
	return serveUntil(ctx, srv, srv.ListenAndServe)
}

// newServer returns the server of h on addr, which bounds how long a
// client may take to send its request (headers, then the whole of it), to
// read the reply (a page of receipts is a few megabytes), and to keep a
// connection idle: a client that trickles a body or never reads holds a
// connection no longer.
func newServer(addr string, h http.Handler) *http.Server {
	return &http.Server{Addr: addr, Handler: h, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: time.Minute,
		WriteTimeout: 5 * time.Minute, IdleTimeout: 2 * time.Minute}
}

// shutdownGrace is how long a service told to stop waits for the
// requests in flight to end.
const shutdownGrace = 30 * time.Second

// serveUntil serves srv with serve (its ListenAndServe) until ctx ends
// (SIGINT or SIGTERM), then shuts it down: it takes no more connections
// and returns once the requests in flight have ended — a post whose
// event commits gets its reply — or shutdownGrace has passed (an error).
// An error of serve (an address in use) is returned at once.
func serveUntil(ctx context.Context, srv *http.Server, serve func() error) error {
	served := make(chan error, 1)
	go func() { served <- serve() }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	err := srv.Shutdown(shut)
	if err != nil {
		err = fmt.Errorf("shutting down, requests still in flight: %w", err)
	}
	if serr := <-served; !errors.Is(serr, http.ErrServerClosed) {
		err = errors.Join(err, serr)
	}
	return err
}

// loadConfig reads the catalog and the table.
func loadConfig(catalog, table string) (Config, error) {
	var cfg Config
	var err error
	if cfg.Catalog, err = load(catalog, matters.LoadCatalog); err != nil {
		return cfg, err
	}
	cfg.Table, err = load(table, scoring.LoadTable)
	return cfg, err
}

// load reads the file name with read, which bounds and checks it.
func load[T any](name string, read func(io.Reader) (T, error)) (T, error) {
	f, err := os.Open(name)
	if err != nil {
		var zero T
		return zero, err
	}
	defer f.Close()
	v, err := read(f)
	if err != nil {
		return v, fmt.Errorf("%s: %w", name, err)
	}
	return v, nil
}

// loadCallers reads the callers file name (readCallers), or, if the
// service is open, says on stderr, loudly, that anyone may post as
// anyone: one of the two, so that no service is open by omission.
func loadCallers(name string, open bool, stderr io.Writer) (map[string]string, error) {
	switch {
	case name != "" && open:
		return nil, errors.New("-callers and -open exclude each other: an open service knows no callers")
	case open:
		fmt.Fprintln(stderr, "service: WARNING: -open: ANYONE MAY POST EVENTS AS ANY UNIT, with no token — approve, resolve, answer for it. For local trials only: never where others can reach it.")
		return nil, nil
	case name == "":
		return nil, errors.New("no -callers file: who may post, the ID each bearer token speaks for (or -open, for a local trial)")
	}
	return load(name, readCallers)
}

// loadKey reads the signer key in the file name and checks the verifier
// key vkey, which it returns: both, or neither (no key).
func loadKey(name, vkey string) (note.Signer, string, error) {
	if name == "" && vkey == "" {
		return nil, "", nil
	}
	if name == "" || vkey == "" {
		return nil, "", errors.New("-key and -verifier go together: the signer key and its verifier key")
	}
	skey, err := os.ReadFile(name)
	if err != nil {
		return nil, "", err
	}
	signer, err := note.NewSigner(strings.TrimSpace(string(skey)))
	if err != nil {
		return nil, "", fmt.Errorf("%s: %w", name, err)
	}
	if _, err := journal.NewVerifier(vkey); err != nil {
		return nil, "", fmt.Errorf("-verifier: %w", err)
	}
	return signer, vkey, nil
}

// checkOrigin refuses an origin that no checkpoint may have (empty, or
// with a space, a plus sign or a control character), which the service
// could publish under no key and keep under none (Publish).
func checkOrigin(origin string) error {
	if _, err := journal.ParseCheckpoint([]byte(journal.Checkpoint{Origin: origin}.String())); err != nil {
		return fmt.Errorf("-origin %q: not the name of a journal: not empty, without a space, a plus sign or a control character", origin)
	}
	return nil
}
