package eipsimtest_test

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"pgregory.net/rapid"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

var errNoInstance = errors.New("no such instance")

// bindEIP is the code under test: it makes sure instance has an EIP,
// allocating and associating one if it has none. It returns the
// AllocationId.
func bindEIP(ctx context.Context, sim *eipsim.Sim, instance string) (string, error) {
	in, ok := sim.Instance(instance)
	if !ok {
		return "", errNoInstance
	}
	if in.AllocationID != "" {
		return in.AllocationID, nil
	}
	a, err := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: in.RegionID})
	if err != nil {
		return "", err
	}
	_, err = sim.AssociateEipAddress(ctx, eipsim.AssociateEipAddressRequest{AllocationID: a.AllocationID, InstanceID: instance})
	if err != nil {
		// Do not leak the EIP we just allocated.
		_, _ = sim.ReleaseEipAddress(ctx, eipsim.ReleaseEipAddressRequest{AllocationID: a.AllocationID})
		return "", err
	}
	return a.AllocationID, nil
}

// Property-test a routine of your own against a world that eipsimtest
// generates and disturbs: its actions run next to yours in one
// rapid.T.Repeat. Here the property is that bindEIP either fails with a
// cloud error (or because the generated world deleted the instance) or leaves the instance bound to the EIP it returns.
func Example_propertyTest() {
	prop := func(t *rapid.T) {
		w := eipsimtest.WorldGen().Draw(t, "world")
		clk := eipsimtest.NewClock()
		sim, err := w.Build(clk)
		if err != nil {
			t.Fatal(err)
		}
		acts := eipsimtest.Actions(sim, clk, w)
		acts["bindEIP"] = func(t *rapid.T) {
			in := rapid.SampledFrom(w.Instances).Draw(t, "instance")
			id, err := bindEIP(context.Background(), sim, in.InstanceID)
			var cloud *eipsim.Error
			if err != nil && !errors.As(err, &cloud) && !errors.Is(err, errNoInstance) {
				t.Fatalf("bindEIP(%s): %v", in.InstanceID, err)
			}
			if err == nil {
				if got, _ := sim.Instance(in.InstanceID); got.AllocationID != id {
					t.Fatalf("bindEIP(%s) = %s, but the instance holds %q", in.InstanceID, id, got.AllocationID)
				}
			}
		}
		t.Repeat(acts)
	}
	tb := &exampleTB{}
	rapid.Check(tb, prop)
	fmt.Println("bindEIP property holds:", !tb.failed)
	// Output:
	// bindEIP property holds: true
}

// exampleTB lets rapid.Check run outside a test function: it prints
// failures instead of failing a *testing.T (so a failing property makes the
// example's output differ).
type exampleTB struct {
	rapid.TB // unused methods
	failed   bool
}

func (e *exampleTB) Helper()             {}
func (e *exampleTB) Name() string        { return "Example_propertyTest" }
func (e *exampleTB) Logf(string, ...any) {}
func (e *exampleTB) Failed() bool        { return e.failed }
func (e *exampleTB) FailNow()            { e.failed = true }
func (e *exampleTB) Errorf(format string, args ...any) {
	e.failed = true
	fmt.Println(strings.SplitN(fmt.Sprintf(format, args...), "\n", 2)[0])
}
