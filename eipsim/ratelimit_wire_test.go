package eipsim_test

import (
	"strings"
	"testing"
	"time"

	"github.com/eipsim/eipsim/eipsim"
)

func TestParseRateLimit(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want eipsim.RateLimit
		out  string
	}{
		{"5/1s", eipsim.RateLimit{Requests: 5, Per: time.Second, Burst: 5}, "5/1s"},
		{"5/1s:10", eipsim.RateLimit{Requests: 5, Per: time.Second, Burst: 10}, "5/1s:10"},
		{"6/1m0s:6", eipsim.RateLimit{Requests: 6, Per: time.Minute, Burst: 6}, "6/1m0s"},
	} {
		l, err := eipsim.ParseRateLimit(tc.in)
		if err != nil || l != tc.want || l.String() != tc.out {
			t.Errorf("ParseRateLimit(%q) = %+v (%q), %v; want %+v (%q)", tc.in, l, l.String(), err, tc.want, tc.out)
		}
	}
	for _, bad := range []string{"5", "x/1s", "5/soon", "5/1s:0", "0/1s", "5/-1s"} {
		if _, err := eipsim.ParseRateLimit(bad); err == nil {
			t.Errorf("ParseRateLimit(%q) accepted", bad)
		}
	}
	a, l, err := eipsim.ParseActionRateLimit("*:100/1s:200")
	if err != nil || a != "" || l.Burst != 200 {
		t.Errorf("*: %q %+v %v", a, l, err)
	}
	if _, _, err := eipsim.ParseActionRateLimit("Frob:1/1s"); err == nil || !strings.Contains(err.Error(), `unknown Action "Frob"`) {
		t.Errorf("unknown action: %v", err)
	}
}

func TestFaultHandleByID(t *testing.T) {
	h, err := eipsim.FaultHandleByID("f-0012")
	if err != nil || h.ID() != "f-0012" {
		t.Errorf("f-0012: %v %v", h.ID(), err)
	}
	for _, bad := range []string{"f-12", "f-0000", "0001", "f-abcd", ""} {
		if _, err := eipsim.FaultHandleByID(bad); err == nil {
			t.Errorf("FaultHandleByID(%q) accepted", bad)
		}
	}
}
