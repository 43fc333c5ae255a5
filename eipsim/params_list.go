package eipsim

import (
	"reflect"
	"strconv"
	"strings"
)

// Repeated parameters. A request field of type []string with wire tag
// "Name.N" takes Name.1, Name.2, ...; a field of type []Tag with wire tag
// "Tag.N" takes Tag.1.Key, Tag.1.Value, .... Indexes are decimals from 1 to
// [MaxListIndex] without leading zeros (so no index can be given twice) and
// without gaps; anything else is InvalidParameter naming the key.

// MaxListIndex bounds the N of a repeated parameter: no VPC list this Sim
// serves takes more than 50 items (TagResources' ResourceId.N).
const MaxListIndex = 50

// ParamPattern returns the wire name a parameter key is declared under:
// "Tag.N.Key" for Tag.3.Key, "ResourceId.N" for ResourceId.12, and key
// itself for a plain name or an index that is not a valid N.
func ParamPattern(key string) string {
	name, rest, ok := strings.Cut(key, ".")
	if !ok {
		return key
	}
	num, sub, hasSub := strings.Cut(rest, ".")
	if _, ok := parseListIndex(num); !ok {
		return key
	}
	if hasSub {
		return name + ".N." + sub
	}
	return name + ".N"
}

// parseListIndex parses the N of Name.N: 1 to MaxListIndex, no sign, no
// leading zero.
func parseListIndex(s string) (int, bool) {
	if s == "" || len(s) > 2 || s[0] < '1' || s[0] > '9' {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	if err != nil || n > MaxListIndex {
		return 0, false
	}
	return n, true
}

// listName returns the base name of a repeated field's wire tag ("Tag" for
// "Tag.N"), or "" for a plain field.
func listName(wire string) string {
	name, ok := strings.CutSuffix(wire, ".N")
	if !ok {
		return ""
	}
	return name
}

// decodeList fills a []string or []Tag field from the Name.N keys of params.
// It returns the key that is malformed, or "".
func decodeList(f reflect.Value, name string, params Params) string {
	prefix := name + "."
	items := map[int]map[string]string{}
	max := 0
	for key, val := range params {
		rest, ok := strings.CutPrefix(key, prefix)
		if !ok {
			continue
		}
		num, sub, hasSub := strings.Cut(rest, ".")
		n, ok := parseListIndex(num)
		if !ok || hasSub != (f.Type().Elem().Kind() == reflect.Struct) {
			return key
		}
		if hasSub && sub != "Key" && sub != "Value" {
			continue // an unknown sub-parameter is ignored, as unknown names are
		}
		if items[n] == nil {
			items[n] = map[string]string{}
		}
		items[n][sub] = val
		max = maxInt(max, n)
	}
	if max == 0 {
		return ""
	}
	for n := 1; n <= max; n++ {
		if items[n] == nil {
			return prefix + strconv.Itoa(max)
		}
	}
	out := reflect.MakeSlice(f.Type(), max, max)
	for n := 1; n <= max; n++ {
		it := items[n]
		if f.Type().Elem().Kind() == reflect.Struct {
			out.Index(n - 1).Set(reflect.ValueOf(Tag{Key: it["Key"], Value: it["Value"]}))
		} else {
			out.Index(n - 1).SetString(it[""])
		}
	}
	f.Set(out)
	return ""
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}
