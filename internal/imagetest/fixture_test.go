package imagetest

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"math/rand/v2"
	"testing"
)

// This file is a copy of the fixture generator and EXIF writer of
// internal/images (fixture_test.go and exif_test.go): test files of another
// package cannot be imported.

// Marker colors painted in corners of the stored (unrotated) fixture.
var (
	markTL = color.RGBA{230, 20, 20, 255} // stored top-left: red
	markTR = color.RGBA{20, 20, 230, 255} // stored top-right: blue
)

// photo draws a w×h photo-like scene, deterministic for a seed: a sky
// gradient, a wavy horizon, textured ground, buildings with window grids,
// round tree crowns, multi-octave value noise and sensor grain. It has the
// edges, textures and smooth areas of a real street photo, so encoded sizes
// are meaningful (flat color would compress to nothing, white noise not at
// all). Red and blue squares of side w/12 mark the stored top-left and
// top-right corners.
func photo(w, h int, seed uint64) *image.RGBA {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	m := image.NewRGBA(image.Rect(0, 0, w, h))

	// Value noise: random lattices at a few scales, bilinearly interpolated.
	type lattice struct {
		cell int
		amp  float64
		gw   int
		v    []float64
	}
	var octaves []lattice
	for _, o := range []struct {
		div int
		amp float64
	}{{8, 28}, {40, 14}, {160, 10}, {400, 9}, {900, 7}} {
		cell := max(2, w/o.div)
		gw, gh := w/cell+2, h/cell+2
		v := make([]float64, gw*gh)
		for i := range v {
			v[i] = rng.Float64()*2 - 1
		}
		octaves = append(octaves, lattice{cell, o.amp, gw, v})
	}
	noise := func(x, y int) float64 {
		s := 0.0
		for _, l := range octaves {
			cx, cy := x/l.cell, y/l.cell
			fx := float64(x%l.cell) / float64(l.cell)
			fy := float64(y%l.cell) / float64(l.cell)
			i := cy*l.gw + cx
			a := l.v[i] + (l.v[i+1]-l.v[i])*fx
			b := l.v[i+l.gw] + (l.v[i+l.gw+1]-l.v[i+l.gw])*fx
			s += (a + (b-a)*fy) * l.amp
		}
		return s
	}

	phase := rng.Float64() * 6
	horizon := func(x int) int {
		fx := float64(x) / float64(w)
		return int(float64(h) * (0.42 + 0.05*math.Sin(fx*7+phase) + 0.02*math.Sin(fx*23+phase*2)))
	}
	type rect struct {
		x0, y0, x1, y1 int
		c              [3]float64
		win            int
	}
	var buildings []rect
	for range 14 {
		bw := w/30 + rng.IntN(max(1, w/8))
		x0 := rng.IntN(max(1, w))
		top := h/6 + rng.IntN(max(1, h/4))
		c := [3]float64{120 + rng.Float64()*100, 110 + rng.Float64()*90, 100 + rng.Float64()*80}
		buildings = append(buildings, rect{x0, top, min(w, x0+bw), int(float64(h) * 0.62), c, max(8, w/120+rng.IntN(max(1, w/80)))})
	}
	type disc struct {
		cx, cy, r int
		c         [3]float64
	}
	var trees []disc
	for range 22 {
		r := w/60 + rng.IntN(max(1, w/20))
		trees = append(trees, disc{rng.IntN(max(1, w)), int(float64(h)*0.5) + rng.IntN(max(1, h/3)), r,
			[3]float64{30 + rng.Float64()*40, 80 + rng.Float64()*70, 30 + rng.Float64()*40}})
	}

	// Background, then buildings and trees over it, then noise and grain.
	set := func(x, y int, c [3]float64) {
		i := m.PixOffset(x, y)
		m.Pix[i], m.Pix[i+1], m.Pix[i+2], m.Pix[i+3] = clamp8(c[0]), clamp8(c[1]), clamp8(c[2]), 255
	}
	for x := range w {
		hz := horizon(x)
		for y := range h {
			if y < hz { // sky
				t := float64(y) / float64(h)
				set(x, y, [3]float64{150 + 60*t, 185 + 40*t, 235 - 10*t})
			} else if (x+y/2)%(w/3) < w/10 { // road
				set(x, y, [3]float64{95, 95, 100})
			} else { // earth
				set(x, y, [3]float64{120, 105, 80})
			}
		}
	}
	for _, b := range buildings {
		for y := b.y0; y < b.y1; y++ {
			for x := b.x0; x < b.x1; x++ {
				c := b.c
				// window grid: darker panes, some lit
				if (x-b.x0)%b.win > b.win/3 && (y-b.y0)%(b.win*2) > b.win {
					k := 0.45
					if ((x-b.x0)/b.win+(y-b.y0)/(b.win*2))%5 == 0 {
						k = 1.3
					}
					c = [3]float64{c[0] * k, c[1] * k, c[2] * k}
				}
				set(x, y, c)
			}
		}
	}
	for _, t := range trees {
		for y := max(0, t.cy-t.r); y < min(h, t.cy+t.r); y++ {
			for x := max(0, t.cx-t.r); x < min(w, t.cx+t.r); x++ {
				if dx, dy := x-t.cx, y-t.cy; dx*dx+dy*dy < t.r*t.r {
					set(x, y, t.c)
				}
			}
		}
	}
	for y := range h {
		for x := range w {
			d := noise(x, y) + (rng.Float64()+rng.Float64()-1)*6
			i := m.PixOffset(x, y)
			for k := range 3 {
				m.Pix[i+k] = clamp8(float64(m.Pix[i+k]) + d)
			}
		}
	}
	sq := max(4, w/12)
	fill(m, image.Rect(0, 0, sq, sq), markTL)
	fill(m, image.Rect(w-sq, 0, w, sq), markTR)
	return m
}

func fill(m *image.RGBA, r image.Rectangle, c color.RGBA) {
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			m.SetRGBA(x, y, c)
		}
	}
}

func clamp8(v float64) uint8 {
	return uint8(math.Max(0, math.Min(255, math.Round(v))))
}

// near reports whether c is within tol of want in each of R, G, B.
func near(c color.Color, want color.RGBA, tol int) bool {
	r, g, b, _ := c.RGBA()
	d := func(a uint32, w uint8) bool { return abs(int(a>>8)-int(w)) <= tol }
	return d(r, want.R) && d(g, want.G) && d(b, want.B)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// encodeJPEGFixture encodes m as a camera would (high quality).
func encodeJPEGFixture(t testing.TB, m image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, m, &jpeg.Options{Quality: 92}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Strings planted in the fixture's EXIF; none may reach an output.
const (
	fixtureMake  = "LantoaPhone"
	fixtureModel = "SecretCam X1"
)

// ifdEntry is one TIFF directory entry; data is the value, in the file's
// byte order, stored inline when it fits in 4 bytes.
type ifdEntry struct {
	tag, typ uint16
	count    uint32
	data     []byte
	sub      []ifdEntry // for a pointer tag (GPSInfo): the sub-IFD
}

// byteOrder is binary.BigEndian or binary.LittleEndian.
type byteOrder interface {
	binary.ByteOrder
	binary.AppendByteOrder
}

// buildTIFF lays out IFD0 (and one level of sub-IFDs) as EXIF TIFF data.
func buildTIFF(bo byteOrder, ifd0 []ifdEntry) []byte {
	var out []byte
	if bo == byteOrder(binary.LittleEndian) {
		out = []byte("II*\x00")
	} else {
		out = []byte("MM\x00*")
	}
	out = bo.AppendUint32(out, 8)
	var writeIFD func(entries []ifdEntry)
	writeIFD = func(entries []ifdEntry) {
		start := len(out)
		size := 2 + 12*len(entries) + 4
		out = append(out, make([]byte, size)...)
		bo.PutUint16(out[start:], uint16(len(entries)))
		for i, e := range entries {
			p := start + 2 + 12*i
			bo.PutUint16(out[p:], e.tag)
			bo.PutUint16(out[p+2:], e.typ)
			bo.PutUint32(out[p+4:], e.count)
			switch {
			case e.sub != nil:
				bo.PutUint32(out[p+8:], uint32(len(out)))
				writeIFD(e.sub)
			case len(e.data) <= 4:
				copy(out[p+8:p+12], e.data)
			default:
				bo.PutUint32(out[p+8:], uint32(len(out)))
				out = append(out, e.data...)
				if len(out)%2 == 1 {
					out = append(out, 0)
				}
			}
		}
	}
	writeIFD(ifd0)
	return out
}

func ascii(s string) (uint16, uint32, []byte) { return 2, uint32(len(s) + 1), append([]byte(s), 0) }

func rationals(bo byteOrder, v ...uint32) []byte {
	var b []byte
	for i := 0; i < len(v); i += 2 {
		b = bo.AppendUint32(b, v[i])
		b = bo.AppendUint32(b, v[i+1])
	}
	return b
}

// exifTIFF returns EXIF TIFF data with a camera make and model, the given
// orientation (0: none) and, if gps, a GPS position (21°1'30"N 105°51'15"E).
func exifTIFF(bo byteOrder, orient int, gps bool) []byte {
	var ifd []ifdEntry
	typ, n, d := ascii(fixtureMake)
	ifd = append(ifd, ifdEntry{tag: 0x010F, typ: typ, count: n, data: d})
	typ, n, d = ascii(fixtureModel)
	ifd = append(ifd, ifdEntry{tag: 0x0110, typ: typ, count: n, data: d})
	if orient != 0 {
		ifd = append(ifd, ifdEntry{tag: 0x0112, typ: 3, count: 1, data: bo.AppendUint16(nil, uint16(orient))})
	}
	if gps {
		typN, nN, dN := ascii("N")
		typE, nE, dE := ascii("E")
		ifd = append(ifd, ifdEntry{tag: 0x8825, typ: 4, count: 1, sub: []ifdEntry{
			{tag: 0x0000, typ: 1, count: 4, data: []byte{2, 3, 0, 0}},
			{tag: 0x0001, typ: typN, count: nN, data: dN},
			{tag: 0x0002, typ: 5, count: 3, data: rationals(bo, 21, 1, 1, 1, 30, 1)},
			{tag: 0x0003, typ: typE, count: nE, data: dE},
			{tag: 0x0004, typ: 5, count: 3, data: rationals(bo, 105, 1, 51, 1, 15, 1)},
		}})
	}
	return buildTIFF(bo, ifd)
}

// withExif inserts an Exif APP1 segment holding tiff right after SOI.
func withExif(jpg, tiff []byte) []byte {
	payload := append([]byte("Exif\x00\x00"), tiff...)
	seg := []byte{0xFF, 0xE1}
	seg = binary.BigEndian.AppendUint16(seg, uint16(len(payload)+2))
	seg = append(seg, payload...)
	out := append([]byte{}, jpg[:2]...)
	out = append(out, seg...)
	return append(out, jpg[2:]...)
}
