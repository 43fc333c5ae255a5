package httpapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// The wire contract checks: an answer against the official SDK's
// XxxResponseBody model type (github.com/alibabacloud-go/vpc-20160428/v6).

// wireExtras are the fields the cloud sends beyond the v6 SDK model, by
// path; each has its reason where the shape declares it.
var wireExtras = []string{
	"EipAddresses.EipAddress[].AvailableRegions", // eipItem.AvailableRegions
}

// checkKnown reports every key of raw that the model type t lacks, matched
// by exact case (Go's decoder is case-insensitive, other SDKs are not), and
// every value whose JSON type is not the model's.
func checkKnown(raw any, t reflect.Type, path string) []string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	var out []string
	switch v := raw.(type) {
	case map[string]any:
		if t.Kind() != reflect.Struct {
			return []string{fmt.Sprintf("%s: object, model has %s", path, t)}
		}
		fields := jsonFields(t)
		for _, k := range sortedMapKeys(v) {
			p := join(path, k)
			ft, ok := fields[k]
			if !ok {
				if !slices.Contains(wireExtras, p) {
					out = append(out, p+": not in the SDK model")
				}
				continue
			}
			out = append(out, checkKnown(v[k], ft, p)...)
		}
	case []any:
		if t.Kind() != reflect.Slice {
			return []string{fmt.Sprintf("%s: array, model has %s", path, t)}
		}
		for _, e := range v {
			out = append(out, checkKnown(e, t.Elem(), path+"[]")...)
		}
	case string:
		if t.Kind() != reflect.String {
			out = append(out, fmt.Sprintf("%s: string, model has %s", path, t))
		}
	case bool:
		if t.Kind() != reflect.Bool {
			out = append(out, fmt.Sprintf("%s: bool, model has %s", path, t))
		}
	case json.Number:
		switch t.Kind() {
		case reflect.Int, reflect.Int32, reflect.Int64, reflect.Float32, reflect.Float64:
		default:
			out = append(out, fmt.Sprintf("%s: number, model has %s", path, t))
		}
	case nil:
		out = append(out, path+": null")
	}
	return out
}

// checkFilled reports every string, list or object of the decoded model v
// that is empty or absent, except at the paths in empty (the fields the Sim
// has no data for). Lists of objects are checked item by item; a field
// counts as filled when it is filled in at least one item.
func checkFilled(v reflect.Value, empty []string) []string {
	seen := map[string]bool{}
	all := map[string]bool{}
	walkFilled(v, "", seen, all)
	var out []string
	for _, p := range sortedMapKeys(all) {
		if !seen[p] && !slices.Contains(empty, p) && !slices.Contains(empty, strings.TrimSuffix(p, "[]")) {
			out = append(out, p+": empty in the SDK model")
		}
	}
	return out
}

func walkFilled(v reflect.Value, path string, seen, all map[string]bool) {
	if path != "" {
		all[path] = true
	}
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	switch v.Kind() {
	case reflect.Struct:
		if path != "" {
			seen[path] = true
		}
		t := v.Type()
		for i := range t.NumField() {
			name := strings.Split(t.Field(i).Tag.Get("json"), ",")[0]
			if name == "" || name == "-" {
				continue
			}
			walkFilled(v.Field(i), join(path, name), seen, all)
		}
	case reflect.Slice:
		if v.Len() > 0 {
			seen[path] = true
		}
		for i := range v.Len() {
			walkFilled(v.Index(i), path+"[]", seen, all)
		}
		if v.Len() == 0 {
			// The item's fields count as absent.
			markAll(v.Type().Elem(), path+"[]", all)
		}
	case reflect.String:
		if v.Len() > 0 {
			seen[path] = true
		}
	default:
		seen[path] = true // numbers and bools: present is filled.
	}
}

func markAll(t reflect.Type, path string, all map[string]bool) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	all[path] = true
	if t.Kind() != reflect.Struct {
		return
	}
	for i := range t.NumField() {
		name := strings.Split(t.Field(i).Tag.Get("json"), ",")[0]
		if name == "" || name == "-" {
			continue
		}
		markAll(t.Field(i).Type, join(path, name), all)
	}
}

// checkRoundTrip reports what re-encoding the SDK model loses of raw: both
// are compared with empty lists and objects pruned (the model's omitempty
// drops them), and wireExtras removed.
func checkRoundTrip(raw []byte, model any) []string {
	re, err := json.Marshal(model)
	if err != nil {
		return []string{"re-encode: " + err.Error()}
	}
	a, b := decodeNumbers(raw), decodeNumbers(re)
	a, b = prune(a, ""), prune(b, "")
	if !reflect.DeepEqual(a, b) {
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		return []string{fmt.Sprintf("re-encoding the SDK model changes the answer:\nsent %s\nkept %s", ja, jb)}
	}
	return nil
}

func prune(v any, path string) any {
	switch x := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, e := range x {
			p := join(path, k)
			if slices.Contains(wireExtras, p) {
				continue
			}
			if e = prune(e, p); e != nil {
				out[k] = e
			}
		}
		if len(out) == 0 {
			return nil
		}
		return out
	case []any:
		var out []any
		for _, e := range x {
			out = append(out, prune(e, path+"[]"))
		}
		if len(out) == 0 {
			return nil
		}
		return out
	}
	return v
}

func decodeNumbers(b []byte) any {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return "undecodable: " + err.Error()
	}
	return v
}

func jsonFields(t reflect.Type) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	for i := range t.NumField() {
		name := strings.Split(t.Field(i).Tag.Get("json"), ",")[0]
		if name != "" && name != "-" {
			out[name] = t.Field(i).Type
		}
	}
	return out
}

func join(path, k string) string {
	if path == "" {
		return k
	}
	return path + "." + k
}

func sortedMapKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}
