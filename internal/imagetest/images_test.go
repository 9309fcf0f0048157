package imagetest

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/jpeg"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/image/webp"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/lantoa/lantoa/internal/images/imagefixture"
)

// sizes is the sizes attribute the theme and the Markdown renderer give
// every responsive image (issue #9).
const sizes = "(min-width: 42rem) 40rem, calc(100vw - 2rem)"

// variantHeights are the variant widths of a 4000×3000 photo displayed
// upright (3000×4000) and their heights.
var variantHeights = map[int]int{480: 640, 800: 1067, 1200: 1600}

// variantName matches a published variant: "anh-2-c1427593-800.webp".
var variantName = regexp.MustCompile(`^(anh-[0-9])-([0-9a-f]{8})-([0-9]+)\.(webp|jpg)$`)

// TestBuildCounts: the first build processes the three photos, the second
// takes all three from the cache.
func TestBuildCounts(t *testing.T) {
	s := imageSite(t)
	t.Logf("cold build %v (%d images processed), cached rebuild %v", s.coldElapsed, s.cold.ImagesProcessed, s.warmElapsed)
	var src, out int
	for _, b := range sourcePhotos(t) {
		src += len(b)
	}
	for _, b := range s.coldImg {
		out += len(b)
	}
	t.Logf("sources %d KB, %d variants %d KB", src/1024, len(s.coldImg), out/1024)
	if s.cold.ImagesProcessed != 3 || s.cold.ImagesCached != 0 {
		t.Errorf("first build: %d processed, %d cached; want 3, 0", s.cold.ImagesProcessed, s.cold.ImagesCached)
	}
	if s.warm.ImagesCached != 3 || s.warm.ImagesProcessed != 0 {
		t.Errorf("second build: %d processed, %d cached; want 0, 3", s.warm.ImagesProcessed, s.warm.ImagesCached)
	}
}

// TestVariants checks every file under public/img: names, sizes, upright
// orientation, no metadata, and the same bytes from the cache as from
// processing.
func TestVariants(t *testing.T) {
	s := imageSite(t)
	files, err := readDir(filepath.Join(s.out, "img"))
	if err != nil {
		t.Fatal(err)
	}
	type key struct {
		base   string
		width  int
		format string
	}
	seen := map[key]bool{}
	hashes := map[string]string{}
	for name, data := range files {
		m := variantName.FindStringSubmatch(name)
		if m == nil {
			t.Errorf("img/%s: unexpected file", name)
			continue
		}
		w, _ := strconv.Atoi(m[3])
		k := key{m[1], w, m[4]}
		seen[k] = true
		if h, ok := hashes[m[1]]; ok && h != m[2] {
			t.Errorf("img/%s: hash %s, other variants of %s have %s", name, m[2], m[1], h)
		}
		hashes[m[1]] = m[2]

		img := decode(t, name, data)
		wantH, ok := variantHeights[w]
		if b := img.Bounds(); !ok || b.Dx() != w || b.Dy() != wantH {
			t.Errorf("img/%s: %dx%d, want one of 480x640, 800x1067, 1200x1600 matching its name", name, b.Dx(), b.Dy())
			continue
		}
		checkUpright(t, name, img)
		for _, problem := range metadata(name, data) {
			t.Errorf("img/%s: %s", name, problem)
		}
		if cold, ok := s.coldImg[name]; !ok {
			t.Errorf("img/%s: written by the cached build only", name)
		} else if !bytes.Equal(cold, data) {
			t.Errorf("img/%s: the cached build wrote other bytes than the first", name)
		}
	}
	for _, p := range photos {
		base := strings.TrimSuffix(p.file, ".jpg")
		for w := range variantHeights {
			for _, f := range []string{"webp", "jpg"} {
				if !seen[key{base, w, f}] {
					t.Errorf("no %dw %s variant of %s in img/", w, f, p.file)
				}
			}
		}
	}
	if len(files) != len(photos)*len(variantHeights)*2 {
		t.Errorf("img/ holds %d files, want %d", len(files), len(photos)*len(variantHeights)*2)
	}
	if len(s.coldImg) != len(files) {
		t.Errorf("img/ held %d files after the first build, %d after the second", len(s.coldImg), len(files))
	}
}

// decode decodes a variant by its extension, with decoders independent of
// the encoders that wrote it.
func decode(t *testing.T, name string, data []byte) image.Image {
	t.Helper()
	var (
		img image.Image
		err error
	)
	switch filepath.Ext(name) {
	case ".webp":
		if len(data) < 12 || string(data[:4]) != "RIFF" || string(data[8:12]) != "WEBP" {
			t.Fatalf("img/%s: not a WebP file", name)
		}
		img, err = webp.Decode(bytes.NewReader(data))
	case ".jpg":
		img, err = jpeg.Decode(bytes.NewReader(data))
	default:
		t.Fatalf("img/%s: unknown extension", name)
	}
	if err != nil {
		t.Fatalf("img/%s: %v", name, err)
	}
	return img
}

// checkUpright checks where the corner markers landed. The photo is stored
// landscape with red at the stored top-left and blue at the stored
// top-right, squares of side 1/12 of the stored width; Orientation=6 means
// "rotate 90° clockwise to display", so red must be displayed at the
// top-right corner and blue at the bottom-right, and neither at the left.
func checkUpright(t *testing.T, name string, img image.Image) {
	t.Helper()
	b := img.Bounds()
	side := b.Dx() * srcW / 12 / srcH // the markers' side in this variant
	in := side / 2                    // the center of a marker square
	at := func(x, y int) string {
		c := img.At(b.Min.X+x, b.Min.Y+y)
		switch {
		case imagefixture.Near(c, imagefixture.MarkTL, 45):
			return "red"
		case imagefixture.Near(c, imagefixture.MarkTR, 45):
			return "blue"
		}
		r, g, bl, _ := c.RGBA()
		return fmt.Sprintf("rgb(%d,%d,%d)", r>>8, g>>8, bl>>8)
	}
	for _, want := range []struct {
		corner string
		x, y   int
		color  string
	}{
		{"top-right", b.Dx() - 1 - in, in, "red"},
		{"bottom-right", b.Dx() - 1 - in, b.Dy() - 1 - in, "blue"},
	} {
		if got := at(want.x, want.y); got != want.color {
			t.Errorf("img/%s: %s corner is %s, want %s (the photo is not displayed upright)", name, want.corner, got, want.color)
		}
	}
	for _, corner := range []struct {
		name string
		x, y int
	}{{"top-left", in, in}, {"bottom-left", in, b.Dy() - 1 - in}} {
		if got := at(corner.x, corner.y); got == "red" || got == "blue" {
			t.Errorf("img/%s: %s corner is %s: the photo is not displayed upright", name, corner.name, got)
		}
	}
}

// metadata lists what in a published file is not image data: a JPEG
// segment other than tables and frame headers before the scan (APPn, COM),
// a WebP chunk other than VP8, VP8L, VP8X and ALPH, or a string planted in
// the source's EXIF.
func metadata(name string, b []byte) []string {
	var problems []string
	for _, s := range []string{"Exif", "EXIF", "XMP", "ICCP", "iCCP", imagefixture.Make, imagefixture.Model, "http://ns.adobe.com"} {
		if bytes.Contains(b, []byte(s)) {
			problems = append(problems, fmt.Sprintf("contains %q", s))
		}
	}
	switch filepath.Ext(name) {
	case ".jpg":
		if len(b) < 4 || b[0] != 0xFF || b[1] != 0xD8 {
			return append(problems, "no JPEG SOI")
		}
		for i := 2; ; {
			if i+4 > len(b) {
				return append(problems, "no scan (SOS)")
			}
			if b[i] != 0xFF {
				return append(problems, fmt.Sprintf("bad marker at byte %d", i))
			}
			m := b[i+1]
			if m == 0xDA {
				break
			}
			if m >= 0xE0 && m <= 0xEF || m == 0xFE {
				problems = append(problems, fmt.Sprintf("segment 0xFF%X (APPn or COM)", m))
			}
			i += 2 + int(binary.BigEndian.Uint16(b[i+2:]))
		}
	case ".webp":
		if len(b) < 12 {
			return append(problems, "truncated RIFF header")
		}
		if n := int(binary.LittleEndian.Uint32(b[4:])); n+8 != len(b) {
			problems = append(problems, fmt.Sprintf("RIFF size %d, file %d bytes", n+8, len(b)))
		}
		for i := 12; i < len(b); {
			if i+8 > len(b) {
				return append(problems, fmt.Sprintf("truncated chunk header at byte %d", i))
			}
			id := string(b[i : i+4])
			if !slices.Contains([]string{"VP8 ", "VP8L", "VP8X", "ALPH"}, id) {
				problems = append(problems, fmt.Sprintf("chunk %q", id))
			}
			if id == "VP8X" && i+9 <= len(b) && b[i+8]&0x2C != 0 {
				problems = append(problems, fmt.Sprintf("VP8X flags 0x%02X announce ICC, EXIF or XMP", b[i+8]))
			}
			n := int(binary.LittleEndian.Uint32(b[i+4:]))
			i += 8 + n + n&1
		}
	}
	return problems
}

// TestExiftool asks exiftool, which knows every metadata format, what the
// published files carry: no GPS tag, no camera make or model, nothing from
// the EXIF directories. It first checks that exiftool does see them in a
// source photo, so that the test cannot pass by parsing nothing.
func TestExiftool(t *testing.T) {
	exiftool, err := exec.LookPath("exiftool")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("exiftool is not installed (Debian: libimage-exiftool-perl; run `make deps`)")
		}
		t.Skip("exiftool is not installed (Debian: libimage-exiftool-perl; run `make deps`)")
	}
	s := imageSite(t)
	run := func(files ...string) []exifTag {
		t.Helper()
		out, err := exec.Command(exiftool, append([]string{"-a", "-G1", "-s"}, files...)...).Output()
		if err != nil {
			t.Fatalf("exiftool: %v\n%s", err, out)
		}
		return parseExiftool(string(out))
	}

	src := filepath.Join(s.src, "content", "mo-hinh", "anh-test", photos[0].file)
	var sawGPS, sawMake bool
	for _, tag := range run(src) {
		sawGPS = sawGPS || strings.HasPrefix(tag.name, "GPSLatitude")
		sawMake = sawMake || tag.name == "Make" && tag.value == imagefixture.Make
	}
	if !sawGPS || !sawMake {
		t.Fatalf("exiftool finds no GPSLatitude (%v) or Make (%v) in the source photo: its output is not understood", sawGPS, sawMake)
	}

	matches, err := filepath.Glob(filepath.Join(s.out, "img", "*"))
	if err != nil || len(matches) == 0 {
		t.Fatalf("no files in img/: %v", err)
	}
	tags := run(matches...)
	files := 0
	for _, tag := range tags {
		switch {
		case tag.group == "System" && tag.name == "FileName":
			files++
		case strings.HasPrefix(tag.name, "GPS"), tag.name == "Make", tag.name == "Model",
			slices.Contains([]string{"IFD0", "IFD1", "ExifIFD", "GPS", "ICC_Profile", "MakerNotes"}, tag.group),
			strings.HasPrefix(tag.group, "XMP"):
			t.Errorf("%s: [%s] %s = %q", tag.file, tag.group, tag.name, tag.value)
		}
	}
	if files != len(matches) {
		t.Errorf("exiftool reported on %d files, want %d", files, len(matches))
	}
}

// exifTag is one line of `exiftool -a -G1 -s`.
type exifTag struct {
	file, group, name, value string
}

// parseExiftool reads `exiftool -a -G1 -s` output: "======== FILE"
// separators (several files), then "[Group] Name : value" lines.
func parseExiftool(out string) []exifTag {
	var tags []exifTag
	file := ""
	for line := range strings.Lines(out) {
		line = strings.TrimRight(line, "\n")
		if f, ok := strings.CutPrefix(line, "======== "); ok {
			file = f
			continue
		}
		if !strings.HasPrefix(line, "[") {
			continue
		}
		group, rest, ok := strings.Cut(line[1:], "]")
		if !ok {
			continue
		}
		name, value, ok := strings.Cut(rest, ":")
		if !ok {
			continue
		}
		tags = append(tags, exifTag{file, group, strings.TrimSpace(name), strings.TrimSpace(value)})
	}
	return tags
}

// TestOriginalsNotPublished: the bundle's photos are processed, not copied
// to the output, and no page links to them.
func TestOriginalsNotPublished(t *testing.T) {
	s := imageSite(t)
	data := sourcePhotos(t)
	err := filepath.WalkDir(s.out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(s.out, p)
		for _, ph := range photos {
			if d.Name() == ph.file {
				t.Errorf("%s: the original photo is published", rel)
			}
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for i, src := range data {
			if bytes.Equal(b, src) {
				t.Errorf("%s: a copy of the original %s", rel, photos[i].file)
			}
		}
		for _, ph := range photos {
			if bytes.Contains(b, []byte("anh-test/"+ph.file)) {
				t.Errorf("%s: links to the original %s", rel, ph.file)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestStoryHTML checks the story page: the hero and two body images as
// <picture> with a WebP source and a JPEG fallback, every <img> with width,
// height and alt, one fetchpriority=high (the hero), lazy loading for the
// others, and the caption from the Markdown title.
func TestStoryHTML(t *testing.T) {
	s := imageSite(t)
	doc := parseHTML(t, filepath.Join(s.out, storyPath))
	imgs := findAll(doc, atom.Img)
	if len(imgs) != len(photos) {
		t.Fatalf("%s has %d <img>, want %d", storyPath, len(imgs), len(photos))
	}
	high := 0
	for i, img := range imgs {
		base := strings.TrimSuffix(photos[i].file, ".jpg")
		src := attr(img, "src")
		w, errW := strconv.Atoi(attr(img, "width"))
		h, errH := strconv.Atoi(attr(img, "height"))
		if errW != nil || errH != nil || w <= 0 || h <= 0 {
			t.Errorf("<img src=%q>: width %q height %q", src, attr(img, "width"), attr(img, "height"))
		} else if w*4 != h*3 {
			t.Errorf("<img src=%q>: width/height %d/%d is not the upright 3:4 of the photo", src, w, h)
		}
		if alt := attr(img, "alt"); alt != photos[i].alt {
			t.Errorf("<img src=%q>: alt %q, want %q", src, alt, photos[i].alt)
		}
		if !strings.HasPrefix(src, "/img/"+base+"-") || !strings.HasSuffix(src, ".jpg") {
			t.Errorf("image %d: src %q, want a JPEG variant of %s", i+1, src, photos[i].file)
		}
		checkSrcset(t, s.out, src, attr(img, "srcset"), ".jpg")
		if got := attr(img, "sizes"); got != sizes {
			t.Errorf("<img src=%q>: sizes %q, want %q", src, got, sizes)
		}
		pic := img.Parent
		if pic == nil || pic.DataAtom != atom.Picture {
			t.Errorf("<img src=%q> is not in a <picture>", src)
		} else if srcs := findAll(pic, atom.Source); len(srcs) != 1 || attr(srcs[0], "type") != "image/webp" {
			t.Errorf("<picture> of %s: want one <source type=image/webp>", src)
		} else {
			checkSrcset(t, s.out, src, attr(srcs[0], "srcset"), ".webp")
			if got := attr(srcs[0], "sizes"); got != sizes {
				t.Errorf("<source> of %s: sizes %q, want %q", src, got, sizes)
			}
		}
		fp, lazy := attr(img, "fetchpriority"), attr(img, "loading")
		if fp == "high" {
			high++
		}
		if i == 0 {
			if fp != "high" || lazy == "lazy" {
				t.Errorf("hero %s: fetchpriority %q loading %q, want high and eager", src, fp, lazy)
			}
			if fig := ancestor(img, atom.Figure); fig == nil || !strings.Contains(" "+attr(fig, "class")+" ", " hero-img ") {
				t.Errorf("hero %s is not in figure.hero-img", src)
			}
		} else if fp == "high" || lazy != "lazy" {
			t.Errorf("body image %s: fetchpriority %q loading %q, want no priority and lazy", src, fp, lazy)
		}
	}
	if high != 1 {
		t.Errorf("%d images with fetchpriority=high, want exactly 1 (the hero)", high)
	}

	// ![alt](anh-3.jpg "Chú thích") is a figure with that caption; anh-2,
	// without a title, has none.
	var captions []string
	for _, fig := range findAll(doc, atom.Figure) {
		for _, fc := range findAll(fig, atom.Figcaption) {
			captions = append(captions, textOf(fc))
			if in := findAll(fig, atom.Img); len(in) != 1 || !strings.HasPrefix(attr(in[0], "src"), "/img/anh-3-") {
				t.Errorf("figcaption %q is not the caption of anh-3.jpg", textOf(fc))
			}
		}
	}
	if !slices.Equal(captions, []string{"Chú thích"}) {
		t.Errorf("figcaptions %q, want [\"Chú thích\"]", captions)
	}
}

// TestEveryImgHasSizeAndAlt: no page of the site has an <img> without
// width, height and an alt attribute (lists and cards included).
func TestEveryImgHasSizeAndAlt(t *testing.T) {
	s := imageSite(t)
	pages := 0
	err := filepath.WalkDir(s.out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		pages++
		rel, _ := filepath.Rel(s.out, p)
		for _, img := range findAll(parseHTML(t, p), atom.Img) {
			_, hasAlt := lookup(img, "alt")
			if attr(img, "width") == "" || attr(img, "height") == "" || !hasAlt {
				t.Errorf("%s: <img src=%q width=%q height=%q> alt present: %v", rel, attr(img, "src"), attr(img, "width"), attr(img, "height"), hasAlt)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages == 0 {
		t.Fatal("no HTML pages")
	}
}

// checkSrcset checks a srcset of the image whose fallback is src: three
// candidates 480w, 800w, 1200w of the same photo and format, each an
// existing file whose name states its width.
func checkSrcset(t *testing.T, out, src, srcset, ext string) {
	t.Helper()
	var widths []int
	for cand := range strings.SplitSeq(srcset, ",") {
		url, desc, ok := strings.Cut(strings.TrimSpace(cand), " ")
		w, err := strconv.Atoi(strings.TrimSuffix(desc, "w"))
		if !ok || err != nil || !strings.HasSuffix(desc, "w") {
			t.Errorf("srcset of %s: bad candidate %q", src, cand)
			continue
		}
		widths = append(widths, w)
		name, ok := strings.CutPrefix(url, "/img/")
		m := variantName.FindStringSubmatch(name)
		if !ok || m == nil || m[3] != strconv.Itoa(w) || "."+m[4] != ext || !strings.HasPrefix(src, "/img/"+m[1]+"-"+m[2]+"-") {
			t.Errorf("srcset of %s: candidate %q is not the %dw %s variant of the same photo", src, cand, w, ext)
			continue
		}
		if _, err := os.Stat(filepath.Join(out, "img", name)); err != nil {
			t.Errorf("srcset of %s: %v", src, err)
		}
	}
	if !slices.Equal(widths, []int{480, 800, 1200}) {
		t.Errorf("srcset of %s: widths %v, want [480 800 1200]", src, widths)
	}
}

// TestCachedRebuildOverhead measures what images with a warm cache add to
// a build: the same site without images against the site with its three
// photos cached, built alternately, the median and the least of several
// builds each (the least is the build the neighbours disturbed least). It
// logs the figures (docs/benchmarks.md) and asserts only that every
// rebuild took the photos from the cache: timing on a shared machine is
// not a test.
func TestCachedRebuildOverhead(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the fixture site 32 times")
	}
	s := imageSite(t)
	plain := filepath.Join(shared.tmp, "without-images")
	if err := writeSite(filepath.Join(plain, "site"), nil, false); err != nil {
		t.Fatal(err)
	}
	const runs = 15
	var without, with []timing
	for i := range runs + 1 { // the first round warms up both
		res, d, err := timedBuild(filepath.Join(plain, "site"), filepath.Join(plain, "public"))
		if err != nil {
			t.Fatal(err)
		}
		if res.ImagesProcessed+res.ImagesCached != 0 {
			t.Fatalf("the site without images has %d images", res.ImagesProcessed+res.ImagesCached)
		}
		resImg, dImg, err := timedBuild(s.src, filepath.Join(shared.tmp, "with-images", "public-timing"))
		if err != nil {
			t.Fatal(err)
		}
		if resImg.ImagesCached != 3 || resImg.ImagesProcessed != 0 {
			t.Fatalf("rebuild %d: %d images cached, %d processed; want 3, 0", i, resImg.ImagesCached, resImg.ImagesProcessed)
		}
		if i > 0 {
			without, with = append(without, d), append(with, dImg)
		}
	}
	mw, mi := median(without), median(with)
	lw, li := least(without), least(with)
	pct := func(a, b time.Duration) float64 { return 100 * (float64(a) - float64(b)) / float64(b) }
	perImage := func(a, b time.Duration) time.Duration { return ((a - b) / 3).Round(10 * time.Microsecond) }
	t.Logf("build without images: median %v, least %v, of %v", mw, lw, without)
	t.Logf("build with 3 cached images: median %v, least %v, of %v", mi, li, with)
	t.Logf("cached rebuild overhead (target ≤ 5%%): medians: wall %+.1f%%, CPU %+.1f%% (%v CPU per image); least: wall %+.1f%%, CPU %+.1f%% (%v CPU per image)",
		pct(mi.wall, mw.wall), pct(mi.cpu, mw.cpu), perImage(mi.cpu, mw.cpu), pct(li.wall, lw.wall), pct(li.cpu, lw.cpu), perImage(li.cpu, lw.cpu))
	t.Logf("cold build with 3 images of %d×%d: %v, so about %v wall, %v CPU per image over the build without images",
		srcW, srcH, s.coldElapsed, ((s.coldElapsed.wall - mw.wall) / 3).Round(time.Millisecond), ((s.coldElapsed.cpu - mw.cpu) / 3).Round(time.Millisecond))
}

// median returns the median wall time and the median CPU time.
func median(d []timing) timing {
	walls, cpus := make([]time.Duration, len(d)), make([]time.Duration, len(d))
	for i, v := range d {
		walls[i], cpus[i] = v.wall, v.cpu
	}
	slices.Sort(walls)
	slices.Sort(cpus)
	return timing{walls[len(d)/2], cpus[len(d)/2]}
}

// least returns the least wall time and the least CPU time.
func least(d []timing) timing {
	l := d[0]
	for _, v := range d[1:] {
		l.wall, l.cpu = min(l.wall, v.wall), min(l.cpu, v.cpu)
	}
	return l
}

func parseHTML(t *testing.T, file string) *html.Node {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := html.Parse(f)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return doc
}

// findAll returns the elements of type a under n, in document order.
func findAll(n *html.Node, a atom.Atom) []*html.Node {
	var out []*html.Node
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && d.DataAtom == a {
			out = append(out, d)
		}
	}
	return out
}

func ancestor(n *html.Node, a atom.Atom) *html.Node {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && p.DataAtom == a {
			return p
		}
	}
	return nil
}

func lookup(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func attr(n *html.Node, key string) string {
	v, _ := lookup(n, key)
	return v
}

func textOf(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return strings.TrimSpace(b.String())
}

// TestCachedHeroNotDecoded: a build whose images all come from the cache
// decodes no image. It compares the bytes a warm build allocates for the
// story with anh-1.jpg as its front matter image and for the same story
// with anh-1.jpg as the first image of its body instead: the same three
// cached photos, the same variants written. Decoding the hero's 800w JPEG
// alone allocates about 1.3 MB (800×1067 YCbCr 4:2:0).
//
// It was a bug (internal/build/extra.go, builder.cardFor decoded the
// hero's JPEG variant for the share card of each story with an image, even
// with share images off); the photo is now decoded only when a card is
// drawn.
func TestCachedHeroNotDecoded(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the fixture site 8 times")
	}
	s := imageSite(t)
	body := filepath.Join(shared.tmp, "hero-in-body")
	if err := writeSite(filepath.Join(body, "site"), sourcePhotos(t), false); err != nil {
		t.Fatal(err)
	}
	// The same photos, the same cache: no processing.
	if err := copyTree(filepath.Join(s.src, "resources"), filepath.Join(body, "site", "resources")); err != nil {
		t.Fatal(err)
	}
	measure := func(src, out string) uint64 {
		t.Helper()
		least := uint64(0)
		for i := range 4 { // the first one warms up
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			res, _, err := timedBuild(src, out)
			runtime.ReadMemStats(&after)
			if err != nil {
				t.Fatal(err)
			}
			if res.ImagesCached != 3 || res.ImagesProcessed != 0 {
				t.Fatalf("%s: %d images cached, %d processed; want 3, 0", src, res.ImagesCached, res.ImagesProcessed)
			}
			if n := after.TotalAlloc - before.TotalAlloc; i > 0 && (least == 0 || n < least) {
				least = n
			}
		}
		return least
	}
	withHero := measure(s.src, filepath.Join(shared.tmp, "with-images", "public-alloc"))
	inBody := measure(filepath.Join(body, "site"), filepath.Join(body, "public"))
	t.Logf("warm build allocates %d KB with a hero, %d KB with the photo in the body", withHero/1024, inBody/1024)
	if withHero > inBody+512*1024 {
		t.Errorf("a warm build with a hero image allocates %d KB more than with the same photo in the body: the hero is decoded although every image is cached",
			(withHero-inBody)/1024)
	}
}

// TestDamagedCacheRebuilt: a cached variant truncated, and a variant of
// another photo rewritten in place with bytes of the same size, are
// noticed by the next build without hashing the files it trusts: the two
// photos are processed again (2 processed, 1 cached) and the published
// variants are the bytes of the first build.
func TestDamagedCacheRebuilt(t *testing.T) {
	if testing.Short() {
		t.Skip("processes two 4000×3000 photos")
	}
	s := imageSite(t)
	dir := filepath.Join(shared.tmp, "damaged-cache")
	src, out := filepath.Join(dir, "site"), filepath.Join(dir, "public")
	if err := copyTree(s.src, src); err != nil {
		t.Fatal(err)
	}
	// Date the copied cache back, so that the next build records the
	// variants' stamps (files younger than two seconds are not trusted
	// by stamp) and a later write gives them another modification time.
	cache := filepath.Join(src, "resources", "images")
	hourAgo := time.Now().Add(-time.Hour)
	err := filepath.WalkDir(cache, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		return os.Chtimes(p, hourAgo, hourAgo)
	})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 2 { // the first build checks every variant's SHA-256 and records its stamp
		res, _, err := timedBuild(src, out)
		if err != nil {
			t.Fatal(err)
		}
		if res.ImagesProcessed != 0 || res.ImagesCached != 3 {
			t.Fatalf("build %d of the copy: %d processed, %d cached; want 0, 3", i+1, res.ImagesProcessed, res.ImagesCached)
		}
	}

	// anh-2's 800w WebP truncated; anh-3's 1200w JPEG rewritten in place
	// (same size, same inode).
	files, err := readDir(filepath.Join(out, "img"))
	if err != nil {
		t.Fatal(err)
	}
	cacheFile := func(photo, suffix string) string {
		t.Helper()
		for name := range files {
			if m := variantName.FindStringSubmatch(name); m != nil && m[1] == photo {
				entries, err := filepath.Glob(filepath.Join(cache, m[2]+"*.json"))
				if err != nil || len(entries) != 1 {
					t.Fatalf("cache entry of %s (%s): %v %v", photo, m[2], entries, err)
				}
				return strings.TrimSuffix(entries[0], ".json") + suffix
			}
		}
		t.Fatalf("no variant of %s in img/", photo)
		return ""
	}
	webp800, jpg1200 := cacheFile("anh-2", "-800.webp"), cacheFile("anh-3", "-1200.jpg")
	st, err := os.Stat(webp800)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(webp800, st.Size()-100); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(jpg1200, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	_, err = f.WriteAt(bytes.Repeat([]byte{0x42}, 4096), 2048)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}

	res, _, err := timedBuild(src, out)
	if err != nil {
		t.Fatal(err)
	}
	if res.ImagesProcessed != 2 || res.ImagesCached != 1 {
		t.Errorf("build after damaging anh-2's and anh-3's cache: %d processed, %d cached; want 2, 1", res.ImagesProcessed, res.ImagesCached)
	}
	after, err := readDir(filepath.Join(out, "img"))
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != len(s.coldImg) {
		t.Errorf("img/ holds %d files, the first build %d", len(after), len(s.coldImg))
	}
	for name, data := range s.coldImg {
		if !bytes.Equal(after[name], data) {
			t.Errorf("img/%s: not the bytes of the first build", name)
		}
	}
	// The cache is repaired: the next build takes all three again.
	if res, _, err := timedBuild(src, out); err != nil || res.ImagesProcessed != 0 || res.ImagesCached != 3 {
		t.Errorf("build after the repair: %v; want 0 processed, 3 cached", err)
	}
}

// TestVariantsLinked: the published variants of the cached build are hard
// links to the cache files (output.Dir.Link), not copies.
func TestVariantsLinked(t *testing.T) {
	s := imageSite(t)
	files, err := filepath.Glob(filepath.Join(s.out, "img", "*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no variants: %v", err)
	}
	for _, f := range files {
		m := variantName.FindStringSubmatch(filepath.Base(f))
		if m == nil {
			continue
		}
		ext := m[4]
		cached, err := filepath.Glob(filepath.Join(s.src, "resources", "images", m[2]+"*-"+m[3]+"."+ext))
		if err != nil || len(cached) != 1 {
			t.Errorf("%s: cache file %v %v", f, cached, err)
			continue
		}
		a, err1 := os.Stat(f)
		b, err2 := os.Stat(cached[0])
		if err1 != nil || err2 != nil || !os.SameFile(a, b) {
			t.Errorf("img/%s is not a hard link to %s", filepath.Base(f), filepath.Base(cached[0]))
		}
	}
}
