package main

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

func write(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestRun(t *testing.T) {
	site := t.TempDir()
	write(t, site, map[string]string{
		"content/_index.md":             "---\ntitle: Trang chủ\n---\nhome\n",
		"content/gioi-thieu.md":         "---\ntitle: Giới thiệu\n---\nabout\n",
		"content/mo-hinh/_index.md":     "---\ntitle: Mô hình\n---\nintro\n",
		"content/mo-hinh/camera.md":     "---\ntitle: \"Camera <an ninh>\"\n---\n## Bối cảnh\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nChú thích[^1].\n\n[^1]: Ghi chú.\n",
		"content/mo-hinh/keng.md":       "+++\ntitle = \"Tiếng kẻng\"\nslug = \"tieng-keng\"\n+++\n*kẻng*   an    ninh\n",
		"content/dien-hinh/an/index.md": "---\ntitle: Ông An\n---\nđiển hình\n",
		"content/dien-hinh/an/anh.jpg":  "not an image",
	})
	out := filepath.Join(t.TempDir(), "out")
	var w bytes.Buffer
	if err := run([]string{site, out}, &w); err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^floor: 3 pages in \S+\n$`).MatchString(w.String()) {
		t.Errorf("summary = %q, want 3 pages", w.String())
	}
	var got []string
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(out, p)
			got = append(got, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(got)
	want := []string{"dien-hinh/an/index.html", "mo-hinh/camera/index.html", "mo-hinh/tieng-keng/index.html"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("files = %q, want %q", got, want)
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	camera := read("mo-hinh/camera/index.html")
	for _, s := range []string{"<title>Camera &lt;an ninh></title>", "<h2>Bối cảnh</h2>", "<table>", "<td>1</td>", "footnote"} {
		if !strings.Contains(camera, s) {
			t.Errorf("camera page lacks %q:\n%s", s, camera)
		}
	}
	// Minified: the white space between words collapses.
	if keng := read("mo-hinh/tieng-keng/index.html"); !strings.Contains(keng, "<em>kẻng</em> an ninh") {
		t.Errorf("keng page not rendered and minified:\n%s", keng)
	}
}

func TestRunErrors(t *testing.T) {
	if err := run([]string{"only-one"}, new(bytes.Buffer)); err == nil || !strings.Contains(err.Error(), "usage") {
		t.Errorf("one argument: err = %v, want usage", err)
	}
	site := t.TempDir()
	write(t, site, map[string]string{
		"content/mo-hinh/ok.md":  "---\ntitle: OK\n---\nok\n",
		"content/mo-hinh/bad.md": "---\ntitle: [unclosed\n---\nbody\n",
	})
	err := run([]string{site, filepath.Join(t.TempDir(), "out")}, new(bytes.Buffer))
	var fe *FileError
	if !errors.As(err, &fe) || filepath.Base(fe.File) != "bad.md" {
		t.Errorf("bad front matter: err = %v, want a FileError naming bad.md", err)
	}
	if err := run([]string{filepath.Join(site, "none"), t.TempDir()}, new(bytes.Buffer)); err == nil {
		t.Error("missing site: no error")
	}
}
