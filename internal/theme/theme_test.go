package theme_test

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/lantoa/lantoa/internal/output"
	"github.com/lantoa/lantoa/internal/theme"
)

// site is a small theme: a base layout, a page layout that calls a cached
// partial, a standalone document and a layout with an error on line 3.
func site() fstest.MapFS {
	return fstest.MapFS{
		"themes/t/i18n/vi.toml": {Data: []byte(`hello = "Xin chào"` + "\n")},
		"themes/t/layouts/_default/baseof.html": {Data: []byte(`<!doctype html>
<html lang="vi">
<head>
  <title>{{.Title}}</title>
</head>
<body>
  <main>
    {{block "main" .}}{{end}}
  </main>
</body>
</html>
`)},
		"themes/t/layouts/partials/card.html": {Data: []byte(`<li>
  <a href="{{.URL}}">{{.Title}}</a>
</li>
`)},
		"themes/t/layouts/page.html": {Data: []byte(`{{define "main"}}
<h1>{{T "hello"}}, {{.Title}}</h1>
<ul>{{range .Cards}}{{partialCached "partials/card.html" . .URL}}{{end}}</ul>
{{end}}
`)},
		"themes/t/layouts/poster.html": {Data: []byte(`<!doctype html>
<html lang="vi">
<head>
  <title>Áp phích: {{.Title}}</title>
</head>
<body>
  <p>{{.Title}}</p>
</body>
</html>
`)},
		"themes/t/layouts/broken.html": {Data: []byte(`{{define "main"}}
<p>
  {{.Title}} {{T "khong-co"}}
</p>
{{end}}
`)},
	}
}

type card struct{ URL, Title string }

type view struct {
	Title string
	Cards []*card
}

func load(t *testing.T) *theme.Theme {
	t.Helper()
	m := output.NewMinifier()
	th, ds := theme.Load(site(), theme.Options{
		Name: "t", BaseURL: "https://vi-du.vn/", Location: time.UTC,
		Minify: func(mt string, data []byte) ([]byte, error) { return m.Bytes(mt, data) },
	})
	if err := ds.Err(); err != nil {
		t.Fatal(err)
	}
	return th
}

func render(t *testing.T, th *theme.Theme, layout string, v any) string {
	t.Helper()
	var b bytes.Buffer
	if err := th.Render(&b, layout, v); err != nil {
		t.Fatalf("%s: %v", layout, err)
	}
	return b.String()
}

func TestMinifiedLayouts(t *testing.T) {
	th := load(t)
	got := render(t, th, "page.html", &view{Title: "A < B", Cards: []*card{{"/a/", "Một"}}})
	want := `<!doctype html><html lang="vi"><head><title>A &lt; B</title></head><body><main><h1>Xin chào, A &lt; B</h1><ul><li><a href="/a/">Một</a></li></ul></main></body></html>`
	if got != want {
		t.Errorf("page:\n got %s\nwant %s", got, want)
	}
}

func TestStandaloneDocument(t *testing.T) {
	th := load(t)
	got := render(t, th, "poster.html", &view{Title: "Tổ tự quản"})
	if !strings.HasPrefix(got, "<!doctype html>") || strings.Count(got, "<html") != 1 || strings.Contains(got, "<main>") {
		t.Errorf("a layout that is a whole document went through the base layout: %s", got)
	}
	if !strings.Contains(got, "<title>Áp phích: Tổ tự quản</title>") {
		t.Errorf("poster: %s", got)
	}
}

func TestPartialCached(t *testing.T) {
	th := load(t)
	c := &card{"/a/", "Trước"}
	v := &view{Title: "x", Cards: []*card{c}}
	if got := render(t, th, "page.html", v); !strings.Contains(got, ">Trước<") {
		t.Fatalf("first render: %s", got)
	}
	// Same key: the first render is reused within a build.
	c.Title = "Sau"
	if got := render(t, th, "page.html", v); !strings.Contains(got, ">Trước<") {
		t.Errorf("partialCached rendered the same key twice: %s", got)
	}
	// A new build forgets it.
	th.ResetCache()
	if got := render(t, th, "page.html", v); !strings.Contains(got, ">Sau<") {
		t.Errorf("after ResetCache: %s", got)
	}
}

// A failed execution reports the line of the layout as written, not of
// its minified form (one line).
func TestErrorLineOfSource(t *testing.T) {
	th := load(t)
	var b bytes.Buffer
	err := th.Render(&b, "broken.html", &view{Title: "x"})
	if err == nil {
		t.Fatal("no error for a missing UI string")
	}
	if !strings.Contains(err.Error(), "themes/t/layouts/broken.html:3:") {
		t.Errorf("error %q does not name line 3 of the layout", err)
	}
}
