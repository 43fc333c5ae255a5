package eipsim

import "strings"

// histNames numbers the history's recurring strings (event kinds, actions,
// statuses, codes, accounts), so an event stores a number instead of a
// copy. The vocabulary (histVocab) has fixed numbers, so that the hot
// paths can pass them; the other strings are numbered in order of first
// use; number 0 is "".
//
// The lookup is by the string's address first: the values are nearly
// always the same constants, so a small cache of the strings last seen
// (histcache.go) answers without hashing. The table itself holds copies.
type histNames struct {
	strs  []string // by number; histVocab first (history.grow sets it)
	ids   map[string]histRef
	cache [histNamesCache]histWays
}

const (
	histNamesCache = 128
	// histNamesMax bounds the table; once full, new strings are copied into
	// the events as the others are.
	histNamesMax = 4096
	// histNameLen is the longest string numbered: longer ones are copied.
	histNameLen = 64
)

// The numbers of the vocabulary's event kinds, and of the first lifecycle
// status (histState).
const (
	histKindCall histRef = 1 + iota
	histKindTransition
	histKindWorld
	histKindFault
	histStates
)

// histVocab is the vocabulary: the strings every history numbers from the
// start, in the order of their numbers.
var histVocab = vocab()

// histVocabIDs numbers histVocab; it is never written after init.
var histVocabIDs = func() map[string]histRef {
	m := make(map[string]histRef, len(histVocab))
	for i, v := range histVocab {
		m[v] = histRef(i)
	}
	return m
}()

// vocab lists the vocabulary: "", the event kinds, then the lifecycle
// statuses in the order of their states.
func vocab() []string {
	v := []string{"", string(EventKindCall), string(EventKindTransition), string(EventKindWorld), string(EventKindFault)}
	for _, st := range lifecycle.states {
		v = append(v, string(st))
	}
	return v
}

// histState returns the number of the lifecycle status st.
func histState(st state) histRef { return histStates + histRef(st) }

// name stores v as a number if it can, else as a copy (history.copy).
func (h *history) name(v string) histRef {
	if ref := h.named(v); ref != histMiss {
		return ref
	}
	return h.nameSlow(v)
}

// named returns v's number if the cache has it, else histMiss: name's
// fast path, inlined in the hot paths as copied is (histcopies.go), with
// nameSlow on a miss.
func (h *history) named(v string) histRef {
	return h.names.cache[histSetOf(v, histNamesCache)].first(v)
}

// nameSlow is name when v is not the cache's newer string of its set: it
// returns the older one's number if it is v, else looks v up, numbers it if
// it is new and the table has room, and puts it in the cache.
func (h *history) nameSlow(v string) histRef {
	t := &h.names
	set := &t.cache[histSetOf(v, histNamesCache)]
	if ref := set.second(v); ref != histMiss {
		return ref
	}
	if v == "" {
		return 0
	}
	if len(v) > histNameLen {
		return h.copy(v)
	}
	ref, ok := histVocabIDs[v]
	if !ok {
		ref, ok = t.ids[v]
	}
	if !ok {
		if len(t.strs) >= histNamesMax {
			return h.copy(v)
		}
		if t.ids == nil {
			t.ids = map[string]histRef{}
		}
		ref = histRef(len(t.strs))
		c := strings.Clone(v)
		t.strs = append(t.strs, c)
		t.ids[c] = ref
	}
	set.put(v, ref)
	return ref
}
