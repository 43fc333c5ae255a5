package eipsim

import (
	"math"
	"testing"
)

// TestPageBoundsNeverOverflow drives pageBounds with the extremes a caller
// that skipped checkPage could pass: the bounds stay inside [0, total].
func TestPageBoundsNeverOverflow(t *testing.T) {
	for _, num := range []int{1, 2, 3, math.MaxInt32, math.MaxInt / 100, math.MaxInt/100 + 1, math.MaxInt - 1, math.MaxInt} {
		for _, size := range []int{1, 7, 100} {
			for _, total := range []int{0, 1, 99, 100, 101, math.MaxInt - 1, math.MaxInt} {
				for _, skip := range []int{0, 1} {
					lo, hi := pageBounds(num, size, total, skip)
					if lo < 0 || lo > hi || hi > total || hi-lo > size {
						t.Fatalf("pageBounds(%d, %d, %d, %d) = %d, %d", num, size, total, skip, lo, hi)
					}
					if num == 1 && total >= size+skip && (lo != skip || hi != size+skip) {
						t.Fatalf("pageBounds(1, %d, %d, %d) = %d, %d", size, total, skip, lo, hi)
					}
				}
			}
		}
	}
}
