// Package serve implements `lantoa serve`: a development server that
// builds a site, serves it over HTTP, rebuilds it when its files change,
// and reloads the editor's browser when the new version is served.
//
// # Building
//
// [Run] builds the site once, then serves it and watches it. Builds go
// through [Options.Rebuild], by default an incremental [build.Session] with Serve
// set (every page then loads /_lantoa/reload.js). Builds run one at a
// time, never two at once: changes that arrive during a build are
// collected and make the next build. A build that fails leaves the
// previous output in place, so the last good site stays served; its
// errors are printed to Stderr with [diag.List.WriteText] and shown in
// every open page.
//
// # Watching
//
// The server watches, with fsnotify, site.toml and every folder below
// content/, data/, static/, themes/, layouts/, i18n/ and assets/,
// except folders named public, node_modules or resources, dot-folders
// and the output folder. Folders created or moved in later are watched
// too; a renamed folder is watched under its new name only. Events are
// batched: a batch is built once no event came for 30 ms, or 2 s after
// its first event (so that a stream of changes that never pauses still
// gets built), so one save, an editor's write-temp-then-rename save or a
// `git checkout` of many files each make one build. Changes
// of editors' temporary files (vim's .swp and 4913, backups ending in
// ~, Emacs's .#name and #name#, any dot file) are ignored; the rename
// or write of the real file that follows is not. Permission-only
// changes are ignored. If the kernel's queue of events overflows, the
// next build is a full one.
//
// # Serving
//
// Files are served from the output folder as a static host serves them:
//
//   - only regular files strictly under the output folder: the decoded
//     path must not hold a ".." segment, a backslash or NUL, and the
//     file, symbolic links resolved, must lie under the folder's real
//     path; anything else is not found;
//   - a folder serves its index.html; a folder URL without its trailing
//     slash is redirected (301) to it; folders are never listed;
//   - a path without a file is redirected (301) when /_redirects has a
//     rule for it (page aliases), else answered with /404.html and
//     status 404;
//   - Content-Type is set from the extension (.html .css .js .json .xml
//     .svg .webp .jpg .png .txt and a few more); every answer has
//     Cache-Control: no-store.
//
// # Live reload
//
// The server answers three paths itself:
//
//	/_lantoa/reload.js   the reload script
//	/_lantoa/events      Server-Sent Events: hello, reload, css, error, ok
//	/_lantoa/status      the status of the last build, as JSON
//
// The status is {"build":"ID-N","ok":true} when the last build
// succeeded, where N counts successful builds, or {"build":...,
// "ok":false,"errors":N,"diagnostics":[...]} when it failed; each
// diagnostic is a [diag.Diagnostic] with "source", the lines around it
// ({"n":LINE,"text":...,"here":true for the line itself}) read from the
// site folder. HTML pages are sent with the header
// `Server-Timing: lantoa;desc="ID-N"`, so the script knows which build
// a page comes from.
//
// Events are sent only once a build is complete and its output is in
// place. After a successful build the server sends "reload", or, when
// only .css files changed, "css" with {"build":...,"styles":[URL...]},
// the stylesheet URLs of the new home page; the script then swaps the
// page's stylesheets for the new ones without a reload. After a failed
// build it sends "error" with the status; the script shows an overlay
// with each error's file:line:col, message and source lines. When the
// site builds again it sends "ok" (the overlay goes) and "reload".
// On connection, "hello" carries the current status: a page that was
// loaded while the site was broken shows the overlay at once, and a page
// older than the served build reloads. The script keeps the scroll
// position across reloads (sessionStorage, per path).
package serve

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/lantoa/lantoa/internal/build"
	"github.com/lantoa/lantoa/internal/diag"
	"github.com/lantoa/lantoa/internal/vi"
)

// Options configure [Run].
type Options struct {
	Source string // site folder; default "."
	Bind   string // address to listen on; default 127.0.0.1
	// Port to listen on; 0 picks a free port. When Port is busy, the
	// next ports are tried, up to 10 more.
	Port   int
	Drafts bool // build drafts too
	Open   bool // open the site with xdg-open, when there is one

	Stdout, Stderr io.Writer // default: discarded

	// ReadyFile, when set, is written with the site's URL and a newline
	// once the server answers requests: tests and scripts wait for it.
	ReadyFile string

	// Rebuild builds the site into Dest. changed lists the files that
	// changed since the previous call, slash paths relative to Source,
	// sorted; it may name files that no longer exist (deleted, renamed
	// away). changed is nil for a full build: the first build, and after
	// changes may have been missed. Calls never overlap. The error wraps
	// build.ErrFailed when the site has errors, which are in the result's
	// Diags; Dest must then be left as it was.
	//
	// When nil, a build.Session rebuilds Source into Dest incrementally.
	Rebuild func(ctx context.Context, changed []string) (*build.Result, error)

	// Dest is the output folder. Default: a temporary folder, removed
	// when Run returns; it must be set when Rebuild is.
	Dest string
}

// Port retries when the asked port is busy.
const portTries = 10

// PortsBusyError reports that no port from First to Last was free.
type PortsBusyError struct {
	Bind        string
	First, Last int
}

func (e *PortsBusyError) Error() string {
	if e.First == e.Last {
		return fmt.Sprintf("cổng %d trên %s đang bận; hãy chọn cổng khác bằng --port", e.First, e.Bind)
	}
	return fmt.Sprintf("các cổng %d–%d trên %s đều đang bận; hãy chọn cổng khác bằng --port", e.First, e.Last, e.Bind)
}

// Run builds and serves the site of o.Source until ctx is done; see the
// package documentation. It returns nil on a clean shutdown, and an
// error when the server cannot start: a missing site folder, a busy
// port, no file watching. A site that does not build is not an error:
// its errors are reported and the server keeps running.
func Run(ctx context.Context, o Options) error {
	if o.Stdout == nil {
		o.Stdout = io.Discard
	}
	if o.Stderr == nil {
		o.Stderr = io.Discard
	}
	if o.Source == "" {
		o.Source = "."
	}
	if o.Bind == "" {
		o.Bind = "127.0.0.1"
	}
	if o.Port < 0 || o.Port > 65535 {
		return fmt.Errorf("cổng %d không hợp lệ", o.Port)
	}
	src, err := filepath.Abs(o.Source)
	if err == nil {
		src, err = filepath.EvalSymlinks(src)
	}
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("thư mục trang %s không tồn tại", o.Source)
	}
	if err != nil {
		return fmt.Errorf("thư mục trang %s: %w", o.Source, err)
	}
	if info, err := os.Stat(src); err != nil || !info.IsDir() {
		return fmt.Errorf("%s không phải là thư mục trang", o.Source)
	}
	o.Source = src
	if o.Dest == "" {
		if o.Rebuild != nil {
			return errors.New("serve: Options.Dest is required with Options.Rebuild")
		}
		tmp, err := os.MkdirTemp("", "lantoa-serve-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		o.Dest = filepath.Join(tmp, "public")
	} else if o.Dest, err = filepath.Abs(o.Dest); err != nil {
		return err
	}
	if o.Rebuild == nil {
		// Incremental: a session reuses everything an edit did not touch.
		sess := build.NewSession(build.Options{Source: o.Source, Dest: o.Dest, Drafts: o.Drafts, Serve: true})
		o.Rebuild = sess.Rebuild
	}

	// Watch before the first build, so that no change made during it
	// is missed.
	// (The build's temporary folders beside Dest are dot-folders, never
	// watched.)
	w, err := newWatcher(o.Source, []string{o.Dest}, o.Stderr)
	if err != nil {
		return err
	}
	defer w.close()

	s := newServer(o)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches := make(chan batch)
	var wg sync.WaitGroup
	wg.Go(func() { w.run(ctx, batches) })
	defer wg.Wait()

	s.rebuild(ctx, batch{all: true})
	if ctx.Err() != nil {
		return nil
	}

	ln, err := listen(o.Bind, o.Port, o.Stderr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	url := siteURL(ln.Addr())
	fmt.Fprintf(o.Stdout, "Đang phục vụ tại %s (Ctrl+C để dừng)\n", url)
	if o.ReadyFile != "" {
		if err := writeReady(o.ReadyFile, url); err != nil {
			fmt.Fprintf(o.Stderr, "lantoa: %v\n", err)
		}
	}
	if o.Open {
		openBrowser(url)
	}

	var runErr error
loop:
	for {
		select {
		case <-ctx.Done():
			break loop
		case err := <-served:
			runErr = fmt.Errorf("máy chủ dừng: %w", err)
			break loop
		case b := <-batches:
			s.rebuild(ctx, b)
		}
	}
	s.hub.close()
	stop, cancelStop := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancelStop()
	if err := srv.Shutdown(stop); err != nil {
		srv.Close()
	}
	return runErr
}

// server is one running dev server.
type server struct {
	o  Options
	id string // distinguishes this run's builds from another's
	// builds counts builds, gen successful ones; only the build loop
	// uses them.
	builds, gen uint64
	files       *fileHandler
	hub         *hub
}

func newServer(o Options) *server {
	var b [4]byte
	_, _ = rand.Read(b[:])
	s := &server{o: o, id: hex.EncodeToString(b[:])}
	s.hub = newHub(status{Build: s.buildName(0), OK: true})
	s.files = &fileHandler{
		dest:     o.Dest,
		fallback: func(w io.Writer) { _, _ = io.WriteString(w, fallbackPage) },
		build:    func() string { return s.hub.status().Build },
	}
	return s
}

func (s *server) buildName(gen uint64) string {
	return s.id + "-" + strconv.FormatUint(gen, 10)
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case pathScript:
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		_, _ = w.Write(reloadJS)
		return
	case pathEvents:
		s.hub.serveEvents(w, r)
		return
	case pathStatus:
		s.hub.serveStatus(w, r)
		return
	}
	if strings.HasPrefix(r.URL.Path, pathPrefix) {
		w.Header().Set("Cache-Control", "no-store")
		http.NotFound(w, r)
		return
	}
	s.files.ServeHTTP(w, r)
}

// rebuild runs one build for the changes of b, reports it and tells the
// browsers.
func (s *server) rebuild(ctx context.Context, b batch) {
	var changed []string
	if !b.all {
		changed = b.paths
	}
	first := s.builds == 0
	s.builds++
	start := time.Now()
	res, err := s.o.Rebuild(ctx, changed)
	elapsed := time.Since(start)
	if ctx.Err() != nil {
		return // shutting down: the build was cancelled
	}
	var ds diag.List
	if res != nil {
		ds = res.Diags
	}
	if err != nil && !errors.Is(err, build.ErrFailed) {
		ds = append(ds, diag.Diagnostic{Severity: diag.Error, Code: "build", Msg: err.Error()})
	}
	if !ds.HasErrors() && err != nil {
		// A failed build always shows at least one error.
		ds = append(ds, diag.Diagnostic{Severity: diag.Error, Code: "build", Msg: err.Error()})
	}
	_ = ds.WriteText(s.o.Stderr)
	prev := s.hub.status()
	if err != nil {
		n, od := overlay(s.o.Source, ds)
		fmt.Fprintf(s.o.Stderr, "lantoa: %s lỗi; vẫn phục vụ bản dựng tốt gần nhất\n", vi.FormatInt(int64(n)))
		st := status{Build: prev.Build, OK: false, Errors: n, Diagnostics: od}
		s.hub.publish(st, event{"error", mustJSON(st)})
		return
	}
	s.gen++
	st := status{Build: s.buildName(s.gen), OK: true}
	pages := 0
	if res != nil {
		pages = res.Pages
	}
	what := "dựng lại toàn bộ"
	switch {
	case first:
		what = "đã dựng"
	case !b.all:
		what = fmt.Sprintf("dựng lại sau khi đổi %s tệp", vi.FormatInt(int64(len(b.paths))))
	}
	fmt.Fprintf(s.o.Stdout, "lantoa: %s: %s trang trong %s ms\n", what, vi.FormatInt(int64(pages)), vi.FormatInt(elapsed.Milliseconds()))
	var events []event
	if !prev.OK {
		events = append(events, event{"ok", mustJSON(st)})
	}
	if styles, ok := s.cssOnly(b); ok && prev.OK {
		events = append(events, event{"css", mustJSON(struct {
			Build  string   `json:"build"`
			Styles []string `json:"styles"`
		}{st.Build, styles})})
	} else {
		events = append(events, event{"reload", mustJSON(st)})
	}
	s.hub.publish(st, events...)
}

// cssOnly reports whether only stylesheets changed in b and, if so,
// returns the stylesheet URLs of the new home page.
func (s *server) cssOnly(b batch) ([]string, bool) {
	if b.all || len(b.paths) == 0 {
		return nil, false
	}
	for _, p := range b.paths {
		if !strings.EqualFold(filepath.Ext(p), ".css") {
			return nil, false
		}
	}
	html, err := readSiteFile(s.o.Dest, "/")
	if err != nil {
		return nil, false
	}
	styles := stylesheets(html)
	return styles, len(styles) > 0
}

// listen listens on bind:port, or on the next free port up to portTries
// more, saying so on stderr.
func listen(bind string, port int, stderr io.Writer) (net.Listener, error) {
	last := port
	if port != 0 {
		last = min(port+portTries, 65535)
	}
	for p := port; p <= last; p++ {
		ln, err := net.Listen("tcp", net.JoinHostPort(bind, strconv.Itoa(p)))
		if err == nil {
			if p != port {
				fmt.Fprintf(stderr, "lantoa: cổng %d đang bận, dùng cổng %d\n", port, p)
			}
			return ln, nil
		}
		if !errors.Is(err, syscall.EADDRINUSE) {
			return nil, fmt.Errorf("không mở được cổng %d trên %s: %w", p, bind, err)
		}
	}
	return nil, &PortsBusyError{Bind: bind, First: port, Last: last}
}

// siteURL is the URL of the site at addr; an unspecified address
// (0.0.0.0, ::) is shown as 127.0.0.1.
func siteURL(addr net.Addr) string {
	host, port, err := net.SplitHostPort(addr.String())
	if err != nil {
		return "http://" + addr.String() + "/"
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, port) + "/"
}

// writeReady writes url to file atomically: a reader sees the whole URL
// or no file.
func writeReady(file, url string) error {
	tmp := file + ".tmp"
	if err := os.WriteFile(tmp, []byte(url+"\n"), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, file)
}

// openBrowser opens url with xdg-open when there is one. It never fails
// the server: a missing or failing opener is ignored.
func openBrowser(url string) {
	p, err := exec.LookPath("xdg-open")
	if err != nil {
		return
	}
	cmd := exec.Command(p, url)
	if cmd.Start() == nil {
		go func() { _ = cmd.Wait() }()
	}
}
