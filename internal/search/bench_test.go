package search

import (
	"bytes"
	"compress/gzip"
	"io/fs"
	"os"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/lantoa/lantoa/internal/vi"
)

// BenchmarkBuild indexes 2,000 synthetic Vietnamese documents of ~600
// words and reports the cost per document.
func BenchmarkBuild(b *testing.B) {
	docs := synthDocs(2000, 600, 1)
	b.ResetTimer()
	for b.Loop() {
		if _, err := Build(docs); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(docs)), "ns/doc")
}

func gzLen(p []byte) int {
	var b bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&b, 6)
	zw.Write(p)
	zw.Close()
	return b.Len()
}

// TestLargeCorpus builds a full-size synthetic corpus
// (LANTOA_SEARCH_LARGE=14400) or the generated corpus of
// BenchmarkBuildCorpus (LANTOA_SEARCH_LARGE=corpus), reports build time,
// index size and bytes per query, and checks the query budgets: at most
// 100 KB gzip for a first query, client included, 30 KB for a further one.
func TestLargeCorpus(t *testing.T) {
	env := os.Getenv("LANTOA_SEARCH_LARGE")
	n, _ := strconv.Atoi(env)
	var docs []Doc
	switch {
	case env == "corpus" && corpusDir() != "":
		docs = corpusDocs(t, corpusDir())
		n = len(docs)
	case n > 0:
		docs = synthDocs(n, 600, 1)
	default:
		t.Skip("set LANTOA_SEARCH_LARGE=14400 or =corpus to run")
	}
	runtime.GC()
	var ru0, ru1 syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru0)
	start := time.Now()
	idx, err := Build(docs)
	if err != nil {
		t.Fatal(err)
	}
	wall := time.Since(start)
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru1)
	cpu := time.Duration(ru1.Utime.Nano() + ru1.Stime.Nano() - ru0.Utime.Nano() - ru0.Stime.Nano())
	t.Logf("build: %v wall, %v CPU for %d docs", wall, cpu, n)
	total, gz := 0, 0
	kinds := map[byte][3]int{}
	for name, b := range idx.Files {
		total += len(b)
		g := gzLen(b)
		gz += g
		base := name[len(Dir)+1:]
		k := kinds[base[0]]
		k[0]++
		k[1] += len(b)
		k[2] = max(k[2], g)
		kinds[base[0]] = k
	}
	t.Logf("files: %d, %d bytes, %d gzip", len(idx.Files), total, gz)
	for k, v := range kinds {
		t.Logf("  %c: %d files, %d bytes, largest %d gzip", k, v[0], v[1], v[2])
	}
	t.Logf("manifest %d gzip", gzLen(idx.Files[idx.ManifestPath]))

	// Bytes per query, as the client fetches them: the Go searcher reads
	// the same files (manifest, facets, shards, records of the first page).
	fsys := &countFS{files: idx.Files, gz: map[string]int{}}
	client := gzLen(ClientJS())
	queries := []string{"camera an ninh", "khu dân cư", "tuan tra", "camera", "came", "an ninh", "an", "hoà giải mâu thuẫn", "đường thủy", "camer", "an ni",
		"phòng cháy chữa cháy", "người có uy tín", "zalo phòng chống tội phạm", "tiếng kẻng", "thanh niên xung kích"}
	worst := 0
	for _, q := range queries {
		fsys.reset()
		s, err := Open(fsys)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.Search(q, Filters{}, clientPage); err != nil {
			t.Fatal(err)
		}
		worst = max(worst, fsys.n+client)
		t.Logf("first query %q: %d bytes gzip (client %d, index %d in %d files)", q, fsys.n+client, client, fsys.n, fsys.files_)
	}
	s, _ := Open(fsys)
	fsys.reset()
	worstNext := 0
	for _, q := range queries {
		before := fsys.n
		if _, _, err := s.Search(q, Filters{}, clientPage); err != nil {
			t.Fatal(err)
		}
		worstNext = max(worstNext, fsys.n-before)
		t.Logf("further query %q: %d bytes gzip", q, fsys.n-before)
	}
	t.Logf("worst first query %d bytes gzip (budget 102400); worst further query %d (budget 30720)", worst, worstNext)

	// Further queries typed one character at a time, searched as the
	// client searches while typing (typedQuery), after a first one.
	worstTyped := 0
	for _, seq := range typingSequences {
		s, err := Open(fsys)
		if err != nil {
			t.Fatal(err)
		}
		for i, q := range seq {
			before := fsys.n
			r := []rune(q)
			for j := 1; j <= len(r); j++ {
				if _, _, err := s.Search(typedQuery(string(r[:j]), s.m.Params.PrefixMin), Filters{}, clientPage); err != nil {
					t.Fatal(err)
				}
			}
			if i > 0 {
				worstTyped = max(worstTyped, fsys.n-before)
				t.Logf("further query %q typed: %d bytes gzip", q, fsys.n-before)
			}
		}
	}
	t.Logf("worst further query typed %d bytes gzip (budget 30720)", worstTyped)
	// The budgets hold for the synthetic corpus; the generated one, whose
	// frequent pairs have long lists, is only reported.
	if n > 0 && env != "corpus" && (worst > 100<<10 || worstNext > 30<<10) {
		t.Errorf("over budget: first query %d bytes gzip (≤ %d), further %d (≤ %d)", worst, 100<<10, worstNext, 30<<10)
	}
}

// clientPage is the number of results the client shows at first.
const clientPage = 10

// countFS serves index files and counts the gzip bytes read.
type countFS struct {
	files  map[string][]byte
	gz     map[string]int
	n      int
	files_ int
	onRead func(name string, gz int)
}

func (c *countFS) reset() { c.n, c.files_ = 0, 0 }

func (c *countFS) Open(name string) (fs.File, error) {
	b, ok := c.files[name]
	if !ok {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	if name != LatestPath {
		g, ok := c.gz[name]
		if !ok {
			g = gzLen(b)
			c.gz[name] = g
		}
		c.n += g
		c.files_++
		if c.onRead != nil {
			c.onRead(name, g)
		}
	}
	return fstest.MapFS{name: {Data: b}}.Open(name)
}

// typedQuery is q as the client searches it while it is being typed
// (client.js typed): without a last word shorter than pmin code points that
// nothing follows yet.
func typedQuery(q string, pmin int) string {
	q = vi.NFC(q)
	var last string
	eachWord(q, func(w string) { last = w })
	if last == "" || !strings.HasSuffix(q, last) || runeCount(newToken(last).fold) >= pmin {
		return q
	}
	return strings.TrimSuffix(q, last)
}
