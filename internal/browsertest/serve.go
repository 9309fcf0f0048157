package browsertest

import (
	"errors"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"strings"
	"testing"
)

// Serve serves the built site in dir over HTTP on 127.0.0.1 at a random port
// until t.Cleanup, and returns its base URL, with no trailing slash.
//
// It serves like the static hosts the site is published on:
//
//   - a file is served with the content type of its extension;
//   - a folder URL serves the folder's index.html; a folder URL without the
//     trailing slash is redirected to it;
//   - a path with no file, or a folder with no index.html, gets dir/404.html
//     with status 404 (a plain 404 when the site has no 404.html);
//   - no file outside dir is ever served: the path is cleaned, and files are
//     opened through an os.Root, which also refuses symbolic links that lead
//     out of dir;
//   - every response, the 404 page included, carries headers (for example a
//     Content-Security-Policy), with the charset of HTML files made explicit.
func Serve(t testing.TB, dir string, headers map[string]string) string {
	t.Helper()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatalf("browsertest: Serve: %v", err)
	}
	h := &siteHandler{fsys: root.FS(), headers: headers}
	srv := httptest.NewServer(h)
	t.Cleanup(func() {
		srv.Close()
		root.Close()
	})
	return srv.URL
}

// siteHandler serves fsys as a static site.
type siteHandler struct {
	fsys    fs.FS
	headers map[string]string
}

func (h *siteHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for k, v := range h.headers {
		w.Header().Set(k, v)
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	// path.Clean of a rooted path removes every "..", so name stays in
	// the site; os.Root checks it again, links included.
	clean := path.Clean("/" + r.URL.Path)
	name := strings.TrimPrefix(clean, "/")
	if name == "" {
		name = "."
	}
	info, err := fs.Stat(h.fsys, name)
	if err != nil {
		h.notFound(w, r)
		return
	}
	if info.IsDir() {
		if !strings.HasSuffix(r.URL.Path, "/") {
			target := clean + "/"
			if clean == "/" {
				target = "/"
			}
			if r.URL.RawQuery != "" {
				target += "?" + r.URL.RawQuery
			}
			http.Redirect(w, r, target, http.StatusMovedPermanently)
			return
		}
		name = path.Join(name, "index.html")
		if info, err = fs.Stat(h.fsys, name); err != nil || info.IsDir() {
			h.notFound(w, r)
			return
		}
	}
	if err := h.serveFile(w, r, name, http.StatusOK); err != nil {
		h.notFound(w, r)
	}
}

// notFound serves the site's /404.html with status 404.
func (h *siteHandler) notFound(w http.ResponseWriter, r *http.Request) {
	if err := h.serveFile(w, r, "404.html", http.StatusNotFound); err != nil {
		http.Error(w, "404 page not found", http.StatusNotFound)
	}
}

// serveFile writes the file name of the site with the given status.
// It returns an error, having written nothing, when the file cannot be read.
func (h *siteHandler) serveFile(w http.ResponseWriter, r *http.Request, name string, status int) error {
	f, err := h.fsys.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return err
	}
	if info.IsDir() {
		return &fs.PathError{Op: "serve", Path: name, Err: errors.New("is a directory")}
	}
	if status == http.StatusOK {
		rs, ok := f.(io.ReadSeeker)
		if !ok {
			return &fs.PathError{Op: "serve", Path: name, Err: errors.New("not seekable")}
		}
		setContentType(w, name)
		// ServeContent handles Range and If-Modified-Since like a real host.
		http.ServeContent(w, r, name, info.ModTime(), rs)
		return nil
	}
	setContentType(w, name)
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = io.Copy(w, f)
	}
	return nil
}

// setContentType sets the content type of name, with an explicit UTF-8
// charset for text, as Vietnamese text needs.
func setContentType(w http.ResponseWriter, name string) {
	var ct string
	switch strings.ToLower(path.Ext(name)) {
	case ".html":
		ct = "text/html; charset=utf-8"
	case ".css":
		ct = "text/css; charset=utf-8"
	case ".js", ".mjs":
		ct = "text/javascript; charset=utf-8"
	case ".json":
		ct = "application/json"
	case ".xml":
		ct = "application/xml; charset=utf-8"
	case ".txt":
		ct = "text/plain; charset=utf-8"
	case ".svg":
		ct = "image/svg+xml"
	case ".webmanifest":
		ct = "application/manifest+json"
	case ".png":
		ct = "image/png"
	case ".jpg", ".jpeg":
		ct = "image/jpeg"
	case ".webp":
		ct = "image/webp"
	case ".avif":
		ct = "image/avif"
	case ".ico":
		ct = "image/x-icon"
	case ".woff2":
		ct = "font/woff2"
	default:
		return // http.ServeContent sniffs the rest
	}
	w.Header().Set("Content-Type", ct)
}
