package sitetest

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/lantoa/lantoa/internal/browsertest"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// TestPages checks every built HTML page: one h1, one non-empty title, a
// meta description, lang="vi", and nothing that the Content-Security-Policy
// (no 'unsafe-inline') would block: no style attribute, no <style>, no
// on* event handler, no javascript: URL, no inline <script> other than
// JSON-LD data, which must be valid JSON.
func TestPages(t *testing.T) {
	s := realSite(t)
	if len(s.pages) < 90 {
		t.Errorf("only %d HTML pages in the output", len(s.pages))
	}
	for _, pg := range s.sortedPages() {
		doc := pg.doc
		htmls := elements(doc, byAtom(atom.Html))
		if len(htmls) != 1 {
			t.Errorf("%s: %d <html> elements", pg.file, len(htmls))
		} else if lang, _ := attr(htmls[0], "lang"); lang != "vi" {
			t.Errorf("%s: <html lang=%q>, want vi", pg.file, lang)
		}
		if !bytes.HasPrefix(bytes.ToLower(pg.raw), []byte("<!doctype html>")) {
			t.Errorf("%s: does not start with <!doctype html>", pg.file)
		}
		if h1 := elements(doc, byAtom(atom.H1)); len(h1) != 1 || text(h1[0]) == "" {
			var texts []string
			for _, h := range h1 {
				texts = append(texts, text(h))
			}
			t.Errorf("%s: h1 %q, want exactly one, not empty", pg.file, texts)
		}
		// <title> of the document, not the <title> of inline SVG.
		titles := elements(doc, byAtom(atom.Title))
		if len(titles) != 1 || text(titles[0]) == "" || titles[0].Parent.DataAtom != atom.Head {
			var texts []string
			for _, h := range titles {
				texts = append(texts, text(h))
			}
			t.Errorf("%s: <title> %q, want exactly one in <head>, not empty", pg.file, texts)
		}
		if d := metas(doc, "description"); len(d) != 1 || strings.TrimSpace(d[0]) == "" {
			t.Errorf("%s: meta description %q, want exactly one, not empty", pg.file, d)
		}
		for n := range doc.Descendants() {
			if n.Type != html.ElementNode {
				continue
			}
			for _, a := range n.Attr {
				switch {
				case a.Key == "style":
					t.Errorf("%s: <%s style=%q>: inline styles are blocked by the CSP", pg.file, n.Data, a.Val)
				case strings.HasPrefix(a.Key, "on"):
					t.Errorf("%s: <%s %s=%q>: inline event handlers are blocked by the CSP", pg.file, n.Data, a.Key, a.Val)
				case (a.Key == "href" || a.Key == "src" || a.Key == "action") &&
					strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:"):
					t.Errorf("%s: <%s %s=%q>: javascript: URLs are blocked by the CSP", pg.file, n.Data, a.Key, a.Val)
				}
			}
			switch n.Data {
			case "style":
				t.Errorf("%s: a <style> element: inline styles are blocked by the CSP", pg.file)
			case "script":
				src, hasSrc := attr(n, "src")
				typ, _ := attr(n, "type")
				switch {
				case hasSrc && strings.TrimSpace(src) != "":
					if body := text(n); body != "" {
						t.Errorf("%s: <script src=%q> has a body %.40q", pg.file, src, body)
					}
				case typ == "application/ld+json":
					if body := rawText(n); !json.Valid([]byte(body)) {
						t.Errorf("%s: JSON-LD is not valid JSON: %.200q", pg.file, body)
					}
				default:
					t.Errorf("%s: inline <script type=%q> %.60q: blocked by the CSP", pg.file, typ, text(n))
				}
			}
		}
	}
}

// TestPageWeight keeps the home page and a model page, with the
// stylesheets and scripts they load, within 30 KB gzip each: readers are on
// cheap phones and slow networks.
func TestPageWeight(t *testing.T) {
	const budget = 30 * 1024
	s := realSite(t)
	for _, p := range []string{"/", s.modelPaths(t)[0]} {
		pg := s.page(t, p)
		total := gzipSize(t, pg.raw)
		parts := []string{fmt.Sprintf("%s %.1f KB", pg.file, float64(total)/1024)}
		var files []string
		for _, href := range links(pg.doc, "stylesheet") {
			files = append(files, href)
		}
		for _, sc := range elements(pg.doc, byAtom(atom.Script)) {
			if src, ok := attr(sc, "src"); ok {
				files = append(files, src)
			}
		}
		for _, f := range files {
			u, ok, err := resolve(s, pg.path, f)
			if err != nil || !ok {
				t.Errorf("%s loads %q, which is not on the site (%v)", p, f, err)
				continue
			}
			name, ok := s.fileOf(u.Path)
			if !ok {
				t.Errorf("%s loads %q: not in the output", p, f)
				continue
			}
			n := gzipSize(t, s.read(t, name))
			total += n
			parts = append(parts, fmt.Sprintf("%s %.1f KB", name, float64(n)/1024))
		}
		if len(files) == 0 {
			t.Errorf("%s loads no stylesheet or script: %q", p, files)
		}
		t.Logf("%s: %.1f KB gzip (%s); budget %d KB", p, float64(total)/1024, strings.Join(parts, ", "), budget/1024)
		if total > budget {
			t.Errorf("%s weighs %d bytes gzip with its CSS and JS, more than %d", p, total, budget)
		}
	}
}

// gzipSize returns the size of data compressed with gzip at the default
// level, as a web server sends it.
func gzipSize(t *testing.T, data []byte) int {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Len()
}

// TestVNU runs the Nu Html Checker over the whole output.
func TestVNU(t *testing.T) {
	if testing.Short() {
		t.Skip("the Nu Html Checker takes a while")
	}
	s := realSite(t)
	msgs := browsertest.VNU(t, s.out)
	var skipped []string // see the skip at the end
	for _, m := range msgs {
		if strings.Contains(m.Message, "“h3” (with computed level 3) follows the heading “h1”") {
			skipped = append(skipped, m.File)
			continue
		}
		t.Errorf("vnu: %v", m)
	}
	if len(skipped) > 0 {
		slices.Sort(skipped)
		t.Errorf("(themes/default/layouts: _default/list.html, taxonomy/term.html with partials/card.html): list pages go from their h1 straight to the cards' h3 titles, with no h2 between; the Nu Html Checker reports “The heading h3 follows the heading h1, skipping 1 heading level” as an error on %d pages: %s",
			len(skipped), strings.Join(skipped, " "))
	}
}

// TestLinks checks that every same-site reference of every page (href, src
// and srcset; site-absolute, relative or under the baseURL) resolves to a
// built file, and that every #fragment is an id of its target page.
func TestLinks(t *testing.T) {
	s := realSite(t)
	checked := 0
	for _, pg := range s.sortedPages() {
		for n := range pg.doc.Descendants() {
			if n.Type != html.ElementNode {
				continue
			}
			var refs []string
			for _, a := range n.Attr {
				switch a.Key {
				case "href", "src", "xlink:href", "poster", "action":
					refs = append(refs, a.Val)
				case "srcset", "imagesrcset":
					for c := range strings.SplitSeq(a.Val, ",") {
						if f := strings.Fields(c); len(f) > 0 {
							refs = append(refs, f[0])
						}
					}
				}
			}
			if n.DataAtom == atom.Meta {
				// og:image, og:url and the like are links too.
				if p, _ := attr(n, "property"); p == "og:url" || p == "og:image" {
					c, _ := attr(n, "content")
					refs = append(refs, c)
				}
			}
			for _, ref := range refs {
				u, internal, err := resolve(s, pg.path, ref)
				if err != nil {
					t.Errorf("%s: <%s> %q: %v", pg.file, n.Data, ref, err)
					continue
				}
				if !internal {
					continue
				}
				checked++
				file, ok := s.fileOf(u.Path)
				if !ok {
					t.Errorf("%s: <%s> %q: %s is not in the output", pg.file, n.Data, ref, u.Path)
					continue
				}
				if u.Fragment == "" {
					continue
				}
				target := s.pages[file]
				if target == nil {
					t.Errorf("%s: <%s> %q: a fragment of %s, which is not an HTML page", pg.file, n.Data, ref, file)
				} else if target.ids[u.Fragment] == 0 {
					t.Errorf("%s: <%s> %q: %s has no id %q", pg.file, n.Data, ref, file, u.Fragment)
				}
			}
		}
		for id, n := range pg.ids {
			if n > 1 {
				t.Errorf("%s: id %q used %d times", pg.file, id, n)
			}
		}
	}
	t.Logf("%d same-site references checked", checked)
	if checked < 1000 {
		t.Errorf("only %d same-site references found: the walk is broken", checked)
	}
}

// TestSitemap checks that every URL of sitemap.xml is under the baseURL
// and is a built page, and that every story page is listed.
func TestSitemap(t *testing.T) {
	s := realSite(t)
	var sm struct {
		URLs []struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(s.read(t, "sitemap.xml"), &sm); err != nil {
		t.Fatalf("sitemap.xml: %v", err)
	}
	listed := map[string]bool{}
	for _, u := range sm.URLs {
		p, ok := s.sitePath(u.Loc)
		if !ok {
			t.Errorf("sitemap: %q is not under %s", u.Loc, s.cfg.BaseURL)
			continue
		}
		pu, err := url.Parse(p)
		if err != nil {
			t.Errorf("sitemap: %q: %v", u.Loc, err)
			continue
		}
		if _, ok := s.fileOf(pu.Path); !ok {
			t.Errorf("sitemap: %q is not in the output", u.Loc)
		}
		listed[pu.Path] = true
	}
	for _, p := range s.modelPaths(t) {
		if !listed[p] {
			t.Errorf("sitemap: model %s is not listed", p)
		}
	}
	if listed["/404.html"] {
		t.Error("sitemap lists the 404 page")
	}
}
