package main

import (
	"embed"
	"errors"
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/qingdan/qingdan/examples/internal/cli"
	"github.com/qingdan/qingdan/matters"
)

// data holds the example's embedded files: the city's units (city.json),
// its governance matter list (routes.json), the sub-districts' admission
// lists (admission.json), the knobs of the synthetic year (synthetic.json),
// how the hotline's figures are made (indicators.json) and an example
// grading policy (policy-strict.json). routes.json and admission.json are
// the library's documents, read by its loaders, with the example's notes
// on them in the package doc.
//
//go:embed data/*.json
var data embed.FS

// unit is a sub-district, a department, the hotline or a supervising
// body, by ID and name.
type unit struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Short    string `json:"short,omitempty"`    // a department's short name
	District string `json:"district,omitempty"` // a sub-district's district (区), or the district a supervisor oversees
}

// city is data/city.json: the units that whistle, answer and report.
type city struct {
	City         string `json:"city"`
	Year         int    `json:"year"`
	Note         string `json:"note"`
	Subdistricts []unit `json:"subdistricts"`
	Departments  []unit `json:"departments"`
	Hotline      unit   `json:"hotline"`
	// Supervisors are the bodies that supervise (督办): each district's,
	// over the matters of its sub-districts, and the city's (no
	// district), over the hotline's own.
	Supervisors []unit `json:"supervisors"`
}

// matterType is one matter type's knobs in data/synthetic.json. The
// percentages are whole numbers from 0 to 100.
type matterType struct {
	Type         string   `json:"type"`
	Weight       int      `json:"weight"`                 // relative frequency among whistled matters
	Coordinated  int      `json:"coordinated,omitempty"`  // % dispatched to the lead and its support units (统筹)
	Staged       int      `json:"staged,omitempty"`       // % handled in stages (分时段)
	Suspend      int      `json:"suspend,omitempty"`      // % suspended for a while (挂起)
	SuspendNotes []string `json:"suspendNotes,omitempty"` // why
	Samples      []string `json:"samples"`                // what a grid worker reports
}

// profile is one department's knobs: how often it responds and resolves
// on time, how the sub-districts judge its work (weights of quality 5, 4,
// 3, 2 and 1) and how often it returns a matter (退单).
type profile struct {
	ID            string `json:"id"`
	RespondOnTime int    `json:"respondOnTime"`
	ResolveOnTime int    `json:"resolveOnTime"`
	Quality       [5]int `json:"quality"`
	Returns       int    `json:"returns"`
}

// bounds is a closed range of the synthetic other-assessment scores.
type bounds struct {
	Min decimal.Decimal `json:"min"`
	Max decimal.Decimal `json:"max"`
}

// synthetic is data/synthetic.json: the figures the year is calibrated to
// (Received, Resolved, Surveyed, Satisfied: exact) and the knobs that shape
// it (everything else: invented, for the demonstration only).
type synthetic struct {
	Note            string `json:"note"`
	Received        int    `json:"received"`
	Resolved        int    `json:"resolved"`
	Surveyed        int    `json:"surveyed"`
	Satisfied       int    `json:"satisfied"`
	Reopened        int    `json:"reopened"`
	Unwhistled      int    `json:"unwhistled"`
	HotlinePercent  int    `json:"hotlinePercent"`  // % reported by the hotline for a sub-district
	AssignedPercent int    `json:"assignedPercent"` // % the hotline keeps and dispatches to a department itself
	SuspendDenied   int    `json:"suspendDenied"`   // % of suspensions asked for that the owner denies
	ExtendPercent   int    `json:"extendPercent"`   // % of late matters whose lead asks for more days
	ExtendApproved  int    `json:"extendApproved"`  // % of those extensions granted
	LateFeedback    int    `json:"lateFeedback"`    // % of the hotline's return visits made late
	// Supervision is the catalog's: the city's supervisor, escalation,
	// the time for the return visit and the reopening limit.
	Supervision     matters.Supervision `json:"supervision"`
	OtherAssessment bounds              `json:"otherAssessment"`
	UnwhistledTypes []string            `json:"unwhistledTypes"`
	Types           []matterType        `json:"types"`
	Departments     []profile           `json:"departments"`
}

// world is everything the example is built from.
type world struct {
	city city
	dir  *matters.Directory // data/routes.json: the governance matter list
	adm  *matters.Admission // data/admission.json: the admission lists (事项准入), one for every sub-district
	syn  synthetic
	rate *rating // data/indicators.json
}

// errData reports embedded data that does not hold together.
var errData = errors.New("wuhu: bad embedded data")

// loadWorld decodes and cross-checks the embedded data.
func loadWorld() (*world, error) {
	var w world
	var errDir, errAdm error
	w.dir, errDir = cli.Read(data, "data/routes.json", matters.LoadDirectory)
	w.adm, errAdm = cli.Read(data, "data/admission.json", matters.LoadAdmission)
	if err := errors.Join(
		cli.Decode(data, "data/city.json", &w.city),
		errDir,
		errAdm,
		cli.Decode(data, "data/synthetic.json", &w.syn),
	); err != nil {
		return nil, err
	}
	if err := w.check(); err != nil {
		return nil, err
	}
	var err error
	if w.rate, err = loadRating(&w.city); err != nil {
		return nil, err
	}
	return &w, nil
}

// check reports every inconsistency between the data files at once.
func (w *world) check() error {
	var errs []error
	bad := func(format string, a ...any) {
		errs = append(errs, fmt.Errorf("%w: "+format, append([]any{errData}, a...)...))
	}
	if err := w.dir.Validate(); err != nil {
		errs = append(errs, err)
	}
	if err := w.adm.Validate(); err != nil {
		errs = append(errs, err)
	}
	supervisors := map[string]string{} // by district; "" the city's
	for _, u := range w.city.Supervisors {
		supervisors[u.District] = u.ID
	}
	for _, u := range w.city.Subdistricts {
		if supervisors[u.District] == "" {
			bad("sub-district %s: no supervisor for district %s", u.ID, u.District)
		}
	}
	if s := w.syn.Supervision.Supervisor; s == "" || s != supervisors[""] {
		bad("the supervision's supervisor %q is not the city's supervisor %q", s, supervisors[""])
	}
	for name, pct := range map[string]int{"hotlinePercent": w.syn.HotlinePercent, "assignedPercent": w.syn.AssignedPercent,
		"suspendDenied": w.syn.SuspendDenied, "extendPercent": w.syn.ExtendPercent, "extendApproved": w.syn.ExtendApproved, "lateFeedback": w.syn.LateFeedback} {
		if pct < 0 || pct > 100 {
			bad("%s is %d, not a percentage", name, pct)
		}
	}
	depts := map[string]bool{}
	for _, d := range w.city.Departments {
		depts[d.ID] = true
	}
	for _, r := range w.dir.Routes {
		for _, u := range r.Units() {
			if !depts[u] {
				bad("route %s names unknown department %q", r.Type, u)
			}
		}
	}
	typed := map[string]bool{}
	for _, t := range w.syn.Types {
		typed[t.Type] = true
		if _, err := w.dir.Route(t.Type); err != nil {
			bad("synthetic type %s: %v", t.Type, err)
		}
		if t.Weight <= 0 || len(t.Samples) == 0 || (t.Suspend > 0 && len(t.SuspendNotes) == 0) {
			bad("synthetic type %s needs a positive weight, samples, and notes for suspensions", t.Type)
		}
	}
	for _, t := range w.syn.UnwhistledTypes {
		if !typed[t] {
			bad("unwhistled type %s has no synthetic knobs", t)
		}
	}
	profiled := map[string]bool{}
	for _, p := range w.syn.Departments {
		profiled[p.ID] = true
		if !depts[p.ID] {
			bad("profile of unknown department %q", p.ID)
		}
	}
	for id := range depts {
		if !profiled[id] {
			bad("department %q has no profile", id)
		}
	}
	s := w.syn
	if s.Resolved > s.Received || s.Surveyed > s.Resolved || s.Satisfied > s.Surveyed || s.Reopened > s.Surveyed || s.Resolved < 0 || s.Satisfied < 0 || s.Reopened < 0 || s.Unwhistled < 0 {
		bad("figures must satisfy 0 ≤ satisfied ≤ surveyed ≤ resolved ≤ received and reopened ≤ surveyed")
	}
	if s.OtherAssessment.Min.GreaterThan(s.OtherAssessment.Max) {
		bad("other assessment min %s above max %s", s.OtherAssessment.Min, s.OtherAssessment.Max)
	}
	if len(w.city.Subdistricts) == 0 {
		bad("no sub-districts")
	}
	return errors.Join(errs...)
}

// name returns a unit's display name: a department's full name, a
// sub-district's name, the hotline's name; the ID itself if unknown.
func (w *world) name(id string) string {
	for _, u := range w.units() {
		if u.ID == id {
			return u.Name
		}
	}
	return id
}

// short returns a department's short name, else its name.
func (w *world) short(id string) string {
	for _, u := range w.city.Departments {
		if u.ID == id && u.Short != "" {
			return u.Short
		}
	}
	return w.name(id)
}

// units returns every unit of the city.
func (w *world) units() []unit {
	return slices.Concat(w.city.Departments, w.city.Subdistricts, []unit{w.city.Hotline}, w.city.Supervisors)
}

// supervisorOf returns the body that supervises a sub-district's matters:
// its district's.
func (w *world) supervisorOf(street string) string {
	district := ""
	for _, u := range w.city.Subdistricts {
		if u.ID == street {
			district = u.District
		}
	}
	for _, u := range w.city.Supervisors {
		if u.District == district && district != "" {
			return u.ID
		}
	}
	return ""
}

// catalog returns the city's lists as the lifecycle checks them: the
// governance matter list, the admission lists and the supervision.
func (w *world) catalog() *matters.Catalog {
	return &matters.Catalog{Directory: w.dir, Admission: w.adm, Supervision: w.syn.Supervision}
}

// profileOf returns a department's profile.
func (w *world) profileOf(id string) profile {
	for _, p := range w.syn.Departments {
		if p.ID == id {
			return p
		}
	}
	return profile{}
}
