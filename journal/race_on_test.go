//go:build race

package journal_test

// raceEnabled reports a test binary built with -race, whose children
// start slowly: TestCrashKills kills fewer of them (.ci/run runs it once
// more without -race).
const raceEnabled = true
