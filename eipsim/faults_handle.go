package eipsim

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// errNoFault is the answer for a fault ID no rule ever had.
var errNoFault = errors.New("not a fault rule ID (want f-0001, f-0002, ...)")

// FaultHandleByID returns the handle of the rule whose ID ([FaultHandle.ID])
// is id, such as "f-0001"; it is how a scenario's remove-fault names the
// rules of [WithFaults], which return no handle. It checks only the form.
func FaultHandleByID(id string) (FaultHandle, error) {
	digits, ok := strings.CutPrefix(id, "f-")
	n, err := strconv.ParseUint(digits, 10, 64)
	if !ok || err != nil || n == 0 || faultID(n) != id {
		return FaultHandle{}, fmt.Errorf("eipsim: %q: %w", id, errNoFault)
	}
	return FaultHandle{id: n}, nil
}
