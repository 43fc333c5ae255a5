package httpapi

import (
	"errors"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/eipsim/eipsim/eipsim"
)

// wantInvalid fails unless err is InvalidParameter naming name.
func wantInvalid(t *testing.T, err error, name string) {
	t.Helper()
	e, ok := errors.AsType[*eipsim.Error](err)
	if !ok || e.Code != eipsim.CodeInvalidParameter || e.HTTPStatus != 400 || !strings.Contains(e.Message, `"`+name+`"`) {
		t.Fatalf("got %v, want InvalidParameter naming %q", err, name)
	}
}

func TestParamsScalars(t *testing.T) {
	p := Params{"Force": "true", "DryRun": "FALSE", "Bad": "yes", "PageSize": "10", "OwnerId": "1234567890123", "Neg": "-3", "Float": "1.5", "Empty": ""}
	if v, err := p.Bool("Force"); !v || err != nil {
		t.Errorf("Bool(Force) = %v, %v", v, err)
	}
	if v, err := p.Bool("DryRun"); v || err != nil {
		t.Errorf("Bool(DryRun) = %v, %v", v, err)
	}
	if v, err := p.Bool("Absent"); v || err != nil {
		t.Errorf("Bool(Absent) = %v, %v", v, err)
	}
	_, err := p.Bool("Bad")
	wantInvalid(t, err, "Bad")
	if v, err := p.Int("OwnerId"); v != 1234567890123 || err != nil {
		t.Errorf("Int(OwnerId) = %v, %v", v, err)
	}
	if v, err := p.Int("Neg"); v != -3 || err != nil {
		t.Errorf("Int(Neg) = %v, %v", v, err)
	}
	if v, err := p.Int("Absent"); v != 0 || err != nil {
		t.Errorf("Int(Absent) = %v, %v", v, err)
	}
	for _, name := range []string{"Float", "Empty", "Bad"} {
		_, err := p.Int(name)
		wantInvalid(t, err, name)
	}
	if v, ok := p.Lookup("Empty"); !ok || v != "" || !p.Has("Empty") || p.Has("Absent") || p.String("PageSize") != "10" {
		t.Error("Lookup/Has/String")
	}
}

func TestParamsList(t *testing.T) {
	p := Params{}
	for i := 1; i <= 11; i++ {
		p["ResourceId."+strconv.Itoa(i)] = "r" + strconv.Itoa(i)
	}
	got, err := p.List("ResourceId")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 11 || got[1] != "r2" || got[9] != "r10" || got[10] != "r11" {
		t.Errorf("not in numeric order: %v", got)
	}
	if got, err := (Params{"X": "1"}).List("ResourceId"); got != nil || err != nil {
		t.Errorf("absent list = %v, %v", got, err)
	}
	for bad, name := range map[string]string{
		"ResourceId.0":       "ResourceId.0",
		"ResourceId.01":      "ResourceId.01",
		"ResourceId.x":       "ResourceId.x",
		"ResourceId.":        "ResourceId.",
		"ResourceId.-1":      "ResourceId.-1",
		"ResourceId.1000000": "ResourceId.1000000",
		"ResourceId.3":       "ResourceId.3", // gap after 1
		"ResourceId.1.Key":   "ResourceId.1.Key",
	} {
		_, err := (Params{"ResourceId.1": "a", bad: "b"}).List("ResourceId")
		wantInvalid(t, err, name)
	}
	// A prefix that merely starts the same is another parameter.
	if got, err := (Params{"ResourceIdX.1": "a"}).List("ResourceId"); got != nil || err != nil {
		t.Errorf("got %v, %v", got, err)
	}
}

func TestParamsObjects(t *testing.T) {
	p := Params{
		"Tag.1.Key": "env", "Tag.1.Value": "dev",
		"Tag.2.Key":  "team",
		"Tag.10.Key": "k10", "Tag.3.Key": "k3", "Tag.4.Key": "k4", "Tag.5.Key": "k5",
		"Tag.6.Key": "k6", "Tag.7.Key": "k7", "Tag.8.Key": "k8", "Tag.9.Key": "k9", "Tag.9.Value": "",
		"Filter.1.Key": "CreationStartTime", "Filter.1.Value": "2024-01-01T00:00Z",
	}
	tags, err := p.Objects("Tag")
	if err != nil {
		t.Fatal(err)
	}
	if len(tags) != 10 || !reflect.DeepEqual(tags[0], map[string]string{"Key": "env", "Value": "dev"}) ||
		!reflect.DeepEqual(tags[1], map[string]string{"Key": "team"}) || tags[9]["Key"] != "k10" ||
		!reflect.DeepEqual(tags[8], map[string]string{"Key": "k9", "Value": ""}) {
		t.Errorf("tags %v", tags)
	}
	filters, err := p.Objects("Filter")
	if err != nil || len(filters) != 1 || filters[0]["Value"] != "2024-01-01T00:00Z" {
		t.Errorf("filters %v, %v", filters, err)
	}
	for _, tc := range []struct {
		p    Params
		name string
	}{
		{Params{"Tag.2.Key": "a"}, "Tag.2.Key"},                     // starts at 2
		{Params{"Tag.1.Key": "a", "Tag.3.Key": "b"}, "Tag.3.Key"},   // gap
		{Params{"Tag.1": "a"}, "Tag.1"},                             // no Sub
		{Params{"Tag.1.Key": "a", "Tag.1": "b"}, "Tag.1"},           // both forms
		{Params{"Tag.1.Key.X": "a"}, "Tag.1.Key.X"},                 // nested Sub
		{Params{"Tag.1.": "a"}, "Tag.1."},                           // empty Sub
		{Params{"Tag.1.Key": "a", "Tag.x.Key": "b"}, "Tag.x.Key"},   // malformed
		{Params{"Tag.1.Key": "a", "Tag.02.Key": "b"}, "Tag.02.Key"}, // leading zero
	} {
		_, err := tc.p.Objects("Tag")
		wantInvalid(t, err, tc.name)
	}
}
