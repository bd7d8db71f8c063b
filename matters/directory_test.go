package matters_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
)

func testDirectory() *matters.Directory {
	return &matters.Directory{Routes: []matters.Route{
		{Type: "违法建设", Lead: "区城管局", Support: []string{"区自然资源局", "区住建局"}, Respond: 2 * time.Hour, ResolveDays: 15},
		{Type: "占道经营", Lead: "区城管局", Respond: time.Hour, ResolveDays: 3},
		{Type: "油烟扰民", Lead: "区生态环境分局", Support: []string{"区市场监管局"}, Respond: 4 * time.Hour, ResolveDays: 5},
	}}
}

func TestRoute(t *testing.T) {
	d := testDirectory()
	r, err := d.Route("油烟扰民")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(d.Routes[2], r); diff != "" {
		t.Errorf("Route mismatch (-want +got):\n%s", diff)
	}
	r.Support[0] = "changed"
	if d.Routes[2].Support[0] == "changed" {
		t.Error("Route's Support aliases the directory's")
	}
	if got := r.Units(); !cmp.Equal(got, []string{"区生态环境分局", "changed"}) {
		t.Errorf("Units() = %q", got)
	}
	for _, typ := range []string{"井盖缺失", ""} {
		_, err := d.Route(typ)
		if !errors.Is(err, matters.ErrNoRoute) || !strings.Contains(err.Error(), `"`+typ+`"`) {
			t.Errorf("Route(%q) error = %v, want ErrNoRoute naming the type", typ, err)
		}
	}
	if _, err := new(matters.Directory).Route("违法建设"); !errors.Is(err, matters.ErrNoRoute) {
		t.Errorf("zero Directory: %v", err)
	}
	// A nil directory is an empty one, as in a Catalog.
	var none *matters.Directory
	if _, err := none.Route("违法建设"); !errors.Is(err, matters.ErrNoRoute) {
		t.Errorf("nil Directory: Route error = %v, want ErrNoRoute", err)
	}
	if err := none.Validate(); err != nil {
		t.Errorf("nil Directory: Validate = %v, want nil", err)
	}
	m := &matters.Matter{ID: "M1", Type: "违法建设", Owner: "S1"}
	if _, err := none.Dispatch(m, time.Date(2024, 3, 4, 9, 0, 0, 0, workday.CST())); !errors.Is(err, matters.ErrNoRoute) {
		t.Errorf("nil Directory: Dispatch error = %v, want ErrNoRoute", err)
	}
}

func TestDirectoryValidate(t *testing.T) {
	d := testDirectory()
	d.Routes = append(d.Routes,
		matters.Route{Type: "违法建设", Lead: "区住建局"},
		matters.Route{Lead: "区城管局"},
		matters.Route{Type: "道路破损", Support: []string{"区交通局", "", "区交通局"}},
		matters.Route{Type: "井盖缺失", Lead: "区城管局", Support: []string{"区城管局"}, Respond: -time.Hour, ResolveDays: -2},
	)
	err := d.Validate()
	want := []string{
		"routes[违法建设]: type 违法建设 is routed by lines 0 and 3",
		"routes[4]: route has no matter type",
		"routes[道路破损]: no lead unit",
		"routes[道路破损].support[1]: empty unit",
		"routes[道路破损].support[2]: unit 区交通局 supports twice",
		"routes[井盖缺失].support[0]: lead 区城管局 also supports",
		"routes[井盖缺失]: negative response limit -1h0m0s",
		"routes[井盖缺失]: negative resolution limit of -2 working days",
	}
	wantProblems(t, err, want)
	if err := testDirectory().Validate(); err != nil {
		t.Errorf("Validate of a sound directory = %v", err)
	}
	if err := new(matters.Directory).Validate(); err != nil {
		t.Errorf("Validate of the zero Directory = %v", err)
	}
}
