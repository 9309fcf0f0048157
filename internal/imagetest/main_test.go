package imagetest

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lantoa/lantoa/internal/build"
	"github.com/lantoa/lantoa/internal/images/imagefixture"
)

// ict is the site's time zone, Asia/Ho_Chi_Minh (UTC+7).
var ict = time.FixedZone("ICT", 7*3600)

// now is the clock of every build: after the story's date.
var now = time.Date(2026, 1, 15, 12, 0, 0, 0, ict)

// storyPath is the output file of the fixture story.
const storyPath = "mo-hinh/anh-test/index.html"

// photos are the three source photos of the fixture: stored 4000×3000
// (landscape, as a phone's sensor writes them) with EXIF Orientation=6
// (display rotated 90° clockwise: a portrait photo), a GPS position and a
// camera make and model.
var photos = []struct {
	file, alt string
	seed      uint64
}{
	{"anh-1.jpg", "Tổ an ninh tuần tra trên đường làng", 100},
	{"anh-2.jpg", "Camera lắp ở đầu ngõ", 101},
	{"anh-3.jpg", "Người dân họp tổ an ninh", 102},
}

const (
	srcW, srcH  = 4000, 3000
	orientation = 6
)

// storyFront is the front matter of the fixture story; image is "" for
// the site without images.
func storyFront(image, imageAlt string) string {
	var b strings.Builder
	b.WriteString("---\n")
	b.WriteString("title: \"Tổ an ninh có ảnh chụp bằng điện thoại\"\n")
	b.WriteString("summary: \"Câu chuyện thử nghiệm: ba ảnh chụp bằng điện thoại, dựng đứng, có vị trí GPS trong EXIF.\"\n")
	b.WriteString("date: 2025-11-18\n")
	b.WriteString("province: \"Hà Nội\"\n")
	b.WriteString("locality: \"phường Yên Hòa\"\n")
	b.WriteString("kind: \"Camera an ninh\"\n")
	b.WriteString("fields: [\"Phòng, chống tội phạm\"]\n")
	if image != "" {
		fmt.Fprintf(&b, "image: %q\nimage_alt: %q\n", image, imageAlt)
	}
	b.WriteString("---\n\n")
	return b.String()
}

// storyBody is the Markdown body; with images it holds two images, the
// second with a title, between paragraphs long enough to push them below
// the first screen of a phone; heroInBody puts the first photo at its top
// (for a story without a front matter image).
func storyBody(withImages, heroInBody bool) string {
	para := strings.Repeat("Người dân trong tổ dân phố cùng nhau tuần tra, lắp camera và báo tin cho công an phường khi thấy người lạ. ", 6)
	var b strings.Builder
	if heroInBody {
		fmt.Fprintf(&b, "![%s](%s)\n\n", photos[0].alt, photos[0].file)
	}
	b.WriteString("## Bối cảnh\n\n" + para + "\n\n" + para + "\n\n")
	if withImages {
		fmt.Fprintf(&b, "![%s](%s)\n\n", photos[1].alt, photos[1].file)
	}
	b.WriteString("## Cách làm\n\n" + para + "\n\n" + para + "\n\n")
	if withImages {
		fmt.Fprintf(&b, "![%s](%s \"Chú thích\")\n\n", photos[2].alt, photos[2].file)
	}
	b.WriteString("## Kết quả\n\n" + para + "\n")
	return b.String()
}

// fixture is what the tests share: the photo bytes, generated once, and the
// site with images built twice (cold, then from the cache).
type fixture struct {
	tmp string

	photosOnce sync.Once
	photoData  [][]byte

	siteOnce sync.Once
	site     *builtSite
	siteErr  error
}

// builtSite is the fixture site with images after two builds.
type builtSite struct {
	src, out    string
	cold, warm  *build.Result
	coldElapsed timing            // first build
	warmElapsed timing            // second build, every image from the cache
	coldImg     map[string][]byte // out/img after the first build, by file name
}

// shared is created by TestMain; its parts are built lazily, so that
// `go test -run X` pays only for what X uses.
var shared = &fixture{}

func TestMain(m *testing.M) {
	tmp, err := os.MkdirTemp("", "lantoa-imagetest-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	shared.tmp = tmp
	code := m.Run()
	if err := os.RemoveAll(tmp); err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
	os.Exit(code)
}

// sourcePhotos returns the three source JPEGs.
func sourcePhotos(t testing.TB) [][]byte {
	t.Helper()
	shared.photosOnce.Do(func() {
		for _, p := range photos {
			jpg := imagefixture.EncodeJPEG(t, imagefixture.Photo(srcW, srcH, p.seed))
			shared.photoData = append(shared.photoData, imagefixture.WithExif(jpg, imagefixture.ExifTIFF(binary.BigEndian, orientation, true)))
		}
	})
	if len(shared.photoData) != len(photos) {
		t.Fatal("generating the photos failed")
	}
	return shared.photoData
}

// imageSite returns the fixture site with images, built twice.
func imageSite(t testing.TB) *builtSite {
	t.Helper()
	data := sourcePhotos(t)
	shared.siteOnce.Do(func() {
		shared.site, shared.siteErr = buildTwice(filepath.Join(shared.tmp, "with-images"), data)
	})
	if shared.siteErr != nil {
		t.Fatal(shared.siteErr)
	}
	return shared.site
}

func buildTwice(dir string, data [][]byte) (*builtSite, error) {
	s := &builtSite{src: filepath.Join(dir, "site"), out: filepath.Join(dir, "public")}
	if err := writeSite(s.src, data, true); err != nil {
		return nil, err
	}
	var err error
	if s.cold, s.coldElapsed, err = timedBuild(s.src, s.out); err != nil {
		return nil, fmt.Errorf("first build: %w", err)
	}
	if s.coldImg, err = readDir(filepath.Join(s.out, "img")); err != nil {
		return nil, err
	}
	if s.warm, s.warmElapsed, err = timedBuild(s.src, s.out); err != nil {
		return nil, fmt.Errorf("second build: %w", err)
	}
	return s, nil
}

// timing is what a build took: wall time and the CPU time of the process.
type timing struct {
	wall, cpu time.Duration
}

func (d timing) String() string {
	return fmt.Sprintf("%v (CPU %v)", d.wall.Round(time.Millisecond), d.cpu.Round(time.Millisecond))
}

// timedBuild builds src into out and returns the time build.Build took.
func timedBuild(src, out string) (*build.Result, timing, error) {
	start, startCPU := time.Now(), cpuTime()
	res, err := build.Build(context.Background(), build.Options{Source: src, Dest: out, Now: now})
	elapsed := timing{time.Since(start), cpuTime() - startCPU}
	if err != nil {
		var diags string
		if res != nil {
			diags = res.Diags.Error()
		}
		return nil, elapsed, fmt.Errorf("build.Build %s: %w\n%s", src, err, diags)
	}
	return res, elapsed, nil
}

// readDir returns the regular files of a folder by name.
func readDir(dir string) (map[string][]byte, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		files[e.Name()] = b
	}
	return files, nil
}

// moduleRoot is the repository root, the real site.
func moduleRoot() (string, error) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		return "", err
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		return "", fmt.Errorf("module root: %w", err)
	}
	return root, nil
}

// writeSite writes the fixture site into dir: the real site's site.toml,
// vocabularies and themes, a home page, and the story as a bundle
// content/mo-hinh/anh-test/ holding the photos in data (none: the same
// story without images). With hero, the first photo is the story's front
// matter image; without, it is the first image of the body. The real
// site's URL ledger is left out: its URLs are not in the fixture.
func writeSite(dir string, data [][]byte, hero bool) error {
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	for _, name := range []string{"site.toml", "data", "themes"} {
		if err := copyTree(filepath.Join(root, name), filepath.Join(dir, name)); err != nil {
			return err
		}
	}
	if err := os.Remove(filepath.Join(dir, "data", "published-urls.txt")); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	bundle := filepath.Join(dir, "content", "mo-hinh", "anh-test")
	if err := os.MkdirAll(bundle, 0o755); err != nil {
		return err
	}
	files := map[string]string{
		filepath.Join(dir, "content", "_index.md"): "---\ntitle: \"Lan tỏa mô hình hay\"\n---\n\nTrang chủ thử nghiệm.\n",
	}
	switch {
	case data != nil && hero:
		files[filepath.Join(bundle, "index.md")] = storyFront(photos[0].file, photos[0].alt) + storyBody(true, false)
	case data != nil:
		files[filepath.Join(bundle, "index.md")] = storyFront("", "") + storyBody(true, true)
	default:
		files[filepath.Join(bundle, "index.md")] = storyFront("", "") + storyBody(false, false)
	}
	if data != nil {
		for i, p := range photos {
			files[filepath.Join(bundle, p.file)] = string(data[i])
		}
	}
	for name, content := range files {
		if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// copyTree copies the file or folder src to dst.
func copyTree(src, dst string) error {
	info, err := os.Stat(src)
	if err != nil {
		return err
	}
	if info.IsDir() {
		return os.CopyFS(dst, os.DirFS(src))
	}
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	return os.WriteFile(dst, data, 0o644)
}
