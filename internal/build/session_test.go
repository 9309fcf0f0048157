package build

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strings"
	"testing"
	"time"
)

// copySite copies the repository's real site (without the URL ledger, so
// that stories can be removed) into a temporary folder.
func copySite(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), "site")
	for _, d := range []string{"site.toml", "data", "content", "themes", "static"} {
		src := filepath.Join(root, d)
		err := filepath.WalkDir(src, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			if rel == filepath.Join("data", "published-urls.txt") {
				return nil
			}
			target := filepath.Join(dst, rel)
			if e.IsDir() {
				return os.MkdirAll(target, 0o755)
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
				return err
			}
			return os.WriteFile(target, data, 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// writePNG writes a small opaque PNG.
func writePNG(t *testing.T, file string) {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 64, 48))
	for i := range img.Pix {
		img.Pix[i] = byte(i * 7)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func edit(t *testing.T, file, old, new string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(old)) {
		t.Fatalf("%s: %q not found", file, old)
	}
	data = bytes.Replace(data, []byte(old), []byte(new), 1)
	// Make sure the modification time moves even on coarse clocks.
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Second)
	_ = os.Chtimes(file, later, later)
}

// TestSessionEqualsFullBuild applies a sequence of edits, renames,
// additions and deletions; after each, the incremental rebuild must equal
// a clean full build byte for byte.
func TestSessionEqualsFullBuild(t *testing.T) {
	site := copySite(t)
	now := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	inc := filepath.Join(t.TempDir(), "inc")
	s := NewSession(Options{Source: site, Dest: inc, Now: now})
	s.indexIdle = 0 // index at once: every step waits for it
	ctx := context.Background()
	model := filepath.Join(site, "content/mo-hinh/camera-an-ninh-phuong-yen-hoa.md")
	other := filepath.Join(site, "content/mo-hinh/camera-an-ninh-ap-hoa-hao-an-giang.md")
	rel := func(f string) []string { r, _ := filepath.Rel(site, f); return []string{filepath.ToSlash(r)} }
	steps := []struct {
		name    string
		do      func()
		changed []string // the dev server's hint; nil: unknown
		quick   bool     // the rebuild must take the body-only path
	}{
		{"first build", func() {}, nil, false},
		{"edit a body right after the first build, hinted", func() {
			edit(t, model, "## Bối cảnh", "## Bối cảnh\n\nSửa ngay sau lần dựng đầu.")
		}, rel(model), true},
		{"edit a title", func() {
			edit(t, model, `title: "`, `title: "Mới – `)
		}, nil, false},
		{"edit a body", func() {
			edit(t, model, "## Bối cảnh", "## Bối cảnh\n\nMột đoạn mới được thêm vào.")
		}, nil, false},
		{"edit a body, hinted", func() {
			edit(t, model, "Một đoạn mới được thêm vào.", "Một đoạn mới, **sửa lại**, được thêm vào.")
		}, rel(model), true},
		{"rename a heading, hinted", func() {
			edit(t, model, "## Bối cảnh", "## Hoàn cảnh ra đời")
		}, rel(model), true},
		{"link another page's heading, hinted", func() {
			edit(t, other, "## Bối cảnh", "## Bối cảnh\n\nXem [mô hình camera](camera-an-ninh-phuong-yen-hoa.md#hoan-canh-ra-doi).")
		}, rel(other), true},
		{"edit the heading linked to, hinted", func() {
			edit(t, model, "## Hoàn cảnh ra đời", "## Hoàn cảnh ra đời của mô hình")
		}, rel(model), false},
		{"fix the link, hinted", func() {
			edit(t, other, "#hoan-canh-ra-doi)", "#hoan-canh-ra-doi-cua-mo-hinh)")
		}, rel(other), false}, // after a failed build, a full one
		{"edit a body again, hinted", func() {
			edit(t, other, "## Bối cảnh", "## Bối cảnh của ấp")
		}, rel(other), true},
		{"add an image to a body, hinted", func() {
			writePNG(t, filepath.Join(site, "static/anh/thu.png"))
			edit(t, model, "## Hoàn cảnh ra đời", "![Ảnh thử](/anh/thu.png)\n\n## Hoàn cảnh ra đời")
		}, rel(model), false},
		{"edit a body with an image, hinted", func() {
			edit(t, model, "![Ảnh thử]", "![Ảnh thử nghiệm]")
		}, rel(model), true},
		{"edit a front matter, hinted", func() {
			edit(t, model, `summary: "`, `summary: "Tóm tắt mới. `)
		}, rel(model), false},
		{"change a province", func() {
			edit(t, model, `province: "Hà Nội"`, `province: "Huế"`)
		}, nil, false},
		{"add a story", func() {
			data, _ := os.ReadFile(model)
			data = bytes.Replace(data, []byte(`title: "`), []byte(`title: "Bản sao `), 1)
			os.WriteFile(filepath.Join(site, "content/mo-hinh/ban-sao-camera.md"), data, 0o644)
		}, nil, false},
		{"rename a story", func() {
			os.Rename(filepath.Join(site, "content/mo-hinh/ban-sao-camera.md"), filepath.Join(site, "content/mo-hinh/ban-sao-camera-2.md"))
		}, nil, false},
		{"delete a story", func() {
			os.Remove(filepath.Join(site, "content/mo-hinh/ban-sao-camera-2.md"))
		}, nil, false},
		{"edit a section intro", func() {
			edit(t, filepath.Join(site, "content/mo-hinh/_index.md"), `title: "`, `title: "Các `)
		}, nil, false},
		{"edit the theme", func() {
			edit(t, filepath.Join(site, "themes/default/i18n/vi.toml"), `related = "Mô hình liên quan"`, `related = "Mô hình cùng loại"`)
		}, nil, false},
	}
	for i, st := range steps {
		st.do()
		res, err := s.Rebuild(ctx, st.changed)
		if st.name == "edit the heading linked to, hinted" {
			// The other story's link now leads nowhere: the build fails.
			if err == nil {
				t.Fatalf("%s: no error for a broken anchor", st.name)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: incremental: %v", st.name, err)
		}
		if quick := len(res.Stages) == 1 && res.Stages[0].Name == "quick"; quick != st.quick {
			t.Errorf("%s: quick rebuild %v, want %v", st.name, quick, st.quick)
		}
		s.Wait() // the search index is written in the background
		full := filepath.Join(t.TempDir(), "full")
		if _, err := Build(ctx, Options{Source: site, Dest: full, Now: now, Serve: true}); err != nil {
			t.Fatalf("%s: full: %v", st.name, err)
		}
		got, want := readTree(t, inc), readTree(t, full)
		for p, w := range want {
			g, ok := got[p]
			if !ok {
				t.Errorf("step %d (%s): %s missing from the incremental output", i, st.name, p)
				continue
			}
			if !bytes.Equal(g, w) {
				k := 0
				for k < len(g) && k < len(w) && g[k] == w[k] {
					k++
				}
				lo := max(0, k-80)
				t.Errorf("step %d (%s): %s differs at byte %d:\n got  …%s\n want …%s", i, st.name, p, k, g[lo:min(len(g), k+120)], w[lo:min(len(w), k+120)])
			}
		}
		for p := range got {
			if _, ok := want[p]; !ok && !strings.Contains(p, ".lantoa-") {
				t.Errorf("step %d (%s): %s left in the incremental output", i, st.name, p)
			}
		}
		if t.Failed() {
			return
		}
	}
}

// TestSessionEditTiming measures one-story rebuilds on a large site:
// LANTOA_SESSION_SITE=DIR go test ./internal/build -run TestSessionEditTiming -v
// (DIR: a generated corpus with themes/default copied in). Skipped
// without the variable; it reports, it does not assert timing.
func TestSessionEditTiming(t *testing.T) {
	site := os.Getenv("LANTOA_SESSION_SITE")
	if site == "" {
		t.Skip("LANTOA_SESSION_SITE not set")
	}
	dest := filepath.Join(t.TempDir(), "out")
	s := NewSession(Options{Source: site, Dest: dest})
	ctx := context.Background()
	start := time.Now()
	if _, err := s.Rebuild(ctx, nil); err != nil {
		t.Fatal(err)
	}
	t.Logf("first build %v", time.Since(start))
	entries, _ := os.ReadDir(filepath.Join(site, "content/mo-hinh"))
	var file string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".md") && e.Name() != "_index.md" {
			file = filepath.Join(site, "content/mo-hinh", e.Name())
			break
		}
	}
	orig, _ := os.ReadFile(file)
	defer os.WriteFile(file, orig, 0o644)
	var times []time.Duration
	if f := os.Getenv("LANTOA_SESSION_PROF"); f != "" {
		pf, _ := os.Create(f)
		pprof.StartCPUProfile(pf)
		defer pprof.StopCPUProfile()
	}
	n := 20
	if os.Getenv("LANTOA_SESSION_N") != "" {
		n = 5
	}
	for i := range n {
		data := bytes.Replace(orig, []byte("## Bối cảnh"), []byte("## Bối cảnh\n\nSửa lần "+strings.Repeat("x", i+1)), 1)
		os.WriteFile(file, data, 0o644)
		later := time.Now().Add(time.Duration(i+1) * time.Second)
		os.Chtimes(file, later, later)
		t0 := time.Now()
		rel, _ := filepath.Rel(site, file)
		res, err := s.Rebuild(ctx, []string{filepath.ToSlash(rel)})
		if err != nil {
			t.Fatal(err)
		}
		times = append(times, time.Since(t0))
		s.Wait() // the search index follows in the background; edits are seconds apart
		if i == 0 {
			for _, st := range res.Stages {
				t.Logf("  %s %v", st.Name, st.Duration)
			}
		}
	}
	slicesSort(times)
	t.Logf("one-story rebuild: median %v, min %v, max %v", times[len(times)/2], times[0], times[len(times)-1])
}

func slicesSort(d []time.Duration) {
	for i := 1; i < len(d); i++ {
		for j := i; j > 0 && d[j] < d[j-1]; j-- {
			d[j], d[j-1] = d[j-1], d[j]
		}
	}
}
