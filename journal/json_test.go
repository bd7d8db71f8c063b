package journal_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/journal"
)

func TestJSONRoundTrip(t *testing.T) {
	h, err := journal.ParseHash(strings.Repeat("ab", 32))
	if err != nil {
		t.Fatal(err)
	}
	hardening.JSONRoundTrip(t, &journal.Head{Seq: 42, Hash: h})
	hardening.JSONRoundTrip(t, &journal.Head{})
	b, _ := json.Marshal(journal.Head{Seq: 1, Hash: h})
	if want := `{"seq":1,"hash":"` + strings.Repeat("ab", 32) + `"}`; string(b) != want {
		t.Errorf("Head JSON = %s, want %s", b, want)
	}
}

func TestParseHash(t *testing.T) {
	up := strings.Repeat("AB", 32)
	if h, err := journal.ParseHash(up); err != nil || h.String() != strings.ToLower(up) {
		t.Errorf("ParseHash(upper case) = %v, %v", h, err)
	}
	for _, bad := range []string{"", "00", strings.Repeat("g", 64), strings.Repeat("0", 63), strings.Repeat("0", 65)} {
		if _, err := journal.ParseHash(bad); !errors.Is(err, journal.ErrInvalid) {
			t.Errorf("ParseHash(%q) = %v, want an error wrapping ErrInvalid", bad, err)
		}
		var h journal.Hash
		if err := json.Unmarshal([]byte(`"`+bad+`"`), &h); !errors.Is(err, journal.ErrInvalid) {
			t.Errorf("Unmarshal hash %q = %v, want an error wrapping ErrInvalid", bad, err)
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
	hardening.JSONRoundTrip(t, e)
	altered := []byte(strings.Replace(string(l), "第2次", "第3次", 1))
	if _, err := journal.ParseLine(altered); !errors.Is(err, journal.ErrTampered) {
		t.Errorf("ParseLine(altered) = %v, want ErrTampered", err)
	}
	for _, bad := range []string{"", "{}", `{"seq":01,"kind":"event"}`, string(l) + " ", " " + string(l)} {
		if _, err := journal.ParseLine([]byte(bad)); err == nil {
			t.Errorf("ParseLine(%q) succeeded", bad)
		}
	}
	// A prev that is not 64 lower-case hexadecimal digits, the line
	// rehashed: no entry's line (Entry.Line would write another).
	prev := bytes.Index(l, []byte(`"prev":"`)) + len(`"prev":"`)
	for _, digits := range []string{"ABCDEF", "zz", " 0"} {
		bad := bytes.Clone(l)
		copy(bad[prev:], digits)
		body := bad[:len(bad)-75]
		bad = fmt.Appendf(nil, `%s,"hash":"%x"}`, body, sha256.Sum256(append(bytes.Clone(body), '}')))
		if e, err := journal.ParseLine(bad); !errors.Is(err, journal.ErrInvalid) || !strings.Contains(fmt.Sprint(err), "entry 2: prev") {
			t.Errorf("ParseLine(prev %q…) = %+v, %v, want an error wrapping ErrInvalid naming entry 2's prev", digits, e, err)
		}
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

// TestCheckpointJSON reads a checkpoint's JSON form as strictly as its
// text: each member once, spelt so, and a checkpoint ParseCheckpoint
// would read; anything else is refused, and leaves the checkpoint alone.
func TestCheckpointJSON(t *testing.T) {
	root := strings.Repeat("ab", 32)
	want := journal.Checkpoint{Origin: "wuhu.example/journal", Size: 5}
	copy(want.Root[:], bytes.Repeat([]byte{0xab}, 32))
	hardening.JSONRoundTrip(t, &want)
	var got journal.Checkpoint
	if err := json.Unmarshal([]byte(`{"origin":"wuhu.example/journal","size":5,"root":"`+root+`"}`), &got); err != nil || got != want {
		t.Errorf("Unmarshal = %+v, %v; want %+v", got, err, want)
	}
	for _, bad := range []string{
		`{"origin":"wuhu.example/journal","size":5,"root":"` + root + `","extra":1}`,
		`{"ORIGIN":"wuhu.example/journal","size":5,"root":"` + root + `"}`,
		`{"origin":"wuhu.example/journal","size":5,"root":"` + root + `","size":6}`,
		`{"origin":"wuhu.example/journal","size":5}`,
		`{"origin":"wuhu.example/journal","root":"` + root + `"}`,
		`{"size":5,"root":"` + root + `"}`,
		`{"origin":"wuhu.example/journal","size":null,"root":"` + root + `"}`,
		`{"origin":"wuhu example","size":5,"root":"` + root + `"}`,
		`{"origin":"wuhu.example/journal\n6","size":5,"root":"` + root + `"}`,
		`{"origin":"wuhu.example/journal","size":-5,"root":"` + root + `"}`,
		`{"origin":"wuhu.example/journal","size":1000000000000000000,"root":"` + root + `"}`,
		`{"origin":"wuhu.example/journal","size":5,"root":"00"}`,
	} {
		got := want
		if err := json.Unmarshal([]byte(bad), &got); !errors.Is(err, journal.ErrInvalid) || got != want {
			t.Errorf("Unmarshal(%s) = %+v, %v; want an error wrapping ErrInvalid, the checkpoint unchanged", bad, got, err)
		}
	}
}

// TestHeadJSON reads a head's JSON form strictly: each member once, spelt
// so, and a head that names an entry, or the empty journal.
func TestHeadJSON(t *testing.T) {
	hash := strings.Repeat("ab", 32)
	want := journal.Head{Seq: 5}
	copy(want.Hash[:], bytes.Repeat([]byte{0xab}, 32))
	for _, ok := range []struct {
		in   string
		want journal.Head
	}{
		{`{"seq":5,"hash":"` + hash + `"}`, want},
		{`{"seq":0,"hash":"` + strings.Repeat("0", 64) + `"}`, journal.Head{}},
		{`{"seq":999999999999999999,"hash":"` + hash + `"}`, journal.Head{Seq: 999999999999999999, Hash: want.Hash}},
	} {
		var got journal.Head
		if err := json.Unmarshal([]byte(ok.in), &got); err != nil || got != ok.want {
			t.Errorf("Unmarshal(%s) = %v, %v; want %v", ok.in, got, err, ok.want)
		}
	}
	for _, bad := range []string{
		`{"seq":5,"hash":"` + hash + `","extra":1}`,
		`{"Seq":5,"hash":"` + hash + `"}`,
		`{"seq":5,"hash":"` + hash + `","seq":6}`,
		`{"seq":5}`,
		`{"hash":"` + hash + `"}`,
		`{"seq":null,"hash":"` + hash + `"}`,
		`{"seq":-1,"hash":"` + hash + `"}`,
		`{"seq":0,"hash":"` + hash + `"}`,
		`{"seq":1000000000000000000,"hash":"` + hash + `"}`,
	} {
		got := want
		if err := json.Unmarshal([]byte(bad), &got); !errors.Is(err, journal.ErrInvalid) || got != want {
			t.Errorf("Unmarshal(%s) = %v, %v; want an error wrapping ErrInvalid, the head unchanged", bad, got, err)
		}
	}
}
