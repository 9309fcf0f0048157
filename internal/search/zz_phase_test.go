package search

import (
	"testing"
	"time"
)

func TestZZPhases(t *testing.T) {
	docs := corpusDocs(t, corpusDir())
	infos := make([]docInfo, len(docs))
	for i := range docs {
		infos[i].doc = &docs[i]
	}
	for range 3 {
		c0 := cpuTime()
		ti := indexTerms(infos)
		c1 := cpuTime()
		order, rank := ti.foldOrder()
		ti.uniShards(order, len(infos))
		c2 := cpuTime()
		ti.biShards(rank, len(infos))
		c3 := cpuTime()
		recordShards(infos)
		c4 := cpuTime()
		t.Logf("index %v uni %v bi %v rec %v", c1-c0, c2-c1, c3-c2, c4-c3)
		_ = time.Now
	}
}
