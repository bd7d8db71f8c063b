package matters

import (
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/internal/errtext"
	"github.com/qingdan/qingdan/internal/jsonx"
)

// Route is one line of the governance matter list: the matter Type, the
// Lead unit that answers its whistle and the Support units that help, the
// working time within which the dispatched units must respond (Respond;
// zero = no limit) and the working days within which the lead must resolve
// it (ResolveDays; zero = no limit). Duty is the Code of the responsibility
// of the register (责任清单) the route rests on, and Scope the part of the
// matter type it covers where a boundary (职责边界) splits the type between
// the sub-district and a department ("主次干道"); both are optional, and
// checked by [Catalog.Validate].
//
// In JSON, Respond is a Go duration string such as "4h0m0s"; the field
// names are type, lead, support, respond, resolveDays, duty and scope.
type Route struct {
	Type        string        `json:"type"`
	Lead        string        `json:"lead"`
	Support     []string      `json:"support,omitempty"`
	Respond     time.Duration `json:"respond,omitempty"`
	ResolveDays int           `json:"resolveDays,omitempty"`
	Duty        string        `json:"duty,omitempty"`
	Scope       string        `json:"scope,omitempty"`
}

// routeFields has the fields of a Route and none of its methods.
type routeFields Route

// routeJSON is the JSON form of a Route: Respond as a duration string.
type routeJSON struct {
	routeFields
	Respond jsonx.Duration `json:"respond,omitempty"`
}

// MarshalJSON writes Respond as a duration string.
func (r Route) MarshalJSON() ([]byte, error) {
	return json.Marshal(routeJSON{routeFields: routeFields(r), Respond: jsonx.Duration(r.Respond)})
}

// UnmarshalJSON reads what MarshalJSON writes. A field Route does not have
// is an error. It is read within the bounds of the library's decoders: a
// string longer than 4 MiB, a number longer than 64 characters and nesting
// deeper than 64 are errors.
func (r *Route) UnmarshalJSON(b []byte) error { return unmarshal[routeJSON]("route", b, r) }

// decoded is the Route that j, its JSON form, decodes to.
func (j routeJSON) decoded() Route {
	r := Route(j.routeFields)
	r.Respond = time.Duration(j.Respond)
	return r
}

// Units returns the route's units, lead first then support, in a new slice:
// the Units of the Dispatch event that follows the route.
func (r Route) Units() []string {
	return append([]string{r.Lead}, r.Support...)
}

// Directory is the governance matter list (基层治理事项清单): which units
// answer the whistle for each matter type. Version names the revision of
// the list, and the embedded [accountability.Adoption] says from when it is
// in force and whether it was approved and published; a [Dispatch] event
// records the Version it followed (Event.Routes). The zero Directory routes
// nothing. A Directory is not modified by its methods and is safe for
// concurrent use by readers.
type Directory struct {
	Version string `json:"version,omitempty"`
	accountability.Adoption
	Routes []Route `json:"routes"`
}

// Route returns the route for a matter type, with its own copy of Support.
// A type the directory does not list is an error wrapping [ErrNoRoute] that
// names the type; if the directory lists a type twice the first line wins
// ([Directory.Validate] reports it). A nil directory is an empty one, as
// in a [Catalog].
func (d *Directory) Route(matterType string) (Route, error) {
	if d == nil {
		d = &Directory{}
	}
	for _, r := range d.Routes {
		if r.Type == matterType {
			r.Support = slices.Clone(r.Support)
			return r, nil
		}
	}
	return Route{}, fmt.Errorf("%w for matter type %s", ErrNoRoute, errtext.Quote(matterType))
}

// The longest limits a route may set: [MaxResolveDays] working days to
// resolve, and [MaxRespond] of working time to respond. A longer limit is
// a mistake (ten years to resolve a matter is no limit at all), and would
// overflow the arithmetic of deadlines and facts; Validate refuses it.
const (
	MaxResolveDays = 3650
	MaxRespond     = MaxResolveDays * 24 * time.Hour
)

// Validate reports every problem of the directory: a route with no type,
// two routes with one type, a route with no lead, an empty or repeated
// support unit, a lead that also supports, a negative Respond or
// ResolveDays, and one over [MaxRespond] or [MaxResolveDays]. The error
// joins one [*Problem] per problem (the first 100, and the number of the
// others), each naming its path (such as routes[违法建设]) and wrapping
// [ErrInvalid]; nil if sound, as a nil directory, an empty one, is.
func (d *Directory) Validate() error {
	if d == nil {
		return nil
	}
	var p problems
	first := make(map[string]int, len(d.Routes))
	for i, r := range d.Routes {
		path := p.keyed(first, "routes", r.Type, i,
			[2]string{"type %[1]s is routed by lines %[2]d and %[3]d", "事项类型 %[1]s 有两条路由（第 %[4]d 条和第 %[5]d 条）"},
			[2]string{"route has no matter type", "路由没有事项类型"})
		checkUnits(&p, path, r.Lead, r.Support)
		switch {
		case r.Respond < 0:
			p.add(path, "negative response limit %s", "响应时限 %s 为负", r.Respond)
		case r.Respond > MaxRespond:
			p.add(path, "response limit %s is over the most a route may set, %s", "响应时限 %s 超过路由可设的上限 %s", r.Respond, MaxRespond)
		}
		switch {
		case r.ResolveDays < 0:
			p.add(path, "negative resolution limit of %d working days", "办结时限 %d 个工作日为负", r.ResolveDays)
		case r.ResolveDays > MaxResolveDays:
			p.add(path, "resolution limit of %d working days is over the most a route may set, %d", "办结时限 %d 个工作日超过路由可设的上限 %d 个工作日", r.ResolveDays, MaxResolveDays)
		}
	}
	return p.err()
}

// checkUnits reports an empty lead, an empty or repeated support unit and a
// lead that also supports.
func checkUnits(p *problems, path, lead string, support []string) {
	if lead == "" {
		p.add(path, "no lead unit", "没有牵头单位")
	}
	seen := make(map[string]bool, len(support))
	for i, s := range support {
		switch {
		case s == "":
			p.add(fmt.Sprintf("%s.support[%d]", path, i), "empty unit", "配合单位为空")
		case s == lead:
			p.add(fmt.Sprintf("%s.support[%d]", path, i), "lead %s also supports", "牵头单位 %s 又列为配合单位", s)
		case seen[s]:
			p.add(fmt.Sprintf("%s.support[%d]", path, i), "unit %s supports twice", "配合单位 %s 列了两次", s)
		}
		seen[s] = true
	}
}
