package share

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"strings"

	"golang.org/x/image/font"
)

// A titleLayout is a title broken into lines at one font size.
type titleLayout struct {
	lines  []string
	face   font.Face
	size   float64
	height int // from the top of the first line's ascent to the last line's descent
}

// layoutTitle sets title in lines at most width pixels wide: at the
// largest size whose lines fit in three lines, or else titleMaxLines
// lines, and maxHeight pixels,
// with balanced lines; or, when none fits, at the smallest size cut to
// titleMaxLines lines ending in an ellipsis.
func (r *Renderer) layoutTitle(title string, width, maxHeight int) titleLayout {
	sizes := []float64{76, 68, 62, 56, 50, 46, 44}
	var l titleLayout
	// Prefer three lines at a larger size to four at a smaller one.
	for _, maxLines := range []int{titleMaxLines - 1, titleMaxLines} {
		for _, size := range sizes {
			l = titleLayout{face: face(r.bold, size), size: size}
			l.lines = wrap(l.face, title, width)
			l.height = blockHeight(l.face, size, len(l.lines))
			if len(l.lines) <= maxLines && l.height <= maxHeight {
				l.lines = balance(l.face, title, width, len(l.lines))
				return l
			}
		}
	}
	// Nothing fits: keep as many lines as fit at the smallest size and end
	// the last one with an ellipsis.
	n := titleMaxLines
	for n > 1 && blockHeight(l.face, l.size, n) > maxHeight {
		n--
	}
	if len(l.lines) > n {
		rest := strings.Join(l.lines[n-1:], " ")
		l.lines = l.lines[:n]
		l.lines[n-1] = ellipsizeWords(l.face, rest, width)
	}
	l.height = blockHeight(l.face, l.size, len(l.lines))
	return l
}

// blockHeight returns the height of n lines of face f at size.
func blockHeight(f font.Face, size float64, n int) int {
	if n == 0 {
		return 0
	}
	m := f.Metrics()
	return m.Ascent.Ceil() + int(float64(n-1)*size*titleLeading) + m.Descent.Ceil()
}

// wrap breaks s into lines at most width pixels wide, greedily at spaces.
// A word wider than width is broken between characters.
func wrap(f font.Face, s string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && measure(f, line+" "+w, 0) <= width {
			line += " " + w
			continue
		}
		if line != "" {
			lines = append(lines, line)
		}
		line = w
		for measure(f, line, 0) > width {
			head, tail := splitToFit(f, line, width)
			lines = append(lines, head)
			line = tail
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// splitToFit splits the word w, which is wider than width, after its
// longest prefix (at least one character) that fits.
func splitToFit(f font.Face, w string, width int) (head, tail string) {
	rs := []rune(w)
	n := 1
	for n < len(rs) && measure(f, string(rs[:n+1]), 0) <= width {
		n++
	}
	return string(rs[:n]), string(rs[n:])
}

// balance returns s wrapped into n lines at most width pixels wide, with
// widths as even as possible: the break points minimize the sum of the
// squared space left at the end of every line, the last included. If s
// has a word wider than width, it returns the greedy wrap.
func balance(f font.Face, s string, width, n int) []string {
	words := strings.Fields(s)
	if n < 2 || len(words) <= n {
		return wrap(f, s, width)
	}
	// lineW[i][j] is the width of words[i:j] set on one line.
	lineW := make([][]int, len(words))
	for i := range words {
		lineW[i] = make([]int, len(words)+1)
		for j := i + 1; j <= len(words); j++ {
			lineW[i][j] = measure(f, strings.Join(words[i:j], " "), 0)
		}
	}
	// cost[k][j] is the least cost of setting words[:j] in k lines; from
	// records where the last of those lines starts.
	const inf = math.MaxInt64
	cost := make([][]int, n+1)
	from := make([][]int, n+1)
	for k := range cost {
		cost[k] = make([]int, len(words)+1)
		from[k] = make([]int, len(words)+1)
		for j := range cost[k] {
			cost[k][j] = inf
		}
	}
	cost[0][0] = 0
	for k := 1; k <= n; k++ {
		for j := 1; j <= len(words); j++ {
			for i := k - 1; i < j; i++ {
				w := lineW[i][j]
				if cost[k-1][i] == inf || w > width {
					continue
				}
				slack := width - w
				if c := cost[k-1][i] + slack*slack; c < cost[k][j] {
					cost[k][j], from[k][j] = c, i
				}
			}
		}
	}
	if cost[n][len(words)] == inf {
		return wrap(f, s, width)
	}
	lines := make([]string, n)
	for k, j := n, len(words); k > 0; k-- {
		i := from[k][j]
		lines[k-1] = strings.Join(words[i:j], " ")
		j = i
	}
	return lines
}

// ellipsizeWords shortens s at a word boundary, with a trailing ellipsis,
// until it fits in width.
func ellipsizeWords(f font.Face, s string, width int) string {
	words := strings.Fields(s)
	for n := len(words); n > 0; n-- {
		t := trimRightSpace(strings.Join(words[:n], " ")) + "…"
		if measure(f, t, 0) <= width {
			return t
		}
	}
	return ellipsize(f, s, width, 0)
}

// A ramp is a run of colours blending From into To.
type ramp struct {
	from, to color.RGBA
	steps    int // colours in the ramp, both ends included
}

// palette returns the colours a card without a photo is made of: every
// ink (text and shapes) blended into every surface it is drawn on, so that
// anti-aliased edges keep their shades.
func (r *Renderer) palette() []ramp {
	t := r.theme
	ripple := mix(t.Background, t.Foreground, 0.07)
	footer := footerColor(t)
	return []ramp{
		{t.Background, t.Foreground, 40},
		{t.Background, t.Accent, 24},
		{t.Background, t.Muted, 24},
		{t.Background, ripple, 6},
		{ripple, t.Foreground, 32},
		{ripple, t.Muted, 16},
		{ripple, t.Accent, 12},
		{footer, t.Foreground, 32},
		{footer, t.Muted, 24},
		{footer, t.Accent, 24},
	}
}

// buildPalette expands ramps into at most 256 distinct colours, scaling
// every ramp's steps by scale.
func buildPalette(ramps []ramp, scale float64) color.Palette {
	var p color.Palette
	seen := make(map[color.RGBA]bool)
	for _, rp := range ramps {
		steps := max(2, int(float64(rp.steps)*scale))
		for i := 0; i < steps; i++ {
			c := mix(rp.from, rp.to, float64(i)/float64(steps-1))
			if !seen[c] && len(p) < 256 {
				seen[c] = true
				p = append(p, c)
			}
		}
	}
	return p
}

// encodePalette quantizes img to the colours of ramps and encodes it as a
// PNG of at most MaxBytes, using fewer shades if needed.
func encodePalette(img *image.RGBA, ramps []ramp) ([]byte, error) {
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.DefaultCompression}
	for _, scale := range []float64{1, 0.35} {
		pal := buildPalette(ramps, scale)
		buf.Reset()
		if err := enc.Encode(&buf, quantize(img, pal)); err != nil {
			return nil, fmt.Errorf("share: encoding PNG: %w", err)
		}
		if buf.Len() <= MaxBytes {
			return buf.Bytes(), nil
		}
	}
	return nil, fmt.Errorf("share: PNG is %d bytes, over the %d byte limit", buf.Len(), MaxBytes)
}

// quantize maps every pixel of img to the nearest colour of pal.
func quantize(img *image.RGBA, pal color.Palette) *image.Paletted {
	b := img.Bounds()
	dst := image.NewPaletted(b, pal)
	index := make(map[uint32]uint8)
	prevKey, prev := uint32(1<<31), uint8(0) // most pixels repeat their left neighbour
	for y := b.Min.Y; y < b.Max.Y; y++ {
		src := img.Pix[img.PixOffset(b.Min.X, y):]
		out := dst.Pix[dst.PixOffset(b.Min.X, y):]
		for x := 0; x < b.Dx(); x++ {
			k := uint32(src[4*x])<<16 | uint32(src[4*x+1])<<8 | uint32(src[4*x+2])
			if k != prevKey {
				i, ok := index[k]
				if !ok {
					i = uint8(nearest(pal, k))
					index[k] = i
				}
				prevKey, prev = k, i
			}
			out[x] = prev
		}
	}
	return dst
}

// nearest returns the index of the colour of pal closest to c, by
// weighted squared distance in RGB.
func nearest(pal color.Palette, rgb uint32) int {
	c := [3]uint8{uint8(rgb >> 16), uint8(rgb >> 8), uint8(rgb)}
	best, bestD := 0, -1
	for i, p := range pal {
		q := p.(color.RGBA)
		dr := int(q.R) - int(c[0])
		dg := int(q.G) - int(c[1])
		db := int(q.B) - int(c[2])
		d := 2*dr*dr + 4*dg*dg + 3*db*db
		if bestD < 0 || d < bestD {
			best, bestD = i, d
		}
	}
	return best
}
