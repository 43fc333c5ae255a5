package scenarios

import (
	"testing"
)

// FuzzEngine runs arbitrary scenario text through the engine's handlers,
// which read every harness command's arguments through the grammar: any
// input is refused or run, never a panic; and a command the reader accepts
// and the engine runs is written back in a form that parses again.
func FuzzEngine(f *testing.F) {
	for _, seed := range []string{
		"add-instance InstanceId=i-1 PublicIp PrivateIpAddresses=(10.0.0.5, 10.0.0.6)\n----\nok\n",
		"new-sim seed=3 region=(cn-hangzhou, cn-beijing)\n----\nok\n\nadvance 3s\n----\nok\n",
		"set-deletion-protection AllocationId=eip-1 Enabled\n----\nok\n",
		"inject-fault Action=AllocateEipAddress Code=InternalError\n----\nf-0001\n\nremove-fault f-0001\n----\nok\n",
		"set-rate-limit *:2/1s\n----\nok\n\nrelease-stuck ResourceId=(a b)\n----\nok\n",
		"AllocateEipAddress RegionId=cn-hangzhou\n----\nok\n\nlock AllocationId=eip-0001 LockReason=security\n----\nok\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 2000 {
			return
		}
		s, err := Parse("fuzz.txt", []byte(src))
		if err != nil || len(s.Commands) > 30 {
			return
		}
		res, err := Replay(s, NewEngineHandler, Options{Rewrite: true})
		if err != nil {
			return
		}
		if _, err := Parse("rewritten.txt", res.Rewritten); err != nil {
			t.Fatalf("the rewritten file does not parse: %v\n%s", err, res.Rewritten)
		}
	})
}
