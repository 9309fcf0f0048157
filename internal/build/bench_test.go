package build_test

// Benchmarks of the build, stage by stage (issue #11), on a generated
// corpus of benchModels models, benchExemplars exemplars and benchNews news
// items with the repository's theme and vocabularies. Each reports ns/page
// (time per story of the stage), so a regression shows in the stage that
// caused it whatever the corpus size:
//
//	go test -run '^$' -bench . -benchmem ./internal/build
//
// The stages use only exported APIs, as the build does: content.Load (load),
// markdown.Renderer.Render (render), theme.Theme.Render of each story's
// single page (template), the shared minifier (minify), search.Build (index),
// output.Dir writes and swap (write), and build.Build for the whole
// (build, without share images). Whole-site figures, against a floor
// program, come from `go run ./internal/cmd/benchsite` (see
// docs/benchmarks.md).

import (
	"bytes"
	"context"
	"html/template"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lantoa/lantoa/internal/build"
	"github.com/lantoa/lantoa/internal/config"
	"github.com/lantoa/lantoa/internal/content"
	"github.com/lantoa/lantoa/internal/corpus"
	"github.com/lantoa/lantoa/internal/markdown"
	"github.com/lantoa/lantoa/internal/output"
	"github.com/lantoa/lantoa/internal/search"
	"github.com/lantoa/lantoa/internal/site"
	"github.com/lantoa/lantoa/internal/theme"
	"github.com/lantoa/lantoa/internal/vocab"
)

const (
	benchModels    = 200
	benchExemplars = 88 // 44% of the models, as in the 10,000 + 4,400
	benchNews      = 10
	repoRoot       = "../.."
)

// benchSite is a generated site and what the stages before a given one
// produce.
type benchSite struct {
	dir   string
	fsys  fs.FS
	cfg   *config.Config
	voc   *vocab.Vocabularies
	pages []*content.Page
}

// newBenchSite generates the benchmark corpus with the repository's theme.
func newBenchSite(b *testing.B) *benchSite {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "site")
	err := corpus.Generate(dir, corpus.Options{Models: benchModels, Exemplars: benchExemplars, News: benchNews, Seed: 1, DataDir: filepath.Join(repoRoot, "data")})
	if err != nil {
		b.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(dir, "themes", "default"), os.DirFS(filepath.Join(repoRoot, "themes", "default"))); err != nil {
		b.Fatal(err)
	}
	s := &benchSite{dir: dir, fsys: os.DirFS(dir)}
	cfg, d := config.Load(s.fsys)
	if err := d.Err(); err != nil {
		b.Fatal(err)
	}
	voc, d := vocab.Load(s.fsys)
	if err := d.Err(); err != nil {
		b.Fatal(err)
	}
	s.cfg, s.voc = cfg, voc
	pages, d := content.Load(s.fsys, s.contentOptions())
	if err := d.Err(); err != nil {
		b.Fatal(err)
	}
	if want := benchModels + benchExemplars + benchNews; countStories(pages) != want {
		b.Fatalf("content.Load: %d stories, want %d", countStories(pages), want)
	}
	s.pages = pages
	return s
}

func (s *benchSite) contentOptions() content.Options {
	return content.Options{Vocab: s.voc, Location: s.cfg.Location, Now: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)}
}

func countStories(pages []*content.Page) int {
	n := 0
	for _, p := range pages {
		if p.Kind.IsStory() {
			n++
		}
	}
	return n
}

// perPage reports the benchmark's time per page of n.
func perPage(b *testing.B, n int) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/page")
}

// resolver knows the pages' URLs; generated bodies link only to pages.
type resolver struct {
	fileURL map[string]string
	exists  map[string]bool
}

func newResolver(pages []*content.Page) *resolver {
	r := &resolver{fileURL: map[string]string{}, exists: map[string]bool{"/": true}}
	for _, p := range pages {
		r.fileURL[p.File] = p.URL
		r.exists[p.URL] = true
		if p.Section != "" {
			r.exists["/"+p.Section+"/"] = true
		}
	}
	return r
}

func (r *resolver) FileURL(file string) (string, bool) { u, ok := r.fileURL[file]; return u, ok }
func (r *resolver) Exists(u string) bool               { return r.exists[u] }
func (r *resolver) Asset(string) (*markdown.Picture, bool, error) {
	return nil, false, nil
}

// render renders every page's body as the build does.
func (s *benchSite) render(b *testing.B, md *markdown.Renderer) []*markdown.Result {
	r := newResolver(s.pages)
	results := make([]*markdown.Result, len(s.pages))
	for i, p := range s.pages {
		results[i] = md.Render(p, r)
		if err := results[i].Diags.Err(); err != nil {
			b.Fatal(err)
		}
	}
	return results
}

// model builds the site model from rendered pages.
func (s *benchSite) model(b *testing.B) *site.Site {
	results := s.render(b, markdown.New())
	pages := make([]*site.Page, len(s.pages))
	for i, p := range s.pages {
		pages[i] = &site.Page{Page: p, Content: template.HTML(results[i].HTML), Text: results[i].Text, Headings: results[i].Headings} //nolint:gosec // our renderer escapes raw HTML
	}
	m, d := site.New(s.cfg, s.voc, pages)
	if err := d.Err(); err != nil {
		b.Fatal(err)
	}
	return m
}

// pageHTML renders every story's single page through the theme, unminified.
func (s *benchSite) pageHTML(b *testing.B, th *theme.Theme, m *site.Site) [][]byte {
	var out [][]byte
	var buf bytes.Buffer
	for _, p := range m.Stories() {
		buf.Reset()
		if err := th.Render(&buf, layout(b, th, p), storyView(m, p)); err != nil {
			b.Fatal(err)
		}
		out = append(out, bytes.Clone(buf.Bytes()))
	}
	return out
}

// layout is the template of p's single page, looked up as the build does.
func layout(b *testing.B, th *theme.Theme, p *site.Page) string {
	name, ok := th.Lookup(p.Section.Name+"/single.html", "_default/single.html")
	if !ok {
		b.Fatalf("no layout for %s", p.URL)
	}
	return name
}

func storyView(m *site.Site, p *site.Page) *build.View {
	return &build.View{
		Site: m, Page: p, Section: p.Section, Kind: "single",
		Title: p.Title, Description: p.Summary, URL: p.URL,
		Canonical:   strings.TrimSuffix(m.Config.BaseURL, "/") + p.URL,
		Breadcrumbs: []build.Crumb{{Title: "Trang chủ", URL: "/"}, {Title: p.Section.Title, URL: p.Section.URL}, {Title: p.Title, URL: p.URL}},
		OGType:      "article", Published: p.Date, Modified: p.Date,
		QR: p.URL + "qr.svg", PosterURL: p.URL + "in/",
	}
}

func (s *benchSite) theme(b *testing.B, min func(string, []byte) ([]byte, error)) *theme.Theme {
	th, d := theme.Load(s.fsys, theme.Options{
		Name: s.cfg.Theme, BaseURL: s.cfg.BaseURL, Location: s.cfg.Location, Minify: min,
		Extra: map[string][]byte{"js/search.js": search.ClientJS()},
	})
	if err := d.Err(); err != nil {
		b.Fatal(err)
	}
	return th
}

func BenchmarkLoad(b *testing.B) {
	s := newBenchSite(b)
	var n int
	for b.Loop() {
		pages, d := content.Load(s.fsys, s.contentOptions())
		if err := d.Err(); err != nil {
			b.Fatal(err)
		}
		n = len(pages)
	}
	if n != len(s.pages) {
		b.Fatalf("loaded %d pages, want %d", n, len(s.pages))
	}
	perPage(b, n)
}

func BenchmarkRender(b *testing.B) {
	s := newBenchSite(b)
	md := markdown.New()
	r := newResolver(s.pages)
	var bytesOut int
	for b.Loop() {
		bytesOut = 0
		for _, p := range s.pages {
			res := md.Render(p, r)
			if err := res.Diags.Err(); err != nil {
				b.Fatal(err)
			}
			bytesOut += len(res.HTML)
		}
	}
	if bytesOut < len(s.pages)*1000 {
		b.Fatalf("rendered %d bytes for %d pages: bodies of 400+ words should give more", bytesOut, len(s.pages))
	}
	perPage(b, len(s.pages))
}

func BenchmarkTemplate(b *testing.B) {
	s := newBenchSite(b)
	m := s.model(b)
	th := s.theme(b, nil)
	stories := m.Stories()
	layouts := make([]string, len(stories))
	for i, p := range stories {
		layouts[i] = layout(b, th, p)
	}
	var buf bytes.Buffer
	for b.Loop() {
		for i, p := range stories {
			buf.Reset()
			if err := th.Render(&buf, layouts[i], storyView(m, p)); err != nil {
				b.Fatal(err)
			}
		}
	}
	last := stories[len(stories)-1]
	if !bytes.Contains(buf.Bytes(), []byte(template.HTMLEscapeString(last.Title))) {
		b.Fatalf("page of %s lacks its title", last.URL)
	}
	perPage(b, len(stories))
}

func BenchmarkMinify(b *testing.B) {
	s := newBenchSite(b)
	min := output.NewMinifier()
	pages := s.pageHTML(b, s.theme(b, nil), s.model(b))
	var in, out int
	for b.Loop() {
		in, out = 0, 0
		for _, p := range pages {
			m, err := min.Bytes("text/html", p)
			if err != nil {
				b.Fatal(err)
			}
			in, out = in+len(p), out+len(m)
		}
	}
	if out >= in {
		b.Fatalf("minified %d bytes into %d", in, out)
	}
	perPage(b, len(pages))
}

func BenchmarkIndex(b *testing.B) {
	s := newBenchSite(b)
	m := s.model(b)
	var docs []search.Doc
	for _, p := range m.Stories() {
		d := search.Doc{URL: p.URL, Title: p.Title, Summary: p.Summary, Body: p.Text,
			Section: search.Term{Name: p.Section.Title, Slug: p.Section.Name}}
		if p.Province != nil {
			d.Province = search.Term{Name: p.Province.Name, Slug: p.Province.Slug}
		}
		for _, f := range p.Fields {
			d.Fields = append(d.Fields, search.Term{Name: f.Name, Slug: f.Slug})
		}
		if p.Type != nil {
			d.Kind = search.Term{Name: p.Type.Name, Slug: p.Type.Slug}
		}
		docs = append(docs, d)
	}
	var idx *search.Index
	for b.Loop() {
		var err error
		if idx, err = search.Build(docs); err != nil {
			b.Fatal(err)
		}
	}
	if _, ok := idx.Files[idx.ManifestPath]; !ok {
		b.Fatalf("index has no manifest %s", idx.ManifestPath)
	}
	perPage(b, len(docs))
}

func BenchmarkWrite(b *testing.B) {
	s := newBenchSite(b)
	min := output.NewMinifier()
	m := s.model(b)
	pages := s.pageHTML(b, s.theme(b, nil), m)
	for i, p := range pages {
		var err error
		if pages[i], err = min.Bytes("text/html", p); err != nil {
			b.Fatal(err)
		}
	}
	stories := m.Stories()
	dest := filepath.Join(b.TempDir(), "public")
	for b.Loop() {
		dir, err := output.Begin(dest)
		if err != nil {
			b.Fatal(err)
		}
		for i, p := range stories {
			if err := dir.Write(path.Join(strings.Trim(p.URL, "/"), "index.html"), pages[i]); err != nil {
				b.Fatal(err)
			}
		}
		if err := dir.Commit(); err != nil {
			b.Fatal(err)
		}
	}
	got, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(strings.Trim(stories[0].URL, "/")), "index.html"))
	if err != nil || !bytes.Equal(got, pages[0]) {
		b.Fatalf("%s not written: %v", stories[0].URL, err)
	}
	perPage(b, len(pages))
}

func BenchmarkBuild(b *testing.B) {
	s := newBenchSite(b)
	dest := filepath.Join(b.TempDir(), "public")
	var res *build.Result
	for b.Loop() {
		// Cold: no QR, image or share card cache from the previous build.
		if err := os.RemoveAll(filepath.Join(s.dir, "resources")); err != nil {
			b.Fatal(err)
		}
		var err error
		if res, err = build.Build(context.Background(), build.Options{Source: s.dir, Dest: dest}); err != nil {
			b.Fatal(err, res.Diags)
		}
	}
	if res.Pages < len(s.pages) {
		b.Fatalf("built %d pages for %d content pages", res.Pages, len(s.pages))
	}
	b.ReportMetric(float64(res.Pages)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
	perPage(b, countStories(s.pages))
}
