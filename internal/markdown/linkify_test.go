package markdown

import (
	"bytes"
	"io/fs"
	"math/rand/v2"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/lantoa/lantoa/internal/content"
	"github.com/lantoa/lantoa/internal/corpus"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/util"
)

// sameLinks asserts that goldmark with extension.Linkify and goldmark with
// our filtered linkify render src identically.
func sameLinks(t *testing.T, src string) {
	t.Helper()
	plain := goldmark.New(goldmark.WithExtensions(extension.Linkify))
	filtered := goldmark.New(goldmark.WithParserOptions(
		parser.WithInlineParsers(util.Prioritized(linkifyFilter{extension.NewLinkifyParser()}, 999))))
	var want, got bytes.Buffer
	if err := plain.Convert([]byte(src), &want); err != nil {
		t.Fatal(err)
	}
	if err := filtered.Convert([]byte(src), &got); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Fatalf("%q:\nfiltered linkify gives %q\nextension.Linkify gives %q", src, got.String(), want.String())
	}
}

// linkPieces are the bits autolinks are made of, and what stops them.
var linkPieces = []string{
	" ", "  ", "\n", "\t", "*", "_", "~", "(", ")", "[", "]", ".", ",", ":", "/", "@", "-", "&", ";", "!", "?", "#", "<", ">", "`", "\\",
	"http://", "https://", "ftp://", "www.", "http:", "h", "w", "f", "example.com", "a.b", "mailto:", "tel:",
	"an", "ninh", "Việt", "x_y", "user.name+tag", strings.Repeat("a", 63), strings.Repeat("b", 64), strings.Repeat("c", 65),
	"a@b.c", "@b.c", "tổ@x.vn", "1", "&amp;", "**", "__", "~~", "[x](y)", "![a](b)",
}

func TestLinkifyFilter(t *testing.T) {
	for _, src := range []string{
		"see https://example.com/a?b=c, or www.example.org.", "mail an.ninh@example.vn now", "(http://x.y/z)",
		"*www.a.bc* _ftp://h.ij_ ~https://k.lm~", "x " + strings.Repeat("a", 64) + "@b.cd", "x " + strings.Repeat("a", 65) + "@b.cd",
		"a@b", "[www.in.link](/x)", "Liên hệ: congan@hanoi.gov.vn hoặc https://hanoi.gov.vn.",
	} {
		sameLinks(t, src)
	}
	rng := rand.New(rand.NewPCG(9, 9))
	for i := range 3000 {
		var b strings.Builder
		for range 1 + i%30 {
			b.WriteString(linkPieces[rng.IntN(len(linkPieces))])
		}
		sameLinks(t, b.String())
	}
}

func FuzzLinkify(f *testing.F) {
	for _, s := range []string{"see https://example.com/a?b=c, or www.example.org.", "mail an.ninh@example.vn now", "*(ftp://x.y)*"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		sameLinks(t, src)
	})
}

// sameWithoutLinkify asserts that a body without linkify's seeds gives the
// same result from both goldmark instances, and from Check as from a full
// parse, and reports whether body was such a body.
func sameWithoutLinkify(t *testing.T, r *Renderer, site fakeSite, file, body string) bool {
	t.Helper()
	p, _ := content.Parse(file, []byte(header+body), opts)
	if p == nil || r.goldmarkFor(p.Body) != r.noLinkify {
		return false
	}
	want := r.run(r.md, p, site, true)
	got := r.run(r.noLinkify, p, site, true)
	if string(got.HTML) != string(want.HTML) {
		t.Fatalf("%q: HTML without linkify\n%s\nwith linkify\n%s", body, got.HTML, want.HTML)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%q: without linkify\n%+v\nwith linkify\n%+v", body, got, want)
	}
	want = r.run(r.md, p, site, false)
	if got := r.run(r.noLinkify, p, site, false); !reflect.DeepEqual(got, want) {
		t.Fatalf("%q: Check without linkify\n%+v\nwith linkify\n%+v", body, got, want)
	}
	// Check uses r.checker, which skips plain paragraphs.
	if got := r.Check(p, site); !reflect.DeepEqual(got, want) {
		t.Fatalf("%q: Check\n%+v\nparsing everything\n%+v", body, got, want)
	}
	return true
}

// mdPieces build bodies with every inline and block construct, spaces in
// all places, and no autolink.
var mdPieces = []string{
	" ", "  ", "   ", "\n", "\n\n", "  \n", "\\\n", "\t", "x", "Việt", "(", ")", "((", "*", "**", "_", "__", "~", "~~", "`", "``",
	"\\", "\\(", "\\ ", "\\*", "&amp;", "&#65;", "&copy", "[", "]", "[a](/gioi-thieu/)", "[ a b ](/mo-hinh/camera-an-ninh/#x \"t t\")",
	"![Ảnh  đẹp](/anh/a.jpg)", "![](/anh/a.jpg \"chú thích\")", "![x](khong-co.jpg)", "[x](/khong-co/)", "[x](javascript:alert(1))",
	"[^1]", "[^1]: ghi chú", "<b>", "</b>", "<!-- c -->", "\n## Bối cảnh", "\n# H1", "\n#### H4", "\n- a", "\n1. b", "\n> q",
	"\n```\ncode\n```\n", "\n    code", "\n| a | b |\n|:--|--:|\n| c | d |\n", "\n- [ ] việc", "\n***\n", "\n[r]: /gioi-thieu/\n", "[r]",
	"    \n", "   \n", " \t\n", "\t\n", "\v", "\f", "\n|  a   |\tb  |\n|---|---|\n|  c  \t| d   |\n", "\n##  x   ", "\n##  y  ##  \n",
	"\n> a   \n", "\n- b \t \n", "( ", " (", "*a*  ", "`c`   ", "[a   ](/gioi-thieu/)  ",
}

func TestNoLinkifySameResult(t *testing.T) {
	r, site := New(), newSite()
	n := 0
	rng := rand.New(rand.NewPCG(7, 7))
	for i := range 10000 {
		var b strings.Builder
		for range 1 + i%60 {
			b.WriteString(mdPieces[rng.IntN(len(mdPieces))])
		}
		for _, file := range []string{"content/tin-tuc/ban-tin.md", "content/mo-hinh/tieng-keng/index.md"} {
			if sameWithoutLinkify(t, r, site, file, b.String()) {
				n++
			}
		}
	}
	if n < 1500 {
		t.Fatalf("only %d bodies without seeds", n)
	}
	if sameWithoutLinkify(t, r, site, "content/tin-tuc/ban-tin.md", "a@b.vn") || sameWithoutLinkify(t, r, site, "content/tin-tuc/ban-tin.md", "www.") {
		t.Fatal("a body with an autolink seed is parsed without linkify")
	}
	// Found by this test: the heading's text is "(  " without its newline,
	// "( " with linkify.
	if sameWithoutLinkify(t, r, site, "content/tin-tuc/ban-tin.md", "  (  \n| a | b |\n|:--|--:|\n===\n") {
		t.Fatal("a body with two spaces at the end of a line is parsed without linkify")
	}
}

// TestNoLinkifyCorpus compares both instances on a generated corpus.
func TestNoLinkifyCorpus(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.Generate(dir, corpus.Options{Models: 60, Exemplars: 26, News: 10, Seed: 5, DataDir: "../../data"}); err != nil {
		t.Fatal(err)
	}
	fsys := os.DirFS(dir)
	r, site := New(), newSite()
	n := 0
	content.Walk(fsys, func(file string, _ fs.DirEntry) {
		src, err := fs.ReadFile(fsys, file)
		if err != nil {
			t.Fatal(err)
		}
		_, body, ok := strings.Cut(string(src), "\n---\n") // after the front matter
		if ok && sameWithoutLinkify(t, r, site, file, body) {
			n++
		}
	})
	if n < 90 {
		t.Fatalf("only %d pages compared", n)
	}
}

func FuzzNoLinkify(f *testing.F) {
	for _, s := range mdPieces {
		f.Add(s + " x (y) " + s)
	}
	r, site := New(), newSite()
	f.Fuzz(func(t *testing.T, body string) {
		sameWithoutLinkify(t, r, site, "content/tin-tuc/ban-tin.md", body)
	})
}

// keepsTrailingSpaceByLine is keepsTrailingSpace's definition, line by line.
func keepsTrailingSpaceByLine(body string) bool {
	lines := strings.Split(body, "\n")
	for _, l := range lines {
		if len(l)-len(strings.TrimRight(l, " \t\v\f")) >= 2 {
			return true
		}
	}
	return false
}

func TestGoldmarkForScans(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 4))
	pieces := []string{" ", "  ", "   ", "\t", "\v", "\f", "\n", "a", "w", "ww", "www", ".", ":", "h", "http", "https", "ftp", "tp", "s", "@", "Việt"}
	for i := range 50000 {
		var b strings.Builder
		for range i % 16 {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		seeds := strings.Contains(s, "@")
		for _, p := range linkifyPrefixes() {
			seeds = seeds || strings.Contains(s, p)
		}
		if got := mayLinkify([]byte(s)); got != seeds {
			t.Fatalf("mayLinkify(%q) = %v, want %v", s, got, seeds)
		}
		if got, want := keepsTrailingSpace([]byte(s)), keepsTrailingSpaceByLine(s); got != want {
			t.Fatalf("keepsTrailingSpace(%q) = %v, want %v", s, got, want)
		}
	}
}
