package control_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"time"

	"github.com/eipsim/eipsim/control"
	"github.com/eipsim/eipsim/eipsim"
)

// A served Sim on a manual clock, driven through the control API: world
// setup and an Associate as scenario commands, then the clock moved by 3s,
// after which the EIP is InUse.
func Example() {
	srv, err := control.New(control.Config{
		ManualClock: true,
		SimOptions:  []eipsim.Option{eipsim.WithAllocationIDs("eip-0001")},
	})
	if err != nil {
		panic(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	c := &control.Client{BaseURL: ts.URL}
	ctx := context.Background()

	_, err = c.RunScenario(ctx, []byte(`add-instance InstanceId=i-0001
----

AllocateEipAddress RegionId=cn-hangzhou
----

AssociateEipAddress AllocationId=eip-0001 InstanceId=i-0001
----
`))
	if err != nil {
		panic(err)
	}
	st, err := c.State(ctx)
	if err != nil {
		panic(err)
	}
	fmt.Println(st.EIPs[0].AllocationID, st.EIPs[0].Status)

	c.Advance(ctx, 3*time.Second)
	st, _ = c.State(ctx)
	fmt.Println(st.EIPs[0].AllocationID, st.EIPs[0].Status, st.EIPs[0].InstanceID)

	ids, _ := c.InjectFaults(ctx, "Action=ReleaseEipAddress Code=Throttling Times=1")
	fmt.Println(ids)
	_, err = c.Advance(ctx, -time.Second)
	fmt.Println(err)
	// Output:
	// eip-0001 Associating
	// eip-0001 InUse i-0001
	// [f-0001]
	// eipsim control: 400: POST /_eipsim/clock/advance: "by": the clock only moves forward (got -1s)
}
