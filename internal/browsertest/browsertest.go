// Package browsertest lets tests look at built pages the way a reader's
// browser does: a headless Chromium driven through the DevTools protocol
// (chromedp), a static file server, the axe-core accessibility checker and
// the Nu Html Checker.
//
// It is imported only from _test.go files. Every function takes the test's
// testing.TB, reports failures through it and releases what it started at
// t.Cleanup, so a test reads as a list of checks:
//
//	base := browsertest.Serve(t, outDir, map[string]string{"Content-Security-Policy": csp})
//	tab := browsertest.NewTab(t, browsertest.Browser(t), 360, 740)
//	messages := browsertest.CollectConsole(tab)
//	if err := chromedp.Do(tab, chromedp.Navigate(base+"/")); err != nil { t.Fatal(err) }
//	for _, v := range browsertest.Axe(t, tab) { t.Errorf("axe: %v", v) }
//	if sw, cw := browsertest.HorizontalOverflow(t, tab); sw > cw { t.Errorf("scrolls sideways: %d > %d", sw, cw) }
//	if m := messages(); len(m) > 0 { t.Errorf("console: %q", m) }
//
// # Tools
//
// The tools come from the machine, installed by `make deps`:
//
//   - Chromium at /usr/bin/chromium (Debian package chromium);
//   - axe-core's axe.min.js at $LANTOA_AXE_JS, else at
//     <module root>/node_modules/axe-core/axe.min.js;
//   - the Nu Html Checker's vnu.jar at $LANTOA_VNU_JAR, else at
//     <module root>/node_modules/vnu-jar/build/dist/vnu.jar, run with the
//     java on $PATH.
//
// When a tool is missing, the test that needs it is skipped, unless the
// environment has CI=true: there a missing tool fails the test, so that CI
// cannot pass by testing nothing.
//
// # Browser
//
// Browser starts one Chromium per call, headless, without sandbox (tests run
// as root), without GPU, with a fresh profile in t.TempDir(), and with the
// background services that reach out to the network turned off (the test
// machines have no network but loopback). NewTab opens a tab in it with a
// viewport: below 600 CSS pixels wide it emulates a phone (mobile, touch,
// device pixel ratio 2), as the site's readers mostly use cheap Android
// phones.
//
// Scripts that the helpers run in the page (axe-core, measurements) go
// through the DevTools protocol (Runtime.evaluate), which a page's
// Content-Security-Policy does not block, so pages can be checked under the
// strict policy they are served with.
//
// # Artifacts
//
// Screenshot writes PNG files to ArtifactsDir: $LANTOA_ARTIFACTS, else
// <module root>/artifacts (git-ignored), so a person or CI can look at what
// a test saw.
package browsertest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// ChromiumPath is where Debian's chromium package installs the browser.
const ChromiumPath = "/usr/bin/chromium"

// mobileWidth is the viewport width below which NewTab emulates a phone.
const mobileWidth = 600

// startTimeout bounds the start of the browser and of a tab.
const startTimeout = 60 * time.Second

// inCI reports whether the tests run in CI, where a missing tool is a
// failure rather than a reason to skip.
func inCI() bool { return os.Getenv("CI") == "true" }

// missing skips the test because a tool is missing, or fails it in CI.
func missing(t testing.TB, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...) + " (run `make deps`)"
	if inCI() {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// Browser starts a headless Chromium for the test and returns a chromedp
// context bound to it. Tabs are opened from it with NewTab. The browser is
// stopped, and its profile removed, at t.Cleanup.
//
// If ChromiumPath does not exist, the test is skipped, or fails when
// CI=true.
func Browser(t testing.TB) context.Context {
	t.Helper()
	if _, err := os.Stat(ChromiumPath); err != nil {
		missing(t, "browsertest: no Chromium at %s", ChromiumPath)
	}
	var output lockedBuffer
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(ChromiumPath),
		chromedp.NoSandbox,
		chromedp.Headless,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.CombinedOutput(&output),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
		if t.Failed() && output.Len() > 0 {
			t.Logf("browsertest: Chromium output:\n%s", output.String())
		}
	})
	if err := start(ctx); err != nil {
		t.Fatalf("browsertest: starting %s: %v\n%s", ChromiumPath, err, output.String())
	}
	return ctx
}

// NewTab opens a new tab in browser with a viewport of width × height CSS
// pixels and returns its context; actions run with chromedp.Do or
// chromedp.Run on it. Below 600 pixels wide the tab emulates a phone: a
// mobile viewport with touch and a device pixel ratio of 2. The tab is
// closed at t.Cleanup.
func NewTab(t testing.TB, browser context.Context, width, height int) context.Context {
	t.Helper()
	if width <= 0 || height <= 0 {
		t.Fatalf("browsertest: NewTab: viewport %d×%d is not positive", width, height)
	}
	tab, cancel := chromedp.NewContext(browser)
	t.Cleanup(cancel)
	var opts []chromedp.EmulateViewportOption
	if width < mobileWidth {
		opts = append(opts, chromedp.EmulateScale(2), chromedp.EmulateMobile, chromedp.EmulateTouch)
	}
	if err := start(tab); err != nil {
		t.Fatalf("browsertest: opening a tab: %v", err)
	}
	ctx, stop := context.WithTimeout(tab, startTimeout)
	defer stop()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(width), int64(height), opts...)); err != nil {
		t.Fatalf("browsertest: setting a %d×%d viewport: %v", width, height, err)
	}
	return tab
}

// start runs the first action on a chromedp context, which starts its
// browser or opens its tab, within startTimeout. That first action binds the
// browser or tab to the context it is given, so it must run on ctx itself,
// not on a context with a deadline: the deadline is a timer here, and ctx
// is cancelled when it fires.
func start(ctx context.Context) error {
	done := make(chan error, 1)
	go func() { done <- chromedp.Do(ctx) }()
	timer := time.NewTimer(startTimeout)
	defer timer.Stop()
	select {
	case err := <-done:
		return err
	case <-timer.C:
		if err := chromedp.Cancel(ctx); err != nil {
			return fmt.Errorf("not started within %v; cancelling: %w", startTimeout, err)
		}
		return fmt.Errorf("not started within %v", startTimeout)
	}
}

// HorizontalOverflow returns the scroll width and the client width of the
// page's root element. A page that makes the reader scroll sideways has
// scrollWidth > clientWidth.
func HorizontalOverflow(t testing.TB, tab context.Context) (scrollWidth, clientWidth int) {
	t.Helper()
	w, err := chromedp.Run(tab, chromedp.Evaluate[[2]int](
		`[document.documentElement.scrollWidth, document.documentElement.clientWidth]`))
	if err != nil {
		t.Fatalf("browsertest: measuring the page width: %v", err)
	}
	return w[0], w[1]
}

// Screenshot writes a PNG of the whole page in tab, beyond the viewport, to
// ArtifactsDir()/name.png. Characters of name other than ASCII letters,
// digits, '.', '_' and '-' become '-', so t.Name() can be used.
func Screenshot(t testing.TB, tab context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(tab, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("browsertest: screenshot %q: %v", name, err)
	}
	file := filepath.Join(ArtifactsDir(t), fileName(name)+".png")
	if err := os.WriteFile(file, png, 0o644); err != nil {
		t.Fatalf("browsertest: %v", err)
	}
	t.Logf("browsertest: screenshot %s", file)
}

// fileName turns name into a safe file name.
func fileName(name string) string {
	name = strings.Map(func(r rune) rune {
		switch {
		case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', '0' <= r && r <= '9', r == '.', r == '_', r == '-':
			return r
		}
		return '-'
	}, name)
	if strings.Trim(name, ".") == "" {
		name = "screenshot" + name
	}
	return name
}

// ArtifactsDir returns the folder for what tests leave for people to look
// at: $LANTOA_ARTIFACTS, else <module root>/artifacts. It creates it.
func ArtifactsDir(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("LANTOA_ARTIFACTS")
	if dir == "" {
		root, err := moduleRoot()
		if err != nil {
			t.Fatalf("browsertest: %v", err)
		}
		dir = filepath.Join(root, "artifacts")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatalf("browsertest: %v", err)
	}
	return dir
}

// moduleRoot returns the folder of the go.mod that holds the current
// directory; tests run in their package's folder.
func moduleRoot() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		} else if !errors.Is(err, os.ErrNotExist) {
			return "", err
		}
		if filepath.Dir(dir) == dir {
			return "", fmt.Errorf("no go.mod in %s or above", wd)
		}
	}
}

// toolPath returns the file named by the environment variable env, else
// rel under the module root.
func toolPath(env, rel string) string {
	if p := os.Getenv(env); p != "" {
		return p
	}
	root, err := moduleRoot()
	if err != nil {
		return filepath.FromSlash(rel)
	}
	return filepath.Join(root, filepath.FromSlash(rel))
}

// lockedBuffer is a bytes.Buffer safe for the browser's output goroutine.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func (b *lockedBuffer) Len() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Len()
}
