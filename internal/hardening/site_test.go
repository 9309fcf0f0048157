package hardening

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lantoa/lantoa/internal/build"
	"github.com/lantoa/lantoa/internal/diag"
)

// root is the module root: the real site, whose site.toml, data/ and
// themes/ every test site starts from.
const root = "../.."

// now is the clock of every build: all test stories are in the past.
var now = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

// slowEnv is the environment variable that turns on the slow tests.
const slowEnv = "LANTOA_SLOW_TESTS"

// slow skips a test that takes more than 20 s on the 2-core machine (the
// 50 MB page, 10,000 files, the killed 14,400-page build) unless
// LANTOA_SLOW_TESTS=1, and always with -short.
func slow(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("slow test; skipped with -short")
	}
	if os.Getenv(slowEnv) != "1" {
		t.Skipf("slow test (over 20 s); run with %s=1", slowEnv)
	}
}

// newSite makes a site folder in a fresh temporary folder with the real
// site.toml, data/ and themes/, and the given content files (slash paths
// relative to the site). The URL ledger is left out: it lists the real
// site's pages, which a test site does not have.
func newSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	copyFile(t, filepath.Join(root, "site.toml"), filepath.Join(dir, "site.toml"))
	for _, f := range []string{"tinh-thanh.yaml", "linh-vuc.yaml"} {
		copyFile(t, filepath.Join(root, "data", f), filepath.Join(dir, "data", f))
	}
	copyTree(t, filepath.Join(root, "themes"), filepath.Join(dir, "themes"))
	for name, data := range files {
		writeFile(t, filepath.Join(dir, filepath.FromSlash(name)), data)
	}
	return dir
}

// goodSite is a small valid site: home, a model, an exemplar, a news
// item and a page.
func goodSite() map[string]string {
	return map[string]string{
		"content/_index.md": "---\ntitle: \"Lan tỏa mô hình hay\"\n---\n\nTrang chủ.\n",
		"content/mo-hinh/camera-an-ninh.md": `---
title: "Camera an ninh phường Yên Hòa"
summary: "Người dân góp tiền lắp camera hướng ra ngõ."
date: 2025-11-18
province: "Hà Nội"
kind: "Camera an ninh"
fields: ["Phòng, chống tội phạm"]
---

## Bối cảnh

Ngõ nhỏ, nhiều vụ trộm.
`,
		"content/dien-hinh/ong-an.md": `---
title: "Ông Nguyễn Văn An"
summary: "Tổ trưởng tổ an ninh."
date: 2025-10-01
province: "Huế"
---

## Việc làm

Ông đi tuần mỗi tối.
`,
		"content/tin-tuc/ngay-hoi.md": `---
title: "Ngày hội toàn dân bảo vệ an ninh Tổ quốc"
summary: "Ngày hội ở phường Bến Nghé."
date: 2025-08-19
---

## Ngày hội

Vui.
`,
		"content/gioi-thieu.md": "---\ntitle: \"Giới thiệu\"\n---\n\nTrang giới thiệu.\n",
	}
}

func writeFile(t testing.TB, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func copyFile(t testing.TB, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, to, string(data))
}

func copyTree(t testing.TB, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// pngBytes is a small valid PNG image.
func pngBytes(t testing.TB) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 32, 24))
	for x := range 32 {
		for y := range 24 {
			img.Set(x, y, color.RGBA{uint8(x * 8), uint8(y * 10), 120, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// buildSite builds site into dest and returns the result and error.
func buildSite(site, dest string, share bool) (*build.Result, error) {
	return build.Build(context.Background(), build.Options{Source: site, Dest: dest, Now: now, ShareImages: share})
}

// mustBuild builds site into dest and fails the test on any error.
func mustBuild(t testing.TB, site, dest string, share bool) *build.Result {
	t.Helper()
	res, err := buildSite(site, dest, share)
	if err != nil {
		var ds diag.List
		if res != nil {
			ds = res.Diags
		}
		t.Fatalf("build %s: %v\n%s", site, err, diagText(ds))
	}
	return res
}

func diagText(ds diag.List) string {
	var b strings.Builder
	_ = ds.WriteText(&b)
	return b.String()
}

// snapshot maps every file under dir (slash paths) to its content.
func snapshot(t testing.TB, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(data)
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	return files
}

// names lists the entries of dir.
func names(t testing.TB, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}
