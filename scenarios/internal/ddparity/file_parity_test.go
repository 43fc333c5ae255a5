package ddparity

import (
	"reflect"
	"testing"

	"github.com/cockroachdb/datadriven"

	"github.com/eipsim/eipsim/scenarios"
)

// files are whole scenario files that both parsers must read alike.
var files = map[string]string{
	"realistic": `# lifecycle_associate_release.txt
# What: Release is refused while Associating.
new-sim seed=7 associate-delay=3s ids=(eip-0001)
----
ok

AllocateEipAddress RegionId=cn-hangzhou
----
eip-0001 203.0.113.1 Available


# two blank lines above, a comment here
AssociateEipAddress AllocationId=eip-0001 \
    InstanceId=i-0001
----
eip-0001 Associating task=t-0001 due=+3s

ReleaseEipAddress AllocationId=eip-0001
----
error 400 IncorrectEipStatus: Current elastic IP status does not support this operation.
`,
	"double separator": `describe-state verbose
----
----
eip-0001 InUse

eip-0002 Available
----
----

tasks
----
none
`,
	"input and empty outputs": `check
invariants
  indented line

----

advance 1s
----

history
----
`,
	"dashes inside double form": `render
----
----
----
x
a
----
----
`,
	"crlf": "new-sim seed=1\r\n----\r\nok\r\n\r\nadvance 2s\r\n----\r\nok\r\n",
}

func TestFileParity(t *testing.T) {
	for name, src := range files {
		t.Run(name, func(t *testing.T) {
			type cmd struct {
				Name     string
				Args     []datadriven.CmdArg
				Input    string
				Expected string
			}
			var want []cmd
			datadriven.RunTestFromString(t, src, func(t *testing.T, d *datadriven.TestData) string {
				want = append(want, cmd{d.Cmd, d.CmdArgs, d.Input, d.Expected})
				return d.Expected
			})
			s, err := scenarios.Parse(name, []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			var got []cmd
			for _, c := range s.Commands {
				var args []datadriven.CmdArg
				for _, a := range c.Args {
					args = append(args, datadriven.CmdArg{Key: a.Key, Vals: a.Vals})
				}
				got = append(got, cmd{c.Name, args, c.Input, c.Expected})
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("scenarios.Parse:\n%#v\ndatadriven:\n%#v", got, want)
			}
		})
	}
}
