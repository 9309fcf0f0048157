package content

import (
	"io/fs"
	"os"
	"testing"

	"github.com/lantoa/lantoa/internal/corpus"
)

// benchCorpus generates a corpus in the proportions of issue #7's 10,000
// models + 4,400 exemplars (here 300 + 132, and 10 news) and returns its
// folder and the paths of its content files.
func benchCorpus(b *testing.B) (fs.FS, []string) {
	b.Helper()
	dir := b.TempDir()
	if err := corpus.Generate(dir, corpus.Options{Models: 300, Exemplars: 132, News: 10, Seed: 1, DataDir: "../../data"}); err != nil {
		b.Fatal(err)
	}
	fsys := os.DirFS(dir)
	var files []string
	Walk(fsys, func(p string, _ fs.DirEntry) { files = append(files, p) })
	return fsys, files
}

// BenchmarkLoad is content.Load of the corpus (read, parse, validate on
// one worker per CPU); ns/op is for the whole corpus, see ns/file.
func BenchmarkLoad(b *testing.B) {
	fsys, files := benchCorpus(b)
	opt := fuzzOptions(b)
	b.ResetTimer()
	for b.Loop() {
		if _, ds := Load(fsys, opt); ds.HasErrors() {
			b.Fatal(ds)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(files)), "ns/file")
}

// BenchmarkParse is Parse of every file of the corpus, on one goroutine,
// the files already in memory: the CPU cost per file of decoding and
// validating.
func BenchmarkParse(b *testing.B) {
	fsys, files := benchCorpus(b)
	opt := fuzzOptions(b)
	srcs := make([][]byte, len(files))
	var size int64
	for i, f := range files {
		var err error
		if srcs[i], err = fs.ReadFile(fsys, f); err != nil {
			b.Fatal(err)
		}
		size += int64(len(srcs[i]))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for i, f := range files {
			if _, ds := Parse(f, srcs[i], opt); ds.HasErrors() {
				b.Fatal(ds)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(files)), "ns/file")
}

// BenchmarkDecodeYAML compares the two YAML decoders on the corpus's
// front matter.
func BenchmarkDecodeYAML(b *testing.B) {
	fsys, files := benchCorpus(b)
	var blocks [][]byte
	for _, f := range files {
		src, err := fs.ReadFile(fsys, f)
		if err != nil {
			b.Fatal(err)
		}
		if raw, _, _, _, d := split(f, src); d == nil && raw.format == "yaml" {
			blocks = append(blocks, raw.data)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range blocks {
			if _, ds := decodeYAML("f.md", d, 2); len(ds) > 0 {
				b.Fatalf("not decoded: %s", d)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(blocks)), "ns/file")
}
