package eipsim

import (
	"context"
	"fmt"
	"sync"
	"time"
	"unsafe"

	"github.com/eipsim/eipsim/eipsim/simclock"
)

// Sim is a simulated Alibaba Cloud EIP control plane. It is safe for
// concurrent use; its results are deterministic for a deterministic order of
// calls. Create one with [New].
type Sim struct {
	mu    sync.Mutex
	cfg   config
	clock Clock
	fast  *simclock.Clock // clock when it is one, else nil (clock.go)
	ids   ids
	pool  *ipPool

	eips  eipTable // by AllocationId (eiptable.go)
	order []*eip   // allocation order, with released EIPs until compacted
	dead  int      // released EIPs still in order
	// lastEIP is the EIP eipByID last found (or the last allocated).
	lastEIP *eip
	// allocations counts AllocateEipAddress successes.
	allocations uint64
	idx         eipIndex // eipindex.go

	tasks     taskQueue
	taskSeq   uint64
	freeTasks []*task // task.go
	// eipDelays are the delays of the EIP completions, by eipDone (task.go).
	eipDelays [numDone]time.Duration
	resps     respSlabs // respslab.go

	eipSlab      []eip      // records.go
	freeEIPs     []*eip     // records.go
	freeBindings []*binding // records.go

	tokens  tokenStore
	history history
	world   world
	hooks   hooks
	jr      *journal // journal.go

	// cur is the call of the action run holds the lock for (serve.go):
	// the Sim's, so that the action's body gets it by pointer, without a
	// copy, and it stays off the stack's zeroing.
	cur call

	// version counts changes of state (version.go).
	version uint64
}

type accountRegion struct {
	account string
	region  uint8
}

// New returns a Sim configured by opts, or an error naming the first bad
// option.
func New(opts ...Option) (*Sim, error) {
	cfg := defaultConfig()
	for _, o := range opts {
		if o == nil {
			return nil, fmt.Errorf("eipsim: New: nil option")
		}
		if err := o(&cfg); err != nil {
			return nil, err
		}
	}
	if len(cfg.regions) > 255 {
		return nil, fmt.Errorf("eipsim: WithRegions: at most 255 regions, got %d", len(cfg.regions))
	}
	pool, err := newIPPool(cfg.pool)
	if err != nil {
		return nil, err
	}
	s := &Sim{
		cfg:   cfg,
		clock: cfg.clock,
		fast:  fastClock(cfg.clock),
		ids:   newIDs(cfg.seed, cfg.pinned),
		pool:  pool,
		idx:   newEIPIndex(cfg.regions),
	}
	s.initJournal()
	s.initEIPDelays()
	s.history.limit = cfg.historyLimit
	s.world.init()
	s.initHooks()
	return s, nil
}

// Now returns the Sim's clock's current time.
func (s *Sim) Now() time.Time { return s.clock.Now() }

// Regions returns the regions the Sim serves, the default region first.
func (s *Sim) Regions() []string { return append([]string(nil), s.cfg.regions...) }

// regionIndex returns the index of region r, or false.
func (s *Sim) regionIndex(r string) (uint8, bool) {
	for i, x := range s.cfg.regions {
		if x == r {
			return uint8(i), true
		}
	}
	return 0, false
}

type accountKey struct{}

// WithAccount returns a context whose calls are made as account id: the
// account owns what it allocates, and cannot see or touch other accounts'
// resources. Calls without one are made as [DefaultAccountID].
func WithAccount(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, accountKey{}, id)
}

// AccountFrom returns the account a context's calls are made as.
func AccountFrom(ctx context.Context) string {
	if ctx != nil {
		// id is "" unless the value is a string: one test (small enough to inline).
		if id, _ := ctx.Value(accountKey{}).(string); id != "" {
			return id
		}
	}
	return DefaultAccountID
}

// call is the per-call state every action starts with: the lock is held,
// due tasks are settled, and a RequestId is drawn.
//
// The call is the Sim's (Sim.cur, on the heap), so start writes only the
// fields that change: each pointer written into the heap is a write
// barrier while the GC marks. Its time is nanoseconds (at) while the
// clock has them (package simclock's, nearly always), a time.Time, with
// its *Location, only for another clock (slow).
type call struct {
	// at is the call's time as Unix nanoseconds (nanos of the clock's
	// reading).
	at int64
	// slow says that at is not the clock's exact reading (another clock
	// than package simclock's, or its time without nanoseconds), which
	// clock then is; else clock is not written and now is built from at.
	slow    bool
	clock   time.Time
	rid     string
	account string
	action  Action
	// changes says that action changes something (it is not a read,
	// isRead): start sets it once for run's outcome and ok's version.
	changes bool
}

// now returns the call's time: the clock's reading, location and all.
func (c *call) now() time.Time {
	if c.slow {
		return c.clock
	}
	// time.Unix(0, c.at), split here by one constant division, which
	// Unix's normalization then skips (TestUnixSplit); exactly the fast
	// clock's Now (simclock.Clock.NowNanos).
	return time.Unix(c.at/1e9, c.at%1e9).UTC()
}

// begin locks the Sim, settles due tasks and starts a call. The caller must
// defer s.end().
func (s *Sim) begin(ctx context.Context, action Action) call {
	var c call
	s.start(&c, ctx, action)
	return c
}

// start is begin filling in c, which saves copying a returned call. The
// account is written only when it is another than c's (the same string,
// written again, is a write barrier too).
func (s *Sim) start(c *call, ctx context.Context, action Action) {
	s.mu.Lock()
	s.setTime(c)
	s.settleAt(c.at)
	s.tokens.expire(c.at)
	c.rid, c.action, c.changes = s.ids.requestID(), action, !isRead(action)
	if a := AccountFrom(ctx); !sameString(a, c.account) && a != c.account {
		c.account = a
	}
}

// sameString reports whether a and b are the same string by their bytes'
// address and length: then they are equal without comparing the bytes
// (which costs a call of runtime.memequal, even for the same address).
// A false answer says nothing: the caller compares them (start: the
// account is nearly always the same constant, DefaultAccountID).
func sameString(a, b string) bool {
	return len(a) == len(b) && unsafe.StringData(a) == unsafe.StringData(b)
}

func (s *Sim) end() { s.mu.Unlock() }

// fail records a refused call in the history and returns its error.
func (s *Sim) fail(c *call, resource string, err *Error) error {
	s.history.call(c, resource, err.Code, &s.ids.last)
	return err
}

// ok records an accepted call in the history.
func (s *Sim) ok(c *call, resource string) {
	if c.changes {
		s.changed() // version.go
	}
	s.history.call(c, resource, "", &s.ids.last)
}

// err builds the catalogue error for code in this call.
func (c call) err(code Code, args ...any) *Error { return NewError(code, c.action, c.rid, args...) }
