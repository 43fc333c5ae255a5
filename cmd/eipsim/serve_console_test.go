package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/alibabacloud-go/tea/tea"
	vpc "github.com/alibabacloud-go/vpc-20160428/v6/client"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/eipsim/eipsim/control"
	"github.com/eipsim/eipsim/eipsim/httpapi"
)

// inUse is the InUse colour of the timeline palette (and the console).
const inUse = "#1e88e5"

// TestConsoleInBrowser drives the serve console (GET /_eipsim/ui) in
// headless Chromium: an EIP allocated through the official SDK appears,
// Associating after an Associate, InUse after the "advance 3s" button. The
// page asks for nothing but this server, throws nothing and breaks no CSP
// rule. The screenshot is kept as an artifact (console.png).
func TestConsoleInBrowser(t *testing.T) {
	p := newTab(t, 60*time.Second)
	world := writeFile(t, t.TempDir(), "world.txt", "new-sim ids=(eip-0001)\n----\n\nadd-instance InstanceId=i-0001\n----\n")
	s := startServe(t, "-clock=manual", "-world", world)
	sdk := s.client(t, httpapi.DefaultAccessKeyID, httpapi.DefaultAccessKeySecret)
	base := "http://" + s.addr

	status := func(want string) {
		t.Helper()
		js := `(document.querySelector("#eip-eip-0001 .status") || {}).textContent === ` + `"` + want + `"`
		if _, err := chromedp.Run(p.ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
			html, _ := chromedp.Run(p.ctx, chromedp.OuterHTML(chromedp.CSS("#eips")))
			t.Fatalf("the console did not show eip-0001 %s: %v\n%s", want, err, html)
		}
	}

	if err := chromedp.Do(p.ctx, chromedp.Navigate(base+control.Prefix+"ui"), chromedp.WaitVisible(chromedp.CSS("#summary"))); err != nil {
		t.Fatal(err)
	}
	if h, err := chromedp.Run(p.ctx, chromedp.Text(chromedp.CSS("#eips h2"))); err != nil || h != "EIPs (0)" {
		t.Fatalf("before any Allocate: %q %v", h, err)
	}
	if _, err := sdk.AllocateEipAddress(&vpc.AllocateEipAddressRequest{RegionId: tea.String("cn-hangzhou")}); err != nil {
		t.Fatal(err)
	}
	status("Available")
	if _, err := sdk.AssociateEipAddress(&vpc.AssociateEipAddressRequest{AllocationId: tea.String("eip-0001"), InstanceId: tea.String("i-0001")}); err != nil {
		t.Fatal(err)
	}
	status("Associating")
	label, err := chromedp.Run(p.ctx, chromedp.Text(chromedp.CSS("#advance-btn")))
	if err != nil || label != "advance 3s" {
		t.Fatalf("the advance button says %q (%v), want \"advance 3s\"", label, err)
	}
	if err := chromedp.Do(p.ctx, chromedp.Click(chromedp.CSS("#advance-btn"))); err != nil {
		t.Fatal(err)
	}
	status("InUse")
	if got := eipStatus(t, sdk, "eip-0001"); got != "InUse" {
		t.Errorf("the SDK sees %s after the button, want InUse", got)
	}
	if now, err := chromedp.Run(p.ctx, chromedp.Text(chromedp.CSS("#now"))); err != nil || now != "2026-01-01T00:00:03Z" {
		t.Errorf("the console's clock: %q %v, want 2026-01-01T00:00:03Z", now, err)
	}
	binding, _ := chromedp.Run(p.ctx, chromedp.Text(chromedp.CSS("#eip-eip-0001 td:nth-child(4)")))
	if !strings.Contains(binding, "EcsInstance i-0001") {
		t.Errorf("the binding cell: %q", binding)
	}
	shot, err := chromedp.Run(p.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	artifact(t, "console.png", shot)
	// InUse shows as the status badge and as the lane's last segment.
	if counts, _ := colourCount(t, shot, []string{inUse}); counts[inUse] < 300 {
		t.Errorf("the screenshot (%v) has %d pixels of the InUse colour, want the badge and the timeline's segment", size(t, shot), counts[inUse])
	}

	// The recording link: the run as a scenario file.
	rec, err := chromedp.Run(p.ctx, chromedp.Evaluate[string](`fetch(document.getElementById("recording").href).then(r => r.text())`,
		chromedp.EvalAwaitPromise))
	if err != nil || !strings.Contains(rec, "AssociateEipAddress AllocationId=eip-0001 InstanceId=i-0001") || !strings.Contains(rec, "advance 3s") {
		t.Errorf("the recording link gave (%v):\n%s", err, rec)
	}

	// Reset, confirmed in its dialog: run 2, no EIP.
	dialogs := chromedp.Events(p.ctx, page.JavascriptDialogOpening)
	go func() {
		for _, err := range dialogs {
			if err != nil {
				return
			}
			chromedp.Call(p.ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
		}
	}()
	if err := chromedp.Do(p.ctx, chromedp.Click(chromedp.CSS("#reset"))); err != nil {
		t.Fatal(err)
	}
	js := `document.getElementById("summary").dataset.run === "2" && document.querySelector("#eips h2").textContent === "EIPs (0)"`
	if _, err := chromedp.Run(p.ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Errorf("after reset: %v", err)
	}

	requests, problems := p.report()
	for _, u := range requests {
		if !strings.HasPrefix(u, base+"/") {
			t.Errorf("the console asked for %s, outside eipsim serve", u)
		}
	}
	if len(problems) > 0 {
		t.Errorf("the page reported:\n%s", strings.Join(problems, "\n"))
	}
}

var legendRE = regexp.MustCompile(`<rect x="\d+" y="\d+" width="12" height="12" fill="(#[0-9a-f]{6})"/>`)

// TestTimelineGoldenRendersInBrowser loads one golden picture of the
// scenario library (timeline/testdata) in Chromium and checks the
// screenshot: every status colour of its legend is there, and InUse beyond
// its legend square (the segments).
func TestTimelineGoldenRendersInBrowser(t *testing.T) {
	p := newTab(t, 30*time.Second)
	golden, err := filepath.Abs(filepath.Join("..", "..", "timeline", "testdata", "nat_unassociate_force_false.svg"))
	if err != nil {
		t.Fatal(err)
	}
	svg, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	var colours []string
	for _, m := range legendRE.FindAllStringSubmatch(string(svg), -1) {
		colours = append(colours, m[1])
	}
	if len(colours) < 2 || !strings.Contains(strings.Join(colours, " "), inUse) {
		t.Fatalf("the golden's legend has colours %v, want several with InUse", colours)
	}
	if err := chromedp.Do(p.ctx, chromedp.Navigate("file://"+golden)); err != nil {
		t.Fatal(err)
	}
	shot, err := chromedp.Run(p.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	artifact(t, "timeline-golden.png", shot)
	counts, nonWhite := colourCount(t, shot, colours)
	for _, c := range colours {
		if counts[c] < 12*12 {
			t.Errorf("%s: %d pixels, want at least its legend square (144)", c, counts[c])
		}
	}
	if counts[inUse] <= 12*12 {
		t.Errorf("InUse: %d pixels, want segments beyond the legend square", counts[inUse])
	}
	if sz := size(t, shot); nonWhite < sz.X*sz.Y/20 {
		t.Errorf("only %d of %v pixels are not white", nonWhite, sz)
	}
}
