package eipsim

import "unsafe"

// histWays is a set of the history's caches of strings (histnames.go,
// histcopies.go): the two strings of the set last stored, by address and
// length, with their histRefs. A cache is an array of sets, the set of a
// string chosen by its address (histSetOf), so that looking up the
// constants and the strings just seen costs neither hashing their bytes
// nor comparing them. The inlined fast path (first) looks at the newer
// string only; the second way is looked at on the slow path (second), so
// that two strings that choose the same set cost a call rather than taking
// turns throwing each other out.
//
// A set holds the strings it saw (their addresses, which keep them alive),
// so an address in it is never reused for another string while it is
// there. It never holds "", whose histRef is 0 anyway: the zero set
// answers 0 for it, and a full set misses it; nor a string longer than a
// uint32 (the caches hold at most histMaxField bytes).
type histWays [2]histWay

type histWay struct {
	p   *byte // the string's bytes
	n   uint32
	ref histRef
}

// histSetOf returns the index of v's set in a cache of n sets, n a power of
// two.
func histSetOf(v string, n uintptr) uintptr {
	return (uintptr(unsafe.Pointer(unsafe.StringData(v)))>>3 ^ uintptr(len(v))) & (n - 1)
}

// first returns v's histRef if it is the newer string of the set, else
// histMiss.
func (w *histWays) first(v string) histRef {
	if w[0].p == unsafe.StringData(v) && int(w[0].n) == len(v) {
		return w[0].ref
	}
	return histMiss
}

// second returns v's histRef if it is the older string of the set, else
// histMiss.
func (w *histWays) second(v string) histRef {
	if w[1].p == unsafe.StringData(v) && int(w[1].n) == len(v) {
		return w[1].ref
	}
	return histMiss
}

// put stores v (not "", at most histMaxField bytes) as ref, in place of
// the older of the two.
func (w *histWays) put(v string, ref histRef) {
	w[1] = w[0]
	w[0] = histWay{p: unsafe.StringData(v), n: uint32(len(v)), ref: ref}
}
