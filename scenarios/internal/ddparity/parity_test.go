package ddparity

import (
	"reflect"
	"strings"
	"testing"

	"github.com/cockroachdb/datadriven"

	"github.com/eipsim/eipsim/scenarios"
)

// lines is the parity table; FuzzParseLine starts from it.
var lines = []string{
	"new-sim",
	"new-sim seed=7",
	"new-sim seed=7 region=cn-hangzhou associate-delay=3s ids=(eip-0001,eip-0002)",
	"AllocateEipAddress RegionId=cn-hangzhou",
	"UnassociateEipAddress AllocationId=eip-0001 InstanceId=i-0001 Force=true",
	"advance 3s",
	"  advance   3s   ",
	"lock eip-0001 reason=financial",
	"cmd a= b",
	"cmd a=",
	"cmd a=()",
	"cmd a=(,)",
	"cmd a=(x,   y,z)",
	"cmd a=( x , y )",
	"cmd exprs=(a + (b + c), d + f)",
	"cmd a=(x)y b",
	"cmd a=x=y",
	"cmd a=(x",
	"cmd =x",
	"cmd a==x",
	"cmd\ta=1",
	"cmd a=x\t b=2",
	"cmd a=(é, ü)",
	"cmd a=((x))",
	"cmd a=(x (y, z)",
	"cmd k k2 k3=v",
	"cmd,other x",
	"",
	"   ",
}

func TestParseLineParity(t *testing.T) {
	for _, line := range lines {
		t.Run(line, func(t *testing.T) { checkParity(t, line) })
	}
}

func FuzzParseLine(f *testing.F) {
	for _, line := range lines {
		f.Add(line)
	}
	f.Fuzz(func(t *testing.T, line string) {
		if strings.ContainsAny(line, "\n\r") {
			t.Skip("a command line is one line")
		}
		checkParity(t, line)
	})
}

// checkParity parses line as a one-command scenario and compares the command
// and its arguments with datadriven.ParseLine's.
func checkParity(t *testing.T, line string) {
	t.Helper()
	wantCmd, wantArgs, wantErr := datadriven.ParseLine(line)
	trimmed := strings.TrimSpace(line)
	if strings.HasPrefix(trimmed, "#") || strings.HasSuffix(trimmed, `\`) || trimmed == "----" || (wantErr == nil && wantCmd == "") {
		t.Skip("not a command line in a file: blank, comment, continuation or separator")
	}
	s, err := scenarios.Parse("p.txt", []byte(line+"\n----\n"))
	if (err != nil) != (wantErr != nil) {
		t.Fatalf("Parse(%q) error = %v; datadriven.ParseLine error = %v", line, err, wantErr)
	}
	if err != nil {
		if !strings.HasPrefix(err.Error(), "p.txt:1: ") {
			t.Errorf("error %q does not start with the position p.txt:1", err)
		}
		return
	}
	if len(s.Commands) != 1 {
		t.Fatalf("Parse(%q) gave %d commands, want 1", line, len(s.Commands))
	}
	c := s.Commands[0]
	var gotArgs []datadriven.CmdArg
	for _, a := range c.Args {
		gotArgs = append(gotArgs, datadriven.CmdArg{Key: a.Key, Vals: a.Vals})
	}
	if c.Name != wantCmd || !reflect.DeepEqual(gotArgs, wantArgs) {
		t.Errorf("Parse(%q) = %q %#v; datadriven.ParseLine = %q %#v", line, c.Name, gotArgs, wantCmd, wantArgs)
	}
}
