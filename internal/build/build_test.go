package build

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/want from the current output")

// ict is the site time zone of the tests.
var ict = time.FixedZone("ICT", 7*3600)

// now is the clock of every test build: after all test content but the
// future-dated page.
var now = time.Date(2026, 1, 15, 12, 0, 0, 0, ict)

// repoRoot is the repository root: the real site.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "site.toml")); err != nil {
		t.Fatalf("repository root: %v", err)
	}
	return root
}

// copyDir copies the folder src into dst.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// goldenSite copies testdata/golden/site and the repository's default
// theme into a temporary folder (builds write caches into the site).
func goldenSite(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	copyDir(t, filepath.Join("testdata", "golden", "site"), dir)
	copyDir(t, filepath.Join(repoRoot(t), "themes", "default"), filepath.Join(dir, "themes", "default"))
	return dir
}

// realSite copies the repository's site (the real content, data, static
// files and theme) into a temporary folder: a production build updates
// the site's URL ledger (data/published-urls.txt), and tests must not
// write into the repository.
func realSite(t *testing.T) string {
	t.Helper()
	root := repoRoot(t)
	dir := filepath.Join(t.TempDir(), "site")
	for _, name := range []string{"site.toml", "content", "data", "static", "themes", "layouts", "assets", "i18n", "archetypes"} {
		src := filepath.Join(root, name)
		fi, err := os.Stat(src)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if !fi.IsDir() {
			data, err := os.ReadFile(src)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		copyDir(t, src, filepath.Join(dir, name))
	}
	return dir
}

// readTree returns every file under dir by slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = data
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func build(t *testing.T, o Options) *Result {
	t.Helper()
	if o.Now.IsZero() {
		o.Now = now
	}
	res, err := Build(context.Background(), o)
	if err != nil {
		var msg bytes.Buffer
		if res != nil {
			res.Diags.WriteText(&msg)
		}
		t.Fatalf("build %s: %v\n%s", o.Source, err, msg.String())
	}
	for _, d := range res.Diags {
		if d.Severity == 0 {
			t.Errorf("error in a successful build: %s", d)
		}
	}
	return res
}

// fingerprint matches content hashes in file names: assets
// (style.a41ba6f8.css), search index files (b0.624601196b.txt), image
// variants (keng-8b395763-64.jpg).
var fingerprint = regexp.MustCompile(`\.[0-9a-f]{8,12}\.(css|js|json|txt)\b|-[0-9a-f]{8}-([0-9]+)\.(jpg|webp|png)\b`)

func normalizeName(s string) string {
	return fingerprint.ReplaceAllStringFunc(s, func(m string) string {
		sm := fingerprint.FindStringSubmatch(m)
		if sm[1] != "" {
			return ".HASH." + sm[1]
		}
		return "-HASH-" + sm[2] + "." + sm[3]
	})
}

// goldenContent reports whether a file's content is compared, not just its
// presence: pages, feeds and the plain text files the build itself makes.
// Assets, the search index, images, QR codes and statistics exports have
// their own packages' tests.
func goldenContent(name string) bool {
	switch {
	case strings.HasPrefix(name, "assets/"), strings.HasPrefix(name, "tim-kiem/_i/"), strings.HasPrefix(name, "thong-ke/du-lieu"):
		return false
	case strings.HasSuffix(name, ".html"), strings.HasSuffix(name, ".xml"), name == "robots.txt", name == "_redirects":
		return true
	}
	return false
}

// chart matches the SVG charts of internal/stats, which its own tests
// check; the golden files keep only their class.
var chart = regexp.MustCompile(`(?s)<svg class="(chart[^"]*)"[^>]*>.*?</svg>`)

// readable puts one tag per line (in the compared form only), so golden
// diffs are reviewable.
func readable(data []byte) []byte {
	s := normalizeName(string(data))
	s = chart.ReplaceAllString(s, `<svg class="$1">…</svg>`)
	s = strings.ReplaceAll(s, "><", ">\n<")
	if !strings.HasSuffix(s, "\n") {
		s += "\n"
	}
	return []byte(s)
}

// TestGolden builds testdata/golden/site and compares the output with
// testdata/golden/want (run with -update to rewrite it, then review the
// diff). want/FILES.txt lists every output file; the content of pages,
// feeds, sitemap, robots.txt and _redirects is compared.
func TestGolden(t *testing.T) {
	site := goldenSite(t)
	out := filepath.Join(t.TempDir(), "public")
	build(t, Options{Source: site, Dest: out})
	got := readTree(t, out)

	var files []string
	gotContent := map[string][]byte{}
	for name, data := range got {
		n := normalizeName(name)
		files = append(files, n)
		if goldenContent(name) {
			gotContent[n] = readable(data)
		}
	}
	slices.Sort(files)
	if dup := slices.Compact(slices.Clone(files)); len(dup) != len(files) {
		t.Fatalf("two output files normalize to one name: %q", files)
	}
	gotContent["FILES.txt"] = []byte(strings.Join(files, "\n") + "\n")

	wantDir := filepath.Join("testdata", "golden", "want")
	if *update {
		if err := os.RemoveAll(wantDir); err != nil {
			t.Fatal(err)
		}
		for name, data := range gotContent {
			p := filepath.Join(wantDir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		t.Logf("rewrote %s (%d files)", wantDir, len(gotContent))
		return
	}
	want := readTree(t, wantDir)
	for name, w := range want {
		g, ok := gotContent[name]
		if !ok {
			t.Errorf("%s: in the golden output, not built", name)
			continue
		}
		if !bytes.Equal(g, w) {
			t.Errorf("%s differs from the golden file (go test ./internal/build -run TestGolden -update, then review the diff):\n%s", name, firstDiff(w, g))
		}
	}
	for name := range gotContent {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: built, not in the golden output", name)
		}
	}
}

// firstDiff shows the first differing line.
func firstDiff(want, got []byte) string {
	wl, gl := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\n want " + w + "\n  got " + g
		}
	}
	return ""
}

// TestGoldenFacts checks, independently of the golden files, what the
// golden site must show: the contract's URLs, formats and orders.
func TestGoldenFacts(t *testing.T) {
	site := goldenSite(t)
	out := filepath.Join(t.TempDir(), "public")
	res := build(t, Options{Source: site, Dest: out})
	files := readTree(t, out)
	page := func(p string) string {
		t.Helper()
		data, ok := files[p]
		if !ok {
			t.Fatalf("%s not built", p)
		}
		return string(data)
	}
	has := func(p string, subs ...string) {
		t.Helper()
		s := page(p)
		for _, sub := range subs {
			if !strings.Contains(s, sub) {
				t.Errorf("%s lacks %s", p, sub)
			}
		}
	}
	lacks := func(p string, subs ...string) {
		t.Helper()
		s := page(p)
		for _, sub := range subs {
			if strings.Contains(s, sub) {
				t.Errorf("%s has %s", p, sub)
			}
		}
	}
	inOrder := func(p string, subs ...string) {
		t.Helper()
		s := page(p)
		last := -1
		for _, sub := range subs {
			i := strings.Index(s, sub)
			if i < 0 {
				t.Errorf("%s lacks %s", p, sub)
				return
			}
			if i < last {
				t.Errorf("%s: %s is out of order in %q", p, sub, subs)
			}
			last = i
		}
	}

	// Every page of the contract.
	for _, p := range []string{
		"index.html", "404.html", "sitemap.xml", "robots.txt", "index.xml", "_redirects",
		"mo-hinh/index.html", "mo-hinh/page/2/index.html", "mo-hinh/index.xml",
		"mo-hinh/camera-an-ninh-yen-hoa/index.html", "mo-hinh/tieng-keng-an-ninh-buon-ea/index.html",
		"mo-hinh/zalo-an-ninh-ben-nghe/index.html", "mo-hinh/dong-ho-tu-quan-hoang-mai/index.html",
		"dien-hinh/index.html", "dien-hinh/ong-nguyen-van-an/index.html", "dien-hinh/index.xml",
		"tin-tuc/index.html", "tin-tuc/ngay-hoi/index.html", "tin-tuc/index.xml",
		"gioi-thieu/index.html", "tim-kiem/index.html",
		"tinh-thanh/index.html", "tinh-thanh/ha-noi/index.html", "tinh-thanh/ha-noi/page/2/index.html",
		"tinh-thanh/dak-lak/index.html", "tinh-thanh/ho-chi-minh/index.html",
		"linh-vuc/index.html", "linh-vuc/phong-chong-toi-pham/index.html", "linh-vuc/hoa-giai-mau-thuan/index.html",
		"loai-mo-hinh/index.html", "loai-mo-hinh/camera-an-ninh/index.html", "loai-mo-hinh/dong-ho-tu-quan/index.html",
		"favicon.svg",
	} {
		if _, ok := files[p]; !ok {
			t.Errorf("%s not built", p)
		}
	}
	// Every province and field of the vocabularies has its page, even
	// without stories (the statistics map links them all).
	for _, p := range []string{"tinh-thanh/hue/index.html", "tinh-thanh/an-giang/index.html", "linh-vuc/an-ninh-ton-giao/index.html"} {
		if _, ok := files[p]; !ok {
			t.Errorf("%s not built", p)
		}
	}
	// Drafts, future pages and pages past the last are not published.
	for _, p := range []string{"tin-tuc/ban-nhap/index.html", "tin-tuc/tuong-lai/index.html", "mo-hinh/page/3/index.html", "tinh-thanh/ha-noi/page/3/index.html"} {
		if _, ok := files[p]; ok {
			t.Errorf("%s must not be built", p)
		}
	}
	for name, data := range files {
		if bytes.Contains(data, []byte("Bản nháp")) || bytes.Contains(data, []byte("Bài hẹn giờ")) {
			t.Errorf("%s shows a draft or future page", name)
		}
	}
	if res.Pages < 30 {
		t.Errorf("Result.Pages = %d", res.Pages)
	}

	// Dates dd/mm/yyyy in the site zone, numbers with dot thousands.
	cam := "mo-hinh/camera-an-ninh-yen-hoa/index.html"
	has(cam, `<time datetime="2025-11-18T00:00:00&#43;07:00">18/11/2025</time>`, `<time datetime="2025-12-01T09:00:00&#43;07:00">01/12/2025</time>`,
		"<dd>124.000</dd>", "<dd>2.500</dd>", "<strong>1.234.567</strong>", "<dd>2021</dd>")
	lacks(cam, "124000", "1234567", "2025-11-18<")
	has("mo-hinh/zalo-an-ninh-ben-nghe/index.html", ">01/01/2025</time>", "<dd>999</dd>")
	has("mo-hinh/tieng-keng-an-ninh-buon-ea/index.html", ">05/03/2025</time>")

	// Markdown: heading ids, raw HTML as text, unsafe links dropped,
	// links to content files resolved, with anchors.
	has(cam, `<h2 id="bai-hoc-kinh-nghiem">`, `<h2 id="bai-hoc-kinh-nghiem-1">`, "&lt;script>alert(1)&lt;/script>",
		`<a href="/dien-hinh/ong-nguyen-van-an/">điển hình</a>`, `<a href="/mo-hinh/tieng-keng-an-ninh-buon-ea/#cach-lam">`, "Một liên kết xấu và")
	lacks(cam, "<script>alert", "javascript:", ".md\"")
	has("gioi-thieu/index.html", `href="/mo-hinh/camera-an-ninh-yen-hoa/#bai-hoc-kinh-nghiem-1"`)
	has("mo-hinh/tieng-keng-an-ninh-buon-ea/index.html", `<h2 id="cach-lam">`, `alt="Chiếc kẻng treo trước nhà rông"`, "<figcaption>Kẻng ở buôn Ea, tháng 3/2025</figcaption>")

	// Every page: one h1, lang="vi", canonical absolute URL.
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") || strings.HasSuffix(name, "/in/index.html") {
			continue
		}
		s := string(data)
		if strings.Count(s, "<h1") != 1 || !strings.Contains(s, `<html lang="vi">`) {
			t.Errorf("%s: %d h1, lang vi %v", name, strings.Count(s, "<h1"), strings.Contains(s, `<html lang="vi">`))
		}
		if name != "404.html" && !strings.Contains(s, `<link rel="canonical" href="https://vi-du.lantoa.vn/`) {
			t.Errorf("%s: no absolute canonical URL", name)
		}
	}

	// Vietnamese collation of terms: Đắk Lắk before Hà Nội before Thành
	// phố Hồ Chí Minh; Đồng hồ tự quản after Camera, before Tiếng kẻng and
	// Zalo (byte order would put Đ last).
	inOrder("tinh-thanh/index.html", ">Đắk Lắk<", ">Hà Nội<", ">Thành phố Hồ Chí Minh<")
	inOrder("loai-mo-hinh/index.html", ">Camera an ninh<", ">Đồng hồ tự quản<", ">Tiếng kẻng an ninh<", ">Zalo an ninh<")
	inOrder("linh-vuc/index.html", ">Hòa giải mâu thuẫn<", ">Phòng, chống tội phạm<", ">Trật tự, an toàn giao thông<")
	has("tinh-thanh/index.html", "2 mô hình · 1 điển hình")

	// Lists newest first, paginated by 2: the home page of the section
	// has the two newest models, page 2 the rest.
	inOrder("mo-hinh/index.html", "/mo-hinh/camera-an-ninh-yen-hoa/", "/mo-hinh/dong-ho-tu-quan-hoang-mai/")
	lacks("mo-hinh/index.html", `href="/mo-hinh/tieng-keng-an-ninh-buon-ea/"`)
	inOrder("mo-hinh/page/2/index.html", "/mo-hinh/tieng-keng-an-ninh-buon-ea/", "/mo-hinh/zalo-an-ninh-ben-nghe/")
	has("mo-hinh/page/2/index.html", `href="/mo-hinh/"`)
	inOrder("tinh-thanh/ha-noi/index.html", "/mo-hinh/camera-an-ninh-yen-hoa/", "/dien-hinh/ong-nguyen-van-an/")
	has("tinh-thanh/ha-noi/page/2/index.html", "/mo-hinh/dong-ho-tu-quan-hoang-mai/")

	// Exemplar and model link each other; related models follow the rules.
	has("dien-hinh/ong-nguyen-van-an/index.html", `href="/mo-hinh/camera-an-ninh-yen-hoa/"`, "Bằng khen của Bộ trưởng Bộ Công an")
	has(cam, `href="/dien-hinh/ong-nguyen-van-an/"`)

	// Sitemap: absolute URLs, lastmod from content; no draft.
	has("sitemap.xml", "<loc>https://vi-du.lantoa.vn/</loc>", "<loc>https://vi-du.lantoa.vn/mo-hinh/camera-an-ninh-yen-hoa/</loc><lastmod>2025-12-01T09:00:00+07:00</lastmod>",
		"<loc>https://vi-du.lantoa.vn/tinh-thanh/ha-noi/</loc>")
	lacks("sitemap.xml", "ban-nhap", "tuong-lai", "<loc>/")
	has("robots.txt", "Sitemap: https://vi-du.lantoa.vn/sitemap.xml")
	// RSS: newest first.
	inOrder("index.xml", "<title>Camera an ninh phường Yên Hòa</title>", "<title>Ông Nguyễn Văn An, tổ trưởng tổ dân phố</title>", "<title>Ngày hội Toàn dân bảo vệ an ninh Tổ quốc</title>", "<title>Đồng hồ tự quản phường Hoàng Mai</title>")
	lacks("dien-hinh/index.xml", "<title>Camera an ninh")
	// Redirects for aliases.
	has("_redirects", "/mo-hinh/camera-yen-hoa/ /mo-hinh/camera-an-ninh-yen-hoa/ 301\n", "/ve-chung-toi/ /gioi-thieu/ 301\n")
}

// TestDeterminism builds the real site twice: the trees must be identical
// byte for byte.
func TestDeterminism(t *testing.T) {
	root := realSite(t)
	a := filepath.Join(t.TempDir(), "out")
	b := filepath.Join(t.TempDir(), "out")
	// The real site is checked against its URL ledger and its dates are
	// recent: build it as of today, the same instant for both builds.
	at := time.Now().Truncate(time.Hour)
	build(t, Options{Source: root, Dest: a, Now: at})
	build(t, Options{Source: root, Dest: b, Now: at})
	ta, tb := readTree(t, a), readTree(t, b)
	if len(ta) < 100 {
		t.Errorf("only %d files in the real site", len(ta))
	}
	for name, da := range ta {
		db, ok := tb[name]
		if !ok {
			t.Errorf("%s only in the first build", name)
			continue
		}
		if !bytes.Equal(da, db) {
			t.Errorf("%s differs between two builds:\n%s", name, firstDiff(readable(da), readable(db)))
		}
	}
	for name := range tb {
		if _, ok := ta[name]; !ok {
			t.Errorf("%s only in the second build", name)
		}
	}
}

// TestFailedBuildKeepsOutput: a site error leaves the previous output as
// it was, and no temporary folder behind.
func TestFailedBuildKeepsOutput(t *testing.T) {
	site := goldenSite(t)
	out := filepath.Join(t.TempDir(), "public")
	build(t, Options{Source: site, Dest: out})
	sentinel := filepath.Join(out, "sentinel.txt")
	if err := os.WriteFile(sentinel, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(site, "content", "tin-tuc", "ngay-hoi.md")
	if err := os.WriteFile(bad, []byte("---\ntitle: T\nsummary: S\ndate: 2025-01-01\nprovince: Huế\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Build(context.Background(), Options{Source: site, Dest: out, Now: now})
	if !errors.Is(err, ErrFailed) || res == nil || !res.Diags.HasErrors() {
		t.Fatalf("want ErrFailed, got %v", err)
	}
	if d := res.Diags[0]; d.File != "content/tin-tuc/ngay-hoi.md" || d.Line != 5 || d.Code != "unknown-key" {
		t.Errorf("diagnostic %s", d)
	}
	if _, err := os.Stat(sentinel); err != nil {
		t.Errorf("sentinel gone: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, "tin-tuc", "ngay-hoi", "index.html")); err != nil {
		t.Errorf("old page gone: %v", err)
	}
	es, _ := os.ReadDir(filepath.Dir(out))
	if len(es) != 1 {
		var names []string
		for _, e := range es {
			names = append(names, e.Name())
		}
		t.Errorf("leftovers beside the output: %q", names)
	}
	// Destinations that would destroy the source are refused before
	// anything is read.
	for _, dest := range []string{site, filepath.Join(site, "content"), filepath.Dir(site)} {
		if _, err := Build(context.Background(), Options{Source: site, Dest: dest, Now: now}); err == nil || errors.Is(err, ErrFailed) {
			t.Errorf("Dest %s: %v", dest, err)
		}
	}
	if _, err := os.Stat(filepath.Join(site, "content", "mo-hinh", "camera-an-ninh-yen-hoa.md")); err != nil {
		t.Errorf("source damaged: %v", err)
	}
}

// TestDraftsAndFuture: --drafts and --future publish those pages.
func TestDraftsAndFuture(t *testing.T) {
	site := goldenSite(t)
	out := filepath.Join(t.TempDir(), "public")
	build(t, Options{Source: site, Dest: out, Drafts: true, Future: true, BaseURL: "https://khac.vn"})
	files := readTree(t, out)
	for _, p := range []string{"tin-tuc/ban-nhap/index.html", "tin-tuc/tuong-lai/index.html"} {
		if _, ok := files[p]; !ok {
			t.Errorf("%s not built with Drafts and Future", p)
		}
	}
	if !bytes.Contains(files["sitemap.xml"], []byte("<loc>https://khac.vn/tin-tuc/ban-nhap/</loc>")) {
		t.Errorf("BaseURL override not used in the sitemap")
	}
	if _, err := Build(context.Background(), Options{Source: site, Dest: out, BaseURL: "khac.vn", Now: now}); err == nil {
		t.Error("a relative --baseURL must fail")
	}
}

// TestReservedURLs: a content page or an alias on a URL the build makes
// itself (search, taxonomies, 404, statistics) is a site error naming the
// content file, like two pages on one URL.
func TestReservedURLs(t *testing.T) {
	for _, tc := range []struct {
		file, src string
		code      string
	}{
		{"content/tim-kiem.md", "---\ntitle: Tìm\n---\nx\n", "duplicate-url"},
		{"content/linh-vuc/_index.md", "---\ntitle: Lĩnh vực\n---\nx\n", "duplicate-url"},
		{"content/tinh.md", "---\ntitle: Tỉnh\naliases: [\"/tinh-thanh/\"]\n---\nx\n", "alias"},
	} {
		site := goldenSite(t)
		p := filepath.Join(site, filepath.FromSlash(tc.file))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(tc.src), 0o644); err != nil {
			t.Fatal(err)
		}
		res, err := Build(context.Background(), Options{Source: site, Dest: filepath.Join(t.TempDir(), "public"), Now: now})
		if !errors.Is(err, ErrFailed) {
			t.Errorf("%s: err %v, want ErrFailed", tc.file, err)
			continue
		}
		found := false
		for _, d := range res.Diags {
			found = found || d.File == tc.file && d.Code == tc.code
		}
		if !found {
			t.Errorf("%s: no %s diagnostic naming the file: %v", tc.file, tc.code, res.Diags)
		}
	}
}
