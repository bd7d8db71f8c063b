package journal_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/journal"
	"github.com/qingdan/qingdan/matters"
)

// TestEntryJSON reads an entry's JSON form as strictly as its line: each
// member once, spelt so, and an entry ParseLine reads from the line its
// members make — its kind's code, not its label; hashes in lower case; a
// payload in the canonical form, whatever white space or HTML escapes
// encoding/json puts in it; its hash right. Anything else is refused, and
// leaves the entry alone.
func TestEntryJSON(t *testing.T) {
	ls := lines(write(t, smallHistory()))
	note, _, err := journal.Seal(journal.Head{}, matters.Event{Matter: "M", Seq: 1, At: time.Date(2020, 6, 1, 0, 0, 0, 0, time.UTC), Note: `a\u003c<b> & \\u0026`}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var entries []journal.Entry
	for _, l := range append(ls, note) {
		e, err := journal.ParseLine(bytes.TrimSuffix(l, []byte("\n")))
		if err != nil {
			t.Fatal(err)
		}
		entries = append(entries, e)
	}
	for _, e := range entries {
		var unescaped bytes.Buffer
		enc := json.NewEncoder(&unescaped)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(e); err != nil {
			t.Fatal(err)
		}
		indented, err := json.MarshalIndent(e, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		// Its JSON as encoding/json writes it (HTML escaped), without
		// HTML escapes (then it is its line), and indented.
		b := hardening.JSONRoundTrip(t, e)
		for _, in := range [][]byte{b, unescaped.Bytes(), e.Line(), indented} {
			var got journal.Entry
			if err := json.Unmarshal(in, &got); err != nil {
				t.Errorf("Unmarshal(%s) = %v", in, err)
			} else if diff := cmp.Diff(e, got); diff != "" {
				t.Errorf("Unmarshal(%s) mismatch (-want +got):\n%s", in, diff)
			}
		}
	}

	e := entries[6] // an evaluation
	line := string(e.Line())
	hash, prev := e.Hash.String(), e.Prev.String()
	for _, tt := range []struct {
		name string
		in   string
		want error
	}{
		{"an unknown member", strings.Replace(line, `{"seq":7,`, `{"seq":7,"extra":1,`, 1), journal.ErrInvalid},
		{"a member in another case", strings.Replace(line, `"seq":7`, `"Seq":7`, 1), journal.ErrInvalid},
		{"a member twice", strings.Replace(line, `"seq":7`, `"seq":7,"seq":7`, 1), journal.ErrInvalid},
		{"no seq", strings.Replace(line, `"seq":7,`, ``, 1), journal.ErrInvalid},
		{"no kind", strings.Replace(line, `"kind":"evaluation",`, ``, 1), journal.ErrInvalid},
		{"no prev", strings.Replace(line, `"prev":"`+prev+`",`, ``, 1), journal.ErrInvalid},
		{"no payload", line[:strings.Index(line, `,"payload":`)] + `,"hash":"` + hash + `"}`, journal.ErrInvalid},
		{"no hash", strings.Replace(line, `,"hash":"`+hash+`"`, ``, 1), journal.ErrInvalid},
		{"a null seq", strings.Replace(line, `"seq":7`, `"seq":null`, 1), journal.ErrInvalid},
		{"a null payload", line[:strings.Index(line, `"payload":`)] + `"payload":null,"hash":"` + hash + `"}`, journal.ErrInvalid},
		{"seq 0", strings.Replace(line, `"seq":7`, `"seq":0`, 1), journal.ErrInvalid},
		{"a negative seq", strings.Replace(line, `"seq":7`, `"seq":-7`, 1), journal.ErrInvalid},
		{"seq as a string", strings.Replace(line, `"seq":7`, `"seq":"7"`, 1), journal.ErrInvalid},
		{"seq of 19 digits", strings.Replace(line, `"seq":7`, `"seq":1000000000000000007`, 1), journal.ErrInvalid},
		{"the kind's label", strings.Replace(line, `"kind":"evaluation"`, `"kind":"评价"`, 1), journal.ErrInvalid},
		{"the kind with a space", strings.Replace(line, `"kind":"evaluation"`, `"kind":" evaluation"`, 1), journal.ErrInvalid},
		{"the kind in upper case", strings.Replace(line, `"kind":"evaluation"`, `"kind":"EVALUATION"`, 1), journal.ErrInvalid},
		{"an empty kind", strings.Replace(line, `"kind":"evaluation"`, `"kind":""`, 1), journal.ErrInvalid},
		{"the hash in upper case", strings.Replace(line, hash, strings.ToUpper(hash), 1), journal.ErrInvalid},
		{"prev in upper case", strings.Replace(line, prev, strings.ToUpper(prev), 1), journal.ErrInvalid},
		{"a short hash", strings.Replace(line, hash, hash[:62], 1), journal.ErrInvalid},
		{"a payload that is not canonical", rehashed(ls, 6, `"subject":"城管局"`, `"subject":"\u57ce管局"`), journal.ErrInvalid},
		{"a payload with a member out of order", rehashed(ls, 6, `"matter":"WH-2020-00001","subject":"城管局"`, `"subject":"城管局","matter":"WH-2020-00001"`), journal.ErrInvalid},
		{"a payload that is a list", strings.Replace(strings.Replace(line, `"payload":{`, `"payload":[{`, 1), `,"hash":`, `],"hash":`, 1), journal.ErrInvalid},
		{"another hash", strings.Replace(line, hash, strings.Repeat("0", 64), 1), journal.ErrTampered},
		{"another payload", strings.Replace(line, `"城管局"`, `"住建局"`, 1), journal.ErrTampered},
	} {
		got := entries[0]
		err := json.Unmarshal([]byte(tt.in), &got)
		if !errors.Is(err, tt.want) {
			t.Errorf("%s: Unmarshal(%s) = %v; want an error wrapping %v", tt.name, tt.in, err, tt.want)
		}
		if diff := cmp.Diff(entries[0], got); diff != "" {
			t.Errorf("%s: Unmarshal changed the entry: mismatch (-want +got):\n%s", tt.name, diff)
		}
		if err != nil && !strings.Contains(err.Error(), "entry") {
			t.Errorf("%s: %v names no entry", tt.name, err)
		}
	}
}

// rehashed returns line i (from 0) of the journal of ls with old replaced
// by new, and its hash recomputed.
func rehashed(ls [][]byte, i int, old, new string) string {
	return strings.TrimSuffix(string(lines(rechain(edit(join(ls), i, old, new), i))[i]), "\n")
}
