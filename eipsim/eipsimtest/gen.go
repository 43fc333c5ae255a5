package eipsimtest

import (
	"context"
	"errors"

	"pgregory.net/rapid"

	"github.com/eipsim/eipsim/eipsim"
)

// opKinds are the operation families OpGen draws from: those of the
// model-based tests but the retries and the determinism check, which need
// the run's past.
var opKinds = []string{"allocate", "associate", "unassociate", "advance", "describe", "release", "modify", "lock", "world", "nat", "nat-bind", "entry", "havip", "eni", "listing", "bind"}

// WorldGen generates world set-ups (see [DrawWorld]).
func WorldGen() *rapid.Generator[World] {
	return rapid.Custom(func(t *rapid.T) World { return DrawWorld(RapidDriver(t)) })
}

// OpGen generates the next operation on w's Sim given the AllocationIds
// allocated so far (pass a function, so that the generator follows the
// run). The operations are those of the model-based tests: cloud Actions
// with mostly valid, sometimes wrong parameters, clock advances biased to
// due times, locks and changes of the world.
func OpGen(w World, allocations func() int) *rapid.Generator[Op] {
	return rapid.Custom(func(t *rapid.T) Op {
		m := newModel(w, Epoch, eipsim.DefaultRegions)
		m.allocations = allocations()
		mc := &Machine{world: w, m: m, last: -1}
		d := RapidDriver(t)
		k := pick(d, opKinds, "op")
		return mc.draw(d, k)
	})
}

// Actions returns rapid actions that disturb sim the way the model-based
// tests do (every cloud Action, clock advances, locks, instance, load
// balancer and ENI changes) for a user's own [rapid.T.Repeat], next to the
// actions that exercise the user's code. They check no model, since the
// user's code changes the Sim too; they fail on a panic, on an error that
// is not a catalogued *eipsim.Error, and, in the "" invariant, on
// [eipsim.Sim.CheckInvariants]. Add your own invariant by wrapping "".
//
// w must be the world sim was built from ([World.Build]); clk moves the
// Sim's clock.
func Actions(sim *eipsim.Sim, clk Clocked, w World) map[string]func(*rapid.T) {
	allocs := 0
	gen := OpGen(w, func() int { return allocs })
	acts := map[string]func(*rapid.T){
		"": func(t *rapid.T) {
			if err := sim.CheckInvariants(); err != nil {
				t.Fatalf("eipsim invariants broken:\n%v", err)
			}
		},
	}
	for _, name := range []string{"eipsim-op", "eipsim-op-2"} {
		acts[name] = func(t *rapid.T) {
			op := gen.Draw(t, "op")
			resp, err := Apply(context.Background(), sim, clk, op)
			var e *eipsim.Error
			switch {
			case err == nil:
				if r, ok := resp.(*eipsim.AllocateEipAddressResponse); ok && r.AllocationID == allocationID(allocs+1) {
					allocs++
				}
			case op.Cmd[0] >= 'A' && op.Cmd[0] <= 'Z' && (!errors.As(err, &e) || !e.Code.Known()):
				t.Fatalf("%s: error %v is not a catalogued cloud error", op, err)
			}
		}
	}
	return acts
}
