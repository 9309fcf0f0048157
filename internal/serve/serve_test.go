package serve

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lantoa/lantoa/internal/build"
	"github.com/lantoa/lantoa/internal/diag"
)

// syncBuffer is a bytes.Buffer safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// running is a server started by start.
type running struct {
	url            string // with a trailing slash
	stdout, stderr *syncBuffer
}

// start runs Run(o) until the test ends, waits until it is ready and
// returns its URL. At cleanup it stops the server and checks that Run
// returned nil in time.
func start(t *testing.T, o Options) *running {
	t.Helper()
	return startWithin(t, o, 30*time.Second)
}

// startWithin is start with a limit for the first build.
func startWithin(t *testing.T, o Options, limit time.Duration) *running {
	t.Helper()
	r := &running{stdout: &syncBuffer{}, stderr: &syncBuffer{}}
	o.Stdout, o.Stderr = r.stdout, r.stderr
	o.ReadyFile = filepath.Join(t.TempDir(), "ready")
	if o.Bind == "" {
		o.Bind = "127.0.0.1"
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Run(ctx, o) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run returned %v after Ctrl+C", err)
			}
		case <-time.After(5 * time.Second):
			t.Errorf("Run did not return within 5 s of Ctrl+C")
		}
	})
	deadline := time.Now().Add(limit)
	for {
		data, err := os.ReadFile(o.ReadyFile)
		if err == nil {
			r.url = strings.TrimSpace(string(data))
			return r
		}
		select {
		case err := <-done:
			t.Fatalf("Run returned before it was ready: %v\nstderr: %s", err, r.stderr)
		case <-time.After(10 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("server not ready after %v\nstderr: %s", limit, r.stderr)
		}
	}
}

// fetch GETs url and returns the status and body.
func fetch(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

// wireStatus is a status as a browser reads it.
type wireStatus struct {
	Build       string
	OK          bool
	Errors      int
	Diagnostics []struct {
		File     string
		Line     int
		Column   int
		Severity string
		Code     string
		Message  string
		Source   []sourceLine
	}
}

func fetchStatus(t *testing.T, base string) wireStatus {
	t.Helper()
	code, b := fetch(t, base+"_lantoa/status")
	if code != 200 {
		t.Fatalf("status: %d %s", code, b)
	}
	var st wireStatus
	if err := json.Unmarshal([]byte(b), &st); err != nil {
		t.Fatalf("status %q: %v", b, err)
	}
	return st
}

// sseEvent is one received Server-Sent Event.
type sseEvent struct {
	name string
	data string
}

// listen connects to the event stream and returns its events.
func listenEvents(t *testing.T, base string) <-chan sseEvent {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, err := http.NewRequestWithContext(ctx, "GET", base+"_lantoa/events", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		t.Fatalf("events: Content-Type %q", ct)
	}
	ch := make(chan sseEvent, 64)
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer close(ch)
		sc := bufio.NewScanner(resp.Body)
		var e sseEvent
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "":
				if e.name != "" {
					ch <- e
				}
				e = sseEvent{}
			case strings.HasPrefix(line, "event: "):
				e.name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				e.data = strings.TrimPrefix(line, "data: ")
			}
		}
	}()
	t.Cleanup(func() { cancel(); resp.Body.Close(); <-done })
	return ch
}

// next returns the next event, failing after timeout.
func next(t *testing.T, ch <-chan sseEvent, timeout time.Duration) sseEvent {
	t.Helper()
	select {
	case e, ok := <-ch:
		if !ok {
			t.Fatal("event stream closed")
		}
		return e
	case <-time.After(timeout):
		t.Fatalf("no event within %v", timeout)
	}
	return sseEvent{}
}

// fakeSite is a Rebuild function over a tiny site: content/page.txt
// becomes index.html, content/style.css a fingerprinted stylesheet. A
// page starting with "BROKEN" fails the build at line 2, column 5.
type fakeSite struct {
	src, dest string
	delay     time.Duration

	mu     sync.Mutex
	calls  [][]string
	active atomic.Int32
	most   atomic.Int32
}

func newFakeSite(t *testing.T) *fakeSite {
	t.Helper()
	f := &fakeSite{src: t.TempDir()}
	f.dest = filepath.Join(t.TempDir(), "public")
	write(t, f.src, "site.toml", "title = 'x'\n")
	write(t, f.src, "content/page.txt", "Phiên bản 1")
	write(t, f.src, "content/style.css", "body{color:red}")
	return f
}

func (f *fakeSite) options() Options {
	return Options{Source: f.src, Dest: f.dest, Rebuild: f.rebuild}
}

func (f *fakeSite) rebuild(ctx context.Context, changed []string) (*build.Result, error) {
	n := f.active.Add(1)
	defer f.active.Add(-1)
	for m := f.most.Load(); n > m && !f.most.CompareAndSwap(m, n); m = f.most.Load() {
	}
	f.mu.Lock()
	f.calls = append(f.calls, changed)
	f.mu.Unlock()
	start := time.Now()
	select {
	case <-time.After(f.delay):
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	page, err := os.ReadFile(filepath.Join(f.src, "content/page.txt"))
	if err != nil {
		return nil, err
	}
	if bytes.HasPrefix(page, []byte("BROKEN")) {
		res := &build.Result{Diags: diag.List{
			diag.Warnf(diag.Pos{File: "content/style.css"}, "style", "cảnh báo thử"),
			diag.Errorf(diag.Pos{File: "content/page.txt", Line: 2, Col: 5}, "front-matter", "phần đầu sai cú pháp"),
		}}
		return res, fmt.Errorf("%w", build.ErrFailed)
	}
	css, err := os.ReadFile(filepath.Join(f.src, "content/style.css"))
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(css)
	cssName := "style." + hex.EncodeToString(sum[:4]) + ".css"
	// Like the real build: a new folder swapped in.
	tmp := f.dest + ".new"
	os.RemoveAll(tmp)
	if err := os.MkdirAll(tmp, 0o755); err != nil {
		return nil, err
	}
	html := `<!doctype html><html><head><link rel="stylesheet" href="/` + cssName + `"></head><body>` + string(page) + `<script src="/_lantoa/reload.js" defer></script></body></html>`
	if err := os.WriteFile(filepath.Join(tmp, "index.html"), []byte(html), 0o644); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(tmp, cssName), css, 0o644); err != nil {
		return nil, err
	}
	os.RemoveAll(f.dest)
	if err := os.Rename(tmp, f.dest); err != nil {
		return nil, err
	}
	return &build.Result{Pages: 1, Files: 2, Duration: time.Since(start)}, nil
}

func (f *fakeSite) callList() [][]string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.calls)
}

func TestRunLiveReload(t *testing.T) {
	f := newFakeSite(t)
	r := start(t, f.options())
	if !strings.HasPrefix(r.url, "http://127.0.0.1:") || !strings.HasSuffix(r.url, "/") {
		t.Fatalf("URL %q", r.url)
	}
	if want := "Đang phục vụ tại " + r.url + " (Ctrl+C để dừng)\n"; !strings.Contains(r.stdout.String(), want) {
		t.Errorf("stdout %q does not say %q", r.stdout, want)
	}
	if code, b := fetch(t, r.url); code != 200 || !strings.Contains(b, "Phiên bản 1") {
		t.Fatalf("GET /: %d %q", code, b)
	}
	events := listenEvents(t, r.url)
	hello := next(t, events, 5*time.Second)
	var st wireStatus
	if err := json.Unmarshal([]byte(hello.data), &st); hello.name != "hello" || err != nil || !st.OK || st.Build == "" {
		t.Fatalf("first event %+v (%v), want hello with ok status", hello, err)
	}
	// HTML pages name the build they come from.
	resp, err := http.Get(r.url)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if got, want := resp.Header.Get("Server-Timing"), `lantoa;desc="`+st.Build+`"`; got != want {
		t.Errorf("Server-Timing %q, want %q", got, want)
	}

	// An edit: one rebuild with the changed file, then "reload".
	write(t, f.src, "content/page.txt", "Phiên bản 2")
	e := next(t, events, 5*time.Second)
	var st2 wireStatus
	if err := json.Unmarshal([]byte(e.data), &st2); e.name != "reload" || err != nil || st2.Build == st.Build {
		t.Fatalf("after an edit: event %+v, want reload with a new build", e)
	}
	if _, b := fetch(t, r.url); !strings.Contains(b, "Phiên bản 2") {
		t.Errorf("after the reload event, / serves %q", b)
	}
	calls := f.callList()
	if len(calls) != 2 || calls[0] != nil || !slices.Equal(calls[1], []string{"content/page.txt"}) {
		t.Errorf("rebuild calls %q, want a full build then [content/page.txt]", calls)
	}
	if !strings.Contains(r.stdout.String(), "lantoa: dựng lại sau khi đổi 1 tệp: 1 trang trong ") {
		t.Errorf("stdout %q does not report the rebuild", r.stdout)
	}

	// A broken page: "error" with the source, the old page still served.
	write(t, f.src, "content/page.txt", "BROKEN\nabc: [unclosed\nline 3\n")
	e = next(t, events, 5*time.Second)
	if e.name != "error" {
		t.Fatalf("after breaking: event %+v, want error", e)
	}
	var bad wireStatus
	if err := json.Unmarshal([]byte(e.data), &bad); err != nil {
		t.Fatal(err)
	}
	if bad.OK || bad.Errors != 1 || len(bad.Diagnostics) != 1 {
		t.Fatalf("error event %s: want one error (the warning left out)", e.data)
	}
	d := bad.Diagnostics[0]
	if d.File != "content/page.txt" || d.Line != 2 || d.Column != 5 || d.Severity != "error" || d.Code != "front-matter" || d.Message != "phần đầu sai cú pháp" {
		t.Errorf("diagnostic %+v", d)
	}
	wantSrc := []sourceLine{{1, "BROKEN", false}, {2, "abc: [unclosed", true}, {3, "line 3", false}}
	if !slices.Equal(d.Source, wantSrc) {
		t.Errorf("source lines %+v, want %+v", d.Source, wantSrc)
	}
	if got := fetchStatus(t, r.url); got.OK || got.Build != st2.Build || len(got.Diagnostics) != 1 {
		t.Errorf("status while broken: %+v", got)
	}
	if _, b := fetch(t, r.url); !strings.Contains(b, "Phiên bản 2") {
		t.Errorf("while broken, / serves %q, want the last good page", b)
	}
	if !strings.Contains(r.stderr.String(), "content/page.txt:2:5: lỗi: phần đầu sai cú pháp [front-matter]") {
		t.Errorf("stderr %q does not show the error", r.stderr)
	}
	// A new listener gets the error at once.
	if e := next(t, listenEvents(t, r.url), 5*time.Second); e.name != "hello" || !strings.Contains(e.data, `"ok":false`) {
		t.Errorf("hello while broken: %+v", e)
	}

	// Fixed: "ok", then "reload".
	write(t, f.src, "content/page.txt", "Phiên bản 3")
	if e := next(t, events, 5*time.Second); e.name != "ok" {
		t.Fatalf("after fixing: event %+v, want ok", e)
	}
	if e := next(t, events, 5*time.Second); e.name != "reload" {
		t.Fatalf("after fixing: event %+v, want reload", e)
	}
	if got := fetchStatus(t, r.url); !got.OK || got.Build == st2.Build {
		t.Errorf("status after the fix: %+v", got)
	}
	if _, b := fetch(t, r.url); !strings.Contains(b, "Phiên bản 3") {
		t.Errorf("after the fix, / serves %q", b)
	}

	// A stylesheet change: "css" with the new URL, no reload.
	write(t, f.src, "content/style.css", "body{color:blue}")
	e = next(t, events, 5*time.Second)
	var css struct {
		Build  string
		Styles []string
	}
	if err := json.Unmarshal([]byte(e.data), &css); e.name != "css" || err != nil || len(css.Styles) != 1 {
		t.Fatalf("after a CSS change: event %+v, want css", e)
	}
	if code, b := fetch(t, strings.TrimSuffix(r.url, "/")+css.Styles[0]); code != 200 || b != "body{color:blue}" {
		t.Errorf("GET %s: %d %q", css.Styles[0], code, b)
	}

	// The reload script is served.
	if code, b := fetch(t, r.url+"_lantoa/reload.js"); code != 200 || !strings.Contains(b, "EventSource") {
		t.Errorf("reload.js: %d", code)
	}
	if code, _ := fetch(t, r.url+"_lantoa/other"); code != 404 {
		t.Errorf("/_lantoa/other: %d, want 404", code)
	}
}

// TestRunCoalesces checks that builds never overlap, and that changes
// made during a build make one next build.
func TestRunCoalesces(t *testing.T) {
	f := newFakeSite(t)
	f.delay = 400 * time.Millisecond
	r := start(t, f.options())
	write(t, f.src, "content/page.txt", "Phiên bản 2")
	// Wait until that build runs, then change more files during it.
	for deadline := time.Now().Add(5 * time.Second); len(f.callList()) < 2; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("no rebuild")
		}
	}
	for i := range 4 {
		write(t, f.src, fmt.Sprintf("content/x%d.txt", i), "x")
		time.Sleep(80 * time.Millisecond)
	}
	for deadline := time.Now().Add(5 * time.Second); len(f.callList()) < 3 || f.active.Load() > 0; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("no third build")
		}
	}
	time.Sleep(300 * time.Millisecond)
	calls := f.callList()
	if len(calls) != 3 {
		t.Errorf("%d builds %q, want 3", len(calls), calls)
	}
	if want := []string{"content/x0.txt", "content/x1.txt", "content/x2.txt", "content/x3.txt"}; len(calls) == 3 && !slices.Equal(calls[2], want) {
		t.Errorf("third build for %q, want %q", calls[2], want)
	}
	if m := f.most.Load(); m != 1 {
		t.Errorf("%d builds ran at once", m)
	}
	_ = r
}

func TestRunFirstBuildFails(t *testing.T) {
	f := newFakeSite(t)
	write(t, f.src, "content/page.txt", "BROKEN\nx\n")
	r := start(t, f.options())
	code, b := fetch(t, r.url)
	if code != 404 || !strings.Contains(b, pathScript) {
		t.Errorf("GET / with no good build: %d %q, want 404 with the reload script", code, b)
	}
	if st := fetchStatus(t, r.url); st.OK || len(st.Diagnostics) != 1 {
		t.Errorf("status: %+v", st)
	}
	events := listenEvents(t, r.url)
	next(t, events, 5*time.Second) // hello
	write(t, f.src, "content/page.txt", "Đã sửa")
	if e := next(t, events, 5*time.Second); e.name != "ok" {
		t.Errorf("event %+v, want ok", e)
	}
	if e := next(t, events, 5*time.Second); e.name != "reload" {
		t.Errorf("event %+v, want reload", e)
	}
	if code, b := fetch(t, r.url); code != 200 || !strings.Contains(b, "Đã sửa") {
		t.Errorf("GET / after the fix: %d %q", code, b)
	}
}

func TestRunBusyPort(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	if port >= 65535-portTries {
		t.Skip("port too high")
	}
	f := newFakeSite(t)
	o := f.options()
	o.Port = port
	r := start(t, o)
	got, err := strconv.Atoi(strings.TrimSuffix(r.url[strings.LastIndex(r.url, ":")+1:], "/"))
	if err != nil || got <= port || got > port+portTries {
		t.Errorf("URL %q, want a port after the busy %d", r.url, port)
	}
	if want := fmt.Sprintf("cổng %d đang bận, dùng cổng %d", port, got); !strings.Contains(r.stderr.String(), want) {
		t.Errorf("stderr %q does not say %q", r.stderr, want)
	}
}

func TestListenAllBusy(t *testing.T) {
	first, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	port := first.Addr().(*net.TCPAddr).Port
	for p := port + 1; p <= port+portTries; p++ {
		ln, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(p))
		if err != nil {
			t.Skipf("port %d is taken by another program", p)
		}
		defer ln.Close()
	}
	_, err = listen("127.0.0.1", port, io.Discard)
	var busy *PortsBusyError
	if !errors.As(err, &busy) || busy.First != port || busy.Last != port+portTries {
		t.Fatalf("listen on busy ports: %v, want PortsBusyError %d–%d", err, port, port+portTries)
	}
	if !strings.Contains(err.Error(), "--port") {
		t.Errorf("message %q does not say what to do", err)
	}
}

func TestCommand(t *testing.T) {
	var out, errb bytes.Buffer
	for _, tt := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"--nope"}, 2, "-nope"},
		{[]string{"extra"}, 2, "thừa tham số"},
		{[]string{"--port", "70000"}, 2, "70000"},
		{[]string{"-s", filepath.Join(t.TempDir(), "khong-co")}, 1, "không tồn tại"},
		{[]string{"-h"}, 0, "-port"},
	} {
		out.Reset()
		errb.Reset()
		if code := Command(context.Background(), tt.args, &out, &errb); code != tt.code || !strings.Contains(errb.String(), tt.msg) {
			t.Errorf("Command(%q) = %d, stderr %q; want %d and %q", tt.args, code, errb.String(), tt.code, tt.msg)
		}
	}
}

// TestMemoryStable runs 500 build cycles, alternating good and broken
// builds, with a browser listening, and checks that the heap does not
// grow by more than 10% and that no goroutine is left behind.
func TestMemoryStable(t *testing.T) {
	f := newFakeSite(t)
	s := newServer(Options{Source: f.src, Dest: f.dest, Stdout: io.Discard, Stderr: io.Discard, Rebuild: f.rebuild})
	c, _, _ := s.hub.subscribe()
	drained := make(chan int)
	go func() {
		n := 0
		for range c {
			n++
		}
		drained <- n
	}()
	ctx := context.Background()
	measure := func() uint64 {
		runtime.GC()
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	cycle := func(i int) {
		page := "Phiên bản " + strconv.Itoa(i)
		if i%3 == 2 {
			page = "BROKEN\n" + strings.Repeat("x", 200) + "\n"
		}
		if err := os.WriteFile(filepath.Join(f.src, "content/page.txt"), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
		s.rebuild(ctx, batch{paths: []string{"content/page.txt"}})
	}
	for i := range 10 {
		cycle(i)
	}
	goroutines := runtime.NumGoroutine()
	before := measure()
	for i := range 500 {
		cycle(i)
	}
	after := measure()
	t.Logf("heap after 10 edits %d B, after 510 %d B", before, after)
	if after > before+before/10 {
		t.Errorf("heap grew from %d to %d bytes over 500 edits (> 10%%)", before, after)
	}
	if g := runtime.NumGoroutine(); g > goroutines {
		t.Errorf("%d goroutines after 500 edits, %d before", g, goroutines)
	}
	s.hub.close()
	if n := <-drained; n < 500 {
		t.Errorf("listener got %d events over 510 builds", n)
	}
}

// TestRunDestInSite checks that an output folder inside the site folder
// (lantoa's default for build) is not watched: writing it must not
// start another build.
func TestRunDestInSite(t *testing.T) {
	f := newFakeSite(t)
	f.dest = filepath.Join(f.src, "public")
	r := start(t, f.options())
	write(t, f.src, "content/page.txt", "Phiên bản 2")
	poll(t, 5*time.Second, "rebuild", func() bool {
		_, b := fetch(t, r.url)
		return strings.Contains(b, "Phiên bản 2")
	})
	time.Sleep(500 * time.Millisecond)
	if calls := f.callList(); len(calls) != 2 {
		t.Errorf("builds %q, want 2: writing the output made builds", calls)
	}
}
