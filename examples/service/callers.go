package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"slices"
	"strings"

	"github.com/qingdan/qingdan/internal/jsonx"
)

// Callers: the caller's identity decides an event's actor, as the
// service's clock decides its time. The catalog's checks — who may
// approve a request, resolve a matter, answer a return visit, supervise —
// all read Event.Actor; an actor a client named for itself would let a
// department approve its own extension "as" its sub-district. So a
// client posts with a bearer token, the service knows the unit or body
// each token speaks for (Config.Callers), and an event is that caller's:
// one that names another actor is refused.

// maxCallersFile is the largest callers file read: about 12,000 callers.
const maxCallersFile = 1 << 20

// errNoToken is a post without a bearer token, and errUnknownToken one
// with a token the service does not know: 401, the service not knowing
// who posts.
var (
	errNoToken      = errors.New("no caller: post with the header Authorization: Bearer <token>")
	errUnknownToken = errors.New("the bearer token is no caller's")
)

// errNotCaller is an event that names an actor other than its caller: an
// event is its caller's (403).
var errNotCaller = errors.New("an event's actor is its caller: leave actor out, or name yourself")

// tokenHash returns the key Config.Callers knows a bearer token by: the
// lowercase hex of its SHA-256.
func tokenHash(token string) string {
	h := sha256.Sum256([]byte(token))
	return hex.EncodeToString(h[:])
}

// checkCallers checks a callers table: each key the lowercase hex of a
// SHA-256 (tokenHash's form; another never matches a token), each value
// an ID, not empty and without spaces around it. Several tokens may
// speak for one ID (a token replaced, kept a while).
func checkCallers(callers map[string]string) error {
	for _, h := range slices.Sorted(maps.Keys(callers)) {
		b, err := hex.DecodeString(h)
		id := callers[h]
		if err != nil || len(b) != sha256.Size || hex.EncodeToString(b) != h {
			// Not the key, which may be a token put there by mistake.
			return fmt.Errorf("the key of caller %q is not the lowercase hex SHA-256 of a token (printf %%s \"$token\" | sha256sum)", id)
		}
		if id == "" || strings.TrimSpace(id) != id {
			return fmt.Errorf("caller %s: the ID %q is empty or has spaces around it", h, id)
		}
	}
	return nil
}

// readCallers reads a callers table, {"<sha256 hex of a token>": "<ID>",
// ...}, strictly (a key given twice is an error) and bounded
// (maxCallersFile), and checks it (checkCallers). None is an error: the
// service would let no one post.
func readCallers(r io.Reader) (map[string]string, error) {
	var callers map[string]string
	if err := jsonx.Read(r, maxCallersFile, &callers); err != nil {
		return nil, err
	}
	if len(callers) == 0 {
		return nil, errors.New("no callers: no one could post")
	}
	return callers, checkCallers(callers)
}

// identify returns the ID of the caller of r, the unit or body its bearer
// token speaks for (Config.Callers), or an error wrapping errNoToken (no
// header Authorization: Bearer <token>, or more than one) or
// errUnknownToken. The token is hashed and its hash looked up: a lookup
// whose time depends on the stored hash it meets tells an attacker how
// far the SHA-256 of her guess agrees with one, which brings her no
// nearer a token that has it, so no comparison in constant time is
// needed; and the config holds no token to leak.
func (c *Config) identify(r *http.Request) (string, error) {
	auth := r.Header.Values("Authorization")
	if len(auth) == 0 {
		return "", errNoToken
	}
	scheme, token, ok := strings.Cut(auth[0], " ")
	if len(auth) != 1 || !ok || !strings.EqualFold(scheme, "Bearer") || token == "" {
		return "", fmt.Errorf("%w (one header, one token)", errNoToken)
	}
	id, ok := c.Callers[tokenHash(token)]
	if !ok {
		return "", errUnknownToken
	}
	return id, nil
}

// unidentified replies 401 to a post whose caller is not known, with the
// challenge of RFC 6750: a token it did not know is an invalid_token.
func unidentified(w http.ResponseWriter, err error) {
	challenge := `Bearer realm="qingdan"`
	if errors.Is(err, errUnknownToken) {
		challenge += `, error="invalid_token"`
	}
	w.Header().Set("WWW-Authenticate", challenge)
	reply(w, http.StatusUnauthorized, err)
}
