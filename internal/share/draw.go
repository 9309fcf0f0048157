package share

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"math"
	"strings"
	"unicode"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	xdraw "golang.org/x/image/draw"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
	"golang.org/x/text/unicode/norm"
)

// Layout, in pixels of the 1200×630 card.
const (
	marginX      = 80  // left and right margin of all text
	marginTop    = 64  // top of the brand bar
	footerHeight = 100 // height of the footer band
	brandBarW    = 96  // width of the accent bar above the eyebrow
	brandBarH    = 8

	eyebrowSize  = 26
	eyebrowTrack = 2.5 // extra space between eyebrow letters
	metaSize     = 30
	siteSize     = 30
	hostSize     = 26

	titleMaxLines = 4
	titleLeading  = 1.16 // line height as a multiple of the font size
)

// A Renderer draws share cards in one theme. It is safe for concurrent use.
type Renderer struct {
	theme   Theme
	regular *opentype.Font
	bold    *opentype.Font
}

// NewRenderer parses the fonts and returns a Renderer drawing with theme t.
func NewRenderer(t Theme) (*Renderer, error) {
	regular, err := opentype.Parse(dejavusans.TTF)
	if err != nil {
		return nil, fmt.Errorf("share: parsing DejaVu Sans: %w", err)
	}
	bold, err := opentype.Parse(dejavusansbold.TTF)
	if err != nil {
		return nil, fmt.Errorf("share: parsing DejaVu Sans Bold: %w", err)
	}
	return &Renderer{theme: t, regular: regular, bold: bold}, nil
}

// Theme returns the renderer's theme.
func (r *Renderer) Theme() Theme { return r.theme }

// Missing returns the characters of s, after NFC normalization, that
// DejaVu Sans or DejaVu Sans Bold cannot draw, each once, in order of first
// use. Spaces and control characters are ignored.
func (r *Renderer) Missing(s string) []rune {
	var buf sfnt.Buffer
	var missing []rune
	seen := make(map[rune]bool)
	for _, c := range norm.NFC.String(s) {
		if seen[c] || unicode.IsSpace(c) || unicode.IsControl(c) {
			continue
		}
		seen[c] = true
		for _, f := range []*sfnt.Font{r.regular, r.bold} {
			if i, err := f.GlyphIndex(&buf, c); err != nil || i == 0 {
				missing = append(missing, c)
				break
			}
		}
	}
	return missing
}

// check returns a *MissingGlyphsError for the first field of c with a
// character the fonts lack.
func (r *Renderer) check(c Card) error {
	for _, f := range []struct{ name, text string }{
		{"Title", c.Title},
		{"Eyebrow", c.Eyebrow},
		{"Meta", c.Meta},
		{"SiteName", c.SiteName},
		{"SiteHost", c.SiteHost},
	} {
		if m := r.Missing(f.text); len(m) > 0 {
			return &MissingGlyphsError{Field: f.name, Text: norm.NFC.String(f.text), Runes: m}
		}
	}
	return nil
}

// face returns a new face of f at size pixels. Faces are not safe for
// concurrent use, so every Draw call makes its own.
func face(f *opentype.Font, size float64) font.Face {
	ff, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		// opentype.NewFace never fails (its error result is for the future).
		panic(err)
	}
	return ff
}

// Draw draws card c and returns it encoded: a palette PNG when c has no
// Background, a JPEG otherwise (see [Card.Ext]). The result is Width×Height
// pixels and at most MaxBytes long. Draw fails with a *MissingGlyphsError if
// the fonts lack a character of the card's text.
func (r *Renderer) Draw(c Card) ([]byte, error) {
	img, err := r.Image(c)
	if err != nil {
		return nil, err
	}
	if c.Background == nil {
		return encodePalette(img, r.palette())
	}
	return encodeJPEG(img)
}

// Image draws card c and returns the unencoded image.
func (r *Renderer) Image(c Card) (*image.RGBA, error) {
	c.Title = clean(c.Title)
	c.Eyebrow = clean(c.Eyebrow)
	c.Meta = clean(c.Meta)
	c.SiteName = clean(c.SiteName)
	c.SiteHost = clean(c.SiteHost)
	if err := r.check(c); err != nil {
		return nil, err
	}

	t := r.theme
	dst := image.NewRGBA(image.Rect(0, 0, Width, Height))
	footerTop := Height - footerHeight
	if c.Background != nil {
		drawPhoto(dst, c.Background, t.Background)
	} else {
		fill(dst, dst.Bounds(), t.Background)
		drawRipples(dst, image.Pt(Width-150, footerTop-170), mix(t.Background, t.Foreground, 0.07))
	}

	// Footer band: a darker strip with the brand mark, site name and host.
	footer := image.Rect(0, footerTop, Width, Height)
	fill(dst, footer, footerColor(t))
	fill(dst, image.Rect(0, footerTop, Width, footerTop+4), t.Accent)
	footerMid := footerTop + 4 + (footerHeight-4)/2
	markR := 17.0
	drawMark(dst, marginX+int(markR), footerMid, float32(markR), t.Accent)
	siteFace := face(r.bold, siteSize)
	hostFace := face(r.regular, hostSize)
	textX := marginX + int(2*markR) + 18
	drawText(dst, siteFace, t.Foreground, c.SiteName, textX, centredBaseline(siteFace, footerMid), 0)
	if c.SiteHost != "" {
		w := measure(hostFace, c.SiteHost, 0)
		drawText(dst, hostFace, t.Muted, c.SiteHost, Width-marginX-w, centredBaseline(hostFace, footerMid), 0)
	}

	// Brand bar and eyebrow, at the top.
	y := marginTop
	fill(dst, image.Rect(marginX, y, marginX+brandBarW, y+brandBarH), t.Accent)
	y += brandBarH
	eyebrowFace := face(r.bold, eyebrowSize)
	if c.Eyebrow != "" {
		eyebrow := upper(c.Eyebrow)
		eyebrow = ellipsize(eyebrowFace, eyebrow, Width-2*marginX, eyebrowTrack)
		m := eyebrowFace.Metrics()
		y += 28 + m.Ascent.Ceil()
		drawText(dst, eyebrowFace, t.Accent, eyebrow, marginX, y, eyebrowTrack)
		y += m.Descent.Ceil()
	}

	// Title and meta, in the space left above the footer: centred, raised
	// a little for optical balance.
	metaFace := face(r.regular, metaSize)
	top := y + 28
	bottom := footerTop - 44
	var metaH int
	if c.Meta != "" {
		m := metaFace.Metrics()
		metaH = 24 + m.Ascent.Ceil() + m.Descent.Ceil()
	}
	title := r.layoutTitle(c.Title, Width-2*marginX, bottom-top-metaH)
	blockH := title.height + metaH
	y = top + (bottom-top-blockH)*2/5
	if y < top {
		y = top
	}
	tm := title.face.Metrics()
	for i, line := range title.lines {
		base := y + tm.Ascent.Ceil() + int(float64(i)*title.size*titleLeading)
		drawText(dst, title.face, t.Foreground, line, marginX, base, 0)
	}
	y += title.height
	if c.Meta != "" {
		m := metaFace.Metrics()
		y += 24 + m.Ascent.Ceil()
		meta := ellipsize(metaFace, c.Meta, Width-2*marginX-28, 0)
		drawPin(dst, marginX, y, t.Accent)
		drawText(dst, metaFace, t.Muted, meta, marginX+28, y, 0)
	}
	return dst, nil
}

// clean returns s in NFC with runs of spaces of any kind as one ASCII
// space, control characters removed and no space at either end: the
// characters Missing ignores are never drawn.
func clean(s string) string {
	var b strings.Builder
	space := false
	for _, c := range norm.NFC.String(s) {
		switch {
		case unicode.IsSpace(c):
			space = b.Len() > 0
		case unicode.IsControl(c):
		default:
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteRune(c)
		}
	}
	return b.String()
}

// footerColor is the colour of the footer band: the background, darker.
func footerColor(t Theme) color.RGBA {
	return mix(t.Background, color.RGBA{0, 0, 0, 0xff}, 0.35)
}

// centredBaseline returns the baseline that centres f's capital letters on
// the line y = mid.
func centredBaseline(f font.Face, mid int) int {
	b, _, ok := f.GlyphBounds('H')
	if !ok {
		m := f.Metrics()
		return mid + (m.Ascent.Ceil()-m.Descent.Ceil())/2
	}
	capH := (-b.Min.Y).Ceil()
	return mid + capH/2
}

// drawText draws s with its baseline origin at (x, y), adding track pixels
// after every character.
func drawText(dst draw.Image, f font.Face, col color.RGBA, s string, x, y int, track float64) {
	d := font.Drawer{Dst: dst, Src: image.NewUniform(col), Face: f, Dot: fixed.P(x, y)}
	if track == 0 {
		d.DrawString(s)
		return
	}
	for _, c := range s {
		d.DrawString(string(c))
		d.Dot.X += fixed.Int26_6(track * 64)
	}
}

// measure returns the advance width of s in pixels, with track pixels after
// every character but the last.
func measure(f font.Face, s string, track float64) int {
	w := font.MeasureString(f, s)
	if track != 0 {
		n := len([]rune(s))
		if n > 1 {
			w += fixed.Int26_6(track*64) * fixed.Int26_6(n-1)
		}
	}
	return w.Ceil()
}

// ellipsize shortens s with a trailing ellipsis until it fits in width.
func ellipsize(f font.Face, s string, width int, track float64) string {
	if measure(f, s, track) <= width {
		return s
	}
	rs := []rune(s)
	for n := len(rs) - 1; n > 0; n-- {
		t := trimRightSpace(string(rs[:n])) + "…"
		if measure(f, t, track) <= width {
			return t
		}
	}
	return "…"
}

func trimRightSpace(s string) string {
	rs := []rune(s)
	for len(rs) > 0 && (unicode.IsSpace(rs[len(rs)-1]) || unicode.IsPunct(rs[len(rs)-1])) {
		rs = rs[:len(rs)-1]
	}
	return string(rs)
}

// upper returns s in capitals, Vietnamese-aware (đ → Đ) and in NFC.
func upper(s string) string {
	return norm.NFC.String(strings.ToUpper(s))
}

// fill fills rectangle rect of dst with col.
func fill(dst *image.RGBA, rect image.Rectangle, col color.RGBA) {
	draw.Draw(dst, rect, image.NewUniform(col), image.Point{}, draw.Src)
}

// mix returns a blended with b: (1-t)·a + t·b, opaque.
func mix(a, b color.RGBA, t float64) color.RGBA {
	f := func(x, y uint8) uint8 { return uint8(float64(x)*(1-t) + float64(y)*t + 0.5) }
	return color.RGBA{f(a.R, b.R), f(a.G, b.G), f(a.B, b.B), 0xff}
}

// drawPhoto cover-crops photo into dst and darkens it with a vertical
// gradient of the theme background, so light text stays legible.
func drawPhoto(dst *image.RGBA, photo image.Image, tint color.RGBA) {
	sb := photo.Bounds()
	src := sb
	if sb.Dx()*Height > sb.Dy()*Width {
		w := sb.Dy() * Width / Height
		src.Min.X += (sb.Dx() - w) / 2
		src.Max.X = src.Min.X + w
	} else {
		h := sb.Dx() * Height / Width
		src.Min.Y += (sb.Dy() - h) / 2
		src.Max.Y = src.Min.Y + h
	}
	xdraw.BiLinear.Scale(dst, dst.Bounds(), photo, src, draw.Src, nil)

	// Overlay: the tint darkened, at 80% opacity at the top rising to 90%
	// at the bottom. Over pure white this is dark enough for white text at
	// a contrast ratio above 4.5:1.
	dark := mix(tint, color.RGBA{0, 0, 0, 0xff}, 0.45)
	for y := 0; y < Height; y++ {
		a := 0.80 + 0.10*float64(y)/float64(Height-1)
		row := dst.Pix[y*dst.Stride : y*dst.Stride+4*Width]
		dr, dg, db := float64(dark.R)*a, float64(dark.G)*a, float64(dark.B)*a
		for i := 0; i < len(row); i += 4 {
			row[i] = uint8(float64(row[i])*(1-a) + dr + 0.5)
			row[i+1] = uint8(float64(row[i+1])*(1-a) + dg + 0.5)
			row[i+2] = uint8(float64(row[i+2])*(1-a) + db + 0.5)
			row[i+3] = 0xff
		}
	}
}

// drawRipples draws faint concentric rings centred at c: the brand motif
// ("lan tỏa", spreading outwards).
func drawRipples(dst *image.RGBA, c image.Point, col color.RGBA) {
	radii := []float32{90, 170, 250, 330}
	rmax := int(radii[len(radii)-1]) + 1
	paint(dst, image.Rect(c.X-rmax, c.Y-rmax, c.X+rmax, c.Y+rmax), col, func(z *vector.Rasterizer, cx, cy float32) {
		for i, r := range radii {
			ring(z, cx, cy, r, r-float32(14-2*i))
		}
	})
}

// drawMark draws the brand mark, a dot within a ring, of radius r centred
// at (cx, cy).
func drawMark(dst *image.RGBA, cx, cy int, r float32, col color.RGBA) {
	n := int(r) + 1
	paint(dst, image.Rect(cx-n, cy-n, cx+n, cy+n), col, func(z *vector.Rasterizer, cx, cy float32) {
		ring(z, cx, cy, r, r-4)
		circle(z, cx, cy, r*0.42, false)
	})
}

// drawPin draws a small location pin, 18 pixels wide, with its tip on
// baseline y and its left edge at x.
func drawPin(dst *image.RGBA, x, y int, col color.RGBA) {
	// The rectangle is 18×30; the head is centred 4 pixels above its
	// middle and the tip is 2 pixels below the baseline.
	paint(dst, image.Rect(x, y-26, x+18, y+4), col, func(z *vector.Rasterizer, mx, my float32) {
		cx, cy, r := mx, my-4, float32(8.5)
		// A half circle joined to the tip.
		z.MoveTo(cx-r, cy)
		arc(z, cx, cy, r, 180, 360)
		z.LineTo(cx, my+13)
		z.ClosePath()
		circle(z, cx, cy, 3.6, true)
	})
}

// paint fills the shapes that path adds to a rasterizer covering rect of
// dst with col. path receives the position of rect's centre in the
// rasterizer's coordinates.
func paint(dst *image.RGBA, rect image.Rectangle, col color.RGBA, path func(z *vector.Rasterizer, x, y float32)) {
	clip := rect.Intersect(dst.Bounds())
	if clip.Empty() {
		return
	}
	var z vector.Rasterizer
	z.Reset(clip.Dx(), clip.Dy())
	mid := rect.Min.Add(rect.Max).Sub(clip.Min.Mul(2))
	path(&z, float32(mid.X)/2, float32(mid.Y)/2)
	z.Draw(dst, clip, image.NewUniform(col), image.Point{})
}

// ring adds an annulus between radii outer and inner to z.
func ring(z *vector.Rasterizer, cx, cy, outer, inner float32) {
	circle(z, cx, cy, outer, false)
	circle(z, cx, cy, inner, true)
}

// circle adds a circle to z; reverse winds it the other way, cutting a hole
// in a shape wound the normal way.
func circle(z *vector.Rasterizer, cx, cy, r float32, reverse bool) {
	const k = 0.5523 // cubic Bézier approximation of a quarter circle
	if !reverse {
		z.MoveTo(cx+r, cy)
		z.CubeTo(cx+r, cy+k*r, cx+k*r, cy+r, cx, cy+r)
		z.CubeTo(cx-k*r, cy+r, cx-r, cy+k*r, cx-r, cy)
		z.CubeTo(cx-r, cy-k*r, cx-k*r, cy-r, cx, cy-r)
		z.CubeTo(cx+k*r, cy-r, cx+r, cy-k*r, cx+r, cy)
	} else {
		z.MoveTo(cx+r, cy)
		z.CubeTo(cx+r, cy-k*r, cx+k*r, cy-r, cx, cy-r)
		z.CubeTo(cx-k*r, cy-r, cx-r, cy-k*r, cx-r, cy)
		z.CubeTo(cx-r, cy+k*r, cx-k*r, cy+r, cx, cy+r)
		z.CubeTo(cx+k*r, cy+r, cx+r, cy+k*r, cx+r, cy)
	}
	z.ClosePath()
}

// arc adds line segments along the circle from angle a0 to a1 degrees
// (clockwise on screen), starting from the current point.
func arc(z *vector.Rasterizer, cx, cy, r float32, a0, a1 float64) {
	const steps = 24
	for i := 1; i <= steps; i++ {
		a := (a0 + (a1-a0)*float64(i)/steps) * math.Pi / 180
		z.LineTo(cx+r*float32(math.Cos(a)), cy+r*float32(math.Sin(a)))
	}
}

// encodeJPEG encodes img as a JPEG of at most MaxBytes, lowering the
// quality from 88 as needed.
func encodeJPEG(img image.Image) ([]byte, error) {
	var buf bytes.Buffer
	for q := 88; ; q -= 6 {
		if q < 10 {
			q = 10
		}
		buf.Reset()
		if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: q}); err != nil {
			return nil, fmt.Errorf("share: encoding JPEG: %w", err)
		}
		if buf.Len() <= MaxBytes {
			return buf.Bytes(), nil
		}
		if q == 10 {
			return nil, fmt.Errorf("share: JPEG is %d bytes at quality 10, over the %d byte limit", buf.Len(), MaxBytes)
		}
	}
}
