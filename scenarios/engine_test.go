package scenarios

import (
	"strings"
	"testing"
)

// engineRun replays src on the engine handler and returns the outputs, or
// the error that stopped the replay.
func engineRun(t *testing.T, src string) ([]string, error) {
	t.Helper()
	s, err := Parse("t.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Replay(s, NewEngineHandler, Options{})
	if err != nil {
		return nil, err
	}
	return res.Outputs, nil
}

func TestEngineMalformed(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"new-sim late", "advance 1s\n----\n\nnew-sim seed=2\n----\n", "t.txt:4: new-sim: new-sim must be the scenario's first command"},
		{"unknown command", "Frob\n----\n", `t.txt:1: Frob: unknown command "Frob"; valid commands: AllocateEipAddress, AssociateEipAddress, `},
		{"case", "allocateEipAddress\n----\n", `(did you mean "AllocateEipAddress"?)`},
		{"unknown parameter", "ReleaseEipAddress AllocationId=x Force=true\n----\n",
			"t.txt:1: ReleaseEipAddress: unknown argument Force; valid arguments: AllocationId, RegionId"},
		{"parameter without value", "ReleaseEipAddress AllocationId\n----\n", "argument AllocationId needs a value"},
		{"bad new-sim option", "new-sim cooldown=-1s\n----\n", "t.txt:1: new-sim: eipsim: WithCooldown: negative duration -1s"},
		{"bad duration", "advance soon\n----\n", `t.txt:1: advance: "soon": want a duration`},
		{"setup argument", "add-instance InstanceId=i-1 Colour=red\n----\n", "unknown argument Colour; valid arguments: AccountId, Classic, InstanceId,"},
		{"setup missing", "add-instance Status=Running\n----\n", "t.txt:1: add-instance: missing argument InstanceId"},
		{"fault without effect", "inject-fault Action=AllocateEipAddress\n----\n", "t.txt:1: inject-fault: eipsim: fault Action=AllocateEipAddress: no effect"},
		{"fault unknown key", "inject-fault Action=AllocateEipAddress Code=InternalError Tmes=2\n----\n", "inject-fault: eipsim: fault: Tmes=2: unknown key"},
		{"fault bare word", "inject-fault Code\n----\n", "inject-fault: argument Code needs a value"},
		{"remove-fault bad ID", "remove-fault 1\n----\n", `remove-fault: eipsim: "1": not a fault rule ID`},
		{"release-stuck argument", "release-stuck AllocationId=eip-1\n----\n", "release-stuck: unknown argument AllocationId; valid arguments: ResourceId"},
		{"nat argument", "add-nat-gateway NatGatewayId=ngw-1 InstanceId=x\n----\n", "unknown argument InstanceId; valid arguments: AccountId, Name, NatGatewayId, RegionId, VpcId"},
		{"nat lock value", "set-nat-gateway-financial-lock NatGatewayId=ngw-1 Locked=maybe\n----\n", "argument Locked=maybe: want true or false"},
		{"busy count", "set-system-busy Action=AssociateEipAddress Times=many\n----\n", "argument Times=many: want a decimal integer"},
		{"nat force mode", "new-sim nat-force-mode=sometimes\n----\n", "nat-force-mode=sometimes: want delete-entries or keep-entries"},
		{"nat eip limits", "new-sim nat-eip-limits=20\n----\n", "nat-eip-limits: want (total, traffic)"},
		{"rate limit action", "new-sim rate-limit=(Frob:1/1s)\n----\n", `unknown Action "Frob"`},
		{"global rate limit", "new-sim global-rate-limit=1/soon\n----\n", `Per "soon" is not a duration`},
		{"new-sim argument", "new-sim speed=2\n----\n", "unknown argument speed; valid arguments: associate-delay, cooldown, forward-entry-quota, global-rate-limit, havip-delay, havip-quota, history-limit, ids,"},
		{"request-ids", "request-ids maybe\n----\n", `"maybe": want on or off`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := engineRun(t, tt.src)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestEngineOutputs(t *testing.T) {
	out, err := engineRun(t, `new-sim seed=3 ids=(eip-a) start=2030-06-01T00:00:00Z
----

AllocateEipAddress RegionId=cn-hangzhou
----

request-ids on
----

ReleaseEipAddress AllocationId=eip-nope
----

skip-request-ids 2
----

tasks
----

check
----
`)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"ok\n", "AllocationId=eip-a EipAddress=203.0.113.1\n", "ok\n",
		"", "ok\n", "ok\n", "ok\n"}
	for i := range want {
		if i == 3 {
			if !strings.HasPrefix(out[i], "RequestId=") || !strings.HasSuffix(out[i], "\nerror 404 InvalidAllocationId.NotFound: Specified allocation ID is not found.\n") {
				t.Errorf("output %d = %q, want a RequestId line and the error line", i, out[i])
			}
			continue
		}
		if out[i] != want[i] {
			t.Errorf("output %d = %q, want %q", i, out[i], want[i])
		}
	}
}

// TestEngineStart checks that new-sim start= moves the clock's origin while
// times still print relative to it.
func TestEngineStart(t *testing.T) {
	e := NewEngine()
	if _, err := e.Handle(&Command{Pos: "f:1", Name: "new-sim", Args: []Arg{{Key: "start", Vals: []string{"2030-06-01T00:00:00Z"}}}}); err != nil {
		t.Fatal(err)
	}
	if got := e.Start().Format("2006-01-02"); got != "2030-06-01" {
		t.Errorf("Start = %s, want 2030-06-01", got)
	}
	if e.Sim().Now() != e.Start() {
		t.Errorf("Now = %v, want the start", e.Sim().Now())
	}
}
