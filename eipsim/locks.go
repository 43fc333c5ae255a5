package eipsim

import "github.com/looplab/fsm"

// LockReason is a reason an EIP is locked, spelled as the cloud's
// OperationLocks.LockReason and the Describe LockReason filter spell it.
type LockReason string

// The lock reasons (VPC API, DescribeEipAddresses).
const (
	// LockFinancial: overdue payment. Writes on the EIP give
	// Forbidden.FinancialLocked and BusinessStatus is FinancialLocked.
	LockFinancial LockReason = "financial"
	// LockSecurity: locked for security reasons. Writes on the EIP give
	// InvalidEIPStatus.BizDisabled.
	LockSecurity LockReason = "security"
)

// BusinessStatus values shown by Describe.
const (
	BusinessStatusNormal          = "Normal"
	BusinessStatusFinancialLocked = "FinancialLocked"
)

// Security lock states.
const (
	SecurityUnlocked = "Unlocked"
	SecurityLocked   = "Locked"
)

// Lock events.
const (
	EventFinancialLock   = "financial_lock"
	EventFinancialUnlock = "financial_unlock"
	EventSecurityLock    = "security_lock"
	EventSecurityUnlock  = "security_unlock"
)

// BusinessStatusEvents declares the financial-lock dimension. It is
// orthogonal to the lifecycle: a locked EIP keeps its Status.
var BusinessStatusEvents = fsm.Events{
	{Name: EventFinancialLock, Src: []string{BusinessStatusNormal}, Dst: BusinessStatusFinancialLocked},
	{Name: EventFinancialUnlock, Src: []string{BusinessStatusFinancialLocked}, Dst: BusinessStatusNormal},
}

// SecurityLockEvents declares the security-lock dimension, orthogonal to the
// lifecycle and to the business status.
var SecurityLockEvents = fsm.Events{
	{Name: EventSecurityLock, Src: []string{SecurityUnlocked}, Dst: SecurityLocked},
	{Name: EventSecurityUnlock, Src: []string{SecurityLocked}, Dst: SecurityUnlocked},
}

var (
	businessTable = compile(BusinessStatusEvents)
	securityTable = compile(SecurityLockEvents)

	bsNormal  = businessTable.stateOf(BusinessStatusNormal)
	bsLocked  = businessTable.stateOf(BusinessStatusFinancialLocked)
	secOpen   = securityTable.stateOf(SecurityUnlocked)
	secLocked = securityTable.stateOf(SecurityLocked)
	evFinLock = businessTable.eventOf(EventFinancialLock)
	evFinOpen = businessTable.eventOf(EventFinancialUnlock)
	evSecLock = securityTable.eventOf(EventSecurityLock)
	evSecOpen = securityTable.eventOf(EventSecurityUnlock)
)

// lockError is the error a write on a locked EIP gets, or nil. A security
// lock is reported before a financial one.
func (s *Sim) lockError(e *eip, action Action, rid string) *Error {
	if e.security == secLocked {
		return NewError(CodeInvalidEIPStatusBizDisabled, action, rid)
	}
	if e.business == bsLocked {
		return NewError(CodeForbiddenFinancialLocked, action, rid)
	}
	return nil
}
