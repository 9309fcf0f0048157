package serve

import (
	"bufio"
	"bytes"
	_ "embed" // reload.js
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/lantoa/lantoa/internal/diag"
)

//go:embed reload.js
var reloadJS []byte

// Paths the dev server answers itself; the rest of /_lantoa/ is 404.
const (
	pathPrefix = "/_lantoa/"
	pathScript = "/_lantoa/reload.js"
	pathEvents = "/_lantoa/events"
	pathStatus = "/_lantoa/status"
)

// maxOverlayDiags bounds the diagnostics sent to the browser.
const maxOverlayDiags = 20

// contextLines is how many source lines the overlay shows around an
// error's line, on each side.
const contextLines = 2

// status is the state of the last build, as sent to browsers: the JSON
// of /_lantoa/status and of the "hello" and "error" events.
type status struct {
	// Build names the site version being served: "ID-N", where ID is
	// chosen when the server starts and N counts successful builds. HTML
	// pages carry it in their Server-Timing header.
	Build string `json:"build"`
	OK    bool   `json:"ok"`
	// Errors is the number of errors of a failed build; Diagnostics
	// holds at most maxOverlayDiags of them.
	Errors      int           `json:"errors,omitempty"`
	Diagnostics []overlayDiag `json:"diagnostics,omitempty"`
}

// overlayDiag is a diagnostic with the source lines around it.
type overlayDiag struct {
	diag.Diagnostic
	Source []sourceLine `json:"source,omitempty"`
}

// sourceLine is one line of a source file, numbered from 1; Here marks
// the diagnostic's line.
type sourceLine struct {
	N    int    `json:"n"`
	Text string `json:"text"`
	Here bool   `json:"here,omitempty"`
}

// overlay returns the error diagnostics of ds, at most maxOverlayDiags,
// with their source lines read from the site folder.
func overlay(site string, ds diag.List) (int, []overlayDiag) {
	var out []overlayDiag
	n := 0
	for _, d := range ds {
		if d.Severity != diag.Error {
			continue
		}
		n++
		if len(out) < maxOverlayDiags {
			out = append(out, overlayDiag{Diagnostic: d, Source: sourceLines(site, d.File, d.Line)})
		}
	}
	return n, out
}

// sourceLines reads lines line-contextLines..line+contextLines of file
// (a slash path relative to site). It returns nil when the file is not
// inside site, is not readable, or line is not in it.
func sourceLines(site, file string, line int) []sourceLine {
	if file == "" || line <= 0 || !filepath.IsLocal(filepath.FromSlash(file)) {
		return nil
	}
	f, err := os.Open(filepath.Join(site, filepath.FromSlash(file)))
	if err != nil {
		return nil
	}
	defer f.Close()
	const maxLine = 240 // characters shown of a long line
	var out []sourceLine
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 4<<20)
	for n := 1; sc.Scan() && n <= line+contextLines; n++ {
		if n < line-contextLines {
			continue
		}
		t := strings.TrimSuffix(sc.Text(), "\r")
		if n == 1 {
			t = strings.TrimPrefix(t, "\ufeff")
		}
		if utf8.RuneCountInString(t) > maxLine {
			t = string([]rune(t)[:maxLine]) + "…"
		}
		out = append(out, sourceLine{N: n, Text: t, Here: n == line})
	}
	if len(out) == 0 || out[len(out)-1].N < line {
		return nil
	}
	return out
}

// event is one Server-Sent Event.
type event struct {
	name string
	data []byte // JSON, one line
}

// hub holds the current status and the browsers listening for events.
type hub struct {
	mu      sync.Mutex
	st      status
	clients map[chan event]struct{}
	closed  bool
	done    chan struct{}
}

func newHub(st status) *hub {
	return &hub{st: st, clients: map[chan event]struct{}{}, done: make(chan struct{})}
}

// status returns the current status.
func (h *hub) status() status {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.st
}

// publish sets the status and sends events to every listener. A
// listener too slow to take them is disconnected: its browser reconnects
// and, from the "hello" event, reloads if it missed a build.
func (h *hub) publish(st status, events ...event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.st = st
	for c := range h.clients {
		for _, e := range events {
			select {
			case c <- e:
			default:
				delete(h.clients, c)
				close(c)
			}
			if _, ok := h.clients[c]; !ok {
				break
			}
		}
	}
}

// subscribe adds a listener; ok is false once the hub is closed.
func (h *hub) subscribe() (c chan event, st status, ok bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return nil, h.st, false
	}
	c = make(chan event, 16)
	h.clients[c] = struct{}{}
	return c, h.st, true
}

func (h *hub) unsubscribe(c chan event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if _, ok := h.clients[c]; ok {
		delete(h.clients, c)
		close(c)
	}
}

// listeners returns the number of connected listeners.
func (h *hub) listeners() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.clients)
}

// close ends every event stream, so that the HTTP server can shut down.
func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return
	}
	h.closed = true
	close(h.done)
	for c := range h.clients {
		delete(h.clients, c)
		close(c)
	}
}

// heartbeat is how often an idle event stream gets a comment line, so
// that proxies and browsers keep it open.
const heartbeat = 15 * time.Second

// serveEvents streams events to one browser.
func (h *hub) serveEvents(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	c, st, ok := h.subscribe()
	if !ok {
		http.Error(w, "server stopping", http.StatusServiceUnavailable)
		return
	}
	defer h.unsubscribe(c)
	hdr := w.Header()
	hdr.Set("Content-Type", "text/event-stream; charset=utf-8")
	hdr.Set("Cache-Control", "no-store")
	hdr.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	// A short retry: after a restart of the server the browser is back
	// within half a second.
	if _, err := io.WriteString(w, "retry: 500\n\n"); err != nil {
		return
	}
	if writeEvent(w, event{"hello", mustJSON(st)}) != nil {
		return
	}
	fl.Flush()
	tick := time.NewTicker(heartbeat)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-h.done:
			return
		case <-tick.C:
			if _, err := io.WriteString(w, ": ♥\n\n"); err != nil {
				return
			}
		case e, ok := <-c:
			if !ok {
				return
			}
			if writeEvent(w, e) != nil {
				return
			}
		}
		fl.Flush()
	}
}

func writeEvent(w io.Writer, e event) error {
	_, err := fmt.Fprintf(w, "event: %s\ndata: %s\n\n", e.name, e.data)
	return err
}

// serveStatus answers /_lantoa/status with the status as JSON.
func (h *hub) serveStatus(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(mustJSON(h.status()))
}

// mustJSON encodes v, which is always encodable, on one line.
func mustJSON(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(err) // the types above always encode
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

var (
	linkTag  = regexp.MustCompile(`(?is)<link\b[^>]*>`)
	relStyle = regexp.MustCompile(`(?i)\brel\s*=\s*["']?[^"'>]*\bstylesheet\b`)
	hrefAttr = regexp.MustCompile(`(?i)\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))`)
)

// stylesheets returns the href of every <link rel=stylesheet> of html.
func stylesheets(html []byte) []string {
	var out []string
	for _, tag := range linkTag.FindAll(html, -1) {
		if !relStyle.Match(tag) {
			continue
		}
		if m := hrefAttr.FindSubmatch(tag); m != nil {
			out = append(out, string(bytes.Join(m[1:], nil)))
		}
	}
	return out
}

// fallbackPage is the page served when the site has no page to show
// yet (its first build failed): the reload script shows the errors.
const fallbackPage = `<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>lantoa: chưa dựng được trang</title></head>
<body>
<main><h1>Chưa dựng được trang</h1><p>Hãy sửa các lỗi được báo; trang sẽ tự tải lại.</p></main>
<script src="/_lantoa/reload.js" defer></script>
</body>
</html>
`
