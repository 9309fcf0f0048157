package content

import (
	"strings"
	"testing"
	"time"

	"github.com/lantoa/lantoa/internal/vocab"
)

// Bidi overrides and isolates are removed from bodies too, so a U+202E
// cannot reverse the display of a paragraph.
func TestBodyBidiStripped(t *testing.T) {
	src := "---\ntitle: \"T\u202e\"\n---\n\nMột \u202eđoạn\u202c văn \u2066bị\u2069 đảo.\n"
	p, ds := Parse("content/gioi-thieu.md", []byte(src), Options{Vocab: &vocab.Vocabularies{Provinces: &vocab.Vocabulary{}, Fields: &vocab.Vocabulary{}}, Location: time.UTC, Now: time.Now()})
	if p == nil {
		t.Fatal(ds)
	}
	for _, r := range []string{"\u202e", "\u202c", "\u2066", "\u2069"} {
		if strings.Contains(string(p.Body), r) || strings.Contains(p.Title, r) {
			t.Errorf("%U kept: title %q body %q", []rune(r)[0], p.Title, p.Body)
		}
	}
	if !strings.Contains(string(p.Body), "Một đoạn văn bị đảo.") {
		t.Errorf("body text lost: %q", p.Body)
	}
	if p.BodyLine != 4 {
		t.Errorf("body line %d, want 4", p.BodyLine)
	}
}
