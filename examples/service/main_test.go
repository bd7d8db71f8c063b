package main

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/mod/sumdb/note"
)

// TestLoadConfig checks that the files the service reads are the JSON of
// a catalog and a table, and that what cannot be read is refused.
func TestLoadConfig(t *testing.T) {
	want := wuhuConfig(t)
	dir := t.TempDir()
	write := func(name string, v any) string {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	catalog, table := write("catalog.json", want.Catalog), write("table.json", want.Table)
	got, err := loadConfig(catalog, table)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(mustJSON(t, want.Catalog), mustJSON(t, got.Catalog)); diff != "" {
		t.Errorf("catalog mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(mustJSON(t, want.Table), mustJSON(t, got.Table)); diff != "" {
		t.Errorf("table mismatch (-want +got):\n%s", diff)
	}
	misspelt := filepath.Join(dir, "misspelt.json")
	if err := os.WriteFile(misspelt, []byte(`{"directry":{}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ name, catalog, table, want string }{
		{"no catalog", filepath.Join(dir, "none.json"), table, "none.json"},
		{"a misspelt catalog", misspelt, table, "misspelt.json"},
		{"a catalog for a table", catalog, catalog, "catalog.json"},
	} {
		if _, err := loadConfig(tt.catalog, tt.table); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: loadConfig = %v; want an error naming %s", tt.name, err, tt.want)
		}
	}
	for _, bad := range []string{"two words", "a+b", "", "tab\there"} {
		if err := run([]string{"-origin", bad, "-open"}, new(strings.Builder)); err == nil || !strings.Contains(err.Error(), "-origin") {
			t.Errorf("run -origin %q: %v; want an error naming -origin", bad, err)
		}
	}
	_, vkey := newKey(t, origin)
	if err := run([]string{"-open", "-catalog", catalog, "-table", table, "-retired", vkey}, new(strings.Builder)); err == nil || !strings.Contains(err.Error(), "-retired") {
		t.Errorf("run -retired without -key: %v; want an error naming -retired", err)
	}
	var stderr strings.Builder
	if err := run([]string{"-no-such-flag"}, &stderr); err == nil || !strings.Contains(stderr.String(), "-no-such-flag") {
		t.Errorf("run with an unknown flag: %v, %q; want an error naming it", err, stderr.String())
	}
}

// TestLoadKey checks that a signer key and its verifier key are read
// together, and that what is not a key is refused, naming where it is.
func TestLoadKey(t *testing.T) {
	skey, vkey, err := note.GenerateKey(rand.Reader, origin)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	name, bad := filepath.Join(dir, "key"), filepath.Join(dir, "bad")
	if err := os.WriteFile(name, []byte(skey+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, []byte(vkey), 0o600); err != nil {
		t.Fatal(err)
	}
	signer, verifier, err := loadKey(name, vkey)
	if err != nil || signer.Name() != origin || verifier != vkey {
		t.Errorf("loadKey = %v, %v, %v; want the key %s", signer, verifier, err, origin)
	}
	if signer, verifier, err := loadKey("", ""); signer != nil || verifier != "" || err != nil {
		t.Errorf("loadKey without a key = %v, %v, %v; want none, and no error", signer, verifier, err)
	}
	for _, tt := range []struct{ name, file, vkey, want string }{
		{"no verifier", name, "", "-verifier"},
		{"no signer", "", vkey, "-key"},
		{"no such file", filepath.Join(dir, "none"), vkey, "none"},
		{"a verifier key for a signer", bad, vkey, "bad"},
		{"a signer key for a verifier", name, skey, "-verifier"},
	} {
		if _, _, err := loadKey(tt.file, tt.vkey); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: loadKey = %v; want an error naming %s", tt.name, err, tt.want)
		}
	}
}

// TestLoadCallers checks that the service is given who may post, from a
// file, or is open, said loudly: never both, never neither.
func TestLoadCallers(t *testing.T) {
	dir := t.TempDir()
	name, bad := filepath.Join(dir, "callers.json"), filepath.Join(dir, "bad.json")
	h := tokenHash(tokenOf("cgj"))
	if err := os.WriteFile(name, []byte(`{"`+h+`": "cgj"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, []byte(`{"`+h+`": "cgj", "extra": 1}`), 0o600); err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	got, err := loadCallers(name, false, &stderr)
	if diff := cmp.Diff(map[string]string{h: "cgj"}, got); diff != "" || err != nil || stderr.Len() != 0 {
		t.Errorf("loadCallers: %v, stderr %q; mismatch (-want +got):\n%s", err, stderr.String(), diff)
	}
	if got, err := loadCallers("", true, &stderr); got != nil || err != nil || !strings.Contains(stderr.String(), "-open: ANYONE MAY POST EVENTS AS ANY UNIT") {
		t.Errorf("loadCallers open = %v, %v, stderr %q; want no callers, said on stderr", got, err, stderr.String())
	}
	for _, tt := range []struct {
		name, file string
		open       bool
		want       string
	}{
		{"neither", "", false, "no -callers file"},
		{"both", name, true, "-callers and -open exclude each other"},
		{"no such file", filepath.Join(dir, "none.json"), false, "none.json"},
		{"a bad file", bad, false, "bad.json"},
	} {
		var stderr strings.Builder
		if _, err := loadCallers(tt.file, tt.open, &stderr); err == nil || !strings.Contains(err.Error(), tt.want) || stderr.Len() != 0 {
			t.Errorf("%s: loadCallers = %v, stderr %q; want an error naming %s", tt.name, err, stderr.String(), tt.want)
		}
	}
	if err := run([]string{"-catalog", "none.json"}, &stderr); err == nil || !strings.Contains(err.Error(), "no -callers file") {
		t.Errorf("run without -callers: %v; want an error naming -callers", err)
	}
}

// TestServeUntil: a service told to stop (SIGINT, SIGTERM) stops taking
// connections and lets the requests in flight end — a post whose event
// is committing gets its reply — before run returns and the pool closes.
func TestServeUntil(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	started, finished := make(chan struct{}), make(chan struct{})
	srv := newServer("", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		time.Sleep(300 * time.Millisecond) // an event committing
		close(finished)
		w.WriteHeader(http.StatusCreated)
	}))
	ctx, stop := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- serveUntil(ctx, srv, func() error { return srv.Serve(ln) }) }()
	reply := make(chan int, 1)
	go func() {
		status, _, err := send(http.Post("http://"+ln.Addr().String()+"/events", "application/json", nil))
		if err != nil {
			t.Error(err)
		}
		reply <- status
	}()
	<-started
	stop()
	if err := <-served; err != nil {
		t.Errorf("serveUntil = %v; want nil, the request in flight ended", err)
	}
	select {
	case <-finished:
	default:
		t.Error("serveUntil returned while a request was in flight")
	}
	if status := <-reply; status != http.StatusCreated {
		t.Errorf("the request in flight at the stop: %d; want its reply, 201", status)
	}
}

// TestServerTimeouts: the server bounds how long a client may take to
// send a request, headers and body, to read a reply, and to keep an idle
// connection: none is 0, which net/http takes as no bound.
func TestServerTimeouts(t *testing.T) {
	srv := newServer("localhost:0", http.NotFoundHandler())
	for name, d := range map[string]time.Duration{"ReadHeaderTimeout": srv.ReadHeaderTimeout, "ReadTimeout": srv.ReadTimeout,
		"WriteTimeout": srv.WriteTimeout, "IdleTimeout": srv.IdleTimeout} {
		if d <= 0 {
			t.Errorf("the server's %s is %v: a client may hold a connection for ever", name, d)
		}
	}
}
