package images

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gen2brain/webp"
	"github.com/lantoa/lantoa/internal/images/imagefixture"
)

// decodeVariant decodes an output with an independent decoder.
func decodeVariant(t *testing.T, v Variant) image.Image {
	t.Helper()
	var m image.Image
	var err error
	switch v.Format {
	case FormatWebP:
		if !bytes.HasPrefix(v.Data, []byte("RIFF")) || string(v.Data[8:12]) != "WEBP" {
			t.Fatalf("%s: not a WebP file", v.Name)
		}
		m, err = webp.Decode(bytes.NewReader(v.Data))
	case FormatJPEG:
		m, err = jpeg.Decode(bytes.NewReader(v.Data))
	default:
		t.Fatalf("%s: format %q", v.Name, v.Format)
	}
	if err != nil {
		t.Fatalf("%s: %v", v.Name, err)
	}
	if b := m.Bounds(); b.Dx() != v.Width || b.Dy() != v.Height {
		t.Fatalf("%s: decoded %dx%d, variant says %dx%d", v.Name, b.Dx(), b.Dy(), v.Width, v.Height)
	}
	return m
}

// metadataFree checks that an output file carries no metadata container.
func metadataFree(t *testing.T, v Variant) {
	t.Helper()
	for _, s := range []string{"Exif", "EXIF", "XMP", "ICCP", "iCCP", imagefixture.Make, imagefixture.Model, "http://ns.adobe.com"} {
		if bytes.Contains(v.Data, []byte(s)) {
			t.Errorf("%s contains %q", v.Name, s)
		}
	}
	switch v.Format {
	case FormatJPEG:
		// Walk the segments before the scan: only tables and frame headers.
		b := v.Data
		for i := 2; i+4 <= len(b); {
			if b[i] != 0xFF {
				t.Fatalf("%s: bad marker at %d", v.Name, i)
			}
			m := b[i+1]
			if m == 0xDA {
				break
			}
			if m >= 0xE0 && m <= 0xEF || m == 0xFE {
				t.Errorf("%s: has APP%d/COM segment 0x%X", v.Name, m-0xE0, m)
			}
			i += 2 + int(binary.BigEndian.Uint16(b[i+2:]))
		}
	case FormatWebP:
		// RIFF chunks: only image data (VP8, VP8L, VP8X, ALPH).
		b := v.Data
		for i := 12; i+8 <= len(b); {
			id := string(b[i : i+4])
			if !slices.Contains([]string{"VP8 ", "VP8L", "VP8X", "ALPH"}, id) {
				t.Errorf("%s: has chunk %q", v.Name, id)
			}
			n := int(binary.LittleEndian.Uint32(b[i+4:]))
			i += 8 + n + n&1
		}
	}
}

// exiftoolTags runs exiftool on data and returns its tags (group:name).
// Without exiftool the test is skipped, unless CI=true.
func exiftoolTags(t *testing.T, data []byte, name string) map[string]any {
	t.Helper()
	path, err := exec.LookPath("exiftool")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("exiftool is required in CI: apt-get install -y libimage-exiftool-perl")
		}
		t.Skip("exiftool not installed (apt-get install -y libimage-exiftool-perl)")
	}
	file := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(path, "-j", "-a", "-G1", "-n", file).Output()
	if err != nil {
		t.Fatalf("exiftool %s: %v", name, err)
	}
	var tags []map[string]any
	if err := json.Unmarshal(out, &tags); err != nil || len(tags) != 1 {
		t.Fatalf("exiftool output %s: %v", out, err)
	}
	return tags[0]
}

// privateTags returns the exiftool tags that reveal place, device or the
// original orientation.
func privateTags(tags map[string]any) []string {
	var bad []string
	for k := range tags {
		group, name, _ := strings.Cut(k, ":")
		if strings.Contains(k, "GPS") || name == "Make" || name == "Model" || name == "Orientation" ||
			group == "IFD0" || group == "ExifIFD" || group == "XMP" || group == "ICC_Profile" {
			bad = append(bad, k)
		}
	}
	slices.Sort(bad)
	return bad
}

var nameRE = regexp.MustCompile(`^([a-z0-9-]+)-([0-9a-f]{8})-([0-9]+)\.(webp|jpg)$`)

// TestPhoneJPEG processes a 4000×3000 phone photo stored sideways
// (Orientation=6) with GPS and camera tags in its EXIF.
func TestPhoneJPEG(t *testing.T) {
	src := imagefixture.WithExif(imagefixture.EncodeJPEG(t, imagefixture.Photo(4000, 3000, 1)), imagefixture.ExifTIFF(binary.BigEndian, orientRotate90, true))
	if got := orientation(src); got != orientRotate90 {
		t.Fatalf("fixture orientation = %d", got)
	}
	cache := t.TempDir()
	p, err := New(cache, Options{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := p.Process(src, "tuan-tra-dem")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("processed in %v", res.Elapsed)
	if res.Width != 3000 || res.Height != 4000 || res.Cached {
		t.Errorf("result %dx%d cached=%v, want 3000x4000 (upright) not cached", res.Width, res.Height, res.Cached)
	}
	type wh struct {
		w, h int
		f    string
	}
	var got []wh
	for _, v := range res.Variants {
		got = append(got, wh{v.Width, v.Height, v.Format})
	}
	want := []wh{{480, 640, "webp"}, {480, 640, "jpeg"}, {800, 1067, "webp"}, {800, 1067, "jpeg"}, {1200, 1600, "webp"}, {1200, 1600, "jpeg"}}
	if !slices.Equal(got, want) {
		t.Fatalf("variants %v, want %v", got, want)
	}

	for _, v := range res.Variants {
		t.Logf("%s: %d bytes", v.Name, len(v.Data))
		m := nameRE.FindStringSubmatch(v.Name)
		if m == nil || m[1] != "tuan-tra-dem" || m[3] != fmt.Sprint(v.Width) || m[4] != extension(v.Format) {
			t.Errorf("name %q", v.Name)
		}
		img := decodeVariant(t, v)
		// Upright: the stored top-left (red) is now top-right, the stored
		// top-right (blue) bottom-right.
		w, h := v.Width, v.Height
		at := func(fx, fy float64) color.Color { return img.At(int(fx*float64(w)), int(fy*float64(h))) }
		if c := at(0.98, 0.02); !imagefixture.Near(c, imagefixture.MarkTL, 40) {
			t.Errorf("%s: top-right is %v, want red", v.Name, c)
		}
		if c := at(0.98, 0.98); !imagefixture.Near(c, imagefixture.MarkTR, 40) {
			t.Errorf("%s: bottom-right is %v, want blue", v.Name, c)
		}
		for _, c := range []color.Color{at(0.02, 0.02), at(0.02, 0.98)} {
			if imagefixture.Near(c, imagefixture.MarkTL, 60) || imagefixture.Near(c, imagefixture.MarkTR, 60) {
				t.Errorf("%s: a marker is on the left: %v", v.Name, c)
			}
		}
		metadataFree(t, v)
	}
	if s := p.Stats(); s.Processed != 1 || s.Cached != 0 || s.Failed != 0 {
		t.Errorf("stats %+v, want 1 processed", s)
	}

	t.Run("exiftool", func(t *testing.T) {
		in := exiftoolTags(t, src, "src.jpg")
		if bad := privateTags(in); !slices.Contains(bad, "GPS:GPSLatitude") || !slices.Contains(bad, "IFD0:Make") {
			t.Fatalf("the fixture itself should show GPS and Make to exiftool, got %v", bad)
		}
		for _, v := range res.Variants {
			if bad := privateTags(exiftoolTags(t, v.Data, v.Name)); len(bad) > 0 {
				t.Errorf("%s: exiftool finds %v", v.Name, bad)
			}
		}
	})

	t.Run("cache", func(t *testing.T) {
		p2, err := New(cache, Options{})
		if err != nil {
			t.Fatal(err)
		}
		again, err := p2.Process(src, "tuan-tra-dem")
		if err != nil {
			t.Fatal(err)
		}
		if !again.Cached || again.Width != res.Width || again.Height != res.Height || len(again.Variants) != len(res.Variants) {
			t.Fatalf("second build: cached=%v %dx%d %d variants", again.Cached, again.Width, again.Height, len(again.Variants))
		}
		for i, v := range again.Variants {
			r := res.Variants[i]
			if v.Name != r.Name || v.Width != r.Width || v.Height != r.Height || v.Format != r.Format || !bytes.Equal(v.Data, r.Data) {
				t.Errorf("cached variant %d (%s) differs from %s", i, v.Name, r.Name)
			}
		}
		// Reading 6 small files must be far cheaper than decoding.
		if again.Elapsed*10 > res.Elapsed {
			t.Errorf("cache read took %v, processing %v", again.Elapsed, res.Elapsed)
		}
		if s := p2.Stats(); s.Processed != 0 || s.Cached != 1 {
			t.Errorf("stats %+v, want 1 cached", s)
		}

		// Another base name reuses the same entry with other names.
		other, err := p2.Process(src, "Ảnh 1")
		if err != nil || !other.Cached || other.Variants[0].Name != "anh-1-"+res.Variants[0].Name[len("tuan-tra-dem-"):] {
			t.Errorf("other base: %v cached=%v name=%q", err, other.Cached, other.Variants[0].Name)
		}

		// Other settings are another entry, with another hash in the names.
		p3, err := New(cache, Options{WebPQuality: 50})
		if err != nil {
			t.Fatal(err)
		}
		lowq, err := p3.Process(src, "tuan-tra-dem")
		if err != nil || lowq.Cached || lowq.Variants[0].Name == res.Variants[0].Name {
			t.Errorf("other options: %v cached=%v name=%q", err, lowq.Cached, lowq.Variants[0].Name)
		}

		// A damaged entry is processed again and repaired.
		files, _ := filepath.Glob(filepath.Join(cache, "*-800.webp"))
		if len(files) == 0 {
			t.Fatal("no cached 800.webp")
		}
		for _, f := range files {
			if err := os.WriteFile(f, []byte("broken"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		p4, _ := New(cache, Options{})
		fixed, err := p4.Process(src, "tuan-tra-dem")
		if err != nil || fixed.Cached {
			t.Fatalf("damaged cache: %v cached=%v", err, fixed.Cached)
		}
		if re, err := p4.Process(src, "tuan-tra-dem"); err != nil || !re.Cached || !bytes.Equal(re.Variants[2].Data, res.Variants[2].Data) {
			t.Errorf("repaired cache: %v cached=%v", err, re.Cached)
		}
	})
}

// TestBudget: a story with three phone photos, read on a 360-px screen at
// DPR 2 (the 800w variants), transfers at most 250 KB of images. The photos
// are taken upright (Orientation=6), the worst case: 800×1067 pixels each.
func TestBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("three 4000×3000 photos")
	}
	p, err := New("", Options{})
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for seed := range uint64(3) {
		src := imagefixture.WithExif(imagefixture.EncodeJPEG(t, imagefixture.Photo(4000, 3000, 100+seed)), imagefixture.ExifTIFF(binary.LittleEndian, orientRotate90, true))
		res, err := p.Process(src, "anh")
		if err != nil {
			t.Fatal(err)
		}
		var sizes []string
		for _, v := range res.Variants {
			sizes = append(sizes, fmt.Sprintf("%d.%s=%dKB", v.Width, v.Format, len(v.Data)/1024))
			if v.Format == FormatWebP && v.Width == 800 {
				if v.Height != 1067 {
					t.Fatalf("800w variant is %dx%d", v.Width, v.Height)
				}
				total += len(v.Data)
			}
		}
		t.Logf("photo %d (%d KB source, %v): %s", seed, len(src)/1024, res.Elapsed.Round(time.Millisecond), strings.Join(sizes, " "))
	}
	t.Logf("three 800w WebP: %d KB", total/1024)
	if total > 250*1024 {
		t.Errorf("three 800w WebP variants weigh %d KB, budget 250 KB", total/1024)
	}
}

// TestOrientations checks each EXIF orientation against the EXIF
// specification's table: where the stored top-left and top-right corners
// are displayed.
func TestOrientations(t *testing.T) {
	const W, H = 64, 32
	stored := image.NewRGBA(image.Rect(0, 0, W, H))
	imagefixture.Fill(stored, stored.Rect, color.RGBA{128, 128, 128, 255})
	imagefixture.Fill(stored, image.Rect(0, 0, W/2, H/2), imagefixture.MarkTL)
	imagefixture.Fill(stored, image.Rect(W/2, 0, W, H/2), imagefixture.MarkTR)
	plain := imagefixture.EncodeJPEG(t, stored)

	type corner int
	const (
		tl corner = iota
		tr
		bl
		br
	)
	table := map[int][2]corner{ // orientation: display position of stored TL, TR
		1: {tl, tr}, 2: {tr, tl}, 3: {br, bl}, 4: {bl, br},
		5: {tl, bl}, 6: {tr, br}, 7: {br, tr}, 8: {bl, tl},
	}
	p, err := New("", Options{Widths: []int{1000}})
	if err != nil {
		t.Fatal(err)
	}
	for o := 1; o <= 8; o++ {
		for _, bo := range []imagefixture.ByteOrder{binary.BigEndian, binary.LittleEndian} {
			src := imagefixture.WithExif(plain, imagefixture.ExifTIFF(bo, o, false))
			res, err := p.Process(src, "o")
			if err != nil {
				t.Fatal(err)
			}
			dw, dh := W, H
			if o >= 5 {
				dw, dh = H, W
			}
			if res.Width != dw || res.Height != dh || len(res.Variants) != 2 {
				t.Fatalf("orientation %d: %dx%d with %d variants, want %dx%d with 2", o, res.Width, res.Height, len(res.Variants), dw, dh)
			}
			for _, v := range res.Variants {
				img := decodeVariant(t, v)
				pos := func(c corner) image.Point {
					x, y := dw/8, dh/8
					if c == tr || c == br {
						x = dw - 1 - dw/8
					}
					if c == bl || c == br {
						y = dh - 1 - dh/8
					}
					return image.Pt(x, y)
				}
				want := table[o]
				if pt := pos(want[0]); !imagefixture.Near(img.At(pt.X, pt.Y), imagefixture.MarkTL, 40) {
					t.Errorf("orientation %d %s %v: stored top-left not at %v (%v)", o, v.Format, bo, pt, img.At(pt.X, pt.Y))
				}
				if pt := pos(want[1]); !imagefixture.Near(img.At(pt.X, pt.Y), imagefixture.MarkTR, 40) {
					t.Errorf("orientation %d %s %v: stored top-right not at %v (%v)", o, v.Format, bo, pt, img.At(pt.X, pt.Y))
				}
			}
		}
	}
}

func TestWidths(t *testing.T) {
	for _, tc := range []struct {
		src  int
		want []int
	}{
		{4000, []int{480, 800, 1200}},
		{1200, []int{480, 800, 1200}},
		{1000, []int{480, 800, 1000}},
		{800, []int{480, 800}},
		{481, []int{480, 481}},
		{300, []int{300}},
		{1, []int{1}},
	} {
		if got := targetWidths(DefaultWidths(), tc.src); !slices.Equal(got, tc.want) {
			t.Errorf("targetWidths(%d) = %v, want %v", tc.src, got, tc.want)
		}
	}

	// Through Process: a small photo is never upscaled.
	p, _ := New("", Options{})
	res, err := p.Process(imagefixture.EncodeJPEG(t, imagefixture.Photo(1000, 750, 7)), "x")
	if err != nil {
		t.Fatal(err)
	}
	var got [][2]int
	for _, v := range res.ByFormat(FormatWebP) {
		got = append(got, [2]int{v.Width, v.Height})
	}
	if want := [][2]int{{480, 360}, {800, 600}, {1000, 750}}; !slices.Equal(got, want) {
		t.Errorf("1000x750 gives %v, want %v", got, want)
	}
	set := res.Srcset(FormatJPEG, "/mo-hinh/a/")
	if !regexp.MustCompile(`^/mo-hinh/a/x-[0-9a-f]{8}-480\.jpg 480w, /mo-hinh/a/x-[0-9a-f]{8}-800\.jpg 800w, /mo-hinh/a/x-[0-9a-f]{8}-1000\.jpg 1000w$`).MatchString(set) {
		t.Errorf("Srcset = %q", set)
	}
}

func TestPNGWithAlpha(t *testing.T) {
	const W, H = 600, 400
	m := image.NewNRGBA(image.Rect(0, 0, W, H))
	for y := range H {
		for x := range W {
			a := uint8(255)
			if x >= W/2 {
				a = 0 // right half transparent
			}
			m.SetNRGBA(x, y, color.NRGBA{uint8(x / 3), 40, 200, a})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, m); err != nil {
		t.Fatal(err)
	}
	p, _ := New("", Options{})
	res, err := p.Process(buf.Bytes(), "logo")
	if err != nil {
		t.Fatal(err)
	}
	if res.Width != W || res.Height != H || len(res.Variants) != 4 {
		t.Fatalf("%dx%d, %d variants", res.Width, res.Height, len(res.Variants))
	}
	for _, v := range res.Variants {
		img := decodeVariant(t, v)
		left := img.At(v.Width/4, v.Height/2)
		right := img.At(v.Width*3/4, v.Height/2)
		_, _, _, la := left.RGBA()
		_, _, _, ra := right.RGBA()
		switch v.Format {
		case FormatWebP:
			if la>>8 < 250 || ra>>8 > 5 {
				t.Errorf("%s: alpha left %d right %d, want opaque and transparent", v.Name, la>>8, ra>>8)
			}
			if !imagefixture.Near(left, color.RGBA{uint8(W / 4 / 3), 40, 200, 255}, 12) {
				t.Errorf("%s: opaque color %v", v.Name, left)
			}
		case FormatJPEG:
			if !imagefixture.Near(right, color.RGBA{255, 255, 255, 255}, 8) {
				t.Errorf("%s: transparent area is %v, want white", v.Name, right)
			}
		}
		metadataFree(t, v)
	}
}

func TestOtherInputs(t *testing.T) {
	p, _ := New("", Options{Widths: []int{100}})
	src := imagefixture.Photo(160, 120, 3)

	// GIF: the first frame.
	pal := image.NewPaletted(src.Rect, []color.Color{color.Black, imagefixture.MarkTL, color.White})
	for i := range pal.Pix {
		pal.Pix[i] = 1
	}
	second := image.NewPaletted(src.Rect, pal.Palette)
	var gb bytes.Buffer
	if err := gif.EncodeAll(&gb, &gif.GIF{Image: []*image.Paletted{pal, second}, Delay: []int{10, 10}}); err != nil {
		t.Fatal(err)
	}
	res, err := p.Process(gb.Bytes(), "gif")
	if err != nil {
		t.Fatal(err)
	}
	if res.Width != 160 || res.Height != 120 || res.Variants[0].Width != 100 || res.Variants[0].Height != 75 {
		t.Errorf("gif: %dx%d, variant %dx%d", res.Width, res.Height, res.Variants[0].Width, res.Variants[0].Height)
	}
	if c := decodeVariant(t, res.Variants[1]).At(50, 37); !imagefixture.Near(c, imagefixture.MarkTL, 30) {
		t.Errorf("gif: first frame is red, got %v", c)
	}

	// WebP.
	var wb bytes.Buffer
	if err := webp.Encode(&wb, src, webp.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	res, err = p.Process(wb.Bytes(), "webp")
	if err != nil {
		t.Fatal(err)
	}
	if res.Width != 160 || res.Height != 120 || len(res.Variants) != 2 {
		t.Errorf("webp: %dx%d, %d variants", res.Width, res.Height, len(res.Variants))
	}
}

func TestBadInputs(t *testing.T) {
	good := imagefixture.EncodeJPEG(t, imagefixture.Photo(640, 480, 5))
	tiff := imagefixture.ExifTIFF(binary.LittleEndian, 6, true)
	var pngHeader bytes.Buffer
	pngHeader.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := binary.BigEndian.AppendUint32(nil, 20000)
	ihdr = binary.BigEndian.AppendUint32(ihdr, 15000)
	ihdr = append(ihdr, 8, 2, 0, 0, 0)
	pngHeader.Write(binary.BigEndian.AppendUint32(nil, uint32(len(ihdr))))
	pngHeader.WriteString("IHDR")
	pngHeader.Write(ihdr)
	pngHeader.Write(binary.BigEndian.AppendUint32(nil, crc32.ChecksumIEEE(append([]byte("IHDR"), ihdr...))))

	for _, tc := range []struct {
		name   string
		src    []byte
		kind   string
		format string
		msg    string
	}{
		{"truncated JPEG", good[:len(good)/2], KindDecode, "jpeg", "không đọc được ảnh"},
		{"JPEG header only", good[:200], KindDecode, "jpeg", "không đọc được ảnh"},
		{"truncated after EXIF", imagefixture.WithExif(good, tiff)[:len(tiff)+40], KindDecode, "jpeg", "không đọc được ảnh"},
		{"garbage after magic", append([]byte{0xFF, 0xD8, 0xFF}, bytes.Repeat([]byte{0x42}, 5000)...), KindDecode, "jpeg", "không đọc được ảnh"},
		{"empty", nil, KindDecode, "", "tệp rỗng"},
		{"text", []byte("hello, this is not an image"), KindUnsupported, "", "không được hỗ trợ"},
		{"HEIC", append([]byte("\x00\x00\x00\x18ftypheic"), make([]byte, 100)...), KindUnsupported, "heic", "(HEIC)"},
		{"SVG", []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>`), KindUnsupported, "svg", "(SVG)"},
		{"300 MP PNG", pngHeader.Bytes(), KindTooLarge, "png", "ảnh quá lớn: 20000×15000 điểm ảnh (300.0 megapixel), tối đa 50.0 megapixel"},
		{"truncated PNG", pngHeader.Bytes()[:20], KindDecode, "png", "không đọc được ảnh"},
		{"truncated WebP", []byte("RIFF\x00\x10\x00\x00WEBPVP8 \x00\x10\x00\x00"), KindDecode, "webp", "không đọc được ảnh"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, _ := New(t.TempDir(), Options{})
			_, err := p.Process(tc.src, "x")
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v (%T), want *Error", err, err)
			}
			if e.Kind != tc.kind || e.Format != tc.format || !strings.Contains(e.Error(), tc.msg) {
				t.Errorf("got kind %q format %q %q, want %q %q containing %q", e.Kind, e.Format, e.Error(), tc.kind, tc.format, tc.msg)
			}
			if s := p.Stats(); s.Failed != 1 || s.Processed != 0 {
				t.Errorf("stats %+v", s)
			}
		})
	}

	// A limit below the image's size.
	p, _ := New("", Options{MaxPixels: 640*480 - 1})
	_, err := p.Process(good, "x")
	var e *Error
	if !errors.As(err, &e) || e.Kind != KindTooLarge || e.Width != 640 || e.Height != 480 || e.MaxPixels != 640*480-1 {
		t.Errorf("MaxPixels: %v", err)
	}
}

func TestNew(t *testing.T) {
	for _, o := range []Options{
		{Widths: []int{0, 480}},
		{Widths: []int{20000}},
		{WebPQuality: 101},
		{JPEGQuality: -1},
		{MaxPixels: -1},
	} {
		if _, err := New("", o); err == nil {
			t.Errorf("New(%+v) accepted", o)
		}
	}
	p, err := New("", Options{Widths: []int{800, 480, 800}})
	if err != nil {
		t.Fatal(err)
	}
	if o := p.Options(); !slices.Equal(o.Widths, []int{480, 800}) || o.WebPQuality != DefaultWebPQuality ||
		o.JPEGQuality != DefaultJPEGQuality || o.MaxPixels != DefaultMaxPixels {
		t.Errorf("Options() = %+v", o)
	}
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, nil, 0o644)
	if _, err := New(filepath.Join(file, "cache"), Options{}); err == nil {
		t.Error("New accepted a cache folder under a file")
	}
}

func TestCleanBase(t *testing.T) {
	for in, want := range map[string]string{
		"tuan-tra-dem":     "tuan-tra-dem",
		"IMG_2041":         "img-2041",
		"../../etc/passwd": "etc-passwd",
		"Ảnh đẹp 1":        "anh-dep-1",
		"":                 "image",
		"---":              "image",
	} {
		if got := cleanBase(in); got != want {
			t.Errorf("cleanBase(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestConcurrent processes the same and different sources from many
// goroutines: each source is processed once.
func TestConcurrent(t *testing.T) {
	a := imagefixture.EncodeJPEG(t, imagefixture.Photo(900, 600, 11))
	b := imagefixture.EncodeJPEG(t, imagefixture.Photo(600, 900, 12))
	p, err := New(t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	results := make([]Result, 8)
	errs := make([]error, 8)
	for i := range results {
		wg.Go(func() {
			src := a
			if i%2 == 1 {
				src = b
			}
			results[i], errs[i] = p.Process(src, fmt.Sprint("img", i))
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
		if want := results[i%2]; results[i].Width != want.Width || !bytes.Equal(results[i].Variants[0].Data, want.Variants[0].Data) {
			t.Errorf("result %d differs from result %d", i, i%2)
		}
		if !strings.HasPrefix(results[i].Variants[0].Name, fmt.Sprint("img", i, "-")) {
			t.Errorf("result %d named %q", i, results[i].Variants[0].Name)
		}
	}
	if s := p.Stats(); s.Processed != 2 || s.Cached != 6 {
		t.Errorf("stats %+v, want 2 processed, 6 cached", s)
	}
}

// BenchmarkProcess4000x3000 measures the full processing of one phone
// photo (decode, orientation, 3 widths × WebP + JPEG), without cache.
func BenchmarkProcess4000x3000(b *testing.B) {
	src := imagefixture.WithExif(imagefixture.EncodeJPEG(b, imagefixture.Photo(4000, 3000, 1)), imagefixture.ExifTIFF(binary.BigEndian, 6, true))
	p, err := New("", Options{})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := p.Process(src, "warm-up"); err != nil { // compiles the WebP module
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := p.Process(src, "x"); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/image")
}

// BenchmarkCached4000x3000 measures a warm-cache rebuild of one photo.
func BenchmarkCached4000x3000(b *testing.B) {
	src := imagefixture.EncodeJPEG(b, imagefixture.Photo(4000, 3000, 1))
	dir := b.TempDir()
	p, _ := New(dir, Options{})
	if _, err := p.Process(src, "x"); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if res, err := p.Process(src, "x"); err != nil || !res.Cached {
			b.Fatal(err, res.Cached)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/image")
}

// BenchmarkCachedFile4000x3000 measures a warm-cache rebuild of one photo
// read through ProcessFile: the source's record matches its stamp, so
// neither the source nor the variants are read.
func BenchmarkCachedFile4000x3000(b *testing.B) {
	fsys, name, _ := sourceFile(b, imagefixture.EncodeJPEG(b, imagefixture.Photo(4000, 3000, 1)))
	p, _ := New(b.TempDir(), Options{})
	p.clock = later
	for range 2 { // process, then check the variants' SHA-256 and record their stamps
		if _, err := p.ProcessFile(fsys, name, "x"); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		if res, err := p.ProcessFile(fsys, name, "x"); err != nil || !res.Cached || res.Variants[0].Data != nil {
			b.Fatal(err, res.Cached)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/image")
}

// FuzzProcess: no input makes Process panic; it returns an *Error or
// variants whose declared sizes are their real sizes.
func FuzzProcess(f *testing.F) {
	small := imagefixture.Photo(24, 16, 9)
	var pngBuf, gifBuf, webpBuf bytes.Buffer
	png.Encode(&pngBuf, small)
	gif.Encode(&gifBuf, small, nil)
	webp.Encode(&webpBuf, small)
	f.Add(imagefixture.WithExif(imagefixture.EncodeJPEG(f, small), imagefixture.ExifTIFF(binary.BigEndian, 6, true)))
	f.Add(pngBuf.Bytes())
	f.Add(gifBuf.Bytes())
	f.Add(webpBuf.Bytes())
	p, err := New("", Options{Widths: []int{8, 16}, MaxPixels: 1 << 16})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		res, err := p.Process(src, "f")
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error %v (%T), want *Error", err, err)
			}
			return
		}
		if len(res.Variants) == 0 || len(res.Variants)%2 != 0 {
			t.Fatalf("%d variants", len(res.Variants))
		}
		for _, v := range res.Variants {
			if v.Width > res.Width || v.Height > res.Height+1 {
				t.Fatalf("variant %dx%d larger than source %dx%d", v.Width, v.Height, res.Width, res.Height)
			}
			decodeVariant(t, v)
		}
	})
}
