package main

import (
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
		{"too long", `{"event":{"note":"` + strings.Repeat("x", maxBody) + `"}}`, `request body: http: request body too large`},
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
	mux := handler(nil, "").(*http.ServeMux)
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
