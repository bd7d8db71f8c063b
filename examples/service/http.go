package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/qingdan/qingdan/journal"
	"github.com/qingdan/qingdan/scoring"
)

// maxBody is the largest request body read: an event is a few hundred
// bytes.
const maxBody = 64 << 10

// handler serves the service's HTTP JSON API:
//
//	POST /events           {"event": {...}, "quality": {"unit": 4}} → 201 {"head", "evaluations", "amendments"}
//	GET  /scores?period=P  the ranked scores of the period (2020, 2020-06, 2020-06-01, 2020-W23)
//	GET  /matters/{id}     the matter's history, its evaluations (amended) with their reasons, all its amendments
//	GET  /journal          the journal's head and its checkpoint (signed if the service has a key), kept first
//
// Errors are {"error": "..."}: 400 for a request that does not decode,
// 422 for an event the lifecycle, the lists or the grading refuse, 404
// for no such matter, 503 when the database fails.
func handler(s *Service, origin string) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /events", func(w http.ResponseWriter, r *http.Request) {
		var sub Submission
		if err := decode(w, r, &sub); err != nil {
			reply(w, http.StatusBadRequest, err)
			return
		}
		acc, err := s.Accept(r.Context(), sub)
		switch {
		case errors.Is(err, errRefused):
			reply(w, http.StatusUnprocessableEntity, err)
		case err != nil:
			reply(w, http.StatusServiceUnavailable, err)
		default:
			reply(w, http.StatusCreated, acc)
		}
	})
	mux.HandleFunc("GET /scores", func(w http.ResponseWriter, r *http.Request) {
		p, err := scoring.ParsePeriod(r.URL.Query().Get("period"))
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
			reply(w, http.StatusServiceUnavailable, err)
			return
		}
		reply(w, http.StatusOK, struct {
			Head       journal.Head `json:"head"`
			Checkpoint string       `json:"checkpoint"`
		}{head, string(cp)})
	})
	return mux
}

// decode reads a request's JSON body strictly, as the library reads its
// own inputs (jsonx.Decode): one value, at most maxBody bytes, no unknown
// field, no key in another case than its field's or given twice, only
// valid UTF-8 — what encoding/json would drop, or change silently before
// the event is journaled.
func decode(w http.ResponseWriter, r *http.Request, v any) error {
	if err := jsonx.Read(http.MaxBytesReader(w, r.Body, maxBody), maxBody, v); err != nil {
		return fmt.Errorf("request body: %w", err)
	}
	return nil
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
