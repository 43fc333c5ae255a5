//go:build !race

package eipsimtest

// raceDetector reports whether the tests run under -race.
const raceDetector = false
