package eipsimtest

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/eipsim/eipsim/eipsim"
)

// TestCheckCatchesDisagreements plants one disagreement at a time in the
// model of a run that agreed so far, and requires Check to report it: each
// part of the observable state is compared.
func TestCheckCatchesDisagreements(t *testing.T) {
	plants := map[string]func(m *model) bool{
		"eip status": func(m *model) bool {
			if len(m.eips) == 0 {
				return false
			}
			m.eips[0].status += "x"
			return true
		},
		"eip tags": func(m *model) bool {
			if len(m.eips) == 0 {
				return false
			}
			m.eips[0].tags = append(m.eips[0].tags, eipsim.Tag{Key: "planted"})
			return true
		},
		"eip lock": func(m *model) bool {
			if len(m.eips) == 0 {
				return false
			}
			m.eips[0].sec = !m.eips[0].sec
			return true
		},
		"task due": func(m *model) bool {
			for _, e := range m.eips {
				if !e.due.IsZero() {
					e.due = e.due.Add(time.Nanosecond)
					return true
				}
			}
			return false
		},
		"instance status": func(m *model) bool {
			for _, in := range m.instances {
				if !in.gone {
					in.status += "x"
					return true
				}
			}
			return false
		},
		"load balancer status": func(m *model) bool {
			for _, lb := range m.lbs {
				if !lb.gone {
					lb.status += "x"
					return true
				}
			}
			return false
		},
		"ENI instance": func(m *model) bool {
			for _, n := range m.enis {
				if !n.gone {
					n.instance += "x"
					return true
				}
			}
			return false
		},
		"ENI binding": func(m *model) bool {
			for _, n := range m.enis {
				if !n.gone {
					n.bound = append(n.bound, "eip-x")
					return true
				}
			}
			return false
		},
		"gateway lock": func(m *model) bool {
			for _, g := range m.gateways {
				if !g.gone {
					g.locked = !g.locked
					return true
				}
			}
			return false
		},
		"HaVip status": func(m *model) bool {
			for _, h := range m.havips {
				if !h.gone {
					h.status += "x"
					return true
				}
			}
			return false
		},
		"entry status": func(m *model) bool {
			for _, g := range m.gateways {
				if !g.gone && g.described && len(g.entries) > 0 {
					g.entries[0].status += "x"
					return true
				}
			}
			return false
		},
	}
	for name, plant := range plants {
		t.Run(strings.ReplaceAll(name, " ", "-"), func(t *testing.T) {
			for seed := uint64(1); seed <= 200; seed++ {
				d := &randDriver{rng: rand.New(rand.NewPCG(seed, 0x5eed))}
				mc, err := NewMachine(DrawWorld(d))
				if err != nil {
					t.Fatal(err)
				}
				planted := false
				f := run(func() {
					mc.Check(d)
					for range 150 {
						mc.Step(d)
						if d.rng.IntN(4) == 0 && plant(mc.m) {
							planted = true
							mc.Check(d) // the model changed behind the Machine's back: no full comparison yet
							mc.dirty = true
							mc.Check(d)
							return
						}
					}
				})
				if !planted {
					continue
				}
				if f == nil {
					t.Fatalf("seed %d: planted %s, Check did not notice", seed, name)
				}
				return
			}
			t.Fatalf("no run to plant %s in", name)
		})
	}
}
