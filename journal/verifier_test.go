package journal_test

import (
	"crypto/ed25519"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/mod/sumdb/note"

	"github.com/qingdan/qingdan/journal"
)

// ed25519Key returns the verifier key of name for the public key whose
// encoding is hexKey.
func ed25519Key(t *testing.T, name, hexKey string) string {
	t.Helper()
	pub, err := hex.DecodeString(hexKey)
	if err != nil {
		t.Fatal(err)
	}
	vkey, err := note.NewEd25519VerifierKey(name, ed25519.PublicKey(pub))
	if err != nil {
		t.Fatal(err)
	}
	return vkey
}

// forgedCheckpoint signs the checkpoint of the first n entries of j, as if by the
// key vkey of name, with the signature that verifies every message under
// the identity as public key: R the base point, S = 1.
func forgedCheckpoint(t *testing.T, j []byte, n int64, name, vkey string) []byte {
	t.Helper()
	tree, _ := signedTree(t, j, n, mustSigner(t, name))
	text := tree.Checkpoint(name).String()
	hash, err := hex.DecodeString(vkey[len(name)+1 : len(name)+9])
	if err != nil {
		t.Fatal(err)
	}
	base, _ := hex.DecodeString("5866666666666666666666666666666666666666666666666666666666666666")
	sig := append(append(hash, base...), append([]byte{1}, make([]byte, 31)...)...)
	return []byte(text + "\n— " + name + " " + base64.StdEncoding.EncodeToString(sig) + "\n")
}

// mustSigner returns some signer of name, only to build a tree.
func mustSigner(t *testing.T, name string) note.Signer {
	s, _, _ := keyFrom(t, name, 7)
	return s
}

// TestNewVerifierRefusesWeakKeys: a host that publishes the identity as
// its "public key" can sign any checkpoint, and so can anyone: note's
// verifier takes such a key and the forged checkpoint. NewVerifier
// refuses every key of small order, with either sign bit, and every
// encoding that is not canonical, which RFC 8032 and the Python verifier
// refuse and Go's Ed25519 takes; it takes a sound key.
func TestNewVerifierRefusesWeakKeys(t *testing.T) {
	const name = "forge.example/2020"
	identity := ed25519Key(t, name, "0100000000000000000000000000000000000000000000000000000000000000")
	j := corpusBase(t)
	msg := forgedCheckpoint(t, j, 3, name, identity)
	loose, err := note.NewVerifier(identity)
	if err != nil {
		t.Fatal(err)
	}
	if cp, err := journal.OpenCheckpoint(msg, loose); err != nil || cp.Size != 3 {
		t.Fatalf("the forged checkpoint under note.NewVerifier's verifier: %v, %v; the forgery this test guards against no longer works", cp, err)
	}
	weak := []string{
		"0000000000000000000000000000000000000000000000000000000000000000", // order 4
		"0100000000000000000000000000000000000000000000000000000000000000", // the identity
		"26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05", // order 8
		"c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a", // order 8
		"ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // order 2
		"edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // p: 0, not canonical
		"eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // p+1: 1, not canonical
		"ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // not canonical
	}
	for _, k := range weak {
		for _, sign := range []byte{0, 0x80} {
			b, _ := hex.DecodeString(k)
			b[31] |= sign
			vkey := ed25519Key(t, name, hex.EncodeToString(b))
			if v, err := journal.NewVerifier(vkey); v != nil || !errors.Is(err, journal.ErrInvalid) {
				t.Errorf("NewVerifier(%s) = %v, %v; want ErrInvalid", vkey, v, err)
			}
		}
	}
	_, _, sound := corpusKey(t)
	if v, err := journal.NewVerifier(sound); err != nil || v == nil {
		t.Errorf("NewVerifier of the corpus key: %v", err)
	}
	if _, err := journal.NewVerifier("not a key"); !errors.Is(err, journal.ErrInvalid) {
		t.Errorf("NewVerifier of no key: %v, want ErrInvalid", err)
	}

	// The Python verifier, written from the spec, refuses the forgery too.
	dir := t.TempDir()
	put := func(file string, b []byte) string {
		path := filepath.Join(dir, file)
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	got := runPython(t, []task{{Journal: put("j.jsonl", join(lines(j)[:3])), Key: identity, Checkpoints: []string{put("forged.checkpoint", msg)}}})
	if len(got) != 1 || got[0] != "bad-checkpoint" {
		t.Errorf("verify.py of the forged checkpoint under the identity key = %q, want bad-checkpoint", got)
	}
}

// FuzzNewVerifier: no key text makes NewVerifier panic; what it takes,
// note.NewVerifier takes too, with the same name and key hash, and what
// it refuses wraps ErrInvalid.
func FuzzNewVerifier(f *testing.F) {
	_, _, sound := corpusKey(f)
	f.Add(sound)
	f.Add("forge.example/2020+5c3a2b1d+AQEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
	f.Add("a+00000000+AQ==")
	f.Fuzz(func(t *testing.T, vkey string) {
		v, err := journal.NewVerifier(vkey)
		if err != nil {
			if v != nil || !errors.Is(err, journal.ErrInvalid) {
				t.Fatalf("NewVerifier(%q) = %v, %v; want nil and ErrInvalid", vkey, v, err)
			}
			return
		}
		loose, err := note.NewVerifier(vkey)
		if err != nil || loose.Name() != v.Name() || loose.KeyHash() != v.KeyHash() {
			t.Fatalf("NewVerifier(%q) took a key note.NewVerifier reads as %v, %v", vkey, loose, err)
		}
	})
}
