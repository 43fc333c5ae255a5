package eipsim

import "unsafe"

// histWays is a set of the history's cache of names (histnames.go): the
// two strings of the set last stored, by address and length, with their
// histRefs. A cache is an array of sets, the set of a string chosen by its
// address (histSetOf), so that looking up the constants and the strings
// just seen costs neither hashing their bytes nor comparing them. The
// inlined fast path (first) looks at the newer string only; the second way
// is looked at on the slow path (second), so that two strings that choose
// the same set cost a call rather than taking turns throwing each other
// out.
//
// A set holds the strings it saw (their addresses, which keep them alive),
// so an address in it is never reused for another string while it is
// there. It never holds "", whose histRef is 0 anyway: the zero set
// answers 0 for it, and a full set misses it; nor a string longer than a
// uint32 (the caches hold at most histMaxField bytes).
//
// A put writes two pointers (two write barriers while the GC marks), which
// suits the names: they are put once, when first seen. The copies, put for
// every new string, have sets that write one (histCopyWays).
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

// histCopyWays is a set of the cache of copies (histcopies.go), as
// histWays but for its older string, which it knows by address as a
// number: moving the newer there on a put writes no pointer, so a put
// costs one write barrier (the new string's) while the GC marks, not two.
// The newer string's pointer keeps it alive, so a match of the newer by
// address and length is the string, as in histWays; the older one's
// address may have been freed and reused since, so a match of it is only a
// candidate, which copySlow confirms by comparing the bytes with the copy
// (history.isCopy): a reused address costs a miss, never a wrong copy.
type histCopyWays struct {
	histWay         // the newer string
	old     histOld // the older
}

// histOld is the older string of a histCopyWays: its bytes' address as a
// number, which keeps nothing alive.
type histOld struct {
	p   uintptr
	n   uint32
	ref histRef
}

// first returns v's copy if it is the newer string of the set, else
// histMiss.
func (w *histCopyWays) first(v string) histRef {
	if w.p == unsafe.StringData(v) && int(w.n) == len(v) {
		return w.ref
	}
	return histMiss
}

// second returns the copy of the older string of the set if it has v's
// address and length, else histMiss. The caller must confirm it by the
// bytes: the address may be another string's by now.
func (w *histCopyWays) second(v string) histRef {
	if w.old.p == uintptr(unsafe.Pointer(unsafe.StringData(v))) && int(w.old.n) == len(v) {
		return w.old.ref
	}
	return histMiss
}

// put stores v (not "", at most histMaxField bytes) as ref, in place of
// the older of the two: the newer becomes the older, by address.
func (w *histCopyWays) put(v string, ref histRef) {
	w.old = histOld{p: uintptr(unsafe.Pointer(w.p)), n: w.n, ref: w.ref}
	w.histWay = histWay{p: unsafe.StringData(v), n: uint32(len(v)), ref: ref}
}
