package search

import (
	"strings"
	"testing"
)

func TestRecordWords(t *testing.T) {
	texts := []string{
		"Camera an ninh phường Yên Hòa", "camera giám sát ban", "Camera an ninh ở phường ban",
		"Camera an ninh \ue000 phường \uf8ff", "phường Camera", "ban ban",
	}
	words := recordWords(texts)
	// "Camera" and "phường" (4 uses) qualify; "ninh" (3 uses), "camera"
	// (1) and "ban" (3 bytes, no saving) do not.
	if strings.Join(words, ",") != "Camera,phường" {
		t.Fatalf("words = %q", words)
	}
	code := map[string]int{}
	for i, w := range words {
		code[w] = i
	}
	for _, s := range append(texts, "", "\ue000\uf8ff\uf8fe", "Camerax Camera.Camera") {
		e := encodeWords(s, code)
		if strings.Contains(e, "Camera ") || strings.Contains(e, "phường") {
			t.Errorf("%q encoded as %q: dictionary words left", s, e)
		}
		d, err := decodeWords(e, words)
		if err != nil || d != s {
			t.Errorf("%q: encoded %q, decoded %q, %v", s, e, d, err)
		}
	}
	if e := encodeWords("Camerax", code); e != "Camerax" {
		t.Errorf("a word that begins a dictionary word: %q", e)
	}
	if _, err := decodeWords("a\ue005", words); err == nil {
		t.Error("a code beyond the dictionary decoded")
	}
}

// TestRecordDictionaryBuild: records read back with their titles and
// snippets as written, private-use characters included.
func TestRecordDictionaryBuild(t *testing.T) {
	docs := append(fixtureDocs(), Doc{URL: "/tin-tuc/ky-tu-rieng/", Title: "Ký tự \ue000 riêng \uf8ff camera", Section: secNews,
		Summary: "Camera \ue001\uf8ffcamera riêng"})
	s := openFS(t, docs)
	if len(s.words) == 0 {
		t.Fatal("no dictionary")
	}
	for d := range docs {
		r, err := s.record(d)
		if err != nil {
			t.Fatal(err)
		}
		i := 0
		for i < len(docs) && docs[i].URL != r[0] {
			i++
		}
		if i == len(docs) || r[1] != docs[i].Title || r[3] != snippetSource(&docs[i]) {
			t.Errorf("record %d: %q", d, r)
		}
	}
}
