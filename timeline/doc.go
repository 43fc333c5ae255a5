// Package timeline draws a run's history as an SVG picture: one lane per
// resource, a coloured segment per status, tick marks on simulated time,
// and markers for refused calls and fault firings.
//
// It reads only the engine's typed history ([eipsim.Event], from
// (*eipsim.Sim).History); the engine renders no pictures.
//
// # Layout
//
// Lanes are ordered by kind (EIPs, NAT gateways, SNAT entries, DNAT
// entries, HaVips, ECS instances, then any other resource), then by ID. A
// resource has a lane when its status changed at least once. A lane is
// LaneHeight pixels high whatever the number of resources, so the picture
// grows downwards (a viewer scrolls it); 500 resources make a picture of
// about 10,000 pixels.
//
// Simulated time runs left to right at PixelsPerSecond. Each distinct
// instant at which something happened gets at least MinStep pixels, so
// that close events stay apart; a gap longer than IdleThreshold is drawn
// as a break of BreakWidth pixels (a zigzag, with the elided time on hover)
// instead of at scale. Where a lane has several marks at one instant (many
// refused calls at +0s), they are drawn side by side and the step after
// that instant widens to hold them. The picture is at least 480 pixels
// wide, and as wide as its title and legend. A tick marks every such instant; its label
// ("+3s", relative to the start) is skipped where it would overlap the
// previous one.
//
// A state entered and left at the same instant (Available → Associating
// at +0s) is drawn as a thin sliver; every segment names its status and
// times on hover.
//
// Refused calls are red crosses and fault firings purple diamonds, on the
// lane of the resource they concern or, when it has none, on the top
// "calls" lane; their <title> gives the time, Action, error code and
// RequestId (for a fault, the rule and effect).
//
// # Palette
//
// The colours are fixed, per status string:
//
//	Available        #66bb6a  green
//	InUse            #1e88e5  blue
//	Associating      #ffa726  orange
//	Unassociating    #ffd54f  amber
//	Pending          #b0bec5  grey-blue
//	Creating         #90a4ae  grey-blue, darker
//	Modifying        #ba68c8  purple
//	Releasing        #ef5350  red
//	Deleting         #ef5350  red
//	Released         #9e9e9e  grey
//	Running          #43a047  dark green
//	Starting         #aed581  light green
//	Stopping         #ffcc80  light orange
//	Stopped          #757575  dark grey
//	(any other)      #f48fb1  pink
//
// # Determinism and escaping
//
// The same events give the same bytes: no map order, no wall clock. Every
// text taken from the events (IDs, statuses, codes, causes) is XML-escaped,
// with characters XML cannot hold replaced by U+FFFD, so the output is
// well-formed XML whatever the events hold.
package timeline
