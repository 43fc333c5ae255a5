package control

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/timeline"
)

// The web console, GET Prefix+"ui": one server-rendered page of the served
// Sim (ui.html, with ui.css and ui.js inlined, so it needs nothing but this
// server) that polls GET version and reloads its live part (?part=live)
// when the Sim's Version or run changes. See the package doc.

// TokenCookie is the cookie in which the console keeps the control token
// (base64url of it) once opened as Prefix+"ui?token=TOKEN". Every control
// request may carry it instead of the Authorization header.
const TokenCookie = "eipsim_control_token"

// Bounds of one page, so that a Sim with a million EIPs still gives a page
// a browser can show: rows per table, and events drawn in the timeline (the
// newest ones; the states they start from are drawn as held before).
const (
	uiMaxRows   = 500
	uiMaxEvents = 10_000
)

//go:embed ui.html ui.css ui.js
var uiFiles embed.FS

var (
	uiTemplate = template.Must(template.New("ui.html").ParseFS(uiFiles, "ui.html"))
	uiScript   = template.JS(mustReadUI("ui.js"))
	uiStyle    = template.CSS(mustReadUI("ui.css") + statusCSS())
	// uiCSP lets the page run its own inline script and style and talk to
	// this server only: no other script, style, image, font or frame, which
	// also proves in the browser that the page loads nothing from elsewhere.
	uiCSP = "default-src 'none'; script-src '" + cspHash(string(uiScript)) + "'; style-src '" + cspHash(string(uiStyle)) +
		"'; connect-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)

func mustReadUI(name string) string {
	b, err := uiFiles.ReadFile(name)
	if err != nil {
		panic(err) // embedded: cannot happen
	}
	return string(b)
}

func cspHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}

// statusCSS colours each status as the timeline pictures do.
func statusCSS() string {
	var b strings.Builder
	b.WriteString(".st{background:" + timeline.OtherColour + "}\n")
	for _, c := range timeline.Palette() {
		b.WriteString(".st-" + c.Status + "{background:" + c.Colour + "}\n")
	}
	return b.String()
}

// uiToken is the control token a browser sends: ?token= on the console's
// own URL when given (so that a stale cookie cannot shadow it), else the
// console's cookie.
func uiToken(r *http.Request) string {
	if r.Method == http.MethodGet && strings.TrimSuffix(r.URL.Path, "/") == Prefix+"ui" {
		if q := r.URL.Query(); q.Has("token") {
			return q.Get("token")
		}
	}
	if c, err := r.Cookie(TokenCookie); err == nil {
		if b, err := base64.RawURLEncoding.DecodeString(c.Value); err == nil {
			return string(b)
		}
	}
	return ""
}

// ui answers GET ui: the page, or with ?part=live its live part. With
// ?token= (already checked by ServeHTTP) it sets the cookie and redirects
// to the bare URL, so that the token leaves the address bar.
func (s *Server) ui(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		writeError(w, http.StatusMethodNotAllowed, "%s %sui: method not allowed", r.Method, Prefix)
		return
	}
	q := r.URL.Query()
	if q.Has("token") {
		if s.cfg.Token != "" {
			http.SetCookie(w, &http.Cookie{Name: TokenCookie, Value: base64.RawURLEncoding.EncodeToString([]byte(q.Get("token"))),
				Path: Prefix, HttpOnly: true, SameSite: http.SameSiteStrictMode})
		}
		http.Redirect(w, r, Prefix+"ui", http.StatusSeeOther)
		return
	}
	name := "page"
	switch part := q.Get("part"); part {
	case "":
	case "live":
		name = "live"
	default:
		writeError(w, http.StatusBadRequest, "%sui?part=%q: want part=live or no part", Prefix, part)
		return
	}
	var data any = uiPage{Prefix: Prefix, Script: uiScript, Style: uiStyle, Live: s.uiLive()}
	if name == "live" {
		data = data.(uiPage).Live
	}
	var b bytes.Buffer
	if err := uiTemplate.ExecuteTemplate(&b, name, data); err != nil {
		writeError(w, http.StatusInternalServerError, "rendering the console: %v", err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", uiCSP)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cache-Control", "no-store")
	w.Write(b.Bytes())
}

// uiPage is what ui.html renders.
type uiPage struct {
	Prefix string
	Script template.JS
	Style  template.CSS
	Live   uiLive
}

// rows is a table's rows, at most uiMaxRows, and how many more there are.
type rows[T any] struct {
	Items []T
	More  int
}

// Total is the number of rows, shown or not.
func (r rows[T]) Total() int { return len(r.Items) + r.More }

func limit[T any](xs []T) rows[T] {
	if len(xs) > uiMaxRows {
		return rows[T]{xs[:uiMaxRows], len(xs) - uiMaxRows}
	}
	return rows[T]{Items: xs}
}

// uiLive is the part of the page that a change of the Sim reloads.
type uiLive struct {
	Version    uint64
	Run        int
	Manual     bool
	Now, Start time.Time

	EIPs              rows[eipsim.EIP]
	NatGateways       rows[eipsim.NatGateway]
	SnatEntries       rows[eipsim.SnatEntry]
	ForwardEntries    rows[eipsim.ForwardEntry]
	HaVips            rows[eipsim.HaVip]
	Instances         rows[eipsim.Instance]
	NetworkInterfaces rows[eipsim.NetworkInterface]
	LoadBalancers     rows[eipsim.LoadBalancer]
	Tasks             rows[eipsim.Task]
	Faults            rows[eipsim.InjectedFault]

	// Timeline is the SVG picture of the newest uiMaxEvents events, of
	// Events in all.
	Timeline template.HTML
	Events   int
	Drawn    int
}

// uiLive reads the current run. The Version is read first, so that a
// change made while the page is read shows as a newer Version at the next
// poll, never as a page newer than its Version.
func (s *Server) uiLive() uiLive {
	run := s.cur.Load()
	sim := run.sim
	l := uiLive{Version: sim.Version(), Run: run.n, Manual: run.clk.Manual(), Now: sim.Now(), Start: run.start,
		EIPs: limit(sim.EIPs()), NatGateways: limit(sim.NatGateways()), SnatEntries: limit(sim.SnatEntries()),
		ForwardEntries: limit(sim.ForwardEntries()), HaVips: limit(sim.HaVips()), Instances: limit(sim.Instances()),
		NetworkInterfaces: limit(sim.NetworkInterfaces()), LoadBalancers: limit(sim.LoadBalancers()),
		Tasks: limit(sim.Tasks()), Faults: limit(sim.Faults())}
	events := sim.History()
	l.Events = len(events)
	if len(events) > uiMaxEvents {
		events = events[len(events)-uiMaxEvents:]
	}
	l.Drawn = len(events)
	if len(events) > 0 {
		l.Timeline = inlineSVG(timeline.SVG(events, timeline.Options{Title: "run " + strconv.Itoa(run.n), Start: run.start}))
	}
	return l
}

// inlineSVG makes an SVG document an element of an HTML page: without its
// XML declaration and namespace (HTML puts <svg> in it), so that the page
// names no URL at all. The timeline package escapes every text it draws.
func inlineSVG(doc []byte) template.HTML {
	doc = bytes.TrimPrefix(doc, []byte(`<?xml version="1.0" encoding="UTF-8"?>`+"\n"))
	doc = bytes.Replace(doc, []byte(` xmlns="http://www.w3.org/2000/svg"`), nil, 1)
	return template.HTML(doc)
}

// Rel is t relative to the run's start: "+3s".
func (l uiLive) Rel(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	d := t.Sub(l.Start)
	if d < 0 {
		return "-" + (-d).String()
	}
	return "+" + d.String()
}

// Until is how long from now to t: "in 3s", or "due" once t is reached.
func (l uiLive) Until(t time.Time) string {
	if d := t.Sub(l.Now); d > 0 {
		return "in " + d.String()
	}
	return "due"
}

// Time is t as the page prints it.
func (l uiLive) Time(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

// Rule is a fault rule in the inject-fault Key=Value form.
func (l uiLive) Rule(f eipsim.InjectedFault) string { return strings.Join(f.Fault.Args(), " ") }

// Join joins strings with ", ".
func (l uiLive) Join(xs []string) string { return strings.Join(xs, ", ") }
