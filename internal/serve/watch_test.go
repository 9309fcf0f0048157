package serve

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// watchedSite makes a site folder with the watched folders and a few
// unwatched ones, starts a watcher on it and returns the folder and the
// watcher's batches.
func watchedSite(t *testing.T, configure ...func(*watcher)) (string, <-chan batch) {
	t.Helper()
	root := t.TempDir()
	for _, d := range []string{"content/mo-hinh", "data", "static", "themes/default/layouts", "public/mo-hinh", ".git/objects", "node_modules/x", "internal/serve", "content/.hidden"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write(t, root, "site.toml", "title = 'x'\n")
	write(t, root, "content/mo-hinh/a.md", "---\ntitle: A\n---\n")
	w, err := newWatcher(root, []string{filepath.Join(root, "public")}, os.Stderr)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range configure {
		c(w)
	}
	ctx, cancel := context.WithCancel(context.Background())
	out := make(chan batch)
	done := make(chan struct{})
	go func() { w.run(ctx, out); close(done) }()
	t.Cleanup(func() { cancel(); <-done; w.close() })
	return root, out
}

func write(t *testing.T, root, name, data string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// batches returns the batches that arrive until none came for quiet.
func batches(t *testing.T, out <-chan batch, quiet time.Duration) []batch {
	t.Helper()
	var bs []batch
	for {
		select {
		case b := <-out:
			bs = append(bs, b)
		case <-time.After(quiet):
			return bs
		}
	}
}

// wantOne checks that exactly one batch came, with paths want.
func wantOne(t *testing.T, bs []batch, want ...string) {
	t.Helper()
	if len(bs) != 1 {
		t.Fatalf("got %d batches %v, want 1", len(bs), bs)
	}
	if !slices.Equal(bs[0].paths, want) || bs[0].all {
		t.Errorf("batch = %v (all %v), want %v", bs[0].paths, bs[0].all, want)
	}
}

func TestWatchManyFilesOneBatch(t *testing.T) {
	root, out := watchedSite(t)
	var want []string
	for i := range 500 {
		name := fmt.Sprintf("content/mo-hinh/bai-%03d.md", i)
		write(t, root, name, "---\ntitle: x\n---\n")
		want = append(want, name)
	}
	wantOne(t, batches(t, out, 400*time.Millisecond), want...)
}

func TestWatchEditorSaves(t *testing.T) {
	root, out := watchedSite(t)
	story := filepath.Join(root, "content/mo-hinh/a.md")
	rename := func(from, to string) {
		t.Helper()
		if err := os.Rename(from, to); err != nil {
			t.Fatal(err)
		}
	}
	remove := func(p string) {
		t.Helper()
		if err := os.Remove(p); err != nil {
			t.Fatal(err)
		}
	}

	// vim: test file 4913, swap file, backup by rename, new file, backup
	// removed.
	write(t, root, "content/mo-hinh/4913", "")
	remove(filepath.Join(root, "content/mo-hinh/4913"))
	write(t, root, "content/mo-hinh/.a.md.swp", "swap")
	rename(story, story+"~")
	write(t, root, "content/mo-hinh/a.md", "---\ntitle: B\n---\n")
	remove(story + "~")
	remove(filepath.Join(root, "content/mo-hinh/.a.md.swp"))
	wantOne(t, batches(t, out, 300*time.Millisecond), "content/mo-hinh/a.md")

	// gedit: write a hidden temporary file, rename it over the story.
	write(t, root, "content/mo-hinh/.goutputstream-XYZ123", "---\ntitle: C\n---\n")
	rename(filepath.Join(root, "content/mo-hinh/.goutputstream-XYZ123"), story)
	wantOne(t, batches(t, out, 300*time.Millisecond), "content/mo-hinh/a.md")

	// Emacs: lock file, then an in-place write.
	if err := os.Symlink("user@host.1234", filepath.Join(root, "content/mo-hinh/.#a.md")); err != nil {
		t.Fatal(err)
	}
	write(t, root, "content/mo-hinh/#a.md#", "autosave")
	write(t, root, "content/mo-hinh/a.md", "---\ntitle: D\n---\n")
	wantOne(t, batches(t, out, 300*time.Millisecond), "content/mo-hinh/a.md")

	// Only temporary files: nothing to build.
	write(t, root, "content/mo-hinh/b.md.swp", "")
	write(t, root, "content/mo-hinh/b.md~", "")
	if bs := batches(t, out, 300*time.Millisecond); len(bs) != 0 {
		t.Errorf("temporary files made batches %v", bs)
	}

	// A permission change is not a change.
	if err := os.Chmod(story, 0o600); err != nil {
		t.Fatal(err)
	}
	if bs := batches(t, out, 300*time.Millisecond); len(bs) != 0 {
		t.Errorf("chmod made batches %v", bs)
	}
}

func TestWatchNewAndRenamedFolders(t *testing.T) {
	root, out := watchedSite(t)

	// A folder made after the start, then a file in it.
	if err := os.MkdirAll(filepath.Join(root, "content/tin-tuc/2025"), 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, root, "content/tin-tuc/2025/bai.md", "x")
	bs := batches(t, out, 300*time.Millisecond)
	if len(bs) != 1 || !slices.Contains(bs[0].paths, "content/tin-tuc/2025/bai.md") {
		t.Fatalf("new folder: batches %v, want one with content/tin-tuc/2025/bai.md", bs)
	}
	// The new folder is watched: a later write is seen.
	write(t, root, "content/tin-tuc/2025/bai.md", "y")
	wantOne(t, batches(t, out, 300*time.Millisecond), "content/tin-tuc/2025/bai.md")

	// A folder moved in with files already in it.
	moved := filepath.Join(t.TempDir(), "bundle")
	write(t, filepath.Dir(moved), "bundle/index.md", "x")
	write(t, filepath.Dir(moved), "bundle/anh/a.jpg", "x")
	if err := os.Rename(moved, filepath.Join(root, "content/mo-hinh/bundle")); err != nil {
		t.Skipf("cannot move across file systems: %v", err)
	}
	bs = batches(t, out, 300*time.Millisecond)
	if len(bs) != 1 || !slices.Contains(bs[0].paths, "content/mo-hinh/bundle/index.md") || !slices.Contains(bs[0].paths, "content/mo-hinh/bundle/anh/a.jpg") {
		t.Fatalf("moved-in folder: batches %v", bs)
	}
	write(t, root, "content/mo-hinh/bundle/anh/a.jpg", "y")
	wantOne(t, batches(t, out, 300*time.Millisecond), "content/mo-hinh/bundle/anh/a.jpg")

	// A renamed folder: its subfolders are seen under the new name only.
	if err := os.Rename(filepath.Join(root, "content/mo-hinh/bundle"), filepath.Join(root, "content/mo-hinh/goi")); err != nil {
		t.Fatal(err)
	}
	batches(t, out, 300*time.Millisecond)
	write(t, root, "content/mo-hinh/goi/anh/a.jpg", "z")
	wantOne(t, batches(t, out, 300*time.Millisecond), "content/mo-hinh/goi/anh/a.jpg")

	// A top-level folder made later (layouts/) is watched too.
	write(t, root, "layouts/_default/single.html", "x")
	batches(t, out, 300*time.Millisecond)
	write(t, root, "layouts/_default/single.html", "y")
	wantOne(t, batches(t, out, 300*time.Millisecond), "layouts/_default/single.html")
}

func TestWatchIgnores(t *testing.T) {
	root, out := watchedSite(t)
	for _, name := range []string{"public/mo-hinh/index.html", ".git/objects/ab", "node_modules/x/a.js", "internal/serve/x.go", "content/.hidden/a.md", "README.md", "static/.DS_Store"} {
		write(t, root, name, "x")
	}
	if bs := batches(t, out, 300*time.Millisecond); len(bs) != 0 {
		t.Errorf("unwatched files made batches %v", bs)
	}
	write(t, root, "site.toml", "title = 'y'\n")
	write(t, root, "data/tinh-thanh.yaml", "x")
	write(t, root, "static/favicon.svg", "x")
	write(t, root, "themes/default/layouts/a.html", "x")
	wantOne(t, batches(t, out, 300*time.Millisecond), "data/tinh-thanh.yaml", "site.toml", "static/favicon.svg", "themes/default/layouts/a.html")
}

func TestWatchDeleteAndRename(t *testing.T) {
	root, out := watchedSite(t)
	if err := os.Rename(filepath.Join(root, "content/mo-hinh/a.md"), filepath.Join(root, "content/mo-hinh/b.md")); err != nil {
		t.Fatal(err)
	}
	wantOne(t, batches(t, out, 300*time.Millisecond), "content/mo-hinh/a.md", "content/mo-hinh/b.md")
	if err := os.Remove(filepath.Join(root, "content/mo-hinh/b.md")); err != nil {
		t.Fatal(err)
	}
	wantOne(t, batches(t, out, 300*time.Millisecond), "content/mo-hinh/b.md")
}

// TestWatchCoalesce checks that changes made while the receiver is busy
// wait, and then come as one batch.
func TestWatchCoalesce(t *testing.T) {
	root, out := watchedSite(t)
	write(t, root, "content/mo-hinh/a.md", "1")
	var first batch
	select {
	case first = <-out:
	case <-time.After(2 * time.Second):
		t.Fatal("no batch")
	}
	// The "build" of the first batch takes a while; changes meanwhile.
	for i := range 5 {
		write(t, root, fmt.Sprintf("content/mo-hinh/c%d.md", i), "x")
		time.Sleep(120 * time.Millisecond) // longer than the quiet period
	}
	bs := batches(t, out, 300*time.Millisecond)
	wantOne(t, bs, "content/mo-hinh/c0.md", "content/mo-hinh/c1.md", "content/mo-hinh/c2.md", "content/mo-hinh/c3.md", "content/mo-hinh/c4.md")
	if !slices.Equal(first.paths, []string{"content/mo-hinh/a.md"}) {
		t.Errorf("first batch %v", first.paths)
	}
}

// TestWatchMaxWait checks that a stream of changes with no quiet period
// is still built, every maxWait.
func TestWatchMaxWait(t *testing.T) {
	const maxWait = 300 * time.Millisecond
	root, out := watchedSite(t, func(w *watcher) { w.maxWait = maxWait })
	start := time.Now()
	got := make(chan batch, 1)
	go func() { got <- <-out }()
	deadline := time.After(5 * time.Second)
	for i := 0; ; i++ {
		select {
		case b := <-got:
			if d := time.Since(start); d > 3*maxWait {
				t.Errorf("first batch after %v of continuous changes, want about %v", d, maxWait)
			}
			if len(b.paths) == 0 || !strings.HasPrefix(b.paths[0], "content/") {
				t.Errorf("batch %v", b.paths)
			}
			return
		case <-deadline:
			t.Fatal("continuous changes starve the builds")
		case <-time.After(20 * time.Millisecond):
			write(t, root, fmt.Sprintf("content/mo-hinh/s%d.md", i), "x")
		}
	}
}

func TestRelevant(t *testing.T) {
	w := &watcher{root: "/site", skip: []string{"/site/content/out"}}
	for p, want := range map[string]bool{
		"/site/site.toml":                   true,
		"/site/content":                     true,
		"/site/content/mo-hinh/a.md":        true,
		"/site/themes/default/assets/a.css": true,
		"/site/layouts/x.html":              true,
		"/site/README.md":                   false,
		"/site/go.mod":                      false,
		"/site/internal/x.go":               false,
		"/site/public/index.html":           false,
		"/site/content/out/x.html":          false,
		"/site/content/.git/x":              false,
		"/site/content/node_modules/x.js":   false,
		"/site/static/resources/x":          false,
		"/site/content/a.md.swp":            false,
		"/site/content/a.md~":               false,
		"/site/content/.#a.md":              false,
		"/site/content/#a.md#":              false,
		"/site/content/4913":                false,
		"/other/content/a.md":               false,
		"/site/../content/a.md":             false,
	} {
		if _, got := w.relevant(p); got != want {
			t.Errorf("relevant(%q) = %v, want %v", p, got, want)
		}
	}
}
