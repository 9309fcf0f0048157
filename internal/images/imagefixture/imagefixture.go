// Package imagefixture makes the test photos of internal/images and
// internal/imagetest: a deterministic photo-like JPEG with colored corner
// markers, and EXIF data (camera make and model, orientation, GPS
// position) to plant in it. Only tests import it.
package imagefixture

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

// Marker colors painted in corners of the stored (unrotated) fixture.
var (
	MarkTL = color.RGBA{230, 20, 20, 255} // stored top-left: red
	MarkTR = color.RGBA{20, 20, 230, 255} // stored top-right: blue
)

// Photo draws a w×h photo-like scene, deterministic for a seed: a sky
// gradient, a wavy horizon, textured ground, buildings with window grids,
// round tree crowns, multi-octave value noise and sensor grain. It has the
// edges, textures and smooth areas of a real street photo, so encoded sizes
// are meaningful (flat color would compress to nothing, white noise not at
// all). Red and blue squares mark the stored top-left and top-right corners.
func Photo(w, h int, seed uint64) *image.RGBA {
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
	Fill(m, image.Rect(0, 0, sq, sq), MarkTL)
	Fill(m, image.Rect(w-sq, 0, w, sq), MarkTR)
	return m
}

// Fill paints r of m with c.
func Fill(m *image.RGBA, r image.Rectangle, c color.RGBA) {
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			m.SetRGBA(x, y, c)
		}
	}
}

func clamp8(v float64) uint8 {
	return uint8(math.Max(0, math.Min(255, math.Round(v))))
}

// EncodeJPEG encodes m as a camera would (high quality).
func EncodeJPEG(t testing.TB, m image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, m, &jpeg.Options{Quality: 92}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Strings planted in the fixture's EXIF; none may reach an output.
const (
	Make  = "LantoaPhone"
	Model = "SecretCam X1"
)

// IFDEntry is one TIFF directory entry; Data is the value, in the file's
// byte order, stored inline when it fits in 4 bytes.
type IFDEntry struct {
	Tag, Typ uint16
	Count    uint32
	Data     []byte
	Sub      []IFDEntry // for a pointer tag (GPSInfo): the sub-IFD
}

// ByteOrder is binary.BigEndian or binary.LittleEndian.
type ByteOrder interface {
	binary.ByteOrder
	binary.AppendByteOrder
}

// BuildTIFF lays out IFD0 (and one level of sub-IFDs) as EXIF TIFF data.
func BuildTIFF(bo ByteOrder, ifd0 []IFDEntry) []byte {
	var out []byte
	if bo == ByteOrder(binary.LittleEndian) {
		out = []byte("II*\x00")
	} else {
		out = []byte("MM\x00*")
	}
	out = bo.AppendUint32(out, 8)
	var writeIFD func(entries []IFDEntry) []byte
	writeIFD = func(entries []IFDEntry) []byte {
		start := len(out)
		size := 2 + 12*len(entries) + 4
		out = append(out, make([]byte, size)...)
		bo.PutUint16(out[start:], uint16(len(entries)))
		for i, e := range entries {
			p := start + 2 + 12*i
			bo.PutUint16(out[p:], e.Tag)
			bo.PutUint16(out[p+2:], e.Typ)
			bo.PutUint32(out[p+4:], e.Count)
			switch {
			case e.Sub != nil:
				off := len(out)
				bo.PutUint32(out[p+8:], uint32(off))
				writeIFD(e.Sub)
			case len(e.Data) <= 4:
				copy(out[p+8:p+12], e.Data)
			default:
				bo.PutUint32(out[p+8:], uint32(len(out)))
				out = append(out, e.Data...)
				if len(out)%2 == 1 {
					out = append(out, 0)
				}
			}
		}
		return out
	}
	writeIFD(ifd0)
	return out
}

// ASCII is the type, count and data of an ASCII entry holding s.
func ASCII(s string) (uint16, uint32, []byte) { return 2, uint32(len(s) + 1), append([]byte(s), 0) }

// Rationals encodes pairs of numerator and denominator as TIFF RATIONALs.
func Rationals(bo ByteOrder, v ...uint32) []byte {
	var b []byte
	for i := 0; i < len(v); i += 2 {
		b = bo.AppendUint32(b, v[i])
		b = bo.AppendUint32(b, v[i+1])
	}
	return b
}

// ExifTIFF returns EXIF TIFF data with a camera make and model, the given
// orientation (0: none) and, if gps, a GPS position (21°1'30"N 105°51'15"E).
func ExifTIFF(bo ByteOrder, orient int, gps bool) []byte {
	var ifd []IFDEntry
	typ, n, d := ASCII(Make)
	ifd = append(ifd, IFDEntry{Tag: 0x010F, Typ: typ, Count: n, Data: d})
	typ, n, d = ASCII(Model)
	ifd = append(ifd, IFDEntry{Tag: 0x0110, Typ: typ, Count: n, Data: d})
	if orient != 0 {
		ifd = append(ifd, IFDEntry{Tag: 0x0112, Typ: 3, Count: 1, Data: bo.AppendUint16(nil, uint16(orient))})
	}
	if gps {
		typN, nN, dN := ASCII("N")
		typE, nE, dE := ASCII("E")
		ifd = append(ifd, IFDEntry{Tag: 0x8825, Typ: 4, Count: 1, Sub: []IFDEntry{
			{Tag: 0x0000, Typ: 1, Count: 4, Data: []byte{2, 3, 0, 0}},
			{Tag: 0x0001, Typ: typN, Count: nN, Data: dN},
			{Tag: 0x0002, Typ: 5, Count: 3, Data: Rationals(bo, 21, 1, 1, 1, 30, 1)},
			{Tag: 0x0003, Typ: typE, Count: nE, Data: dE},
			{Tag: 0x0004, Typ: 5, Count: 3, Data: Rationals(bo, 105, 1, 51, 1, 15, 1)},
		}})
	}
	return BuildTIFF(bo, ifd)
}

// WithSegment inserts a JPEG marker segment right after SOI.
func WithSegment(jpg []byte, marker byte, payload []byte) []byte {
	seg := []byte{0xFF, marker}
	seg = binary.BigEndian.AppendUint16(seg, uint16(len(payload)+2))
	seg = append(seg, payload...)
	out := append([]byte{}, jpg[:2]...)
	out = append(out, seg...)
	return append(out, jpg[2:]...)
}

// WithExif inserts an Exif APP1 segment holding tiff after SOI.
func WithExif(jpg, tiff []byte) []byte {
	return WithSegment(jpg, 0xE1, append([]byte("Exif\x00\x00"), tiff...))
}

// Near reports whether c is within tol of want in each of R, G, B.
func Near(c color.Color, want color.RGBA, tol int) bool {
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
