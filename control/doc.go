// Package control is eipsim serve's control API and its Go client: beside
// the VPC protocol, on the same listener, under [Prefix] ("/_eipsim/"), a
// JSON API that resets the simulator, moves its clock, injects and clears
// fault rules, shows its state, tasks, history and change counter, checks
// its invariants, runs scenario commands, and hands out the recording of
// the run as a scenario file that "eipsim run" replays.
//
// [Server] owns the served Sim (remade on every reset) and answers both
// APIs; [Client] is the typed client, for Go programs that run eipsim serve
// as a separate process.
//
// Endpoints (JSON in and out; an error is {"error": "..."} with a 4xx status):
//
//	POST   /_eipsim/reset               a fresh Sim, same options and world; optional {"seed": 7,
//	                                    "rateLimits": ["AssociateEipAddress:2/1s"], "globalRateLimit": "100/1s"}
//	GET    /_eipsim/clock               {"now": RFC3339Nano, "manual": bool}
//	POST   /_eipsim/clock/advance       {"by": "3s"}
//	POST   /_eipsim/clock/set           {"to": RFC3339Nano} (forward only)
//	GET    /_eipsim/faults              the rules, with IDs and firings
//	POST   /_eipsim/faults              {"rule": "Action=... Error=..."} or {"args": {...}} or {"rules": [...]}
//	DELETE /_eipsim/faults              clear all
//	DELETE /_eipsim/faults/f-0001       remove one
//	POST   /_eipsim/faults/release-stuck {"resourceId": "eip-0001"} optional
//	GET    /_eipsim/state               every EIP, instance, SLB, ENI, NAT gateway, HaVip
//	GET    /_eipsim/tasks               pending tasks, due times
//	GET    /_eipsim/history?since=SEQ   events after SEQ
//	GET    /_eipsim/version             the change counter and the run's number {"version": 7, "run": 1}
//	GET    /_eipsim/check               the invariants
//	GET    /_eipsim/recording           the run as a scenario file (text/plain)
//	POST   /_eipsim/scenario            scenario text: its commands run against the served Sim, as
//	                                    -world runs (a first new-sim is checked and skipped); the
//	                                    answer is the file with each command's output
//	GET    /_eipsim/ui                  the web console (HTML; see below)
//
// Every call that changes the Sim is recorded (a fault as inject-fault, a
// check as check, a clock move as the advance before the next operation), so
// the recording replays what clients and the control API did together.
package control

// Prefix is the path prefix of the control API. The VPC protocol is served
// at "/" only, so the two cannot collide.
const Prefix = "/_eipsim/"
