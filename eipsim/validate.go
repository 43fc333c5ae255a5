package eipsim

import (
	"net/netip"
	"strings"
	"unicode"
)

// Parameter validation shared by the actions. Each returns the cloud's
// error for a bad value, naming the parameter by its wire name.

func (c *call) missing(name string) *Error { return c.err(CodeMissingParameter, name) }

func (c *call) invalid(name string) *Error {
	return newErrorAlt(CodeInvalidParameter, altInvalidParameterNamed, c.rid, name)
}

// require returns MissingParameter naming the first of pairs (wire name,
// value, wire name, value, ...) whose value is empty, or nil.
func (c *call) require(pairs ...string) *Error {
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i+1] == "" {
			return c.missing(pairs[i])
		}
	}
	return nil
}

// checkToken checks a ClientToken: ASCII, at most 64 characters.
func (c *call) checkToken(token string) *Error {
	if len(token) > 64 {
		return c.invalid("ClientToken")
	}
	for i := 0; i < len(token); i++ {
		if token[i] < 0x20 || token[i] > 0x7e {
			return c.invalid("ClientToken")
		}
	}
	return nil
}

// checkRegion checks an optional RegionId: an unknown one gives
// Forbidden.RegionNotFound (404).
func (s *Sim) checkRegion(c *call, region string) *Error {
	if region == "" {
		return nil
	}
	if _, ok := s.regionIndex(region); !ok {
		return c.err(CodeForbiddenRegionNotFound)
	}
	return nil
}

// checkTokenRegion is how most actions end their parameter checks: the
// ClientToken, then the RegionId.
func (s *Sim) checkTokenRegion(c *call, token, region string) *Error {
	if token == "" && region == "" {
		return nil // both optional, and both absent (inlines)
	}
	return s.checkGivenTokenRegion(c, token, region)
}

// checkGivenTokenRegion is checkTokenRegion when one of the two is given.
//
//go:noinline
func (s *Sim) checkGivenTokenRegion(c *call, token, region string) *Error {
	if err := c.checkToken(token); err != nil {
		return err
	}
	return s.checkRegion(c, region)
}

// requireRegion checks a required RegionId: missing, then unknown.
func (s *Sim) requireRegion(c *call, region string) *Error {
	if region == "" {
		return c.missing("RegionId")
	}
	return s.checkRegion(c, region)
}

// requireRegionAndID checks the RegionId and the ID (parameter param) of the
// one resource an action is about: both required, then the region known.
func (s *Sim) requireRegionAndID(c *call, region, param, id string) *Error {
	if err := c.require("RegionId", region, param, id); err != nil {
		return err
	}
	return s.checkRegion(c, region)
}

func validIPv4(s string) bool {
	a, err := netip.ParseAddr(s)
	return err == nil && a.Is4()
}

// validName: 1-128 characters, starting with a letter; letters, digits,
// periods, underscores and hyphens (AllocateEipAddress, Name).
func validName(s string) bool {
	if s == "" || len([]rune(s)) > 128 {
		return false
	}
	for i, r := range s {
		if i == 0 && !unicode.IsLetter(r) {
			return false
		}
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '_' || r == '-') {
			return false
		}
	}
	return true
}

// validDescription: 2-256 characters, starting with a letter, not starting
// with http:// or https://.
func validDescription(s string) bool {
	n := len([]rune(s))
	if n < 2 || n > 256 {
		return false
	}
	r := []rune(s)[0]
	if !unicode.IsLetter(r) {
		return false
	}
	return !strings.HasPrefix(s, "http://") && !strings.HasPrefix(s, "https://")
}

// splitList splits a comma-separated list parameter, dropping empty items.
func splitList(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	for _, x := range strings.Split(s, ",") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}
