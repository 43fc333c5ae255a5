package scenarios

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func command(t *testing.T, line string) *Command {
	t.Helper()
	return mustParse(t, line+"\n----\n").Commands[0]
}

func TestArgGetters(t *testing.T) {
	c := command(t, "new-sim seed=7 delay=3s verbose strict=false ids=(a, b) one=x region=")
	if n, err := c.Int("seed", 1); n != 7 || err != nil {
		t.Errorf("Int(seed) = %d, %v; want 7", n, err)
	}
	if n, err := c.Int("absent", 1); n != 1 || err != nil {
		t.Errorf("Int(absent) = %d, %v; want the default 1", n, err)
	}
	if d, err := c.Duration("delay", 0); d != 3*time.Second || err != nil {
		t.Errorf("Duration(delay) = %v, %v; want 3s", d, err)
	}
	if b, err := c.Bool("verbose", false); !b || err != nil {
		t.Errorf("Bool(verbose) = %v, %v; want true (bare key)", b, err)
	}
	if b, err := c.Bool("strict", true); b || err != nil {
		t.Errorf("Bool(strict) = %v, %v; want false", b, err)
	}
	if v, err := c.Strings("ids"); !reflect.DeepEqual(v, []string{"a", "b"}) || err != nil {
		t.Errorf("Strings(ids) = %q, %v", v, err)
	}
	if v, err := c.Strings("one"); !reflect.DeepEqual(v, []string{"x"}) || err != nil {
		t.Errorf("Strings(one) = %q, %v", v, err)
	}
	if v, err := c.Value("region", "cn-hangzhou"); v != "" || err != nil {
		t.Errorf(`Value(region) = %q, %v; want "" (given empty)`, v, err)
	}
	if v, err := c.Value("zone", "z1"); v != "z1" || err != nil {
		t.Errorf("Value(zone) = %q, %v; want the default", v, err)
	}
	if err := c.Require("seed", "ids"); err != nil {
		t.Errorf("Require: %v", err)
	}
	if err := c.CheckArgs("seed", "delay", "verbose", "strict", "ids", "one", "region"); err != nil {
		t.Errorf("CheckArgs with all names: %v", err)
	}
}

func TestArgErrors(t *testing.T) {
	tests := []struct {
		line string
		call func(c *Command) error
		want string
	}{
		{"x seed=abc", func(c *Command) error { _, err := c.Int("seed", 0); return err }, "f:1: x: argument seed=abc: want a decimal integer"},
		{"x d=3", func(c *Command) error { _, err := c.Duration("d", 0); return err }, "f:1: x: argument d=3: want a duration"},
		{"x b=maybe", func(c *Command) error { _, err := c.Bool("b", false); return err }, "f:1: x: argument b=maybe: want true or false"},
		{"x b=(true, false)", func(c *Command) error { _, err := c.Bool("b", false); return err }, "f:1: x: argument b needs exactly one value"},
		{"x seed", func(c *Command) error { _, err := c.Value("seed", ""); return err }, "f:1: x: argument seed needs exactly one value (seed=...), has 0"},
		{"x ids", func(c *Command) error { _, err := c.Strings("ids"); return err }, "f:1: x: argument ids needs values"},
		{"x a=1", func(c *Command) error { return c.Require("a", "b") }, "f:1: x: missing argument b"},
		{"x seed=1 sed=2", func(c *Command) error { return c.CheckArgs("seed", "region") }, "f:1: x: unknown argument sed; valid arguments: region, seed"},
		{"x a=1", func(c *Command) error { return c.CheckArgs() }, "f:1: x: unknown argument a: takes no arguments"},
		{"x a=1 a=2", func(c *Command) error { return c.CheckArgs("a") }, "f:1: x: argument a given twice"},
		{"advance", func(c *Command) error { _, err := c.Positional(1); return err }, "f:1: advance: wants 1 positional argument(s), has 0"},
		{"advance d=3s", func(c *Command) error { _, err := c.Positional(1); return err }, "f:1: advance: argument 1 must be a bare word, not d=3s"},
		{"advance 3s 4s", func(c *Command) error { _, err := c.Positional(1); return err }, "f:1: advance: unknown argument 4s: takes no arguments"},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			c := command(t, tt.line)
			c.Pos = "f:1"
			err := tt.call(c)
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("err = %v, want prefix %q", err, tt.want)
			}
		})
	}
}

func TestPositional(t *testing.T) {
	c := command(t, "advance 3s by=task")
	words, err := c.Positional(1, "by")
	if err != nil || !reflect.DeepEqual(words, []string{"3s"}) {
		t.Errorf("Positional(1) = %q, %v; want [3s]", words, err)
	}
}

func TestCheckArgsRejectsInput(t *testing.T) {
	// A forgotten "----" turns the next command line into input.
	s := mustParse(t, "new-sim seed=1\n\nAllocateEipAddress RegionId=cn-hangzhou\n----\n")
	err := s.Commands[0].CheckArgs("seed")
	want := `t.txt:1: new-sim: takes no input lines, has "AllocateEipAddress RegionId=cn-hangzhou" (is a "----" line missing after the command?)`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
}
