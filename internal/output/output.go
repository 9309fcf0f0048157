// Package output writes a built site: the shared minifier, the atomic
// output folder, and the machine-readable files every site has (sitemap,
// RSS feeds, robots.txt, Netlify _redirects).
//
// # Atomic builds
//
// [Begin] creates a temporary folder beside the destination
// (".lantoa-tmp-*" in the destination's parent). Every file of the build
// is written there; [Dir.Commit] then swaps it in: the old destination is
// renamed aside, the new one renamed into place, the old one removed. A
// build that fails or is killed leaves the previous destination untouched;
// leftovers of a killed build are cleaned by the next [Begin], which also
// restores the previous destination if a build was killed in the middle
// of the swap.
//
// # Safety
//
// [Dir.Write] only writes inside the folder: paths are slash paths
// relative to the site root; absolute paths, "..", backslashes, NUL and
// empty segments are refused. Files are written with mode 0644 and
// folders 0755 whatever the process's umask. [CheckDestination] refuses destinations
// that would destroy the source: the source folder itself, a parent of
// it, content/, /, or the home folder.
package output

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// MediaTemplate is the media type of a Go html/template source.
const MediaTemplate = "text/x-go-template"

// NewMinifier returns the one minifier of a build; it is safe for
// concurrent use.
func NewMinifier() *minify.M {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepDefaultAttrVals: true})
	// HTML templates, minified once when a theme loads: {{…}} actions and
	// the text around them are kept as written.
	m.Add(MediaTemplate, &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepDefaultAttrVals: true, TemplateDelims: html.GoTemplateDelims})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`^(application|text)/(x-)?(java|ecma)script$`), js.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]json$`), json.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]xml$`), xml.Minify)
	return m
}

// CheckDestination refuses a destination that would overwrite or delete
// the source. Both paths may be relative.
func CheckDestination(source, dest string) error {
	src, err := filepath.Abs(source)
	if err != nil {
		return err
	}
	dst, err := filepath.Abs(dest)
	if err != nil {
		return err
	}
	src, dst = resolve(src), resolve(dst)
	home, _ := os.UserHomeDir()
	switch {
	case dst == string(filepath.Separator) || filepath.Dir(dst) == dst:
		return errors.New("thư mục đích không được là thư mục gốc /")
	case home != "" && dst == resolve(home):
		return errors.New("thư mục đích không được là thư mục nhà")
	case dst == src:
		return errors.New("thư mục đích không được trùng thư mục nguồn")
	case strings.HasPrefix(src, dst+string(filepath.Separator)):
		return errors.New("thư mục đích không được là thư mục cha của thư mục nguồn")
	}
	for _, d := range []string{"content", "data", "static", "themes", "layouts", "i18n", "assets", "archetypes"} {
		p := filepath.Join(src, d)
		if dst == p || strings.HasPrefix(dst, p+string(filepath.Separator)) {
			return fmt.Errorf("thư mục đích không được nằm trong %s/", d)
		}
	}
	return nil
}

// resolve follows symlinks of the longest existing prefix of p.
func resolve(p string) string {
	if r, err := filepath.EvalSymlinks(p); err == nil {
		return r
	}
	parent := filepath.Dir(p)
	if parent == p {
		return p
	}
	return filepath.Join(resolve(parent), filepath.Base(p))
}

// Dir is an output folder being written.
type Dir struct {
	dest  string // final destination
	tmp   string // folder being written
	mu    sync.Mutex
	dirs  map[string]bool
	files atomic.Int64
	bytes atomic.Int64
	seen  sync.Map // path → true, to catch two writers of one path

	cleaning sync.WaitGroup // removal of previous outputs

	// chmod: the umask may strip 0644/0755, so modes are set after
	// creating (one more system call per file and folder).
	chmod bool

	// In-place updates (see Reuse).
	inPlace   bool
	prev, now map[string][32]byte
}

const (
	tmpPrefix = ".lantoa-tmp-"
	oldPrefix = ".lantoa-old-"
)

// Begin starts writing a new version of dest.
func Begin(dest string) (*Dir, error) {
	dest = filepath.Clean(dest)
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	d := &Dir{dest: dest, dirs: map[string]bool{".": true}, chmod: !umaskKeeps(0o755)}
	d.recoverInterrupted(dest)
	tmp, err := os.MkdirTemp(parent, tmpPrefix+filepath.Base(dest)+"-")
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return nil, err
	}
	d.tmp = tmp
	return d, nil
}

// recoverInterrupted cleans what a killed build left beside dest, and
// starts removing previous outputs set aside by Commit in the background
// (Commit waits for that removal before its own swap).
func (d *Dir) recoverInterrupted(dest string) {
	parent, base := filepath.Dir(dest), filepath.Base(dest)
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	_, statErr := os.Stat(dest)
	for _, e := range entries {
		n := e.Name()
		switch {
		case strings.HasPrefix(n, tmpPrefix+base+"-"):
			_ = os.RemoveAll(filepath.Join(parent, n))
		case strings.HasPrefix(n, oldPrefix+base+"-"):
			if errors.Is(statErr, fs.ErrNotExist) {
				// Killed between the two renames: put the old site back.
				if os.Rename(filepath.Join(parent, n), dest) == nil {
					statErr = nil
					continue
				}
			}
			old := filepath.Join(parent, n)
			d.cleaning.Go(func() { _ = removeAll(old) })
		}
	}
}

// Root is the folder being written (for tools that write directly).
func (d *Dir) Root() string { return d.tmp }

// CleanPath checks a slash path relative to the site root.
func CleanPath(p string) (string, error) {
	if p == "" || strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return "", fmt.Errorf("đường dẫn đầu ra không hợp lệ: %q", p)
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == "" || seg == "." || seg == ".." {
			return "", fmt.Errorf("đường dẫn đầu ra không hợp lệ: %q", p)
		}
	}
	return p, nil
}

// URLToFile maps a page URL to its file: "/" → "index.html",
// "/a/b/" → "a/b/index.html", "/a.xml" → "a.xml".
func URLToFile(u string) string {
	u = strings.TrimPrefix(u, "/")
	if u == "" || strings.HasSuffix(u, "/") {
		return u + "index.html"
	}
	return u
}

// Write writes a file. Writing the same path twice is an error.
func (d *Dir) Write(p string, data []byte) error {
	p, err := CleanPath(p)
	if err != nil {
		return err
	}
	if _, dup := d.seen.LoadOrStore(p, true); dup {
		return fmt.Errorf("hai nội dung cùng ghi vào %s", p)
	}
	if d.inPlace {
		return d.writeInPlace(p, data)
	}
	if err := d.mkdir(path.Dir(p)); err != nil {
		return err
	}
	if err := writeFile(filepath.Join(d.tmp, filepath.FromSlash(p)), data, d.chmod); err != nil {
		return err
	}
	d.files.Add(1)
	d.bytes.Add(int64(len(data)))
	return nil
}

// Link publishes the existing file src at p without copying its bytes: a
// hard link when src is on the same file system as the folder, else a
// copy. sum is the SHA-256 of src (in-place updates compare it instead of
// hashing the file). The caller promises that src is never written in
// place, only replaced by a rename; the folder never writes into a file
// it has published either (a fresh folder writes each path once, and
// in-place updates write a new file and rename it), so the link is never
// a way to change src.
func (d *Dir) Link(p, src string, size int64, sum [32]byte) error {
	p, err := CleanPath(p)
	if err != nil {
		return err
	}
	if _, dup := d.seen.LoadOrStore(p, true); dup {
		return fmt.Errorf("hai nội dung cùng ghi vào %s", p)
	}
	if d.inPlace && d.record(p, sum) {
		return nil
	}
	if err := d.mkdir(path.Dir(p)); err != nil {
		return err
	}
	full := filepath.Join(d.tmp, filepath.FromSlash(p))
	dst := full
	if d.inPlace {
		dst = full + ".lantoa-tmp"
		_ = os.Remove(dst)
	}
	if err := os.Link(src, dst); err != nil {
		if err := copyFile(src, dst); err != nil {
			return err
		}
	}
	d.files.Add(1)
	d.bytes.Add(size)
	if d.inPlace {
		return os.Rename(dst, full)
	}
	return nil
}

// copyFile copies src to a new file dst (mode 0644).
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if err == nil {
		err = out.Chmod(0o644)
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return err
}

// Exists reports whether p was written.
func (d *Dir) Exists(p string) bool { _, ok := d.seen.Load(p); return ok }

// mkdir creates dir and its missing parents inside the folder, one
// mkdir system call per new folder (the folder starts empty, so a cache of
// what was made replaces MkdirAll's stat calls).
func (d *Dir) mkdir(dir string) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.mkdirLocked(dir)
}

func (d *Dir) mkdirLocked(dir string) error {
	if d.dirs[dir] {
		return nil
	}
	if err := d.mkdirLocked(path.Dir(dir)); err != nil {
		return err
	}
	name := filepath.Join(d.tmp, filepath.FromSlash(dir))
	err := os.Mkdir(name, 0o755)
	if err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	if err == nil && d.chmod {
		// 0755 whatever the umask: the site is published for everyone.
		if err := os.Chmod(name, 0o755); err != nil {
			return err
		}
	}
	d.dirs[dir] = true
	return nil
}

// writeFile writes a new output file with mode 0644 whatever the
// process's umask (a strict umask such as 077 must not make the site
// unreadable by the web server that serves it): chmod when the umask
// would not leave 0644 as it is.
func writeFile(name string, data []byte, chmod bool) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil && chmod {
		err = f.Chmod(0o644)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// umaskKeeps reports whether the process's umask leaves mode as it is,
// read from /proc/self/status (Linux); false when it cannot be known.
func umaskKeeps(mode fs.FileMode) bool {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return false
	}
	_, rest, ok := bytes.Cut(data, []byte("\nUmask:"))
	if !ok {
		return false
	}
	line, _, _ := bytes.Cut(rest, []byte("\n"))
	u, err := strconv.ParseUint(string(bytes.TrimSpace(line)), 8, 32)
	return err == nil && fs.FileMode(u)&mode == 0
}

// Files returns the number of files and bytes written.
func (d *Dir) Files() (int, int64) { return int(d.files.Load()), d.bytes.Load() }

// Commit swaps the new folder into place and removes the previous output
// (renamed aside first, so that the swap itself is two renames).
func (d *Dir) Commit() error {
	if d.inPlace {
		return d.commitInPlace()
	}
	d.cleaning.Wait()
	old, err := d.swap()
	if err != nil || old == "" {
		return err
	}
	return removeAll(old)
}

func (d *Dir) swap() (string, error) {
	parent, base := filepath.Dir(d.dest), filepath.Base(d.dest)
	old := ""
	if _, err := os.Lstat(d.dest); err == nil {
		o, err := os.MkdirTemp(parent, oldPrefix+base+"-")
		if err != nil {
			return "", err
		}
		if err := os.Remove(o); err != nil {
			return "", err
		}
		if err := os.Rename(d.dest, o); err != nil {
			return "", err
		}
		old = o
	}
	if err := os.Rename(d.tmp, d.dest); err != nil {
		if old != "" {
			_ = os.Rename(old, d.dest)
		}
		return "", err
	}
	return old, nil
}

// removeAll removes a folder, its top-level entries in parallel (a site
// has tens of thousands of files; os.RemoveAll works one at a time).
func removeAll(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return os.RemoveAll(dir)
	}
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		sub := filepath.Join(dir, e.Name())
		subs, err := os.ReadDir(sub)
		if err != nil {
			continue
		}
		for _, s := range subs {
			p := filepath.Join(sub, s.Name())
			sem <- struct{}{}
			wg.Go(func() {
				defer func() { <-sem }()
				_ = os.RemoveAll(p)
			})
		}
	}
	wg.Wait()
	return os.RemoveAll(dir)
}

// Abort removes the temporary folder, leaving the destination as it was.
func (d *Dir) Abort() {
	if d.inPlace {
		return // nothing to undo: callers check before writing
	}
	d.cleaning.Wait()
	_ = removeAll(d.tmp)
}

// Reuse opens dest for an in-place update (the dev server's incremental
// rebuilds): prev holds the hash of every file written by the previous
// update. Write only touches files whose bytes changed (atomically, by
// rename), Keep marks a file as still produced without rewriting it, and
// Commit removes the files that were not produced this time. An in-place
// update is not atomic as a whole: callers check for errors before
// writing.
func Reuse(dest string, prev map[string][32]byte) (*Dir, error) {
	dest = filepath.Clean(dest)
	if err := os.MkdirAll(dest, 0o755); err != nil {
		return nil, err
	}
	return &Dir{dest: dest, tmp: dest, dirs: map[string]bool{".": true}, inPlace: true, prev: prev, now: map[string][32]byte{}}, nil
}

// Keep marks p as produced, unchanged, in an in-place update.
func (d *Dir) Keep(p string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if h, ok := d.prev[p]; ok {
		d.now[p] = h
	}
}

// Has reports whether an in-place update's previous state had p.
func (d *Dir) Has(p string) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	_, ok := d.prev[p]
	return ok
}

// Hashes returns the hash of every file produced (in-place updates).
func (d *Dir) Hashes() map[string][32]byte { return d.now }

// record notes the hash of p in an in-place update and reports whether
// the file on disk already has these bytes.
func (d *Dir) record(p string, sum [32]byte) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	old, had := d.prev[p]
	d.now[p] = sum
	return had && old == sum
}

func (d *Dir) writeInPlace(p string, data []byte) error {
	if d.record(p, sha256.Sum256(data)) {
		return nil
	}
	if err := d.mkdir(path.Dir(p)); err != nil {
		return err
	}
	full := filepath.Join(d.tmp, filepath.FromSlash(p))
	tmp := full + ".lantoa-tmp"
	_ = os.Remove(tmp) // a leftover could be a hard link (Link): never write through it
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	d.files.Add(1)
	d.bytes.Add(int64(len(data)))
	return os.Rename(tmp, full)
}

func (d *Dir) commitInPlace() error {
	var gone []string
	for p := range d.prev {
		if _, ok := d.now[p]; !ok {
			gone = append(gone, p)
		}
	}
	for _, p := range gone {
		full := filepath.Join(d.tmp, filepath.FromSlash(p))
		if err := os.Remove(full); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		// Remove folders left empty.
		for dir := path.Dir(p); dir != "."; dir = path.Dir(dir) {
			if os.Remove(filepath.Join(d.tmp, filepath.FromSlash(dir))) != nil {
				break
			}
		}
	}
	return nil
}
