package control_test

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/eipsim/eipsim/control"
	"github.com/eipsim/eipsim/eipsim"
)

// busyScenario gives a served Sim one of everything the console shows: EIPs
// bound to an instance and to a NAT gateway, SNAT and DNAT entries, a
// HaVip, tags, a lock, a fault rule that fired, a refused call and a
// pending task.
const busyScenario = `add-instance InstanceId=i-0001
----

add-nat-gateway NatGatewayId=ngw-0001
----

add-havip HaVipId=havip-0001 IpAddress=10.0.0.100
----

AllocateEipAddress RegionId=cn-hangzhou
----

AllocateEipAddress RegionId=cn-hangzhou
----

AllocateEipAddress RegionId=cn-hangzhou
----

AssociateEipAddress AllocationId=eip-0002 InstanceId=ngw-0001 InstanceType=Nat
----

advance 3s
----

CreateSnatEntry RegionId=cn-hangzhou SnatTableId=stb-0001 SnatIp=203.0.113.2 SourceCIDR=10.0.1.0/24
----

advance 3s
----

CreateForwardEntry RegionId=cn-hangzhou ForwardTableId=ftb-0001 ExternalIp=203.0.113.2 ExternalPort=80 InternalIp=10.0.0.5 InternalPort=80 IpProtocol=TCP PortBreak=true
----

TagResources RegionId=cn-hangzhou ResourceType=EIP ResourceId.1=eip-0001 Tag.1.Key=team Tag.1.Value=web
----

lock AllocationId=eip-0003 LockReason=financial
----

inject-fault Action=ReleaseEipAddress Code=Throttling Times=2
----

ReleaseEipAddress AllocationId=eip-0003
----

AssociateEipAddress AllocationId=eip-0001 InstanceId=i-0001
----

AssociateEipAddress AllocationId=eip-0009 InstanceId=i-0001
----
`

func newUIServer(t testing.TB, cfg control.Config) (*control.Server, *httptest.Server, *control.Client) {
	t.Helper()
	cfg.ManualClock = true
	cfg.SimOptions = append(cfg.SimOptions, eipsim.WithAllocationIDs("eip-0001", "eip-0002", "eip-0003"))
	srv, err := control.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return srv, ts, &control.Client{BaseURL: ts.URL, Token: cfg.Token}
}

// get returns the answer to GET url with the given cookies, not following
// redirects.
func get(t *testing.T, url string, cookies ...*http.Cookie) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cookies {
		req.AddCookie(c)
	}
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

var urlRE = regexp.MustCompile(`(?i)https?://|//[a-z0-9.-]+\.[a-z]{2,}/`)

// checkPage checks what every console page must be: HTML, a CSP that lets
// the page's own script and style run (their hashes), and no URL of
// anything outside this server.
func checkPage(t *testing.T, resp *http.Response, body string) {
	t.Helper()
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("GET ui: %s %s\n%s", resp.Status, resp.Header.Get("Content-Type"), body)
	}
	if m := urlRE.FindString(body); m != "" {
		i := strings.Index(body, m)
		t.Errorf("the page names a URL (%q at %q)", m, body[max(0, i-60):min(len(body), i+60)])
	}
	csp := resp.Header.Get("Content-Security-Policy")
	for _, tag := range []string{"script", "style"} {
		m := regexp.MustCompile(`(?s)<` + tag + `>(.*?)</` + tag + `>`).FindStringSubmatch(body)
		if m == nil {
			t.Errorf("no <%s> in the page", tag)
			continue
		}
		sum := sha256.Sum256([]byte(m[1]))
		if want := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"; !strings.Contains(csp, tag+"-src "+want) {
			t.Errorf("the CSP %q does not allow the page's <%s> (%s)", csp, tag, want)
		}
	}
	if !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("the CSP %q does not forbid other sources", csp)
	}
}

func TestUIEmpty(t *testing.T) {
	_, ts, _ := newUIServer(t, control.Config{})
	resp, body := get(t, ts.URL+control.Prefix+"ui")
	checkPage(t, resp, body)
	for _, want := range []string{
		`<h2>EIPs (0)</h2>`, `<p class="none">nothing has happened yet</p>`, `manual clock`,
		`now <b id="now">2026-01-01T00:00:00Z</b> (&#43;0s since the run began)`, `data-version="0" data-run="1"`,
		`<button id="advance-btn" type="submit">advance 3s</button>`, `href="/_eipsim/recording"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the empty page lacks %q:\n%s", want, body)
		}
	}
	if strings.Contains(body, "<svg") {
		t.Errorf("the empty page draws a timeline")
	}
}

func TestUIBusy(t *testing.T) {
	srv, ts, c := newUIServer(t, control.Config{})
	ctx := context.Background()
	if _, err := c.RunScenario(ctx, []byte(busyScenario)); err != nil {
		t.Fatal(err)
	}
	resp, body := get(t, ts.URL+control.Prefix+"ui")
	checkPage(t, resp, body)
	v, _ := c.Version(ctx)
	for _, want := range []string{
		`data-version="` + strconv.FormatUint(v, 10) + `" data-run="1"`,
		`<h2>EIPs (3)</h2>`,
		// Status, binding, tags, locks.
		`<tr id="eip-eip-0001">`, `<span class="st st-Associating status">Associating</span>`, `<td>EcsInstance i-0001`,
		`<span class="tag">team=web</span>`, `<span class="lock">financial</span>`,
		`<td>Nat ngw-0001`, `<span class="st st-InUse status">InUse</span>`,
		`<td>ngw-0001</td><td><span class="st st-Available status">Available</span></td>`, `<td>eip-0002</td>`,
		`<tr id="snat-snat-`, `<td>203.0.113.2</td><td>10.0.1.0/24</td>`,
		`<tr id="dnat-fwd-`, `<td>203.0.113.2:80</td><td>10.0.0.5:80</td><td>TCP PortBreak</td>`,
		`<tr id="havip-havip-0001">`, `<tr id="instance-i-0001">`,
		// The Associate's task, 3s ahead; the DNAT entry's.
		`<td title="2026-01-01T00:00:09Z">&#43;9s</td><td>in 3s</td><td>eip-0001</td>`, `<td>Pending → Available</td>`,
		// The fault rule, fired once of twice.
		`<code>Action=ReleaseEipAddress Code=Throttling Times=2</code>`, `<td class="fired">1 of 2</td>`,
		// The timeline, inline, with the fault and the refused call.
		`<div class="picture"><svg width=`, `<title>eipsim timeline: run 1</title>`, `InvalidAllocationId.NotFound`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the busy page lacks %q", want)
		}
	}
	if t.Failed() {
		t.Logf("the page:\n%s", body)
	}

	// The live part alone, as the script reloads it.
	resp, part := get(t, ts.URL+control.Prefix+"ui?part=live")
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(part, `<p id="summary"`) || strings.Contains(part, "<script") ||
		!strings.Contains(part, `<tr id="eip-eip-0001">`) {
		t.Errorf("GET ui?part=live: %s\n%s", resp.Status, part)
	}

	// A table holds at most 500 rows and says how many it left out.
	for i := range 501 {
		if err := srv.Sim().AddInstance(eipsim.Instance{InstanceID: "i-x" + strconv.Itoa(i)}); err != nil {
			t.Fatal(err)
		}
	}
	_, body = get(t, ts.URL+control.Prefix+"ui")
	if n := strings.Count(body, `<tr id="instance-`); n != 500 || !strings.Contains(body, "<h2>ECS instances (502)</h2>") ||
		!strings.Contains(body, `<p class="more">and 2 more`) {
		t.Errorf("502 instances: %d rows shown, heading and note missing or wrong", n)
	}
}

// TestUIEscapes puts markup wherever a client can: tag keys and values, a
// NAT gateway's and an EIP's name, an instance ID, a fault rule's message.
// None of it may reach the page as markup.
func TestUIEscapes(t *testing.T) {
	srv, ts, _ := newUIServer(t, control.Config{})
	sim := srv.Sim()
	ctx := context.Background()
	const hostile = `"><script>alert(1)</script><img src=x onerror=alert(2)>`
	if err := sim.AddNatGateway(eipsim.NatGateway{NatGatewayID: "ngw-0001", Name: hostile}); err != nil {
		t.Fatal(err)
	}
	if err := sim.AddInstance(eipsim.Instance{InstanceID: "i-<b>x</b>"}); err != nil {
		t.Fatal(err)
	}
	a, err := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: "cn-hangzhou", Description: "n<i>"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sim.TagResources(ctx, eipsim.TagResourcesRequest{RegionID: "cn-hangzhou", ResourceType: eipsim.TagResourceTypeEIP,
		ResourceID: []string{a.AllocationID}, Tag: []eipsim.Tag{{Key: "<k>", Value: hostile}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := sim.AssociateEipAddress(ctx, eipsim.AssociateEipAddressRequest{AllocationID: a.AllocationID, InstanceID: "i-<b>x</b>"}); err != nil {
		t.Fatal(err)
	}
	f, err := eipsim.ParseFault(map[string]string{"Action": "AllocateEipAddress", "Code": "Throttling", "Param.Description": "<script>alert(3)</script>"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sim.InjectFault(f); err != nil {
		t.Fatal(err)
	}
	// The instance gets a lane in the timeline, labelled with its ID.
	if err := sim.SetInstanceStatus("i-<b>x</b>", eipsim.InstanceStopped); err != nil {
		t.Fatal(err)
	}
	if _, err := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: "cn-hangzhou", Description: "<script>alert(3)</script>"}); err == nil {
		t.Fatal("the fault did not fire")
	}
	resp, body := get(t, ts.URL+control.Prefix+"ui")
	checkPage(t, resp, body)
	for _, bad := range []string{"<script>alert", "<img", "<b>x", "<k>", "<i>"} {
		if strings.Contains(body, bad) {
			i := strings.Index(body, bad)
			t.Errorf("the page holds %q unescaped: %s", bad, body[max(0, i-80):min(len(body), i+80)])
		}
	}
	for _, want := range []string{
		`<span class="tag">&lt;k&gt;=&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;</span>`,
		`<td>&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;</td>`, // the gateway's Name
		`<tr id="instance-i-&lt;b&gt;x&lt;/b&gt;">`, `title="n&lt;i&gt;"`,
		`Param.Description=&lt;script&gt;alert(3)&lt;/script&gt;`, // the fault rule
		`<td class="fired">1</td>`,
		`<title>i-&lt;b&gt;x&lt;/b&gt;</title>i-&lt;b&gt;x&lt;/b&gt;</text>`, // the instance's lane in the SVG
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the page lacks the escaped %q", want)
		}
	}
	if t.Failed() {
		t.Logf("the page:\n%s", body)
	}
}

// TestUIToken: with a control token, the console is opened once with
// ?token=, which sets a cookie and redirects; the cookie then stands for
// the token on every control call. ?token= counts on the console's URL only.
func TestUIToken(t *testing.T) {
	_, ts, _ := newUIServer(t, control.Config{Token: "s3 cret;"})
	ui := ts.URL + control.Prefix + "ui"
	if resp, body := get(t, ui); resp.StatusCode != http.StatusUnauthorized || !strings.Contains(body, "/_eipsim/ui?token=TOKEN") {
		t.Errorf("GET ui without the token: %s %s", resp.Status, body)
	}
	if resp, _ := get(t, ui+"?token=wrong"); resp.StatusCode != http.StatusUnauthorized || len(resp.Cookies()) != 0 {
		t.Errorf("GET ui?token=wrong: %s, cookies %v", resp.Status, resp.Cookies())
	}
	if resp, _ := get(t, ts.URL+control.Prefix+"state?token=s3+cret%3B"); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("GET state?token=: %s, want 401 (the query token is for the console only)", resp.Status)
	}
	resp, _ := get(t, ui+"?token=s3+cret%3B")
	cookies := resp.Cookies()
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != control.Prefix+"ui" || len(cookies) != 1 {
		t.Fatalf("GET ui?token=: %s Location %q cookies %v", resp.Status, resp.Header.Get("Location"), cookies)
	}
	ck := cookies[0]
	if ck.Name != control.TokenCookie || !ck.HttpOnly || ck.SameSite != http.SameSiteStrictMode || ck.Path != control.Prefix {
		t.Errorf("the cookie: %+v", ck)
	}
	resp, body := get(t, ui, ck)
	checkPage(t, resp, body)
	if resp, body := get(t, ts.URL+control.Prefix+"version", ck); resp.StatusCode != http.StatusOK || !strings.Contains(body, `"run":1`) {
		t.Errorf("GET version with the cookie: %s %s", resp.Status, body)
	}
	forged := &http.Cookie{Name: control.TokenCookie, Value: base64.RawURLEncoding.EncodeToString([]byte("wrong"))}
	if resp, _ := get(t, ts.URL+control.Prefix+"version", forged); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("GET version with a wrong cookie: %s", resp.Status)
	}
	// A stale cookie (an earlier token) does not shadow a right ?token=.
	if resp, _ := get(t, ui+"?token=s3+cret%3B", forged); resp.StatusCode != http.StatusSeeOther || len(resp.Cookies()) != 1 {
		t.Errorf("GET ui?token= with a stale cookie: %s, cookies %v", resp.Status, resp.Cookies())
	}
}

// TestUIRequests: the console answers GET (and HEAD) only, and one part.
func TestUIRequests(t *testing.T) {
	_, ts, c := newUIServer(t, control.Config{})
	resp, err := http.Post(ts.URL+control.Prefix+"ui", "text/plain", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST ui: %s", resp.Status)
	}
	if resp, body := get(t, ts.URL+control.Prefix+"ui?part=x"); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("GET ui?part=x: %s %s", resp.Status, body)
	}
	// A reset starts run 2, which the console's poll sees even when the
	// new Sim's Version equals the old one's.
	if _, err := c.Reset(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	if resp, body := get(t, ts.URL+control.Prefix+"version"); !strings.Contains(body, `"version":0,"run":2`) {
		t.Errorf("GET version after a reset: %s %s", resp.Status, body)
	}
}

// BenchmarkUIPage renders the console's live part (what each change makes
// the page reload) for a Sim of n EIPs, each allocated, associated and
// InUse: tables capped at 500 rows, the timeline at 10,000 events.
func BenchmarkUIPage(b *testing.B) {
	for _, n := range []int{10, 1000, 10_000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			srv, err := control.New(control.Config{ManualClock: true, SimOptions: []eipsim.Option{eipsim.WithEIPQuota(n), eipsim.WithIPPool("10.128.0.0/16")}})
			if err != nil {
				b.Fatal(err)
			}
			sim, ctx := srv.Sim(), context.Background()
			for i := range n {
				id := "i-" + strconv.Itoa(i)
				if err := sim.AddInstance(eipsim.Instance{InstanceID: id}); err != nil {
					b.Fatal(err)
				}
				a, err := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: "cn-hangzhou"})
				if err != nil {
					b.Fatal(err)
				}
				if _, err := sim.AssociateEipAddress(ctx, eipsim.AssociateEipAddressRequest{AllocationID: a.AllocationID, InstanceID: id}); err != nil {
					b.Fatal(err)
				}
			}
			req := httptest.NewRequest(http.MethodGet, control.Prefix+"ui?part=live", nil)
			b.ResetTimer()
			for b.Loop() {
				w := httptest.NewRecorder()
				srv.ServeHTTP(w, req)
				if w.Code != http.StatusOK {
					b.Fatalf("GET ui: %d", w.Code)
				}
				b.SetBytes(int64(w.Body.Len()))
			}
		})
	}
}

// FuzzUIRequest sends the console any query and token cookie: it never
// fails to answer, and lets in exactly the requests that carry the token
// (a seed found that an empty cookie shadowed a right ?token=).
func FuzzUIRequest(f *testing.F) {
	const token = "s3 cret;"
	srv, err := control.New(control.Config{ManualClock: true, Token: token})
	if err != nil {
		f.Fatal(err)
	}
	good := base64.RawURLEncoding.EncodeToString([]byte(token))
	for _, seed := range [][2]string{{"", ""}, {"part=live", good}, {"token=s3+cret%3B", ""}, {"part=x", good}, {"token=", "%%%"}, {"token=x&token=y", "=="}} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, query, cookie string) {
		req := httptest.NewRequest(http.MethodGet, control.Prefix+"ui", nil)
		req.URL.RawQuery = query
		req.Header.Set("Cookie", control.TokenCookie+"="+cookie)
		w := httptest.NewRecorder()
		srv.ServeHTTP(w, req)
		// ?token=, when given, decides; else the cookie.
		var in bool
		if q := req.URL.Query(); q.Has("token") {
			in = q.Get("token") == token
		} else if c, err := req.Cookie(control.TokenCookie); err == nil {
			b, err := base64.RawURLEncoding.DecodeString(c.Value)
			in = err == nil && string(b) == token
		}
		switch w.Code {
		case http.StatusOK, http.StatusSeeOther, http.StatusBadRequest:
			if !in {
				t.Fatalf("query %q cookie %q: %d without the token", query, cookie, w.Code)
			}
		case http.StatusUnauthorized:
			if in {
				t.Fatalf("query %q cookie %q: 401 with the token", query, cookie)
			}
		default:
			t.Fatalf("query %q cookie %q: %d", query, cookie, w.Code)
		}
	})
}
