package search

import (
	"context"
	"fmt"
	"html"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/js"
	"golang.org/x/text/unicode/norm"
)

const chromiumPath = "/usr/bin/chromium"

// csp is as strict as the site's: no inline script or style, no eval.
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'"

// searchPage is the search page as the theme writes it.
func searchPage(manifest string, vocab map[string][][2]string) string {
	sel := func(name, all string) string {
		var b strings.Builder
		fmt.Fprintf(&b, `<select name="%s" id="f-%s"><option value="">%s</option>`, name, name, all)
		for _, v := range vocab[name] {
			fmt.Fprintf(&b, `<option value="%s">%s</option>`, html.EscapeString(v[0]), html.EscapeString(v[1]))
		}
		return b.String() + "</select>\n"
	}
	return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Tìm kiếm</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<link rel="preload" href="/` + manifest + `" as="fetch" crossorigin></head><body><main>
<form id="search-form" role="search" action="/tim-kiem/" method="get" data-index="/` + manifest + `">
<label for="q">Từ khóa</label><input id="q" name="q" type="search" autocomplete="off">
` + sel(FacetProvince, "Tất cả tỉnh thành") + sel(FacetField, "Tất cả lĩnh vực") + sel(FacetKind, "Tất cả loại mô hình") + sel(FacetSection, "Tất cả mục") + `
<button type="submit">Tìm</button></form>
<p id="search-status" role="status" aria-live="polite"></p>
<ol id="search-results"></ol>
<div id="search-nojs"><p>Trang tìm kiếm cần JavaScript. Xem <a href="/mo-hinh/">các mô hình</a>.</p></div>
</main><script src="/assets/search.js" defer></script></body></html>`
}

// browser starts headless Chromium, or skips (fails under CI=true) when it
// is not installed.
func browser(t *testing.T) context.Context {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("no Chromium: %v", err)
		}
		t.Skipf("no Chromium: %v", err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath), chromedp.NoSandbox, chromedp.Headless, chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-quic", true), chromedp.Flag("no-first-run", true),
		chromedp.Flag("ignore-certificate-errors", true)) // TestBrowserLargeCorpus serves HTTP/2 over TLS
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel2 := chromedp.NewContext(actx)
	t.Cleanup(cancel2)
	if _, err := chromedp.Run(ctx, chromedp.Title()); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	return ctx
}

// A hit is a rendered result.
type hit struct {
	Href, Title, Meta, Snippet string
	Marks                      []string
}

// pageState is what the page shows once a search is done.
type pageState struct {
	Status, Search string
	Hits           []hit
	NoJSHidden     bool
	Scripts        int
	Options        map[string]string // select name → text of its selected option
	Live           string
	Ms             float64 // time since the navigation started
}

const readState = `(() => {
  const s = document.getElementById('search-status');
  if (!s || !s.textContent) return null;
  const opts = {};
  for (const sel of document.querySelectorAll('#search-form select')) opts[sel.name] = sel.options[sel.selectedIndex].textContent;
  return {
    Status: s.textContent, Search: location.search, Ms: performance.now(), Live: s.getAttribute('aria-live'),
    NoJSHidden: document.getElementById('search-nojs').hidden,
    Scripts: document.querySelectorAll('#search-results script, #search-results img').length,
    Options: opts,
    Hits: [...document.querySelectorAll('#search-results li')].map(li => ({
      Href: li.querySelector('a').getAttribute('href'), Title: li.querySelector('a').textContent,
      Meta: li.querySelector('.search-meta').textContent, Snippet: li.querySelector('.search-snippet').textContent,
      Marks: [...li.querySelectorAll('mark')].map(m => m.textContent) })),
  };
})()`

// fillerDocs are documents in a made-up vocabulary that matches none of the
// fixture's queries: they only make the index big enough to have many
// shards.
func fillerDocs(n int) []Doc {
	r := rand.New(rand.NewPCG(4, 4))
	word := func() string {
		var b strings.Builder
		for range 2 + r.IntN(2) {
			b.WriteByte("bgmpstv"[r.IntN(7)])
			b.WriteByte("aeiu"[r.IntN(4)])
		}
		return b.String()
	}
	text := func(n int) string {
		w := make([]string, n)
		for i := range w {
			w[i] = word()
		}
		return strings.Join(w, " ")
	}
	docs := make([]Doc, n)
	for i := range docs {
		docs[i] = Doc{URL: fmt.Sprintf("/tin-tuc/filler-%d/", i), Title: text(6), Section: secNews,
			Province: Term{"Huế", "hue"}, Date: "01/01/2020", Summary: text(20), Body: text(150)}
	}
	return docs
}

// serveIndex builds docs into a site with the search page and the minified
// client, served with a strict CSP, and returns its URL and a Searcher.
func serveIndex(t *testing.T, docs []Doc) (string, *Searcher) {
	t.Helper()
	idx, fsys := buildFS(t, docs)
	s, err := Open(fsys)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name string, b []byte) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, b := range idx.Files {
		write(name, b)
	}
	m := minify.New()
	m.AddFunc("application/javascript", js.Minify)
	client, err := m.Bytes("application/javascript", ClientJS())
	if err != nil {
		t.Fatal(err)
	}
	write("assets/search.js", client)
	write("tim-kiem/index.html", []byte(searchPage(idx.ManifestPath, s.m.Vocab)))
	files := http.FileServer(http.Dir(dir))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", csp)
		if r.URL.Path == "/favicon.ico" {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL, s
}

// load opens the search page with query and waits for the search to end.
func load(t *testing.T, ctx context.Context, base, query string) (pageState, time.Duration) {
	t.Helper()
	start := time.Now()
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/tim-kiem/"+query)); err != nil {
		t.Fatalf("loading %s: %v", query, err)
	}
	var err error
	for range 3 { // a poll can race the page's new execution context: retry
		var st pageState
		st, err = chromedp.Run(ctx, chromedp.Poll[pageState](readState, chromedp.WithPollingInterval(5*time.Millisecond), chromedp.WithPollingTimeout(10*time.Second)))
		if err == nil {
			return st, time.Since(start)
		}
	}
	t.Fatalf("loading %s: %v", query, err)
	return pageState{}, 0
}

// watchConsole collects exceptions, errors and CSP violations of the tab.
func watchConsole(t *testing.T, ctx context.Context) func() []string {
	var mu sync.Mutex
	var problems []string
	err := chromedp.Listen(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *runtime.EventExceptionThrown:
			problems = append(problems, fmt.Sprintf("exception: %+v", e.ExceptionDetails))
		case *log.EventEntryAdded:
			if e.Entry.Level == log.EntryLevelError {
				problems = append(problems, "log: "+e.Entry.Text)
			}
		case *runtime.EventConsoleAPICalled:
			if e.Type == "error" {
				problems = append(problems, "console.error")
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(problems)
	}
}

func q(s string) string { return "?q=" + url.QueryEscape(s) }

func TestBrowser(t *testing.T) {
	ctx := browser(t)
	problems := watchConsole(t, ctx)
	base, s := serveIndex(t, append(fixtureDocs(), fillerDocs(600)...))
	first := func(query, want string) pageState {
		t.Helper()
		st, took := load(t, ctx, base, query)
		if len(st.Hits) == 0 || st.Hits[0].Href != want {
			t.Errorf("%s: first hit %v, want %s (status %q)", query, st.Hits[:min(3, len(st.Hits))], want, st.Status)
		}
		t.Logf("%s: %d hits, shown %.0f ms after navigation start (%v round trip)", query, len(st.Hits), st.Ms, took)
		return st
	}

	const khanhHoa = "/mo-hinh/hoa-giai-khanh-hoa/"
	st := first(q("khanh hoa"), khanhHoa) // no accents
	if !st.NoJSHidden || st.Live != "polite" {
		t.Errorf("no-JS note hidden %v, aria-live %q", st.NoJSHidden, st.Live)
	}
	if want := "Tìm thấy"; !strings.HasPrefix(st.Status, want) || !strings.Contains(st.Status, "“khanh hoa”") {
		t.Errorf("status %q", st.Status)
	}
	first(q("Khánh Hoà"), khanhHoa)                          // the other tone-mark placement
	first(q(norm.NFD.String("Khánh Hòa")), khanhHoa)         // decomposed input
	first(q("dak lak"), "/dien-hinh/doi-xung-kich-dak-lak/") // đ typed as d
	st = first(q("camer"), "/mo-hinh/camera-an-ninh-phuong-yen-hoa/")
	if len(st.Hits[0].Marks) == 0 || st.Hits[0].Marks[0] != "camera" || !strings.Contains(st.Hits[0].Meta, "Hà Nội") {
		t.Errorf("camer: marks %q, meta %q", st.Hits[0].Marks, st.Hits[0].Meta)
	}
	first(q("khu dân cư"), "/mo-hinh/khu-dan-cu-an-toan/")
	st = first(q("đường"), "/mo-hinh/tuyen-duong-tu-quan/")

	// Filters, with a query and without one, and counts in the options.
	st = first(q("zalo")+"&tinh-thanh=da-nang", "/mo-hinh/zalo-an-ninh-da-nang/")
	if len(st.Hits) != 1 || st.Options[FacetProvince] != "Đà Nẵng (1)" {
		t.Errorf("zalo in da-nang: %d hits, option %q", len(st.Hits), st.Options[FacetProvince])
	}
	st, _ = load(t, ctx, base, "?tinh-thanh=khanh-hoa&section=mo-hinh")
	want, _, _ := s.Search("", Filters{Province: "khanh-hoa", Section: "mo-hinh"}, 0)
	if len(st.Hits) != min(10, len(want)) || len(want) == 0 || st.Hits[0].Href != want[0].URL {
		t.Errorf("filters only: %d hits, want %d starting with %v", len(st.Hits), len(want), want[:min(1, len(want))])
	}

	// A hostile title shows as text.
	st = first(q("giới thiệu"), "/trang/gioi-thieu/")
	if st.Hits[0].Title != "<script>alert(1)</script> Giới thiệu hòa bình" || st.Scripts != 0 ||
		!strings.Contains(st.Hits[0].Snippet, "<b>đậm</b>") {
		t.Errorf("hostile title: %+v, %d elements injected", st.Hits[0], st.Scripts)
	}

	// Nothing found.
	st, _ = load(t, ctx, base, q("xyzxyz"))
	if len(st.Hits) != 0 || !strings.HasPrefix(st.Status, "Không tìm thấy") {
		t.Errorf("xyzxyz: %d hits, status %q", len(st.Hits), st.Status)
	}

	// Typing updates results as you type, and the URL.
	start := time.Now()
	if err := chromedp.Do(ctx, chromedp.Focus(chromedp.CSS("#q")),
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(document.getElementById('q').value = '') === ''`))
			return err
		}),
		chromedp.SendKeys(chromedp.CSS("#q"), "tuần tra đườ")); err != nil {
		t.Fatalf("typing: %v", err)
	}
	typed, err := chromedp.Run(ctx, chromedp.Poll[pageState](`(() => { const st = `+readState+`; return st && st.Hits.length && st.Status.includes('đườ') && st.Search.includes('%C6%B0%E1%BB%9D') ? st : null; })()`,
		chromedp.WithPollingTimeout(10*time.Second)))
	if err != nil {
		t.Fatalf("typing: %v", err)
	}
	if typed.Hits[0].Href != "/mo-hinh/tuan-tra-duong-thuy/" {
		t.Errorf("typed “tuần tra đườ”: first hit %v", typed.Hits[0])
	}
	if v, _ := url.ParseQuery(strings.TrimPrefix(typed.Search, "?")); v.Get("q") != "tuần tra đườ" {
		t.Errorf("URL after typing: %q", typed.Search)
	}
	t.Logf("typing: results and URL in %v", time.Since(start))

	// Keyboard: ArrowDown from the query focuses the first result.
	err = chromedp.Do(ctx, chromedp.Focus(chromedp.CSS("#q")), chromedp.KeyEvent(kb.ArrowDown))
	if err != nil {
		t.Fatal(err)
	}
	focused, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.getAttribute('href') || ''`))
	if err != nil || focused != typed.Hits[0].Href {
		t.Errorf("ArrowDown focused %q (%v), want %q", focused, err, typed.Hits[0].Href)
	}

	for _, p := range problems() {
		t.Errorf("browser: %s", p)
	}
}

// typeTimes types text into the query box one character at a time, each
// time waiting for the search to end ("search-done" on the form) and the
// next frame, and returns the milliseconds each keystroke took.
const typeTimes = `(async text => {
  const input = document.getElementById('q'), form = document.getElementById('search-form');
  const times = [];
  input.value = '';
  for (let i = 1; i <= text.length; i++) {
    const t0 = performance.now();
    const done = new Promise(resolve => form.addEventListener('search-done', resolve, { once: true }));
    input.value = text.slice(0, i);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await done;
    await new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve)));
    times.push(performance.now() - t0);
  }
  return times;
})`

// TestBrowserMatchesGo loads queries over a larger synthetic corpus and
// requires the page to list the Go searcher's top 10, in order.
func TestBrowserMatchesGo(t *testing.T) {
	ctx := browser(t)
	problems := watchConsole(t, ctx)
	base, s := serveIndex(t, synthDocs(1500, 200, 31))
	for _, query := range []string{"camera an ninh", "khu dan cu", "hoà giải", "đường thuỷ", "tuan tr", "phong chay chua chay",
		"zalo xyz", "q=&tinh-thanh=ha-noi", "tuần tra&linh-vuc=phong-chong-toi-pham"} {
		qs, f := q(query), Filters{}
		if strings.HasPrefix(query, "q=") || strings.Contains(query, "&") {
			v, _ := url.ParseQuery(strings.TrimPrefix(query, "q="))
			text, _, _ := strings.Cut(query, "&")
			text = strings.TrimPrefix(text, "q=")
			qs = q(text) + "&" + strings.SplitN(query, "&", 2)[1]
			f = Filters{Province: v.Get(FacetProvince), Field: v.Get(FacetField)}
			query = text
		}
		want, _, err := s.Search(query, f, 10)
		if err != nil {
			t.Fatal(err)
		}
		st, took := load(t, ctx, base, qs)
		var got, wantURLs []string
		for _, h := range st.Hits {
			got = append(got, h.Href)
		}
		for _, r := range want {
			wantURLs = append(wantURLs, r.URL)
		}
		if !slices.Equal(got, wantURLs) {
			t.Errorf("%s: page lists %q, Go %q", qs, got, wantURLs)
		}
		t.Logf("%s: %d hits, shown %.0f ms after navigation start (%v round trip)", qs, len(got), st.Ms, took)
	}
	// As-you-type: each keystroke redraws the results.
	times, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](typeTimes+`("camera an ninh phường")`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if len(times) != len([]rune("camera an ninh phường")) {
		t.Errorf("%d searches for %d keystrokes", len(times), len([]rune("camera an ninh phường")))
	}
	slices.Sort(times)
	t.Logf("keystrokes to results painted: median %.1f ms, max %.1f ms (first use of a term fetches its shard)", times[len(times)/2], times[len(times)-1])
	for _, p := range problems() {
		t.Errorf("browser: %s", p)
	}
}
