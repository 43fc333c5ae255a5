package eipsim

// ConvertNatPublicIpToEip converts the system-assigned public IP of an ECS
// instance in a VPC into an EIP bound to it, as the ECS action of that name
// does (ECS API 2014-05-26). The new EIP belongs to the instance's account,
// is InUse at once and counts against the EIP quota; the instance no longer
// has a public IP. It returns the new AllocationId.
//
// It is the one path by which an EIP ends up bound to a resource in a
// default VPC (AssociateEipAddress refuses those with OperationDenied), and
// so the trigger of OperationDenied ("Eip of default vpc not allow this
// operation") on UnassociateEipAddress. It is a setup method, not a served
// Action, since the Sim serves the VPC API only.
func (s *Sim) ConvertNatPublicIpToEip(instanceID string) (id string, err error) {
	if s.jr != nil { // journal.go
		defer s.jr.setup(s, "ConvertNatPublicIpToEip", &id, instanceID)(&err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.clock.Now()
	s.settle(now)
	const m = "ConvertNatPublicIpToEip"
	r, ok := s.world.instances[instanceID]
	if !ok {
		return "", setupError(m, "no ECS instance %s", instanceID)
	}
	if r.classic {
		return "", setupError(m, "%s is a classic-network instance", instanceID)
	}
	if !r.publicIP {
		return "", setupError(m, "%s has no system-assigned public IP", instanceID)
	}
	region, _ := s.regionIndex(r.region)
	if s.idx.held(r.account, region) >= s.cfg.quota {
		return "", setupError(m, "account %s is at its EIP quota in %s", r.account, r.region)
	}
	ip, ok := s.pool.next()
	if !ok {
		return "", setupError(m, "the IP pool is exhausted")
	}
	e := s.newEIP()
	*e = eip{
		id:        s.ids.allocationID(s.allocationIDTaken),
		account:   r.account,
		allocated: now.UnixNano(),
		ip:        ip,
		bandwidth: 5,
		region:    region,
	}
	s.addEIP(e)
	s.transition(now, m, e.id, "", string(StatusAvailable), m)
	s.fire(stampOf(now), e, evAssociate, m, m)
	e.bind = s.newBinding(binding{target: r})
	r.bind(e)
	s.fire(stampOf(now), e, evAssociateDone, m, m)
	r.publicIP = false
	s.worldEvent(m, instanceID)
	return e.id, nil
}
