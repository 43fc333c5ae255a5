package eipsim

import "testing"

// TestInstanceByID: the instance last found is not found once deleted,
// and an instance added again under its ID is the new one.
func TestInstanceByID(t *testing.T) {
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"i-1", "i-2"} {
		if err := s.AddInstance(Instance{InstanceID: id}); err != nil {
			t.Fatal(err)
		}
	}
	first := s.instanceByID("i-1")
	if first == nil || first != s.world.instances["i-1"] || s.instanceByID("i-1") != first {
		t.Fatalf("i-1: got %p, the world has %p", first, s.world.instances["i-1"])
	}
	if r := s.instanceByID("i-2"); r == nil || r.id != "i-2" {
		t.Fatalf("i-2: got %+v", r)
	}
	if err := s.DeleteInstance("i-2"); err != nil {
		t.Fatal(err)
	}
	if r := s.instanceByID("i-2"); r != nil {
		t.Fatalf("deleted i-2 found: %+v", r)
	}
	if err := s.AddInstance(Instance{InstanceID: "i-2"}); err != nil {
		t.Fatal(err)
	}
	if r := s.instanceByID("i-2"); r == nil || r.deleted || r != s.world.instances["i-2"] {
		t.Fatalf("i-2 added again: got %p, the world has %p", r, s.world.instances["i-2"])
	}
	if r := s.instanceByID("i-3"); r != nil {
		t.Fatalf("i-3 found: %+v", r)
	}
}
