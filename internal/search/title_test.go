package search

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// titleCorpus has n documents; "camera" is in the body of a third of
// them, many times, and in the title of two more, which say it once in
// the body and sort after the others (a later province), so that a tie
// would go against them.
func titleCorpus(n int) (docs []Doc, titled []string) {
	r := rand.New(rand.NewPCG(3, 4))
	filler := strings.Fields(seedText)
	text := func(k int) string {
		var b strings.Builder
		for range k {
			w := filler[r.IntN(len(filler))]
			if strings.HasPrefix(strings.ToLower(w), "camera") {
				w = "nhà"
			}
			b.WriteString(w + " ")
		}
		return b.String()
	}
	ag, vl := Term{"An Giang", "an-giang"}, Term{"Vĩnh Long", "vinh-long"}
	for i := range n {
		d := Doc{URL: fmt.Sprintf("/mo-hinh/m-%02d/", i), Title: "Mô hình " + text(5), Section: secModel, Province: ag,
			Date: "01/02/2025", Summary: text(20), Body: text(150)}
		switch {
		case i < 2:
			d.Title = fmt.Sprintf("Camera an ninh %s", text(4))
			d.Body = text(150) + " Lắp camera. " + text(150)
			d.Province = vl
			titled = append(titled, d.URL)
		case i < 2+n/3:
			d.Summary += " camera camera"
			d.Body = strings.Repeat("Camera giám sát ngõ. ", 6) + text(60)
		}
		docs = append(docs, d)
	}
	return docs, titled
}

// TestTitleOutranksBody: a word in the title outranks the same word only
// in the body, however often it is there and however common the word.
func TestTitleOutranksBody(t *testing.T) {
	for _, n := range []int{30, 3000} {
		docs, titled := titleCorpus(n)
		s := openFS(t, docs)
		for _, q := range []string{"camera", "CAMERA ", "came"} {
			got := rank(t, s, q, Filters{})
			if len(got) < 2+n/3 {
				t.Errorf("n=%d %q: %d hits, want %d", n, q, len(got), 2+n/3)
				continue
			}
			if top := got[:2]; !slices.Contains(top, titled[0]) || !slices.Contains(top, titled[1]) {
				t.Errorf("n=%d %q: top %q, want the titles %q", n, q, top, titled)
			}
		}
	}
}

// TestTitleOutranksBodySite checks the real site (the repository root):
// every page with a word of the query in its title ranks before every
// page without, for words found in many pages.
func TestTitleOutranksBodySite(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "content", "mo-hinh")); err != nil {
		t.Skipf("no site content: %v", err)
	}
	docs := corpusDocs(t, root)
	s := openFS(t, docs)
	titles := map[string]string{}
	for _, d := range docs {
		titles[d.URL] = d.Title
	}
	for _, c := range []struct {
		q      string
		prefix bool
	}{{"camera", false}, {"came", true}, {"zalo", false}, {"tuan tra", false}} {
		inTitle := func(url string) bool {
			qt := tokenize(c.q)
			for _, q := range qt {
				found := false
				for _, w := range tokenize(titles[url]) {
					if w.fold == q.fold || c.prefix && strings.HasPrefix(w.fold, q.fold) {
						found = true
					}
				}
				if !found {
					return false
				}
			}
			return true
		}
		got := rank(t, s, c.q, Filters{})
		n := 0
		for n < len(got) && inTitle(got[n]) {
			n++
		}
		for _, u := range got[n:] {
			if inTitle(u) {
				t.Errorf("%q: %s (title %q) ranks after a page without the words in its title: %q", c.q, u, titles[u], got)
				break
			}
		}
		if n == 0 {
			t.Logf("%q: no page has it in its title", c.q)
		}
		t.Logf("%q: %d of %d hits have it in the title", c.q, n, len(got))
	}
}

// TestPostingsArena writes many interleaved lists and reads them back.
func TestPostingsArena(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	type post struct {
		doc   int32
		wtf   uint32
		title bool
	}
	var p postings
	want := make([][]post, 3000)
	for range want {
		p.newTerm()
	}
	for doc := range int32(30000) {
		for range r.IntN(40) {
			id := r.IntN(len(want))
			if r.IntN(2) == 0 {
				id = r.IntN(5) // a few long lists
			}
			if l := want[id]; len(l) > 0 && l[len(l)-1].doc == doc {
				continue
			}
			e := post{doc, uint32(1 + r.IntN([]int{5, 300, 1 << 29}[r.IntN(3)])), r.IntN(4) == 0}
			acc := e.wtf
			if e.title {
				acc |= inTitle
			}
			p.add(int32(id), doc, acc)
			want[id] = append(want[id], e)
		}
	}
	for id, w := range want {
		rd := p.reader(int32(id))
		var got []post
		for {
			doc, wtf, title, ok := rd.next()
			if !ok {
				break
			}
			got = append(got, post{doc, wtf, title})
		}
		if !slices.Equal(got, w) {
			t.Fatalf("list %d: read %d postings %v..., wrote %d %v...", id, len(got), got[:min(3, len(got))], len(w), w[:min(3, len(w))])
		}
	}
	if len(p.pages) < 2 {
		t.Errorf("%d arena pages: the test should cross pages", len(p.pages))
	}
}
