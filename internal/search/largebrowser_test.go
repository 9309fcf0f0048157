package search

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/js"
)

// probeJS runs before the client on the test page and records, in
// window.__probe, when each search ends ("search-done" on the form): for
// a search started by the page load, the time since the navigation
// started; for one started by typing, the time since the input event; each
// both when the results are in the document and at the next frame (the
// results painted).
const probeJS = `(() => {
  const form = document.getElementById('search-form'), input = document.getElementById('q');
  const P = window.__probe = { keys: [], done: 0, first: null, t0: 0, typing: false };
  input.addEventListener('input', e => { P.t0 = e.timeStamp; P.typing = true; });
  form.addEventListener('search-done', () => {
    const t1 = performance.now(), typing = P.typing, t0 = typing ? P.t0 : 0;
    const status = document.getElementById('search-status').textContent;
    const hrefs = [...document.querySelectorAll('#search-results li > a')].map(a => a.getAttribute('href'));
    const res = performance.getEntriesByType('resource').filter(e => e.startTime >= t0).map(e => e.name.split('/').pop().slice(0, 1) + ':' + Math.round(e.startTime - t0) + '-' + Math.round(e.responseEnd - t0)).join(' ');
    P.typing = false;
    requestAnimationFrame(() => setTimeout(() => {
      const t2 = performance.now();
      if (typing) P.keys.push({ dom: t1 - t0, paint: t2 - t0, status, hrefs, res }); else P.first = { dom: t1, paint: t2, status, hrefs, res };
      P.done++;
    }));
  });
})();`

// A countingServer serves files gzip-compressed, like a static host, and
// counts the compressed bytes of every response.
type countingServer struct {
	mu  sync.Mutex
	gz  map[string][]byte
	log []served
}

type served struct {
	path  string
	bytes int
}

func (c *countingServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Security-Policy", csp)
	p := path.Clean(r.URL.Path)
	if strings.HasSuffix(r.URL.Path, "/") {
		p += "/index.html"
	}
	body, ok := c.gz[p]
	if !ok {
		http.NotFound(w, r)
		return
	}
	ct := map[string]string{".html": "text/html; charset=utf-8", ".js": "text/javascript", ".json": "application/json", ".txt": "text/plain; charset=utf-8"}[path.Ext(p)]
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Content-Encoding", "gzip")
	w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	w.Write(body)
	c.mu.Lock()
	c.log = append(c.log, served{p, len(body)})
	c.mu.Unlock()
}

// newCountingServer compresses every file of files (path → content) once,
// as a static host does, and serves them over HTTP/2 (TLS).
func newCountingServer(t *testing.T, files map[string][]byte) (*countingServer, string) {
	c := &countingServer{gz: map[string][]byte{}}
	for name, raw := range files {
		var b bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&b, gzip.DefaultCompression)
		zw.Write(raw)
		zw.Close()
		c.gz["/"+name] = b.Bytes()
	}
	ts := httptest.NewUnstartedServer(c)
	ts.EnableHTTP2 = true
	ts.StartTLS()
	t.Cleanup(ts.Close)
	return c, ts.URL
}

// since returns the bytes served since the log had n entries, leaving out
// the page, the probe and the favicon, and how many files they were.
func (c *countingServer) since(n int) (total, files int, names []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, s := range c.log[n:] {
		if strings.HasSuffix(s.path, ".html") || strings.HasSuffix(s.path, "probe.js") || strings.HasSuffix(s.path, "favicon.ico") {
			continue
		}
		total += s.bytes
		files++
		names = append(names, fmt.Sprintf("%s=%d", path.Base(s.path)[:1], s.bytes))
	}
	return total, files, names
}

func (c *countingServer) mark() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.log)
}

// typingSequences are the query sequences typed in TestBrowserLargeCorpus:
// the first of each is loaded from the URL, the others typed one character
// at a time in the same page.
var typingSequences = [][]string{
	{"camera an ninh", "to tu quan", "ha noi", "đường dây nóng"},
	{"khu dân cư", "tuan tra", "hoà giải mâu thuẫn", "người có uy tín"},
	{"phòng cháy chữa cháy", "zalo phòng chống tội phạm", "tiếng kẻng", "thanh niên xung kích"},
}

type probeRun struct {
	DOM, Paint float64
	Status     string
	Hrefs      []string
	Res        string
}

// TestBrowserLargeCorpus measures search on the generated corpus (see
// corpusDir) in headless Chromium against a local server that gzips like a
// static host, with the browser cache disabled: for each sequence of
// typingSequences, the bytes and time of the first query, loaded from its
// URL, and of each further query typed one key at a time in the same page,
// with the time from every input event to the results in the document and
// painted. It checks that the page lists the Go searcher's top 10 for each
// query and the first-query budget (100 KB gzip); it reports the rest.
//
//	LANTOA_SEARCH_LARGE=corpus go test -run TestBrowserLargeCorpus -v ./internal/search
//
// LANTOA_SEARCH_TRACE=1 also logs when each file of a first query started
// and ended (ms after navigation start) and, for each keystroke over 30 ms,
// of the files it fetched (ms after the input event).
func TestBrowserLargeCorpus(t *testing.T) {
	if os.Getenv("LANTOA_SEARCH_LARGE") != "corpus" || corpusDir() == "" {
		t.Skip("set LANTOA_SEARCH_LARGE=corpus (and LANTOA_SEARCH_CORPUS to a generated site) to run")
	}
	docs := corpusDocs(t, corpusDir())
	c0, w0 := cpuTime(), time.Now()
	idx, err := Build(docs)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("index of %d documents: %v wall, %v CPU, %d files", len(docs), time.Since(w0).Round(time.Millisecond), (cpuTime() - c0).Round(time.Millisecond), len(idx.Files))
	s, err := Open(mapFS(idx))
	if err != nil {
		t.Fatal(err)
	}
	files := maps.Clone(idx.Files)
	m := minify.New()
	m.AddFunc("application/javascript", js.Minify)
	client, err := m.Bytes("application/javascript", ClientJS())
	if err != nil {
		t.Fatal(err)
	}
	files["assets/search.js"] = client
	files["assets/probe.js"] = []byte(probeJS)
	page := strings.Replace(searchPage(idx.ManifestPath, s.m.Vocab), `<script src="/assets/search.js" defer>`, `<script src="/assets/probe.js" defer></script><script src="/assets/search.js" defer>`, 1)
	files["tim-kiem/index.html"] = []byte(page)
	files["favicon.ico"] = nil
	srv, base := newCountingServer(t, files)

	ctx := browser(t)
	problems := watchConsole(t, ctx)
	noCache := chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if _, err := cdp.Call(ctx, tg, network.Enable, network.EnableParams{}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, tg, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true})
		return err
	})
	if err := chromedp.Do(ctx, noCache); err != nil {
		t.Fatal(err)
	}
	probe := func(expr string) probeRun {
		t.Helper()
		r, err := chromedp.Run(ctx, chromedp.Evaluate[probeRun](expr))
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	waitDone := func(n int) {
		t.Helper()
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](fmt.Sprintf(`window.__probe && window.__probe.done > %d`, n),
			chromedp.WithPollingInterval(2*time.Millisecond), chromedp.WithPollingTimeout(20*time.Second))); err != nil {
			t.Fatalf("waiting for search %d: %v", n+1, err)
		}
	}
	checkTop := func(q string, hrefs []string) {
		t.Helper()
		want, _, err := s.Search(q, Filters{}, clientPage)
		if err != nil {
			t.Fatal(err)
		}
		var urls []string
		for _, r := range want {
			urls = append(urls, r.URL)
		}
		if !slices.Equal(hrefs, urls) {
			t.Errorf("%q: page lists %q, Go %q", q, hrefs, urls)
		}
	}

	var firstMs, keyPaint, keyDOM, changedPaint []float64
	worstFirst, worstFurther := 0, 0
	for _, seq := range typingSequences {
		mark := srv.mark()
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/tim-kiem/"+q(seq[0]))); err != nil {
			t.Fatal(err)
		}
		waitDone(0)
		first := probe(`window.__probe.first`)
		n, files, names := srv.since(mark)
		worstFirst = max(worstFirst, n)
		firstMs = append(firstMs, first.Paint)
		checkTop(seq[0], first.Hrefs)
		t.Logf("first query %q (URL): %d B gzip in %d files, results in the document %.0f ms and painted %.0f ms after navigation start; %s", seq[0], n, files, first.DOM, first.Paint, first.Status)
		t.Logf("    %s", strings.Join(names, " "))
		if os.Getenv("LANTOA_SEARCH_TRACE") != "" {
			t.Logf("    files (ms after navigation start): %s", first.Res)
		}
		done := 1
		for _, query := range seq[1:] {
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(q => { q.focus(); q.select(); return true; })(document.getElementById('q'))`)); err != nil {
				t.Fatal(err)
			}
			mark := srv.mark()
			var times []string
			for _, r := range query {
				if err := chromedp.Do(ctx, chromedp.KeyEvent(string(r))); err != nil {
					t.Fatal(err)
				}
				waitDone(done)
				done++
				k := probe(`window.__probe.keys[window.__probe.keys.length - 1]`)
				keyPaint = append(keyPaint, k.Paint)
				keyDOM = append(keyDOM, k.DOM)
				times = append(times, fmt.Sprintf("%.0f", k.Paint))
				if os.Getenv("LANTOA_SEARCH_TRACE") != "" && k.Paint > 30 {
					t.Logf("      key %q: dom %.0f paint %.0f: %s", r, k.DOM, k.Paint, k.Res)
				}
				if k.Paint > 5 {
					changedPaint = append(changedPaint, k.Paint)
				}
			}
			last := probe(`window.__probe.keys[window.__probe.keys.length - 1]`)
			checkTop(query, last.Hrefs)
			n, files, names := srv.since(mark)
			worstFurther = max(worstFurther, n)
			t.Logf("further query %q typed: %d B gzip in %d files; ms per key to paint: %s; %s", query, n, files, strings.Join(times, " "), last.Status)
			t.Logf("    %s", strings.Join(names, " "))
		}
	}
	med := func(v []float64) (float64, float64) {
		v = slices.Clone(v)
		slices.Sort(v)
		if len(v) == 0 {
			return 0, 0
		}
		return v[len(v)/2], v[len(v)-1]
	}
	fm, fx := med(firstMs)
	km, kx := med(keyPaint)
	dm, dx := med(keyDOM)
	t.Logf("URL to results painted: median %.0f ms, max %.0f ms", fm, fx)
	t.Logf("keystroke to results painted: median %.1f ms, max %.1f ms over %d keys (in the document: median %.1f, max %.1f)", km, kx, len(keyPaint), dm, dx)
	cm, cx := med(changedPaint)
	t.Logf("keystrokes that took over 5 ms: %d, median %.1f ms, max %.1f ms", len(changedPaint), cm, cx)
	t.Logf("worst first query %d B gzip (budget 102400), worst further typed query %d B (budget 30720)", worstFirst, worstFurther)
	if worstFirst > 100<<10 {
		t.Errorf("first query %d B gzip, budget 100 KB", worstFirst)
	}
	for _, p := range problems() {
		t.Errorf("browser: %s", p)
	}
}

// mapFS is the file system of an index.
func mapFS(idx *Index) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, b := range idx.Files {
		fsys[name] = &fstest.MapFile{Data: b}
	}
	return fsys
}
