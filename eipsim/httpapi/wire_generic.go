package httpapi

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"time"
)

// genericWire encodes an engine response that has no shape in wire.go, by
// reflection, with the cloud's conventions:
//
//   - exported struct fields in declaration order, named by [WireName] (or
//     their `wire:"Name"` tag); embedded structs are flattened;
//   - strings, bools and numbers as themselves (named types by their
//     underlying kind); time.Time as "2006-01-02T15:04:05Z" in UTC, "" when
//     zero; nil pointers and interfaces are left out;
//   - a list field whose wire name is a plural sits in the cloud's wrapper
//     object, named by the singular: HaVips []HaVip is
//     "HaVips":{"HaVip":[...]}, SnatTableEntries is
//     "SnatTableEntries":{"SnatTableEntry":[...]}, PrivateIpAddresses is
//     "PrivateIpAddresses":{"PrivateIpAddress":[...]}; other lists are plain
//     arrays; a nil list is an empty one;
//   - maps with string keys are objects with sorted keys.
//
// Shapes the cloud spells otherwise belong in wire.go.
func genericWire(v any) any {
	return encodeValue(reflect.ValueOf(v), 0)
}

// maxWireDepth bounds recursion through self-referencing values.
const maxWireDepth = 32

var timeType = reflect.TypeFor[time.Time]()

// encodeValue returns a json.Marshaler-friendly form of v, or nil to leave
// it out.
func encodeValue(v reflect.Value, depth int) any {
	if !v.IsValid() || depth > maxWireDepth {
		return nil
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return encodeValue(v.Elem(), depth+1)
	case reflect.Struct:
		if v.Type() == timeType {
			return wireTime(v.Interface().(time.Time))
		}
		obj := &wireObject{}
		encodeFields(obj, v, depth)
		return obj
	case reflect.Slice, reflect.Array:
		out := make([]any, 0, v.Len())
		for i := range v.Len() {
			out = append(out, encodeValue(v.Index(i), depth+1))
		}
		return out
	case reflect.Map:
		if v.Type().Key().Kind() != reflect.String {
			return nil
		}
		obj := &wireObject{}
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
		for _, k := range keys {
			if e := encodeValue(v.MapIndex(k), depth+1); e != nil {
				obj.add(k.String(), e)
			}
		}
		return obj
	case reflect.String:
		return v.String()
	case reflect.Bool:
		return v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint()
	case reflect.Float32, reflect.Float64:
		return v.Float()
	}
	return nil // channels, functions, complex numbers: nothing the cloud sends.
}

// encodeFields adds v's exported fields to obj.
func encodeFields(obj *wireObject, v reflect.Value, depth int) {
	t := v.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		fv := v.Field(i)
		if f.Anonymous && f.Type.Kind() == reflect.Struct && f.Type != timeType {
			encodeFields(obj, fv, depth+1)
			continue
		}
		if !f.IsExported() {
			continue
		}
		name := f.Tag.Get("wire")
		if name == "" {
			name = WireName(f.Name)
		}
		e := encodeValue(fv, depth+1)
		if e == nil {
			continue
		}
		if list, ok := e.([]any); ok && f.Type.Kind() != reflect.Array {
			if one := singular(name); one != "" {
				w := &wireObject{}
				w.add(one, list)
				e = w
			}
		}
		obj.add(name, e)
	}
}

// singular returns the singular of a plural wire name (HaVips: HaVip,
// SnatTableEntries: SnatTableEntry, PrivateIpAddresses: PrivateIpAddress),
// or "" when name is not a plural.
func singular(name string) string {
	switch {
	case strings.HasSuffix(name, "ies") && len(name) > 3:
		return name[:len(name)-3] + "y"
	case strings.HasSuffix(name, "sses"), strings.HasSuffix(name, "xes"),
		strings.HasSuffix(name, "ches"), strings.HasSuffix(name, "shes"):
		return name[:len(name)-2]
	case strings.HasSuffix(name, "ss"):
		return ""
	case strings.HasSuffix(name, "s") && len(name) > 1:
		return name[:len(name)-1]
	}
	return ""
}

// wireObject is a JSON object that keeps its fields in insertion order.
type wireObject struct {
	keys []string
	vals []any
}

func (o *wireObject) add(k string, v any) {
	o.keys = append(o.keys, k)
	o.vals = append(o.vals, v)
}

// MarshalJSON writes the fields in order, without HTML escaping.
func (o *wireObject) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range o.keys {
		if i > 0 {
			b.WriteByte(',')
		}
		kb, err := encodeJSON(k)
		if err != nil {
			return nil, err
		}
		vb, err := encodeJSON(o.vals[i])
		if err != nil {
			return nil, err
		}
		b.Write(kb)
		b.WriteByte(':')
		b.Write(vb)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

var _ json.Marshaler = (*wireObject)(nil)
