package hardening

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/lantoa/lantoa/internal/build"
	"github.com/lantoa/lantoa/internal/cli"
	"github.com/lantoa/lantoa/internal/diag"
	"golang.org/x/text/unicode/norm"
)

// A badCase breaks a good site and says what the next build must do.
type badCase struct {
	name string
	long bool // skipped with -short
	skip func() string
	// bug, when set, names a known bug that makes the case fail: the case
	// is skipped with that message until the bug is fixed.
	bug       string
	breakSite func(t *testing.T, site string)
	// For a failing build: the diagnostic expected (code, file, line; 0
	// line means any line ≥ 1, -1 means the line is not checked).
	code, file string
	line       int
	msg        string // a part of the diagnostic's text, when set
	// ok: the build succeeds (a documented behaviour); check then looks
	// at the new output.
	ok    bool
	check func(t *testing.T, site, dest string, res *build.Result)
}

func write(name, data string) func(t *testing.T, site string) {
	return func(t *testing.T, site string) {
		writeFile(t, filepath.Join(site, filepath.FromSlash(name)), data)
	}
}

const newsFM = "---\ntitle: \"Tin\"\nsummary: \"Tóm tắt.\"\ndate: 2025-08-19\n"

// TestBadInput: each case builds a good site, puts a sentinel into the
// output, breaks the source and builds again. A broken site must fail
// with a clear diagnostic (file, and line where there is one), an error
// wrapping build.ErrFailed, exit status 1 from the command line, and the
// previous output intact; a documented behaviour must hold otherwise.
func TestBadInput(t *testing.T) {
	cases := []badCase{
		{
			name: "unreadable file",
			skip: func() string {
				if os.Geteuid() == 0 {
					return "running as root: chmod 000 does not stop root from reading (documented in docs/security.md)"
				}
				return ""
			},
			breakSite: func(t *testing.T, site string) {
				if err := os.Chmod(filepath.Join(site, "content", "mo-hinh", "camera-an-ninh.md"), 0); err != nil {
					t.Fatal(err)
				}
			},
			code: "read", file: "content/mo-hinh/camera-an-ninh.md", line: -1,
		},
		{
			name:      "invalid UTF-8",
			breakSite: write("content/tin-tuc/latin1.md", newsFM+"---\n\nNg\xe0y h\xf4i\n"),
			code:      "utf8", file: "content/tin-tuc/latin1.md", line: 7,
		},
		{
			name:      "empty file",
			breakSite: write("content/tin-tuc/trong.md", ""),
			code:      "empty", file: "content/tin-tuc/trong.md", line: 1,
		},
		{
			name:      "blank file",
			breakSite: write("content/tin-tuc/trong.md", "\n \n\t\n"),
			code:      "empty", file: "content/tin-tuc/trong.md", line: 1,
		},
		{
			name:      "front matter never closes",
			breakSite: write("content/tin-tuc/mo.md", newsFM+"\n## Bài\n\nNội dung.\n"),
			code:      "front-matter", file: "content/tin-tuc/mo.md", line: 1,
		},
		{
			name:      "TOML front matter never closes",
			breakSite: write("content/tin-tuc/mo.md", "+++\ntitle = \"T\"\n"),
			code:      "front-matter", file: "content/tin-tuc/mo.md", line: 1,
		},
		{
			name:      "YAML syntax error",
			breakSite: write("content/tin-tuc/sai.md", newsFM+"tags: [a, b\n---\n"),
			code:      "front-matter", file: "content/tin-tuc/sai.md", line: 0,
		},
		{
			name: "symlink loop to a folder",
			// Documented: symlinks to folders are not followed
			// (fs.WalkDir), so a loop cannot hang the build.
			breakSite: func(t *testing.T, site string) {
				symlink(t, "..", filepath.Join(site, "content", "mo-hinh", "vong"))
				symlink(t, ".", filepath.Join(site, "content", "tin-tuc", "vong.md.d"))
			},
			ok: true,
			check: func(t *testing.T, site, dest string, res *build.Result) {
				if _, err := os.Stat(filepath.Join(dest, "mo-hinh", "vong")); err == nil {
					t.Errorf("a symlinked folder was published")
				}
			},
		},
		{
			name: "symlink loop as a page",
			breakSite: func(t *testing.T, site string) {
				symlink(t, "vong.md", filepath.Join(site, "content", "tin-tuc", "vong.md"))
			},
			code: "read", file: "content/tin-tuc/vong.md", line: -1,
		},
		{
			name:      "file name with spaces",
			breakSite: write("content/tin-tuc/Ngày hội lớn.md", newsFM+"---\n\nNội dung.\n"),
			code:      "slug", file: "content/tin-tuc/Ngày hội lớn.md", line: 1,
			check: func(t *testing.T, _, _ string, res *build.Result) { wantSuggestion(t, res, "slug", "ngay-hoi-lon") },
		},
		{
			name:      "file name with markup and quotes",
			breakSite: write("content/tin-tuc/<b>\"x\"'; rm -rf.md", newsFM+"---\n\nNội dung.\n"),
			code:      "slug", file: "content/tin-tuc/<b>\"x\"'; rm -rf.md", line: 1,
			check: func(t *testing.T, _, _ string, res *build.Result) { wantSuggestion(t, res, "slug", "b-x-rm-rf") },
		},
		{
			name:      "folder name with Vietnamese",
			breakSite: write("content/Hướng dẫn/bai-1.md", "---\ntitle: \"Bài 1\"\n---\n\nNội dung.\n"),
			code:      "slug", file: "content/Hướng dẫn/bai-1.md", line: 1,
		},
		{
			name: "NFD file name",
			// Documented: names are normalized to NFC; the page gets the
			// same URL as the NFC name would (here through its slug) and
			// diagnostics name the NFC path.
			breakSite: write(norm.NFD.String("content/tin-tuc/người-tốt.md"), newsFM+"slug: nguoi-tot\n---\n\n## Người tốt\n\nViệc tốt.\n"),
			ok:        true,
			check: func(t *testing.T, site, dest string, res *build.Result) {
				if _, err := os.Stat(filepath.Join(dest, "tin-tuc", "nguoi-tot", "index.html")); err != nil {
					t.Errorf("NFD-named page not built: %v", err)
				}
			},
		},
		{
			name: "NFD and NFC names of one file",
			breakSite: func(t *testing.T, site string) {
				for _, f := range []norm.Form{norm.NFC, norm.NFD} {
					writeFile(t, filepath.Join(site, f.String("content/tin-tuc/người-tốt.md")), newsFM+"slug: nguoi-tot\n---\n\nViệc tốt.\n")
				}
			},
			code: "duplicate-url", file: "content/tin-tuc/người-tốt.md", line: 1,
		},
		{
			name: "binary file named .md",
			breakSite: func(t *testing.T, site string) {
				if err := os.WriteFile(filepath.Join(site, "content", "x.md"), pngBytes(t), 0o644); err != nil {
					t.Fatal(err)
				}
			},
			code: "utf8", file: "content/x.md", line: 1,
		},
		{
			name:      "NUL bytes in a text file",
			breakSite: write("content/tin-tuc/nul.md", newsFM+"---\n\nabc\x00def\n"),
			code:      "binary", file: "content/tin-tuc/nul.md", line: 7,
		},
		{
			name:      "template parse error",
			breakSite: appendTo("themes/default/layouts/_default/single.html", "{{if}}"),
			code:      "template", file: "themes/default/layouts/_default/single.html", line: -1,
		},
		{
			name:      "template parse error: line",
			bug:       "internal/theme: a template parse error has Line 0; its line is only in the message (\"single.html:15: missing value for if\")",
			breakSite: appendTo("themes/default/layouts/_default/single.html", "{{if}}"),
			code:      "template", file: "themes/default/layouts/_default/single.html", line: 0,
		},
		{
			name:      "template execution error",
			breakSite: replaceIn("themes/default/layouts/mo-hinh/single.html", `{{define "main"}}`, `{{define "main"}}{{.Page.NoSuchField}}`),
			code:      "template", file: "themes/default/layouts/mo-hinh/single.html", line: -1,
		},
		{
			name:      "template execution error keeps the output",
			breakSite: replaceIn("themes/default/layouts/mo-hinh/single.html", `{{define "main"}}`, `{{define "main"}}{{.Page.NoSuchField}}`),
			code:      "template", file: "", line: -1, msg: "themes/default/layouts/mo-hinh/single.html:1:24",
		},
		{
			name: "NFD bundle folder",
			// A bundle folder named in NFD (copied from macOS) must keep
			// its images.
			bug: "internal/build (build.go, collectStatic and image lookup): a bundle folder named in NFD loses its resources: " +
				"content.Page.Dir is NFC, fs.WalkDir(b.fsys, p.Dir) finds nothing on Linux (byte-exact names), so every image is image-missing",
			breakSite: func(t *testing.T, site string) {
				dir := filepath.Join(site, norm.NFD.String("content/mo-hinh/ảnh-đẹp"))
				writeFile(t, filepath.Join(dir, "index.md"), "---\ntitle: \"Ảnh đẹp\"\nsummary: \"S\"\ndate: 2025-01-02\nprovince: \"Huế\"\nkind: \"Camera an ninh\"\nfields: [\"Phòng, chống tội phạm\"]\nslug: anh-dep\nimage: anh.png\nimage_alt: \"Ảnh\"\n---\n\n## Ảnh\n\n![Ảnh trong bài](anh.png)\n")
				if err := os.WriteFile(filepath.Join(dir, "anh.png"), pngBytes(t), 0o644); err != nil {
					t.Fatal(err)
				}
			},
			ok: true,
			check: func(t *testing.T, site, dest string, res *build.Result) {
				if _, err := os.Stat(filepath.Join(dest, "mo-hinh", "anh-dep", "index.html")); err != nil {
					t.Error(err)
				}
			},
		},
		{
			name: "50 MB Markdown file",
			long: true,
			// Documented (docs/security.md): there is no size limit; a
			// 50 MB story builds (about a minute and 1.4 GB allocated on
			// the 2-core machine); its text goes to search.
			breakSite: func(t *testing.T, site string) {
				var b strings.Builder
				b.WriteString(newsFM + "---\n\n")
				para := "Người dân trong tổ dân phố cùng nhau lắp camera, đi tuần và hòa giải mâu thuẫn, giữ bình yên cho xóm làng. "
				for i := 0; b.Len() < 50<<20; i++ {
					if i%200 == 0 {
						fmt.Fprintf(&b, "\n## Phần %d\n\n", i/200+1)
					}
					b.WriteString(para)
					if i%8 == 7 {
						b.WriteString("\n\n")
					}
				}
				writeFile(t, filepath.Join(site, "content", "tin-tuc", "rat-dai.md"), b.String())
			},
			ok: true,
			check: func(t *testing.T, site, dest string, res *build.Result) {
				st, err := os.Stat(filepath.Join(dest, "tin-tuc", "rat-dai", "index.html"))
				if err != nil || st.Size() < 40<<20 {
					t.Errorf("50 MB page: %v, %d bytes", err, sizeOf(st))
				}
			},
		},
		{
			name: "10,000 files in one folder",
			long: true,
			breakSite: func(t *testing.T, site string) {
				dir := filepath.Join(site, "content", "tin-tuc")
				for i := range 10000 {
					data := fmt.Sprintf("---\ntitle: \"Tin số %d\"\nsummary: \"Tóm tắt tin %d.\"\ndate: 2025-%02d-%02d\n---\n\n## Tin\n\nNội dung tin %d.\n", i, i, i%12+1, i%28+1, i)
					if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("tin-%05d.md", i)), []byte(data), 0o644); err != nil {
						t.Fatal(err)
					}
				}
			},
			ok: true,
			check: func(t *testing.T, site, dest string, res *build.Result) {
				if res.Pages < 10000 {
					t.Errorf("%d pages built", res.Pages)
				}
				if _, err := os.Stat(filepath.Join(dest, "tin-tuc", "tin-09999", "index.html")); err != nil {
					t.Error(err)
				}
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.skip != nil {
				if why := tc.skip(); why != "" {
					t.Skip(why)
				}
			}
			if tc.bug != "" {
				t.Skip("known bug: " + tc.bug)
			}
			if tc.long {
				slow(t)
			}
			site := newSite(t, goodSite())
			dest := filepath.Join(t.TempDir(), "public")
			mustBuild(t, site, dest, false)
			sentinel := filepath.Join(dest, "sentinel.txt")
			writeFile(t, sentinel, "giữ nguyên")
			oldIndex, err := os.ReadFile(filepath.Join(dest, "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			tc.breakSite(t, site)
			var ms0 runtime.MemStats
			runtime.ReadMemStats(&ms0)
			start := time.Now()
			res, err := buildSite(site, dest, false)
			took := time.Since(start)
			var ms1 runtime.MemStats
			runtime.ReadMemStats(&ms1)
			t.Logf("build took %v, allocated %d MB", took.Round(time.Millisecond), (ms1.TotalAlloc-ms0.TotalAlloc)>>20)
			if tc.ok {
				if err != nil {
					t.Fatalf("build failed: %v\n%s", err, diagText(res.Diags))
				}
				if tc.check != nil {
					tc.check(t, site, dest, res)
				}
				return
			}
			if !errors.Is(err, build.ErrFailed) {
				t.Fatalf("build error %v, want one wrapping build.ErrFailed", err)
			}
			d, ok := findDiag(res.Diags, tc.code, tc.file)
			if !ok {
				t.Fatalf("no %q diagnostic naming %s in:\n%s", tc.code, tc.file, diagText(res.Diags))
			}
			if !strings.Contains(d.String(), tc.msg) {
				t.Errorf("diagnostic does not say %q: %s", tc.msg, d)
			}
			switch {
			case tc.line > 0 && d.Line != tc.line:
				t.Errorf("diagnostic at line %d, want %d: %s", d.Line, tc.line, d)
			case tc.line == 0 && d.Line < 1:
				t.Errorf("diagnostic without a line: %s", d)
			}
			if tc.check != nil {
				tc.check(t, site, dest, res)
			}
			// The previous output is intact.
			if got, err := os.ReadFile(sentinel); err != nil || string(got) != "giữ nguyên" {
				t.Errorf("sentinel lost: %v", err)
			}
			if got, err := os.ReadFile(filepath.Join(dest, "index.html")); err != nil || !bytes.Equal(got, oldIndex) {
				t.Errorf("old index.html changed or lost: %v", err)
			}
			if es := names(t, filepath.Dir(dest)); len(es) != 1 {
				t.Errorf("leftovers beside the output: %q", es)
			}
			// The command line says the same: exit 1, file named.
			var stdout, stderr bytes.Buffer
			code := cli.Run(context.Background(), []string{"build", "-s", site, "-d", dest, "--share-images=false", "--quiet"}, &stdout, &stderr)
			if code != cli.ExitSite {
				t.Errorf("lantoa build exit status %d, want %d; stderr:\n%s", code, cli.ExitSite, stderr.String())
			}
			if !strings.Contains(stderr.String(), tc.file) || !strings.Contains(stderr.String(), tc.msg) {
				t.Errorf("lantoa build stderr does not name %s %s:\n%s", tc.file, tc.msg, stderr.String())
			}
		})
	}
}

// findDiag returns the first error diagnostic with code (any code when
// "") naming file (any file when "").
func findDiag(ds diag.List, code, file string) (diag.Diagnostic, bool) {
	for _, d := range ds {
		if d.Severity == diag.Error && (file == "" || d.File == file) && (code == "" || d.Code == code) {
			return d, true
		}
	}
	return diag.Diagnostic{}, false
}

func wantSuggestion(t *testing.T, res *build.Result, code, want string) {
	t.Helper()
	for _, d := range res.Diags {
		if d.Code == code {
			if d.Suggestion != want || !strings.Contains(d.Msg, want) {
				t.Errorf("suggestion %q, want %q: %s", d.Suggestion, want, d)
			}
			return
		}
	}
	t.Errorf("no %s diagnostic", code)
}

func appendTo(name, text string) func(t *testing.T, site string) {
	return func(t *testing.T, site string) {
		p := filepath.Join(site, filepath.FromSlash(name))
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, append(data, text...), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func replaceIn(name, old, new string) func(t *testing.T, site string) {
	return func(t *testing.T, site string) {
		p := filepath.Join(site, filepath.FromSlash(name))
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(data, []byte(old)) {
			t.Fatalf("%s has no %q", name, old)
		}
		if err := os.WriteFile(p, bytes.Replace(data, []byte(old), []byte(new), 1), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func symlink(t *testing.T, target, name string) {
	t.Helper()
	if err := os.Symlink(target, name); err != nil {
		if errors.Is(err, fs.ErrPermission) || errors.Is(err, errors.ErrUnsupported) {
			t.Skipf("symlinks not supported: %v", err)
		}
		t.Fatal(err)
	}
}

func sizeOf(st os.FileInfo) int64 {
	if st == nil {
		return 0
	}
	return st.Size()
}
