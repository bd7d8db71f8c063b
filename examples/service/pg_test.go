package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// postgresDirs is where a distribution installs PostgreSQL's programs.
const postgresDirs = "/usr/lib/postgresql/*/bin"

// postgresBin finds the directory of initdb and postgres (the server):
// on PATH, else the one of the directories dirs matches that holds both,
// of the newest version (its parent's name: 9.6, 15, 16).
func postgresBin(dirs string) (string, error) {
	if p, err := exec.LookPath("initdb"); err == nil {
		if q, err := exec.LookPath("postgres"); err == nil && filepath.Dir(q) == filepath.Dir(p) {
			return filepath.Dir(p), nil
		}
	}
	found, _ := filepath.Glob(dirs)
	slices.SortFunc(found, func(a, b string) int {
		return compareVersions(filepath.Base(filepath.Dir(b)), filepath.Base(filepath.Dir(a)))
	})
	for _, dir := range found {
		if isFile(filepath.Join(dir, "initdb")) && isFile(filepath.Join(dir, "postgres")) {
			return dir, nil
		}
	}
	return "", fmt.Errorf("initdb and postgres are not on PATH nor in %s: install PostgreSQL (apt-get install postgresql)", dirs)
}

// compareVersions compares versions such as 9.6 and 15 number by number;
// a part that is not a number compares as text after the numbers.
func compareVersions(a, b string) int {
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(as) && i < len(bs); i++ {
		x, errx := strconv.Atoi(as[i])
		y, erry := strconv.Atoi(bs[i])
		var c int
		switch {
		case errx == nil && erry == nil:
			c = cmp.Compare(x, y)
		case errx == nil:
			c = -1
		case erry == nil:
			c = 1
		default:
			c = strings.Compare(as[i], bs[i])
		}
		if c != 0 {
			return c
		}
	}
	return cmp.Compare(len(as), len(bs))
}

func isFile(name string) bool {
	fi, err := os.Stat(name)
	return err == nil && fi.Mode().IsRegular()
}

// cluster is a throwaway PostgreSQL cluster: its own data directory,
// socket directory and port, no TCP, fsync off, stopped and removed when
// the test ends — also when it fails, panics or times out: its server is a
// child of the test's process, told to shut down when that process dies.
type cluster struct {
	bin, dir, sock string
	port           int
	cred           *syscall.Credential // when the test runs as root, the postgres user's
	server         *os.Process
	exited         chan error // the server's exit, once
}

// needPostgres returns the directory of PostgreSQL's programs. Without
// PostgreSQL it fails under CI (QINGDAN_CI=1) and skips elsewhere.
func needPostgres(t testing.TB) string {
	t.Helper()
	bin, err := postgresBin(postgresDirs)
	if err != nil {
		if os.Getenv("QINGDAN_CI") != "" {
			t.Fatalf("the service's test needs PostgreSQL: %v", err)
		}
		t.Skipf("no PostgreSQL here (QINGDAN_CI unset, so not a failure): %v", err)
	}
	return bin
}

// startCluster starts a cluster. Without PostgreSQL it fails under CI
// (QINGDAN_CI=1) and skips elsewhere.
func startCluster(t testing.TB) *cluster {
	t.Helper()
	c := &cluster{bin: needPostgres(t), port: 20000 + os.Getpid()%20000}
	base, err := os.MkdirTemp("", "qingdan-pg-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(base) })
	c.dir, c.sock = filepath.Join(base, "data"), filepath.Join(base, "sock")
	for _, d := range []string{c.dir, c.sock} {
		if err := os.Mkdir(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	if os.Geteuid() == 0 { // initdb refuses to run as root: run it as postgres
		u, err := user.Lookup("postgres")
		if err != nil {
			t.Fatalf("running as root, the cluster needs the postgres user: %v", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		c.cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
		for _, d := range []string{base, c.dir, c.sock} {
			if err := os.Chown(d, uid, gid); err != nil {
				t.Fatal(err)
			}
		}
	}
	c.run(t, "initdb", "-D", c.dir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync")
	logName := filepath.Join(base, "log")
	if err := c.start(logName); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := c.stop(); err != nil {
			t.Errorf("stopping the cluster in %s: %v", base, err)
		}
	})
	if err := c.ready(60 * time.Second); err != nil {
		log, _ := os.ReadFile(logName)
		t.Fatalf("%v; its log:\n%s", err, log)
	}
	return c
}

// start starts the server, its output to the file logName. The server is
// the test process's child, not a daemon as pg_ctl makes it: it gets
// SIGQUIT (immediate shutdown) when the thread that started it ends, and
// that thread, locked to the goroutine that waits for the server, ends
// with the server or with the process.
func (c *cluster) start(logName string) error {
	log, err := os.Create(logName)
	if err != nil {
		return err
	}
	if c.cred != nil {
		if err := log.Chown(int(c.cred.Uid), int(c.cred.Gid)); err != nil {
			log.Close()
			return err
		}
	}
	cmd := c.command("postgres", "-D", c.dir, "-k", c.sock, "-p", strconv.Itoa(c.port), "-c", "listen_addresses=",
		"-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off")
	cmd.Stdout, cmd.Stderr = log, log
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	dieWithParent(cmd.SysProcAttr)
	started := make(chan error, 1)
	c.exited = make(chan error, 1)
	go func() {
		runtime.LockOSThread() // never unlocked: the thread ends with this goroutine
		defer log.Close()
		if err := cmd.Start(); err != nil {
			started <- fmt.Errorf("starting postgres: %w", err)
			return
		}
		started <- nil
		c.exited <- cmd.Wait()
	}()
	if err := <-started; err != nil {
		return err
	}
	c.server = cmd.Process
	return nil
}

// ready waits until the server takes connections, or exits, or limit
// passes.
func (c *cluster) ready(limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		conn, err := pgx.Connect(ctx, c.conninfo("postgres"))
		cancel()
		if err == nil {
			return conn.Close(context.Background())
		}
		select {
		case exit := <-c.exited:
			c.exited <- exit // for stop
			return fmt.Errorf("postgres exited before taking connections: %v", exit)
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("postgres takes no connections after %v: %w", limit, err)
		}
	}
}

// stop shuts the server down at once (SIGQUIT: nothing of a throwaway
// cluster needs saving) and waits for it, killing it after 30 s.
func (c *cluster) stop() error {
	if err := c.server.Signal(syscall.SIGQUIT); err != nil && !errors.Is(err, os.ErrProcessDone) {
		return err
	}
	select {
	case <-c.exited:
		return nil
	case <-time.After(30 * time.Second):
		c.server.Kill()
		<-c.exited
		return errors.New("postgres did not stop within 30 s of SIGQUIT: killed")
	}
}

func (c *cluster) conninfo(db string) string {
	return fmt.Sprintf("host=%s port=%d user=postgres dbname=%s sslmode=disable", c.sock, c.port, db)
}

func (c *cluster) command(name string, args ...string) *exec.Cmd {
	cmd := exec.Command(filepath.Join(c.bin, name), args...)
	if c.cred != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: c.cred}
	}
	cmd.Dir = c.sock
	return cmd
}

func (c *cluster) run(t testing.TB, name string, args ...string) {
	t.Helper()
	if out, err := c.command(name, args...).CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", name, err, out)
	}
}

// database creates a database and returns a pool on it, closed when the
// test ends.
func (c *cluster) database(t testing.TB, name string) *pgxpool.Pool {
	t.Helper()
	ctx := context.Background()
	admin := c.pool(t, "postgres")
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatal(err)
	}
	admin.Close()
	return c.pool(t, name)
}

// pool opens a pool on a database, closed when the test ends.
func (c *cluster) pool(t testing.TB, db string) *pgxpool.Pool {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	p, err := pgxpool.New(ctx, c.conninfo(db))
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Ping(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Close)
	return p
}

// TestPostgresBin checks that the test finds PostgreSQL where a
// distribution puts it, and says what to do when it is missing.
func TestPostgresBin(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	if dir, err := postgresBin(filepath.Join(t.TempDir(), "*", "bin")); err == nil || !strings.Contains(err.Error(), "apt-get install postgresql") {
		t.Errorf("without PostgreSQL: %q, %v; want an error saying how to install it", dir, err)
	}
	root := t.TempDir()
	// Versions as a distribution names them (9.6 sorts after 16 as text),
	// and a newer one whose server is missing.
	for v, names := range map[string][]string{"9.6": {"initdb", "postgres"}, "14": {"initdb", "postgres"}, "16": {"initdb", "postgres"}, "17": {"initdb", "pg_ctl"}} {
		bin := filepath.Join(root, v, "bin")
		if err := os.MkdirAll(bin, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, name := range names {
			if err := os.WriteFile(filepath.Join(bin, name), nil, 0o755); err != nil {
				t.Fatal(err)
			}
		}
	}
	if dir, err := postgresBin(filepath.Join(root, "*", "bin")); err != nil || dir != filepath.Join(root, "16", "bin") {
		t.Errorf("postgresBin = %q, %v; want the newest with both programs, %s", dir, err, filepath.Join(root, "16", "bin"))
	}
}

// TestClusterDiesWithTheTest starts a cluster in a test process that then
// dies without its cleanup (as a panic off the test's goroutine or a
// -timeout ends it) and requires the cluster's server to go with it.
func TestClusterDiesWithTheTest(t *testing.T) {
	if out := os.Getenv("QINGDAN_PG_CHILD"); out != "" { // the dying test process
		c := startCluster(t)
		if err := os.WriteFile(out, fmt.Appendf(nil, "%d %s", c.server.Pid, filepath.Dir(c.dir)), 0o644); err != nil {
			t.Fatal(err)
		}
		os.Exit(3)
	}
	needPostgres(t)
	out := filepath.Join(t.TempDir(), "server")
	cmd := exec.Command(os.Args[0], "-test.run=^TestClusterDiesWithTheTest$", "-test.count=1")
	cmd.Env = append(os.Environ(), "QINGDAN_PG_CHILD="+out)
	b, err := cmd.CombinedOutput()
	if exit, ok := err.(*exec.ExitError); !ok || exit.ExitCode() != 3 {
		t.Fatalf("the test process that starts a cluster and dies: %v\n%s", err, b)
	}
	b, err = os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var pid int
	var base string
	if _, err := fmt.Sscanf(string(b), "%d %s", &pid, &base); err != nil {
		t.Fatalf("%q: %v", b, err)
	}
	defer os.RemoveAll(base)
	for deadline := time.Now().Add(30 * time.Second); alive(pid); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			syscall.Kill(pid, syscall.SIGKILL)
			t.Fatalf("the server (pid %d) still runs 30 s after its test process died: killed", pid)
		}
	}
}

// alive reports whether the process pid runs: it exists and, where /proc
// says so, is not a zombie that nobody has reaped yet.
func alive(pid int) bool {
	if syscall.Kill(pid, 0) != nil {
		return false
	}
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	return err != nil || !strings.Contains(string(stat), ") Z ")
}
