package scenarios_test

import (
	"fmt"
	"log"

	"github.com/eipsim/eipsim/scenarios"
)

// A handler factory: one table of commands per replay, sharing its state.
func newCounter() scenarios.Handler {
	n := 0
	return scenarios.Commands{
		// Example: add 3s
		"add": func(c *scenarios.Command) (string, error) {
			args, err := c.Positional(1)
			if err != nil {
				return "", err // malformed command: replay stops
			}
			n++
			return fmt.Sprintf("step %d: +%s", n, args[0]), nil
		},
		// Example: Release Id=x
		"Release": func(c *scenarios.Command) (string, error) {
			if err := c.CheckArgs("Id"); err != nil {
				return "", err
			}
			// A cloud error is output, not a Go error.
			return scenarios.ErrorLine(400, "IncorrectEipStatus", "Current elastic IP status does not support this operation."), nil
		},
	}
}

func ExampleReplay() {
	src := `# what this shows
add 3s
----
step 1: +3s

Release Id=eip-0001
----
error 400 IncorrectEipStatus: Current elastic IP status does not support this operation.

add 1s
----
step 3: +1s
`
	s, err := scenarios.Parse("example.txt", []byte(src))
	if err != nil {
		log.Fatal(err)
	}
	res, err := scenarios.Replay(s, newCounter, scenarios.Options{Rewrite: true})
	if err != nil {
		log.Fatal(err)
	}
	for _, m := range res.Mismatches {
		fmt.Print(m)
	}
	fmt.Printf("rewritten:\n%s", res.Rewritten)
	// Output:
	// example.txt:10: add 1s
	// --- want
	// +++ got
	// @@ -1 +1 @@
	// -step 3: +1s
	// +step 2: +1s
	// rewritten:
	// # what this shows
	// add 3s
	// ----
	// step 1: +3s
	//
	// Release Id=eip-0001
	// ----
	// error 400 IncorrectEipStatus: Current elastic IP status does not support this operation.
	//
	// add 1s
	// ----
	// step 2: +1s
}
