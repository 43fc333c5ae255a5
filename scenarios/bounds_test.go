package scenarios

import (
	"strings"
	"testing"
	"time"
)

// TestEngineBounds: every numeric argument is range-checked before it is
// used, and the error gives file:line and the valid range. Each of these
// used to hang, overflow or pass silently.
func TestEngineBounds(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"skip-request-ids huge", "skip-request-ids 9223372036854775807\n----\n", "t.txt:1: skip-request-ids: \"9223372036854775807\": want a count from 0 to 1000000"},
		{"advance negative", "advance -5s\n----\n", `t.txt:1: advance: "-5s": the clock only moves forward`},
		{"advance past 2262", "advance 2100000h\n----\n", `t.txt:1: advance: "2100000h": the clock would pass 2250-01-01T00:00:00Z`},
		{"advance in steps past 2262", "advance 1900000h\n----\n\nadvance 100000h\n----\n", `t.txt:4: advance: "100000h": the clock would pass`},
		{"fault latency", "inject-fault Action=AssociateEipAddress Latency=2562047h\n----\n", "Latency 2562047h0m0s is longer than the limit 87600h0m0s"},
		{"cooldown", "new-sim cooldown=2562047h\n----\n", "WithCooldown: 2562047h0m0s is longer than the limit"},
		{"task delay", "new-sim associate-delay=2562047h\n----\n", "is longer than the limit"},
		{"start", "new-sim start=2300-01-01T00:00:00Z\n----\n", "want a time from 1970-01-01T00:00:00Z to 2250-01-01T00:00:00Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			_, err := engineRun(t, tt.src)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to contain %q", err, tt.want)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

// TestLongLineClipped: a 10 MB command line is not repeated in full in the
// error.
func TestLongLineClipped(t *testing.T) {
	long := "x a=(" + strings.Repeat("y", 10<<20) + "\n----\n"
	_, err := Parse("t.txt", []byte(long))
	if err == nil || len(err.Error()) > 1000 || !strings.Contains(err.Error(), "bytes in all") {
		t.Fatalf("error of %d bytes: %.300v", len(err.Error()), err)
	}
	_, err = engineRun(t, "advance "+strings.Repeat("9", 10<<20)+"\n----\n")
	if err == nil || len(err.Error()) > 1000 {
		t.Fatalf("error of %d bytes", len(err.Error()))
	}
}
