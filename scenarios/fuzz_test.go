package scenarios

import (
	"bytes"
	"errors"
	"reflect"
	"testing"
)

// fuzzSeeds are realistic scenario texts and grammar corners.
var fuzzSeeds = []string{
	`# lifecycle_associate_release.txt
# What: Release is refused while the EIP is Associating.
# Source: VPC API doc, AssociateEipAddress.
new-sim seed=7 region=cn-hangzhou associate-delay=3s ids=(eip-0001)
----
ok

add-instance i-0001 status=Running
----
ok

AllocateEipAddress RegionId=cn-hangzhou Bandwidth=5
----
eip-0001 203.0.113.1 Available

AssociateEipAddress AllocationId=eip-0001 InstanceId=i-0001
----
eip-0001 Associating task=t-0001 due=+3s

ReleaseEipAddress AllocationId=eip-0001
----
error 400 IncorrectEipStatus: Current elastic IP status does not support this operation.

advance 3s
----
t-0001 applied: eip-0001 Associating -> InUse

describe-state
----
----
eip-0001 203.0.113.1 InUse instance=i-0001

tasks: none
----
----
`,
	"inject-fault action=AssociateEipAddress code=InternalError times=2\n----\nok\n\n\n# c\nUnassociateEipAddress AllocationId=eip-0001 \\\n  InstanceId=i-0001 Force=true\n----\nerror 500 InternalError: The request processing has failed due to some unknown error.\n",
	"check\ninput line\n\n  more\n----\n----\n----\nx\n----\n----\n",
	"cmd exprs=(a + (b + c), d + f) k k2= k3=()\n----\n\n",
	"a\n----\n\nb\n----\n",
	"x a=(b\n",
	"x\r\n----\r\nok\r\n",
	"# only a comment\n\n",
	"\\\n----\n----\n",
}

func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		checkRoundTrip(t, src)
	})
}

// checkRoundTrip checks, for a src that parses, that Parse(Format(Parse(src)))
// equals Parse(src) but for Pos, and that Format is idempotent.
func checkRoundTrip(t *testing.T, src []byte) {
	t.Helper()
	s1, err := Parse("f.txt", src)
	if err != nil {
		if e := (*Error)(nil); !errors.As(err, &e) {
			t.Fatalf("Parse error %v has type %T, want *Error", err, err)
		}
		return
	}
	out := Format(s1)
	s2, err := Parse("f.txt", out)
	if err != nil {
		t.Fatalf("Parse(Format(s)) failed: %v\nformatted:\n%s", err, out)
	}
	if a, b := withoutPos(s1), withoutPos(s2); !reflect.DeepEqual(a, b) {
		t.Fatalf("Parse(Format(s)) != s\n s: %s\nround trip: %s\nformatted:\n%q", dump(a), dump(b), out)
	}
	if again := Format(s2); !bytes.Equal(again, out) {
		t.Fatalf("Format is not idempotent:\nfirst:\n%q\nsecond:\n%q", out, again)
	}
}

// withoutPos returns a copy of s with every Pos cleared.
func withoutPos(s *Scenario) *Scenario {
	c := *s
	c.Commands = nil
	for _, cmd := range s.Commands {
		cp := *cmd
		cp.Pos = ""
		c.Commands = append(c.Commands, &cp)
	}
	return &c
}
