package journal

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"strings"

	"golang.org/x/mod/sumdb/note"

	"github.com/qingdan/qingdan/internal/errtext"
)

// NewVerifier reads a journal's published verifier key
// ("<name>+<hash>+<key>", as note.NewVerifier reads it) and returns its
// verifier, for [OpenCheckpoint] and [Receipt.Verify]. Beyond what
// note.NewVerifier checks, it refuses an Ed25519 key that proves nothing
// of its holder: a point of small order (such as the identity, for which
// anyone can sign any checkpoint: R the base point and S = 1 verify
// every message), and an encoding that is not canonical (its y at least
// 2²⁵⁵−19), which Go's Ed25519 accepts and RFC 8032, and so other
// verifiers, refuse. An outsider reads the key they were given with
// NewVerifier rather than note.NewVerifier. Errors wrap [ErrInvalid].
func NewVerifier(vkey string) (note.Verifier, error) {
	v, err := note.NewVerifier(vkey)
	if err != nil {
		return nil, fmt.Errorf("journal: verifier key %s: %v: %w", errtext.Quote(vkey), err, ErrInvalid)
	}
	// note.NewVerifier took it, so it is name+hash+base64(0x01 || 32 bytes).
	_, rest, _ := strings.Cut(vkey, "+")
	_, b64, _ := strings.Cut(rest, "+")
	key, err := base64.StdEncoding.DecodeString(b64)
	if err != nil || len(key) != 33 {
		return nil, fmt.Errorf("journal: verifier key %s: not an Ed25519 key: %w", errtext.Quote(vkey), ErrInvalid)
	}
	if why := weakKey(key[1:]); why != "" {
		return nil, fmt.Errorf("journal: verifier key %s: %s, which proves nothing of who signed: %w", errtext.Quote(vkey), why, ErrInvalid)
	}
	return v, nil
}

// smallOrder holds the y coordinates, little-endian, of the eight points
// of order dividing 8 on Ed25519 (two points share each y but 0 and 1,
// told apart by the sign bit NewVerifier ignores): 0 (order 4), 1 (the
// identity), the two of order 8, and −1 (order 2).
var smallOrder = [...][32]byte{
	{},
	{1},
	{0x26, 0xe8, 0x95, 0x8f, 0xc2, 0xb2, 0x27, 0xb0, 0x45, 0xc3, 0xf4, 0x89, 0xf2, 0xef, 0x98, 0xf0,
		0xd5, 0xdf, 0xac, 0x05, 0xd3, 0xc6, 0x33, 0x39, 0xb1, 0x38, 0x02, 0x88, 0x6d, 0x53, 0xfc, 0x05},
	{0xc7, 0x17, 0x6a, 0x70, 0x3d, 0x4d, 0xd8, 0x4f, 0xba, 0x3c, 0x0b, 0x76, 0x0d, 0x10, 0x67, 0x0f,
		0x2a, 0x20, 0x53, 0xfa, 0x2c, 0x39, 0xcc, 0xc6, 0x4e, 0xc7, 0xfd, 0x77, 0x92, 0xac, 0x03, 0x7a},
	{0xec, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f},
}

// weakKey says what is wrong with an Ed25519 public key that proves
// nothing: "" if nothing is.
func weakKey(pub []byte) string {
	var y [32]byte
	copy(y[:], pub)
	y[31] &= 0x7f // the sign of x
	// y ≥ p = 2²⁵⁵−19: 0x7f, thirty 0xff, then at least 0xed, little-endian.
	if y[31] == 0x7f && bytes.Count(y[1:31], []byte{0xff}) == 30 && y[0] >= 0xed {
		return "a key whose encoding is not canonical"
	}
	for _, s := range smallOrder {
		if y == s {
			return "a key of small order"
		}
	}
	return ""
}
