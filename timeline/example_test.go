package timeline_test

import (
	"context"
	"fmt"
	"log"
	"regexp"
	"time"

	"github.com/benbjohnson/clock"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/timeline"
)

// An EIP is allocated and associated; three seconds later it is InUse. Its
// lane has one segment per status; their <title>s show on hover. The
// zero-length Available (+0s to +0s) is drawn last, as a sliver on top.
func ExampleSVG() {
	clk := clock.NewMock()
	sim, err := eipsim.New(eipsim.WithClock(clk), eipsim.WithAllocationIDs("eip-0001"))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	start := clk.Now()
	if err := sim.AddInstance(eipsim.Instance{InstanceID: "i-0001"}); err != nil {
		log.Fatal(err)
	}
	a, _ := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: "cn-hangzhou"})
	if _, err := sim.AssociateEipAddress(ctx, eipsim.AssociateEipAddressRequest{AllocationID: a.AllocationID, InstanceID: "i-0001"}); err != nil {
		log.Fatal(err)
	}
	clk.Add(3 * time.Second)

	svg := timeline.SVG(sim.History(), timeline.Options{Title: "example", Start: start})
	for _, m := range regexp.MustCompile(`<title>(eip-0001 [^<]*)</title>`).FindAllStringSubmatch(string(svg), -1) {
		fmt.Println(m[1])
	}
	// Output:
	// eip-0001 Associating: +0s to +3s
	// eip-0001 InUse: +3s to the end
	// eip-0001 Available: +0s to +0s
}

// The palette gives other views of a run the pictures' colours.
func ExamplePalette() {
	for _, c := range timeline.Palette()[:3] {
		fmt.Println(c.Status, c.Colour)
	}
	fmt.Println("other", timeline.OtherColour)
	// Output:
	// Available #66bb6a
	// InUse #1e88e5
	// Associating #ffa726
	// other #f48fb1
}
