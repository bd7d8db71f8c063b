package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/qingdan/qingdan/cmd/qingdan/internal/command"
)

// TestKeygenRefusesWhatNoCheckpointCarries: a name that a signed note
// takes but a checkpoint's origin cannot be (a control character, which
// is no space) would give a signer key that signs no checkpoint; keygen
// refuses it, as checkpoint -origin does, and writes no key.
func TestKeygenRefusesWhatNoCheckpointCarries(t *testing.T) {
	for _, name := range []string{"wuhu\x7fjournal", "wuhu\u0080journal", "wuhu\u009fjournal"} {
		signer := filepath.Join(t.TempDir(), "k.key")
		var stdout, stderr bytes.Buffer
		code := run(&command.Env{Stdout: &stdout, Stderr: &stderr}, []string{"journal", "keygen", "-name", name, "-signer", signer})
		if code != command.Usage || stdout.Len() != 0 {
			t.Errorf("keygen -name %q: exit %d, stdout %q; want %d and nothing", name, code, stdout.String(), command.Usage)
		}
		if _, err := os.Stat(signer); !os.IsNotExist(err) {
			t.Errorf("keygen -name %q wrote a signer key (%v)", name, err)
		}
	}
}
