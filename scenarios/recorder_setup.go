package scenarios

// The recorder's lines for setup method calls: each journaled method
// ([eipsim.EntrySetup]) as the harness command that calls it again on
// replay, and that command's output.

import (
	"strconv"
	"time"

	"github.com/eipsim/eipsim/eipsim"
)

// setupLine returns the command line and the output of a setup call, and
// false for a method the recorder cannot write (TestSetupWriters checks
// that every journaled method has a writer).
func (r *Recorder) setupLine(e eipsim.Entry) (line, out string, ok bool) {
	w, ok := setupWriters[e.Method]
	if !ok {
		return "", "", false
	}
	line = w(e.Args)
	switch {
	case e.Method == "CheckInvariants":
		out = RenderInvariants(e.Err)
	case e.Err != nil:
		out = r.render.Error(e.Err)
	default:
		switch res := e.Result.(type) {
		case string: // ConvertNatPublicIpToEip
			out = "AllocationId=" + res
		case eipsim.FaultHandle: // InjectFault
			out = res.ID()
		case bool: // RemoveFault, RemoveRateLimit, RemoveGlobalRateLimit
			out = RemoveFaultOutput(res)
		case int: // ReleaseStuck
			out = ReleaseStuckOutput(r.render, res, e.Events)
		}
	}
	return line, out, true
}

// arg returns args[i] as a T (its zero value when it is not one).
func arg[T any](args []any, i int) T {
	var zero T
	if i >= len(args) {
		return zero
	}
	v, _ := args[i].(T)
	return v
}

// setupWriters write each journaled setup method, by name, from its
// arguments as the method got them.
var setupWriters = map[string]func(args []any) string{
	"AddVPC": func(a []any) string {
		v := arg[eipsim.VPC](a, 0)
		return op("add-vpc", "VpcId", v.VpcID).flag("IsDefault", v.IsDefault).
			opt("RegionId", v.RegionID).opt("AccountId", v.AccountID).String()
	},
	"AddInstance": func(a []any) string {
		in := arg[eipsim.Instance](a, 0)
		return op("add-instance", "InstanceId", in.InstanceID).opt("Status", string(in.Status)).
			opt("VpcId", in.VpcID).flag("Classic", in.Classic).flag("PublicIp", in.PublicIP).
			list("PrivateIpAddresses", in.PrivateIPAddresses).
			opt("RegionId", in.RegionID).opt("AccountId", in.AccountID).String()
	},
	"ScheduleInstanceStatus": func(a []any) string {
		d, then := arg[time.Duration](a, 2), arg[eipsim.InstanceStatus](a, 3)
		o := op("set-instance-status", "InstanceId", arg[string](a, 0), "Status", string(arg[eipsim.InstanceStatus](a, 1)))
		if then != "" || d != 0 {
			o = o.opt("Then", string(then)).opt("After", d.String())
		}
		return o.String()
	},
	"DeleteInstance": oneArg("delete-instance", "InstanceId"),
	"AddLoadBalancer": func(a []any) string {
		lb := arg[eipsim.LoadBalancer](a, 0)
		return op("add-slb", "LoadBalancerId", lb.LoadBalancerID).opt("AddressType", lb.AddressType).
			opt("Status", lb.Status).opt("VpcId", lb.VpcID).
			opt("RegionId", lb.RegionID).opt("AccountId", lb.AccountID).String()
	},
	"SetLoadBalancerStatus": twoArgs("set-slb-status", "LoadBalancerId", "Status"),
	"DeleteLoadBalancer":    oneArg("delete-slb", "LoadBalancerId"),
	"AddNetworkInterface": func(a []any) string {
		ni := arg[eipsim.NetworkInterface](a, 0)
		return op("add-eni", "NetworkInterfaceId", ni.NetworkInterfaceID).opt("InstanceId", ni.InstanceID).
			opt("Type", ni.Type).list("PrivateIpAddresses", ni.PrivateIPAddresses).opt("Status", ni.Status).
			opt("VpcId", ni.VpcID).opt("RegionId", ni.RegionID).opt("AccountId", ni.AccountID).String()
	},
	"AttachNetworkInterface": twoArgs("attach-eni", "NetworkInterfaceId", "InstanceId"),
	"DetachNetworkInterface": oneArg("detach-eni", "NetworkInterfaceId"),
	"SetNetworkInterfaceStatus": func(a []any) string {
		return op("set-eni-status", "NetworkInterfaceId", arg[string](a, 0)).opt("Status", arg[string](a, 1)).String()
	},
	"DeleteNetworkInterface": oneArg("delete-eni", "NetworkInterfaceId"),
	"AddNatGateway": func(a []any) string {
		ng := arg[eipsim.NatGateway](a, 0)
		return op("add-nat-gateway", "NatGatewayId", ng.NatGatewayID).opt("Name", ng.Name).opt("VpcId", ng.VpcID).
			opt("RegionId", ng.RegionID).opt("AccountId", ng.AccountID).String()
	},
	"SetNatGatewayFinancialLock": func(a []any) string {
		return op("set-nat-gateway-financial-lock", "NatGatewayId", arg[string](a, 0), "Locked", strconv.FormatBool(arg[bool](a, 1))).String()
	},
	"AddHaVip": func(a []any) string {
		hv := arg[eipsim.HaVip](a, 0)
		return op("add-havip", "HaVipId", hv.HaVipID).opt("IpAddress", hv.IPAddress).opt("VSwitchId", hv.VSwitchID).
			opt("Name", hv.Name).opt("Description", hv.Description).opt("VpcId", hv.VpcID).
			opt("RegionId", hv.RegionID).opt("AccountId", hv.AccountID).String()
	},
	"ConvertNatPublicIpToEip": oneArg("convert-nat-public-ip", "InstanceId"),
	"Lock":                    lockLine("lock"),
	"Unlock":                  lockLine("unlock"),
	"SetDeletionProtection": func(a []any) string {
		return op("set-deletion-protection", "AllocationId", arg[string](a, 0), "Enabled", strconv.FormatBool(arg[bool](a, 1))).String()
	},
	"SetSystemBusy": func(a []any) string {
		return op("set-system-busy", "Action", string(arg[eipsim.Action](a, 0)), "Times", strconv.Itoa(arg[int](a, 1))).String()
	},
	"InjectFault":  func(a []any) string { return faultLine(arg[eipsim.Fault](a, 0)) },
	"RemoveFault":  func(a []any) string { return line("remove-fault").word(arg[eipsim.FaultHandle](a, 0).ID()).String() },
	"ClearFaults":  func([]any) string { return line("clear-faults").String() },
	"ReleaseStuck": func(a []any) string { return op("release-stuck").opt("ResourceId", arg[string](a, 0)).String() },
	"SetRateLimit": func(a []any) string {
		return line("set-rate-limit").word(eipsim.ActionRateLimit{Action: arg[eipsim.Action](a, 0), Limit: arg[eipsim.RateLimit](a, 1)}.String()).String()
	},
	"RemoveRateLimit": func(a []any) string {
		name := string(arg[eipsim.Action](a, 0))
		if name == "" {
			name = "*"
		}
		return line("remove-rate-limit").word(name).String()
	},
	"SetGlobalRateLimit": func(a []any) string {
		return line("set-global-rate-limit").word(arg[eipsim.RateLimit](a, 0).String()).String()
	},
	"RemoveGlobalRateLimit": func([]any) string { return line("remove-global-rate-limit").String() },
	"CheckInvariants":       func([]any) string { return line("check").String() },
}

func oneArg(cmd, key string) func([]any) string {
	return func(a []any) string { return op(cmd, key, arg[string](a, 0)).String() }
}

func twoArgs(cmd, k1, k2 string) func([]any) string {
	return func(a []any) string { return op(cmd, k1, arg[string](a, 0), k2, arg[string](a, 1)).String() }
}

func lockLine(cmd string) func([]any) string {
	return func(a []any) string {
		return op(cmd, "AllocationId", arg[string](a, 0), "LockReason", string(arg[eipsim.LockReason](a, 1))).String()
	}
}

// faultLine writes a fault rule as the inject-fault line that injects it.
func faultLine(f eipsim.Fault) string {
	w := line("inject-fault")
	for _, a := range f.Args() {
		w = w.raw(a) // Key=Value, already in the form eipsim.ParseFault reads
	}
	return w.String()
}

// RemoveFaultOutput is the output of the remove-fault (and
// remove-rate-limit) harness command: "" (printed "ok") when the rule was
// removed, "not found" when it was not there.
func RemoveFaultOutput(removed bool) string {
	if removed {
		return ""
	}
	return "not found"
}

// ReleaseStuckOutput is the output of the release-stuck harness command:
// "released N", then the transitions the released tasks applied.
func ReleaseStuckOutput(r Renderer, n int, moved []eipsim.Event) string {
	out := "released " + strconv.Itoa(n)
	if t := r.Transitions(moved); t != "" {
		out += "\n" + t
	}
	return out
}
