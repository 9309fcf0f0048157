package serve

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/lantoa/lantoa/internal/browsertest"
)

// evalUntil evaluates the boolean expression expr in tab every 10 ms
// until it is true, and returns how long that took. Errors (the page is
// reloading) count as false.
func evalUntil(t *testing.T, tab context.Context, timeout time.Duration, what, expr string) time.Duration {
	t.Helper()
	start := time.Now()
	for {
		ctx, cancel := context.WithTimeout(tab, 2*time.Second)
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr))
		cancel()
		if err == nil && ok {
			return time.Since(start)
		}
		if time.Since(start) > timeout {
			t.Fatalf("%s: not after %v (last error %v)", what, timeout, err)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func evalString(t *testing.T, tab context.Context, expr string) string {
	t.Helper()
	s, err := chromedp.Run(tab, chromedp.Evaluate[string](expr))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return s
}

// TestBrowser opens a story in Chromium, edits it and checks that the
// page reloads with the new title at the same scroll position; breaks
// its front matter and checks the overlay; fixes it and checks that the
// overlay goes; edits the stylesheet and checks it is swapped without a
// reload.
func TestBrowser(t *testing.T) {
	browser := browsertest.Browser(t)
	site := realSite(t)
	r := start(t, Options{Source: site})
	tab := browsertest.NewTab(t, browser, 412, 800)
	console := browsertest.CollectConsole(tab)
	if err := chromedp.Do(tab, chromedp.Navigate(r.url+storyURL)); err != nil {
		t.Fatal(err)
	}
	h1 := `document.querySelector("h1") && document.querySelector("h1").textContent`
	if got := evalString(t, tab, h1); !strings.Contains(got, "Camera an ninh giúp phường Yên Hòa") {
		t.Fatalf("h1 %q", got)
	}
	// Scroll down and mark this page, to tell a reload. The browser's own
	// scroll restoration is turned off: the reload script must keep the
	// position.
	y := evalString(t, tab, `history.scrollRestoration = "manual"; window.scrollTo(0, 700); window.lantoaTestMark = 1; String(Math.round(window.scrollY))`)
	if y == "0" {
		t.Fatalf("the page does not scroll")
	}

	// An edit: the page reloads with the new title, at the same place.
	setTitle(t, site, `title: "Camera an ninh Yên Hòa, sửa trong trình duyệt"`)
	took := evalUntil(t, tab, 20*time.Second, "page reloaded with the new title",
		h1+` === "Camera an ninh Yên Hòa, sửa trong trình duyệt"`)
	t.Logf("saved → browser shows the new title in %v", took)
	if mark := evalString(t, tab, `String(window.lantoaTestMark)`); mark != "undefined" {
		t.Errorf("the page was not reloaded (mark %s)", mark)
	}
	evalUntil(t, tab, 5*time.Second, "scroll position "+y+" kept", `Math.abs(window.scrollY - `+y+`) <= 2`)

	// Broken front matter: the overlay shows file:line and the line.
	setTitle(t, site, `title: [chưa đóng`)
	evalUntil(t, tab, 20*time.Second, "overlay shown", `!!document.getElementById("lantoa-overlay")`)
	overlay := evalString(t, tab, `document.getElementById("lantoa-overlay").textContent`)
	if !strings.Contains(overlay, storyFile+":2") {
		t.Errorf("overlay %q does not name %s:2", overlay, storyFile)
	}
	if here := evalString(t, tab, `document.querySelector("#lantoa-overlay .lantoa-here").textContent`); !strings.Contains(here, "title: [chưa đóng") {
		t.Errorf("highlighted line %q, want the broken title line", here)
	}
	if got := evalString(t, tab, h1); got != "Camera an ninh Yên Hòa, sửa trong trình duyệt" {
		t.Errorf("while broken, h1 %q, want the last good title", got)
	}
	browsertest.Screenshot(t, tab, t.Name()+"-overlay")

	// A page loaded while the site is broken shows the overlay at once.
	if err := chromedp.Do(tab, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	evalUntil(t, tab, 3*time.Second, "overlay on a fresh load", `!!document.getElementById("lantoa-overlay")`)

	// Fixed: the overlay goes, the page shows the fixed title.
	setTitle(t, site, `title: "Camera an ninh Yên Hòa, đã sửa lỗi"`)
	evalUntil(t, tab, 20*time.Second, "overlay gone and page reloaded",
		`!document.getElementById("lantoa-overlay") && `+h1+` === "Camera an ninh Yên Hòa, đã sửa lỗi"`)

	// A stylesheet edit is applied without a reload.
	evalString(t, tab, `window.lantoaTestMark = 2; ""`)
	before := evalString(t, tab, `document.querySelector('link[rel="stylesheet"]').href`)
	cssFile := filepath.Join(site, "themes/default/assets/css/style.css")
	css, err := os.ReadFile(cssFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cssFile, append(css, "\nbody{outline:3px solid rgb(1, 2, 3)}\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	evalUntil(t, tab, 20*time.Second, "new stylesheet applied", `getComputedStyle(document.body).outlineColor === "rgb(1, 2, 3)"`)
	if mark := evalString(t, tab, `String(window.lantoaTestMark)`); mark != "2" {
		t.Errorf("a CSS change reloaded the page")
	}
	after := evalString(t, tab, `Array.from(document.querySelectorAll('link[rel="stylesheet"]'), l => l.href).join(" ")`)
	if after == before || strings.Contains(after, before) {
		t.Errorf("stylesheet links %q, want the new URL instead of %q", after, before)
	}
	for _, m := range console() {
		// The old stylesheet may 404 while swapping in old browsers;
		// anything else is a bug of the script.
		if !strings.Contains(m, "404") {
			t.Errorf("console: %s", m)
		}
	}
}
