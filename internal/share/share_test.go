package share

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/text/unicode/norm"
)

const (
	shortTitle = "Camera an ninh"
	keng       = "Tiếng kẻng an ninh ở bản Huổi Ngài giữ bình yên cho đồng bào Mông"
	duongDay   = "Đường dây nóng: người dân Đắk Lắk chung tay phòng, chống tội phạm"
)

// longTitle is 120 characters, the longest title the content schema allows.
const longTitle = "Mô hình “Khu dân cư an toàn về an ninh trật tự” ở phường Đống Đa được nhân rộng khắp các tổ dân phố, thôn, bản, ấp ở xã."

func newRenderer(t testing.TB) *Renderer {
	t.Helper()
	r, err := NewRenderer(DefaultTheme())
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func card(title string) Card {
	return Card{
		Title:    title,
		Eyebrow:  "Mô hình · Camera an ninh",
		Meta:     "Đắk Lắk",
		SiteName: "Lan tỏa mô hình hay",
		SiteHost: "lantoa.netlify.app",
	}
}

// noisyPhoto returns a synthetic photo: smooth colour gradients with
// per-pixel noise, the hardest case for JPEG size.
func noisyPhoto(w, h int, seed uint64) *image.RGBA {
	rng := rand.New(rand.NewPCG(seed, seed))
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			n := func(base float64) uint8 {
				v := base + rng.NormFloat64()*40
				return uint8(math.Max(0, math.Min(255, v)))
			}
			img.SetRGBA(x, y, color.RGBA{
				n(255 * float64(x) / float64(w)),
				n(200 - 120*float64(y)/float64(h)),
				n(80 + 100*math.Sin(float64(x+y)/60)),
				0xff,
			})
		}
	}
	return img
}

func decode(t *testing.T, data []byte) image.Image {
	t.Helper()
	img, format, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("decoding drawn image: %v", err)
	}
	if want := map[string]string{".png": "png", ".jpg": "jpeg"}[Ext(data)]; format != want {
		t.Errorf("decoded format %q, Ext says %q", format, Ext(data))
	}
	return img
}

func TestDrawSizes(t *testing.T) {
	r := newRenderer(t)
	withPhoto := card(keng)
	withPhoto.Background = noisyPhoto(1600, 1000, 1)
	withPhoto.BackgroundHash = "photo-1"
	tallPhoto := card(duongDay)
	tallPhoto.Background = noisyPhoto(500, 900, 2)
	cases := map[string]Card{
		"short":      card(shortTitle),
		"120 chars":  card(longTitle),
		"photo":      withPhoto,
		"tall photo": tallPhoto,
		"bare":       {Title: "Đ"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			data, err := r.Draw(c)
			if err != nil {
				t.Fatal(err)
			}
			if len(data) > MaxBytes {
				t.Errorf("image is %d bytes, over %d", len(data), MaxBytes)
			}
			if Ext(data) != c.Ext() {
				t.Errorf("Ext(data) = %q, Card.Ext() = %q", Ext(data), c.Ext())
			}
			img := decode(t, data)
			if b := img.Bounds(); b.Dx() != Width || b.Dy() != Height {
				t.Errorf("image is %v, want %d×%d", b.Size(), Width, Height)
			}
			t.Logf("%s: %d bytes (%s)", name, len(data), Ext(data))
		})
	}
}

func TestLongTitleLength(t *testing.T) {
	if n := len([]rune(longTitle)); n != 120 {
		t.Fatalf("longTitle has %d characters", n)
	}
}

// TestTitleLayout checks that titles wrap within the margins, in at most
// four lines, at a smaller size when long, and with an ellipsis only when
// nothing fits.
func TestTitleLayout(t *testing.T) {
	r := newRenderer(t)
	width, height := Width-2*marginX, 330
	short := r.layoutTitle(shortTitle, width, height)
	long := r.layoutTitle(longTitle, width, height)
	if len(short.lines) != 1 || short.lines[0] != shortTitle {
		t.Errorf("short title laid out as %q", short.lines)
	}
	if long.size >= short.size {
		t.Errorf("120-char title at %vpx, not smaller than short title at %vpx", long.size, short.size)
	}
	tooLong := strings.Repeat(keng+" ", 4)
	cut := r.layoutTitle(tooLong, width, height)
	for _, l := range []titleLayout{short, long, r.layoutTitle(keng, width, height), cut} {
		if len(l.lines) > titleMaxLines {
			t.Errorf("%d lines: %q", len(l.lines), l.lines)
		}
		if l.height > height {
			t.Errorf("block height %d > %d", l.height, height)
		}
		for _, line := range l.lines {
			if w := measure(l.face, line, 0); w > width {
				t.Errorf("line %q is %dpx wide, over %d", line, w, width)
			}
		}
	}
	if got := strings.Join(long.lines, " "); got != longTitle {
		t.Errorf("120-char title lost text: %q", got)
	}
	if last := cut.lines[len(cut.lines)-1]; !strings.HasSuffix(last, "…") {
		t.Errorf("over-long title does not end in an ellipsis: %q", cut.lines)
	}
	// Balanced lines: the title's two lines differ in width by less than
	// the greedy wrap's.
	l := r.layoutTitle(duongDay, width, height)
	greedy := wrap(l.face, duongDay, width)
	if len(greedy) == len(l.lines) && len(l.lines) == 2 {
		diff := func(ls []string) int {
			return abs(measure(l.face, ls[0], 0) - measure(l.face, ls[1], 0))
		}
		if diff(l.lines) > diff(greedy) {
			t.Errorf("balanced %q less even than greedy %q", l.lines, greedy)
		}
	}
	// A single word wider than the card is broken, not overflowing.
	word := strings.Repeat("Đ", 80)
	wl := r.layoutTitle(word, width, height)
	for _, line := range wl.lines {
		if w := measure(wl.face, line, 0); w > width {
			t.Errorf("broken word line is %dpx wide", w)
		}
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func TestMissing(t *testing.T) {
	r := newRenderer(t)
	vietnamese := []string{
		keng, duongDay, longTitle,
		"ĐƯỜNG DÂY NÓNG ễ ặ ượ Đ ư ơ ỹ ỵ ỷ ậ ẫ ợ ữ ự “” – … ·",
		"Vie\u0323\u0302t Nam, a\u0323\u0306", // NFD, composed by NFC
		"0123456789 ? ! : ; / % ( ) @ # & + = « »",
	}
	for _, s := range vietnamese {
		if m := r.Missing(s); len(m) != 0 {
			t.Errorf("Missing(%q) = %q, want none", s, m)
		}
	}
	for _, tc := range []struct {
		s    string
		want []rune
	}{
		{"Bình yên 🦀", []rune{'🦀'}},
		{"✅ Đã xong 📍", []rune{'✅', '📍'}},
		{"安全 an ninh 安", []rune{'安', '全'}},
		{"\t\n\u00a0", nil},
		{"한국 và 🦀 한", []rune{'한', '국', '🦀'}},
	} {
		if got := r.Missing(tc.s); !slices.Equal(got, tc.want) {
			t.Errorf("Missing(%q) = %q, want %q", tc.s, got, tc.want)
		}
	}
}

func TestDrawMissingGlyph(t *testing.T) {
	r := newRenderer(t)
	c := card("An ninh 🦀 thôn")
	_, err := r.Draw(c)
	var me *MissingGlyphsError
	if !errors.As(err, &me) {
		t.Fatalf("Draw with emoji title: err = %v, want *MissingGlyphsError", err)
	}
	if me.Field != "Title" || !slices.Equal(me.Runes, []rune{'🦀'}) {
		t.Errorf("error = %+v", me)
	}
	if !strings.Contains(err.Error(), "U+1F980") {
		t.Errorf("error text %q does not name the code point", err)
	}
	c = card(keng)
	c.Meta = "北京"
	if _, err := r.Draw(c); !errors.As(err, &me) || me.Field != "Meta" {
		t.Errorf("Draw with CJK meta: err = %v", err)
	}
}

// TestNFC checks that NFD and NFC titles draw the same pixels.
func TestNFC(t *testing.T) {
	r := newRenderer(t)
	a, err := r.Image(card(norm.NFC.String(keng)))
	if err != nil {
		t.Fatal(err)
	}
	b, err := r.Image(card(norm.NFD.String(keng)))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Pix, b.Pix) {
		t.Error("NFD title drawn differently from NFC title")
	}
}

// TestSpaces checks that unusual spaces and controls draw like plain
// spaces (the font lacks some of them, and Missing ignores them).
func TestSpaces(t *testing.T) {
	r := newRenderer(t)
	plain := card(duongDay)
	odd := plain
	odd.Title = "\u3000" + strings.ReplaceAll(duongDay, " ", "\u00a0\u3000\t") + "\u0007"
	odd.Meta = "Đắk\u2003Lắk "
	a, err := r.Image(plain)
	if err != nil {
		t.Fatal(err)
	}
	b, err := r.Image(odd)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Pix, b.Pix) {
		t.Error("title with odd spaces drawn differently")
	}
}

// TestPhotoContrast checks that the overlay keeps the title legible over
// the lightest possible photo.
func TestPhotoContrast(t *testing.T) {
	r := newRenderer(t)
	white := image.NewRGBA(image.Rect(0, 0, 40, 20))
	for i := range white.Pix {
		white.Pix[i] = 0xff
	}
	c := Card{Title: "", Background: white}
	img, err := r.Image(c)
	if err != nil {
		t.Fatal(err)
	}
	fg := r.Theme().Foreground
	for _, y := range []int{0, 150, 300, Height - footerHeight - 1} {
		px := img.RGBAAt(Width/2, y)
		if px == (color.RGBA{0xff, 0xff, 0xff, 0xff}) {
			t.Fatalf("photo pixel at y=%d not darkened", y)
		}
		if cr := contrast(fg, px); cr < 4.5 {
			t.Errorf("contrast of text over white photo at y=%d: %.2f < 4.5 (pixel %v)", y, cr, px)
		}
	}
	// And the photo shows through: a black photo gives a different image.
	black := image.NewRGBA(image.Rect(0, 0, 40, 20))
	c.Background = black
	img2, err := r.Image(c)
	if err != nil {
		t.Fatal(err)
	}
	if img2.RGBAAt(Width/2, 150) == img.RGBAAt(Width/2, 150) {
		t.Error("photo does not show through the overlay")
	}
}

// contrast returns the WCAG contrast ratio of a and b.
func contrast(a, b color.RGBA) float64 {
	lum := func(c color.RGBA) float64 {
		ch := func(v uint8) float64 {
			s := float64(v) / 255
			if s <= 0.03928 {
				return s / 12.92
			}
			return math.Pow((s+0.055)/1.055, 2.4)
		}
		return 0.2126*ch(c.R) + 0.7152*ch(c.G) + 0.0722*ch(c.B)
	}
	la, lb := lum(a), lum(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// TestTextDrawn checks that the title's ink lands inside the margins and
// that longer titles cover more of the card.
func TestTextDrawn(t *testing.T) {
	r := newRenderer(t)
	bg := r.Theme().Background
	count := func(c Card) (n int, minX, maxX int) {
		img, err := r.Image(c)
		if err != nil {
			t.Fatal(err)
		}
		minX, maxX = Width, 0
		for y := 140; y < Height-footerHeight-30; y++ {
			for x := 0; x < Width; x++ {
				p := img.RGBAAt(x, y)
				if contrast(p, bg) > 3 {
					n++
					minX, maxX = min(minX, x), max(maxX, x)
				}
			}
		}
		return n, minX, maxX
	}
	noRipples := func(c Card) Card { c.Meta = ""; return c }
	nShort, _, _ := count(noRipples(card(shortTitle)))
	nLong, minX, maxX := count(noRipples(card(longTitle)))
	if nShort == 0 || nLong <= nShort {
		t.Errorf("title ink: short %d px, long %d px", nShort, nLong)
	}
	if minX < marginX-2 || maxX > Width-marginX+2 {
		t.Errorf("title ink spans x %d..%d, outside margins %d..%d", minX, maxX, marginX, Width-marginX)
	}
}

func TestCardKey(t *testing.T) {
	th := DefaultTheme()
	base := card(keng)
	base.Background = image.NewRGBA(image.Rect(0, 0, 1, 1))
	base.BackgroundHash = "abc"
	k0 := CardKey(base, th)
	if len(k0) != 64 || strings.Trim(k0, "0123456789abcdef") != "" {
		t.Fatalf("CardKey = %q, want 64 hex digits", k0)
	}
	if k := CardKey(base, th); k != k0 {
		t.Errorf("CardKey not deterministic: %s vs %s", k, k0)
	}
	// Other pixels, same hash: same key (pixels are not hashed).
	same := base
	same.Background = image.NewRGBA(image.Rect(0, 0, 2, 2))
	if CardKey(same, th) != k0 {
		t.Error("CardKey depends on Background pixels, not BackgroundHash")
	}
	seen := map[string]string{k0: "base"}
	check := func(name string, c Card, th Theme) {
		t.Helper()
		k := CardKey(c, th)
		if prev, ok := seen[k]; ok {
			t.Errorf("CardKey for %s equals CardKey for %s", name, prev)
		}
		seen[k] = name
	}
	mut := func(f func(*Card)) Card { c := base; f(&c); return c }
	check("Title", mut(func(c *Card) { c.Title += "!" }), th)
	check("Eyebrow", mut(func(c *Card) { c.Eyebrow = "Tỉnh thành" }), th)
	check("Meta", mut(func(c *Card) { c.Meta = "" }), th)
	check("SiteName", mut(func(c *Card) { c.SiteName = "Lan tỏa" }), th)
	check("SiteHost", mut(func(c *Card) { c.SiteHost = "example.org" }), th)
	check("BackgroundHash", mut(func(c *Card) { c.BackgroundHash = "abd" }), th)
	check("no Background", mut(func(c *Card) { c.Background = nil; c.BackgroundHash = "" }), th)
	// Field boundaries matter: moving text between fields changes the key.
	check("shifted", mut(func(c *Card) { c.Title, c.Eyebrow = c.Title+c.Eyebrow[:1], c.Eyebrow[1:] }), th)
	colours := []*color.RGBA{&th.Background, &th.Foreground, &th.Accent, &th.Muted}
	names := []string{"Background", "Foreground", "Accent", "Muted"}
	for i := range colours {
		for ch := 0; ch < 4; ch++ {
			t2 := th
			c2 := []*color.RGBA{&t2.Background, &t2.Foreground, &t2.Accent, &t2.Muted}[i]
			switch ch {
			case 0:
				c2.R ^= 1
			case 1:
				c2.G ^= 1
			case 2:
				c2.B ^= 1
			case 3:
				c2.A ^= 1
			}
			check("theme "+names[i]+" channel "+string("RGBA"[ch]), base, t2)
		}
	}
}

// TestConcurrentDraw draws cards from several goroutines with one Renderer
// (run with -race) and checks they match sequential drawing.
func TestConcurrentDraw(t *testing.T) {
	r := newRenderer(t)
	titles := []string{keng, duongDay, shortTitle, longTitle}
	want := make([][]byte, len(titles))
	for i, title := range titles {
		img, err := r.Image(card(title))
		if err != nil {
			t.Fatal(err)
		}
		want[i] = img.Pix
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		for i, title := range titles {
			wg.Add(1)
			go func() {
				defer wg.Done()
				img, err := r.Image(card(title))
				if err != nil {
					t.Error(err)
					return
				}
				if !bytes.Equal(img.Pix, want[i]) {
					t.Errorf("concurrent draw of %q differs", title)
				}
			}()
		}
	}
	wg.Wait()
}

func TestExt(t *testing.T) {
	var p, j bytes.Buffer
	img := image.NewRGBA(image.Rect(0, 0, 2, 2))
	png.Encode(&p, img)
	jpeg.Encode(&j, img, nil)
	for _, tc := range []struct {
		data []byte
		want string
	}{{p.Bytes(), ".png"}, {j.Bytes(), ".jpg"}, {[]byte("GIF89a"), ""}, {nil, ""}} {
		if got := Ext(tc.data); got != tc.want {
			t.Errorf("Ext(%q...) = %q, want %q", tc.data[:min(4, len(tc.data))], got, tc.want)
		}
	}
}

// TestSamples writes sample cards to $SHARE_SAMPLES (e.g.
// /tmp/share-samples) for people to look at. It is skipped otherwise.
func TestSamples(t *testing.T) {
	dir := os.Getenv("SHARE_SAMPLES")
	if dir == "" {
		t.Skip("set SHARE_SAMPLES=DIR to write sample images")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	r := newRenderer(t)
	photo := noisyPhoto(1600, 1000, 3)
	samples := map[string]Card{
		"keng":      card(keng),
		"duong-day": card(duongDay),
		"short":     card(shortTitle),
		"long":      card(longTitle),
		"too-long":  card(strings.Repeat(keng+" ", 3)),
		"province":  {Title: "Đắk Lắk", Eyebrow: "Tỉnh thành", SiteName: "Lan tỏa mô hình hay", SiteHost: "lantoa.netlify.app"},
		"section":   {Title: "Điển hình tiên tiến", Eyebrow: "Chuyên mục", SiteName: "Lan tỏa mô hình hay", SiteHost: "lantoa.netlify.app"},
		"photo":     func() Card { c := card(keng); c.Background = photo; return c }(),
		"photo-duong": func() Card {
			c := card("Thượng úy công an xã Đặng Văn Hưởng: ượ ễ ặ Đ ư ơ")
			c.Background = noisyPhoto(900, 1200, 4)
			return c
		}(),
	}
	for name, c := range samples {
		data, err := r.Draw(c)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name+Ext(data)), data, 0o644); err != nil {
			t.Fatal(err)
		}
		if Ext(data) == ".jpg" { // a PNG copy for viewers without JPEG
			img := decode(t, data)
			var b bytes.Buffer
			png.Encode(&b, img)
			os.WriteFile(filepath.Join(dir, name+".jpg.png"), b.Bytes(), 0o644)
		}
		t.Logf("%s: %d bytes", name, len(data))
	}
}

// BenchmarkDrawParallel draws cards from GOMAXPROCS goroutines sharing one
// Renderer, as a build does.
func BenchmarkDrawParallel(b *testing.B) {
	r := newRenderer(b)
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := r.Draw(card(keng)); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

func BenchmarkDraw(b *testing.B) {
	r := newRenderer(b)
	photo := noisyPhoto(1600, 1000, 5)
	for _, bc := range []struct {
		name string
		c    Card
	}{
		{"plain", card(keng)},
		{"photo", func() Card { c := card(keng); c.Background = photo; return c }()},
	} {
		b.Run(bc.name, func(b *testing.B) {
			var n int
			for b.Loop() {
				data, err := r.Draw(bc.c)
				if err != nil {
					b.Fatal(err)
				}
				n = len(data)
			}
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/image")
			b.ReportMetric(float64(n), "bytes/image")
		})
	}
}

func TestDrawCached(t *testing.T) {
	r := newRenderer(t)
	dir := filepath.Join(t.TempDir(), "cache")
	c := card(keng)
	first, hit, err := r.DrawCached(dir, c)
	if err != nil || hit {
		t.Fatalf("first DrawCached: hit=%v err=%v", hit, err)
	}
	want, err := r.Draw(c)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, want) {
		t.Error("cached image differs from Draw")
	}
	// Mark the cached file so a hit is visible: a redraw would lose the mark.
	file := filepath.Join(dir, CardKey(c, r.Theme())+".png")
	marked := append(append([]byte{}, first...), "mark"...)
	if err := os.WriteFile(file, marked, 0o644); err != nil {
		t.Fatal(err)
	}
	again, hit, err := r.DrawCached(dir, c)
	if err != nil || !hit || !bytes.Equal(again, marked) {
		t.Errorf("second DrawCached: hit=%v err=%v, read back %d bytes (want the %d cached)", hit, err, len(again), len(marked))
	}
	c.Title += " mới"
	if _, hit, err := r.DrawCached(dir, c); err != nil || hit {
		t.Errorf("DrawCached after title change: hit=%v err=%v", hit, err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("cache holds %d files, want 2", len(entries))
	}
	c.Title = "🦀"
	if _, _, err := r.DrawCached(dir, c); err == nil {
		t.Error("DrawCached with a missing glyph succeeded")
	}
}
