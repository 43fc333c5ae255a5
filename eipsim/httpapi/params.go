package httpapi

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/eipsim/eipsim/eipsim"
)

// Params are the parameters of one action call by wire name (AllocationId,
// RegionId, Tag.1.Key, ...), merged from the URL query and a form body, with
// the common and signature parameters removed (Action, Version, Format,
// AccessKeyId, SecurityToken, Timestamp and Signature*; RegionId stays).
//
// Accessors that fail return an *eipsim.Error (InvalidParameter naming the
// parameter) whose RequestID is empty; the handler fills it in.
type Params map[string]string

// String returns the value of name, or "" if it is absent.
func (p Params) String(name string) string { return p[name] }

// Lookup returns the value of name and whether it is present (a present
// parameter may be empty: the SDK sends an empty string as "Name=").
func (p Params) Lookup(name string) (string, bool) {
	v, ok := p[name]
	return v, ok
}

// Has reports whether name is present.
func (p Params) Has(name string) bool {
	_, ok := p[name]
	return ok
}

// Bool returns the value of name as a boolean: "true" or "false" (any
// letter case), as the SDK sends them. An absent parameter is false; any other
// value is InvalidParameter naming name.
func (p Params) Bool(name string) (bool, error) {
	v, ok := p[name]
	switch {
	case !ok:
		return false, nil
	case strings.EqualFold(v, "true"):
		return true, nil
	case strings.EqualFold(v, "false"):
		return false, nil
	}
	return false, invalidParameter(name)
}

// Int returns the value of name as a decimal 64-bit integer (the SDK sends
// int32 and int64 fields in decimal). An absent parameter is 0; anything that
// is not a decimal integer in range is InvalidParameter naming name.
func (p Params) Int(name string) (int64, error) {
	v, ok := p[name]
	if !ok {
		return 0, nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return 0, invalidParameter(name)
	}
	return n, nil
}

// maxListIndex bounds the N of Name.N: no VPC list parameter comes near it,
// and it keeps index parsing trivially safe.
const maxListIndex = 100000

// List decodes the repeated parameter Name.1, Name.2, ... (for example
// SecurityProtectionTypes.N or ResourceId.N) into its values in index order.
// Indexes are 1-based decimals without leading zeros and must have no gaps; a
// malformed index, a gap or a Name.N.Sub key is InvalidParameter naming the
// offending key. No Name.N keys give a nil slice.
func (p Params) List(name string) ([]string, error) {
	entries, err := p.indexed(name)
	if err != nil {
		return nil, err
	}
	var out []string
	for i, e := range entries {
		if e.sub != "" {
			return nil, invalidParameter(e.key)
		}
		if e.index != i+1 {
			return nil, invalidParameter(e.key)
		}
		out = append(out, p[e.key])
	}
	return out, nil
}

// Objects decodes the repeated structured parameter Name.N.Sub (for example
// Tag.N.Key/Tag.N.Value or Filter.N.Key/Filter.N.Value) into one map per
// index, Sub to value, in index order. Indexes follow the rules of [Params.List];
// Sub must be a non-empty name without dots; a bare Name.N is
// InvalidParameter. Which Subs are required is the action's business.
func (p Params) Objects(name string) ([]map[string]string, error) {
	entries, err := p.indexed(name)
	if err != nil {
		return nil, err
	}
	var out []map[string]string
	for _, e := range entries {
		if e.sub == "" || strings.Contains(e.sub, ".") {
			return nil, invalidParameter(e.key)
		}
		switch {
		case e.index == len(out):
			// Another Sub of the current object.
		case e.index == len(out)+1:
			out = append(out, map[string]string{})
		default:
			return nil, invalidParameter(e.key)
		}
		out[e.index-1][e.sub] = p[e.key]
	}
	return out, nil
}

// indexedEntry is one Name.N[.Sub] key split into its parts.
type indexedEntry struct {
	key   string
	index int
	sub   string
}

// indexed returns the Name.N[.Sub] keys of p sorted by index then Sub, or
// InvalidParameter naming a key whose index is malformed.
func (p Params) indexed(name string) ([]indexedEntry, error) {
	var entries []indexedEntry
	for key := range p {
		// key has the prefix name + ".", tested without building it.
		if len(key) <= len(name) || key[len(name)] != '.' || key[:len(name)] != name {
			continue
		}
		rest := key[len(name)+1:]
		num, sub, _ := strings.Cut(rest, ".")
		idx, ok := parseIndex(num)
		if !ok {
			return nil, invalidParameter(key)
		}
		entries = append(entries, indexedEntry{key: key, index: idx, sub: sub})
	}
	slices.SortFunc(entries, func(a, b indexedEntry) int {
		if c := cmp.Compare(a.index, b.index); c != 0 {
			return c
		}
		return strings.Compare(a.sub, b.sub)
	})
	return entries, nil
}

// parseIndex parses a 1-based list index: decimal digits, no sign, no
// leading zero, at most maxListIndex.
func parseIndex(s string) (int, bool) {
	if s == "" || len(s) > 6 || s[0] == '0' {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, n <= maxListIndex
}

// invalidParameter is the cloud's InvalidParameter error naming one
// parameter (`The specified value of parameter "<name>" is not valid.`),
// without a RequestID: the handler fills it in.
func invalidParameter(name string) *eipsim.Error {
	return eipsim.InvalidParameterError("", name)
}
