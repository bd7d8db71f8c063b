package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/qingdan/qingdan/journal"
	"github.com/qingdan/qingdan/scoring"
)

// maxBody is the largest request body read: an event is a few hundred
// bytes.
const maxBody = 64 << 10

// handler serves the service's HTTP JSON API:
//
//	POST /events              {"event": {...}, "quality": {"unit": 4}}, the event without its time, its caller's,
//	                          with Authorization: Bearer <token> → 201 {"head", "event", "evaluations", "amendments"}
//	GET  /scores?period=P     the ranked scores of the period (2020, 2020-06, 2020-06-01, 2020-W23), nothing else
//	GET  /matters/{id}        the matter's history, its evaluations (amended) with their reasons, all its amendments
//	GET  /journal             the journal's head and its checkpoint (signed if the service has a key), kept first
//	GET  /key                 {"verifier": "<name>+<hash>+<key>", "retired": [...]}, the verifier key of the checkpoints (and of those signed before, with keys retired: Config.Retired)
//	GET  /receipts?matter=M   the receipts of the matter's entries, JSON Lines, against a checkpoint kept first
//	GET  /receipts?subject=U  the receipts of the unit's evaluations and amendments, likewise
//	     …&after=N            a page (Config.ReceiptsPage) after entry N; Link: <next page>; rel="next" while there are more
//	GET  /consistency?from=N  {"from", "checkpoint", "proof"}: the checkpoint kept now extends the first N entries
//
// Only a post needs a token: the reads are for outsiders. Errors are
// {"error": "..."}: 401 for a post without a token the service knows
// (with WWW-Authenticate), 403 for an event that names an actor other
// than its caller; 415 for a body not posted as JSON in UTF-8
// (Content-Type: application/json), 413 for one over maxBody; 400 for a
// request that does not decode, an event that gives its time, or a bad
// query; 404 and 405 for a path or a method that is no route; 422 for an event the
// lifecycle, the lists or the grading refuse; 404 for no such matter or
// subject, and for the key of a service without one; 409 for receipts of
// a service without a key; 503 when the database fails or does not
// answer in time (Config.CommitTimeout), naming the event or what was
// read, or when its rows are not the journal the service holds.
func handler(s *Service, origin string) http.Handler {
	mux := newMux(s, origin)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, pattern := mux.Handler(r); pattern != "" {
			mux.ServeHTTP(w, r)
			return
		}
		// No route: the mux would reply in text/plain; every error is JSON.
		var allow []string
		for _, m := range []string{http.MethodGet, http.MethodPost} {
			as := r.Clone(r.Context())
			as.Method = m
			if _, pattern := mux.Handler(as); pattern != "" {
				allow = append(allow, m)
			}
		}
		status := http.StatusNotFound
		if allow != nil {
			status = http.StatusMethodNotAllowed
			w.Header().Set("Allow", strings.Join(allow, ", "))
		}
		reply(w, status, fmt.Errorf("no route %s %s: %s", r.Method, r.URL.Path, http.StatusText(status)))
	})
}

// newMux returns the mux of handler's routes.
func newMux(s *Service, origin string) *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /events", func(w http.ResponseWriter, r *http.Request) {
		var caller string
		if !s.cfg.OpenPosts {
			var err error
			if caller, err = s.cfg.identify(r); err != nil {
				unidentified(w, err)
				return
			}
		}
		if err := jsonBody(r); err != nil {
			reply(w, http.StatusUnsupportedMediaType, err)
			return
		}
		var sub Submission
		if err := decode(w, r, &sub); err != nil {
			status := http.StatusBadRequest
			if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
				status = http.StatusRequestEntityTooLarge
			}
			reply(w, status, err)
			return
		}
		if s.cfg.OpenPosts {
			caller = sub.Event.Actor // the client's word: for local trials only
		}
		acc, err := s.Accept(r.Context(), caller, sub)
		if err != nil {
			reply(w, status(err), err)
			return
		}
		reply(w, http.StatusCreated, acc)
	})
	mux.HandleFunc("GET /scores", func(w http.ResponseWriter, r *http.Request) {
		_, period, ok := one(r.URL.Query(), "period")
		if !ok {
			reply(w, http.StatusBadRequest, fmt.Errorf("the scores of one period, ?period=P (2020, 2020-06, 2020-06-01, 2020-W23), and nothing else: %q", r.URL.RawQuery))
			return
		}
		p, err := scoring.ParsePeriod(period)
		if err != nil {
			reply(w, http.StatusBadRequest, err)
			return
		}
		reply(w, http.StatusOK, s.Scores(p))
	})
	mux.HandleFunc("GET /matters/{id}", func(w http.ResponseWriter, r *http.Request) {
		v, ok := s.Matter(r.PathValue("id"))
		if !ok {
			reply(w, http.StatusNotFound, fmt.Errorf("no matter %q", r.PathValue("id")))
			return
		}
		reply(w, http.StatusOK, v)
	})
	mux.HandleFunc("GET /journal", func(w http.ResponseWriter, r *http.Request) {
		head, cp, err := s.Publish(r.Context(), origin)
		if err != nil {
			reply(w, status(err), err)
			return
		}
		reply(w, http.StatusOK, struct {
			Head       journal.Head `json:"head"`
			Checkpoint string       `json:"checkpoint"`
		}{head, string(cp)})
	})
	mux.HandleFunc("GET /key", func(w http.ResponseWriter, r *http.Request) {
		if s.cfg.Verifier == "" {
			reply(w, http.StatusNotFound, errors.New("the service has no key (-key, -verifier): its checkpoints are not signed"))
			return
		}
		reply(w, http.StatusOK, struct {
			Verifier string   `json:"verifier"`
			Retired  []string `json:"retired,omitempty"`
		}{s.cfg.Verifier, s.cfg.Retired})
	})
	mux.HandleFunc("GET /receipts", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		var after int64
		a, paged := q["after"]
		delete(q, "after")
		of, id, ok := one(q, "matter", "subject")
		if paged {
			var err error
			after, err = strconv.ParseInt(a[0], 10, 64)
			ok = ok && len(a) == 1 && err == nil
		}
		if !ok {
			reply(w, http.StatusBadRequest, fmt.Errorf("receipts of one matter (?matter=M) or of one subject (?subject=U), after an entry if given (&after=N), and nothing else: %q", r.URL.RawQuery))
			return
		}
		var rcs []*journal.Receipt
		var more bool
		var err error
		if of == "matter" {
			rcs, more, err = s.MatterReceipts(r.Context(), origin, id, after)
		} else {
			rcs, more, err = s.SubjectReceipts(r.Context(), origin, id, after)
		}
		if err != nil {
			reply(w, status(err), err)
			return
		}
		if more {
			next := url.Values{of: {id}, "after": {strconv.FormatInt(rcs[len(rcs)-1].Entry.Seq, 10)}}
			w.Header().Set("Link", "</receipts?"+next.Encode()+`>; rel="next"`)
		}
		jsonLines(w, rcs)
	})
	mux.HandleFunc("GET /consistency", func(w http.ResponseWriter, r *http.Request) {
		_, n, ok := one(r.URL.Query(), "from")
		from, err := strconv.ParseInt(n, 10, 64)
		if !ok || err != nil {
			reply(w, http.StatusBadRequest, fmt.Errorf("a consistency proof from a checkpoint's size, ?from=N, and nothing else: %q", r.URL.RawQuery))
			return
		}
		p, cp, err := s.Consistency(r.Context(), origin, from)
		if err != nil {
			reply(w, status(err), err)
			return
		}
		reply(w, http.StatusOK, struct {
			From       int64         `json:"from"`
			Checkpoint string        `json:"checkpoint"`
			Proof      journal.Proof `json:"proof"`
		}{from, string(cp), p})
	})
	return mux
}

// decode reads a request's JSON body strictly, as the library reads its
// own inputs (jsonx.Decode): one value, at most maxBody bytes, no unknown
// field, no key in another case than its field's or given twice, only
// valid UTF-8 — what encoding/json would drop, or change silently before
// the event is journaled.
func decode(w http.ResponseWriter, r *http.Request, v any) error {
	err := jsonx.Read(http.MaxBytesReader(w, r.Body, maxBody), maxBody, v)
	if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
		return fmt.Errorf("request body: longer than %d bytes: %w", maxBody, err)
	}
	if err != nil {
		return fmt.Errorf("request body: %w", err)
	}
	return nil
}

// jsonBody returns an error, naming what r's body is declared, unless
// it is declared JSON (Content-Type: application/json) in UTF-8, the only
// charset of JSON (RFC 8259), if it names one: a form or text posted by
// mistake, or JSON in GBK, is refused as such, not as JSON that does not
// decode.
func jsonBody(r *http.Request) error {
	ct := r.Header.Get("Content-Type")
	t, params, err := mime.ParseMediaType(ct)
	if err != nil || t != "application/json" {
		return fmt.Errorf("the body's Content-Type is %q: post an event as JSON, Content-Type: application/json", ct)
	}
	if cs, ok := params["charset"]; ok && !strings.EqualFold(cs, "utf-8") {
		return fmt.Errorf("the body's charset is %q: post JSON in UTF-8", cs)
	}
	return nil
}

// status is the status of a reply with the error err: 403 for an event
// that names another actor than its caller, 400 for an event
// that gives its time or a size no proof starts from, 422 for an event
// refused, 404 for what the journal holds no entry of, 409 for receipts
// of a service without a key, 503 for the rest — the database's
// errors, and rows that are not the journal the service holds.
func status(err error) int {
	for _, s := range []struct {
		err    error
		status int
	}{
		{errNotCaller, http.StatusForbidden},
		{errTimeGiven, http.StatusBadRequest},
		{errBadSize, http.StatusBadRequest},
		{errRefused, http.StatusUnprocessableEntity},
		{errNotFound, http.StatusNotFound},
		{errNoKey, http.StatusConflict},
	} {
		if errors.Is(err, s.err) {
			return s.status
		}
	}
	return http.StatusServiceUnavailable
}

// one returns the name and the value of a query that gives one of names,
// once and not empty, and nothing else; false for any other query.
func one(q url.Values, names ...string) (name, value string, ok bool) {
	if len(q) != 1 {
		return "", "", false
	}
	for name, v := range q {
		ok = slices.Contains(names, name) && len(v) == 1 && v[0] != ""
		return name, v[0], ok
	}
	return "", "", false
}

// jsonLines writes receipts as JSON Lines, one receipt a line, as qingdan
// journal receipt writes them and qingdan journal verify-receipt reads
// them.
func jsonLines(w http.ResponseWriter, rcs []*journal.Receipt) {
	var b []byte
	for _, rc := range rcs {
		j, err := rc.MarshalJSON() // not json.Marshal, which would read it all again
		if err != nil {
			reply(w, http.StatusInternalServerError, err)
			return
		}
		b = append(append(b, j...), '\n')
	}
	w.Header().Set("Content-Type", "application/jsonl")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(b)
}

// reply writes v, or an error, as JSON with the status.
func reply(w http.ResponseWriter, status int, v any) {
	if err, ok := v.(error); ok {
		v = struct {
			Error string `json:"error"`
		}{err.Error()}
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
