package journal

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/qingdan/qingdan/internal/errtext"
	"github.com/qingdan/qingdan/internal/jsonx"
	"golang.org/x/mod/sumdb/note"
)

// Checkpoint is a published state of a journal's tree: its origin (the
// name of the journal, and of the key that signs it), its size (the number
// of entries) and the root hash of the tree of those entries. Signed, it is
// what a host publishes now and then — in the minutes of a monthly review,
// on a portal, to a witness — and what every later proof is checked
// against: [Verify] given it detects a journal that was cut short,
// rewritten or forked since; [VerifyConsistency] proves a later checkpoint
// extends it; a [Receipt] proves an entry in it.
//
// Its text, which is what is signed, is the C2SP tlog-checkpoint format
// (https://c2sp.org/tlog-checkpoint): three lines, each ending in a line
// feed — the origin, the size in decimal, the root in standard base64 with
// padding — and no extension line. Signed, it is a signed note
// (https://c2sp.org/signed-note) as golang.org/x/mod/sumdb/note writes
// it, with an Ed25519 signature by a key whose name is the origin. Its JSON
// form has the members origin, size and root (64 hexadecimal digits).
type Checkpoint struct {
	Origin string `json:"origin"`
	Size   int64  `json:"size"`
	Root   Hash   `json:"root"`
}

// maxNote bounds a signed checkpoint: a few hundred bytes in practice.
const maxNote = 64 << 10

// String returns the checkpoint's text, the bytes that are signed.
func (c Checkpoint) String() string {
	return c.Origin + "\n" + strconv.FormatInt(c.Size, 10) + "\n" + base64.StdEncoding.EncodeToString(c.Root[:]) + "\n"
}

// Sign returns the checkpoint signed by s: a signed note to publish. The
// signer's name must be the origin, and the checkpoint well formed (as
// [ParseCheckpoint] reads it), else the error wraps [ErrInvalid]; the
// signer's errors are returned wrapped. Make a key with note.GenerateKey
// and keep its signer key secret; the verifier key it returns alone checks
// what was signed.
func (c Checkpoint) Sign(s note.Signer) ([]byte, error) {
	if s == nil {
		panic("journal: Checkpoint.Sign: nil note.Signer")
	}
	text := c.String()
	if _, err := ParseCheckpoint([]byte(text)); err != nil {
		return nil, err
	}
	if s.Name() != c.Origin {
		return nil, fmt.Errorf("journal: a checkpoint of %s signed by the key of %s: %w", errtext.Quote(c.Origin), errtext.Quote(s.Name()), ErrInvalid)
	}
	msg, err := note.Sign(&note.Note{Text: text}, s)
	if err != nil {
		return nil, fmt.Errorf("journal: signing the checkpoint of %d entries: %w", c.Size, err)
	}
	return msg, nil
}

// OpenCheckpoint checks a signed checkpoint against the verifier of the
// journal's key ([NewVerifier] of the published verifier key) and
// returns it. A message without a valid signature by that key, or whose
// origin is not the key's name, is an error wrapping [ErrProof]; one that
// is not a signed checkpoint (more than 64 KiB, not a signed note, text
// that [ParseCheckpoint] refuses), one wrapping [ErrInvalid]. Signatures
// by other keys (a witness's cosignature) are allowed and not checked.
func OpenCheckpoint(msg []byte, v note.Verifier) (Checkpoint, error) {
	if v == nil {
		panic("journal: OpenCheckpoint: nil note.Verifier")
	}
	if len(msg) > maxNote {
		return Checkpoint{}, fmt.Errorf("journal: a signed checkpoint of %d bytes, over %d: %w", len(msg), maxNote, ErrInvalid)
	}
	n, err := note.Open(msg, note.VerifierList(v))
	if err != nil {
		var unverified *note.UnverifiedNoteError
		var invalid *note.InvalidSignatureError
		if errors.As(err, &unverified) || errors.As(err, &invalid) {
			return Checkpoint{}, fmt.Errorf("journal: the checkpoint is not signed by the key of %s: %v: %w", errtext.Quote(v.Name()), err, ErrProof)
		}
		return Checkpoint{}, fmt.Errorf("journal: not a signed checkpoint: %v: %w", err, ErrInvalid)
	}
	c, err := ParseCheckpoint([]byte(n.Text))
	if err != nil {
		return Checkpoint{}, err
	}
	if c.Origin != v.Name() {
		return Checkpoint{}, fmt.Errorf("journal: a checkpoint of %s signed by the key of %s: %w", errtext.Quote(c.Origin), errtext.Quote(v.Name()), ErrProof)
	}
	return c, nil
}

// ParseCheckpoint reads a checkpoint's text as [Checkpoint.String] writes
// it, and nothing else: a non-empty origin of valid UTF-8 without control
// characters, spaces or plus signs (it is a key name too); a size in
// decimal without leading zeros, from 0 to 10^18-1; a root of 32 bytes in
// standard base64 with padding; no extension line. Anything else is an
// error wrapping [ErrInvalid]. It checks no signature: see
// [OpenCheckpoint].
func ParseCheckpoint(text []byte) (Checkpoint, error) {
	bad := func(why string) (Checkpoint, error) {
		return Checkpoint{}, fmt.Errorf("journal: checkpoint %s: %s: %w", errtext.Quote(string(text)), why, ErrInvalid)
	}
	if len(text) > maxNote {
		return bad("too long")
	}
	lines := bytes.SplitAfter(text, []byte("\n"))
	if len(lines) != 4 || len(lines[3]) != 0 {
		return bad("want three lines, each ending in a line feed")
	}
	origin := string(bytes.TrimSuffix(lines[0], []byte("\n")))
	if origin == "" || !utf8.ValidString(origin) || !keyName(origin) {
		return bad("the origin is empty or holds a space, a control character or a plus sign")
	}
	size := string(bytes.TrimSuffix(lines[1], []byte("\n")))
	n, err := strconv.ParseInt(size, 10, 64)
	if err != nil || n < 0 || n > maxSeq || strconv.FormatInt(n, 10) != size {
		return bad("the size is not a decimal number from 0 to 10^18-1")
	}
	root := string(bytes.TrimSuffix(lines[2], []byte("\n")))
	var c Checkpoint
	if b, err := base64.StdEncoding.DecodeString(root); err != nil || len(b) != len(c.Root) ||
		base64.StdEncoding.EncodeToString(b) != root {
		return bad("the root is not 32 bytes in standard base64")
	} else {
		copy(c.Root[:], b)
	}
	c.Origin, c.Size = origin, n
	return c, nil
}

// checkpointJSON is a checkpoint's JSON form as it is read: a member left
// out, or null, is nil.
type checkpointJSON struct {
	Origin *string `json:"origin"`
	Size   *int64  `json:"size"`
	Root   *Hash   `json:"root"`
}

// UnmarshalJSON reads the checkpoint's JSON form strictly: the members
// origin, size and root, each once, spelt so and none null, and no other;
// and a checkpoint that [ParseCheckpoint] reads from its text. Anything
// else is an error wrapping [ErrInvalid], and leaves c unchanged.
func (c *Checkpoint) UnmarshalJSON(b []byte) error {
	var w checkpointJSON
	if err := jsonx.Decode(b, &w); err != nil {
		return jsonx.WrapPart(err, ErrInvalid, "journal: checkpoint")
	}
	if w.Origin == nil || w.Size == nil || w.Root == nil {
		return fmt.Errorf("journal: checkpoint: want its origin, size and root: %w", ErrInvalid)
	}
	cp, err := ParseCheckpoint([]byte(Checkpoint{Origin: *w.Origin, Size: *w.Size, Root: *w.Root}.String()))
	if err != nil {
		return err
	}
	*c = cp
	return nil
}

// keyName reports whether s can name a note key: no space, control
// character or plus sign.
func keyName(s string) bool {
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) || r == '+' {
			return false
		}
	}
	return true
}
