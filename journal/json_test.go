package journal_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/journal"
)

func TestKind(t *testing.T) {
	tests := []struct {
		in      string
		want    journal.Kind
		wantErr bool
	}{
		{"event", journal.KindEvent, false},
		{"事件", journal.KindEvent, false},
		{"evaluation", journal.KindEvaluation, false},
		{"评价", journal.KindEvaluation, false},
		{"amendment", journal.KindAmendment, false},
		{"更正", journal.KindAmendment, false},
		{"", 0, true},
		{"Event", 0, true},
		{"grade", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := journal.ParseKind(tt.in)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Fatalf("ParseKind(%q) = %v, %v; want %v (error %v)", tt.in, got, err, tt.want, tt.wantErr)
			}
			if err != nil && !strings.Contains(err.Error(), tt.in) {
				t.Errorf("ParseKind(%q) error %q does not name the input", tt.in, err)
			}
			if err == nil {
				if k, _ := journal.ParseKind(got.Label()); k != got {
					t.Errorf("ParseKind(%q.Label()) = %v", got, k)
				}
			}
		})
	}
	for _, k := range []journal.Kind{0, 4, -1} {
		if _, err := k.MarshalText(); err == nil {
			t.Errorf("Kind(%d).MarshalText succeeded", int(k))
		}
		if k.Label() != "" || !strings.HasPrefix(k.String(), "Kind(") {
			t.Errorf("Kind(%d): String %q, Label %q", int(k), k.String(), k.Label())
		}
	}
}

func TestJSONRoundTrip(t *testing.T) {
	h, err := journal.ParseHash(strings.Repeat("ab", 32))
	if err != nil {
		t.Fatal(err)
	}
	values := []any{
		&journal.Entry{Seq: 3, Kind: journal.KindAmendment, Prev: journal.Hash{1, 2, 3}, Payload: json.RawMessage(`{"matter":"M"}`), Hash: h},
		&journal.Head{Seq: 42, Hash: h},
		&journal.Head{},
		&journal.Options{MaxLine: 100},
	}
	for _, v := range values {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		got := newOf(v)
		if err := json.Unmarshal(b, got); err != nil {
			t.Fatalf("Unmarshal(%s): %v", b, err)
		}
		if diff := cmp.Diff(v, got, cmp.Comparer(func(a, b journal.Options) bool { return a.MaxLine == b.MaxLine })); diff != "" {
			t.Errorf("%T round trip mismatch (-want +got):\n%s", v, diff)
		}
	}
	b, _ := json.Marshal(journal.Head{Seq: 1, Hash: h})
	if want := `{"seq":1,"hash":"` + strings.Repeat("ab", 32) + `"}`; string(b) != want {
		t.Errorf("Head JSON = %s, want %s", b, want)
	}
}

func newOf(v any) any {
	switch v.(type) {
	case *journal.Entry:
		return new(journal.Entry)
	case *journal.Head:
		return new(journal.Head)
	default:
		return new(journal.Options)
	}
}

func TestParseHash(t *testing.T) {
	up := strings.Repeat("AB", 32)
	if h, err := journal.ParseHash(up); err != nil || h.String() != strings.ToLower(up) {
		t.Errorf("ParseHash(upper case) = %v, %v", h, err)
	}
	for _, bad := range []string{"", "00", strings.Repeat("g", 64), strings.Repeat("0", 63), strings.Repeat("0", 65)} {
		if _, err := journal.ParseHash(bad); err == nil {
			t.Errorf("ParseHash(%q) succeeded", bad)
		}
		var h journal.Hash
		if err := json.Unmarshal([]byte(`"`+bad+`"`), &h); err == nil {
			t.Errorf("Unmarshal hash %q succeeded", bad)
		}
	}
}

func TestParseLine(t *testing.T) {
	ls := lines(eventJournal(t, 2))
	l := ls[1][:len(ls[1])-1]
	e, err := journal.ParseLine(l)
	if err != nil || e.Seq != 2 || e.Kind != journal.KindEvent {
		t.Fatalf("ParseLine = %+v, %v", e, err)
	}
	// Its JSON form has the same members, and decodes to the same entry.
	var back journal.Entry
	b, _ := json.Marshal(e)
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(e, back); diff != "" {
		t.Errorf("entry JSON round trip mismatch (-want +got):\n%s", diff)
	}
	altered := []byte(strings.Replace(string(l), "第2次", "第3次", 1))
	if _, err := journal.ParseLine(altered); !errors.Is(err, journal.ErrTampered) {
		t.Errorf("ParseLine(altered) = %v, want ErrTampered", err)
	}
	for _, bad := range []string{"", "{}", `{"seq":01,"kind":"event"}`, string(l) + " ", " " + string(l)} {
		if _, err := journal.ParseLine([]byte(bad)); err == nil {
			t.Errorf("ParseLine(%q) succeeded", bad)
		}
	}
}

func TestVerifyErrorJSON(t *testing.T) {
	ls := lines(eventJournal(t, 3))
	for _, bad := range [][]byte{join([][]byte{ls[0], ls[2]}), join(ls)[:len(join(ls))-2], nil} {
		_, err := journal.Verify(bytes.NewReader(bad), &journal.Options{MaxLine: 100})
		var ve *journal.VerifyError
		if !errors.As(err, &ve) {
			if bad == nil {
				ve = &journal.VerifyError{Line: 1, Reason: "not an error of the journal", Err: errors.New("other")}
			} else {
				t.Fatalf("Verify = %v", err)
			}
		}
		b, err := json.Marshal(ve)
		if err != nil {
			t.Fatal(err)
		}
		var back journal.VerifyError
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("Unmarshal(%s): %v", b, err)
		}
		want := *ve
		if bad == nil {
			want.Err = nil // another error has no code
		}
		if diff := cmp.Diff(want, back, cmp.Comparer(func(a, b error) bool { return a == b })); diff != "" {
			t.Errorf("VerifyError round trip mismatch (-want +got):\n%s", diff)
		}
	}
	var v journal.VerifyError
	if err := json.Unmarshal([]byte(`{"line":1,"err":"melted"}`), &v); err == nil || !strings.Contains(err.Error(), "melted") {
		t.Errorf("Unmarshal of an unknown code = %v", err)
	}
}

func TestRebuiltJSON(t *testing.T) {
	got, err := journal.Rebuild(bytes.NewReader(write(t, history(5, 20, 2021))), nil)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	var back journal.Rebuilt
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(got.Matters, back.Matters); diff != "" || back.Head != got.Head {
		t.Errorf("Rebuilt round trip mismatch (-want +got):\n%s", diff)
	}
	if back.Book == nil {
		t.Fatal("no book after the round trip")
	}
	compareBooks(t, got.Book, back.Book, 2021)
}
