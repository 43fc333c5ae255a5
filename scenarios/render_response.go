package scenarios

// Rendering: the text form of the Sim's answers, shared by the recorder and
// the scenario runner, so that a recorded session and its replay print the
// same bytes.
//
// The format, one concept per line:
//
//   - A response is "Key=Value" pairs with wire names, in the response
//     struct's field order, empty strings, false and unset numbers left out. RequestId is left out too
//     (unless [Renderer.RequestIDs]): it is deterministic, but a new call
//     early in a file would change every one after it, and they make files
//     hard to read. A response with nothing else to say renders as "".
//   - DescribeEipAddresses renders "TotalCount=… PageNumber=… PageSize=…",
//     then one line per EIP ([Renderer.EIP]).
//   - An error renders "error <HTTPStatus> <Code>: <Message>".
//   - Times render relative to [Renderer.Start] ("+3s"), or in UTC when no
//     start is set; never in local time.

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/eipsim/eipsim/eipsim"
)

// Renderer renders responses, errors and events as scenario-file text.
type Renderer struct {
	// Start is the instant times are relative to ("+3s"). Zero: times
	// render as UTC RFC 3339.
	Start time.Time
	// RequestIDs adds "RequestId=…" to every response and error.
	RequestIDs bool
}

// RenderResponse renders an Action's response with a zero [Renderer].
func RenderResponse(resp any) string { return Renderer{}.Response(resp) }

// RenderError renders an Action's error with a zero [Renderer]: the line
// "error <HTTPStatus> <Code>: <Message>".
func RenderError(err error) string { return Renderer{}.Error(err) }

// Response renders an Action's response (a pointer to one of the Sim's
// response structs, or the struct itself).
func (r Renderer) Response(resp any) string {
	v := reflect.ValueOf(resp)
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return ""
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return fmt.Sprint(resp)
	}
	var pairs []string
	var lines []string
	t := v.Type()
	for i := range t.NumField() {
		f, fv := t.Field(i), v.Field(i)
		if !f.IsExported() {
			continue
		}
		if f.Name == "RequestID" && !r.RequestIDs {
			continue
		}
		if eips, ok := fv.Interface().([]eipsim.EIP); ok {
			for _, e := range eips {
				lines = append(lines, r.EIP(e))
			}
			continue
		}
		if fv.Kind() == reflect.Slice && fv.Type().Elem().Kind() == reflect.Struct {
			for j := range fv.Len() {
				lines = append(lines, item(fv.Index(j)))
			}
			continue
		}
		if s, ok := scalar(fv); ok && s != "" {
			pairs = append(pairs, WireName(f.Name)+"="+FormatValue(s))
		} else if ok && fv.CanInt() && !omitZero[f.Name] {
			pairs = append(pairs, WireName(f.Name)+"=0")
		}
	}
	if len(pairs) == 0 && len(lines) > 0 {
		return strings.Join(lines, "\n") // no empty first line
	}
	return strings.Join(append([]string{strings.Join(pairs, " ")}, lines...), "\n")
}

// item renders one element of a response's list other than EIPs (SNAT and
// DNAT entries, NAT gateways, HaVips): its non-empty fields in declaration
// order, string lists as Key=(a, b).
func item(v reflect.Value) string {
	var pairs []string
	t := v.Type()
	for i := range t.NumField() {
		f, fv := t.Field(i), v.Field(i)
		if !f.IsExported() {
			continue
		}
		if ss, ok := fv.Interface().([]string); ok {
			if len(ss) == 1 {
				pairs = append(pairs, WireName(f.Name)+"="+FormatValue(ss[0]))
			} else if len(ss) > 1 {
				pairs = append(pairs, WireName(f.Name)+"=("+strings.Join(ss, ", ")+")")
			}
			continue
		}
		if s, ok := scalar(fv); ok && s != "" {
			pairs = append(pairs, WireName(f.Name)+"="+FormatValue(s))
		}
	}
	return strings.Join(pairs, " ")
}

// omitZero are the integer response fields that are left out when zero
// because zero means "not set" (OrderId is set for PrePaid EIPs only).
// Other zero integers (TotalCount=0) are shown.
var omitZero = map[string]bool{"OrderID": true}

// scalar formats a string, bool or integer field; zero values give "".
func scalar(v reflect.Value) (string, bool) {
	if v.IsZero() {
		return "", true
	}
	switch v.Kind() {
	case reflect.String:
		return v.String(), true
	case reflect.Bool:
		return "true", true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10), true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return strconv.FormatUint(v.Uint(), 10), true
	}
	return "", false
}

// WireName turns a Go field name into the cloud's spelling: a trailing "ID"
// becomes "Id" and "IP" before a capital or the end becomes "Ip"
// (AllocationID → AllocationId, AllocationIDs → AllocationIds,
// PrivateIPAddress → PrivateIpAddress); ISP
// stays ISP.
func WireName(goName string) string {
	if goName == "ISP" {
		return goName
	}
	s := goName
	if strings.HasSuffix(s, "ID") {
		s = s[:len(s)-2] + "Id"
	} else if strings.HasSuffix(s, "IDs") {
		s = s[:len(s)-3] + "Ids"
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if strings.HasPrefix(s[i:], "IP") && (i+2 == len(s) || s[i+2] >= 'A' && s[i+2] <= 'Z') {
			b.WriteString("Ip")
			i++
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// Error renders err: for an [*eipsim.Error] the line "error <HTTPStatus> <Code>:
// <Message>" (and "RequestId=…" before it with RequestIDs); for any other
// error "error: " and its text (setup methods answer with plain errors).
func (r Renderer) Error(err error) string {
	var e *eipsim.Error
	if !errors.As(err, &e) {
		return "error: " + err.Error()
	}
	line := fmt.Sprintf("error %d %s: %s", e.HTTPStatus, e.Code, e.Message)
	if r.RequestIDs && e.RequestID != "" {
		return "RequestId=" + e.RequestID + "\n" + line
	}
	return line
}

// EIP renders one EIP as Describe shows it, in a fixed field order:
// AllocationId, IpAddress and Status always; the association; then only
// the attributes that differ from a fresh pay-as-you-go EIP (ChargeType
// PostPaid, InternetChargeType PayByBandwidth, Bandwidth 5, ISP BGP,
// BusinessStatus Normal, no name, no locks, no deletion protection).
// RegionId, Netmode, AccountId and AllocationTime are left out.
func (r Renderer) EIP(e eipsim.EIP) string {
	var b strings.Builder
	add := func(k, v string) {
		if v != "" {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(k + "=" + FormatValue(v))
		}
	}
	add("AllocationId", e.AllocationID)
	add("IpAddress", e.IPAddress)
	add("Status", string(e.Status))
	add("InstanceType", string(e.InstanceType))
	add("InstanceId", e.InstanceID)
	add("PrivateIpAddress", e.PrivateIPAddress)
	add("Mode", e.Mode)
	if e.ChargeType != eipsim.ChargeTypePostPaid {
		add("ChargeType", e.ChargeType)
	}
	if e.InternetChargeType != eipsim.InternetChargePayByBandwidth {
		add("InternetChargeType", e.InternetChargeType)
	}
	if e.Bandwidth != 5 {
		add("Bandwidth", strconv.Itoa(e.Bandwidth))
	}
	if e.ISP != "BGP" {
		add("ISP", e.ISP)
	}
	add("Name", e.Name)
	add("Description", e.Description)
	add("ResourceGroupId", e.ResourceGroupID)
	if e.BusinessStatus != eipsim.BusinessStatusNormal {
		add("BusinessStatus", e.BusinessStatus)
	}
	if len(e.LockReasons) > 0 {
		locks := make([]string, len(e.LockReasons))
		for i, l := range e.LockReasons {
			locks[i] = string(l)
		}
		add("OperationLocks", "("+strings.Join(locks, ", ")+")")
	}
	if e.DeletionProtection {
		add("DeletionProtection", "true")
	}
	if len(e.Tags) > 0 {
		tags := make([]string, len(e.Tags))
		for i, t := range e.Tags {
			tags[i] = t.Key + "=" + t.Value
		}
		add("Tags", "("+strings.Join(tags, ", ")+")")
	}
	if !e.ExpiredTime.IsZero() {
		add("ExpiredTime", r.Time(e.ExpiredTime))
	}
	return b.String()
}

// Time renders t relative to Start ("+3s", "-1s"), or as UTC RFC 3339 when
// Start is zero. The "never" of a stuck task renders as "never".
func (r Renderer) Time(t time.Time) string {
	if t.UnixNano() == math.MaxInt64 {
		return "never"
	}
	if r.Start.IsZero() {
		return t.UTC().Format(time.RFC3339Nano)
	}
	d := t.Sub(r.Start)
	if d < 0 {
		return d.String()
	}
	return "+" + d.String()
}

// Transitions renders the transition events among events, one per line:
// "+3s eip-0001 Associating -> InUse". Other kinds are skipped.
func (r Renderer) Transitions(events []eipsim.Event) string {
	var lines []string
	for _, e := range events {
		if e.Kind != eipsim.EventKindTransition {
			continue
		}
		from := e.From
		if from == "" {
			from = "(new)"
		}
		to := e.To
		if to == "" {
			to = "(gone)"
		}
		lines = append(lines, fmt.Sprintf("%s %s %s -> %s", r.Time(e.Time), e.ResourceID, from, to))
	}
	return strings.Join(lines, "\n")
}

// RenderInvariants renders the result of [Sim.CheckInvariants]: "" when err
// is nil, else one violation per line.
func RenderInvariants(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// FormatValue writes a scenario argument value so that it reads back as
// itself: plain when it can be, else in parentheses. A value that starts
// with "(" is taken as already written.
func FormatValue(v string) string {
	if strings.HasPrefix(v, "(") || !strings.ContainsAny(v, " \t") && !strings.HasSuffix(v, `\`) {
		return v
	}
	return "(" + v + ")"
}
