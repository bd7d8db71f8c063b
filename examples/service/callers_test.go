package main

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/qingdan/qingdan/matters"
)

// TestCallers: an event is its caller's. A post without a token the
// service knows is 401 and journals nothing; for each unit that would
// gain by speaking for another — a department approving its own
// extension or suspension as its sub-district, a sub-district answering
// the hotline's return visit as the hotline or supervising a department
// as the district's supervisor, a support unit resolving as the lead —
// the event that names the other is 403 and journals nothing, posted
// as its own it is the catalog's to refuse (422, not allowed), and posted
// by the unit it names it is accepted. An event without an actor is its
// caller's, in the reply and in the journal.
func TestCallers(t *testing.T) {
	c, year, cfg := withYear(t)
	pool := c.database(t, "callers")
	svc, url := serve(t, pool, cfg)
	first := year.subs[0]
	postAll(t, url, year.subs[:1])

	t.Run("unidentified", func(t *testing.T) {
		second := year.subs[1]
		second.Event.At = time.Time{} // as post posts it
		for _, tt := range []struct{ name, token, challenge string }{
			{"no token", "", `Bearer realm="qingdan"`},
			{"a token no one has", "token-nobody", `Bearer realm="qingdan", error="invalid_token"`},
			{"the hash of a caller's token", tokenHash(tokenOf(first.Event.Actor)), `Bearer realm="qingdan", error="invalid_token"`},
		} {
			head, _ := svc.Head(origin)
			resp, err := postEvent(url, tt.token, mustJSON(t, second))
			status, body, err := send(resp, err)
			if err != nil {
				t.Fatal(err)
			}
			if status != http.StatusUnauthorized || resp.Header.Get("WWW-Authenticate") != tt.challenge {
				t.Errorf("%s: %d %s, WWW-Authenticate %q; want 401, %q", tt.name, status, body, resp.Header.Get("WWW-Authenticate"), tt.challenge)
			}
			if got, _ := svc.Head(origin); got != head {
				t.Errorf("%s: the journal's head is %v; want %v, nothing journaled", tt.name, got, head)
			}
		}
	})

	t.Run("impersonations", func(t *testing.T) {
		for _, tt := range impersonations {
			sub, history := tt.find(year.subs)
			if len(history) == 0 {
				t.Fatalf("%s: the wuhu year has no %s to post", tt.name, tt.kind)
			}
			postAll(t, url, history)
			wrong := tt.wrong(history, sub.Event)
			head, _ := svc.Head(origin)
			if status, body := postAs(t, url, wrong, sub); status != http.StatusForbidden || !strings.Contains(body, errNotCaller.Error()) {
				t.Errorf("%s: %s posts %s#%d as %s: %d %s; want 403, an event being its caller's", tt.name, wrong, sub.Event.Matter, sub.Event.Seq, sub.Event.Actor, status, body)
			}
			own := sub
			own.Event.Actor = ""
			if status, body := postAs(t, url, wrong, own); status != http.StatusUnprocessableEntity || !strings.Contains(body, "actor not allowed") {
				t.Errorf("%s: %s posts %s#%d as its own: %d %s; want 422, not allowed", tt.name, wrong, sub.Event.Matter, sub.Event.Seq, status, body)
			}
			if got, _ := svc.Head(origin); got != head {
				t.Errorf("%s: the journal's head is %v; want %v, nothing journaled", tt.name, got, head)
			}
			if status, body := post(t, url, sub); status != http.StatusCreated {
				t.Errorf("%s: %s posts %s#%d itself: %d %s; want 201", tt.name, sub.Event.Actor, sub.Event.Matter, sub.Event.Seq, status, body)
			}
		}
	})

	t.Run("an actor left out", func(t *testing.T) {
		var subs []Submission
		for _, sub := range year.subs {
			if sub.Event.Matter == first.Event.Matter {
				subs = append(subs, sub)
			}
		}
		accept := subs[3]
		if accept.Event.Kind != matters.Accept {
			t.Fatalf("%s#4 is a %s; want an accept", accept.Event.Matter, accept.Event.Kind)
		}
		postAll(t, url, subs[1:3])
		dept := accept.Event.Actor
		accept.Event.Actor = ""
		status, body := postAs(t, url, dept, accept)
		var acc Accepted
		if err := json.Unmarshal([]byte(body), &acc); status != http.StatusCreated || err != nil || acc.Event.Actor != dept {
			t.Fatalf("%s posts its accept with no actor: %d %s; want 201, the event its", dept, status, body)
		}
		events := journalEvents(t, journalRows(t, pool))
		rows := rowCount(t, pool, "journal")
		if diff := cmp.Diff(acc.Event, events[len(events)-1]); diff != "" || acc.Head.Seq != int64(rows) {
			t.Errorf("the journal's last event (entry %d of %d) is not the one accepted, %s's, mismatch (-want +got):\n%s", acc.Head.Seq, rows, dept, diff)
		}
	})

	t.Run("an open service", func(t *testing.T) {
		open := withRegister(cfg, nil, false) // a local trial needs no register
		open.Callers, open.OpenPosts = nil, true
		_, url := serve(t, c.database(t, "open"), open)
		if status, body := postAs(t, url, "", first); status != http.StatusCreated {
			t.Errorf("an open service, the first event with no token: %d %s; want 201, by the actor it names", status, body)
		}
	})
}

// impersonation is an event of the wuhu year that a unit other than its
// actor would gain by posting.
type impersonation struct {
	name string
	kind matters.Kind
	// is says whether an event of the kind, after its matter's history,
	// is the one sought; wrong is who would post it.
	is    func(history []Submission, e matters.Event) bool
	wrong func(history []Submission, e matters.Event) string
}

var impersonations = []impersonation{
	{"a department approves its own extension as its sub-district", matters.Approve,
		func(h []Submission, e matters.Event) bool { return h[e.Ref-1].Event.Kind == matters.Extend },
		func(h []Submission, e matters.Event) string { return h[e.Ref-1].Event.Actor }},
	{"a department approves its own suspension as its sub-district", matters.Approve,
		func(h []Submission, e matters.Event) bool { return h[e.Ref-1].Event.Kind == matters.Suspend },
		func(h []Submission, e matters.Event) string { return h[e.Ref-1].Event.Actor }},
	{"a sub-district answers the hotline's return visit as the hotline", matters.Feedback,
		func(h []Submission, e matters.Event) bool {
			return e.Actor == h[0].Event.Actor && len(h[0].Event.Units) == 1 && h[0].Event.Units[0] != e.Actor
		},
		func(h []Submission, e matters.Event) string { return h[0].Event.Units[0] }},
	{"a sub-district supervises a department as the district's supervisor", matters.Supervise,
		func(h []Submission, e matters.Event) bool { return true },
		func(h []Submission, e matters.Event) string { return h[0].Event.Actor }},
	{"a support unit resolves as the lead", matters.Resolve,
		func(h []Submission, e matters.Event) bool { u := dispatched(h); return len(u) > 1 && e.Actor == u[0] },
		func(h []Submission, e matters.Event) string { return dispatched(h)[1] }},
}

// find returns the first event of subs that tt seeks, and its matter's
// events before it; none if there is none.
func (tt impersonation) find(subs []Submission) (Submission, []Submission) {
	history := map[string][]Submission{}
	for _, s := range subs {
		h := history[s.Event.Matter]
		if s.Event.Kind == tt.kind && len(h) > 0 && tt.is(h, s.Event) {
			return s, h
		}
		history[s.Event.Matter] = append(h, s)
	}
	return Submission{}, nil
}

// dispatched returns the units of a matter's dispatch, the lead first.
func dispatched(history []Submission) []string {
	i := slices.IndexFunc(history, func(s Submission) bool { return s.Event.Kind == matters.Dispatch })
	if i < 0 {
		return nil
	}
	return history[i].Event.Units
}

// testCallers knows two callers, as tokenOf posts.
var testCallers = map[string]string{tokenHash(tokenOf("cgj")): "cgj", tokenHash(tokenOf("tingtang")): "tingtang"}

// TestIdentify: a post's caller is the one its bearer token speaks for;
// no token, a token no one has, the hash of one (a leaked config) or
// anything but one header "Bearer <token>" is no caller.
func TestIdentify(t *testing.T) {
	cfg := Config{Callers: testCallers}
	for _, tt := range []struct {
		name   string
		auth   []string
		want   string
		wantIs error
	}{
		{"a caller", []string{"Bearer token-cgj"}, "cgj", nil},
		{"another", []string{"Bearer token-tingtang"}, "tingtang", nil},
		{"the scheme in another case", []string{"bearer token-cgj"}, "cgj", nil},
		{"no header", nil, "", errNoToken},
		{"another scheme", []string{"Basic token-cgj"}, "", errNoToken},
		{"no token", []string{"Bearer "}, "", errNoToken},
		{"no space", []string{"Bearer"}, "", errNoToken},
		{"two headers", []string{"Bearer token-cgj", "Bearer token-cgj"}, "", errNoToken},
		{"a token no one has", []string{"Bearer token-swj"}, "", errUnknownToken},
		{"a token with a space after it", []string{"Bearer token-cgj "}, "", errUnknownToken},
		{"the hash of a token", []string{"Bearer " + tokenHash(tokenOf("cgj"))}, "", errUnknownToken},
	} {
		r := httptest.NewRequest("POST", "/events", nil)
		for _, a := range tt.auth {
			r.Header.Add("Authorization", a)
		}
		got, err := cfg.identify(r)
		if got != tt.want || !errors.Is(err, tt.wantIs) || (err == nil) != (tt.wantIs == nil) {
			t.Errorf("%s: identify = %q, %v; want %q, %v", tt.name, got, err, tt.want, tt.wantIs)
		}
	}
}

// FuzzIdentify: identify never panics, and identifies a caller only by
// "Bearer " (in any case) and that caller's token.
func FuzzIdentify(f *testing.F) {
	f.Add("Bearer token-cgj")
	f.Add("bEaReR token-tingtang")
	f.Add("Bearer  token-cgj")
	f.Add("Basic x")
	f.Add("")
	f.Fuzz(func(t *testing.T, auth string) {
		r := httptest.NewRequest("POST", "/events", nil)
		r.Header["Authorization"] = []string{auth}
		id, err := (&Config{Callers: testCallers}).identify(r)
		if err != nil {
			return
		}
		if scheme, token := auth[:min(7, len(auth))], auth[min(7, len(auth)):]; !strings.EqualFold(scheme, "Bearer ") || tokenOf(id) != token {
			t.Fatalf("identify(%q) = %q; want an error", auth, id)
		}
	})
}

// TestReadCallers: a callers file is read strictly and checked: a key is
// the hex SHA-256 of a token — an error that names the ID, not the key
// (which may be a token put there by mistake) — an ID is no blank, and
// some caller is known.
func TestReadCallers(t *testing.T) {
	h := tokenHash(tokenOf("cgj"))
	got, err := readCallers(strings.NewReader(`{"` + h + `": "cgj", "` + tokenHash("t2") + `": "cgj"}`))
	if diff := cmp.Diff(map[string]string{h: "cgj", tokenHash("t2"): "cgj"}, got); diff != "" || err != nil {
		t.Errorf("readCallers: %v; mismatch (-want +got):\n%s", err, diff)
	}
	for _, tt := range []struct{ name, file, want string }{
		{"a token for a key", `{"token-cgj": "cgj"}`, `the key of caller "cgj" is not the lowercase hex SHA-256`},
		{"a key in capitals", `{"` + strings.ToUpper(h) + `": "cgj"}`, `the key of caller "cgj" is not the lowercase hex SHA-256`},
		{"a key cut short", `{"` + h[:62] + `": "cgj"}`, `the key of caller "cgj" is not the lowercase hex SHA-256`},
		{"no ID", `{"` + h + `": ""}`, `caller ` + h + `: the ID "" is empty`},
		{"an ID with a space", `{"` + h + `": "cgj "}`, `the ID "cgj " is empty or has spaces around it`},
		{"a key twice", `{"` + h + `": "cgj", "` + h + `": "swj"}`, `duplicate key`},
		{"no callers", `{}`, `no callers`},
		{"null", `null`, `no callers`},
		{"a list", `["cgj"]`, `an array where an object is wanted`},
		{"too long", `{"` + h + `": "` + strings.Repeat("x", maxCallersFile) + `"}`, `longer than`},
	} {
		_, err := readCallers(strings.NewReader(tt.file))
		if err == nil || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "token-cgj") {
			t.Errorf("%s: readCallers = %v; want an error saying %q, not the token", tt.name, err, tt.want)
		}
	}
}

// FuzzReadCallers: readCallers never panics, and what it accepts is a
// table Open takes, which it reads again, from its own JSON, the same.
func FuzzReadCallers(f *testing.F) {
	f.Add(`{"` + tokenHash("t") + `": "cgj"}`)
	f.Add(`{"` + tokenHash("t") + `": "cgj", "` + tokenHash("u") + `": "swj"}`)
	f.Add(`{"x": "cgj"}`)
	f.Add(`{}`)
	f.Fuzz(func(t *testing.T, file string) {
		callers, err := readCallers(strings.NewReader(file))
		if err != nil {
			return
		}
		if err := checkCallers(callers); err != nil || len(callers) == 0 {
			t.Fatalf("readCallers accepts %q, which checkCallers refuses: %v", file, err)
		}
		again, err := readCallers(strings.NewReader(mustJSON(t, callers)))
		if diff := cmp.Diff(callers, again); diff != "" || err != nil {
			t.Fatalf("read again: %v; mismatch (-want +got):\n%s", err, diff)
		}
	})
}

// TestOpenCallers: Open refuses a callers table that no token could
// match, and an open service given callers.
func TestOpenCallers(t *testing.T) {
	cfg := wuhuConfig(t)
	for _, tt := range []struct {
		name string
		edit func(*Config)
		want string
	}{
		{"a key not a hash", func(c *Config) { c.Callers = map[string]string{"token-cgj": "cgj"} }, `the key of caller "cgj"`},
		{"open, with callers", func(c *Config) { c.OpenPosts = true }, "an open service (OpenPosts) knows no callers"},
	} {
		bad := cfg
		tt.edit(&bad)
		if _, err := Open(context.Background(), nil, bad); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: Open = %v; want an error saying %q", tt.name, err, tt.want)
		}
	}
}
