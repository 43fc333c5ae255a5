//go:build !race

package eipsim_test

// raceDetector reports whether the tests run under -race.
const raceDetector = false
