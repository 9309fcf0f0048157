package serve

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// The real site's story the end-to-end tests edit (no other page links
// to it), and a story they add then delete.
const (
	storyFile = "content/mo-hinh/camera-an-ninh-phuong-yen-hoa.md"
	storyURL  = "mo-hinh/camera-an-ninh-phuong-yen-hoa/"
	newFile   = "content/mo-hinh/bai-thu-nghiem-lantoa-serve.md"
	newURL    = "mo-hinh/bai-thu-nghiem-lantoa-serve/"
)

// realSite copies the repository's own site (site.toml, data/,
// content/, themes/, static/) into a temporary folder.
func realSite(t testing.TB) string {
	t.Helper()
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, name := range []string{"site.toml", "data", "content", "themes", "static"} {
		if err := copyTree(filepath.Join(root, name), filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func moduleRoot() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		if filepath.Dir(dir) == dir {
			return "", errors.New("no go.mod above " + wd)
		}
	}
}

func copyTree(from, to string) error {
	return filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(from, p)
		if err != nil {
			return err
		}
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
}

// setTitle rewrites the title line of the story's front matter.
func setTitle(t testing.TB, site, line string) {
	t.Helper()
	p := filepath.Join(site, storyFile)
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`(?m)^title: .*$`)
	if !re.Match(data) {
		t.Fatalf("%s has no title line", storyFile)
	}
	out := re.ReplaceAllLiteral(data, []byte(line))
	if err := os.WriteFile(p, out, 0o644); err != nil {
		t.Fatal(err)
	}
}

// poll calls cond every 5 ms until it is true, and returns how long it
// took; it fails the test after timeout.
func poll(t *testing.T, timeout time.Duration, what string, cond func() bool) time.Duration {
	t.Helper()
	start := time.Now()
	for !cond() {
		if time.Since(start) > timeout {
			t.Fatalf("%s: not after %v", what, timeout)
		}
		time.Sleep(5 * time.Millisecond)
	}
	return time.Since(start)
}

func TestRealSite(t *testing.T) {
	site := realSite(t)
	r := start(t, Options{Source: site})
	code, page := fetch(t, r.url+storyURL)
	if code != 200 || !strings.Contains(page, "Camera an ninh giúp phường Yên Hòa") {
		t.Fatalf("GET /%s: %d", storyURL, code)
	}
	if !strings.Contains(page, `<script src="/_lantoa/reload.js" defer></script>`) {
		t.Errorf("the served page has no reload script")
	}
	if !regexp.MustCompile(`lantoa: đã dựng: [\d.]+ trang trong [\d.]+ ms`).MatchString(r.stdout.String()) {
		t.Errorf("stdout %q does not report the first build", r.stdout)
	}

	// An edit of the title is served.
	setTitle(t, site, `title: "Camera an ninh Yên Hòa, bản sửa 1"`)
	took := poll(t, 10*time.Second, "new title served", func() bool {
		_, b := fetch(t, r.url+storyURL)
		return strings.Contains(b, "Camera an ninh Yên Hòa, bản sửa 1")
	})
	t.Logf("saved → new title served in %v (debounce %v included)", took, defaultQuiet)
	rebuilt := regexp.MustCompile(`lantoa: dựng lại sau khi đổi 1 tệp: [\d.]+ trang trong ([\d.]+) ms`)
	poll(t, 5*time.Second, "rebuild reported", func() bool { return rebuilt.MatchString(r.stdout.String()) })
	t.Logf("full build: %s ms", rebuilt.FindStringSubmatch(r.stdout.String())[1])

	// Broken front matter: the status shows the error with its source,
	// the last good page is still served.
	setTitle(t, site, `title: [chưa đóng`)
	var st wireStatus
	poll(t, 10*time.Second, "error status", func() bool {
		st = fetchStatus(t, r.url)
		return !st.OK
	})
	if len(st.Diagnostics) == 0 {
		t.Fatalf("status %+v has no diagnostics", st)
	}
	d := st.Diagnostics[0]
	if d.File != storyFile || d.Line != 2 {
		t.Errorf("diagnostic at %s:%d, want %s:2", d.File, d.Line, storyFile)
	}
	here := false
	for _, l := range d.Source {
		if l.Here {
			here = l.N == d.Line && l.Text == "title: [chưa đóng"
		}
	}
	if !here {
		t.Errorf("diagnostic source %+v does not mark the broken line", d.Source)
	}
	if _, b := fetch(t, r.url+storyURL); !strings.Contains(b, "Camera an ninh Yên Hòa, bản sửa 1") {
		t.Errorf("while broken, the last good page is not served")
	}
	if !strings.Contains(r.stderr.String(), storyFile+":2") {
		t.Errorf("stderr %q does not show the error", r.stderr)
	}

	// Fixed.
	setTitle(t, site, `title: "Camera an ninh Yên Hòa, bản sửa 2"`)
	poll(t, 10*time.Second, "status ok after the fix", func() bool {
		st = fetchStatus(t, r.url)
		return st.OK && len(st.Diagnostics) == 0
	})
	if _, b := fetch(t, r.url+storyURL); !strings.Contains(b, "Camera an ninh Yên Hòa, bản sửa 2") {
		t.Errorf("after the fix, the page is not served")
	}

	// A new story is served; deleted, its page is gone.
	data, err := os.ReadFile(filepath.Join(site, storyFile))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(site, newFile), data, 0o644); err != nil {
		t.Fatal(err)
	}
	poll(t, 10*time.Second, "new story served", func() bool {
		code, _ := fetch(t, r.url+newURL)
		return code == 200
	})
	if err := os.Remove(filepath.Join(site, newFile)); err != nil {
		t.Fatal(err)
	}
	poll(t, 10*time.Second, "deleted story gone", func() bool {
		code, _ := fetch(t, r.url+newURL)
		return code == 404
	})

	// A stylesheet edit: a "css" event with the new fingerprinted URL.
	events := listenEvents(t, r.url)
	next(t, events, 5*time.Second) // hello
	_, home := fetch(t, r.url)
	old := stylesheets([]byte(home))
	cssFile := filepath.Join(site, "themes/default/assets/css/style.css")
	css, err := os.ReadFile(cssFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cssFile, append(css, "\nmain{outline:1px solid red}\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	// The event of the deletion's build may come first.
	e := next(t, events, 10*time.Second)
	if e.name == "reload" {
		e = next(t, events, 10*time.Second)
	}
	var msg struct{ Styles []string }
	if err := json.Unmarshal([]byte(e.data), &msg); e.name != "css" || err != nil || len(msg.Styles) == 0 {
		t.Fatalf("after a CSS edit: event %+v, want css", e)
	}
	if len(old) == 0 || msg.Styles[0] == old[0] {
		t.Errorf("stylesheet URL %v did not change from %v", msg.Styles, old)
	}
	if code, b := fetch(t, strings.TrimSuffix(r.url, "/")+msg.Styles[0]); code != 200 || !strings.Contains(b, "outline") {
		t.Errorf("GET %s: %d", msg.Styles[0], code)
	}
}
