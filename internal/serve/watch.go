package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watchedDirs returns the folders of a site that the server watches,
// with everything below them; site.toml is watched too. Other files and
// folders of the site folder (public/, .git/, the Go sources of the
// repository...) are not.
func watchedDirs() []string {
	return []string{"content", "data", "static", "themes", "layouts", "i18n", "assets"}
}

// siteConfig is the site's configuration file.
const siteConfig = "site.toml"

// Debounce defaults: a batch is delivered once no event came for quiet,
// or maxWait after its first event, whichever is first.
const (
	defaultQuiet = 30 * time.Millisecond
	// defaultMaxWait is long enough for a `git checkout` of hundreds of
	// files on a slow disk to make one build, not several.
	defaultMaxWait = 2 * time.Second
)

// batch is a set of changed paths, slash paths relative to the site
// folder, sorted. All means that changes may have been missed (the
// kernel's event queue overflowed): everything must be rebuilt.
type batch struct {
	paths []string
	all   bool
}

// watcher watches a site folder and delivers batches of changes.
type watcher struct {
	root    string   // absolute site folder, symbolic links resolved
	skip    []string // absolute folders never watched (the output)
	quiet   time.Duration
	maxWait time.Duration
	stderr  io.Writer
	fsw     *fsnotify.Watcher
}

// newWatcher starts watching root (see watchedDirs). Folders in skip,
// and below them, are not watched.
func newWatcher(root string, skip []string, stderr io.Writer) (*watcher, error) {
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("không theo dõi được thay đổi: %w", err)
	}
	w := &watcher{root: root, quiet: defaultQuiet, maxWait: defaultMaxWait, stderr: stderr, fsw: fsw}
	for _, s := range skip {
		if r, err := filepath.EvalSymlinks(s); err == nil {
			s = r
		}
		w.skip = append(w.skip, filepath.Clean(s))
	}
	if err := fsw.Add(root); err != nil {
		fsw.Close()
		return nil, &WatchError{Dir: root, Err: err}
	}
	for _, d := range watchedDirs() {
		if err := w.addTree(filepath.Join(root, d), nil); err != nil {
			fsw.Close()
			return nil, err
		}
	}
	return w, nil
}

// WatchError reports a folder that could not be watched, typically
// because the system's limit of inotify watches is reached.
type WatchError struct {
	Dir string
	Err error
}

func (e *WatchError) Error() string {
	msg := fmt.Sprintf("không theo dõi được thư mục %s: %v", e.Dir, e.Err)
	if errors.Is(e.Err, syscall.ENOSPC) {
		msg += " (hãy tăng fs.inotify.max_user_watches)"
	}
	return msg
}

func (e *WatchError) Unwrap() error { return e.Err }

func (w *watcher) close() error { return w.fsw.Close() }

// ignoredDir reports whether a folder named name is never watched.
func ignoredDir(name string) bool {
	switch name {
	case "public", "node_modules", "resources":
		return true
	}
	return strings.HasPrefix(name, ".")
}

// tempFile reports whether name is an editor's temporary or backup file,
// whose changes are not changes of the site: vim's swap files, its 4913
// test file and its backups (name~), Emacs's lock (.#name) and autosave
// (#name#) files, and every dot file (gedit's .goutputstream-*).
func tempFile(name string) bool {
	switch {
	case name == "4913",
		strings.HasPrefix(name, "."),
		strings.HasSuffix(name, "~"),
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"),
		strings.HasSuffix(name, ".swp"), strings.HasSuffix(name, ".swx"), strings.HasSuffix(name, ".swo"):
		return true
	}
	return false
}

// skipped reports whether the absolute path p is in or below a skipped
// folder.
func (w *watcher) skipped(p string) bool {
	for _, s := range w.skip {
		if within(s, p) {
			return true
		}
	}
	return false
}

// addTree watches dir and every folder below it. When found is not nil,
// it is called with every file below dir: a folder that appears may
// already hold files (mkdir -p a/b && cp x a/b, a folder moved in)
// whose events came before the watch.
func (w *watcher) addTree(dir string, found func(string)) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			// A folder that vanished or cannot be read: nothing to watch.
			if p == dir || errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			fmt.Fprintf(w.stderr, "lantoa: không đọc được %s: %v\n", p, err)
			return nil
		}
		if !d.IsDir() {
			if found != nil && !tempFile(d.Name()) {
				found(p)
			}
			return nil
		}
		if (p != dir && ignoredDir(d.Name())) || w.skipped(p) {
			return filepath.SkipDir
		}
		if err := w.fsw.Add(p); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return filepath.SkipDir
			}
			return &WatchError{Dir: p, Err: err}
		}
		return nil
	})
}

// forget stops watching p and every folder below it: after a folder is
// renamed, the watches of its subfolders would otherwise report events
// under the old names. The new name is watched anew on its Create event.
func (w *watcher) forget(p string) {
	for _, q := range w.fsw.WatchList() {
		if within(p, q) {
			_ = w.fsw.Remove(q)
		}
	}
}

// relevant returns the slash path of p relative to the site folder and
// whether a change of p is a change of the site.
func (w *watcher) relevant(p string) (string, bool) {
	rel, err := filepath.Rel(w.root, p)
	if err != nil || !filepath.IsLocal(rel) || w.skipped(p) {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	top, rest, nested := strings.Cut(rel, "/")
	if !nested {
		return rel, rel == siteConfig || slices.Contains(watchedDirs(), rel)
	}
	if !slices.Contains(watchedDirs(), top) {
		return "", false
	}
	segs := strings.Split(rest, "/")
	for _, s := range segs[:len(segs)-1] {
		if ignoredDir(s) {
			return "", false
		}
	}
	last := segs[len(segs)-1]
	return rel, !tempFile(last) && !ignoredDir(last)
}

// handle turns one event into changed paths, passed to changed, and
// keeps the set of watched folders up to date.
func (w *watcher) handle(ev fsnotify.Event, changed func(string)) {
	if ev.Op == fsnotify.Chmod {
		return // permissions and times: not a change of the content
	}
	rel, ok := w.relevant(ev.Name)
	if ev.Op.Has(fsnotify.Rename) || ev.Op.Has(fsnotify.Remove) {
		w.forget(ev.Name)
	}
	if !ok {
		return
	}
	if ev.Op.Has(fsnotify.Create) {
		if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() {
			err := w.addTree(ev.Name, func(p string) {
				if r, ok := w.relevant(p); ok {
					changed(r)
				}
			})
			if err != nil {
				fmt.Fprintf(w.stderr, "lantoa: %v\n", err)
			}
		}
	}
	changed(rel)
}

// run reads events until ctx is done and sends batches to out. A batch
// is ready once no event came for w.quiet, or w.maxWait after its first
// event. While the receiver is busy (a build is running), new changes
// join the pending batch, so builds never queue up.
func (w *watcher) run(ctx context.Context, out chan<- batch) {
	var (
		pending = map[string]bool{}
		all     bool
		first   time.Time
		ready   bool
		timer   = time.NewTimer(time.Hour)
	)
	timer.Stop()
	defer timer.Stop()
	touch := func() {
		now := time.Now()
		if len(pending) == 0 && !all {
			first = now
		}
		if now.Sub(first) >= w.maxWait {
			ready = true
			return
		}
		ready = false
		timer.Reset(min(w.quiet, first.Add(w.maxWait).Sub(now)))
	}
	changed := func(rel string) {
		touch()
		pending[rel] = true
	}
	for {
		var send chan<- batch
		var b batch
		if ready {
			send = out
			b = batch{all: all, paths: sortedKeys(pending)}
		}
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			w.handle(ev, changed)
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				// Changes were lost: rebuild everything and
				// watch any folder that appeared meanwhile.
				touch()
				all = true
				for _, d := range watchedDirs() {
					if err := w.addTree(filepath.Join(w.root, d), nil); err != nil {
						fmt.Fprintf(w.stderr, "lantoa: %v\n", err)
					}
				}
				continue
			}
			fmt.Fprintf(w.stderr, "lantoa: theo dõi thay đổi: %v\n", err)
		case <-timer.C:
			ready = len(pending) > 0 || all
		case send <- b:
			clear(pending)
			all, ready = false, false
		}
	}
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
