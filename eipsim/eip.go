package eipsim

import (
	"slices"
	"time"
)

// InstanceType is the kind of resource an EIP is associated with, spelled
// as the InstanceType wire parameter spells it.
type InstanceType string

// The instance types of AssociateEipAddress and UnassociateEipAddress.
const (
	InstanceTypeEcsInstance      InstanceType = "EcsInstance"
	InstanceTypeSlbInstance      InstanceType = "SlbInstance"
	InstanceTypeNetworkInterface InstanceType = "NetworkInterface"
	InstanceTypeNat              InstanceType = "Nat"
	InstanceTypeHaVip            InstanceType = "HaVip"
)

// Association modes for secondary ENIs (the Mode parameter).
const (
	ModeNAT         = "NAT"
	ModeBinded      = "BINDED"
	ModeMultiBinded = "MULTI_BINDED"
)

// Charge types.
const (
	ChargeTypePostPaid           = "PostPaid"
	ChargeTypePrePaid            = "PrePaid"
	InternetChargePayByBandwidth = "PayByBandwidth"
	InternetChargePayByTraffic   = "PayByTraffic"
)

// EIP is a value snapshot of one elastic IP address, with the fields
// DescribeEipAddresses shows. Changing it changes nothing in the Sim. Its
// JSON keys are the cloud's spelling (the control API's GET state).
type EIP struct {
	AllocationID string `json:"AllocationId"`
	IPAddress    string `json:"IpAddress"`
	RegionID     string `json:"RegionId"`
	AccountID    string `json:"AccountId"`
	Status       Status `json:"Status"`
	// InstanceID, InstanceType, PrivateIPAddress and Mode describe the
	// association; they are empty when the EIP is not bound. They are set
	// from the moment AssociateEipAddress is accepted (Associating) until
	// the EIP is Available again.
	InstanceID         string       `json:"InstanceId"`
	InstanceType       InstanceType `json:"InstanceType"`
	PrivateIPAddress   string       `json:"PrivateIpAddress"`
	Mode               string       `json:"Mode"`
	ChargeType         string       `json:"ChargeType"`
	InternetChargeType string       `json:"InternetChargeType"`
	// Bandwidth is the peak bandwidth in Mbit/s (a string on the wire).
	Bandwidth          int          `json:"Bandwidth"`
	ISP                string       `json:"ISP"`
	Netmode            string       `json:"Netmode"`
	Name               string       `json:"Name"`
	Description        string       `json:"Description"`
	ResourceGroupID    string       `json:"ResourceGroupId"`
	BusinessStatus     string       `json:"BusinessStatus"`
	LockReasons        []LockReason `json:"LockReasons"`
	DeletionProtection bool         `json:"DeletionProtection"`
	AllocationTime     time.Time    `json:"AllocationTime"`
	// ExpiredTime is set for PrePaid EIPs only.
	ExpiredTime time.Time `json:"ExpiredTime"`
	// Tags are the EIP's tags, sorted by key; nil when it has none.
	Tags []Tag `json:"Tags"`
}

// eip is the Sim's record of one EIP. It is kept small: a million idle EIPs
// must fit in a few hundred megabytes. Rarely set attributes live in extra.
type eip struct {
	id      string
	account string
	bind    *binding
	extra   *eipExtra
	// pending is the last completion task scheduled for the EIP, not
	// cleared when it applies: pendingTask says whether it still is
	// pending (task.go).
	pending   *task
	n         uint64 // allocation sequence number, for a stable order
	allocated int64  // UnixNano
	cooldown  int64  // UnixNano before which another write gives TaskConflict
	ip        uint32
	bandwidth int32
	region    uint8 // index into config.regions
	status    state
	business  state
	security  state
	prepaid   bool
	traffic   bool // PayByTraffic
	protected bool // DeletionProtection
	gone      bool // released: no longer in Sim.eips
	// Where the EIP is in its group's trees (eipindex.go): in the whole
	// group's (inAll), in status indexed's (noState: none), and whether
	// it waits in the queue of changes not yet synced into them.
	indexed state
	inAll   bool
	queued  bool
}

// eipExtra holds the attributes most EIPs leave at their defaults.
type eipExtra struct {
	name, description, isp, resourceGroup string
	expired                               time.Time
	tags                                  tagSet
}

// binding is an EIP's association with a target.
type binding struct {
	target    target
	privateIP string
	mode      string
}

func (s *Sim) snapshot(e *eip) EIP {
	out := EIP{
		AllocationID:       e.id,
		IPAddress:          addr4(e.ip).String(),
		RegionID:           s.cfg.regions[e.region],
		AccountID:          e.account,
		Status:             lifecycle.states[e.status],
		ChargeType:         ChargeTypePostPaid,
		InternetChargeType: InternetChargePayByBandwidth,
		Bandwidth:          int(e.bandwidth),
		ISP:                "BGP",
		Netmode:            "public",
		BusinessStatus:     BusinessStatusNormal,
		DeletionProtection: e.protected,
		AllocationTime:     time.Unix(0, e.allocated).UTC(),
	}
	if e.prepaid {
		out.ChargeType = ChargeTypePrePaid
	}
	if e.traffic {
		out.InternetChargeType = InternetChargePayByTraffic
	}
	if e.business == bsLocked {
		out.BusinessStatus = BusinessStatusFinancialLocked
		out.LockReasons = append(out.LockReasons, LockFinancial)
	}
	if e.security == secLocked {
		out.LockReasons = append(out.LockReasons, LockSecurity)
	}
	if x := e.extra; x != nil {
		out.Name, out.Description, out.ResourceGroupID = x.name, x.description, x.resourceGroup
		if len(x.tags) > 0 {
			out.Tags = slices.Clone([]Tag(x.tags))
		}
		if x.isp != "" {
			out.ISP = x.isp
		}
		if !x.expired.IsZero() {
			out.ExpiredTime = x.expired.UTC()
		}
	}
	if b := e.bind; b != nil {
		out.InstanceID = b.target.targetID()
		out.InstanceType = b.target.targetType()
		out.PrivateIPAddress = b.privateIP
		out.Mode = b.mode
	}
	return out
}

func (e *eip) ext() *eipExtra {
	if e.extra == nil {
		e.extra = &eipExtra{}
	}
	return e.extra
}

// EIP returns a snapshot of the EIP with the given AllocationId, of any
// account, and whether it exists. Released EIPs do not exist.
func (s *Sim) EIP(allocationID string) (EIP, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settle(s.clock.Now())
	e, ok := s.eipByID(allocationID)
	if !ok {
		return EIP{}, false
	}
	return s.snapshot(e), true
}

// EIPs returns snapshots of every EIP of every account, in allocation order.
func (s *Sim) EIPs() []EIP {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settle(s.clock.Now())
	out := make([]EIP, 0, len(s.order)-s.dead)
	for _, e := range s.order {
		if !e.gone {
			out = append(out, s.snapshot(e))
		}
	}
	return out
}
