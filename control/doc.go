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
// # The console
//
// GET /_eipsim/ui is a web page of the served Sim for a person watching a
// test run: every EIP, NAT gateway (with its SNAT and DNAT entries), HaVip
// and ECS instance (ENIs and load balancers when there are any) with
// status, binding, locks and tags; the pending tasks and their due times;
// the fault rules and their firings; the run's timeline (package timeline,
// inline SVG); a clock field with an "advance 3s" button, reset, and a link
// to the recording. It is rendered on the server (html/template, so every
// value is escaped), needs no other asset, and its Content-Security-Policy
// allows nothing but its own inline script and style and calls to this
// server. The script polls GET version twice a second and reloads the
// live part (GET ui?part=live) when the Version or the run changes. Tables
// stop at 500 rows and the timeline at the newest 10,000 events.
//
// Access is the control API's. With a token, a browser opens
// /_eipsim/ui?token=TOKEN once: the answer sets the [TokenCookie] (HttpOnly,
// SameSite=Strict, path /_eipsim/) and redirects to /_eipsim/ui; the cookie
// then stands for the token on every control call. ?token= is read on the
// console's URL only.
//
// Every call that changes the Sim is recorded (a fault as inject-fault, a
// check as check, a clock move as the advance before the next operation), so
// the recording replays what clients and the control API did together.
package control

// Prefix is the path prefix of the control API. The VPC protocol is served
// at "/" only, so the two cannot collide.
const Prefix = "/_eipsim/"
