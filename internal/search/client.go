package search

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"slices"

	"github.com/lantoa/lantoa/internal/vi"
)

//go:embed client.js
var clientSource []byte

// toneMarker is the placeholder in client.js replaced by the tone table.
const toneMarker = "/*TONE*/{}"

// ClientJS returns the browser client, unminified, with the tone-placement
// table of vi.ToneTable embedded, so the client normalizes queries exactly
// like the index. It expects the search page described in the package
// documentation of the theme (form #search-form with data-index naming
// the manifest URL, #search-status, #search-results, #search-nojs).
func ClientJS() []byte {
	t := vi.ToneTable()
	keys := make([]string, 0, len(t))
	for k := range t {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range keys {
		if i > 0 {
			b.WriteByte(',')
		}
		kb, _ := json.Marshal(k)
		vb, _ := json.Marshal(t[k])
		b.Write(kb)
		b.WriteByte(':')
		b.Write(vb)
	}
	b.WriteByte('}')
	return bytes.Replace(clientSource, []byte(toneMarker), b.Bytes(), 1)
}
