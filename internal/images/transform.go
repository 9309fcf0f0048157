package images

import (
	"image"
	"image/color"
	stddraw "image/draw"

	"golang.org/x/image/draw"
)

// scale resamples src to a w×h RGBA image with the Catmull-Rom kernel.
//
// Large sources are first halved with a 2×2 box filter as long as the half
// is still at least the target size (as libvips' shrink-on-load does): the
// kernel then shrinks by less than 2×, which keeps x/image/draw's
// intermediate buffer (32 bytes for each target column × source row) and
// its cost small, without visible loss.
func scale(src image.Image, w, h int) *image.RGBA {
	for {
		b := src.Bounds()
		if b.Dx()/2 < w || b.Dy()/2 < h {
			break
		}
		src = halve(src)
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Src, nil)
	return dst
}

// halve returns src at half its width and height (rounded down), each
// pixel the mean of a 2×2 block. YCbCr images stay YCbCr (each plane is
// halved), anything else becomes RGBA.
func halve(src image.Image) image.Image {
	b := src.Bounds()
	w, h := b.Dx()/2, b.Dy()/2
	if m, ok := src.(*image.YCbCr); ok && b.Min == (image.Point{}) {
		cw, ch, ok := chromaSize(m.SubsampleRatio, b.Dx(), b.Dy())
		if ok {
			dst := image.NewYCbCr(image.Rect(0, 0, w, h), m.SubsampleRatio)
			dcw, dch, _ := chromaSize(m.SubsampleRatio, w, h)
			halvePlane(dst.Y, dst.YStride, w, h, m.Y, m.YStride, b.Dx(), b.Dy(), 1)
			halvePlane(dst.Cb, dst.CStride, dcw, dch, m.Cb, m.CStride, cw, ch, 1)
			halvePlane(dst.Cr, dst.CStride, dcw, dch, m.Cr, m.CStride, cw, ch, 1)
			return dst
		}
	}
	rgba, ok := src.(*image.RGBA)
	if !ok || b.Min != (image.Point{}) {
		rgba = image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
		stddraw.Draw(rgba, rgba.Bounds(), src, b.Min, stddraw.Src)
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	halvePlane(dst.Pix, dst.Stride, w, h, rgba.Pix, rgba.Stride, b.Dx(), b.Dy(), 4)
	return dst
}

// chromaSize is the size of the Cb and Cr planes of a w×h YCbCr image
// whose bounds start at the origin.
func chromaSize(r image.YCbCrSubsampleRatio, w, h int) (cw, ch int, ok bool) {
	switch r {
	case image.YCbCrSubsampleRatio444:
		return w, h, true
	case image.YCbCrSubsampleRatio422:
		return (w + 1) / 2, h, true
	case image.YCbCrSubsampleRatio420:
		return (w + 1) / 2, (h + 1) / 2, true
	case image.YCbCrSubsampleRatio440:
		return w, (h + 1) / 2, true
	}
	return 0, 0, false
}

// halvePlane writes into dst (dw×dh samples of bpp interleaved channels)
// the 2×2 box average of src (sw×sh), clamping reads at src's edges.
func halvePlane(dst []byte, dstride, dw, dh int, src []byte, sstride, sw, sh, bpp int) {
	for y := range dh {
		y0 := min(2*y, sh-1)
		y1 := min(2*y+1, sh-1)
		r0, r1 := src[y0*sstride:], src[y1*sstride:]
		d := dst[y*dstride:]
		for x := range dw {
			x0 := min(2*x, sw-1) * bpp
			x1 := min(2*x+1, sw-1) * bpp
			for c := range bpp {
				s := int(r0[x0+c]) + int(r0[x1+c]) + int(r1[x0+c]) + int(r1[x1+c])
				d[x*bpp+c] = uint8((s + 2) / 4)
			}
		}
	}
}

// orient applies an EXIF orientation to m, returning m itself for 1.
func orient(m *image.RGBA, o int) *image.RGBA {
	if o < 2 || o > 8 {
		return m
	}
	w, h := m.Rect.Dx(), m.Rect.Dy()
	dw, dh := w, h
	if o >= orientTranspose {
		dw, dh = h, w
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for y := range dh {
		for x := range dw {
			// (sx, sy) is the stored pixel displayed at (x, y).
			var sx, sy int
			switch o {
			case orientFlipH:
				sx, sy = w-1-x, y
			case orientRotate180:
				sx, sy = w-1-x, h-1-y
			case orientFlipV:
				sx, sy = x, h-1-y
			case orientTranspose:
				sx, sy = y, x
			case orientRotate90:
				sx, sy = y, h-1-x
			case orientTransverse:
				sx, sy = w-1-y, h-1-x
			case orientRotate270:
				sx, sy = w-1-y, x
			}
			s := m.PixOffset(m.Rect.Min.X+sx, m.Rect.Min.Y+sy)
			d := dst.PixOffset(x, y)
			copy(dst.Pix[d:d+4], m.Pix[s:s+4])
		}
	}
	return dst
}

// flatten returns m composited over white (JPEG has no alpha), or m
// itself when it is opaque.
func flatten(m *image.RGBA) *image.RGBA {
	if m.Opaque() {
		return m
	}
	dst := image.NewRGBA(m.Rect)
	stddraw.Draw(dst, dst.Rect, image.NewUniform(color.White), image.Point{}, stddraw.Src)
	stddraw.Draw(dst, dst.Rect, m, m.Rect.Min, stddraw.Over)
	return dst
}

// unpremultiply returns m as non-premultiplied NRGBA, the layout the WebP
// encoder expects for images with transparency.
func unpremultiply(m *image.RGBA) *image.NRGBA {
	dst := image.NewNRGBA(m.Rect)
	stddraw.Draw(dst, dst.Rect, m, m.Rect.Min, stddraw.Src)
	return dst
}
