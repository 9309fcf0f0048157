package search

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"gopkg.in/yaml.v3"
)

// corpusDir is the site folder of the generated corpus used by
// BenchmarkBuildCorpus: $LANTOA_SEARCH_CORPUS, else /tmp/corp, else
// /tmp/search-corpus (make one with
// go run ./internal/cmd/gencorpus -models 10000 -exemplars 4400 /tmp/search-corpus).
func corpusDir() string {
	for _, d := range []string{os.Getenv("LANTOA_SEARCH_CORPUS"), "/tmp/corp", "/tmp/search-corpus"} {
		if d == "" {
			continue
		}
		if st, err := os.Stat(filepath.Join(d, "content")); err == nil && st.IsDir() {
			return d
		}
	}
	return ""
}

// corpusDocs reads the stories of a generated site as Docs, crudely: YAML
// front matter for the title, summary, date, province, kind and fields,
// the Markdown after it as the body.
func corpusDocs(tb testing.TB, dir string) []Doc {
	tb.Helper()
	section := map[string]Term{"mo-hinh": secModel, "dien-hinh": secExemp, "tin-tuc": secNews}
	var docs []Doc
	root := filepath.Join(dir, "content")
	err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".md") || e.Name() == "_index.md" {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		sec, ok := section[path.Dir(rel)]
		if !ok {
			sec = secPage
		}
		var fm struct {
			Title, Summary, Date, Province, Kind string
			Fields                               []string
		}
		body := b
		if rest, ok := bytes.CutPrefix(b, []byte("---\n")); ok {
			if head, tail, ok := bytes.Cut(rest, []byte("\n---\n")); ok {
				if err := yaml.Unmarshal(head, &fm); err != nil {
					return fmt.Errorf("%s: %v", p, err)
				}
				body = tail
			}
		}
		d := Doc{URL: "/" + strings.TrimSuffix(rel, ".md") + "/", Title: fm.Title, Section: sec, Summary: fm.Summary, Body: string(body)}
		if t, err := time.Parse("2006-01-02", fm.Date); err == nil {
			d.Date = t.Format("02/01/2006")
		}
		if fm.Province != "" {
			d.Province = Term{fm.Province, slugOf(fm.Province)}
		}
		if fm.Kind != "" {
			d.Kind = Term{fm.Kind, slugOf(fm.Kind)}
		}
		for _, f := range fm.Fields {
			d.Fields = append(d.Fields, Term{f, slugOf(f)})
		}
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return docs
}

// heapPeak samples the heap (live and not yet swept objects) every
// millisecond until stopped, and returns the largest value seen.
func heapPeak() (stop func() uint64) {
	done := make(chan bool)
	var peak uint64
	var wg sync.WaitGroup
	wg.Go(func() {
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(s)
			peak = max(peak, s[0].Value.Uint64())
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	})
	return func() uint64 {
		close(done)
		wg.Wait()
		return peak
	}
}

// cpuTime is the processor time used by the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkBuildCorpus builds the index of the generated 14,400-story
// corpus (see corpusDir) and reports, besides time and allocations, the
// peak heap during a build ("peak-MB", over the documents' own text) and
// the heap still held by the result ("index-MB"), and the processor time
// ("cpu-ms/op", which the 1 ms heap sampler adds little to; wall time
// depends on the machine's load).
func BenchmarkBuildCorpus(b *testing.B) {
	dir := corpusDir()
	if dir == "" {
		b.Skip("no generated corpus: set LANTOA_SEARCH_CORPUS or run go run ./internal/cmd/gencorpus -models 10000 -exemplars 4400 /tmp/search-corpus")
	}
	docs := corpusDocs(b, dir)
	b.Logf("%d documents from %s", len(docs), dir)
	var peak, held uint64
	var base runtime.MemStats
	var cpu time.Duration
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		runtime.GC()
		runtime.ReadMemStats(&base)
		stop := heapPeak()
		c0 := cpuTime()
		b.StartTimer()
		idx, err := Build(docs)
		b.StopTimer()
		cpu += cpuTime() - c0
		if err != nil {
			b.Fatal(err)
		}
		if p := stop(); p > base.HeapAlloc {
			peak = max(peak, p-base.HeapAlloc)
		}
		runtime.GC()
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		held = after.HeapAlloc - min(base.HeapAlloc, after.HeapAlloc)
		runtime.KeepAlive(idx)
		b.StartTimer()
	}
	b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
	b.ReportMetric(float64(held)/(1<<20), "index-MB")
}
