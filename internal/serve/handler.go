package serve

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// contentType returns the Content-Type the file handler sets for a file
// extension (lower case, with its dot), or "" to let http.ServeContent
// sniff it.
func contentType(ext string) string {
	switch ext {
	case ".html":
		return "text/html; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".js", ".mjs":
		return "text/javascript; charset=utf-8"
	case ".json":
		return "application/json"
	case ".xml":
		return "application/xml; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	case ".webp":
		return "image/webp"
	case ".jpg", ".jpeg":
		return "image/jpeg"
	case ".png":
		return "image/png"
	case ".gif":
		return "image/gif"
	case ".ico":
		return "image/x-icon"
	case ".txt":
		return "text/plain; charset=utf-8"
	case ".woff2":
		return "font/woff2"
	case ".woff":
		return "font/woff"
	case ".pdf":
		return "application/pdf"
	}
	return ""
}

// fileHandler serves a built site folder like a static host does, for
// the dev server. See the package documentation for the rules.
type fileHandler struct {
	dest string // the site folder; may be replaced by a rename at any time
	// fallback, when not nil, writes the body of a 404 response when the
	// folder has no 404.html (the first build failed).
	fallback func(w io.Writer)
	// build, when not nil, names the build being served, sent with HTML
	// pages in a Server-Timing header so the reload script can tell a
	// page older than the newest build.
	build func() string

	mu        sync.Mutex
	redirects redirectCache
}

// redirectCache is the parsed _redirects file of one version of dest.
type redirectCache struct {
	mod   time.Time
	size  int64
	rules map[string]string
}

func (h *fileHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	hdr.Set("Cache-Control", "no-store")
	hdr.Set("X-Content-Type-Options", "nosniff")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		hdr.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	rel, ok := sitePath(r.URL.Path)
	if !ok {
		h.notFound(w, r)
		return
	}
	root, err := filepath.EvalSymlinks(h.dest)
	if err != nil {
		h.notFound(w, r)
		return
	}
	name, info, ok := resolveUnder(root, rel)
	if ok && info.IsDir() {
		if !strings.HasSuffix(r.URL.Path, "/") {
			redirect(w, r, "/"+rel+"/")
			return
		}
		name, info, ok = resolveUnder(root, path.Join(rel, "index.html"))
	}
	if !ok || !info.Mode().IsRegular() {
		if to, found := h.alias(root, r.URL.Path); found {
			redirect(w, r, to)
			return
		}
		h.notFound(w, r)
		return
	}
	h.serveFile(w, r, name, http.StatusOK)
}

// sitePath turns a decoded URL path into a slash path relative to the
// site root ("" for the root). It refuses any ".." segment, backslashes
// and NUL bytes rather than cleaning them away.
func sitePath(p string) (string, bool) {
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return "", false
	}
	for seg := range strings.SplitSeq(p, "/") {
		if seg == ".." {
			return "", false
		}
	}
	c := path.Clean(p)
	return strings.TrimPrefix(c, "/"), true
}

// resolveUnder resolves rel (a clean slash path) under root, a folder
// without symbolic links in its own path, following symbolic links, and
// reports whether the result exists and lies strictly inside root.
func resolveUnder(root, rel string) (string, fs.FileInfo, bool) {
	real, err := filepath.EvalSymlinks(filepath.Join(root, filepath.FromSlash(rel)))
	if err != nil || !within(root, real) {
		return "", nil, false
	}
	info, err := os.Stat(real)
	if err != nil {
		return "", nil, false
	}
	return real, info, true
}

// within reports whether p is root or a path inside it.
func within(root, p string) bool {
	return p == root || strings.HasPrefix(p, root+string(filepath.Separator))
}

func redirect(w http.ResponseWriter, r *http.Request, to string) {
	if r.URL.RawQuery != "" {
		to += "?" + r.URL.RawQuery
	}
	http.Redirect(w, r, to, http.StatusMovedPermanently)
}

// serveFile serves the regular file name with status. Status 200 goes
// through http.ServeContent (ranges, HEAD); other statuses are written
// as is.
func (h *fileHandler) serveFile(w http.ResponseWriter, r *http.Request, name string, status int) {
	f, err := os.Open(name)
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	defer f.Close()
	ext := strings.ToLower(filepath.Ext(name))
	if ct := contentType(ext); ct != "" {
		w.Header().Set("Content-Type", ct)
	}
	if ext == ".html" {
		h.setBuild(w)
	}
	if status == http.StatusOK {
		// A zero modification time: no Last-Modified, no 304 answers
		// that could show a page older than the last build.
		http.ServeContent(w, r, name, time.Time{}, f)
		return
	}
	if info, err := f.Stat(); err == nil {
		w.Header().Set("Content-Length", strconv.FormatInt(info.Size(), 10))
	}
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = io.Copy(w, f)
	}
}

// setBuild sets the Server-Timing header naming the build.
func (h *fileHandler) setBuild(w http.ResponseWriter) {
	if h.build != nil {
		w.Header().Set("Server-Timing", fmt.Sprintf("lantoa;desc=%q", h.build()))
	}
}

// notFound answers with the site's /404.html and status 404.
func (h *fileHandler) notFound(w http.ResponseWriter, r *http.Request) {
	if root, err := filepath.EvalSymlinks(h.dest); err == nil {
		if name, info, ok := resolveUnder(root, "404.html"); ok && info.Mode().IsRegular() {
			h.serveFile(w, r, name, http.StatusNotFound)
			return
		}
	}
	if h.fallback != nil {
		h.setBuild(w)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		if r.Method != http.MethodHead {
			h.fallback(w)
		}
		return
	}
	http.Error(w, "404 không tìm thấy trang", http.StatusNotFound)
}

// alias looks p up in root/_redirects (Netlify format: "FROM TO
// [STATUS]" per line). Like Netlify, a rule applies only when no file
// answers the path; FROM matches with or without its trailing slash.
func (h *fileHandler) alias(root, p string) (string, bool) {
	name := filepath.Join(root, "_redirects")
	info, err := os.Stat(name)
	if err != nil || !info.Mode().IsRegular() {
		return "", false
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	c := &h.redirects
	if c.rules == nil || !c.mod.Equal(info.ModTime()) || c.size != info.Size() {
		data, err := os.ReadFile(name)
		if err != nil {
			return "", false
		}
		c.rules, c.mod, c.size = parseRedirects(data), info.ModTime(), info.Size()
	}
	if to, ok := c.rules[strings.TrimSuffix(p, "/")]; ok && p != "/" {
		return to, true
	}
	return "", false
}

// parseRedirects reads the 301/302 rules of a Netlify _redirects file,
// keyed by FROM without its trailing slash. Comments, blank lines,
// splats, placeholders and rewrites (status 200) are skipped: the dev
// server only honours page aliases.
func parseRedirects(data []byte) map[string]string {
	rules := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 2 || strings.HasPrefix(f[0], "#") || !strings.HasPrefix(f[0], "/") {
			continue
		}
		if strings.ContainsAny(f[0], "*:") {
			continue
		}
		if len(f) >= 3 {
			st, err := strconv.Atoi(strings.TrimSuffix(f[2], "!"))
			if err != nil || (st != 301 && st != 302 && st != 308) {
				continue
			}
		}
		from := strings.TrimSuffix(f[0], "/")
		if _, dup := rules[from]; !dup { // first rule wins, as on Netlify
			rules[from] = f[1]
		}
	}
	return rules
}

// errNotServed is returned by readSiteFile for a path the handler would
// not serve.
var errNotServed = errors.New("not served")

// readSiteFile reads the file a URL path serves (index.html for folders)
// under the same rules as the handler. The server uses it to read the
// stylesheet links of the home page after a CSS change.
func readSiteFile(dest, urlPath string) ([]byte, error) {
	rel, ok := sitePath(urlPath)
	if !ok {
		return nil, errNotServed
	}
	root, err := filepath.EvalSymlinks(dest)
	if err != nil {
		return nil, err
	}
	name, info, ok := resolveUnder(root, rel)
	if ok && info.IsDir() {
		name, info, ok = resolveUnder(root, path.Join(rel, "index.html"))
	}
	if !ok || !info.Mode().IsRegular() {
		return nil, errNotServed
	}
	return os.ReadFile(name)
}
