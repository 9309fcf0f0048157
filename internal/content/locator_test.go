package content

import (
	"math/rand/v2"
	"testing"

	"github.com/lantoa/lantoa/internal/diag"
)

// lineOfByScan is the definition of LineOf: count the newlines before off,
// then the runes from the start of that line.
func lineOfByScan(p *Page, off int) diag.Pos {
	if off > len(p.Body) {
		off = len(p.Body)
	}
	line, last := p.BodyLine, -1
	for i := 0; i < off; i++ {
		if p.Body[i] == '\n' {
			line++
			last = i
		}
	}
	col := 1
	for i := last + 1; i < off; {
		c := p.Body[i]
		switch {
		case c < 0x80:
			i++
		case c < 0xE0:
			i += 2
		case c < 0xF0:
			i += 3
		default:
			i += 4
		}
		col++
	}
	return diag.Pos{File: p.File, Line: line, Col: col}
}

func TestLocator(t *testing.T) {
	p := &Page{File: "content/a.md", BodyLine: 5, Body: []byte("\n## Bối cảnh\n\nMột dòng, “hai” dòng.\n\n\nỞ đây 😀 x\nend")}
	rng := rand.New(rand.NewPCG(1, 1))
	l := p.Locator()
	off := 0
	for range 5000 {
		switch rng.IntN(4) {
		case 0:
			off = rng.IntN(len(p.Body)+3) - 1 // anywhere, even backwards or out of range
		default:
			off += rng.IntN(6) // mostly forwards, as the renderer asks
		}
		want := lineOfByScan(p, off)
		if got := l.Pos(off); got != want {
			t.Fatalf("Locator.Pos(%d) = %+v, want %+v", off, got, want)
		}
		if got := p.LineOf(off); got != want {
			t.Fatalf("LineOf(%d) = %+v, want %+v", off, got, want)
		}
	}
}
