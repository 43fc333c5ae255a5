package eipsim

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strconv"
)

// Params are an Action's parameters by wire name, as they come from an HTTP
// query or a scenario line: AllocationId=eip-... Force=true.
type Params map[string]string

// actionSpec is how Call decodes and runs one Action.
type actionSpec struct {
	// request is a zero request value; its wire tags name the parameters.
	request any
	run     func(s *Sim, ctx context.Context, req any) (any, error)
}

func spec[Req, Resp any](f func(*Sim, context.Context, Req) (*Resp, error)) actionSpec {
	var zero Req
	return actionSpec{request: zero, run: func(s *Sim, ctx context.Context, req any) (any, error) {
		resp, err := f(s, ctx, req.(Req))
		if err != nil {
			return nil, err
		}
		return resp, nil
	}}
}

// actionTable lists every Action the Sim serves.
var actionTable = map[Action]actionSpec{
	ActionAllocateEipAddress:        spec((*Sim).AllocateEipAddress),
	ActionAssociateEipAddress:       spec((*Sim).AssociateEipAddress),
	ActionUnassociateEipAddress:     spec((*Sim).UnassociateEipAddress),
	ActionDescribeEipAddresses:      spec((*Sim).DescribeEipAddresses),
	ActionReleaseEipAddress:         spec((*Sim).ReleaseEipAddress),
	ActionModifyEipAddressAttribute: spec((*Sim).ModifyEipAddressAttribute),

	ActionCreateNatGateway:            spec((*Sim).CreateNatGateway),
	ActionDeleteNatGateway:            spec((*Sim).DeleteNatGateway),
	ActionDescribeNatGateways:         spec((*Sim).DescribeNatGateways),
	ActionCreateSnatEntry:             spec((*Sim).CreateSnatEntry),
	ActionDeleteSnatEntry:             spec((*Sim).DeleteSnatEntry),
	ActionDescribeSnatTableEntries:    spec((*Sim).DescribeSnatTableEntries),
	ActionCreateForwardEntry:          spec((*Sim).CreateForwardEntry),
	ActionDeleteForwardEntry:          spec((*Sim).DeleteForwardEntry),
	ActionDescribeForwardTableEntries: spec((*Sim).DescribeForwardTableEntries),
	ActionCreateHaVip:                 spec((*Sim).CreateHaVip),
	ActionDeleteHaVip:                 spec((*Sim).DeleteHaVip),
	ActionAssociateHaVip:              spec((*Sim).AssociateHaVip),
	ActionUnassociateHaVip:            spec((*Sim).UnassociateHaVip),
	ActionDescribeHaVips:              spec((*Sim).DescribeHaVips),

	ActionTagResources:     spec((*Sim).TagResources),
	ActionUnTagResources:   spec((*Sim).UnTagResources),
	ActionListTagResources: spec((*Sim).ListTagResources),
}

// Actions returns the names of every Action the Sim serves, sorted.
func Actions() []Action {
	out := make([]Action, 0, len(actionTable))
	for a := range actionTable {
		out = append(out, a)
	}
	slices.Sort(out)
	return out
}

// ActionParams returns the wire names of an Action's parameters, in the
// request struct's order, and whether the Action exists. A repeated
// parameter is named by its pattern: ResourceId.N, Tag.N.Key, Tag.N.Value
// (see [ParamPattern]).
func ActionParams(action Action) ([]string, bool) {
	sp, ok := actionTable[action]
	if !ok {
		return nil, false
	}
	t := reflect.TypeOf(sp.request)
	names := make([]string, 0, t.NumField())
	for i := range t.NumField() {
		w := t.Field(i).Tag.Get("wire")
		switch {
		case w == "":
		case t.Field(i).Type == reflect.TypeOf([]Tag(nil)):
			names = append(names, w+".Key", w+".Value")
		default:
			names = append(names, w)
		}
	}
	return names, true
}

// Call runs action with parameters given by wire name, as the HTTP handler
// and scenario files do, and returns the action's typed response. Unknown
// parameter names are ignored, as the cloud ignores them (callers that want
// them refused check [ActionParams]). A value that does not parse as the
// parameter's type gives InvalidParameter naming it. An unknown action gives
// InvalidAction.NotFound.
func (s *Sim) Call(ctx context.Context, action Action, params Params) (any, error) {
	sp, ok := actionTable[action]
	if !ok {
		return nil, s.refuse(ctx, action, CodeInvalidActionNotFound)
	}
	req, bad := decode(sp.request, params)
	if bad != "" {
		return nil, s.refuse(ctx, action, CodeInvalidParameter, bad)
	}
	return sp.run(s, ctx, req)
}

// refuse answers a call that fails before its action runs.
func (s *Sim) refuse(ctx context.Context, action Action, code Code, param ...string) error {
	c := s.begin(ctx, action)
	defer s.end()
	var err *Error
	if len(param) > 0 {
		err = newErrorAlt(code, altInvalidParameterNamed, c.rid, param[0])
	} else {
		err = c.err(code)
	}
	return s.fail(&c, "", err)
}

// decode fills a copy of zero from params by wire tag. It returns the wire
// name of the first value that does not parse, or "".
func decode(zero any, params Params) (any, string) {
	v := reflect.New(reflect.TypeOf(zero)).Elem()
	t := v.Type()
	for i := range t.NumField() {
		name := t.Field(i).Tag.Get("wire")
		if list := listName(name); list != "" && v.Field(i).Kind() == reflect.Slice {
			if bad := decodeList(v.Field(i), list, params); bad != "" {
				return nil, bad
			}
			continue
		}
		raw, ok := params[name]
		if name == "" || !ok {
			continue
		}
		f := v.Field(i)
		switch f.Kind() {
		case reflect.String:
			f.SetString(raw)
		case reflect.Bool:
			b, err := strconv.ParseBool(raw)
			if err != nil {
				return nil, name
			}
			f.SetBool(b)
		case reflect.Int:
			n, err := strconv.Atoi(raw)
			if err != nil {
				return nil, name
			}
			f.SetInt(int64(n))
		default:
			panic(fmt.Sprintf("eipsim: field %s of %s has unsupported kind %s", t.Field(i).Name, t, f.Kind()))
		}
	}
	return v.Interface(), ""
}
