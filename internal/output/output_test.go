package output

import (
	"bytes"
	"crypto/sha256"
	"encoding/xml"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestCheckDestination(t *testing.T) {
	root := t.TempDir()
	src := filepath.Join(root, "site")
	for _, d := range []string{"content/mo-hinh", "static", "data", "themes/default"} {
		if err := os.MkdirAll(filepath.Join(src, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(src, filepath.Join(root, "link")); err != nil {
		t.Fatal(err)
	}
	home, _ := os.UserHomeDir()
	for _, tc := range []struct {
		dest string
		ok   bool
	}{
		{filepath.Join(src, "public"), true},
		{filepath.Join(root, "out"), true},
		{filepath.Join(src, "public", "sub"), true},
		{filepath.Join(src, "contents"), true},
		{src, false},
		{src + "/", false},
		{filepath.Join(src, "content", ".."), false},
		{root, false},
		{filepath.Join(root, "link"), false}, // the source through a symlink
		{filepath.Join(src, "content"), false},
		{filepath.Join(src, "content", "mo-hinh"), false},
		{filepath.Join(src, "static"), false},
		{filepath.Join(src, "data"), false},
		{filepath.Join(src, "themes"), false},
		{filepath.Join(src, "themes", "default", "out"), false},
		{filepath.Join(root, "link", "content"), false},
		{"/", false},
		{home, false},
	} {
		err := CheckDestination(src, tc.dest)
		if (err == nil) != tc.ok {
			t.Errorf("CheckDestination(%s) = %v, want ok %v", tc.dest, err, tc.ok)
		}
	}
	// Relative paths are resolved against the working directory.
	t.Chdir(src)
	for _, tc := range []struct {
		src, dest string
		ok        bool
	}{
		{".", "public", true},
		{".", ".", false},
		{".", "content", false},
		{".", "./content/", false},
		{".", "..", false},
		{"content/..", ".", false},
	} {
		if err := CheckDestination(tc.src, tc.dest); (err == nil) != tc.ok {
			t.Errorf("CheckDestination(%q, %q) = %v, want ok %v", tc.src, tc.dest, err, tc.ok)
		}
	}
}

func TestURLToFile(t *testing.T) {
	for in, want := range map[string]string{
		"/":                     "index.html",
		"/mo-hinh/":             "mo-hinh/index.html",
		"/mo-hinh/page/2/":      "mo-hinh/page/2/index.html",
		"/404.html":             "404.html",
		"/index.xml":            "index.xml",
		"/tinh-thanh/ha-noi/":   "tinh-thanh/ha-noi/index.html",
		"/mo-hinh/a/anh.jpg":    "mo-hinh/a/anh.jpg",
		"/mo-hinh/x/index.html": "mo-hinh/x/index.html",
	} {
		if got := URLToFile(in); got != want {
			t.Errorf("URLToFile(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCleanPath(t *testing.T) {
	for _, p := range []string{"index.html", "a/b/c.html", "assets/style.1234abcd.css", "a/.well-known/x"} {
		if got, err := CleanPath(p); err != nil || got != p {
			t.Errorf("CleanPath(%q) = %q, %v", p, got, err)
		}
	}
	for _, p := range []string{"", "/etc/passwd", "../x", "a/../../x", "a/./b", "a//b", "a/", "a\\b", "a\x00b", ".", ".."} {
		if _, err := CleanPath(p); err == nil {
			t.Errorf("CleanPath(%q): want an error", p)
		}
	}
}

func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func siblings(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(filepath.Dir(dir))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func TestAtomicOutput(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")

	// First build into a folder that does not exist yet.
	d, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []struct{ p, s string }{{"index.html", "một"}, {"mo-hinh/a/index.html", "hai"}, {"mo-hinh/b/index.html", "ba"}} {
		if err := d.Write(f.p, []byte(f.s)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := os.Stat(dest); !os.IsNotExist(err) {
		t.Fatalf("the destination exists before Commit: %v", err)
	}
	if err := d.Write("index.html", []byte("x")); err == nil {
		t.Error("writing a path twice must fail")
	}
	for _, bad := range []string{"../escape.html", "/abs.html", "a/../../b"} {
		if err := d.Write(bad, []byte("x")); err == nil {
			t.Errorf("Write(%q) must fail", bad)
		}
	}
	if !d.Exists("mo-hinh/a/index.html") || d.Exists("nope.html") {
		t.Error("Exists")
	}
	if n, b := d.Files(); n != 3 || b != int64(len("mộthaiba")) {
		t.Errorf("Files() = %d, %d", n, b)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := tree(t, dest); len(got) != 3 || got["mo-hinh/a/index.html"] != "hai" {
		t.Errorf("after the first commit: %v", got)
	}
	if _, err := os.Stat(filepath.Join(parent, "escape.html")); !os.IsNotExist(err) {
		t.Error("a write escaped the folder")
	}

	// A failed build leaves the old folder untouched.
	os.WriteFile(filepath.Join(dest, "sentinel"), []byte("s"), 0o644)
	d, err = Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	d.Write("index.html", []byte("mới"))
	d.Abort()
	if got := tree(t, dest); len(got) != 4 || got["index.html"] != "một" || got["sentinel"] != "s" {
		t.Errorf("after Abort: %v", got)
	}
	if s := siblings(t, dest); !slices.Equal(s, []string{"public"}) {
		t.Errorf("leftovers after Abort: %q", s)
	}

	// A second commit replaces the folder entirely: stale files go.
	d, _ = Begin(dest)
	d.Write("index.html", []byte("mới"))
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := tree(t, dest); len(got) != 1 || got["index.html"] != "mới" {
		t.Errorf("after the second commit: %v", got)
	}
	if s := siblings(t, dest); !slices.Equal(s, []string{"public"}) {
		t.Errorf("leftovers after Commit: %q", s)
	}
	d, _ = Begin(dest)
	d.Write("index.html", []byte("ba"))
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if s := siblings(t, dest); !slices.Equal(s, []string{"public"}) {
		t.Errorf("leftovers after the next build: %q", s)
	}
	if fi, _ := os.Stat(dest); fi.Mode().Perm() != 0o755 {
		t.Errorf("mode %v, want 0755 (served by a web server)", fi.Mode().Perm())
	}
}

func TestRecoverInterrupted(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	// A build killed between the two renames of Commit: the old site is
	// aside, the destination missing.
	old := filepath.Join(parent, oldPrefix+"public-123")
	os.MkdirAll(old, 0o755)
	os.WriteFile(filepath.Join(old, "index.html"), []byte("cũ"), 0o644)
	// And a half-written folder of a killed build.
	tmp := filepath.Join(parent, tmpPrefix+"public-456")
	os.MkdirAll(tmp, 0o755)
	// Folders of another destination are left alone.
	other := filepath.Join(parent, tmpPrefix+"other-1")
	os.MkdirAll(other, 0o755)
	d, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	if got := tree(t, dest); got["index.html"] != "cũ" {
		t.Errorf("the old site was not restored: %v", got)
	}
	for _, p := range []string{old, tmp} {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("%s not cleaned", filepath.Base(p))
		}
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("another destination's folder was removed: %v", err)
	}
	d.Abort()
}

func TestConcurrentWrites(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	d, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make([]error, 200)
	for i := range 200 {
		wg.Go(func() {
			p := "a/b/c/" + strings.Repeat("x", i%7+1) + "/" + string(rune('a'+i%26)) + "/" + time.Duration(i).String() + ".html"
			errs[i] = d.Write(p, []byte("x"))
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("write %d: %v", i, err)
		}
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if n := len(tree(t, dest)); n != 200 {
		t.Errorf("%d files", n)
	}
}

func TestSitemap(t *testing.T) {
	ict := time.FixedZone("ICT", 7*3600)
	data := Sitemap([]SitemapURL{
		{Loc: "https://lantoa.netlify.app/"},
		{Loc: "https://lantoa.netlify.app/mo-hinh/a/?x=1&y=<2>", Lastmod: time.Date(2025, 11, 18, 0, 0, 0, 0, ict)},
		{Loc: "https://lantoa.netlify.app/b\x01/"},
	})
	var doc struct {
		XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
		URLs    []struct {
			Loc     string `xml:"loc"`
			Lastmod string `xml:"lastmod"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	if len(doc.URLs) != 3 || doc.URLs[1].Loc != "https://lantoa.netlify.app/mo-hinh/a/?x=1&y=<2>" || doc.URLs[1].Lastmod != "2025-11-18T00:00:00+07:00" || doc.URLs[0].Lastmod != "" || doc.URLs[2].Loc != "https://lantoa.netlify.app/b/" {
		t.Errorf("%+v", doc)
	}
	if !bytes.HasPrefix(data, []byte(`<?xml version="1.0" encoding="UTF-8"?>`)) {
		t.Errorf("no XML declaration:\n%s", data)
	}
}

func TestRSS(t *testing.T) {
	ict := time.FixedZone("ICT", 7*3600)
	data := RSS(Feed{
		Title: "Lan tỏa & <mô hình>", Link: "https://x.vn/", Description: "Mô tả", SelfURL: "https://x.vn/index.xml",
		Updated: time.Date(2025, 11, 18, 9, 0, 0, 0, ict),
		Items: []FeedItem{
			{Title: "Camera an ninh", Link: "https://x.vn/mo-hinh/a/", Description: "Tóm tắt \"a\" <b>", Date: time.Date(2025, 11, 18, 0, 0, 0, 0, ict), Category: "Mô hình"},
			{Title: "Không ngày", Link: "https://x.vn/b/"},
		},
	})
	type item struct {
		Title       string `xml:"title"`
		Link        string `xml:"link"`
		GUID        string `xml:"guid"`
		PubDate     string `xml:"pubDate"`
		Category    string `xml:"category"`
		Description string `xml:"description"`
	}
	var rss struct {
		Version string `xml:"version,attr"`
		Channel struct {
			Title         string `xml:"title"`
			Link          string `xml:"link"`
			Language      string `xml:"language"`
			LastBuildDate string `xml:"lastBuildDate"`
			Items         []item `xml:"item"`
		} `xml:"channel"`
	}
	if err := xml.Unmarshal(data, &rss); err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	c := rss.Channel
	if rss.Version != "2.0" || c.Title != "Lan tỏa & <mô hình>" || c.Language != "vi" || c.LastBuildDate != "Tue, 18 Nov 2025 09:00:00 +0700" {
		t.Errorf("channel %+v", c)
	}
	if len(c.Items) != 2 {
		t.Fatalf("items %+v", c.Items)
	}
	it := c.Items[0]
	if it.Title != "Camera an ninh" || it.GUID != it.Link || it.PubDate != "Tue, 18 Nov 2025 00:00:00 +0700" || it.Category != "Mô hình" || it.Description != "Tóm tắt \"a\" <b>" {
		t.Errorf("item %+v", it)
	}
	if c.Items[1].PubDate != "" || strings.Contains(string(data), "<pubDate></pubDate>") {
		t.Errorf("a zero date must be omitted: %+v", c.Items[1])
	}
	if !strings.Contains(string(data), `<atom:link href="https://x.vn/index.xml" rel="self" type="application/rss+xml"/>`) {
		t.Errorf("no self link:\n%s", data)
	}
}

func TestRobotsAndRedirects(t *testing.T) {
	if got := string(Robots("https://x.vn/sitemap.xml")); !strings.Contains(got, "User-agent: *\n") || !strings.HasSuffix(got, "Sitemap: https://x.vn/sitemap.xml\n") {
		t.Errorf("robots.txt:\n%s", got)
	}
	data, err := Redirects([]Redirect{{"/cu/", "/mo-hinh/moi/"}, {"/bai.html", "/tin-tuc/bai/"}})
	if err != nil || string(data) != "/cu/ /mo-hinh/moi/ 301\n/bai.html /tin-tuc/bai/ 301\n" {
		t.Errorf("%q %v", data, err)
	}
	if data, err := Redirects(nil); err != nil || len(data) != 0 {
		t.Errorf("no redirects: %q %v", data, err)
	}
	for _, r := range []Redirect{{"/a b/", "/x/"}, {"/a/", "x/"}, {"", "/x/"}, {"/a/", "/x/#y"}, {"/a\n/b 200", "/x/"}} {
		if _, err := Redirects([]Redirect{r}); err == nil {
			t.Errorf("Redirects(%q) must fail", r)
		}
	}
}

func TestMinifier(t *testing.T) {
	m := NewMinifier()
	in := "<!doctype html>\n<html lang=\"vi\">\n<head>\n<title>  Tiêu   đề </title>\n</head>\n<body>\n<p class=\"a\">Xin   chào</p>\n</body>\n</html>\n"
	out, err := m.String("text/html", in)
	if err != nil {
		t.Fatal(err)
	}
	for _, keep := range []string{`<html lang="vi">`, "<head>", "</head>", "<body>", "</body>", "</html>", `class="a"`, "</p>"} {
		if !strings.Contains(out, keep) {
			t.Errorf("minified HTML lost %s:\n%s", keep, out)
		}
	}
	if len(out) >= len(in) {
		t.Errorf("not minified:\n%s", out)
	}
	css, err := m.String("text/css", "a {  color : red ; }\n")
	if err != nil || css != "a{color:red}" {
		t.Errorf("css %q %v", css, err)
	}
}

// TestLink: a linked file is the source's inode when both are on one file
// system, the build's bytes either way, and no later update writes through
// the link: the source keeps its bytes when the path is rewritten in
// place (Reuse) or linked to another source.
func TestLink(t *testing.T) {
	base := t.TempDir()
	src := filepath.Join(base, "cache-a")
	other := filepath.Join(base, "cache-b")
	if err := os.WriteFile(src, []byte("variant A"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(other, []byte("variant B!"), 0o644); err != nil {
		t.Fatal(err)
	}
	sumA, sumB := sha256.Sum256([]byte("variant A")), sha256.Sum256([]byte("variant B!"))
	dest := filepath.Join(base, "public")
	d, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Link("img/a.webp", src, 9, sumA); err != nil {
		t.Fatal(err)
	}
	if err := d.Link("img/a.webp", src, 9, sumA); err == nil {
		t.Error("linking one path twice was accepted")
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dest, "img", "a.webp")
	if b, err := os.ReadFile(out); err != nil || string(b) != "variant A" {
		t.Fatalf("published %q, %v", b, err)
	}
	fo, err1 := os.Stat(out)
	fsrc, err2 := os.Stat(src)
	if err1 != nil || err2 != nil || !os.SameFile(fo, fsrc) {
		t.Errorf("img/a.webp is not a hard link to its source (%v %v)", err1, err2)
	}
	if fo.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", fo.Mode().Perm())
	}

	// In-place updates: the same sum keeps the file; another content is
	// written beside it and renamed, never through the link.
	prev := map[string][32]byte{"img/a.webp": sumA, "img/b.webp": sumA}
	if err := os.Link(src, filepath.Join(dest, "img", "b.webp")); err != nil {
		t.Fatal(err)
	}
	d, err = Reuse(dest, prev)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Link("img/a.webp", src, 9, sumA); err != nil {
		t.Fatal(err)
	}
	if err := d.Write("img/b.webp", []byte("rewritten")); err != nil {
		t.Fatal(err)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if n, _ := d.Files(); n != 1 {
		t.Errorf("in-place update wrote %d files, want 1 (a.webp unchanged)", n)
	}
	if b, _ := os.ReadFile(src); string(b) != "variant A" {
		t.Errorf("writing img/b.webp in place changed the linked source: %q", b)
	}
	d, err = Reuse(dest, d.Hashes())
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Link("img/a.webp", other, 10, sumB); err != nil {
		t.Fatal(err)
	}
	d.Keep("img/b.webp")
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(out); string(b) != "variant B!" {
		t.Errorf("img/a.webp is %q after linking another source", b)
	}
	if b, _ := os.ReadFile(src); string(b) != "variant A" {
		t.Errorf("relinking img/a.webp changed its old source: %q", b)
	}
}
