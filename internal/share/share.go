// Package share draws the images and codes that represent a page when it
// is shared: a 1200×630 share card (og:image) and an SVG QR code.
//
// # Share cards
//
// A [Card] describes what a share image shows: the page title (large, bold,
// wrapped over at most four lines), an eyebrow line above it naming the kind
// of page (for example "Mô hình · Camera an ninh"), an optional meta line
// below it (the province), and a footer with the site name and host. A
// [Renderer] draws cards with the colours of a [Theme]; text is set in
// DejaVu Sans (DejaVu Sans Bold for the title), which covers Vietnamese with
// precomposed glyphs. All text is normalized to NFC before it is measured or
// drawn.
//
// [Renderer.Draw] fails with a [*MissingGlyphsError] when any text of the
// card has a character the fonts cannot draw, so a build never publishes an
// image with missing-glyph boxes. [Renderer.Missing] reports such characters
// ahead of time.
//
// The title is set at the largest size (from 76 px down to 44 px) at which it
// fits in three lines, or else in four; lines are balanced so that the last line is not a
// single short word. A title that does not fit in four lines at the smallest
// size is cut at a word boundary and ends with an ellipsis.
//
// A card without a Background photo is encoded as a palette PNG (exact
// theme colours, crisp text); a card with one is encoded as a baseline JPEG
// (the photo is cover-cropped to 1200×630 and darkened by a gradient in the
// theme's background colour, so white text keeps a contrast ratio of at
// least 4.5:1 over any photo). [Ext] names the format of encoded bytes. The
// encoded image is never larger than [MaxBytes]: the JPEG quality is lowered
// until it fits.
//
// [CardKey] is a hash of everything that determines the drawn image,
// including [Version], so that a build can cache images and redraw only those
// whose inputs changed. The photo enters the key through
// Card.BackgroundHash, which the caller computes (for example from the
// photo file's bytes); the pixels of Card.Background are not hashed.
// [Renderer.DrawCached] keeps drawn images in a directory named by their
// keys.
//
// A Renderer is safe for concurrent use: font files are parsed once by
// [NewRenderer], and every call to Draw creates its own font faces.
//
// # QR codes
//
// [QRSVG] encodes a URL as a QR code (error correction level M) and returns
// it as a standalone SVG document: dark modules on a white square with a
// quiet zone of four modules, the viewBox measured in modules, the dark
// modules merged into a single path of horizontal runs, rendered with
// shape-rendering="crispEdges", and the URL as the document's title.
package share

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash"
	"image"
	"image/color"
	"strings"
)

// Version is mixed into every [CardKey]. It changes whenever the drawing
// code changes what an image looks like, so cached images are redrawn.
const Version = "share-card-1"

// Width and Height are the size in pixels of every share card.
const (
	Width  = 1200
	Height = 630
)

// MaxBytes is the largest encoded share card Draw returns.
const MaxBytes = 150 * 1024

// A Theme holds the colours of share cards.
type Theme struct {
	Background color.RGBA // card background; also the tint of the photo overlay
	Foreground color.RGBA // title and site name
	Accent     color.RGBA // eyebrow, brand bar and mark
	Muted      color.RGBA // meta line and host
}

// DefaultTheme returns the site's brand colours: a deep blue-green
// background (#0b4f6c), white text, an amber accent (#f4b400) and a light
// blue-grey for secondary text (#b9d3df).
func DefaultTheme() Theme {
	return Theme{
		Background: color.RGBA{0x0b, 0x4f, 0x6c, 0xff},
		Foreground: color.RGBA{0xff, 0xff, 0xff, 0xff},
		Accent:     color.RGBA{0xf4, 0xb4, 0x00, 0xff},
		Muted:      color.RGBA{0xb9, 0xd3, 0xdf, 0xff},
	}
}

// A Card is the content of one share image.
type Card struct {
	Title    string // page title; wrapped over at most 4 lines
	Eyebrow  string // kind of page, e.g. "Mô hình · Camera an ninh"; drawn in capitals
	Meta     string // a place, drawn after a location pin: the province "Hà Nội"; may be empty
	SiteName string // e.g. "Lan tỏa mô hình hay"
	SiteHost string // e.g. "lantoa.netlify.app"

	// Background is an optional photo, cover-cropped and darkened behind
	// the text.
	Background image.Image
	// BackgroundHash identifies the photo's content for CardKey (for
	// example a hex SHA-256 of the photo file). It must be non-empty
	// when Background is set for caching to be correct.
	BackgroundHash string
}

// Ext returns the file name extension for an image returned by
// [Renderer.Draw]: ".png" or ".jpg", or "" if data is neither.
func Ext(data []byte) string {
	switch {
	case len(data) >= 8 && string(data[:8]) == "\x89PNG\r\n\x1a\n":
		return ".png"
	case len(data) >= 3 && data[0] == 0xff && data[1] == 0xd8 && data[2] == 0xff:
		return ".jpg"
	}
	return ""
}

// Ext returns the extension of the image Draw produces for c: ".jpg" when
// c has a Background photo, ".png" otherwise. It lets a template name the
// image file before it is drawn.
func (c Card) Ext() string {
	if c.Background != nil {
		return ".jpg"
	}
	return ".png"
}

// CardKey returns a hex SHA-256 of [Version], the theme and every field of c
// (with BackgroundHash standing for the photo), for use as a cache key.
// Two cards with the same key are drawn identically.
func CardKey(c Card, t Theme) string {
	h := sha256.New()
	writeField(h, Version)
	for _, col := range []color.RGBA{t.Background, t.Foreground, t.Accent, t.Muted} {
		h.Write([]byte{col.R, col.G, col.B, col.A})
	}
	writeField(h, c.Title)
	writeField(h, c.Eyebrow)
	writeField(h, c.Meta)
	writeField(h, c.SiteName)
	writeField(h, c.SiteHost)
	if c.Background != nil {
		writeField(h, "photo:"+c.BackgroundHash)
	} else {
		writeField(h, "")
	}
	return hex.EncodeToString(h.Sum(nil))
}

// writeField writes s to h prefixed by its length, so that field
// boundaries cannot shift between fields.
func writeField(h hash.Hash, s string) {
	var n [8]byte
	binary.BigEndian.PutUint64(n[:], uint64(len(s)))
	h.Write(n[:])
	h.Write([]byte(s))
}

// A MissingGlyphsError reports characters of a card's text that the fonts
// cannot draw.
type MissingGlyphsError struct {
	Field string // the Card field: "Title", "Eyebrow", "Meta", "SiteName" or "SiteHost"
	Text  string // the field's text, NFC
	Runes []rune // the characters without a glyph, in order of first use
}

func (e *MissingGlyphsError) Error() string {
	var b strings.Builder
	for i, r := range e.Runes {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%q (U+%04X)", r, r)
	}
	return fmt.Sprintf("share card %s %q: font has no glyph for %s", e.Field, e.Text, b.String())
}
