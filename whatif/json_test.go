package whatif_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/whatif"
)

// savedReport is the JSON of a what-if over 12 matters.
func savedReport(t testing.TB) (whatif.Report, []byte) {
	_, strict := whatIfTables()
	book, facts := whatIfYear(t, 12)
	w, err := whatif.Regrade(book, facts, strict, scoring.Year(2026))
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(w)
	if err != nil {
		t.Fatal(err)
	}
	return w, b
}

// TestReportJSON reads a saved report back: the same changes and
// subjects, no book, and the same bytes written again.
func TestReportJSON(t *testing.T) {
	w, saved := savedReport(t)
	var back whatif.Report
	if err := json.Unmarshal(saved, &back); err != nil {
		t.Fatal(err)
	}
	w.Book = nil
	if diff := cmp.Diff(w, back); diff != "" {
		t.Errorf("read back mismatch (-want +got):\n%s", diff)
	}
	again, err := json.Marshal(back)
	if err != nil || !bytes.Equal(saved, again) {
		t.Errorf("written again: %s, %v; want the saved bytes %s", again, err, saved)
	}
	for _, in := range []string{`{"changes":null,"subjects":null}`, `{"changes":[],"subjects":[]}`} {
		if err := json.Unmarshal([]byte(in), &back); err != nil || len(back.Changes)+len(back.Subjects) != 0 {
			t.Errorf("%s: %+v, %v; want an empty report", in, back, err)
		}
	}
}

// TestReportJSONInvalid: what Regrade never writes is refused, naming the
// change or subject, and leaves the report as it was.
func TestReportJSONInvalid(t *testing.T) {
	change := func(matter, oldGrade, oldPoints, newGrade, newPoints string) string {
		return `{"matter":"` + matter + `","subject":"u","evaluator":"s","old":{"grade":"` + oldGrade + `","points":"` + oldPoints +
			`"},"new":{"grade":"` + newGrade + `","points":"` + newPoints + `"}}`
	}
	subject := func(name, oldComposite string, oldRank int, newComposite string, newRank int) string {
		return `{"subject":"` + name + `","old":{"subject":"` + name + `","composite":"` + oldComposite + `","rank":` + string(rune('0'+oldRank)) +
			`},"new":{"subject":"` + name + `","composite":"` + newComposite + `","rank":` + string(rune('0'+newRank)) + `}}`
	}
	good := change("M1", "excellent", "100", "fair", "70")
	for _, tc := range []struct {
		name, in, want string
	}{
		{"no matter", `{"changes":[` + change("", "excellent", "100", "fair", "70") + `]}`, "changes[0]: no matter"},
		{"a negative stage", `{"changes":[` + strings.Replace(good, `"evaluator":"s"`, `"evaluator":"s","stage":-1`, 1) + `]}`,
			`changes[0] (matter "M1"): stage -1 out of range`},
		{"a stage past a book's", `{"changes":[` + strings.Replace(good, `"evaluator":"s"`, `"evaluator":"s","stage":2147483648`, 1) + `]}`,
			`changes[0] (matter "M1"): stage 2147483648 out of range`},
		{"a stage far past a book's", `{"changes":[` + strings.Replace(good, `"evaluator":"s"`, `"evaluator":"s","stage":9223372036854775807`, 1) + `]}`,
			`changes[0] (matter "M1"): stage 9223372036854775807 out of range`},
		{"not evaluated", `{"changes":[` + change("M1", "", "0", "fair", "70") + `]}`, "not evaluated"},
		{"nothing changes", `{"changes":[` + change("M1", "fair", "70", "fair", "70.0") + `]}`, "nothing changes"},
		{"out of order", `{"changes":[` + change("M2", "excellent", "100", "fair", "70") + `,` + good + `]}`, "changes[1] (matter \"M1\"): out of order"},
		{"given twice", `{"changes":[` + good + `,` + good + `]}`, "given twice"},
		{"a subject without a name", `{"subjects":[` + subject("", "70", 1, "80", 1) + `]}`, "subjects[0]: no subject"},
		{"a subject that does not change", `{"subjects":[` + subject("u", "70", 1, "70.00", 1) + `]}`, "nothing changes"},
		{"a subject's score of another", `{"subjects":[` + strings.Replace(subject("u", "70", 1, "80", 1), `"old":{"subject":"u"`, `"old":{"subject":"v"`, 1) + `]}`,
			`subjects[0] ("u"): a score of subject "v"`},
		{"a new score of another", `{"subjects":[` + strings.Replace(subject("u", "70", 1, "80", 1), `"new":{"subject":"u"`, `"new":{"subject":"v"`, 1) + `]}`,
			`subjects[0] ("u"): a score of subject "v"`},
		{"subjects out of order", `{"subjects":[` + subject("v", "70", 1, "80", 1) + `,` + subject("u", "70", 1, "80", 1) + `]}`, "out of order"},
		{"an unknown field", `{"changes":[],"book":{}}`, "unknown field"},
		{"points too long", `{"changes":[` + change("M1", "excellent", strings.Repeat("9", 65), "fair", "70") + `]}`, "64"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := whatif.Report{Changes: []whatif.Change{{Matter: "kept"}}}
			err := json.Unmarshal([]byte(tc.in), &r)
			if !errors.Is(err, whatif.ErrInvalid) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v; want ErrInvalid saying %q", err, tc.want)
			}
			if len(r.Changes) != 1 || r.Changes[0].Matter != "kept" {
				t.Errorf("after an error the report is %+v; want it as it was", r)
			}
		})
	}
}

// TestReportJSONErrorBounded: an error repeats at most a few bytes of a
// long matter or subject, however many items name it.
func TestReportJSONErrorBounded(t *testing.T) {
	long := strings.Repeat("长", 100_000)
	c := `{"matter":"` + long + `","subject":"u","evaluator":"s","old":{"grade":"fair","points":"70"},"new":{"grade":"fair","points":"70"}}`
	s := `{"subject":"` + long + `","old":{"subject":"u","composite":"70","rank":1},"new":{"subject":"u","composite":"70","rank":1}}`
	for _, in := range []string{
		`{"changes":[` + strings.Repeat(c+",", 9) + c + `]}`,
		`{"subjects":[` + strings.Repeat(s+",", 9) + s + `]}`,
	} {
		err := json.Unmarshal([]byte(in), new(whatif.Report))
		if !errors.Is(err, whatif.ErrInvalid) {
			t.Fatalf("error %v; want ErrInvalid", err)
		}
		if n := len(err.Error()); n > 4096 {
			t.Errorf("an error of %d bytes for 10 items; want it to repeat at most %d bytes of each name", n, 64)
		}
	}
}

// TestReportStrictJSON: a report refuses a misspelt key, a key in another
// case, a key given twice and text that is not UTF-8, at every place.
func TestReportStrictJSON(t *testing.T) {
	_, saved := savedReport(t)
	hardening.Strict(t, saved, hardening.StrictOptions{Free: func(path string) bool { return strings.HasSuffix(path, ".grades") }},
		whatif.ErrInvalid, func(b []byte) error { return json.Unmarshal(b, new(whatif.Report)) })
}

// FuzzReportJSON: any input is refused with ErrInvalid or read into a
// report that is written and read back to the same report — an empty
// list read ("reasons":[]) comes back nil, as encoding/json writes no
// empty list of a Result, and reason.Compare holds the two the same —
// and written again to the same bytes.
func FuzzReportJSON(f *testing.F) {
	hardening.AddJSONSeeds(f)
	_, saved := savedReport(f)
	f.Add(saved)
	f.Add([]byte(`{"changes":[{"matter":"M1","subject":"u","evaluator":"s","stage":2,"old":{"grade":"a","points":"1"},"new":{"grade":"b","points":"1"}}],"subjects":null}`))
	f.Add([]byte(`{"changes":[{"matter":"M1","subject":"u","evaluator":"s","stage":2147483647,"old":{"grade":"a","points":"1"},"new":{"grade":"b","points":"1"}}],"subjects":null}`))
	f.Add([]byte(`{"changes":[{"matter":"M1","subject":"u","evaluator":"s","stage":2147483648,"old":{"grade":"a","points":"1"},"new":{"grade":"b","points":"1"}}],"subjects":null}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var r whatif.Report
		if err := json.Unmarshal(data, &r); err != nil {
			var syntax *json.SyntaxError
			if !errors.Is(err, whatif.ErrInvalid) && !errors.As(err, &syntax) {
				t.Fatalf("error %v wraps neither ErrInvalid nor is a syntax error", err)
			}
			return
		}
		out, err := json.Marshal(r)
		if err != nil {
			t.Fatalf("a report read is not written: %v", err)
		}
		var back whatif.Report
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("a report written is not read back: %v\n%s", err, out)
		}
		if diff := cmp.Diff(r, back, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("read back mismatch (-want +got):\n%s", diff)
		}
		again, err := json.Marshal(back)
		if err != nil || !bytes.Equal(out, again) {
			t.Errorf("a report read back writes %s, %v; want %s", again, err, out)
		}
	})
}
