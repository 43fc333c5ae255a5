package eipsimtest

import (
	"fmt"
	"net/netip"
	"reflect"
	"regexp"
	"strings"
	"time"

	"github.com/eipsim/eipsim/eipsim"
)

// The messages the model selects by case: documented alternative wordings
// of InvalidParameter (eip-api-facts.md §1.3 and §3), spelled here, apart
// from the engine's catalogue, so that an engine picking the wrong variant
// disagrees with the model.
const bandwidthUnsupported = `Specified value of "Bandwidth" is not supported.`

func invalidNamed(param string) string {
	return fmt.Sprintf(`The specified value of parameter "%s" is not valid.`, param)
}

// natStatusArgs fills IncorrectStatus.NatGateway's message.
func natStatusArgs(g *mGateway) []any {
	return []any{"The status of NatGateway " + g.id + " is " + g.status + "."}
}

// answerMismatch compares an error's HTTP status and message with what the
// model predicts for w (its code already agrees): the catalogue's answer
// for (code, action), filled with w.args, or w.msg exactly. A message
// template the model gives no values for is a gap in the model, reported
// as a mismatch. It returns "" when they agree.
func answerMismatch(action string, w want, e *eipsim.Error) string {
	exp := eipsim.NewError(eipsim.Code(w.code), eipsim.Action(action), "", w.args...)
	if exp.HTTPStatus != e.HTTPStatus {
		return fmt.Sprintf("HTTP status %d, model expects %d", e.HTTPStatus, exp.HTTPStatus)
	}
	switch {
	case w.msg != "":
		if e.Message != w.msg {
			return fmt.Sprintf("message %q, model expects %q", e.Message, w.msg)
		}
	case len(w.args) == 0 && strings.Contains(exp.Message, "%"):
		return fmt.Sprintf("message %q: the model has no values for the template %q", e.Message, exp.Message)
	case e.Message != exp.Message:
		return fmt.Sprintf("message %q, model expects %q", e.Message, exp.Message)
	}
	return ""
}

// refuseAt is refuse for a code about the target id of an association:
// the messages documented as "%s" name the target and its status
// (InvalidStatus.EniStatusNotSupport's in the wording the eipsim package
// chose).
func (m *model) refuseAt(code, id string) want {
	w := refuse(code)
	switch code {
	case "InvalidStatus.EniStatusNotSupport":
		if n := m.eni(id); n != nil {
			w.msg = fmt.Sprintf("The status %s of eni %s does not support this operation.", n.override, n.id)
		}
	case "IncorrectStatus.NatGateway":
		if g := m.gateway(id); g != nil {
			w.args = natStatusArgs(g)
		}
	}
	return w
}

// refuse is the want of a refused call whose code a helper of the model
// chose: "Code" or, for InvalidParameter naming a parameter,
// "InvalidParameter:Name".
func refuse(code string) want {
	if c, param, ok := strings.Cut(code, ":"); ok {
		return want{code: c, msg: invalidNamed(param), refused: true}
	}
	return want{code: code, refused: true}
}

// The shapes of the values the Sim draws, which the model cannot predict
// (the cloud's: a RequestId like 0ED8D006-F706-4D23-88ED-E11ED28DCAC0, a
// resource ID of its prefix and 20 base-36 characters).
var (
	requestIDRE  = regexp.MustCompile(`^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$`)
	resourceIDRE = regexp.MustCompile(`^(ngw|snat|fwd|havip)-[0-9a-z]{20}$`)
)

// drawnID reports whether id is a resource ID of the given prefix (ngw-,
// snat-, fwd-, havip-) in the cloud's shape.
func drawnID(id, prefix string) bool {
	return strings.HasPrefix(id, prefix) && resourceIDRE.MatchString(id)
}

// validIPv4 reports whether s is a dotted IPv4 address.
func validIPv4(s string) bool {
	a, err := netip.ParseAddr(s)
	return err == nil && a.Is4() && a.String() == s
}

// answerDiff compares a response with the model's whole answer, field by
// field, the RequestId aside (the Machine checks its shape and, for a
// replay, that it is the first call's): got and want are pointers to the
// same response struct. It returns "" when they agree, else the fields
// that differ. An empty list and a nil one are the same answer (the wire
// cannot tell them apart).
func answerDiff(got, want any) string {
	g, w := reflect.ValueOf(got).Elem(), reflect.ValueOf(want).Elem()
	if g.Type() != w.Type() {
		return fmt.Sprintf("answer of type %s, model expects %s", g.Type(), w.Type())
	}
	var diffs []string
	for i := range g.NumField() {
		f := g.Type().Field(i)
		if f.Name == "RequestID" || !f.IsExported() {
			continue
		}
		if !sameValue(g.Field(i), w.Field(i)) {
			diffs = append(diffs, fmt.Sprintf("%s %+v, model expects %+v", wireName(f), g.Field(i).Interface(), w.Field(i).Interface()))
		}
	}
	return strings.Join(diffs, "; ")
}

// wireName is a response field's name as the cloud spells it: its json
// tag, or the Go name with Id for ID.
func wireName(f reflect.StructField) string {
	if tag, _, _ := strings.Cut(f.Tag.Get("json"), ","); tag != "" {
		return tag
	}
	return strings.ReplaceAll(strings.ReplaceAll(f.Name, "ID", "Id"), "IP", "Ip")
}

var timeType = reflect.TypeFor[time.Time]()

// sameValue is reflect.DeepEqual, except that an empty slice equals a nil
// one and times are compared as instants.
func sameValue(a, b reflect.Value) bool {
	if a.Type() == timeType {
		return a.Interface().(time.Time).Equal(b.Interface().(time.Time))
	}
	switch a.Kind() {
	case reflect.String:
		return a.String() == b.String()
	case reflect.Bool:
		return a.Bool() == b.Bool()
	case reflect.Int, reflect.Int64:
		return a.Int() == b.Int()
	case reflect.Slice:
		if a.Len() != b.Len() {
			return false
		}
		for i := range a.Len() {
			if !sameValue(a.Index(i), b.Index(i)) {
				return false
			}
		}
		return true
	case reflect.Struct:
		for i := range a.NumField() {
			if a.Type().Field(i).IsExported() && !sameValue(a.Field(i), b.Field(i)) {
				return false
			}
		}
		return true
	}
	return reflect.DeepEqual(a.Interface(), b.Interface())
}
