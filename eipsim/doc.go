// Package eipsim simulates the Alibaba Cloud Elastic IP (EIP) control plane
// (VPC API 2016-04-28) in process, deterministically: AllocateEipAddress,
// AssociateEipAddress, UnassociateEipAddress, DescribeEipAddresses,
// ReleaseEipAddress and ModifyEipAddressAttribute, and the world they touch
// (regions, accounts, VPCs, ECS instances, SLB instances, ENIs, NAT gateways
// with their SNAT and DNAT entries, HaVips; see nat.go and havip.go).
//
// # Usage
//
// Create a [Sim] with [New], add the resources your code binds EIPs to
// ([Sim.AddInstance], [Sim.AddLoadBalancer], [Sim.AddNetworkInterface]),
// and call the actions, whose methods are named after the cloud's Actions
// and take request structs whose fields are the wire parameters. Package
// eipsimtest has helpers for tests; package httpapi serves the same Sim to
// the official Alibaba Cloud SDK.
//
// # Time
//
// The Sim reads time only through the injected [Clock]'s Now. It starts no
// goroutines and registers no timers: an asynchronous action moves the EIP
// into its transitional status (Associating, Unassociating, Releasing) and
// queues a task; every public method first applies, in (due time, sequence)
// order, every task whose due time has passed, each at its own due time. So
// background completion is observable exactly when the cloud's is: on the
// next call after the clock has moved. A write repeated on an EIP within
// the cooldown gives TaskConflict.
//
// # Errors
//
// Every refusal is an [*Error] with the cloud's code, HTTP status and
// message, from one catalogue. errors.Is(err, CodeTaskConflict) matches the
// code through wrapping.
//
// # Determinism
//
// The same seed, options and sequence of calls give identical responses,
// IDs, addresses, RequestIds and history. Every listing is sorted.
//
// # Journal
//
// A Sim made with [WithJournal] reports every call made to it as a typed
// [Entry] (setup methods, Actions with their request and response or error,
// clock moves, account switches, RequestIds drawn outside calls), in the
// order it saw them. The Sim writes no text format: package scenarios turns
// a journal into a scenario file (its Recorder), and renders answers.
//
// # Fidelity
//
// The rules follow the cloud's API reference pages, cited in each action's
// file. Where the cloud does not document a behaviour (the cooldown's
// length, the error for a binding mismatch, what a lock blocks), the Sim
// makes a choice, documents it where it is made, and makes the number
// configurable where that is sensible. It is a fake: it does not model
// billing, bandwidth packages, Global Accelerator or IPv6.
//
// Locks: a security lock (InvalidEIPStatus.BizDisabled) or a financial lock
// (Forbidden.FinancialLocked) refuses every write on the EIP: associate,
// unassociate, release and modify. The cloud documents the codes for
// associate and unassociate; for release and modify this is our reading.
package eipsim
