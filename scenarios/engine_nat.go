package scenarios

import (
	"strconv"

	"github.com/eipsim/eipsim/eipsim"
)

// The harness commands of the NAT gateway and HaVip world and of the
// cloud's busy answers. Like the other setup commands they print "ok" or
// "error: …"; resources belong to the default account and the Sim's first
// region unless AccountId and RegionId say otherwise.
func (e *Engine) natCommands() Commands {
	return Commands{
		// Example: add-nat-gateway NatGatewayId=ngw-0001 VpcId=vpc-1 Name=edge
		"add-nat-gateway": e.cmdAddNatGateway,
		// Example: set-nat-gateway-financial-lock NatGatewayId=ngw-0001 Locked=true
		"set-nat-gateway-financial-lock": e.cmdSetNatGatewayFinancialLock,
		// Example: add-havip HaVipId=havip-0001 IpAddress=10.0.0.100 VpcId=vpc-1
		"add-havip": e.cmdAddHaVip,
		// Example: convert-nat-public-ip InstanceId=i-0001
		"convert-nat-public-ip": e.cmdConvertNatPublicIP,
		// Example: set-system-busy Action=AssociateEipAddress Times=2
		"set-system-busy": e.cmdSetSystemBusy,
	}
}

// cmdAddNatGateway adds an Available NAT gateway (tables stb-x and ftb-x
// for ngw-x).
func (e *Engine) cmdAddNatGateway(c *Command) (string, error) {
	v, err := c.values()
	if err != nil {
		return "", err
	}
	return e.setup(e.sim.AddNatGateway(eipsim.NatGateway{NatGatewayID: v["NatGatewayId"], Name: v["Name"],
		VpcID: v["VpcId"], RegionID: v["RegionId"], AccountID: e.owner(v)}))
}

// cmdSetNatGatewayFinancialLock locks a NAT gateway for an overdue payment
// (Locked=true) or lifts the lock (Locked=false).
func (e *Engine) cmdSetNatGatewayFinancialLock(c *Command) (string, error) {
	v, err := c.values()
	if err != nil {
		return "", err
	}
	locked, err := boolArg(c, v, "Locked")
	if err != nil {
		return "", err
	}
	return e.setup(e.sim.SetNatGatewayFinancialLock(v["NatGatewayId"], locked))
}

// cmdAddHaVip adds an Available HaVip.
func (e *Engine) cmdAddHaVip(c *Command) (string, error) {
	v, err := c.values()
	if err != nil {
		return "", err
	}
	return e.setup(e.sim.AddHaVip(eipsim.HaVip{HaVipID: v["HaVipId"], IPAddress: v["IpAddress"], VSwitchID: v["VSwitchId"],
		Name: v["Name"], Description: v["Description"], VpcID: v["VpcId"], RegionID: v["RegionId"], AccountID: e.owner(v)}))
}

// cmdConvertNatPublicIP turns an ECS instance's system-assigned public IP
// into an EIP bound to it and prints "AllocationId=…".
func (e *Engine) cmdConvertNatPublicIP(c *Command) (string, error) {
	v, err := c.values()
	if err != nil {
		return "", err
	}
	id, err := e.sim.ConvertNatPublicIpToEip(v["InstanceId"])
	if err != nil {
		return e.render.Error(err), nil
	}
	return "AllocationId=" + id, nil
}

// cmdSetSystemBusy makes the next Times calls of Action answer
// OperationFailed.SystemBusy (Times=0 clears it).
func (e *Engine) cmdSetSystemBusy(c *Command) (string, error) {
	v, err := c.values()
	if err != nil {
		return "", err
	}
	n, err := strconv.Atoi(v["Times"])
	if err != nil {
		return "", c.Errorf("argument Times=%s: want a decimal integer", v["Times"])
	}
	return e.setup(e.sim.SetSystemBusy(eipsim.Action(v["Action"]), n))
}
