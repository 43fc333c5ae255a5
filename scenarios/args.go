package scenarios

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// This file holds the strict argument readers that command handlers use. Each
// returns an [*Error] at the command's position on a missing, repeated,
// unknown or malformed argument.

// Errorf returns an [*Error] at c's position: "file:line: name: message".
// Handlers use it to report a malformed command.
func (c *Command) Errorf(format string, args ...any) error {
	return &Error{Pos: c.Pos, Err: fmt.Errorf("%s: %s", c.Name, fmt.Sprintf(format, args...))}
}

// Arg returns the first argument named key, and whether there is one.
func (c *Command) Arg(key string) (Arg, bool) {
	for _, a := range c.Args {
		if a.Key == key {
			return a, true
		}
	}
	return Arg{}, false
}

// Has reports whether c has an argument named key.
func (c *Command) Has(key string) bool {
	_, ok := c.Arg(key)
	return ok
}

// Value returns the single value of argument key ("key=value"), or def when
// there is no such argument. "key" alone and "key=(a, b)" are errors.
func (c *Command) Value(key, def string) (string, error) {
	a, ok := c.Arg(key)
	if !ok {
		return def, nil
	}
	if len(a.Vals) != 1 {
		return "", c.Errorf("argument %s needs exactly one value (%s=...), has %d", key, key, len(a.Vals))
	}
	return a.Vals[0], nil
}

// Int returns argument key as a decimal integer, or def when absent.
func (c *Command) Int(key string, def int) (int, error) {
	if !c.Has(key) {
		return def, nil
	}
	s, err := c.Value(key, "")
	if err != nil {
		return 0, err
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, c.Errorf("argument %s=%s: want a decimal integer", key, s)
	}
	return n, nil
}

// Duration returns argument key as a Go duration ("3s", "1m30s"), or def
// when absent.
func (c *Command) Duration(key string, def time.Duration) (time.Duration, error) {
	if !c.Has(key) {
		return def, nil
	}
	s, err := c.Value(key, "")
	if err != nil {
		return 0, err
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, c.Errorf("argument %s=%s: want a duration such as 3s or 1m30s", key, s)
	}
	return d, nil
}

// Bool returns argument key as a boolean, or def when absent. "key" alone
// means true; "key=true" and "key=false" (and strconv.ParseBool's other
// spellings) are accepted.
func (c *Command) Bool(key string, def bool) (bool, error) {
	a, ok := c.Arg(key)
	if !ok {
		return def, nil
	}
	if a.Vals == nil {
		return true, nil
	}
	s, err := c.Value(key, "")
	if err != nil {
		return false, err
	}
	b, err := strconv.ParseBool(s)
	if err != nil {
		return false, c.Errorf("argument %s=%s: want true or false", key, s)
	}
	return b, nil
}

// Strings returns all values of argument key ("key=a" or "key=(a, b)"), or
// nil when absent. "key" alone is an error.
func (c *Command) Strings(key string) ([]string, error) {
	a, ok := c.Arg(key)
	if !ok {
		return nil, nil
	}
	if a.Vals == nil {
		return nil, c.Errorf("argument %s needs values (%s=a or %s=(a, b))", key, key, key)
	}
	return slices.Clone(a.Vals), nil
}

// Require returns an error naming the first of keys that c lacks.
func (c *Command) Require(keys ...string) error {
	for _, k := range keys {
		if !c.Has(k) {
			return c.Errorf("missing argument %s", k)
		}
	}
	return nil
}

// CheckArgs returns an error when c has an argument whose name is not in
// allowed (the error lists the valid names), an argument given twice, or
// input lines. Every handler calls it (or [Command.Positional]) first.
//
// Input lines are rejected because no command takes input yet, and input is
// most often a missing "----": the following command lines become the input
// of the one above them.
func (c *Command) CheckArgs(allowed ...string) error {
	return c.checkArgs(c.Args, allowed)
}

// Positional returns the first n arguments, which must be bare words (no
// "="), and checks the rest with [Command.CheckArgs]. For "advance 3s",
// Positional(1) returns ["3s"].
func (c *Command) Positional(n int, allowed ...string) ([]string, error) {
	if len(c.Args) < n {
		return nil, c.Errorf("wants %d positional argument(s), has %d", n, len(c.Args))
	}
	words := make([]string, n)
	for i, a := range c.Args[:n] {
		if a.Vals != nil {
			return nil, c.Errorf("argument %d must be a bare word, not %s", i+1, a)
		}
		words[i] = a.Key
	}
	return words, c.checkArgs(c.Args[n:], allowed)
}

func (c *Command) checkArgs(args []Arg, allowed []string) error {
	if c.Input != "" {
		return c.Errorf("takes no input lines, has %q (is a %q line missing after the command?)", firstLine(c.Input), separator)
	}
	seen := make(map[string]bool, len(args))
	for _, a := range args {
		if !slices.Contains(allowed, a.Key) {
			if len(allowed) == 0 {
				return c.Errorf("unknown argument %s: takes no arguments", a.Key)
			}
			valid := slices.Sorted(slices.Values(allowed))
			return c.Errorf("unknown argument %s; valid arguments: %s", a.Key, strings.Join(valid, ", "))
		}
		if seen[a.Key] {
			return c.Errorf("argument %s given twice", a.Key)
		}
		seen[a.Key] = true
	}
	return nil
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
