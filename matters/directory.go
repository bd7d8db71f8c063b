package matters

// SKELETON written by the lead: the matters helper owns this file.

import (
	"errors"
	"time"
)

// ErrNoRoute reports a matter type the directory does not list.
var ErrNoRoute = errors.New("matters: no route")

// Route is one line of the governance matter list.
type Route struct {
	Type        string        `json:"type"`
	Lead        string        `json:"lead"`
	Support     []string      `json:"support,omitempty"`
	Respond     time.Duration `json:"respond,omitempty"`
	ResolveDays int           `json:"resolveDays,omitempty"`
}

// Directory is the governance matter list (基层治理事项清单).
type Directory struct {
	Routes []Route `json:"routes"`
}

// Route returns the route for a matter type.
func (d *Directory) Route(matterType string) (Route, error) { panic("skeleton") }
