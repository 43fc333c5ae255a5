package main

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Headless Chromium for the browser tests (serve_console_test.go), with
// chromedp: Debian's chromium, or $EIPSIM_CHROMIUM. Without one the tests
// skip, except in CI (CI=true), where they fail: .ci/run installs chromium.

// envChromium names the browser to use instead of the one on PATH.
const envChromium = "EIPSIM_CHROMIUM"

// needBrowser skips the test for the reason, or fails it in CI.
func needBrowser(t *testing.T, format string, args ...any) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("CI=true and no browser: "+format, args...)
	}
	t.Skipf("no browser (the test fails instead when CI=true): "+format, args...)
}

// tab is one browser tab, with what it saw.
type tab struct {
	ctx context.Context
	mu  sync.Mutex
	// requests are the URLs the tab asked for; problems its uncaught
	// exceptions and browser-log errors (a CSP violation, a failed load).
	requests, problems []string
}

func (p *tab) listen(ev any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		p.requests = append(p.requests, ev.Request.URL)
	case *runtime.EventExceptionThrown:
		p.problems = append(p.problems, "exception: "+ev.ExceptionDetails.Text)
		if ex := ev.ExceptionDetails.Exception; ex != nil {
			p.problems = append(p.problems, "  "+ex.Description)
		}
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError {
			p.problems = append(p.problems, "log: "+ev.Entry.Text+" "+ev.Entry.URL)
		}
	}
}

// report returns what the tab saw so far.
func (p *tab) report() (requests, problems []string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.requests...), append([]string(nil), p.problems...)
}

// newTab starts headless Chromium with a fresh profile, for at most
// timeout, and opens a tab.
func newTab(t *testing.T, timeout time.Duration) *tab {
	t.Helper()
	path := os.Getenv(envChromium)
	if path == "" {
		for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
			if p, err := exec.LookPath(name); err == nil {
				path = p
				break
			}
		}
	}
	if path == "" {
		needBrowser(t, "none of chromium, chromium-browser, google-chrome on PATH, and $%s is not set", envChromium)
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	t.Cleanup(cancel)
	// The closed network here makes Chromium misbehave unless it is kept
	// from reaching out (background networking, component updates, sync).
	actx, acancel := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	t.Cleanup(acancel)
	p := &tab{}
	tctx, tcancel := chromedp.NewContext(actx, chromedp.WithListener(p.listen))
	t.Cleanup(tcancel)
	p.ctx = tctx
	if err := chromedp.Do(tctx); err != nil {
		needBrowser(t, "starting %s: %v", path, err)
	}
	return p
}

// artifact writes a test artifact: to $EIPSIM_ARTIFACTS when set (CI keeps
// that directory), else to testdata/artifacts (ignored by git).
func artifact(t *testing.T, name string, data []byte) string {
	t.Helper()
	dir := os.Getenv("EIPSIM_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join("testdata", "artifacts")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("artifact: %s", path)
	return path
}

// colourCount counts the pixels of a PNG that are exactly each colour
// ("#1e88e5"), and the pixels that are not white.
func colourCount(t *testing.T, shot []byte, colours []string) (counts map[string]int, nonWhite int) {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		t.Fatalf("the screenshot is not a PNG: %v", err)
	}
	want := map[color.RGBA]string{}
	for _, c := range colours {
		want[hexColour(t, c)] = c
	}
	counts = map[string]int{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			px := color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(bl >> 8), 255}
			if c, ok := want[px]; ok {
				counts[c]++
			}
			if px != (color.RGBA{255, 255, 255, 255}) {
				nonWhite++
			}
		}
	}
	return counts, nonWhite
}

func hexColour(t *testing.T, s string) color.RGBA {
	t.Helper()
	c := color.RGBA{A: 255}
	if n, err := fmt.Sscanf(s, "#%02x%02x%02x", &c.R, &c.G, &c.B); n != 3 || err != nil || len(s) != 7 {
		t.Fatalf("colour %q: want #rrggbb", s)
	}
	return c
}

// size is an image's size, for messages.
func size(t *testing.T, shot []byte) image.Point {
	t.Helper()
	cfg, err := png.DecodeConfig(bytes.NewReader(shot))
	if err != nil {
		t.Fatalf("the screenshot is not a PNG: %v", err)
	}
	return image.Pt(cfg.Width, cfg.Height)
}
