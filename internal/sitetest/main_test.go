package sitetest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/lantoa/lantoa/internal/build"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ict is the site's time zone, Asia/Ho_Chi_Minh (UTC+7, no daylight
// saving time).
var ict = time.FixedZone("ICT", 7*3600)

// now is the clock of every build: after every story of the real site.
var now = time.Date(2026, 11, 28, 12, 0, 0, 0, ict)

// siteParts are what a site folder is made of (see the content contract);
// resources/ holds caches only, copied to make builds faster.
var siteParts = []string{"site.toml", "content", "data", "static", "themes", "layouts", "assets", "i18n", "archetypes", "resources"}

// shared is the real site, built once per test binary, lazily, into the
// temporary folder that TestMain creates and removes.
var shared = &lazySite{}

type lazySite struct {
	tmp  string
	once sync.Once
	site *builtSite
	err  error
}

func TestMain(m *testing.M) {
	tmp, err := os.MkdirTemp("", "lantoa-sitetest-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	shared.tmp = tmp
	code := m.Run()
	if err := os.RemoveAll(tmp); err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
	os.Exit(code)
}

// realSite returns the real site built once for all tests.
func realSite(t testing.TB) *builtSite {
	t.Helper()
	shared.once.Do(func() {
		start := time.Now()
		shared.site, shared.err = buildCopy(filepath.Join(shared.tmp, "real"), nil, true)
		if shared.err == nil {
			fmt.Fprintf(os.Stderr, "sitetest: built the real site (%d pages) in %v\n", len(shared.site.pages), time.Since(start).Round(time.Millisecond))
		}
	})
	if shared.err != nil {
		t.Fatalf("building the real site: %v", shared.err)
	}
	return shared.site
}

// A builtSite is a copy of the real site and its build output, with every
// HTML page parsed.
type builtSite struct {
	src   string           // the site folder that was built
	out   string           // its output folder
	res   *build.Result    // what build.Build returned
	cfg   siteConfig       // its site.toml
	pages map[string]*page // every HTML page by output file, "mo-hinh/x/index.html"
}

// siteConfig is the part of site.toml the tests need.
type siteConfig struct {
	BaseURL string `toml:"baseURL"`
	Title   string `toml:"title"`
}

// A page is one built HTML file.
type page struct {
	file string     // slash path in the output folder
	path string     // the URL path that serves it: "/mo-hinh/x/", "/404.html"
	raw  []byte     // the file
	doc  *html.Node // the parsed document
	ids  map[string]int
}

// moduleRoot returns the repository root, which is the real site.
func moduleRoot() (string, error) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		return "", err
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		return "", fmt.Errorf("module root: %w", err)
	}
	return root, nil
}

// copySite copies the real site into dir, leaving out resources/ unless
// withCache.
func copySite(dir string, withCache bool) error {
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	for _, name := range siteParts {
		if name == "resources" && !withCache {
			continue
		}
		src := filepath.Join(root, name)
		if _, err := os.Stat(src); errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err := copyTree(src, filepath.Join(dir, name)); err != nil {
			return err
		}
	}
	return nil
}

// copyTree copies the file or folder src to dst.
func copyTree(src, dst string) error {
	info, err := os.Stat(src)
	if err != nil {
		return err
	}
	if info.IsDir() {
		return os.CopyFS(dst, os.DirFS(src))
	}
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	return os.WriteFile(dst, data, 0o644)
}

// buildCopy copies the real site into dir/site, lets edit change the copy
// (when not nil), builds it into dir/public and parses the output.
func buildCopy(dir string, edit func(site string) error, shareImages bool) (*builtSite, error) {
	src := filepath.Join(dir, "site")
	if err := copySite(src, true); err != nil {
		return nil, err
	}
	if edit != nil {
		if err := edit(src); err != nil {
			return nil, err
		}
	}
	out := filepath.Join(dir, "public")
	res, err := build.Build(context.Background(), build.Options{Source: src, Dest: out, Now: now, ShareImages: shareImages})
	if err != nil {
		var diags string
		if res != nil {
			diags = res.Diags.Error()
		}
		return nil, fmt.Errorf("build.Build: %w\n%s", err, diags)
	}
	return loadSite(src, out, res)
}

// loadSite reads site.toml of src and parses every HTML page of out.
func loadSite(src, out string, res *build.Result) (*builtSite, error) {
	s := &builtSite{src: src, out: out, res: res, pages: map[string]*page{}}
	if _, err := toml.DecodeFile(filepath.Join(src, "site.toml"), &s.cfg); err != nil {
		return nil, err
	}
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, err := filepath.Rel(out, p)
		if err != nil {
			return err
		}
		raw, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		doc, err := html.Parse(bytes.NewReader(raw))
		if err != nil {
			return fmt.Errorf("%s: %w", rel, err)
		}
		file := filepath.ToSlash(rel)
		pg := &page{file: file, path: servedPath(file), raw: raw, doc: doc, ids: map[string]int{}}
		for n := range doc.Descendants() {
			if id, ok := attr(n, "id"); ok && n.Type == html.ElementNode {
				pg.ids[id]++
			}
		}
		s.pages[file] = pg
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s, nil
}

// servedPath returns the URL path of an output file: a folder's
// index.html is served at the folder's path.
func servedPath(file string) string {
	if file == "index.html" {
		return "/"
	}
	if dir, ok := strings.CutSuffix(file, "/index.html"); ok {
		return "/" + dir + "/"
	}
	return "/" + file
}

// fileOf returns the output file that serves the URL path p, and whether
// it exists: p itself, or p/index.html when p is a folder.
func (s *builtSite) fileOf(p string) (string, bool) {
	name := strings.Trim(path.Clean("/"+p), "/")
	if name == "" {
		name = "."
	}
	fi, err := os.Stat(filepath.Join(s.out, filepath.FromSlash(name)))
	if err != nil {
		return "", false
	}
	if fi.IsDir() {
		name = path.Join(name, "index.html")
		if fi, err := os.Stat(filepath.Join(s.out, filepath.FromSlash(name))); err != nil || fi.IsDir() {
			return "", false
		}
	}
	return path.Clean(name), true
}

// page returns the page served at the URL path p.
func (s *builtSite) page(t testing.TB, p string) *page {
	t.Helper()
	file, ok := s.fileOf(p)
	if !ok {
		t.Fatalf("no page at %s in the output", p)
	}
	pg := s.pages[file]
	if pg == nil {
		t.Fatalf("%s (%s) is not an HTML page", p, file)
	}
	return pg
}

// read returns the output file at the slash path name.
func (s *builtSite) read(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(s.out, filepath.FromSlash(strings.TrimPrefix(name, "/"))))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// sortedPages returns the pages in file order.
func (s *builtSite) sortedPages() []*page {
	out := make([]*page, 0, len(s.pages))
	for _, p := range s.pages {
		out = append(out, p)
	}
	slices.SortFunc(out, func(a, b *page) int { return strings.Compare(a.file, b.file) })
	return out
}

// absURL returns the absolute URL of the site path p under the baseURL.
func (s *builtSite) absURL(p string) string {
	return strings.TrimSuffix(s.cfg.BaseURL, "/") + p
}

// sitePath returns the site path of an absolute URL under the baseURL.
func (s *builtSite) sitePath(abs string) (string, bool) {
	base := strings.TrimSuffix(s.cfg.BaseURL, "/")
	rest, ok := strings.CutPrefix(abs, base)
	if !ok || !strings.HasPrefix(rest, "/") {
		return "", false
	}
	return rest, true
}

// modelPaths returns the URL paths of the real site's model pages, from
// the content folder: /mo-hinh/SLUG/ for each content/mo-hinh/SLUG.md.
func (s *builtSite) modelPaths(t testing.TB) []string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(s.src, "content", "mo-hinh", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, n := range names {
		base := strings.TrimSuffix(filepath.Base(n), ".md")
		if base != "_index" {
			out = append(out, "/mo-hinh/"+base+"/")
		}
	}
	if len(out) < 3 {
		t.Fatalf("only %d models in %s", len(out), s.src)
	}
	slices.Sort(out)
	return out
}

// --- HTML helpers.

// attr returns the value of n's attribute key (any namespace).
func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// elements returns the elements under n (n included) for which match is
// true, in document order.
func elements(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	if n.Type == html.ElementNode && match(n) {
		out = append(out, n)
	}
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && match(d) {
			out = append(out, d)
		}
	}
	return out
}

// byAtom matches HTML elements of the given kind.
func byAtom(a atom.Atom) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.DataAtom == a && n.Namespace == "" }
}

// hasClass matches elements with the class c.
func hasClass(c string) func(*html.Node) bool {
	return func(n *html.Node) bool {
		v, _ := attr(n, "class")
		return slices.Contains(strings.Fields(v), c)
	}
}

// text returns the text content of n, with runs of white space collapsed.
func text(n *html.Node) string {
	var b strings.Builder
	if n.Type == html.TextNode {
		b.WriteString(n.Data)
	}
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// metas returns the content of every <meta> whose property or name is key.
func metas(doc *html.Node, key string) []string {
	var out []string
	for _, m := range elements(doc, byAtom(atom.Meta)) {
		p, _ := attr(m, "property")
		n, _ := attr(m, "name")
		if p == key || n == key {
			c, _ := attr(m, "content")
			out = append(out, c)
		}
	}
	return out
}

// meta returns the content of the one <meta> named key, failing the test
// unless there is exactly one.
func meta(t testing.TB, pg *page, key string) string {
	t.Helper()
	v := metas(pg.doc, key)
	if len(v) != 1 {
		t.Errorf("%s: %d <meta> %s %q, want exactly one", pg.path, len(v), key, v)
		return ""
	}
	return v[0]
}

// links returns the href of every <link> whose rel has the value rel.
func links(doc *html.Node, rel string) []string {
	var out []string
	for _, l := range elements(doc, byAtom(atom.Link)) {
		r, _ := attr(l, "rel")
		if slices.Contains(strings.Fields(strings.ToLower(r)), rel) {
			h, _ := attr(l, "href")
			out = append(out, h)
		}
	}
	return out
}

// resolve returns the absolute form of ref on the page at the site path
// base, as a URL of the site (host "") when it points into the site.
func resolve(s *builtSite, base, ref string) (*url.URL, bool, error) {
	u, err := url.Parse(strings.TrimSpace(ref))
	if err != nil {
		return nil, false, err
	}
	if u.Scheme != "" || u.Host != "" {
		p, ok := s.sitePath(u.String())
		if !ok {
			return u, false, nil // another site, mailto:, data:...
		}
		if u, err = url.Parse(p); err != nil {
			return nil, false, err
		}
	}
	b, err := url.Parse(base)
	if err != nil {
		return nil, false, err
	}
	return b.ResolveReference(u), true, nil
}

// rawText returns the text of n's children as is: the body of a <script>.
func rawText(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}
