package eipsim_test

import (
	"slices"
	"strconv"

	"github.com/eipsim/eipsim/eipsim"
)

func sortedCodes[V any](m map[eipsim.Code]V) []eipsim.Code {
	out := make([]eipsim.Code, 0, len(m))
	for c := range m {
		out = append(out, c)
	}
	slices.Sort(out)
	return out
}

func itoa(n int) string { return strconv.Itoa(n) }
