package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestDecodeStrict: the request decoder refuses what encoding/json would
// take and change or drop silently before the event is journaled — a key
// given twice, a key in another case, text that is not UTF-8 — and a body
// over maxBody, each with an error that says what.
func TestDecodeStrict(t *testing.T) {
	for _, tt := range []struct{ name, body, want string }{
		{"a key given twice", `{"event":{"matter":"WH1","matter":"WH2"}}`, `request body: json: duplicate key "matter" (a repeated key would silently take the last value) at event`},
		{"a quality given twice", `{"event":{},"quality":{"zjj":1,"zjj":5}}`, `request body: json: duplicate key "zjj" (a repeated key would silently take the last value) at quality`},
		{"a key in another case", `{"Event":{}}`, `request body: json: field "Event" is spelt "event" here (field names are case-sensitive)`},
		{"text that is not UTF-8", "{\"event\":{\"matter\":\"WH\xff\"}}", `request body: json: string is not valid UTF-8 at event.matter`},
		{"a misspelt field", `{"evnt":{}}`, `request body: json: unknown field "evnt"`},
		{"two values", `{} {}`, `request body: trailing data after the JSON value`},
		{"too long", `{"event":{"note":"` + strings.Repeat("x", maxBody) + `"}}`, `request body: longer than 65536 bytes: http: request body too large`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var sub Submission
			err := decode(httptest.NewRecorder(), httptest.NewRequest("POST", "/events", strings.NewReader(tt.body)), &sub)
			if err == nil || err.Error() != tt.want {
				t.Errorf("decode = %v, want %q", err, tt.want)
			}
		})
	}
}

// FuzzDecode feeds the request decoder bodies: it never panics, and what
// it accepts decodes again, from its own JSON, to the same submission.
func FuzzDecode(f *testing.F) {
	f.Add(`{"event":{"matter":"WH2020-0001","seq":1,"at":"2020-01-02T04:32:00Z","kind":"report","actor":"tingtang","type":"占道经营"},"quality":{"zjj":4}}`)
	f.Add(`{"event":{},"quality":{}}`)
	f.Add(`{"evnt":{}}`)
	f.Add(`{} {}`)
	f.Fuzz(func(t *testing.T, body string) {
		var sub Submission
		if err := decode(httptest.NewRecorder(), httptest.NewRequest("POST", "/events", strings.NewReader(body)), &sub); err != nil {
			return
		}
		var again Submission
		if err := decode(httptest.NewRecorder(), httptest.NewRequest("POST", "/events", strings.NewReader(mustJSON(t, sub))), &again); err != nil {
			t.Fatalf("the decoder refuses its own submission's JSON: %v", err)
		}
		if diff := cmp.Diff(sub, again, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("decoded again, mismatch (-want +got):\n%s", diff)
		}
	})
}

// TestDocumentedRoutes holds the routes the prose names to the mux: each
// "GET /path" or "POST /path" of the package documentation, of handler's
// comment and of the README's paragraph on the service is a route of
// handler, and each route of handler is named in all three.
func TestDocumentedRoutes(t *testing.T) {
	src, err := os.ReadFile("http.go")
	if err != nil {
		t.Fatal(err)
	}
	var routes []string
	for _, m := range regexp.MustCompile(`mux\.HandleFunc\("([^"]+)"`).FindAllSubmatch(src, -1) {
		routes = append(routes, string(m[1]))
	}
	if len(routes) == 0 {
		t.Fatal("no mux.HandleFunc in http.go: is the pattern broken?")
	}
	mux := newMux(nil, "")
	named := regexp.MustCompile(`\b(GET|POST) +(/[^\s?` + "`" + `)]*)`)
	for _, doc := range []struct{ file, from, to string }{
		{"doc.go", "The API:", "The service stamps"},
		{"http.go", "// handler serves", "func handler"},
		{"../../README.md", "### A reference service", "## For list officers"},
	} {
		b, err := os.ReadFile(doc.file)
		if err != nil {
			t.Fatal(err)
		}
		_, text, ok := strings.Cut(string(b), doc.from)
		text, _, ok2 := strings.Cut(text, doc.to)
		if !ok || !ok2 {
			t.Fatalf("%s: no text between %q and %q", doc.file, doc.from, doc.to)
		}
		seen := map[string]bool{}
		for _, m := range named.FindAllStringSubmatch(text, -1) {
			path := strings.NewReplacer("{id}", "WH2020-0001").Replace(m[2])
			_, pattern := mux.Handler(httptest.NewRequest(m[1], path, nil))
			if pattern == "" {
				t.Errorf("%s names %s %s, which is no route of handler (%q)", doc.file, m[1], m[2], routes)
			}
			seen[pattern] = true
		}
		for _, r := range routes {
			if !seen[r] {
				t.Errorf("%s does not name the route %s", doc.file, r)
			}
		}
	}
}

// TestRefusedRequests: what the API refuses before it reads an event —
// a body that is not JSON in UTF-8 by its Content-Type, a body over
// maxBody, a path or a method that is no route — is refused with the
// status that says so and, as every error, {"error": "..."} in JSON.
func TestRefusedRequests(t *testing.T) {
	const token = "a token of the test"
	svc := &Service{cfg: Config{Callers: map[string]string{tokenHash(token): "cgj"}}}
	h := handler(svc, origin)
	long := `{"event":{"note":"` + strings.Repeat("x", maxBody) + `"}}`
	for _, tt := range []struct {
		name, method, path, ctype, body string
		status                          int
		want                            string // in the error
	}{
		{"a form", "POST", "/events", "application/x-www-form-urlencoded", `{"event":{}}`, http.StatusUnsupportedMediaType, "application/json"},
		{"text", "POST", "/events", "text/plain", `{"event":{}}`, http.StatusUnsupportedMediaType, `"text/plain"`},
		{"no Content-Type", "POST", "/events", "", `{"event":{}}`, http.StatusUnsupportedMediaType, "application/json"},
		{"JSON in GBK", "POST", "/events", "application/json; charset=GBK", `{"event":{}}`, http.StatusUnsupportedMediaType, "UTF-8"},
		{"JSON in UTF-8, misspelt", "POST", "/events", "application/json; charset=utf-8", `{"evnt":{}}`, http.StatusBadRequest, `unknown field "evnt"`},
		{"a body too long", "POST", "/events", "application/json", long, http.StatusRequestEntityTooLarge, "65536 bytes"},
		{"scores of a unit", "GET", "/scores?period=2020&subject=cgj", "", "", http.StatusBadRequest, `nothing else: "period=2020&subject=cgj"`},
		{"scores of two periods", "GET", "/scores?period=2020&period=2021", "", "", http.StatusBadRequest, `nothing else: "period=2020&period=2021"`},
		{"scores of a period misspelt", "GET", "/scores?perod=2020", "", "", http.StatusBadRequest, `nothing else: "perod=2020"`},
		{"scores of no period", "GET", "/scores?period=2020-13", "", "", http.StatusBadRequest, `2020-13`},
		{"no such path", "GET", "/matter/WH2020-0001", "", "", http.StatusNotFound, "GET /matter/WH2020-0001"},
		{"no such method", "DELETE", "/events", "", "", http.StatusMethodNotAllowed, "DELETE /events"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(tt.method, tt.path, strings.NewReader(tt.body))
			r.Header.Set("Authorization", "Bearer "+token)
			if tt.ctype != "" {
				r.Header.Set("Content-Type", tt.ctype)
			}
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			var e struct {
				Error string `json:"error"`
			}
			err := json.Unmarshal(w.Body.Bytes(), &e)
			if w.Code != tt.status || w.Header().Get("Content-Type") != "application/json" || err != nil || !strings.Contains(e.Error, tt.want) {
				t.Errorf("%s %s: %d %s %q; want %d, a JSON error naming %s", tt.method, tt.path, w.Code, w.Header().Get("Content-Type"), w.Body, tt.status, tt.want)
			}
			if allow := w.Header().Get("Allow"); tt.status == http.StatusMethodNotAllowed && allow != "POST" {
				t.Errorf("%s %s: Allow %q; want POST", tt.method, tt.path, allow)
			}
		})
	}
}
