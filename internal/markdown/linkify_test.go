package markdown

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

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
		parser.WithInlineParsers(util.Prioritized(linkify{extension.NewLinkifyParser()}, 999))))
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
