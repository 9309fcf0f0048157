package serve

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const (
	secret    = "SECRET-OUTSIDE-THE-SITE"
	notFound  = "<!doctype html><title>404</title><p>Không tìm thấy trang</p>"
	homePage  = "<!doctype html><title>Trang chủ</title>"
	storyPage = "<!doctype html><title>Câu chuyện</title>"
)

// siteDir writes a small built site at TMP/site/public, a secret file at
// TMP/secret.txt and TMP/site/secret.txt, and symbolic links in the site
// that point out of it. It returns the site folder.
func siteDir(t *testing.T) string {
	t.Helper()
	tmp := t.TempDir()
	dest := filepath.Join(tmp, "site", "public")
	files := map[string]string{
		"index.html":                homePage,
		"404.html":                  notFound,
		"mo-hinh/a/index.html":      storyPage,
		"assets/style.0123abcd.css": "body{color:red}",
		"assets/app.js":             "console.log(1)",
		"search/index.json":         `{"a":1}`,
		"sitemap.xml":               `<?xml version="1.0"?><urlset/>`,
		"favicon.svg":               `<svg xmlns="http://www.w3.org/2000/svg"/>`,
		"img/a.webp":                "RIFF....WEBP",
		"img/a.jpg":                 "\xff\xd8\xff",
		"img/a.png":                 "\x89PNG\r\n\x1a\n",
		"robots.txt":                "User-agent: *",
		"empty/readme.md":           "no index here",
		"_redirects":                "# aliases\n/cu/bai-a/ /mo-hinh/a/ 301\n/mo-hinh/a/ /elsewhere/ 301\n/rewrite/ /mo-hinh/a/ 200\n",
	}
	for name, data := range files {
		p := filepath.Join(dest, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []string{filepath.Join(tmp, "secret.txt"), filepath.Join(tmp, "site", "secret.txt")} {
		if err := os.WriteFile(p, []byte(secret), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	links := map[string]string{
		"leak.txt":   filepath.Join(tmp, "secret.txt"), // absolute, out
		"leak2.txt":  "../secret.txt",                  // relative, out
		"leakdir":    tmp,                              // a folder out
		"inside.txt": "robots.txt",                     // inside: served
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dest, name)); err != nil {
			t.Fatal(err)
		}
	}
	return dest
}

func get(t *testing.T, h http.Handler, method, target string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func body(t *testing.T, r *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(r.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestTraversal(t *testing.T) {
	h := &fileHandler{dest: siteDir(t)}
	for _, target := range []string{
		"/../../etc/passwd",
		"/%2e%2e/%2e%2e/etc/passwd",
		"/..%2f..%2fetc/passwd",
		"/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
		"/../secret.txt",
		"/../../secret.txt",
		"/%2e%2e/secret.txt",
		"/%2e%2e%2fsecret.txt",
		"/mo-hinh/../../secret.txt",
		"/..\\secret.txt",
		"/%5c..%5csecret.txt",
		"/leak.txt",
		"/leak2.txt",
		"/leakdir/secret.txt",
		"/leakdir/",
		"/index.html%00.txt",
	} {
		r := get(t, h, "GET", target)
		b := body(t, r)
		if r.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404", target, r.StatusCode)
		}
		if strings.Contains(b, secret) || strings.Contains(b, "root:") {
			t.Errorf("GET %s: served a file outside the site: %q", target, b)
		}
		if b != notFound {
			t.Errorf("GET %s: body %q, want the site's 404 page", target, b)
		}
	}
	// A link that stays inside the site is followed.
	if r := get(t, h, "GET", "/inside.txt"); r.StatusCode != 200 || body(t, r) != "User-agent: *" {
		t.Errorf("GET /inside.txt: status %d, want 200 with robots.txt", r.StatusCode)
	}
}

// TestTraversalOverTCP sends raw request lines, which no client cleans,
// to a real server.
func TestTraversalOverTCP(t *testing.T) {
	srv := httptest.NewServer(&fileHandler{dest: siteDir(t)})
	defer srv.Close()
	for _, target := range []string{
		"/../secret.txt",
		"/../../../../../../etc/passwd",
		"/%2e%2e/secret.txt",
		"/..%2fsecret.txt",
		"/leak.txt",
	} {
		conn, err := net.Dial("tcp", srv.Listener.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(conn, "GET "+target+" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"); err != nil {
			t.Fatal(err)
		}
		r, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Fatalf("GET %s: %v", target, err)
		}
		b := body(t, r)
		conn.Close()
		if r.StatusCode == http.StatusOK || strings.Contains(b, secret) || strings.Contains(b, "root:") {
			t.Errorf("GET %s: status %d, body %q: a file outside the site was served", target, r.StatusCode, b)
		}
	}
}

func TestFolders(t *testing.T) {
	h := &fileHandler{dest: siteDir(t)}
	tests := []struct {
		target, location string
		status           int
		body             string
	}{
		{"/", "", 200, homePage},
		{"/mo-hinh/a/", "", 200, storyPage},
		{"/mo-hinh/a", "/mo-hinh/a/", 301, ""},
		{"/mo-hinh/a?x=1", "/mo-hinh/a/?x=1", 301, ""},
		{"/mo-hinh/a/index.html", "", 200, storyPage},
		{"/mo-hinh/", "", 404, notFound}, // a folder without index.html: no listing
		{"/empty/", "", 404, notFound},
		{"/khong-co/", "", 404, notFound},
		{"/khong-co.css", "", 404, notFound},
		// Aliases from _redirects, with or without the slash; a file
		// answers before any rule; rewrites (200) are not honoured.
		{"/cu/bai-a/", "/mo-hinh/a/", 301, ""},
		{"/cu/bai-a", "/mo-hinh/a/", 301, ""},
		{"/rewrite/", "", 404, notFound},
	}
	for _, tt := range tests {
		r := get(t, h, "GET", tt.target)
		b := body(t, r)
		if r.StatusCode != tt.status {
			t.Errorf("GET %s: status %d, want %d", tt.target, r.StatusCode, tt.status)
		}
		if loc := r.Header.Get("Location"); loc != tt.location {
			t.Errorf("GET %s: Location %q, want %q", tt.target, loc, tt.location)
		}
		if tt.body != "" && b != tt.body {
			t.Errorf("GET %s: body %q, want %q", tt.target, b, tt.body)
		}
		if cc := r.Header.Get("Cache-Control"); cc != "no-store" {
			t.Errorf("GET %s: Cache-Control %q, want no-store", tt.target, cc)
		}
		if r.Header.Get("Last-Modified") != "" {
			t.Errorf("GET %s: has Last-Modified, which invites stale 304s", tt.target)
		}
	}
	// Directories are never listed, even without a 404 page.
	dest := siteDir(t)
	if err := os.Remove(filepath.Join(dest, "404.html")); err != nil {
		t.Fatal(err)
	}
	r := get(t, &fileHandler{dest: dest}, "GET", "/empty/")
	if b := body(t, r); r.StatusCode != 404 || strings.Contains(b, "readme.md") {
		t.Errorf("GET /empty/ without 404.html: status %d, body %q", r.StatusCode, b)
	}
}

func TestHeadAndMethods(t *testing.T) {
	h := &fileHandler{dest: siteDir(t)}
	r := get(t, h, "HEAD", "/khong-co/")
	if b := body(t, r); r.StatusCode != 404 || b != "" {
		t.Errorf("HEAD of a missing page: status %d, body %q; want 404 without body", r.StatusCode, b)
	}
	r = get(t, h, "HEAD", "/")
	if b := body(t, r); r.StatusCode != 200 || b != "" || r.Header.Get("Content-Type") != "text/html; charset=utf-8" {
		t.Errorf("HEAD /: status %d, body %q, type %q", r.StatusCode, b, r.Header.Get("Content-Type"))
	}
	r = get(t, h, "POST", "/")
	if r.StatusCode != http.StatusMethodNotAllowed || r.Header.Get("Allow") != "GET, HEAD" {
		t.Errorf("POST /: status %d, Allow %q", r.StatusCode, r.Header.Get("Allow"))
	}
}

func TestContentTypes(t *testing.T) {
	h := &fileHandler{dest: siteDir(t), build: func() string { return "abc-7" }}
	for target, want := range map[string]string{
		"/":                          "text/html; charset=utf-8",
		"/mo-hinh/a/":                "text/html; charset=utf-8",
		"/khong-co/":                 "text/html; charset=utf-8", // the 404 page
		"/assets/style.0123abcd.css": "text/css; charset=utf-8",
		"/assets/app.js":             "text/javascript; charset=utf-8",
		"/search/index.json":         "application/json",
		"/sitemap.xml":               "application/xml; charset=utf-8",
		"/favicon.svg":               "image/svg+xml",
		"/img/a.webp":                "image/webp",
		"/img/a.jpg":                 "image/jpeg",
		"/img/a.png":                 "image/png",
		"/robots.txt":                "text/plain; charset=utf-8",
	} {
		r := get(t, h, "GET", target)
		if got := r.Header.Get("Content-Type"); got != want {
			t.Errorf("GET %s: Content-Type %q, want %q", target, got, want)
		}
		if got := r.Header.Get("Cache-Control"); got != "no-store" {
			t.Errorf("GET %s: Cache-Control %q, want no-store", target, got)
		}
		timing := r.Header.Get("Server-Timing")
		if isHTML := strings.HasPrefix(want, "text/html"); isHTML != (timing == `lantoa;desc="abc-7"`) {
			t.Errorf("GET %s: Server-Timing %q", target, timing)
		}
	}
}

func TestFallbackPage(t *testing.T) {
	// Before the first good build the folder does not exist.
	h := &fileHandler{dest: filepath.Join(t.TempDir(), "public"), fallback: func(w io.Writer) { io.WriteString(w, fallbackPage) }}
	r := get(t, h, "GET", "/")
	if b := body(t, r); r.StatusCode != 404 || !strings.Contains(b, pathScript) {
		t.Errorf("GET / with no site: status %d, body %q; want 404 with the reload script", r.StatusCode, b)
	}
}

func TestSitePath(t *testing.T) {
	for in, want := range map[string]string{
		"/":             "",
		"/a/b/":         "a/b",
		"/a//b":         "a/b",
		"/a/./b":        "a/b",
		"/mo-hinh/x.md": "mo-hinh/x.md",
	} {
		if got, ok := sitePath(in); !ok || got != want {
			t.Errorf("sitePath(%q) = %q, %v; want %q, true", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "a", "/..", "/a/../b", "/a/..", "/a\\b", "/a\x00b"} {
		if got, ok := sitePath(in); ok {
			t.Errorf("sitePath(%q) = %q, true; want refused", in, got)
		}
	}
}

func TestParseRedirects(t *testing.T) {
	got := parseRedirects([]byte("# c\n\n/a/ /b/ 301\n/a/ /c/ 301\n/x /y\n/s/* /t/:splat 301\n/p/:id /q/ 301\n/r/ /s/ 200\n/f/ /g/ 302!\nbad line\n"))
	want := map[string]string{"/a": "/b/", "/x": "/y", "/f": "/g/"}
	if len(got) != len(want) {
		t.Errorf("parseRedirects = %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("parseRedirects[%q] = %q, want %q", k, got[k], v)
		}
	}
}

func TestStylesheets(t *testing.T) {
	html := `<head><link rel="icon" href="/favicon.svg"><link rel=stylesheet href=/a.css><LINK REL="preload stylesheet" HREF='/b.1234abcd.css'><link href="/c.css" rel="stylesheet"></head>`
	got := strings.Join(stylesheets([]byte(html)), " ")
	if want := "/a.css /b.1234abcd.css /c.css"; got != want {
		t.Errorf("stylesheets = %q, want %q", got, want)
	}
}
