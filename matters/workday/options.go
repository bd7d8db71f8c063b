package workday

import (
	"errors"
	"fmt"
)

// builder collects what the options ask for.
type builder struct {
	spans   []Span
	hasSpan bool
	extra   []Schedule
	noChina bool
}

// Option configures a Calendar built by [New]. Options come from
// [WithHours], [WithSchedules] and [WithoutChina]; applied to a Calendar
// outside New, an Option does nothing and returns an error.
type Option func(*Calendar) error

// ErrOption reports an Option that cannot be applied: a nil Option, or an
// Option used on a Calendar outside New.
var ErrOption = errors.New("workday: invalid option")

func (c *Calendar) building() (*builder, error) {
	if c == nil || c.b == nil {
		return nil, fmt.Errorf("%w: options apply only inside New; a built Calendar never changes", ErrOption)
	}
	return c.b, nil
}

// WithHours sets the working hours of a working day: spans in order, not
// overlapping, each within 00:00–24:00 and not empty (touching spans are
// allowed). The default is the whole day. The spans are copied. New
// reports every problem, wrapping [ErrHours]. If given more than once, the
// last WithHours counts.
func WithHours(spans ...Span) Option {
	spans = append([]Span{}, spans...)
	return func(c *Calendar) error {
		b, err := c.building()
		if err != nil {
			return err
		}
		b.spans, b.hasSpan = spans, true
		return nil
	}
}

// WithSchedules adds years to the calendar: by default on top of the
// embedded State Council schedules of [ChinaSchedules], so that a host adds
// the next year from its notice's data (see [ParseSchedules]) without
// waiting for a release. The schedules are copied; New validates them with
// the others and reports every problem, wrapping [ErrSchedule] — including a
// year that is already covered. Several WithSchedules add up.
//
// A notice may start its New Year break in the December before its year
// (see [Schedule]); adding year Y+1 then changes those December days of Y,
// as the notice does. Until Y+1 is added, they follow the schedule of Y.
func WithSchedules(s ...Schedule) Option {
	cp := make([]Schedule, len(s))
	for i := range s {
		cp[i] = s[i].clone()
	}
	return func(c *Calendar) error {
		b, err := c.building()
		if err != nil {
			return err
		}
		b.extra = append(b.extra, cp...)
		return nil
	}
}

// WithoutChina leaves out the embedded State Council schedules: the
// calendar covers only the years given by [WithSchedules]. Use it for
// another jurisdiction's calendar, or to replace a year, starting from
// [ChinaSchedules] with that year changed.
func WithoutChina() Option {
	return func(c *Calendar) error {
		b, err := c.building()
		if err != nil {
			return err
		}
		b.noChina = true
		return nil
	}
}
