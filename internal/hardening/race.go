//go:build race

package hardening

// raceEnabled is true under the race detector, which slows code by about
// ten times.
const raceEnabled = true
