// Package workday is the working-day calendar of the People's Republic of
// China: which civil dates are working days under the State Council's
// published holiday schedules, and how much working time lies between two
// instants.
//
// Every year the General Office of the State Council publishes a notice
// (国务院办公厅关于YYYY年部分节假日安排的通知) that fixes the days off (放假)
// of the seven public holidays and the weekend days that are worked instead
// (调休上班, make-up working days). No rule predicts these dates, so the
// calendar carries them as data: [China] embeds the notices from 2019 to 2027
// (see [ChinaSchedules] for the text of each citation; 2027's dates are
// those of github.com/6tail/lunar-go, the notice's text not yet read), and
// a host adds the next year from the notice's data, when it is published,
// with [New] and [Config].Schedules. A date in a year without data is [ErrOutOfRange]; the
// calendar never guesses.
//
// Dates are civil dates in China Standard Time, the fixed zone UTC+8 returned
// by [CST] (China has kept no daylight saving time since 1991), so the package
// needs no time-zone database. Instants in any zone are converted to CST.
//
// Working time is counted inside working hours, by default the whole working
// day (so [Calendar.Day] is 24h); [Config].Hours sets office hours such as
// 08:30–12:00 and 14:30–17:30 (Day is then 6h30m).
//
// A [Calendar] is immutable once New returns it and safe for concurrent use.
// A nil *Calendar is a programmer's error; packages that take a calendar
// panic on it rather than guess which calendar was meant.
//
// # Encoding
//
// A [Schedule] is data a host exchanges: [ParseSchedules] reads it strictly
// (unknown fields and trailing data are errors). A [Span] is text such as
// "08:30-12:00". A Calendar itself has no JSON form: it is built from its
// Config, and [Calendar.Schedules] and [Calendar.Hours] give that data back.
//
// # Performance
//
// [Calendar.Between] and [Calendar.AddDays] take constant time whatever the
// span: New precomputes per-day prefix counts of working days and an index
// from a working day's ordinal to its date.
package workday
