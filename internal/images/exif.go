package images

import (
	"bytes"
	"encoding/binary"
)

// Orientation values of EXIF tag 0x0112. The value says how the stored
// pixels must be transformed for display.
const (
	orientNormal     = 1 // as stored
	orientFlipH      = 2 // mirrored left-right
	orientRotate180  = 3
	orientFlipV      = 4 // mirrored top-bottom
	orientTranspose  = 5 // mirrored left-right, then rotated 90° counter-clockwise
	orientRotate90   = 6 // rotate 90° clockwise to display (phone held upright)
	orientTransverse = 7 // mirrored left-right, then rotated 90° clockwise
	orientRotate270  = 8 // rotate 90° counter-clockwise to display
)

const tagOrientation = 0x0112

// orientation returns the EXIF orientation (1..8) of an encoded image, read
// from the first "Exif" APP1 segment of a JPEG, the eXIf chunk of a PNG or
// the EXIF chunk of a WebP. It returns 1 when there is no orientation or
// the metadata is malformed; it never reads out of bounds.
func orientation(src []byte) int {
	var tiff []byte
	switch sniff(src) {
	case formatJPEG:
		tiff = jpegExif(src)
	case formatPNG:
		tiff = pngExif(src)
	case formatWebP:
		tiff = webpExif(src)
	}
	return tiffOrientation(tiff)
}

var exifHeader = []byte("Exif\x00\x00")

// jpegExif returns the TIFF data of the first Exif APP1 segment of a JPEG,
// scanning the marker segments up to the start of scan.
func jpegExif(b []byte) []byte {
	i := 2 // after SOI
	for i < len(b) {
		if b[i] != 0xFF {
			return nil
		}
		for i < len(b) && b[i] == 0xFF { // fill bytes
			i++
		}
		if i >= len(b) {
			return nil
		}
		marker := b[i]
		i++
		switch {
		case marker == 0xD8, marker == 0x01, marker >= 0xD0 && marker <= 0xD7:
			continue // no payload
		case marker == 0xDA, marker == 0xD9:
			return nil // start of scan or end of image: no metadata after
		}
		if i+2 > len(b) {
			return nil
		}
		n := int(binary.BigEndian.Uint16(b[i:]))
		if n < 2 || i+n > len(b) {
			return nil
		}
		seg := b[i+2 : i+n]
		if marker == 0xE1 && bytes.HasPrefix(seg, exifHeader) {
			return seg[len(exifHeader):]
		}
		i += n
	}
	return nil
}

// pngExif returns the payload of a PNG's eXIf chunk.
func pngExif(b []byte) []byte {
	i := 8 // after the signature
	for i+8 <= len(b) {
		n := uint64(binary.BigEndian.Uint32(b[i:]))
		typ := string(b[i+4 : i+8])
		start := uint64(i) + 8
		if start+n+4 > uint64(len(b)) {
			return nil
		}
		switch typ {
		case "eXIf":
			return b[start : start+n]
		case "IEND":
			return nil
		}
		i = int(start + n + 4) // data and CRC
	}
	return nil
}

// webpExif returns the payload of a WebP's EXIF chunk, without the
// "Exif\0\0" prefix that some writers add.
func webpExif(b []byte) []byte {
	i := 12 // after "RIFF", size, "WEBP"
	for i+8 <= len(b) {
		typ := string(b[i : i+4])
		n := uint64(binary.LittleEndian.Uint32(b[i+4:]))
		start := uint64(i) + 8
		if start+n > uint64(len(b)) {
			return nil
		}
		if typ == "EXIF" {
			return bytes.TrimPrefix(b[start:start+n], exifHeader)
		}
		i = int(start + n + n&1) // chunks are padded to an even size
	}
	return nil
}

// tiffOrientation reads tag 0x0112 from IFD0 of EXIF TIFF data.
func tiffOrientation(b []byte) int {
	if len(b) < 8 {
		return orientNormal
	}
	var bo binary.ByteOrder
	switch string(b[:2]) {
	case "II":
		bo = binary.LittleEndian
	case "MM":
		bo = binary.BigEndian
	default:
		return orientNormal
	}
	if bo.Uint16(b[2:]) != 42 {
		return orientNormal
	}
	off := uint64(bo.Uint32(b[4:]))
	if off < 8 || off+2 > uint64(len(b)) {
		return orientNormal
	}
	n := uint64(bo.Uint16(b[off:]))
	for e := off + 2; e+12 <= uint64(len(b)) && e < off+2+12*n; e += 12 {
		if bo.Uint16(b[e:]) != tagOrientation {
			continue
		}
		typ, count := bo.Uint16(b[e+2:]), bo.Uint32(b[e+4:])
		if count != 1 {
			return orientNormal
		}
		var v uint32
		switch typ {
		case 3: // SHORT, the type the standard prescribes
			v = uint32(bo.Uint16(b[e+8:]))
		case 4: // LONG, seen from some writers
			v = bo.Uint32(b[e+8:])
		case 1: // BYTE
			v = uint32(b[e+8])
		default:
			return orientNormal
		}
		if v < 1 || v > 8 {
			return orientNormal
		}
		return int(v)
	}
	return orientNormal
}
