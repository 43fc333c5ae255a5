package scenarios

import "github.com/eipsim/eipsim/eipsim"

// The harness commands that build and change the world EIPs are bound to.
// Each calls one setup method of the Sim; its output is "ok" or the
// method's error as "error: …" (a setup error is output, like a cloud
// error, so a recorded test that hit one replays). Resources belong to the
// default account unless AccountId says otherwise (as-account does not
// apply to them), and to the Sim's first region unless RegionId does.
func (e *Engine) worldCommands() Commands {
	return Commands{
		// Example: add-vpc VpcId=vpc-1 IsDefault=true RegionId=cn-hangzhou
		"add-vpc": e.cmdAddVPC,
		// Example: add-instance InstanceId=i-0001 Status=Running VpcId=vpc-1 PublicIp=true PrivateIpAddresses=(10.0.0.5, 10.0.0.6)
		"add-instance": e.cmdAddInstance,
		// Example: set-instance-status InstanceId=i-0001 Status=Stopping Then=Stopped After=5s
		"set-instance-status": e.cmdSetInstanceStatus,
		// Example: delete-instance InstanceId=i-0001
		"delete-instance": e.oneID("InstanceId", (*eipsim.Sim).DeleteInstance),
		// Example: add-slb LoadBalancerId=lb-0001 AddressType=intranet VpcId=vpc-1
		"add-slb": e.cmdAddSLB,
		// Example: set-slb-status LoadBalancerId=lb-0001 Status=inactive
		"set-slb-status": e.twoIDs("LoadBalancerId", "Status", (*eipsim.Sim).SetLoadBalancerStatus),
		// Example: delete-slb LoadBalancerId=lb-0001
		"delete-slb": e.oneID("LoadBalancerId", (*eipsim.Sim).DeleteLoadBalancer),
		// Example: add-eni NetworkInterfaceId=eni-0001 InstanceId=i-0001 Type=Secondary PrivateIpAddresses=(10.0.0.7)
		"add-eni": e.cmdAddENI,
		// Example: attach-eni NetworkInterfaceId=eni-0001 InstanceId=i-0001
		"attach-eni": e.twoIDs("NetworkInterfaceId", "InstanceId", (*eipsim.Sim).AttachNetworkInterface),
		// Example: detach-eni NetworkInterfaceId=eni-0001
		"detach-eni": e.oneID("NetworkInterfaceId", (*eipsim.Sim).DetachNetworkInterface),
		// Example: set-eni-status NetworkInterfaceId=eni-0001 Status=Attaching
		"set-eni-status": e.cmdSetENIStatus,
		// Example: delete-eni NetworkInterfaceId=eni-0001
		"delete-eni": e.oneID("NetworkInterfaceId", (*eipsim.Sim).DeleteNetworkInterface),
	}
}

// boolArg reads a boolean argument of vals.
func boolArg(c *Command, vals map[string]string, key string) (bool, error) {
	switch vals[key] {
	case "", "false":
		return false, nil
	case "true":
		return true, nil
	}
	return false, c.Errorf("argument %s=%s: want true or false", key, vals[key])
}

func (e *Engine) cmdAddVPC(c *Command) (string, error) {
	v, err := c.values()
	if err != nil {
		return "", err
	}
	def, err := boolArg(c, v, "IsDefault")
	if err != nil {
		return "", err
	}
	return e.setup(e.sim.AddVPC(eipsim.VPC{VpcID: v["VpcId"], IsDefault: def, RegionID: v["RegionId"], AccountID: e.owner(v)}))
}

func (e *Engine) cmdAddInstance(c *Command) (string, error) {
	v, err := c.values()
	if err != nil {
		return "", err
	}
	in := eipsim.Instance{InstanceID: v["InstanceId"], Status: eipsim.InstanceStatus(v["Status"]), VpcID: v["VpcId"],
		RegionID: v["RegionId"], AccountID: e.owner(v)}
	if in.Classic, err = boolArg(c, v, "Classic"); err != nil {
		return "", err
	}
	if in.PublicIP, err = boolArg(c, v, "PublicIp"); err != nil {
		return "", err
	}
	if in.PrivateIPAddresses, err = c.Strings("PrivateIpAddresses"); err != nil {
		return "", err
	}
	return e.setup(e.sim.AddInstance(in))
}

// cmdSetInstanceStatus sets the status now and, with Then and After, the
// next one later on the clock.
func (e *Engine) cmdSetInstanceStatus(c *Command) (string, error) {
	v, err := c.values()
	if err != nil {
		return "", err
	}
	d, err := c.Duration("After", 0)
	if err != nil {
		return "", err
	}
	return e.setup(e.sim.ScheduleInstanceStatus(v["InstanceId"], eipsim.InstanceStatus(v["Status"]), d, eipsim.InstanceStatus(v["Then"])))
}

func (e *Engine) cmdAddSLB(c *Command) (string, error) {
	v, err := c.values()
	if err != nil {
		return "", err
	}
	return e.setup(e.sim.AddLoadBalancer(eipsim.LoadBalancer{LoadBalancerID: v["LoadBalancerId"], AddressType: v["AddressType"],
		Status: v["Status"], VpcID: v["VpcId"], RegionID: v["RegionId"], AccountID: e.owner(v)}))
}

func (e *Engine) cmdAddENI(c *Command) (string, error) {
	v, err := c.values()
	if err != nil {
		return "", err
	}
	ni := eipsim.NetworkInterface{NetworkInterfaceID: v["NetworkInterfaceId"], InstanceID: v["InstanceId"], Type: v["Type"],
		Status: v["Status"], VpcID: v["VpcId"], RegionID: v["RegionId"], AccountID: e.owner(v)}
	if ni.PrivateIPAddresses, err = c.Strings("PrivateIpAddresses"); err != nil {
		return "", err
	}
	return e.setup(e.sim.AddNetworkInterface(ni))
}

// cmdSetENIStatus puts an ENI in a transitional status, or without Status
// back in its derived one.
func (e *Engine) cmdSetENIStatus(c *Command) (string, error) {
	v, err := c.values()
	if err != nil {
		return "", err
	}
	return e.setup(e.sim.SetNetworkInterfaceStatus(v["NetworkInterfaceId"], v["Status"]))
}

// oneID is a command with one required argument, passed to f.
func (e *Engine) oneID(key string, f func(*eipsim.Sim, string) error) func(*Command) (string, error) {
	return func(c *Command) (string, error) {
		v, err := c.values()
		if err != nil {
			return "", err
		}
		return e.setup(f(e.sim, v[key]))
	}
}

// twoIDs is a command with two required arguments, passed to f in order.
func (e *Engine) twoIDs(k1, k2 string, f func(*eipsim.Sim, string, string) error) func(*Command) (string, error) {
	return func(c *Command) (string, error) {
		v, err := c.values()
		if err != nil {
			return "", err
		}
		return e.setup(f(e.sim, v[k1], v[k2]))
	}
}
