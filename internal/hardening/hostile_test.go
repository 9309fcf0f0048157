package hardening

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // share images with a photo
	_ "image/png"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lantoa/lantoa/internal/build"
	"github.com/lantoa/lantoa/internal/diag"
	"github.com/lantoa/lantoa/internal/search"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"gopkg.in/yaml.v3"
)

// Attack strings. Each must come out as text, never as markup.
const (
	xssScript = `<script>alert(1)</script>`
	xssImg    = `"><img src=x onerror=alert(1)>`
	xssClose  = `</script><script>alert(2)</script><!--`
	bidi      = "\u202e" // RIGHT-TO-LEFT OVERRIDE
	zeroWidth = "\u200b" // ZERO WIDTH SPACE
)

// invisible are the characters front matter cleaning removes and which must
// never reach a title: bidi overrides and isolates, zero-width space, BOM.
const invisible = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u200e\u200f\ufeff"

// stripInvisible is the title an editor sees once invisible characters
// are removed, as content cleaning does.
func stripInvisible(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(invisible, r) {
			return -1
		}
		return r
	}, s)
}

var (
	modelTitle    = `Camera ` + bidi + `an ninh ` + xssScript + ` ` + xssImg + ` 'nháy' "kép"` + zeroWidth
	exemplarTitle = `Ông An ` + xssClose + ` & Co`
	newsTitle     = `Tin "><svg onload=alert(1)> ` + bidi + `ngược`
	pageTitle     = `</title><script>alert(1)</script> Giới thiệu`
	longWord      = strings.Repeat("dàiii", 1000) // 5,000 characters
)

// hostileBody is a Markdown body with every kind of injection.
const hostileBody = `
## Bối cảnh <script>alert(1)</script>

<script>alert(1)</script>

<img src=x onerror=alert(1)>

<iframe src="javascript:alert(1)"></iframe>

Đoạn có <b onmouseover="alert(1)">HTML</b> nội tuyến và "><img src=x onerror=alert(1)>.

[bấm](javascript:alert(1)) [dữ liệu](data:text/html;base64,PHNjcmlwdD4=) <javascript:alert(1)> [hoa](JaVaScRiPt:alert(1)) [tab](java	script:alert(1))

![ảnh "><img src=x onerror=alert(1)>](anh.png "chú thích </figcaption><script>alert(1)</script>")

` + "\u202eđảo ngược\u202c và zero\u200bwidth." + `

| a | b |
|---|---|
| <script>x</script> | "><img src=x onerror=alert(1)> |

Chú thích[^1].

[^1]: <script>alert(1)</script>

## Từ dài

`

func yamlPage(t *testing.T, fm map[string]any, body string) string {
	t.Helper()
	data, err := yaml.Marshal(fm)
	if err != nil {
		t.Fatal(err)
	}
	return "---\n" + string(data) + "---\n" + body
}

func jsonPage(t *testing.T, fm map[string]any, body string) string {
	t.Helper()
	data, err := json.MarshalIndent(fm, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(data) + "\n" + body
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f || strings.ContainsRune(invisible, r):
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// hostileSite is a valid site whose every free-text field is an attack.
func hostileSite(t *testing.T) string {
	site := newSite(t, nil)
	files := map[string]string{
		"content/_index.md": "---\ntitle: \"Trang chủ\"\n---\n\n" + xssImg + "\n",
		"content/mo-hinh/doc-hai/index.md": yamlPage(t, map[string]any{
			"title":     modelTitle,
			"summary":   "Tóm tắt <b>đậm</b> " + xssClose + " " + xssImg + " javascript:alert(1) " + bidi + "đảo",
			"date":      "2025-11-18",
			"province":  "Hà Nội",
			"locality":  `phường <i>Yên Hòa</i> "><svg onload=alert(1)>`,
			"kind":      "Camera <script>",
			"fields":    []string{"Phòng, chống tội phạm"},
			"tags":      []string{xssScript, xssImg, "javascript:alert(1)", longWord},
			"contact":   `Công an phường <a href="javascript:alert(1)">bấm</a> ` + bidi + `0912 345 678`,
			"results":   []map[string]any{{"label": xssScript, "value": xssImg}, {"label": "Số vụ", "value": 12}},
			"image":     "anh.png",
			"image_alt": xssImg + " ảnh" + zeroWidth,
			"aliases":   []string{"/mo-hinh/cu/"},
			"started":   2020,
			"members":   1200,
		}, hostileBody+longWord+"\n"),
		"content/dien-hinh/ong-an.md": "+++\n" +
			"title = " + tomlString(exemplarTitle) + "\n" +
			"summary = " + tomlString(xssImg+" tóm tắt") + "\n" +
			"date = 2025-10-01\n" +
			"province = \"Huế\"\n" +
			"recipient = \"ca-nhan\"\n" +
			"award = " + tomlString("Bằng khen "+xssScript+bidi) + "\n" +
			"models = [\"doc-hai\"]\n" +
			"+++\n\n## Việc làm\n\nXem [mô hình](../mo-hinh/doc-hai/index.md). " + xssScript + "\n",
		"content/tin-tuc/tin-doc.md": jsonPage(t, map[string]any{
			"title":   newsTitle,
			"summary": xssClose,
			"date":    "2025-08-19",
			"tags":    []string{"</script>"},
		}, "\n## Tin\n\n<a href=\"javascript:alert(1)\">x</a> [ok](https://example.com/?q=\"><script>)\n"),
		"content/gioi-thieu.md": yamlPage(t, map[string]any{"title": pageTitle}, "\nTrang "+xssScript+".\n"),
	}
	for name, data := range files {
		writeFile(t, filepath.Join(site, filepath.FromSlash(name)), data)
	}
	if err := os.WriteFile(filepath.Join(site, "content", "mo-hinh", "doc-hai", "anh.png"), pngBytes(t), 0o644); err != nil {
		t.Fatal(err)
	}
	return site
}

// TestHostileContent builds the hostile site and scans every output file.
func TestHostileContent(t *testing.T) {
	site := hostileSite(t)
	dest := filepath.Join(t.TempDir(), "public")
	res := mustBuild(t, site, dest, true)
	// The attacks in links are reported, not silently accepted.
	if !slices.ContainsFunc(res.Diags, func(d diag.Diagnostic) bool { return d.Code == "link-scheme" }) {
		t.Errorf("no link-scheme warning for javascript: links:\n%s", diagText(res.Diags))
	}
	files := snapshot(t, dest)
	if len(files) < 50 {
		t.Fatalf("only %d files built", len(files))
	}
	sc := newScan(dest, files)
	for _, name := range slices.Sorted(maps.Keys(files)) {
		sc.file(name, []byte(files[name]))
	}
	sc.shareImages()
	sc.searchIndex()
	for _, e := range sc.errs {
		t.Error(e)
	}

	// The attack text reached the pages as text: escaped, not dropped.
	model := sc.pageText["mo-hinh/doc-hai/index.html"]
	for _, want := range []string{xssScript, xssImg, "<iframe", `<b onmouseover="alert(1)">`, "</figcaption><script>", longWord} {
		if !strings.Contains(model, want) {
			t.Errorf("model page text lacks %q (escaped as text)", truncate(want, 40))
		}
	}
	wantTitles := map[string]string{
		"mo-hinh/doc-hai/index.html":  stripInvisible(modelTitle),
		"dien-hinh/ong-an/index.html": exemplarTitle,
		"tin-tuc/tin-doc/index.html":  stripInvisible(newsTitle),
		"gioi-thieu/index.html":       pageTitle,
	}
	for page, want := range wantTitles {
		if got := sc.titles[page]; got != want {
			t.Errorf("%s: og:title %q, want %q", page, got, want)
		}
		if !strings.Contains(sc.ldText[page], want) && page != "gioi-thieu/index.html" {
			t.Errorf("%s: JSON-LD does not hold the title %q", page, want)
		}
	}
	if !slices.Contains(sc.rssTitles, stripInvisible(modelTitle)) {
		t.Errorf("RSS titles %q lack the model's", sc.rssTitles)
	}
	if sc.redirects == 0 {
		t.Errorf("_redirects has no rule for the alias /mo-hinh/cu/")
	}
}

func truncate(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// scan checks output files one by one and gathers what the cross-file
// checks need.
type scan struct {
	dest      string
	base      string
	files     map[string]string
	titles    map[string]string // page file → og:title
	pageText  map[string]string // page file → all text nodes
	ldText    map[string]string // page file → JSON-LD string values
	ogImages  map[string]string // og:image path → page that names it
	rssTitles []string
	redirects int
	errs      []string // problems found
}

func newScan(dest string, files map[string]string) *scan {
	return &scan{dest: dest, base: "https://lantoa.netlify.app/", files: files, titles: map[string]string{},
		pageText: map[string]string{}, ldText: map[string]string{}, ogImages: map[string]string{}}
}

func (sc *scan) errorf(name, format string, args ...any) {
	sc.errs = append(sc.errs, name+": "+fmt.Sprintf(format, args...))
}

func (sc *scan) file(name string, data []byte) {
	ext := path.Ext(name)
	switch {
	case ext == ".html":
		sc.html(name, data)
	case ext == ".xml":
		sc.xml(name, data)
	case ext == ".svg":
		sc.svg(name, data)
	case ext == ".json":
		if !json.Valid(data) {
			sc.errorf(name, "not valid JSON")
		}
	case ext == ".csv":
		if _, err := csv.NewReader(bytes.NewReader(data)).ReadAll(); err != nil {
			sc.errorf(name, "not valid CSV: %v", err)
		}
	case name == "_redirects":
		sc.redirectsFile(data)
	case name == "robots.txt":
		for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
			if l != "" && !strings.HasPrefix(l, "#") && !strings.Contains(l, ":") {
				sc.errorf(name, "line %q", l)
			}
		}
	case ext == ".js" || ext == ".css":
		if bytes.Contains(data, []byte("alert(1)")) {
			sc.errorf(name, "an asset holds editor text")
		}
	}
}

// unsafeURL reports URLs a browser would run or inline: javascript:,
// vbscript: and data: in any case, with the tabs, newlines and control
// characters browsers ignore.
func unsafeURL(u string) bool {
	s := strings.Map(func(r rune) rune {
		if r <= 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, strings.ToLower(u))
	return strings.HasPrefix(s, "javascript:") || strings.HasPrefix(s, "vbscript:") || strings.HasPrefix(s, "data:")
}

var urlAttrs = map[string]bool{"href": true, "src": true, "action": true, "formaction": true, "poster": true, "srcset": true, "xlink:href": true, "data": true, "cite": true, "background": true}

var forbidden = map[atom.Atom]bool{atom.Iframe: true, atom.Object: true, atom.Embed: true, atom.Base: true, atom.Frame: true, atom.Frameset: true, atom.Applet: true}

func (sc *scan) html(name string, data []byte) {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		sc.errorf(name, "HTML does not parse: %v", err)
		return
	}
	var text, ld strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			if n.Parent == nil || n.Parent.DataAtom != atom.Script {
				text.WriteString(n.Data)
			}
		case html.ElementNode:
			sc.element(name, n, &ld)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	sc.pageText[name], sc.ldText[name] = text.String(), ld.String()
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func (sc *scan) element(name string, n *html.Node, ld *strings.Builder) {
	if forbidden[n.DataAtom] {
		sc.errorf(name, "<%s> element", n.Data)
	}
	for _, a := range n.Attr {
		k := strings.ToLower(a.Key)
		if strings.HasPrefix(k, "on") {
			sc.errorf(name, "<%s %s=%q>: event handler attribute", n.Data, a.Key, a.Val)
		}
		if urlAttrs[k] && unsafeURL(a.Val) {
			sc.errorf(name, "<%s %s=%q>: unsafe URL", n.Data, a.Key, a.Val)
		}
		if k == "style" {
			sc.errorf(name, "<%s style=%q>: inline style (CSP style-src 'self')", n.Data, a.Val)
		}
	}
	switch n.DataAtom {
	case atom.Link:
		// Subresources come from the site itself: no third-party requests.
		rel, _ := attr(n, "rel")
		href, _ := attr(n, "href")
		switch rel {
		case "stylesheet", "icon", "preload", "modulepreload", "manifest", "apple-touch-icon", "prefetch":
			if !strings.HasPrefix(href, "/") || strings.HasPrefix(href, "//") {
				sc.errorf(name, "<link rel=%q href=%q>: not a file of the site", rel, href)
			}
		case "dns-prefetch", "preconnect":
			sc.errorf(name, "<link rel=%q href=%q>: a connection to another site", rel, href)
		}
	case atom.Source:
		if set, _ := attr(n, "srcset"); !strings.HasPrefix(set, "/") || strings.HasPrefix(set, "//") {
			sc.errorf(name, "<source srcset=%q>: not a file of the site", set)
		}
	case atom.Img:
		if src, _ := attr(n, "src"); !strings.HasPrefix(src, "/") || strings.HasPrefix(src, "//") {
			sc.errorf(name, "<img src=%q>: not a file of the site", src)
		}
	case atom.Script:
		typ, _ := attr(n, "type")
		src, hasSrc := attr(n, "src")
		body := ""
		if n.FirstChild != nil {
			body = n.FirstChild.Data
		}
		switch {
		case hasSrc:
			if !strings.HasPrefix(src, "/") || strings.HasPrefix(src, "//") || strings.TrimSpace(body) != "" {
				sc.errorf(name, "<script src=%q> with body %q: not the theme's own script", src, truncate(body, 60))
			}
		case typ == "application/ld+json":
			var v any
			if err := json.Unmarshal([]byte(body), &v); err != nil {
				sc.errorf(name, "JSON-LD does not parse: %v: %q", err, truncate(body, 200))
				return
			}
			collectStrings(v, ld)
			if strings.Contains(strings.ToLower(body), "</script") || strings.Contains(body, "<!--") {
				sc.errorf(name, "JSON-LD holds unescaped markup")
			}
		default:
			sc.errorf(name, "inline <script type=%q>: %q", typ, truncate(body, 80))
		}
	case atom.Meta:
		prop, _ := attr(n, "property")
		content, _ := attr(n, "content")
		switch prop {
		case "og:title":
			sc.titles[name] = content
			if strings.ContainsAny(content, invisible) {
				sc.errorf(name, "og:title %+q keeps invisible characters", content)
			}
		case "og:image":
			if p, ok := strings.CutPrefix(content, sc.base); ok {
				sc.ogImages[p] = name
			} else {
				sc.errorf(name, "og:image %q is not on the site", content)
			}
		}
	case atom.Title, atom.H1:
		var b strings.Builder
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				b.WriteString(c.Data)
			}
		}
		if strings.ContainsAny(b.String(), invisible) {
			sc.errorf(name, "<%s> %+q keeps invisible characters", n.Data, b.String())
		}
	}
}

func collectStrings(v any, b *strings.Builder) {
	switch v := v.(type) {
	case string:
		b.WriteString(v)
		b.WriteByte('\n')
	case []any:
		for _, e := range v {
			collectStrings(e, b)
		}
	case map[string]any:
		for _, e := range v {
			collectStrings(e, b)
		}
	}
}

// xml parses an XML file to its end; RSS item titles are kept.
func (sc *scan) xml(name string, data []byte) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var stack []string
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			sc.errorf(name, "XML does not parse: %v", err)
			return
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			stack = append(stack, tok.Name.Local)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) >= 2 && stack[len(stack)-1] == "title" && stack[len(stack)-2] == "item" {
				sc.rssTitles = append(sc.rssTitles, string(tok))
				if strings.ContainsAny(string(tok), invisible) {
					sc.errorf(name, "RSS title %+q keeps invisible characters", string(tok))
				}
			}
		}
	}
}

// svg parses an SVG file as XML with no script and no event handler.
func (sc *scan) svg(name string, data []byte) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			sc.errorf(name, "SVG does not parse: %v", err)
			return
		}
		if se, ok := tok.(xml.StartElement); ok {
			if strings.EqualFold(se.Name.Local, "script") || strings.EqualFold(se.Name.Local, "foreignObject") {
				sc.errorf(name, "<%s> in SVG", se.Name.Local)
			}
			for _, a := range se.Attr {
				if strings.HasPrefix(strings.ToLower(a.Name.Local), "on") || (a.Name.Local == "href" && unsafeURL(a.Value)) {
					sc.errorf(name, "SVG attribute %s=%q", a.Name.Local, a.Value)
				}
			}
		}
	}
}

// redirectsFile checks Netlify _redirects lines: "FROM TO 301", both
// site paths (or TO absolute on the site), no stray characters.
func (sc *scan) redirectsFile(data []byte) {
	s := bufio.NewScanner(bytes.NewReader(data))
	for i := 1; s.Scan(); i++ {
		l := s.Text()
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		f := strings.Fields(l)
		if len(f) != 3 || !strings.HasPrefix(f[0], "/") || !(strings.HasPrefix(f[1], "/") || strings.HasPrefix(f[1], sc.base)) ||
			(f[2] != "301" && f[2] != "302" && f[2] != "301!") || strings.ContainsAny(l, "<>\"'\\\x00") {
			sc.errorf("_redirects", "line %d %q is not \"FROM TO 301\"", i, l)
			continue
		}
		if f[0] == "/mo-hinh/cu/" && f[1] == "/mo-hinh/doc-hai/" {
			sc.redirects++
		}
	}
}

// shareImages checks that every og:image exists and is a 1200×630 PNG.
func (sc *scan) shareImages() {
	if len(sc.ogImages) == 0 {
		sc.errorf("*", "no page names a share image")
	}
	for p, page := range sc.ogImages {
		data, ok := sc.files[p]
		if !ok {
			sc.errorf(page, "share image %s does not exist", p)
			continue
		}
		cfg, _, err := image.DecodeConfig(strings.NewReader(data))
		if err != nil || cfg.Width != 1200 || cfg.Height != 630 {
			sc.errorf(page, "share image %s: %dx%d, %v", p, cfg.Width, cfg.Height, err)
		}
	}
}

// searchIndex opens the built index and finds the hostile model by its
// words, with its title intact.
func (sc *scan) searchIndex() {
	s, err := search.Open(os.DirFS(sc.dest))
	if err != nil {
		sc.errorf("tim-kiem/_i", "search index does not open: %v", err)
		return
	}
	for _, q := range []string{"camera alert", "onerror", "script"} {
		rs, _, err := s.Search(q, search.Filters{}, 10)
		if err != nil {
			sc.errorf("tim-kiem/_i", "search %q: %v", q, err)
			continue
		}
		found := false
		for _, r := range rs {
			if r.URL == "/mo-hinh/doc-hai/" {
				found = true
				if r.Title != stripInvisible(modelTitle) {
					sc.errorf("tim-kiem/_i", "search result title %q, want %q", r.Title, stripInvisible(modelTitle))
				}
			}
		}
		if !found {
			sc.errorf("tim-kiem/_i", "search %q does not find the hostile model: %v", q, rs)
		}
	}
}

// TestScanCatches shows that the scanner of TestHostileContent fails on
// each kind of injection it looks for.
func TestScanCatches(t *testing.T) {
	page := func(head, body string) string {
		return "<!doctype html><html lang=\"vi\"><head><title>T</title>" + head + "</head><body>" + body + "</body></html>"
	}
	for _, tc := range []struct{ name, data string }{
		{"a.html", page("", `<script>alert(1)</script>`)},
		{"a.html", page(`<script src="https://cdn.example/x.js"></script>`, "")},
		{"a.html", page(`<script type="application/ld+json">{"a": "</script><script>alert(1)</script>"}</script>`, "")},
		{"a.html", page(`<script type="application/ld+json">{"a": </script>`, "")},
		{"a.html", page("", `<img src="x" onerror="alert(1)" alt="">`)},
		{"a.html", page("", `<a href="  JAVASCRIPT:alert(1)">x</a>`)},
		{"a.html", page("", `<a href="java&#x09;script:alert(1)">x</a>`)},
		{"a.html", page("", `<iframe src="/x"></iframe>`)},
		{"a.html", page(`<link rel="stylesheet" href="https://fonts.example/css">`, "")},
		{"a.html", page(`<link rel="preconnect" href="https://cdn.example">`, "")},
		{"a.html", page("", `<p style="color:red">x</p>`)},
		{"a.html", page("", `<svg><a href="data:text/html,x">x</a></svg>`)},
		{"a.html", page(`<meta property="og:title" content="a`+bidi+`b">`, "")},
		{"a.html", page("", `<h1>a`+zeroWidth+`b</h1>`)},
		{"a.xml", `<rss><channel><item><title>a</titl></item></channel></rss>`},
		{"a.svg", `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>`},
		{"a.svg", `<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`},
		{"a.json", `{"a": 1,}`},
		{"_redirects", "/a/ /b/ 301\n/c/\"><script> /d/ 301\n"},
		{"_redirects", "/a/ javascript:alert(1) 301\n"},
	} {
		sc := newScan(t.TempDir(), map[string]string{tc.name: tc.data})
		sc.file(tc.name, []byte(tc.data))
		if len(sc.errs) == 0 {
			t.Errorf("the scan accepts %s %q", tc.name, tc.data)
		}
	}
	sc := newScan(t.TempDir(), map[string]string{})
	sc.ogImages["mo-hinh/x/og.png"] = "mo-hinh/x/index.html"
	sc.shareImages()
	if len(sc.errs) == 0 {
		t.Errorf("the scan accepts a missing share image")
	}
}

// TestHostileVocabularyValues: attacks written as province or field
// values are not in the vocabularies: the build fails with a diagnostic at
// the key's line, the value quoted, and writes nothing.
func TestHostileVocabularyValues(t *testing.T) {
	files := goodSite()
	files["content/mo-hinh/camera-an-ninh.md"] = yamlPage(t, map[string]any{
		"title":    "Camera",
		"summary":  "Tóm tắt.",
		"date":     "2025-11-18",
		"province": xssScript,
		"kind":     "Camera an ninh",
		"fields":   []string{xssImg},
	}, "\nNội dung.\n")
	files["content/dien-hinh/ong-an.md"] = yamlPage(t, map[string]any{
		"title": "Ông An", "summary": "S", "date": "2025-10-01", "province": bidi + "Hà Nội" + xssClose,
	}, "\nNội dung.\n")
	site := newSite(t, files)
	dest := filepath.Join(t.TempDir(), "public")
	res, err := buildSite(site, dest, false)
	if !errors.Is(err, build.ErrFailed) {
		t.Fatalf("build: %v, want ErrFailed", err)
	}
	want := map[string]bool{"content/mo-hinh/camera-an-ninh.md province": false, "content/mo-hinh/camera-an-ninh.md field": false, "content/dien-hinh/ong-an.md province": false}
	for _, d := range res.Diags {
		k := d.File + " " + d.Code
		if _, ok := want[k]; ok {
			want[k] = true
			if d.Line < 2 || d.Col < 1 {
				t.Errorf("%s: no position", d)
			}
			if strings.ContainsAny(d.Msg, invisible+"\n") {
				t.Errorf("diagnostic message keeps invisible characters: %+q", d.Msg)
			}
		}
	}
	for k, ok := range want {
		if !ok {
			t.Errorf("no %s diagnostic in:\n%s", k, diagText(res.Diags))
		}
	}
	if _, err := os.Stat(dest); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a failed build created %s: %v", dest, err)
	}
}
