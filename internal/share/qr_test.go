package share

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var qrURLs = []string{
	"https://lantoa.netlify.app/mo-hinh/tieng-keng-an-ninh/",
	"https://lantoa.netlify.app/mo-hinh/khu-dan-cu-an-toan-ve-an-ninh-trat-tu-phuong-dong-da-ha-noi-duoc-nhan-rong/",
	"https://lantoa.netlify.app/tim-kiem/?q=camera&tinh=ha-noi&x=<1>",
	"https://example.org/",
}

// svgDoc is the part of a QR SVG the tests read.
type svgDoc struct {
	XMLName        xml.Name `xml:"svg"`
	ViewBox        string   `xml:"viewBox,attr"`
	ShapeRendering string   `xml:"shape-rendering,attr"`
	Title          string   `xml:"title"`
	Rects          []struct {
		Width  string `xml:"width,attr"`
		Height string `xml:"height,attr"`
		Fill   string `xml:"fill,attr"`
	} `xml:"rect"`
	Paths []struct {
		D    string `xml:"d,attr"`
		Fill string `xml:"fill,attr"`
	} `xml:"path"`
}

var runRE = regexp.MustCompile(`^M(\d+) (\d+)h(\d+)v1h-(\d+)z`)

// parseQRSVG parses an SVG made by QRSVG and returns its title and the
// module matrix its path paints.
func parseQRSVG(t *testing.T, data []byte) (title string, m [][]bool) {
	t.Helper()
	var doc svgDoc
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("SVG is not XML: %v\n%s", err, data)
	}
	var n int
	if _, err := fmt.Sscanf(doc.ViewBox, "0 0 %d %d", &n, new(int)); err != nil || !strings.HasSuffix(doc.ViewBox, " "+strconv.Itoa(n)) {
		t.Fatalf("viewBox %q is not a square in modules", doc.ViewBox)
	}
	if doc.ShapeRendering != "crispEdges" {
		t.Errorf("shape-rendering = %q", doc.ShapeRendering)
	}
	if len(doc.Rects) != 1 || doc.Rects[0].Fill != "#fff" || doc.Rects[0].Width != strconv.Itoa(n) || doc.Rects[0].Height != strconv.Itoa(n) {
		t.Errorf("background rects = %+v, want one white %d×%d", doc.Rects, n, n)
	}
	if len(doc.Paths) != 1 {
		t.Fatalf("%d paths, want 1", len(doc.Paths))
	}
	if doc.Paths[0].Fill != "#000" {
		t.Errorf("path fill = %q", doc.Paths[0].Fill)
	}
	m = make([][]bool, n)
	for y := range m {
		m[y] = make([]bool, n)
	}
	d := doc.Paths[0].D
	for d != "" {
		sm := runRE.FindStringSubmatch(d)
		if sm == nil {
			t.Fatalf("path data not a run at %.20q", d)
		}
		d = d[len(sm[0]):]
		x, _ := strconv.Atoi(sm[1])
		y, _ := strconv.Atoi(sm[2])
		w, _ := strconv.Atoi(sm[3])
		back, _ := strconv.Atoi(sm[4])
		if back != w || w < 1 || y >= n || x+w > n {
			t.Fatalf("bad run %q in %d×%d", sm[0], n, n)
		}
		for i := x; i < x+w; i++ {
			if m[y][i] {
				t.Fatalf("module (%d,%d) painted twice", i, y)
			}
			m[y][i] = true
		}
		// Runs are maximal: the module after a run is light.
		if x+w < n && strings.HasPrefix(d, fmt.Sprintf("M%d %d", x+w, y)) {
			t.Errorf("run %q not merged with the next", sm[0])
		}
	}
	return doc.Title, m
}

func TestQRSVG(t *testing.T) {
	for _, url := range qrURLs {
		data, err := QRSVG(url)
		if err != nil {
			t.Fatal(err)
		}
		title, m := parseQRSVG(t, data)
		if title != url {
			t.Errorf("title = %q, want %q", title, url)
		}
		want, err := qrModules(url)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(m) != fmt.Sprint(want) {
			t.Errorf("%s: path does not cover exactly the dark modules", url)
		}
		n := len(m)
		if (n-2*QuietZone-21)%4 != 0 || n-2*QuietZone < 21 {
			t.Fatalf("%s: %d modules is not a QR code plus quiet zone", url, n)
		}
		for i := 0; i < n; i++ {
			for q := 0; q < QuietZone; q++ {
				if m[q][i] || m[n-1-q][i] || m[i][q] || m[i][n-1-q] {
					t.Fatalf("%s: dark module in the quiet zone", url)
				}
			}
		}
		// The top-left finder pattern starts right after the quiet zone.
		if !m[QuietZone][QuietZone] || !m[QuietZone+6][QuietZone+6] || m[QuietZone+1][QuietZone+1] {
			t.Errorf("%s: no finder pattern at the quiet zone's corner", url)
		}
		if level := ecLevel(t, m); level != "M" {
			t.Errorf("%s: error correction level %s, want M", url, level)
		}
		if len(data) > 20000 {
			t.Errorf("%s: SVG is %d bytes", url, len(data))
		}
	}
	if _, err := QRSVG(""); err == nil {
		t.Error("QRSVG(\"\") succeeded")
	}
}

// ecLevel reads the error correction level from the format information
// next to the top-left finder pattern.
func ecLevel(t *testing.T, m [][]bool) string {
	t.Helper()
	q := QuietZone
	var cells [][2]int // (x, y), from the symbol's top-left corner
	for _, x := range []int{0, 1, 2, 3, 4, 5, 7, 8} {
		cells = append(cells, [2]int{x, 8})
	}
	for _, y := range []int{7, 5, 4, 3, 2, 1, 0} {
		cells = append(cells, [2]int{8, y})
	}
	bch := func(data int) int {
		v := data << 10
		for i := 14; i >= 10; i-- {
			if v&(1<<i) != 0 {
				v ^= 0x537 << (i - 10)
			}
		}
		return data<<10 | v
	}
	for _, reverse := range []bool{false, true} {
		bits := 0
		for i := range cells {
			c := cells[i]
			if reverse {
				c = cells[len(cells)-1-i]
			}
			bits <<= 1
			if m[q+c[1]][q+c[0]] {
				bits |= 1
			}
		}
		bits ^= 0x5412
		if bch(bits>>10) == bits {
			return [4]string{"M", "L", "H", "Q"}[bits>>13]
		}
	}
	t.Fatal("no valid format information")
	return ""
}

// TestQRDecode rasterizes the module matrix read back from each SVG and
// decodes it with zbarimg (Debian package zbar-tools).
func TestQRDecode(t *testing.T) {
	zbarimg, err := exec.LookPath("zbarimg")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("zbarimg not installed (apt-get install zbar-tools)")
		}
		t.Skip("zbarimg not installed (apt-get install zbar-tools)")
	}
	dir := t.TempDir()
	for i, url := range qrURLs {
		data, err := QRSVG(url)
		if err != nil {
			t.Fatal(err)
		}
		_, m := parseQRSVG(t, data)
		file := filepath.Join(dir, fmt.Sprintf("qr%d.png", i))
		if err := os.WriteFile(file, rasterize(m, 8), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(zbarimg, "--raw", "-q", "-Sdisable", "-Sqrcode.enable", file).Output()
		if err != nil {
			t.Fatalf("zbarimg %s (for %s): %v", file, url, err)
		}
		if got := strings.TrimSuffix(string(out), "\n"); got != url {
			t.Errorf("decoded %q, want %q", got, url)
		}
	}
	// A damaged code must not decode to the URL: the decoder is really
	// reading the modules.
	_, m := parseQRSVG(t, must(QRSVG(qrURLs[0])))
	for y := QuietZone; y < len(m)-QuietZone; y++ {
		for x := QuietZone; x < QuietZone+7; x++ {
			m[y][x] = false
		}
	}
	file := filepath.Join(dir, "damaged.png")
	os.WriteFile(file, rasterize(m, 8), 0o644)
	if out, _ := exec.Command(zbarimg, "--raw", "-q", file).Output(); strings.Contains(string(out), qrURLs[0]) {
		t.Errorf("damaged code still decoded: %q", out)
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

// rasterize draws module matrix m as a PNG at scale pixels per module.
func rasterize(m [][]bool, scale int) []byte {
	n := len(m)
	img := image.NewGray(image.Rect(0, 0, n*scale, n*scale))
	for y := 0; y < n*scale; y++ {
		for x := 0; x < n*scale; x++ {
			c := color.Gray{0xff}
			if m[y/scale][x/scale] {
				c = color.Gray{0}
			}
			img.SetGray(x, y, c)
		}
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}

// BenchmarkQRSVG is the QR code of one story (every build makes one per
// story).
func BenchmarkQRSVG(b *testing.B) {
	for b.Loop() {
		if _, err := QRSVG("https://lantoa.vn/mo-hinh/camera-an-ninh-phuong-yen-hoa/"); err != nil {
			b.Fatal(err)
		}
	}
}
