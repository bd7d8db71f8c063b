//go:build !race

package journal_test

// raceEnabled reports a test binary built with -race.
const raceEnabled = false
