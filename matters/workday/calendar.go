package workday

// SKELETON: the workday helper replaces this file. Signatures are the contract.

import (
	"errors"
	"time"
)

// ErrOutOfRange reports a date in a year the calendar has no data for.
var ErrOutOfRange = errors.New("workday: date out of range")

// Calendar is a working-day calendar.
type Calendar struct{ day time.Duration }

// Option configures a Calendar.
type Option func(*Calendar) error

// New returns a calendar.
func New(opts ...Option) (*Calendar, error) { return &Calendar{day: 24 * time.Hour}, nil }

// China returns the State Council calendar.
func China() *Calendar { return &Calendar{day: 24 * time.Hour} }

// IsWorkday reports whether t's civil date in China Standard Time is a working day.
func (c *Calendar) IsWorkday(t time.Time) (bool, error) { return false, ErrOutOfRange }

// Between returns the working time between two instants.
func (c *Calendar) Between(from, to time.Time) (time.Duration, error) { return 0, ErrOutOfRange }

// AddDays returns the instant n working days after from, same clock time.
func (c *Calendar) AddDays(from time.Time, n int) (time.Time, error) { return time.Time{}, ErrOutOfRange }

// Day returns the working time of one working day.
func (c *Calendar) Day() time.Duration { return c.day }
