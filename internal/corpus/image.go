package corpus

import (
	"bytes"
	"image"
	"image/jpeg"
	"math/rand/v2"
)

// Size of the generated photos.
const (
	photoWidth  = 1600
	photoHeight = 1200
)

// photoJPEG returns a photo-like JPEG drawn from r: a sky and a ground
// gradient, houses and trees with shading, and grain, so that it
// compresses like a photograph and not like a flat picture.
func photoJPEG(r *rand.Rand) []byte {
	img := photo(r, photoWidth, photoHeight)
	var buf bytes.Buffer
	// Encoding into a bytes.Buffer cannot fail.
	_ = jpeg.Encode(&buf, img, &jpeg.Options{Quality: 82})
	return buf.Bytes()
}

type rgb struct{ r, g, b float64 }

func (c rgb) lerp(d rgb, f float64) rgb {
	return rgb{c.r + (d.r-c.r)*f, c.g + (d.g-c.g)*f, c.b + (d.b-c.b)*f}
}

func randRGB(r *rand.Rand, lo, hi float64) rgb {
	f := func() float64 { return lo + r.Float64()*(hi-lo) }
	return rgb{f(), f(), f()}
}

// photo draws the picture.
func photo(r *rand.Rand, w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	horizon := h * (40 + r.IntN(25)) / 100
	skyTop := rgb{60 + r.Float64()*60, 110 + r.Float64()*60, 180 + r.Float64()*60}
	skyLow := rgb{200 + r.Float64()*50, 190 + r.Float64()*50, 170 + r.Float64()*60}
	groundNear := rgb{40 + r.Float64()*50, 80 + r.Float64()*60, 30 + r.Float64()*40}
	groundFar := groundNear.lerp(skyLow, 0.4)

	// A row of colours per line, then the pixels.
	set := func(x, y int, c rgb) {
		i := img.PixOffset(x, y)
		img.Pix[i] = clamp(c.r)
		img.Pix[i+1] = clamp(c.g)
		img.Pix[i+2] = clamp(c.b)
		img.Pix[i+3] = 255
	}
	for y := range h {
		var c rgb
		if y < horizon {
			c = skyTop.lerp(skyLow, float64(y)/float64(horizon))
		} else {
			c = groundFar.lerp(groundNear, float64(y-horizon)/float64(h-horizon))
		}
		tilt := (r.Float64() - 0.5) * 20
		for x := range w {
			f := float64(x)/float64(w) - 0.5
			set(x, y, rgb{c.r + f*tilt, c.g + f*tilt, c.b - f*tilt})
		}
	}

	// Houses: boxes with a lit and a shaded side, standing on the horizon.
	for range 4 + r.IntN(8) {
		bw := w/20 + r.IntN(w/6)
		bh := h/12 + r.IntN(h/4)
		x0 := r.IntN(w)
		base := horizon + r.IntN(max(1, (h-horizon)/3))
		wall := randRGB(r, 120, 240)
		for y := max(0, base-bh); y < min(h, base); y++ {
			for x := x0; x < min(w, x0+bw); x++ {
				f := float64(x-x0) / float64(bw)
				c := wall.lerp(rgb{wall.r * 0.55, wall.g * 0.55, wall.b * 0.6}, f)
				if (x-x0)%40 > 28 && (y-base+bh)%50 > 30 { // windows
					c = rgb{60, 70, 90}
				}
				set(x, y, c)
			}
		}
	}

	// Trees: shaded discs.
	for range 6 + r.IntN(12) {
		cx, cy := r.IntN(w), horizon-h/20+r.IntN(h/3)
		rad := h/30 + r.IntN(h/9)
		leaf := rgb{20 + r.Float64()*50, 70 + r.Float64()*80, 20 + r.Float64()*40}
		for y := max(0, cy-rad); y < min(h, cy+rad); y++ {
			for x := max(0, cx-rad); x < min(w, cx+rad); x++ {
				dx, dy := float64(x-cx), float64(y-cy)
				d := (dx*dx + dy*dy) / float64(rad*rad)
				if d > 1 {
					continue
				}
				light := 1.25 - 0.6*d - 0.3*dy/float64(rad)
				set(x, y, rgb{leaf.r * light, leaf.g * light, leaf.b * light})
			}
		}
	}

	// Grain: a cheap xorshift per pixel, seeded from r.
	seed := r.Uint64() | 1
	for i := 0; i < len(img.Pix); i += 4 {
		seed ^= seed << 13
		seed ^= seed >> 7
		seed ^= seed << 17
		n := int(seed&31) - 16
		for c := range 3 {
			img.Pix[i+c] = clamp(float64(int(img.Pix[i+c]) + n))
		}
	}
	return img
}

func clamp(v float64) uint8 {
	switch {
	case v < 0:
		return 0
	case v > 255:
		return 255
	}
	return uint8(v)
}
