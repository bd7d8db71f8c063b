package main

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

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
