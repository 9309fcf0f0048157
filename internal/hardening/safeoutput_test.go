package hardening

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/lantoa/lantoa/internal/build"
	"github.com/lantoa/lantoa/internal/corpus"
)

// listAll lists every path under dir (slash paths, folders with a
// trailing "/"), except those under the folders skip.
func listAll(t *testing.T, dir string, skip ...string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if rel == "." {
			return nil
		}
		if slices.Contains(skip, rel) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			rel += "/"
		}
		out = append(out, rel)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestNoWritesOutside: page slugs and aliases that point outside the
// site are errors; a build writes nothing beside its destination (the
// parent folder gains only the destination) and, in the site folder,
// only its caches (resources/) and the URL ledger.
func TestNoWritesOutside(t *testing.T) {
	for _, tc := range []struct {
		name, file, fm, code string
	}{
		{"slug ../../x", "content/tin-tuc/a.md", "slug: ../../x", "slug"},
		{"slug with slash", "content/tin-tuc/a.md", "slug: a/../../../x", "slug"},
		{"slug absolute", "content/tin-tuc/a.md", "slug: /etc/x", "slug"},
		{"alias /../../etc/x", "content/tin-tuc/a.md", `aliases: ["/../../etc/x"]`, "alias"},
		{"alias ..", "content/tin-tuc/a.md", `aliases: ["a/../../x"]`, "alias"},
		{"alias backslash", "content/tin-tuc/a.md", `aliases: ["/..\\..\\x"]`, "alias"},
		{"alias other site", "content/tin-tuc/a.md", `aliases: ["//evil.example/x"]`, "alias"},
		{"alias newline", "content/tin-tuc/a.md", `aliases: ["/a/ /b/ 200\n/c"]`, "alias"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			top := t.TempDir()
			files := goodSite()
			files[tc.file] = newsFM + tc.fm + "\n---\n\nNội dung.\n"
			site := newSite(t, files)
			dest := filepath.Join(top, "out", "public")
			before := listAll(t, filepath.Dir(site))
			res, err := buildSite(site, dest, false)
			if !errors.Is(err, build.ErrFailed) {
				t.Fatalf("build: %v, want ErrFailed", err)
			}
			if _, ok := findDiag(res.Diags, tc.code, tc.file); !ok {
				t.Errorf("no %s diagnostic for %s in:\n%s", tc.code, tc.file, diagText(res.Diags))
			}
			if after := listAll(t, filepath.Dir(site)); !slices.Equal(before, after) {
				t.Errorf("a failed build changed the site folder:\nbefore %q\nafter  %q", before, after)
			}
			if es := listAll(t, top); len(es) > 0 && !slices.Equal(es, []string{"out/"}) {
				t.Errorf("a failed build wrote %q", es)
			}
		})
	}

	t.Run("successful builds", func(t *testing.T) {
		top := t.TempDir()
		site := newSite(t, goodSite())
		siteBefore := listAll(t, site)
		dest := filepath.Join(top, "out", "public")
		for i := range 3 {
			mustBuild(t, site, dest, true)
			if es := beside(t, dest); !slices.Equal(es, []string{"public"}) && !(i > 0 && len(es) == 2 && es[1] == "public") {
				t.Errorf("build %d: beside the destination: %q", i+1, es)
			}
			if es := names(t, top); !slices.Equal(es, []string{"out"}) {
				t.Errorf("in the destination's grandparent: %q", es)
			}
			for _, p := range listAll(t, site, "resources") {
				if !slices.Contains(siteBefore, p) && p != "resources/" && p != "data/published-urls.txt" {
					t.Errorf("the build wrote %s into the site folder", p)
				}
			}
		}
	})
}

// symlinkOutBug is a known bug: the test that shows it is skipped.
const symlinkOutBug = "known bug in internal/build: the site is read through os.DirFS, which follows symlinks out of the site: " +
	"static/link.txt -> /any/file publishes that file (a pull request's deploy preview could publish files of the build machine); " +
	"fix: read the site through os.OpenRoot(Source).FS(), which refuses symlinks that leave the folder (issue #8)"

// beside lists the destination's parent folder. Since commit 7759528 the
// previous output is renamed ".lantoa-old-NAME-*" and removed by the next
// build (in the background), so one such folder may stand beside the
// destination after a build that replaced an output; it is reported as
// ".lantoa-old-NAME-*", anything else by its name.
func beside(t *testing.T, dest string) []string {
	t.Helper()
	var out []string
	for _, n := range names(t, filepath.Dir(dest)) {
		if strings.HasPrefix(n, ".lantoa-old-"+filepath.Base(dest)+"-") {
			n = ".lantoa-old-" + filepath.Base(dest) + "-*"
		}
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

// TestStaticSymlinks: what symlinks in static/ do. A symlink to a file
// inside the site is read through (published under the link's name); a
// symlink to a folder fails the build with an error naming it, the
// previous output kept; nothing is ever written outside the destination.
func TestStaticSymlinks(t *testing.T) {
	top := t.TempDir()
	secret := filepath.Join(top, "secret.txt")
	writeFile(t, secret, "bí mật")
	secretDir := filepath.Join(top, "secret-dir")
	writeFile(t, filepath.Join(secretDir, "a.txt"), "a")
	site := newSite(t, goodSite())
	writeFile(t, filepath.Join(site, "static", "ok.txt"), "ok")
	dest := filepath.Join(top, "out", "public")
	mustBuild(t, site, dest, false)
	writeFile(t, filepath.Join(dest, "sentinel.txt"), "giữ nguyên")
	before := listAll(t, top, "out")

	t.Run("file inside the site", func(t *testing.T) {
		symlink(t, "../data/linh-vuc.yaml", filepath.Join(site, "static", "linh-vuc.yaml"))
		t.Cleanup(func() { _ = os.Remove(filepath.Join(site, "static", "linh-vuc.yaml")) })
		d := filepath.Join(t.TempDir(), "public")
		mustBuild(t, site, d, false)
		want, _ := os.ReadFile(filepath.Join(site, "data", "linh-vuc.yaml"))
		if got, err := os.ReadFile(filepath.Join(d, "linh-vuc.yaml")); err != nil || string(got) != string(want) {
			t.Errorf("symlinked static file not published: %v", err)
		}
	})
	t.Run("folder", func(t *testing.T) {
		symlink(t, secretDir, filepath.Join(site, "static", "dir"))
		t.Cleanup(func() { _ = os.Remove(filepath.Join(site, "static", "dir")) })
		_, err := buildSite(site, dest, false)
		if err == nil || !strings.Contains(err.Error(), "static/dir") {
			t.Errorf("build: %v, want an error naming static/dir", err)
		}
		if got, _ := os.ReadFile(filepath.Join(dest, "sentinel.txt")); string(got) != "giữ nguyên" {
			t.Errorf("previous output lost")
		}
		if es := beside(t, dest); !slices.Equal(es, []string{"public"}) && !slices.Equal(es, []string{".lantoa-old-public-*", "public"}) {
			t.Errorf("beside the destination: %q", es)
		}
	})
	t.Run("file outside the site", func(t *testing.T) {
		symlink(t, secret, filepath.Join(site, "static", "link.txt"))
		t.Cleanup(func() { _ = os.Remove(filepath.Join(site, "static", "link.txt")) })
		d := filepath.Join(t.TempDir(), "public")
		_, err := buildSite(site, d, false)
		if got, _ := os.ReadFile(filepath.Join(d, "link.txt")); string(got) == "bí mật" {
			t.Errorf("a file outside the site was published through a symlink (build error: %v)", err)
		}
	})
	if after := listAll(t, top, "out"); !slices.Equal(before, after) {
		t.Errorf("files outside the destination changed:\nbefore %q\nafter  %q", before, after)
	}
}

// TestPermissions: output files are 0644 and folders 0755, whatever the
// umask of the process (a strict umask must not make the site unreadable
// by the web server).
func TestPermissions(t *testing.T) {
	site := newSite(t, goodSite())
	writeFile(t, filepath.Join(site, "static", "a", "b.txt"), "x")
	for _, umask := range []int{0o022, 0o077} {
		dest := filepath.Join(t.TempDir(), "public")
		old := syscall.Umask(umask)
		_, err := buildSite(site, dest, true)
		syscall.Umask(old)
		if err != nil {
			t.Fatal(err)
		}
		bad := 0
		err = filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			st, err := os.Lstat(p)
			if err != nil {
				return err
			}
			want := fs.FileMode(0o644)
			if d.IsDir() {
				want = 0o755 | fs.ModeDir
			}
			if st.Mode() != want && bad < 5 {
				bad++
				t.Errorf("umask %03o: %s has mode %v, want %v", umask, p, st.Mode(), want)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// TestKilledBuild: a build of the 14,400-page corpus killed with SIGKILL
// while it writes leaves the previous output as it was; the temporary
// folder it leaves is removed by the next build.
func TestKilledBuild(t *testing.T) {
	slow(t)
	top := t.TempDir()
	bin := filepath.Join(top, "lantoa")
	gobuild := exec.Command("go", "build", "-o", bin, "./cmd/lantoa")
	gobuild.Dir = root
	if out, err := gobuild.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	site := filepath.Join(top, "site")
	start := time.Now()
	if err := corpus.Generate(site, corpus.Options{Models: 10000, Exemplars: 4400, Seed: 8, DataDir: filepath.Join(root, "data")}); err != nil {
		t.Fatal(err)
	}
	copyTree(t, filepath.Join(root, "themes", "default"), filepath.Join(site, "themes", "default"))
	t.Logf("corpus generated in %v", time.Since(start).Round(time.Millisecond))

	// The previous complete build, as far as the swap is concerned: a
	// destination with a home page and a sentinel.
	dest := filepath.Join(top, "out", "public")
	writeFile(t, filepath.Join(dest, "index.html"), "<!doctype html><title>cũ</title>")
	writeFile(t, filepath.Join(dest, "sentinel.txt"), "giữ nguyên")

	cmd := exec.Command(bin, "build", "-s", site, "-d", dest, "--share-images=false", "--quiet")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	started := time.Now()
	// Kill once the build has written into its temporary folder, and not
	// before 300 ms.
	var tmp string
	for deadline := started.Add(2 * time.Minute); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if tmp == "" {
			if m, _ := filepath.Glob(filepath.Join(top, "out", ".lantoa-tmp-*")); len(m) > 0 {
				tmp = m[0]
			}
		}
		if tmp != "" && time.Since(started) >= 300*time.Millisecond {
			if es, _ := os.ReadDir(tmp); len(es) > 0 {
				break
			}
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatalf("kill: %v", err)
	}
	_ = cmd.Wait()
	t.Logf("killed after %v", time.Since(started).Round(time.Millisecond))
	if tmp == "" {
		t.Fatalf("the build never began writing within 2 minutes")
	}
	if got, err := os.ReadFile(filepath.Join(dest, "sentinel.txt")); err != nil || string(got) != "giữ nguyên" {
		t.Errorf("sentinel lost after the kill: %v", err)
	}
	if got, _ := os.ReadFile(filepath.Join(dest, "index.html")); !strings.Contains(string(got), "cũ") {
		t.Errorf("index.html replaced by a killed build: %q", got)
	}
	if _, err := os.Stat(tmp); err != nil {
		t.Logf("no temporary folder left (%v): the kill came before or after writing", err)
	}

	// The next build, of the same site, succeeds and cleans up.
	start = time.Now()
	cmd = exec.Command(bin, "build", "-s", site, "-d", dest, "--share-images=false", "--quiet")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("next build: %v\n%s", err, out)
	}
	t.Logf("full build in %v", time.Since(start).Round(time.Millisecond))
	if es := beside(t, dest); !slices.Equal(es, []string{"public"}) && !slices.Equal(es, []string{".lantoa-old-public-*", "public"}) {
		t.Errorf("after the next build, beside the destination: %q", es)
	}
	if _, err := os.Stat(filepath.Join(dest, "sentinel.txt")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the next build did not replace the output: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dest, "mo-hinh", "index.html")); err != nil {
		t.Error(err)
	}
}
