package scenarios

import (
	"fmt"
	"strings"

	"github.com/eipsim/eipsim/eipsim"
)

// The harness commands that look at the Sim without changing it (apart from
// applying the tasks that are due, as every engine method does).
func (e *Engine) inspectCommands() Commands {
	return Commands{
		// Example: describe-state
		"describe-state": e.noArgs(e.describeState),
		// Example: tasks
		"tasks": e.noArgs(e.tasks),
		// Example: history
		"history": e.noArgs(e.history),
		// Example: check
		"check": e.noArgs(func() string { return RenderInvariants(e.sim.CheckInvariants()) }),
	}
}

func (e *Engine) noArgs(f func() string) func(*Command) (string, error) {
	return func(c *Command) (string, error) {
		if err := c.check(); err != nil {
			return "", err
		}
		return f(), nil
	}
}

// describeState prints every EIP of every account in allocation order, then
// the VPCs, ECS instances, SLB instances and ENIs sorted by ID, one per
// line, with RegionId and AccountId only where they are not the defaults.
func (e *Engine) describeState() string {
	var lines []string
	home := e.sim.Regions()[0]
	where := func(region, account string) string {
		s := ""
		if region != home {
			s += " RegionId=" + region
		}
		if account != eipsim.DefaultAccountID {
			s += " AccountId=" + account
		}
		return s
	}
	opt := func(k, v string) string {
		if v == "" {
			return ""
		}
		return " " + k + "=" + FormatValue(v)
	}
	list := func(k string, vs []string) string {
		if len(vs) == 0 {
			return ""
		}
		return " " + k + "=(" + strings.Join(vs, ", ") + ")"
	}
	for _, x := range e.sim.EIPs() {
		lines = append(lines, "eip "+e.render.EIP(x)+where(x.RegionID, x.AccountID))
	}
	for _, v := range e.sim.VPCs() {
		s := "vpc VpcId=" + v.VpcID
		if v.IsDefault {
			s += " IsDefault=true"
		}
		lines = append(lines, s+where(v.RegionID, v.AccountID))
	}
	for _, in := range e.sim.Instances() {
		s := "instance InstanceId=" + in.InstanceID + " Status=" + string(in.Status) + opt("VpcId", in.VpcID)
		if in.Classic {
			s += " Classic=true"
		}
		if in.PublicIP {
			s += " PublicIp=true"
		}
		s += list("PrivateIpAddresses", in.PrivateIPAddresses) + opt("AllocationId", in.AllocationID)
		lines = append(lines, s+where(in.RegionID, in.AccountID))
	}
	for _, lb := range e.sim.LoadBalancers() {
		lines = append(lines, "slb LoadBalancerId="+lb.LoadBalancerID+" AddressType="+lb.AddressType+" Status="+lb.Status+
			opt("VpcId", lb.VpcID)+opt("AllocationId", lb.AllocationID)+where(lb.RegionID, lb.AccountID))
	}
	for _, n := range e.sim.NetworkInterfaces() {
		lines = append(lines, "eni NetworkInterfaceId="+n.NetworkInterfaceID+" Type="+n.Type+" Status="+n.Status+
			opt("InstanceId", n.InstanceID)+opt("VpcId", n.VpcID)+list("PrivateIpAddresses", n.PrivateIPAddresses)+
			list("AllocationIds", n.AllocationIDs)+where(n.RegionID, n.AccountID))
	}
	return strings.Join(lines, "\n")
}

// tasks prints the pending tasks in the order they will apply, with due
// times relative to the scenario's start: "t-0001 due=+3s
// AssociateEipAddress eip-0001 Associating -> InUse".
func (e *Engine) tasks() string {
	var lines []string
	for _, t := range e.sim.Tasks() {
		to := t.To
		if to == "" {
			to = "(gone)"
		}
		lines = append(lines, fmt.Sprintf("%s due=%s %s %s %s -> %s", t.ID, e.render.Time(t.Due), t.Action, t.ResourceID, t.From, to))
	}
	return strings.Join(lines, "\n")
}

// history prints the Sim's history, one event per line, times relative to
// the scenario's start. RequestIds are left out.
func (e *Engine) history() string {
	var lines []string
	for _, ev := range e.sim.History() {
		lines = append(lines, HistoryLine(e.render, ev))
	}
	return strings.Join(lines, "\n")
}

// HistoryLine renders one history event:
//
//	+0s call AllocateEipAddress eip-0001
//	+0s call ReleaseEipAddress eip-0001 error=IncorrectEipStatus
//	+3s transition eip-0001 Associating -> InUse by AssociateEipAddress
//	+0s world AddInstance i-0001
//	+1s fault AssociateEipAddress eip-0001 InternalError <cause>
//
// A call made as another account than the default one ends in
// " account=ID".
func HistoryLine(r Renderer, ev eipsim.Event) string {
	t := r.Time(ev.Time)
	tail := func(s string) string {
		if ev.ResourceID != "" {
			s += " " + ev.ResourceID
		}
		return s
	}
	switch ev.Kind {
	case eipsim.EventKindCall:
		s := tail(fmt.Sprintf("%s call %s", t, ev.Action))
		if ev.Code != "" {
			s += " error=" + string(ev.Code)
		}
		if ev.AccountID != "" && ev.AccountID != eipsim.DefaultAccountID {
			s += " account=" + ev.AccountID
		}
		return s
	case eipsim.EventKindTransition:
		from, to := ev.From, ev.To
		if from == "" {
			from = "(new)"
		}
		if to == "" {
			to = "(gone)"
		}
		return fmt.Sprintf("%s transition %s %s -> %s by %s", t, ev.ResourceID, from, to, ev.Action)
	case eipsim.EventKindWorld:
		return tail(fmt.Sprintf("%s world %s", t, ev.Cause))
	}
	s := tail(fmt.Sprintf("%s %s %s", t, ev.Kind, ev.Action))
	if ev.Code != "" {
		s += " " + string(ev.Code)
	}
	if ev.Cause != "" {
		s += " " + FormatValue(ev.Cause)
	}
	return s
}
