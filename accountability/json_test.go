package accountability

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/qingdan/qingdan/internal/golden"
	"github.com/qingdan/qingdan/internal/hardening"
)

func TestRegisterJSONGolden(t *testing.T) {
	r := sound()
	cst := time.FixedZone("CST", 8*3600)
	r.Powers[1].Grant.Since = time.Date(2020, 3, 1, 9, 30, 0, 0, cst)
	r.Adoption = Adoption{Effective: time.Date(2020, 3, 1, 0, 0, 0, 0, cst), Status: Published, ApprovedBy: "巢湖市委编办", ApprovedAt: time.Date(2020, 2, 20, 0, 0, 0, 0, cst)}
	r.Units[0].CreditCode, r.Units[0].Division = "11340181MB15504420", "340181006000"
	r.Powers[1].Basis[0].Kind = Setting
	r.Powers[1].Office, r.Powers[1].Tier, r.Powers[1].Forward = "城市管理部", "街道", "否"
	r.Powers[1].Extra = map[string]string{"基本编码": "00012000", "备注": "赋权事项"}
	got := mustJSON(t, r)
	golden.Check(t, "testdata/register.golden", got, *update)

	var back Register
	if err := json.Unmarshal(got, &back); err != nil {
		t.Fatalf("Unmarshal(golden) error = %v", err)
	}
	if diff := cmp.Diff(r, &back); diff != "" {
		t.Errorf("round trip mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(string(got), string(mustJSON(t, &back))); diff != "" {
		t.Errorf("re-encoding mismatch (-want +got):\n%s", diff)
	}
}

func TestFindingsJSONGolden(t *testing.T) {
	r := sound()
	r.Powers[0].Basis = nil
	r.Flows[0].Edges = append(r.Flows[0].Edges, Edge{From: "k", To: "c"})
	r.Risks = r.Risks[:2]
	got := r.Validate()
	b := mustJSON(t, got)
	golden.Check(t, "testdata/findings.golden", b, *update)
	var back Findings
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(got, back); diff != "" {
		t.Errorf("round trip mismatch (-want +got):\n%s", diff)
	}
}

// TestJSONRoundTrip: every type that is exchanged survives encoding/json,
// Chinese labels are read, and zero enums are left out.
func TestJSONRoundTrip(t *testing.T) {
	values := []any{
		&Unit{ID: "O1", Name: "党政办公室", Kind: Office, Parent: "S", SelfSet: true},
		&Template{Name: "t", Offices: []string{"a"}, Centers: []string{"b"}, MaxSelfSet: 1},
		&Change{Kind: Changed, List: "powers", Key: "A", Path: "powers[A]", Fields: []string{"name"}},
		&Finding{Rule: "risk.decision", Severity: Warning, Path: "flows[F].steps[d]", Message: "m"},
		&Separation{Flow: "F", Steps: [2]string{"a", "b"}, Reason: "r"},
	}
	for _, v := range values {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatalf("Marshal(%T) error = %v", v, err)
		}
		back := newOf(v)
		if err := json.Unmarshal(b, back); err != nil {
			t.Fatalf("Unmarshal(%s) error = %v", b, err)
		}
		if diff := cmp.Diff(v, back); diff != "" {
			t.Errorf("%T round trip mismatch (-want +got):\n%s", v, diff)
		}
	}
	var u Unit
	if err := json.Unmarshal([]byte(`{"id":"S","kind":"街道"}`), &u); err != nil || u.Kind != Subdistrict {
		t.Errorf("Unmarshal(kind 街道) = %+v, %v", u, err)
	}
}

func newOf(v any) any {
	switch v.(type) {
	case *Unit:
		return new(Unit)
	case *Template:
		return new(Template)
	case *Change:
		return new(Change)
	case *Finding:
		return new(Finding)
	case *Separation:
		return new(Separation)
	}
	panic("test: no type")
}

// FuzzRegisterJSON: no JSON makes decoding, Validate, Diff or rendering
// panic; LoadRegister, and Validate, the flows' Order, CriticalPath and
// rendering and Diff of what it reads, take time linear in its input;
// every error of LoadRegister wraps ErrInvalid; a register that decodes re-encodes to JSON that decodes to the
// same register, and differs from itself in nothing.
func FuzzRegisterJSON(f *testing.F) {
	if b, err := os.ReadFile(filepath.Join("testdata", "register.golden")); err == nil {
		f.Add(b)
	}
	f.Add([]byte(`{"flows":[{"id":"F","steps":[{"id":"a","kind":"start"},{"id":"a","kind":"end"}],"edges":[{"from":"a","to":"a"},{"from":"a","to":"b"}]}]}`))
	f.Add([]byte(`{"risks":[{"id":"R","flow":"F","step":"x","likelihood":9,"impact":-1,"level":"一级"}],"separations":[{"flow":"F","steps":["",""]}]}`))
	f.Add([]byte(`{"powers":[{"code":"A","category":"处罚","statutoryDays":-5,"promisedDays":9223372036854775807,"flow":"F"}],"flows":[{"id":"F","steps":[{"id":"s","kind":"start","days":9223372036854775807},{"id":"e","kind":"end","days":9}],"edges":[{"from":"s","to":"e"}]}]}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, data []byte) {
		hardening.Linear(t, len(data), func() {
			if _, err := LoadRegister(bytes.NewReader(data)); err != nil && !errors.Is(err, ErrInvalid) {
				t.Fatalf("LoadRegister: %v does not wrap ErrInvalid", err)
			}
		})
		var r Register
		if err := json.Unmarshal(data, &r); err != nil {
			return
		}
		var fs Findings
		var d Changes
		hardening.Linear(t, len(data), func() {
			fs = r.Validate()
			_ = fs.Err()
			for i := range r.Flows {
				_, _ = r.Flows[i].Order()
				_, _, _ = r.Flows[i].CriticalPath()
				if i < 2 { // every flow with every risk is quadratic: below
					_ = r.Flows[i].DOT(r.Risks...)
					_ = r.Flows[i].Mermaid(r.Risks...)
				}
			}
			d = Diff(&r, &r)
		})
		for i := 2; i < len(r.Flows); i++ {
			_ = r.Flows[i].DOT(r.Risks...)
			_ = r.Flows[i].Mermaid(r.Risks...)
		}
		if len(d) != 0 {
			t.Fatalf("Diff(r, r) = %v, want none", d)
		}
		b, err := json.Marshal(&r)
		if err != nil {
			t.Fatalf("re-encoding a decoded register: %v", err)
		}
		var back Register
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("decoding re-encoded register %s: %v", b, err)
		}
		if diff := cmp.Diff(&r, &back, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("round trip mismatch (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(fs, back.Validate(), cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("findings differ after a round trip (-want +got):\n%s", diff)
		}
	})
}
