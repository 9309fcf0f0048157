package search

import (
	"bytes"
	"compress/gzip"
	"os"
	"strconv"
	"testing"
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

// TestLargeCorpus builds a full-size corpus (LANTOA_SEARCH_LARGE=14400) and
// reports build time, index size and bytes per query.
func TestLargeCorpus(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("LANTOA_SEARCH_LARGE"))
	if n == 0 {
		t.Skip("set LANTOA_SEARCH_LARGE=14400 to run")
	}
	docs := synthDocs(n, 600, 1)
	start := testingNow()
	idx, err := Build(docs)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("build: %v for %d docs", testingSince(start), n)
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
}
