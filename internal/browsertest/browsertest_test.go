package browsertest

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// csp is as strict as the policy the site is published with.
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// page returns a valid HTML document with the given title and body.
func page(title, body string) string {
	return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>` + title + `</title>
<link rel="stylesheet" href="/site.css">
</head>
<body>
<main>
` + body + `
</main>
</body>
</html>
`
}

// writeSite writes a small site to a new folder and returns it:
//
//	/                 a clean page
//	/thieu-alt/       an img without alt
//	/rong/            a page wider than a phone
//	/noi-tuyen/       an inline script (blocked by csp) and an allowed one
//	/404.html         the not-found page
func writeSite(t *testing.T, dir string) {
	t.Helper()
	var pix bytes.Buffer
	img := image.NewRGBA(image.Rect(0, 0, 4, 4))
	img.Set(1, 1, color.RGBA{200, 30, 30, 255})
	if err := png.Encode(&pix, img); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"index.html": page("Lan tỏa mô hình hay",
			`<h1>Khu dân cư an toàn về an ninh trật tự</h1>
<p>Mô hình “Camera an ninh” đã được nhân rộng ra 124.000 hộ dân.</p>`),
		"thieu-alt/index.html": page("Thiếu alt",
			`<h1>Ảnh không có mô tả</h1>
<img id="anh" src="/pixel.png" width="40" height="40">`),
		"rong/index.html": page("Trang rộng",
			`<h1>Trang rộng</h1>
<div class="wide">Bảng quá rộng cho điện thoại</div>`),
		"noi-tuyen/index.html": page("Kịch bản nội tuyến",
			`<h1>Kịch bản</h1>
<script>window.inlineRan = true; console.log("inline ran");</script>
<script src="/app.js"></script>`),
		"404.html": page("Không tìm thấy trang", `<h1>Không tìm thấy trang</h1>`),
		"site.css": "body { margin: 0; font-family: sans-serif; }\n" +
			".wide { width: 2000px; background: #eee; }\n",
		"app.js":    `console.log("app.js ran", 124000);` + "\n",
		"pixel.png": pix.String(),
	}
	for name, body := range files {
		file := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// get fetches u and returns the status, the CSP header and the body.
func get(t *testing.T, client *http.Client, u string) (int, string, string) {
	t.Helper()
	resp, err := client.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header.Get("Content-Security-Policy"), string(body)
}

// rawGet sends a request line as is, so that ".." reaches the server
// unchanged, and returns the status code and the body.
func rawGet(t *testing.T, base, target string) (int, string) {
	t.Helper()
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	conn, err := net.Dial("tcp", u.Host)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, u.Host)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}

func TestServe(t *testing.T) {
	parent := t.TempDir()
	site := filepath.Join(parent, "site")
	writeSite(t, site)
	// A secret beside the site, and a link to it from inside the site.
	const secret = "TOP-SECRET-4f1c"
	if err := os.WriteFile(filepath.Join(parent, "secret.txt"), []byte(secret), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(parent, "secret.txt"), filepath.Join(site, "link.txt")); err != nil {
		t.Fatal(err)
	}
	base := Serve(t, site, map[string]string{"Content-Security-Policy": csp})
	if strings.HasSuffix(base, "/") || !strings.HasPrefix(base, "http://127.0.0.1:") {
		t.Errorf("base URL = %q, want http://127.0.0.1:PORT without trailing slash", base)
	}
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}

	t.Run("pages", func(t *testing.T) {
		for _, tc := range []struct {
			path, want string
			status     int
		}{
			{"/", "Khu dân cư an toàn", 200},
			{"/thieu-alt/", "Ảnh không có mô tả", 200},
			{"/site.css", ".wide", 200},
			{"/khong-co/", "Không tìm thấy trang", 404},
			{"/khong-co.html", "Không tìm thấy trang", 404},
		} {
			status, gotCSP, body := get(t, noRedirect, base+tc.path)
			if status != tc.status || !strings.Contains(body, tc.want) {
				t.Errorf("GET %s = %d %.80q, want %d with %q", tc.path, status, body, tc.status, tc.want)
			}
			if gotCSP != csp {
				t.Errorf("GET %s: Content-Security-Policy = %q, want %q", tc.path, gotCSP, csp)
			}
		}
	})

	t.Run("content type", func(t *testing.T) {
		resp, err := http.Get(base + "/")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if ct := resp.Header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
			t.Errorf("Content-Type of / = %q", ct)
		}
	})

	t.Run("folder redirect", func(t *testing.T) {
		resp, err := noRedirect.Get(base + "/rong?x=1")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusMovedPermanently || loc != "/rong/?x=1" {
			t.Errorf("GET /rong = %d Location %q, want 301 /rong/?x=1", resp.StatusCode, loc)
		}
	})

	t.Run("traversal", func(t *testing.T) {
		for _, target := range []string{
			"/../etc/passwd",
			"/../../../../../../etc/passwd",
			"/../secret.txt",
			"/%2e%2e/secret.txt",
			"/..%2fsecret.txt",
			"/rong/../../secret.txt",
			"/link.txt",
		} {
			status, body := rawGet(t, base, target)
			if strings.Contains(body, secret) || strings.Contains(body, "root:") {
				t.Errorf("GET %s served a file outside the site: %.80q", target, body)
			}
			if status != http.StatusNotFound && status != http.StatusBadRequest {
				t.Errorf("GET %s = %d, want 404 or 400", target, status)
			}
		}
	})
}

func TestVNU(t *testing.T) {
	dir := t.TempDir()
	valid := page("Hợp lệ", "<h1>Hợp lệ</h1>\n<p>Đoạn văn.</p>")
	invalid := strings.Replace(valid, "<p>Đoạn văn.</p>", "<p>Đoạn văn.</p>\n</div>", 1)
	if invalid == valid {
		t.Fatal("fixture: no stray tag inserted")
	}
	// The stray </div> is on the line after the paragraph.
	wantLine := 1 + strings.Count(invalid[:strings.Index(invalid, "</div>")], "\n")
	for name, body := range map[string]string{
		"hop-le/index.html":    valid,
		"khong-hop-le.html":    invalid,
		"ghi-chu.txt":          "</div> not HTML, skipped",
		"hop-le/kieu/site.css": "body{}",
	} {
		file := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	msgs := VNU(t, dir)
	if len(msgs) == 0 {
		t.Fatal("VNU found no error in a document with a stray </div>")
	}
	for _, m := range msgs {
		if m.File != "khong-hop-le.html" {
			t.Errorf("error in a valid or non-HTML file: %v", m)
		}
	}
	if !slices.ContainsFunc(msgs, func(m VNUMessage) bool {
		return m.Line == wantLine && m.Column > 0 && strings.Contains(m.Message, "Stray end tag")
	}) {
		t.Errorf("no stray end tag error at line %d in %v", wantLine, msgs)
	}

	if msgs := VNU(t, filepath.Join(dir, "hop-le")); len(msgs) != 0 {
		t.Errorf("VNU on valid HTML = %v, want none", msgs)
	}
}

func TestParseVNU(t *testing.T) {
	report := `{"messages":[
		{"type":"error","url":"file:/site/a%20b/index.html","lastLine":7,"firstColumn":3,"lastColumn":9,"message":"Stray end tag “div”."},
		{"type":"info","subType":"warning","url":"file:/site/x.html","lastLine":1,"message":"warn"},
		{"type":"non-document-error","url":"file:/site/y.html","message":"unreadable"}]}`
	got, err := parseVNU([]byte(report), "/site")
	if err != nil {
		t.Fatal(err)
	}
	want := []VNUMessage{
		{File: "a b/index.html", Line: 7, Column: 3, Message: "Stray end tag “div”."},
		{File: "y.html", Message: "cannot check: unreadable"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("parseVNU = %v, want %v", got, want)
	}
	if _, err := parseVNU([]byte("Exception in thread main"), "/site"); err == nil {
		t.Error("parseVNU accepted a report that is not JSON")
	}
}

func TestFileName(t *testing.T) {
	for in, want := range map[string]string{
		"TestHome/360x740":   "TestHome-360x740",
		"trang-chủ":          "trang-ch-",
		"../../etc/passwd":   "..-..-etc-passwd",
		"..":                 "screenshot..",
		"a_b.c-d":            "a_b.c-d",
		"Khánh Hòa (mobile)": "Kh-nh-H-a--mobile-",
	} {
		if got := fileName(in); got != want {
			t.Errorf("fileName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestBrowser checks the browser helpers on the site served with csp.
func TestBrowser(t *testing.T) {
	site := t.TempDir()
	writeSite(t, site)
	base := Serve(t, site, map[string]string{"Content-Security-Policy": csp})
	browser := Browser(t)

	open := func(t *testing.T, width, height int, path string) (tab context.Context) {
		t.Helper()
		tab = NewTab(t, browser, width, height)
		if err := chromedp.Do(tab, chromedp.Navigate(base+path)); err != nil {
			t.Fatalf("navigating to %s: %v", path, err)
		}
		return tab
	}

	t.Run("axe finds a missing alt", func(t *testing.T) {
		tab := open(t, 360, 740, "/thieu-alt/")
		vs := Axe(t, tab)
		i := slices.IndexFunc(vs, func(v Violation) bool { return v.ID == "image-alt" })
		if i < 0 {
			t.Fatalf("Axe = %v, want image-alt", vs)
		}
		v := vs[i]
		if v.Impact == "" || v.Help == "" || len(v.Nodes) != 1 ||
			!strings.HasPrefix(v.Nodes[0], "#anh ") || !strings.Contains(v.Nodes[0], `<img id="anh"`) {
			t.Errorf("image-alt violation = %#v, want one node #anh with its HTML", v)
		}
		// Running twice injects axe-core once and gives the same result.
		if again := Axe(t, tab); !slices.EqualFunc(vs, again, func(a, b Violation) bool { return a.String() == b.String() }) {
			t.Errorf("second Axe run = %v, want %v", again, vs)
		}
	})

	t.Run("axe passes a clean page under CSP", func(t *testing.T) {
		tab := open(t, 360, 740, "/")
		if vs := Axe(t, tab); len(vs) != 0 {
			t.Errorf("Axe on a clean page = %v, want none", vs)
		}
	})

	t.Run("viewport", func(t *testing.T) {
		for _, tc := range []struct {
			width, height int
			dpr           float64
		}{{360, 740, 2}, {1280, 800, 1}} {
			tab := open(t, tc.width, tc.height, "/")
			got, err := chromedp.Run(tab, chromedp.Evaluate[[3]float64](
				`[window.innerWidth, window.innerHeight, window.devicePixelRatio]`))
			if err != nil {
				t.Fatal(err)
			}
			if want := [3]float64{float64(tc.width), float64(tc.height), tc.dpr}; got != want {
				t.Errorf("NewTab(%d, %d): [innerWidth innerHeight devicePixelRatio] = %v, want %v",
					tc.width, tc.height, got, want)
			}
		}
	})

	t.Run("horizontal overflow", func(t *testing.T) {
		sw, cw := HorizontalOverflow(t, open(t, 360, 740, "/rong/"))
		if cw != 360 || sw < 2000 {
			t.Errorf("wide page: scrollWidth %d, clientWidth %d; want ≥ 2000 and 360", sw, cw)
		}
		sw, cw = HorizontalOverflow(t, open(t, 360, 740, "/"))
		if sw != cw || cw != 360 {
			t.Errorf("clean page: scrollWidth %d, clientWidth %d; want both 360", sw, cw)
		}
	})

	t.Run("screenshot", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "artifacts")
		t.Setenv("LANTOA_ARTIFACTS", dir)
		if got := ArtifactsDir(t); got != dir {
			t.Fatalf("ArtifactsDir = %q, want $LANTOA_ARTIFACTS %q", got, dir)
		}
		Screenshot(t, open(t, 360, 740, "/rong/"), t.Name())
		f, err := os.Open(filepath.Join(dir, "TestBrowser-screenshot.png"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		cfg, err := png.DecodeConfig(f)
		if err != nil {
			t.Fatalf("screenshot is not a PNG: %v", err)
		}
		// The full page is 2000 CSS pixels wide, at a device pixel ratio of 2.
		if cfg.Width < 4000 || cfg.Height < 2*740 {
			t.Errorf("screenshot is %d×%d, want at least 4000×1480", cfg.Width, cfg.Height)
		}
	})

	t.Run("console and CSP", func(t *testing.T) {
		tab := NewTab(t, browser, 360, 740)
		messages := CollectConsole(tab)
		if err := chromedp.Do(tab, chromedp.Navigate(base+"/noi-tuyen/")); err != nil {
			t.Fatal(err)
		}
		// The external script ran and the inline one did not.
		ran, err := chromedp.Run(tab, chromedp.Evaluate[bool](
			`window.inlineRan === true`))
		if err != nil {
			t.Fatal(err)
		}
		if ran {
			t.Fatal("the inline script ran: the CSP header was not applied")
		}
		got := messages()
		t.Logf("console: %q", got)
		if !slices.Contains(got, "console.log: app.js ran 124000") {
			t.Errorf("console = %q, want the console.log of app.js", got)
		}
		if !slices.ContainsFunc(got, func(s string) bool {
			return strings.HasPrefix(s, "error ") && strings.Contains(s, "Content Security Policy")
		}) {
			t.Errorf("console = %q, want the CSP violation of the inline script", got)
		}
		if slices.ContainsFunc(got, func(s string) bool { return strings.Contains(s, "inline ran") }) {
			t.Errorf("console = %q: the inline script ran", got)
		}
	})

	t.Run("console of a clean page", func(t *testing.T) {
		tab := NewTab(t, browser, 360, 740)
		messages := CollectConsole(tab)
		if err := chromedp.Do(tab, chromedp.Navigate(base+"/")); err != nil {
			t.Fatal(err)
		}
		if got := messages(); len(got) != 0 {
			t.Errorf("console of a clean page = %q, want none", got)
		}
	})

	t.Run("console reports exceptions", func(t *testing.T) {
		tab := open(t, 360, 740, "/")
		messages := CollectConsole(tab)
		// A script that throws from a timer, as a page's own script would;
		// the evaluation returns once the timer has fired.
		if err := chromedp.Do(tab, chromedp.Evaluate[chromedp.Void](
			`setTimeout(() => { throw new TypeError("hỏng rồi") }, 0);
			new Promise(r => setTimeout(r, 100))`, chromedp.EvalAwaitPromise)); err != nil {
			t.Fatal(err)
		}
		if got := messages(); !slices.ContainsFunc(got, func(s string) bool {
			return strings.HasPrefix(s, "exception: ") && strings.Contains(s, "TypeError: hỏng rồi")
		}) {
			t.Errorf("console = %q, want the TypeError", got)
		}
	})
}

// recorder is a testing.TB whose Skip and Fatal are recorded; like the
// real ones, they end the goroutine.
type recorder struct {
	testing.TB
	skipped, failed string
}

func (r *recorder) Helper() {}
func (r *recorder) Skip(args ...any) {
	r.skipped = fmt.Sprint(args...)
	runtime.Goexit()
}
func (r *recorder) Skipf(format string, args ...any) { r.Skip(fmt.Sprintf(format, args...)) }
func (r *recorder) Fatal(args ...any) {
	r.failed = fmt.Sprint(args...)
	runtime.Goexit()
}
func (r *recorder) Fatalf(format string, args ...any) { r.Fatal(fmt.Sprintf(format, args...)) }

// call runs f with a recorder in its own goroutine, as the testing package
// runs a test.
func call(t *testing.T, f func(testing.TB)) *recorder {
	r := &recorder{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		f(r)
	}()
	<-done
	return r
}

func TestMissingTools(t *testing.T) {
	t.Setenv("LANTOA_VNU_JAR", filepath.Join(t.TempDir(), "no-vnu.jar"))
	t.Setenv("LANTOA_AXE_JS", filepath.Join(t.TempDir(), "no-axe.js"))
	dir := t.TempDir()
	for _, ci := range []string{"", "true"} {
		t.Setenv("CI", ci)
		vnu := call(t, func(tb testing.TB) { VNU(tb, dir) })
		// Axe fails or skips before it uses the tab.
		axe := call(t, func(tb testing.TB) { Axe(tb, context.Background()) })
		for name, r := range map[string]*recorder{"VNU": vnu, "Axe": axe} {
			if ci == "true" {
				if r.failed == "" || r.skipped != "" {
					t.Errorf("CI=true, %s with its tool missing: failed %q, skipped %q; want a failure", name, r.failed, r.skipped)
				}
			} else if r.skipped == "" || r.failed != "" || !strings.Contains(r.skipped, "make deps") {
				t.Errorf("CI unset, %s with its tool missing: failed %q, skipped %q; want a skip naming make deps", name, r.failed, r.skipped)
			}
		}
	}
}
