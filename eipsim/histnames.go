package eipsim

import (
	"strings"
	"unsafe"
)

// histNames numbers the history's recurring strings (event kinds, actions,
// statuses, codes, accounts), so an event stores a number instead of a
// copy. Numbers are given in order of first use; number 0 is unused.
//
// The lookup is by the string's address first: the values are nearly
// always the same constants, so a small direct-mapped cache of the strings
// last seen answers without hashing. The cache holds the strings it saw
// (at most histNamesCache of them), so an address in it is never reused
// for another string while it is there; the table itself holds copies.
type histNames struct {
	strs  []string
	ids   map[string]uint16
	cache [histNamesCache]histName
}

type histName struct {
	s  string
	id uint16
}

const (
	histNamesCache = 256
	// histNamesMax bounds the table; once full, new strings are copied into
	// the events as the others are.
	histNamesMax = 4096
	// histNameLen is the longest string numbered: longer ones are copied.
	histNameLen = 64
)

// id returns v's number, or false if v is not to be numbered.
func (t *histNames) id(v string) (uint16, bool) {
	p := unsafe.StringData(v)
	e := &t.cache[(uintptr(unsafe.Pointer(p))>>3^uintptr(len(v)))%histNamesCache]
	if unsafe.StringData(e.s) == p && len(e.s) == len(v) {
		return e.id, true
	}
	return t.slow(v, e)
}

func (t *histNames) slow(v string, e *histName) (uint16, bool) {
	if len(v) > histNameLen {
		return 0, false
	}
	id, ok := t.ids[v]
	if !ok {
		if len(t.strs) >= histNamesMax {
			return 0, false
		}
		if t.ids == nil {
			t.strs = []string{""}
			t.ids = map[string]uint16{}
		}
		id = uint16(len(t.strs))
		c := strings.Clone(v)
		t.strs = append(t.strs, c)
		t.ids[c] = id
	}
	e.s, e.id = v, id
	return id, true
}
