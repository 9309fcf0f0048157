package sitetest

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"image"
	"image/color"
	_ "image/jpeg" // share images may be JPEG
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/lantoa/lantoa/internal/build"
	"github.com/lantoa/lantoa/internal/diag"
	"golang.org/x/net/html/atom"
)

// storyPath matches the URL path of a story (not of a list page).
var storyPath = regexp.MustCompile(`^/(mo-hinh|dien-hinh|tin-tuc)/([a-z0-9]+(?:-[a-z0-9]+)*)/$`)

// isShared reports whether a page is meant to be shared and indexed: not
// the 404 page, not a noindex page (the print posters).
func isShared(pg *page) bool {
	if pg.file == "404.html" {
		return false
	}
	for _, r := range metas(pg.doc, "robots") {
		if strings.Contains(r, "noindex") {
			return false
		}
	}
	return true
}

// jsonLD returns the JSON-LD objects of a page.
func jsonLD(t testing.TB, pg *page) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, sc := range elements(pg.doc, byAtom(atom.Script)) {
		if typ, _ := attr(sc, "type"); typ != "application/ld+json" {
			continue
		}
		var obj map[string]any
		if err := json.Unmarshal([]byte(rawText(sc)), &obj); err != nil {
			t.Errorf("%s: JSON-LD: %v", pg.path, err)
			continue
		}
		out = append(out, obj)
	}
	return out
}

// TestOpenGraph checks what share previews and search engines read on
// every story and list page: canonical URL, Open Graph, Twitter card,
// article times and JSON-LD.
func TestOpenGraph(t *testing.T) {
	s := realSite(t)
	stories := map[string]story{}
	for _, st := range readStories(t, s.src) {
		stories[st.path()] = st
	}
	var noImage []string // see the skip at the end
	images := map[string]string{}
	nStories := 0
	for _, pg := range s.sortedPages() {
		if !isShared(pg) {
			continue
		}
		isStory := storyPath.MatchString(pg.path)
		want := s.absURL(pg.path)
		canon := links(pg.doc, "canonical")
		if len(canon) != 1 || canon[0] != want {
			t.Errorf("%s: canonical %q, want %q", pg.path, canon, want)
		}
		if !strings.HasPrefix(want, "https://") {
			t.Errorf("%s: canonical %q is not https", pg.path, want)
		}
		if got := meta(t, pg, "og:url"); got != want {
			t.Errorf("%s: og:url %q, want the canonical %q", pg.path, got, want)
		}
		title := meta(t, pg, "og:title")
		if title == "" {
			t.Errorf("%s: empty og:title", pg.path)
		}
		if d := meta(t, pg, "og:description"); d == "" {
			t.Errorf("%s: empty og:description", pg.path)
		} else if md := metas(pg.doc, "description"); len(md) != 1 || md[0] != d {
			t.Errorf("%s: og:description %q differs from the meta description %q", pg.path, d, md)
		}
		wantType := "website"
		if isStory {
			wantType = "article"
		}
		if got := meta(t, pg, "og:type"); got != wantType {
			t.Errorf("%s: og:type %q, want %q", pg.path, got, wantType)
		}
		if got := meta(t, pg, "og:site_name"); got != s.cfg.Title {
			t.Errorf("%s: og:site_name %q, want %q", pg.path, got, s.cfg.Title)
		}
		if got := meta(t, pg, "og:locale"); got != "vi_VN" {
			t.Errorf("%s: og:locale %q, want vi_VN", pg.path, got)
		}
		if ogi := metas(pg.doc, "og:image"); len(ogi) == 0 && strings.Contains(pg.path, "/page/") {
			noImage = append(noImage, pg.path)
		} else {
			img := meta(t, pg, "og:image")
			if p, ok := s.sitePath(img); !ok || !strings.HasPrefix(img, "https://") {
				t.Errorf("%s: og:image %q is not an absolute https URL of the site", pg.path, img)
			} else {
				images[p] = pg.path
			}
			if w, h := meta(t, pg, "og:image:width"), meta(t, pg, "og:image:height"); w != "1200" || h != "630" {
				t.Errorf("%s: og:image %s×%s, want 1200×630", pg.path, w, h)
			}
			if alt := meta(t, pg, "og:image:alt"); strings.TrimSpace(alt) == "" {
				t.Errorf("%s: empty og:image:alt", pg.path)
			}
			if got := meta(t, pg, "twitter:card"); got != "summary_large_image" {
				t.Errorf("%s: twitter:card %q, want summary_large_image", pg.path, got)
			}
		}
		lds := jsonLD(t, pg)
		checkBreadcrumbs(t, s, pg, lds)
		if !isStory {
			continue
		}
		nStories++
		st, ok := stories[pg.path]
		if !ok {
			t.Errorf("%s: a story page without a published content file", pg.path)
			continue
		}
		checkArticle(t, s, pg, st, lds, title)
	}
	if nStories != len(stories) {
		t.Errorf("%d story pages checked, but the content has %d published stories", nStories, len(stories))
	}
	checkShareImages(t, s, images)
	if len(noImage) > 0 {
		t.Errorf("(internal/build/extra.go cardFor: `if v.Pager.Number > 1 { return c, \"\" }` for sections and terms): the pages after the first of a paginated list have no og:image, og:image:width, og:image:height, og:image:alt nor twitter:card, so they share without a picture; they could use their list's first page image: %q", noImage)
	}
}

// checkArticle checks the times and the Article JSON-LD of a story.
func checkArticle(t *testing.T, s *builtSite, pg *page, st story, lds []map[string]any, ogTitle string) {
	t.Helper()
	pub := meta(t, pg, "article:published_time")
	mod := meta(t, pg, "article:modified_time")
	var pubT, modT time.Time
	for _, v := range []struct {
		name, val string
		to        *time.Time
	}{{"published", pub, &pubT}, {"modified", mod, &modT}} {
		tm, err := time.Parse(time.RFC3339, v.val)
		if err != nil || !strings.HasSuffix(v.val, "+07:00") {
			t.Errorf("%s: article:%s_time %q, want RFC 3339 in +07:00 (%v)", pg.path, v.name, v.val, err)
		}
		*v.to = tm
	}
	if modT.Before(pubT) {
		t.Errorf("%s: modified %s before published %s", pg.path, mod, pub)
	}
	if d, err := st.fm.date(); err != nil || !d.Equal(pubT) {
		t.Errorf("%s: article:published_time %s, but %s has date %q", pg.path, pub, st.File, st.fm.Date)
	}
	wantType := "Article"
	if st.Section == "tin-tuc" {
		wantType = "NewsArticle"
	}
	var art map[string]any
	for _, ld := range lds {
		if ld["@type"] == wantType {
			if art != nil {
				t.Errorf("%s: two JSON-LD %s", pg.path, wantType)
			}
			art = ld
		}
	}
	if art == nil {
		t.Errorf("%s: no JSON-LD %s among %d objects", pg.path, wantType, len(lds))
		return
	}
	if art["@context"] != "https://schema.org" {
		t.Errorf("%s: JSON-LD @context %v", pg.path, art["@context"])
	}
	if h, _ := art["headline"].(string); h == "" || h != ogTitle || h != st.fm.Title {
		t.Errorf("%s: headline %q, want the title %q", pg.path, art["headline"], st.fm.Title)
	}
	var imgs []string
	switch v := art["image"].(type) {
	case string:
		imgs = []string{v}
	case []any:
		for _, x := range v {
			if s, ok := x.(string); ok {
				imgs = append(imgs, s)
			}
		}
	}
	if og := metas(pg.doc, "og:image"); len(og) != 1 || !slices.Contains(imgs, og[0]) {
		t.Errorf("%s: JSON-LD image %v does not hold og:image %q", pg.path, art["image"], og)
	}
	if art["datePublished"] != pub {
		t.Errorf("%s: datePublished %v, want %s", pg.path, art["datePublished"], pub)
	}
	if dm, ok := art["dateModified"]; ok && dm != mod {
		t.Errorf("%s: dateModified %v, want %s", pg.path, dm, mod)
	}
	pubr, _ := art["publisher"].(map[string]any)
	if pubr == nil || pubr["name"] != s.cfg.Title || (pubr["@type"] != "Organization" && pubr["@type"] != "GovernmentOrganization") {
		t.Errorf("%s: publisher %v, want an Organization named %q", pg.path, art["publisher"], s.cfg.Title)
	}
	if m, ok := art["mainEntityOfPage"]; ok && m != s.absURL(pg.path) {
		t.Errorf("%s: mainEntityOfPage %v, want the canonical URL", pg.path, m)
	}
}

// checkBreadcrumbs checks the BreadcrumbList of a page: required on
// stories; positions 1…n, from the home page to the page itself (or to
// its list, for page N of a list), each a built page.
func checkBreadcrumbs(t *testing.T, s *builtSite, pg *page, lds []map[string]any) {
	t.Helper()
	var bc map[string]any
	for _, ld := range lds {
		if ld["@type"] == "BreadcrumbList" {
			bc = ld
		}
	}
	if bc == nil {
		if storyPath.MatchString(pg.path) {
			t.Errorf("%s: no JSON-LD BreadcrumbList", pg.path)
		}
		return
	}
	items, _ := bc["itemListElement"].([]any)
	if len(items) < 2 {
		t.Errorf("%s: BreadcrumbList of %d items", pg.path, len(items))
		return
	}
	for i, it := range items {
		m, _ := it.(map[string]any)
		pos, _ := m["position"].(float64)
		u, _ := m["item"].(string)
		name, _ := m["name"].(string)
		if int(pos) != i+1 || name == "" || m["@type"] != "ListItem" {
			t.Errorf("%s: breadcrumb %d = %v", pg.path, i+1, it)
		}
		p, ok := s.sitePath(u)
		if !ok {
			t.Errorf("%s: breadcrumb %d: %q is not an absolute URL of the site", pg.path, i+1, u)
			continue
		}
		if _, ok := s.fileOf(p); !ok {
			t.Errorf("%s: breadcrumb %d: %s is not in the output", pg.path, i+1, p)
		}
		switch i {
		case 0:
			if p != "/" {
				t.Errorf("%s: breadcrumbs start at %s, want /", pg.path, p)
			}
		case len(items) - 1:
			// Page N of a list is crumbed as its list.
			list, _, _ := strings.Cut(pg.path, "page/")
			if p != pg.path && p != list {
				t.Errorf("%s: breadcrumbs end at %s, want the page itself", pg.path, p)
			}
		}
	}
}

// checkShareImages checks that each share image (site path → a page
// naming it) exists, decodes as PNG or JPEG, is 1200×630 and weighs at
// most 150 KB.
func checkShareImages(t *testing.T, s *builtSite, images map[string]string) {
	t.Helper()
	const maxBytes = 150 * 1024
	if len(images) < 40 {
		t.Errorf("only %d distinct share images", len(images))
	}
	biggest := 0
	for p, from := range images {
		file, ok := s.fileOf(p)
		if !ok {
			t.Errorf("%s: og:image %s is not in the output", from, p)
			continue
		}
		data := s.read(t, file)
		cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
		if err != nil {
			t.Errorf("%s: og:image %s does not decode: %v", from, p, err)
			continue
		}
		if cfg.Width != 1200 || cfg.Height != 630 {
			t.Errorf("%s: og:image %s is %d×%d %s, want 1200×630", from, p, cfg.Width, cfg.Height, format)
		}
		if len(data) > maxBytes {
			t.Errorf("%s: og:image %s weighs %d bytes, more than %d", from, p, len(data), maxBytes)
		}
		biggest = max(biggest, len(data))
	}
	t.Logf("%d share images, the largest %.1f KB", len(images), float64(biggest)/1024)
}

// qrRun is one dark run of a QR code's SVG path: "M{x} {y}h{w}v1h-{w}z".
var qrRun = regexp.MustCompile(`M(\d+) (\d+)h(\d+)v1h-(\d+)z`)

// rasterizeQR draws the QR code SVG that internal/share writes (a viewBox
// in modules, a white rect, one black path of horizontal runs) at scale
// pixels per module.
func rasterizeQR(svg []byte, scale int) (img *image.Gray, title string, err error) {
	var doc struct {
		ViewBox string `xml:"viewBox,attr"`
		Title   string `xml:"title"`
		Paths   []struct {
			Fill string `xml:"fill,attr"`
			D    string `xml:"d,attr"`
		} `xml:"path"`
	}
	if err := xml.Unmarshal(svg, &doc); err != nil {
		return nil, "", err
	}
	var x0, y0, w, h int
	if _, err := fmt.Sscanf(doc.ViewBox, "%d %d %d %d", &x0, &y0, &w, &h); err != nil || x0 != 0 || y0 != 0 || w != h || w < 21 {
		return nil, "", fmt.Errorf("viewBox %q: want 0 0 N N (modules)", doc.ViewBox)
	}
	if len(doc.Paths) != 1 || doc.Paths[0].Fill != "#000" {
		return nil, "", fmt.Errorf("%d paths, want one black path", len(doc.Paths))
	}
	d := doc.Paths[0].D
	img = image.NewGray(image.Rect(0, 0, w*scale, h*scale))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	consumed := 0
	for _, m := range qrRun.FindAllStringSubmatchIndex(d, -1) {
		if m[0] != consumed {
			return nil, "", fmt.Errorf("path: unexpected %.20q at %d", d[consumed:m[0]], consumed)
		}
		consumed = m[1]
		n := func(k int) int { v, _ := strconv.Atoi(d[m[2*k]:m[2*k+1]]); return v }
		x, y, rw, back := n(1), n(2), n(3), n(4)
		if rw != back || x+rw > w || y >= h {
			return nil, "", fmt.Errorf("path: run %q outside the code", d[m[0]:m[1]])
		}
		for py := y * scale; py < (y+1)*scale; py++ {
			for px := x * scale; px < (x+rw)*scale; px++ {
				img.SetGray(px, py, color.Gray{})
			}
		}
	}
	if consumed != len(d) || consumed == 0 {
		return nil, "", fmt.Errorf("path: unexpected %.20q at %d", d[consumed:], consumed)
	}
	return img, doc.Title, nil
}

// zbarimg decodes the QR code in a PNG file with zbarimg.
func zbarimg(t *testing.T, file string) string {
	t.Helper()
	bin, err := exec.LookPath("zbarimg")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("no zbarimg: %v (run `make deps`)", err)
		}
		t.Skipf("no zbarimg: %v (run `make deps`)", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, bin, "--raw", "-q", "-Sdisable", "-Sqrcode.enable", file).Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			t.Errorf("zbarimg %s: %v\n%s", file, err, ee.Stderr)
			return ""
		}
		t.Fatal(err)
	}
	return strings.TrimRight(string(out), "\n")
}

// TestQRCodes decodes the QR codes of three stories (a model, an
// exemplar, a news item) back to their canonical URLs.
func TestQRCodes(t *testing.T) {
	s := realSite(t)
	var picked []story
	seen := map[string]bool{}
	for _, st := range readStories(t, s.src) {
		if !seen[st.Section] {
			seen[st.Section] = true
			picked = append(picked, st)
		}
	}
	if len(picked) != 3 {
		t.Fatalf("stories of %d sections, want 3", len(picked))
	}
	for _, st := range picked {
		want := s.absURL(st.path())
		img, title, err := rasterizeQR(s.read(t, st.path()+"qr.svg"), 8)
		if err != nil {
			t.Errorf("%sqr.svg: %v", st.path(), err)
			continue
		}
		if title != want {
			t.Errorf("%sqr.svg: <title> %q, want %q", st.path(), title, want)
		}
		file := filepath.Join(t.TempDir(), "qr.png")
		var b bytes.Buffer
		if err := png.Encode(&b, img); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		if got := zbarimg(t, file); got != want {
			t.Errorf("%sqr.svg decodes to %q, want %q", st.path(), got, want)
		}
	}
}

func TestRasterizeQR(t *testing.T) {
	good := `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 21 21"><title>u</title><rect width="21" height="21" fill="#fff"/><path fill="#000" d="M1 2h3v1h-3zM0 20h21v1h-21z"/></svg>`
	img, title, err := rasterizeQR([]byte(good), 2)
	if err != nil || title != "u" {
		t.Fatalf("rasterizeQR = %v, %q", err, title)
	}
	for _, tc := range []struct {
		x, y int
		dark bool
	}{{2, 4, true}, {7, 5, true}, {8, 4, false}, {0, 4, false}, {2, 6, false}, {0, 40, true}, {41, 41, true}, {41, 39, false}} {
		if got := img.GrayAt(tc.x, tc.y).Y == 0; got != tc.dark {
			t.Errorf("pixel (%d,%d) dark = %v, want %v", tc.x, tc.y, got, tc.dark)
		}
	}
	for _, bad := range []string{
		strings.Replace(good, "M1 2h3v1h-3z", "M1 2h3v1h-3zL4 4", 1),
		strings.Replace(good, "h-3z", "h-2z", 1),
		strings.Replace(good, "M0 20h21", "M1 20h21", 1),
		strings.Replace(good, `viewBox="0 0 21 21"`, `viewBox="0 0 21 22"`, 1),
		strings.Replace(good, `d="M1 2h3v1h-3zM0 20h21v1h-21z"`, `d=""`, 1),
	} {
		if _, _, err := rasterizeQR([]byte(bad), 2); err == nil {
			t.Errorf("rasterizeQR accepted %s", bad)
		}
	}
}

// TestLedger checks the URL ledger on a small copy of the site: renaming a
// published story without an alias fails the build, naming the old URL and
// the new one; adding the alias fixes it with a 301 redirect.
func TestLedger(t *testing.T) {
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(t.TempDir(), "site")
	for _, name := range []string{"site.toml", "themes", "static", "data/tinh-thanh.yaml", "data/linh-vuc.yaml",
		"content/_index.md", "content/mo-hinh/_index.md",
		"content/mo-hinh/camera-an-ninh-phuong-yen-hoa.md", "content/mo-hinh/tieng-keng-an-ninh-lang-plei-ring.md"} {
		if err := copyTree(filepath.Join(root, filepath.FromSlash(name)), filepath.Join(src, filepath.FromSlash(name))); err != nil {
			t.Fatal(err)
		}
	}
	const (
		oldURL = "/mo-hinh/camera-an-ninh-phuong-yen-hoa/"
		newURL = "/mo-hinh/camera-an-ninh-yen-hoa/"
	)
	oldFile := filepath.Join(src, "content", "mo-hinh", "camera-an-ninh-phuong-yen-hoa.md")
	newFile := filepath.Join(src, "content", "mo-hinh", "camera-an-ninh-yen-hoa.md")
	out := filepath.Join(t.TempDir(), "public")
	run := func() (*build.Result, error) {
		return build.Build(context.Background(), build.Options{Source: src, Dest: out, Now: now})
	}

	// The first build publishes the old URL and records it.
	if res, err := run(); err != nil {
		t.Fatalf("first build: %v\n%v", err, res.Diags)
	}
	ledger, err := os.ReadFile(filepath.Join(src, "data", "published-urls.txt"))
	if err != nil {
		t.Fatalf("the first build wrote no ledger: %v", err)
	}
	if !slices.Contains(strings.Split(string(ledger), "\n"), oldURL) {
		t.Fatalf("the ledger does not list %s:\n%s", oldURL, ledger)
	}

	// Renamed without an alias: the build fails and says how to fix it.
	if err := os.Rename(oldFile, newFile); err != nil {
		t.Fatal(err)
	}
	res, err := run()
	if !errors.Is(err, build.ErrFailed) {
		t.Fatalf("build after the rename: err %v, want build.ErrFailed", err)
	}
	var found []diag.Diagnostic
	for _, d := range res.Diags {
		if d.Code == "ledger" && d.Severity == diag.Error {
			found = append(found, d)
		}
	}
	if len(found) != 1 {
		t.Fatalf("%d ledger errors, want 1: %v", len(found), res.Diags)
	}
	d := found[0]
	if !strings.Contains(d.Msg, oldURL) || !strings.Contains(d.Msg, newURL) || d.Suggestion != newURL {
		t.Errorf("ledger error %v (suggestion %q): want it to name %s and suggest %s", d, d.Suggestion, oldURL, newURL)
	}
	if d.File != "data/published-urls.txt" || d.Line < 1 {
		t.Errorf("ledger error at %s:%d, want a line of data/published-urls.txt", d.File, d.Line)
	}
	if !strings.Contains(d.Msg, "aliases") {
		t.Errorf("ledger error %q does not say to add an alias", d.Msg)
	}

	// With the alias, the build succeeds and redirects the old URL.
	data, err := os.ReadFile(newFile)
	if err != nil {
		t.Fatal(err)
	}
	fixed, ok := bytes.CutPrefix(data, []byte("---\n"))
	if !ok {
		t.Fatalf("%s: no front matter", newFile)
	}
	fixed = append([]byte("---\naliases: [\""+oldURL+"\"]\n"), fixed...)
	if err := os.WriteFile(newFile, fixed, 0o644); err != nil {
		t.Fatal(err)
	}
	if res, err := run(); err != nil {
		t.Fatalf("build with the alias: %v\n%v", err, res.Diags)
	}
	redirects, err := os.ReadFile(filepath.Join(out, "_redirects"))
	if err != nil {
		t.Fatal(err)
	}
	var rule bool
	for line := range strings.SplitSeq(string(redirects), "\n") {
		if slices.Equal(strings.Fields(line), []string{oldURL, newURL, "301"}) {
			rule = true
		}
	}
	if !rule {
		t.Errorf("_redirects has no %q:\n%s", oldURL+" "+newURL+" 301", redirects)
	}
	if _, err := os.Stat(filepath.Join(out, "mo-hinh", "camera-an-ninh-yen-hoa", "index.html")); err != nil {
		t.Errorf("the renamed page is not built: %v", err)
	}
	ledger, err = os.ReadFile(filepath.Join(src, "data", "published-urls.txt"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(ledger), "\n")
	if !slices.Contains(lines, oldURL) || !slices.Contains(lines, newURL) {
		t.Errorf("the ledger lost the old URL or lacks the new one:\n%s", ledger)
	}
}
