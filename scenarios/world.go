package scenarios

import (
	"context"
	"strconv"
	"time"
	"unicode"

	"github.com/eipsim/eipsim/eipsim"
)

// This file loads a scenario file as a world: the setup a long-running
// simulator (`eipsim serve -world FILE`) starts with. Only commands that build
// state run; expected outputs are ignored.

// SimOptions returns the Sim options of s's new-sim command, or none when it
// has none. A new-sim command must come before every other command and appear
// at most once. Its arguments, one per eipsim option:
//
//	new-sim seed=7 regions=(cn-hangzhou, cn-shanghai) associate-delay=3s \
//	    unassociate-delay=3s release-delay=3s cooldown=1s quota=20 \
//	    ip-pool=(203.0.113.0/24) ids=(eip-0001, eip-0002) \
//	    client-token-ttl=24h history-limit=100000 multi-binded-limit=10
//
// (region= is accepted for regions=.) The clock is not an option here: the
// caller chooses it.
func SimOptions(s *Scenario) ([]eipsim.Option, error) {
	var opts []eipsim.Option
	for i, c := range s.Commands {
		if c.Name != "new-sim" {
			continue
		}
		if i != 0 {
			return nil, c.Errorf("must be the first command")
		}
		o, err := newSimOptions(c)
		if err != nil {
			return nil, err
		}
		opts = o
	}
	return opts, nil
}

// newSimOptions reads the arguments of one new-sim command.
func newSimOptions(c *Command) ([]eipsim.Option, error) {
	if err := c.CheckArgs("seed", "region", "regions", "associate-delay", "unassociate-delay", "release-delay",
		"cooldown", "quota", "ip-pool", "ids", "client-token-ttl", "history-limit", "multi-binded-limit"); err != nil {
		return nil, err
	}
	var opts []eipsim.Option
	if c.Has("seed") {
		v, _ := c.Value("seed", "")
		seed, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			return nil, c.Errorf("argument seed=%s: want a decimal unsigned integer", v)
		}
		opts = append(opts, eipsim.WithSeed(seed))
	}
	for _, key := range []string{"region", "regions"} {
		if c.Has(key) {
			rs, err := c.Strings(key)
			if err != nil {
				return nil, err
			}
			opts = append(opts, eipsim.WithRegions(rs...))
		}
	}
	for key, action := range map[string]eipsim.Action{
		"associate-delay":   eipsim.ActionAssociateEipAddress,
		"unassociate-delay": eipsim.ActionUnassociateEipAddress,
		"release-delay":     eipsim.ActionReleaseEipAddress,
	} {
		if c.Has(key) {
			d, err := c.Duration(key, 0)
			if err != nil {
				return nil, err
			}
			opts = append(opts, eipsim.WithTaskDelay(action, d))
		}
	}
	durations := []struct {
		key string
		opt func(time.Duration) eipsim.Option
	}{{"cooldown", eipsim.WithCooldown}, {"client-token-ttl", eipsim.WithClientTokenTTL}}
	for _, d := range durations {
		if c.Has(d.key) {
			v, err := c.Duration(d.key, 0)
			if err != nil {
				return nil, err
			}
			opts = append(opts, d.opt(v))
		}
	}
	ints := []struct {
		key string
		opt func(int) eipsim.Option
	}{{"quota", eipsim.WithEIPQuota}, {"history-limit", eipsim.WithHistoryLimit}, {"multi-binded-limit", eipsim.WithMultiBindedLimit}}
	for _, n := range ints {
		if c.Has(n.key) {
			v, err := c.Int(n.key, 0)
			if err != nil {
				return nil, err
			}
			opts = append(opts, n.opt(v))
		}
	}
	lists := []struct {
		key string
		opt func(...string) eipsim.Option
	}{{"ip-pool", eipsim.WithIPPool}, {"ids", eipsim.WithAllocationIDs}}
	for _, l := range lists {
		if c.Has(l.key) {
			vs, err := c.Strings(l.key)
			if err != nil {
				return nil, err
			}
			opts = append(opts, l.opt(vs...))
		}
	}
	return opts, nil
}

// LoadWorld runs the world-building commands of s on sim as
// [eipsim.DefaultAccountID]; see [LoadWorldAs].
func LoadWorld(sim *eipsim.Sim, s *Scenario) error {
	return LoadWorldAs(sim, s, eipsim.DefaultAccountID)
}

// LoadWorldAs runs the world-building commands of s on sim, in order, and
// ignores every expected output. account makes the cloud Actions and owns the
// resources whose add-* command names no account=. The commands:
//
//	new-sim ...                                  skipped (see SimOptions)
//	add-vpc id=vpc-1 [region=R] [account=A] [default]
//	add-instance id=i-1 [region=R] [account=A] [vpc=V] [status=Running]
//	    [classic] [public-ip] [private-ips=(10.0.0.1, ...)]
//	add-slb id=lb-1 [region=R] [account=A] [vpc=V] [address-type=intranet] [status=active]
//	add-eni id=eni-1 [region=R] [account=A] [vpc=V] [type=Secondary]
//	    [instance=i-1] [private-ips=(...)]
//	set-instance-status id=i-1 status=Stopped
//	lock id=eip-1 reason=financial|security
//	unlock id=eip-1 reason=financial|security
//	describe-state, tasks, history, check        skipped (they only read)
//	AnyAction Param=value ...                    a cloud Action, by wire names
//
// A cloud Action the Sim refuses stops the load with its error, as does any
// other command (advance and inject-fault included: a world is built on the
// clock the caller gave the Sim, which may be the real one). Every error
// names the command's file and line.
func LoadWorldAs(sim *eipsim.Sim, s *Scenario, account string) error {
	ctx := eipsim.WithAccount(context.Background(), account)
	for _, c := range s.Commands {
		if err := loadCommand(ctx, sim, c, account); err != nil {
			return err
		}
	}
	return nil
}

func loadCommand(ctx context.Context, sim *eipsim.Sim, c *Command, account string) error {
	if isAction(c.Name) {
		return loadAction(ctx, sim, c)
	}
	var err error
	switch c.Name {
	case "new-sim":
		return nil
	case "describe-state", "tasks", "history", "check":
		return nil
	case "add-vpc":
		err = addVPC(sim, c, account)
	case "add-instance":
		err = addInstance(sim, c, account)
	case "add-slb":
		err = addSLB(sim, c, account)
	case "add-eni":
		err = addENI(sim, c, account)
	case "set-instance-status":
		err = setInstanceStatus(sim, c)
	case "lock", "unlock":
		err = lock(sim, c)
	default:
		return c.Errorf("not supported in a world file; supported: new-sim, add-vpc, add-instance, add-slb, add-eni, " +
			"set-instance-status, lock, unlock, cloud Actions (describe-state, tasks, history and check are skipped)")
	}
	if err != nil {
		if _, ok := err.(*Error); ok {
			return err
		}
		return c.Errorf("%v", err)
	}
	return nil
}

// isAction reports whether name is a CamelCase cloud Action.
func isAction(name string) bool {
	return name != "" && unicode.IsUpper(rune(name[0]))
}

// loadAction runs one cloud Action; each argument is one wire parameter.
func loadAction(ctx context.Context, sim *eipsim.Sim, c *Command) error {
	if c.Input != "" {
		return c.Errorf("takes no input lines")
	}
	params := make(eipsim.Params, len(c.Args))
	for _, a := range c.Args {
		if len(a.Vals) != 1 {
			return c.Errorf("argument %s: a wire parameter takes exactly one value (%s=...)", a.Key, a.Key)
		}
		if _, dup := params[a.Key]; dup {
			return c.Errorf("argument %s given twice", a.Key)
		}
		params[a.Key] = a.Vals[0]
	}
	if _, err := sim.Call(ctx, eipsim.Action(c.Name), params); err != nil {
		return c.Errorf("%v", err)
	}
	return nil
}

// owner reads the region=, account= and vpc= arguments common to add-*.
func owner(c *Command, account string) (region, acct, vpc string, err error) {
	if region, err = c.Value("region", ""); err != nil {
		return
	}
	if acct, err = c.Value("account", account); err != nil {
		return
	}
	vpc, err = c.Value("vpc", "")
	return
}

func addVPC(sim *eipsim.Sim, c *Command, account string) error {
	if err := c.CheckArgs("id", "region", "account", "default"); err != nil {
		return err
	}
	if err := c.Require("id"); err != nil {
		return err
	}
	id, _ := c.Value("id", "")
	region, acct, _, err := owner(c, account)
	if err != nil {
		return err
	}
	def, err := c.Bool("default", false)
	if err != nil {
		return err
	}
	return sim.AddVPC(eipsim.VPC{VpcID: id, RegionID: region, AccountID: acct, IsDefault: def})
}

func addInstance(sim *eipsim.Sim, c *Command, account string) error {
	if err := c.CheckArgs("id", "region", "account", "vpc", "status", "classic", "public-ip", "private-ips"); err != nil {
		return err
	}
	if err := c.Require("id"); err != nil {
		return err
	}
	id, _ := c.Value("id", "")
	region, acct, vpc, err := owner(c, account)
	if err != nil {
		return err
	}
	status, err := c.Value("status", "")
	if err != nil {
		return err
	}
	classic, err := c.Bool("classic", false)
	if err != nil {
		return err
	}
	public, err := c.Bool("public-ip", false)
	if err != nil {
		return err
	}
	ips, err := c.Strings("private-ips")
	if err != nil {
		return err
	}
	return sim.AddInstance(eipsim.Instance{
		InstanceID: id, RegionID: region, AccountID: acct, VpcID: vpc, Classic: classic,
		Status: eipsim.InstanceStatus(status), PublicIP: public, PrivateIPAddresses: ips,
	})
}

func addSLB(sim *eipsim.Sim, c *Command, account string) error {
	if err := c.CheckArgs("id", "region", "account", "vpc", "address-type", "status"); err != nil {
		return err
	}
	if err := c.Require("id"); err != nil {
		return err
	}
	id, _ := c.Value("id", "")
	region, acct, vpc, err := owner(c, account)
	if err != nil {
		return err
	}
	addrType, err := c.Value("address-type", "")
	if err != nil {
		return err
	}
	status, err := c.Value("status", "")
	if err != nil {
		return err
	}
	return sim.AddLoadBalancer(eipsim.LoadBalancer{
		LoadBalancerID: id, RegionID: region, AccountID: acct, VpcID: vpc, AddressType: addrType, Status: status,
	})
}

func addENI(sim *eipsim.Sim, c *Command, account string) error {
	if err := c.CheckArgs("id", "region", "account", "vpc", "type", "instance", "private-ips"); err != nil {
		return err
	}
	if err := c.Require("id"); err != nil {
		return err
	}
	id, _ := c.Value("id", "")
	region, acct, vpc, err := owner(c, account)
	if err != nil {
		return err
	}
	typ, err := c.Value("type", "")
	if err != nil {
		return err
	}
	inst, err := c.Value("instance", "")
	if err != nil {
		return err
	}
	ips, err := c.Strings("private-ips")
	if err != nil {
		return err
	}
	return sim.AddNetworkInterface(eipsim.NetworkInterface{
		NetworkInterfaceID: id, RegionID: region, AccountID: acct, VpcID: vpc, Type: typ, InstanceID: inst, PrivateIPAddresses: ips,
	})
}

func setInstanceStatus(sim *eipsim.Sim, c *Command) error {
	if err := c.CheckArgs("id", "status"); err != nil {
		return err
	}
	if err := c.Require("id", "status"); err != nil {
		return err
	}
	id, _ := c.Value("id", "")
	status, err := c.Value("status", "")
	if err != nil {
		return err
	}
	return sim.SetInstanceStatus(id, eipsim.InstanceStatus(status))
}

func lock(sim *eipsim.Sim, c *Command) error {
	if err := c.CheckArgs("id", "reason"); err != nil {
		return err
	}
	if err := c.Require("id", "reason"); err != nil {
		return err
	}
	id, _ := c.Value("id", "")
	reason, err := c.Value("reason", "")
	if err != nil {
		return err
	}
	if c.Name == "unlock" {
		return sim.Unlock(id, eipsim.LockReason(reason))
	}
	return sim.Lock(id, eipsim.LockReason(reason))
}
