package main

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

// postgresDirs is where a distribution installs PostgreSQL's programs.
const postgresDirs = "/usr/lib/postgresql/*/bin"

// postgresBin finds the directory of initdb and pg_ctl: on PATH, else
// the one of the directories dirs matches that holds both, of the newest
// version (its parent's name: 9.6, 15, 16).
func postgresBin(dirs string) (string, error) {
	if p, err := exec.LookPath("initdb"); err == nil {
		if _, err := exec.LookPath("pg_ctl"); err == nil {
			return filepath.Dir(p), nil
		}
	}
	found, _ := filepath.Glob(dirs)
	slices.SortFunc(found, func(a, b string) int {
		return compareVersions(filepath.Base(filepath.Dir(b)), filepath.Base(filepath.Dir(a)))
	})
	for _, dir := range found {
		if isFile(filepath.Join(dir, "initdb")) && isFile(filepath.Join(dir, "pg_ctl")) {
			return dir, nil
		}
	}
	return "", fmt.Errorf("initdb and pg_ctl are not on PATH nor in %s: install PostgreSQL (apt-get install postgresql)", dirs)
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
// the test ends.
type cluster struct {
	bin, dir, sock string
	port           int
	cred           *syscall.Credential // when the test runs as root, the postgres user's
}

// startCluster starts a cluster. Without PostgreSQL it fails under CI
// (QINGDAN_CI=1) and skips elsewhere.
func startCluster(t *testing.T) *cluster {
	t.Helper()
	bin, err := postgresBin(postgresDirs)
	if err != nil {
		if os.Getenv("QINGDAN_CI") != "" {
			t.Fatalf("the service's test needs PostgreSQL: %v", err)
		}
		t.Skipf("no PostgreSQL here (QINGDAN_CI unset, so not a failure): %v", err)
	}
	c := &cluster{bin: bin, port: 20000 + os.Getpid()%20000}
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
	t.Cleanup(func() { c.pgctl("stop", "-m", "immediate") })
	opts := fmt.Sprintf("-k %s -p %d -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off", c.sock, c.port)
	if out, err := c.pgctl("start", "-w", "-t", "60", "-l", filepath.Join(base, "log"), "-o", opts); err != nil {
		log, _ := os.ReadFile(filepath.Join(base, "log"))
		t.Fatalf("pg_ctl start: %v\n%s\n%s", err, out, log)
	}
	return c
}

func (c *cluster) command(name string, args ...string) *exec.Cmd {
	cmd := exec.Command(filepath.Join(c.bin, name), args...)
	if c.cred != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: c.cred}
	}
	cmd.Dir = c.sock
	return cmd
}

func (c *cluster) run(t *testing.T, name string, args ...string) {
	t.Helper()
	if out, err := c.command(name, args...).CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", name, err, out)
	}
}

func (c *cluster) pgctl(args ...string) ([]byte, error) {
	return c.command("pg_ctl", append(args, "-D", c.dir)...).CombinedOutput()
}

// database creates a database and returns a pool on it, closed when the
// test ends.
func (c *cluster) database(t *testing.T, name string) *pgxpool.Pool {
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
func (c *cluster) pool(t *testing.T, db string) *pgxpool.Pool {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	p, err := pgxpool.New(ctx, fmt.Sprintf("host=%s port=%d user=postgres dbname=%s sslmode=disable", c.sock, c.port, db))
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
	// and a newer one whose pg_ctl is missing.
	for v, names := range map[string][]string{"9.6": {"initdb", "pg_ctl"}, "14": {"initdb", "pg_ctl"}, "16": {"initdb", "pg_ctl"}, "17": {"initdb"}} {
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
