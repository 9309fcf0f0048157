package markdown

import (
	"os"
	"testing"
	"time"

	"github.com/lantoa/lantoa/internal/content"
	"github.com/lantoa/lantoa/internal/corpus"
	"github.com/lantoa/lantoa/internal/vocab"
)

// corpusPages parses a generated corpus (300 models, 132 exemplars, 10
// news: the proportions of issue #7) and returns its pages and a resolver
// knowing every page.
func corpusPages(b *testing.B) ([]*content.Page, fakeSite) {
	b.Helper()
	dir := b.TempDir()
	if err := corpus.Generate(dir, corpus.Options{Models: 300, Exemplars: 132, News: 10, Seed: 1, DataDir: "../../data"}); err != nil {
		b.Fatal(err)
	}
	fsys := os.DirFS(dir)
	voc, ds := vocab.Load(fsys)
	if ds.HasErrors() {
		b.Fatal(ds)
	}
	opt := opts
	opt.Vocab, opt.Now = voc, time.Date(2026, 11, 1, 0, 0, 0, 0, opts.Location)
	pages, ds := content.Load(fsys, opt)
	if ds.HasErrors() {
		b.Fatal(ds[0])
	}
	site := fakeSite{files: map[string]string{}, paths: map[string]bool{}, assets: map[string]*Picture{}}
	for _, p := range pages {
		site.files[p.File] = p.URL
		site.paths[p.URL] = true
	}
	return pages, site
}

// BenchmarkCheck is what `lantoa check` does with each body: parse and
// check, no HTML. ns/op is for the whole corpus, see ns/page.
func BenchmarkCheck(b *testing.B) {
	pages, site := corpusPages(b)
	r := New()
	var size int64
	for _, p := range pages {
		size += int64(len(p.Body))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, p := range pages {
			if res := r.Check(p, site); res.Diags.HasErrors() {
				b.Fatal(res.Diags[0])
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(pages)), "ns/page")
}

// BenchmarkRender is Check plus the HTML and the plain text, as a build
// does.
func BenchmarkRender(b *testing.B) {
	pages, site := corpusPages(b)
	r := New()
	var size int64
	for _, p := range pages {
		size += int64(len(p.Body))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, p := range pages {
			if res := r.Render(p, site); res.Diags.HasErrors() {
				b.Fatal(res.Diags[0])
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(pages)), "ns/page")
}
