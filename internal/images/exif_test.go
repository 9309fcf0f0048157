package images

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/png"
	"testing"

	"github.com/lantoa/lantoa/internal/images/imagefixture"
)

// minimalJPEG is SOI, a JFIF APP0 and the start of a scan: enough for the
// metadata reader, which stops at SOS.
var minimalJPEG = []byte{
	0xFF, 0xD8,
	0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
	0xFF, 0xDA, 0x00, 0x02,
}

// pngChunk encodes one PNG chunk with its CRC.
func pngChunk(typ string, data []byte) []byte {
	b := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
	b = append(b, typ...)
	b = append(b, data...)
	return binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(b[4:]))
}

// withPNGExif inserts an eXIf chunk after the IHDR chunk of a PNG.
func withPNGExif(p, tiff []byte) []byte {
	const afterIHDR = 8 + 8 + 13 + 4
	out := append([]byte{}, p[:afterIHDR]...)
	out = append(out, pngChunk("eXIf", tiff)...)
	return append(out, p[afterIHDR:]...)
}

// webpWithExif is a WebP container holding a (fake) VP8X chunk and an EXIF
// chunk with the given payload.
func webpWithExif(payload []byte) []byte {
	body := []byte("WEBP")
	body = append(body, "VP8X"...)
	body = binary.LittleEndian.AppendUint32(body, 10)
	body = append(body, 0x08, 0, 0, 0, 0, 0, 0, 0, 0, 0) // EXIF flag, 1×1
	body = append(body, "EXIF"...)
	body = binary.LittleEndian.AppendUint32(body, uint32(len(payload)))
	body = append(body, payload...)
	if len(payload)%2 == 1 {
		body = append(body, 0)
	}
	out := append([]byte("RIFF"), binary.LittleEndian.AppendUint32(nil, uint32(len(body)))...)
	return append(out, body...)
}

func TestOrientationParser(t *testing.T) {
	be, le := binary.BigEndian, binary.LittleEndian
	six := imagefixture.ExifTIFF(be, 6, true)

	// IFD0 with the orientation as a LONG, as some writers do.
	long := imagefixture.BuildTIFF(le, []imagefixture.IFDEntry{{Tag: tagOrientation, Typ: 4, Count: 1, Data: le.AppendUint32(nil, 8)}})
	// ... as a SHORT with count 2: malformed.
	count2 := imagefixture.BuildTIFF(le, []imagefixture.IFDEntry{{Tag: tagOrientation, Typ: 3, Count: 2, Data: []byte{6, 0, 6, 0}}})
	// IFD0 whose entry count claims more entries than the data holds.
	huge := imagefixture.ExifTIFF(le, 3, false)
	le.PutUint16(huge[8:], 0xFFFF)
	// IFD0 offset beyond the data.
	farIFD := append([]byte{}, six...)
	be.PutUint32(farIFD[4:], 1<<30)
	// Offset into the header.
	lowIFD := append([]byte{}, six...)
	be.PutUint32(lowIFD[4:], 4)

	xmp := append([]byte("http://ns.adobe.com/xap/1.0/\x00"), "<x:xmpmeta/>"...)
	var pngBuf bytes.Buffer
	png.Encode(&pngBuf, image.NewGray(image.Rect(0, 0, 2, 2)))

	for _, tc := range []struct {
		name string
		src  []byte
		want int
	}{
		{"JPEG big-endian", imagefixture.WithExif(minimalJPEG, six), 6},
		{"JPEG little-endian", imagefixture.WithExif(minimalJPEG, imagefixture.ExifTIFF(le, 8, true)), 8},
		{"every value", imagefixture.WithExif(minimalJPEG, imagefixture.ExifTIFF(le, 5, false)), 5},
		{"LONG", imagefixture.WithExif(minimalJPEG, long), 8},
		{"no orientation tag", imagefixture.WithExif(minimalJPEG, imagefixture.ExifTIFF(be, 0, true)), 1},
		{"orientation 0", imagefixture.WithExif(minimalJPEG, imagefixture.BuildTIFF(be, []imagefixture.IFDEntry{{Tag: tagOrientation, Typ: 3, Count: 1, Data: []byte{0, 0}}})), 1},
		{"orientation 9", imagefixture.WithExif(minimalJPEG, imagefixture.ExifTIFF(be, 9, false)), 1},
		{"count 2", imagefixture.WithExif(minimalJPEG, count2), 1},
		{"entry count too large", imagefixture.WithExif(minimalJPEG, huge), 3},
		{"IFD offset beyond data", imagefixture.WithExif(minimalJPEG, farIFD), 1},
		{"IFD offset in header", imagefixture.WithExif(minimalJPEG, lowIFD), 1},
		{"bad byte order", imagefixture.WithExif(minimalJPEG, append([]byte("XX"), six[2:]...)), 1},
		{"bad magic", imagefixture.WithExif(minimalJPEG, append([]byte("MM\x00\x2B"), six[4:]...)), 1},
		{"XMP before Exif", imagefixture.WithExif(imagefixture.WithSegment(minimalJPEG, 0xE1, xmp), six), 6},
		{"fill bytes", append([]byte{0xFF, 0xD8, 0xFF, 0xFF}, imagefixture.WithExif(minimalJPEG, six)[3:]...), 6},
		{"no Exif", minimalJPEG, 1},
		{"Exif after scan", append(append([]byte{}, minimalJPEG...), imagefixture.WithExif(minimalJPEG, six)[2:]...), 1},
		{"segment longer than file", imagefixture.WithExif(minimalJPEG, six)[:30], 1},
		{"PNG eXIf", withPNGExif(pngBuf.Bytes(), six), 6},
		{"PNG without eXIf", pngBuf.Bytes(), 1},
		{"WebP EXIF", webpWithExif(six), 6},
		{"WebP EXIF with Exif header", webpWithExif(append([]byte("Exif\x00\x00"), imagefixture.ExifTIFF(le, 7, false)...)), 7},
		{"WebP EXIF truncated", webpWithExif(six)[:40], 1},
		{"GIF", []byte("GIF89a"), 1},
		{"empty", nil, 1},
	} {
		if got := orientation(tc.src); got != tc.want {
			t.Errorf("%s: orientation = %d, want %d", tc.name, got, tc.want)
		}
	}
}

// TestPNGOrientation: a PNG's eXIf orientation is applied too.
func TestPNGOrientation(t *testing.T) {
	m := image.NewRGBA(image.Rect(0, 0, 40, 20))
	imagefixture.Fill(m, m.Rect, imagefixture.MarkTR)
	imagefixture.Fill(m, image.Rect(0, 0, 20, 10), imagefixture.MarkTL)
	var buf bytes.Buffer
	if err := png.Encode(&buf, m); err != nil {
		t.Fatal(err)
	}
	p, _ := New("", Options{})
	res, err := p.Process(withPNGExif(buf.Bytes(), imagefixture.ExifTIFF(binary.LittleEndian, orientRotate270, true)), "p")
	if err != nil {
		t.Fatal(err)
	}
	if res.Width != 20 || res.Height != 40 {
		t.Fatalf("%dx%d, want 20x40", res.Width, res.Height)
	}
	// Rotated counter-clockwise: the stored top-left is at the bottom-left.
	img := decodeVariant(t, res.Variants[0])
	if c := img.At(3, 36); !imagefixture.Near(c, imagefixture.MarkTL, 30) {
		t.Errorf("bottom-left is %v, want red", c)
	}
	metadataFree(t, res.Variants[0])
}

func FuzzOrientation(f *testing.F) {
	var pngBuf bytes.Buffer
	png.Encode(&pngBuf, image.NewGray(image.Rect(0, 0, 2, 2)))
	for _, s := range [][]byte{
		imagefixture.WithExif(minimalJPEG, imagefixture.ExifTIFF(binary.BigEndian, 6, true)),
		imagefixture.WithExif(minimalJPEG, imagefixture.ExifTIFF(binary.LittleEndian, 3, false)),
		withPNGExif(pngBuf.Bytes(), imagefixture.ExifTIFF(binary.BigEndian, 8, false)),
		webpWithExif(imagefixture.ExifTIFF(binary.LittleEndian, 2, true)),
		minimalJPEG,
		{0xFF, 0xD8, 0xFF},
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, o := range []int{orientation(b), tiffOrientation(b)} {
			if o < 1 || o > 8 {
				t.Fatalf("orientation %d out of 1..8", o)
			}
		}
		// The same bytes as the EXIF of a JPEG, a PNG and a WebP (whose
		// reader drops an "Exif\0\0" prefix).
		want := tiffOrientation(b)
		if len(b) <= 0xFFF0 {
			if o := orientation(imagefixture.WithExif(minimalJPEG, b)); o != want {
				t.Fatalf("in a JPEG: %d, want %d", o, want)
			}
		}
		if o := orientation(withPNGExif(pngBuf.Bytes(), b)); o != want {
			t.Fatalf("in a PNG: %d, want %d", o, want)
		}
		if o, want := orientation(webpWithExif(b)), tiffOrientation(bytes.TrimPrefix(b, exifHeader)); o != want {
			t.Fatalf("in a WebP: %d, want %d", o, want)
		}
	})
}
