// Package theme loads a site's templates, UI strings and assets and
// renders views to HTML.
//
// # Lookup
//
// A template is named by its path under layouts/ ("mo-hinh/single.html").
// The site's own layouts/ folder is searched first, then
// themes/NAME/layouts/. Errors carry the file path of the template
// ("themes/default/layouts/mo-hinh/single.html:12: …").
//
// Every page template defines a block "main" (and may define "head") and
// is executed through _default/baseof.html, unless it is a whole document
// (its text starts with <!doctype html>: the printable poster); partials/*.html are available
// to every template as {{template "partials/NAME.html" .}}.
//
// # Functions
//
//	date t        dd/mm/yyyy in the site time zone ("" for a zero time)
//	isodate t     RFC 3339 in the site time zone (+07:00)
//	num n         124.000 (int, *int, int64)
//	slugify s     the Vietnamese transliteration used for URLs
//	absURL p      baseURL + p ("https://…/mo-hinh/x/")
//	relURL p      p as a site path
//	T key         a UI string from i18n/vi.toml (site i18n/ overrides theme); a missing key is an error
//	asset name    the fingerprinted URL of assets/NAME ("/assets/style.3f2a9c1e.css")
//	add a b, sub a b, seq n, list a b…, dict k v…, truncate n s, hasPrefix s p
//	urlRoot p     the first folder of a site path ("/mo-hinh/x/" → "/mo-hinh/")
//	partialCached name data keys…
//	              the partial rendered once per build per distinct keys
//	              (Hugo's partialCached): the keys must determine its output
//
// # Assets
//
// Files under themes/NAME/assets/ (then the site's assets/) are minified
// by the caller's minifier and published under /assets/ with the first 8
// hex digits of their SHA-256 in the name: assets/css/style.css →
// /assets/style.3f2a9c1e.css.
package theme

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
	"text/template/parse"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/lantoa/lantoa/internal/diag"
	"github.com/lantoa/lantoa/internal/vi"
)

// Asset is a published theme asset.
type Asset struct {
	Name string // "css/style.css"
	URL  string // "/assets/style.3f2a9c1e.css"
	Data []byte // minified
}

// MediaTemplate is the media type Options.Minify receives for an HTML
// layout: an HTML minifier that keeps {{…}} actions as they are.
const MediaTemplate = "text/x-go-template"

// Theme is a loaded theme.
type Theme struct {
	Name    string
	dirs    []string // layout roots, most specific first
	layouts map[string]*template.Template
	// source holds the layouts as written when layouts holds minified
	// ones: a failed execution is repeated on them so that the error
	// names the line the theme author wrote.
	source map[string]*template.Template
	// partials execute partialCached: the shared set of partials and the
	// base layout (minified when layouts are), and the set as written.
	partials, sourcePartials *template.Template
	cache                    sync.Map          // partialCached: name and keys → template.HTML
	documents                map[string]bool   // layouts that are whole documents (see document)
	files                    map[string]string // layout name → file
	strings                  map[string]string
	assets                   map[string]*Asset
	baseURL                  string
	loc                      *time.Location
}

// Options configure Load.
type Options struct {
	Name     string // theme name
	BaseURL  string // with trailing slash
	Location *time.Location
	// Minify minifies an asset of the given media type; nil keeps it as is.
	// When set, .html layouts are minified too, once, at load: Minify is
	// called with MediaTemplate and the template source (see Render).
	Minify func(mediaType string, data []byte) ([]byte, error)
	// Extra assets added by the build (e.g. the search client), by name.
	Extra map[string][]byte
	// Funcs adds template functions.
	Funcs template.FuncMap
}

// Load reads the theme from the site folder fsys.
func Load(fsys fs.FS, o Options) (*Theme, diag.List) {
	themeDir := path.Join("themes", o.Name)
	if _, err := fs.Stat(fsys, themeDir); err != nil {
		return nil, diag.List{diag.Errorf(diag.Pos{File: "site.toml"}, "theme", "không tìm thấy giao diện %q (thư mục %s)", o.Name, themeDir)}
	}
	t := &Theme{Name: o.Name, dirs: []string{"layouts", path.Join(themeDir, "layouts")}, layouts: map[string]*template.Template{}, baseURL: o.BaseURL, loc: o.Location, assets: map[string]*Asset{}}
	var ds diag.List
	ds = append(ds, t.loadStrings(fsys, themeDir)...)
	ds = append(ds, t.loadAssets(fsys, themeDir, o)...)
	if ds.HasErrors() {
		return nil, ds
	}
	funcs := t.funcs()
	for k, v := range o.Funcs {
		funcs[k] = v
	}
	// Collect layout files: name → file, site first.
	files := map[string]string{}
	for _, dir := range t.dirs {
		_ = fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") && !strings.HasSuffix(p, ".xml") {
				return nil
			}
			name := strings.TrimPrefix(p, dir+"/")
			if _, ok := files[name]; !ok {
				files[name] = p
			}
			return nil
		})
	}
	if _, ok := files["_default/baseof.html"]; !ok {
		return nil, diag.List{diag.Errorf(diag.Pos{File: path.Join(themeDir, "layouts/_default/baseof.html")}, "template", "giao diện thiếu _default/baseof.html")}
	}
	t.files = files
	// The layouts as written first: their errors name the author's lines.
	layouts, partials, lds := parseLayouts(fsys, files, funcs, nil)
	ds = append(ds, lds...)
	if ds.HasErrors() {
		return nil, ds
	}
	t.layouts, t.partials = layouts, partials
	// Known before any execution: escaping rewrites the trees.
	t.documents = map[string]bool{}
	for n, tm := range layouts {
		t.documents[n] = document(tm.Lookup(files[n]))
	}
	if o.Minify != nil {
		// Minified once here rather than every page after rendering: the
		// output is then minified but for the values the templates insert.
		min := func(name string, src []byte) ([]byte, error) {
			if !strings.HasSuffix(name, ".html") {
				return src, nil
			}
			return o.Minify(MediaTemplate, src)
		}
		small, smallPartials, mds := parseLayouts(fsys, files, funcs, min)
		if mds.HasErrors() {
			return nil, mds
		}
		t.source, t.layouts = layouts, small
		t.sourcePartials, t.partials = partials, smallPartials
	}
	return t, ds
}

// parseLayouts parses every layout file into one template set per page
// layout (partials and the base layout shared), transforming each source
// with min when it is not nil. It also returns the set of partials alone.
func parseLayouts(fsys fs.FS, files map[string]string, funcs template.FuncMap, min func(name string, src []byte) ([]byte, error)) (map[string]*template.Template, *template.Template, diag.List) {
	var ds diag.List
	parse := func(tm *template.Template, name string) error {
		file := files[name]
		src, err := fs.ReadFile(fsys, file)
		if err != nil {
			return err
		}
		if min != nil {
			if src, err = min(name, src); err != nil {
				return fmt.Errorf("rút gọn mẫu: %w", err)
			}
		}
		// Templates are named by file path so errors carry it.
		_, err = tm.New(file).Parse(string(src))
		return err
	}
	base := template.New("").Funcs(funcs)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		if strings.HasPrefix(n, "partials/") || n == "_default/baseof.html" {
			if err := parse(base, n); err != nil {
				ds = append(ds, templateDiag(files[n], err))
				continue
			}
			// Partials are called by their layout name.
			if _, err := base.AddParseTree(n, base.Lookup(files[n]).Tree); err != nil {
				ds = append(ds, templateDiag(files[n], err))
			}
		}
	}
	if ds.HasErrors() {
		return nil, nil, ds
	}
	layouts := map[string]*template.Template{}
	for _, n := range names {
		if strings.HasPrefix(n, "partials/") || n == "_default/baseof.html" {
			continue
		}
		c, err := base.Clone()
		if err != nil {
			ds = append(ds, templateDiag(files[n], err))
			continue
		}
		if err := parse(c, n); err != nil {
			ds = append(ds, templateDiag(files[n], err))
			continue
		}
		if c.Lookup(files[n]).Tree != nil && c.Lookup("main") == nil && !strings.HasSuffix(n, ".xml") {
			ds = append(ds, diag.Errorf(diag.Pos{File: files[n]}, "template", "mẫu trang phải định nghĩa {{define \"main\"}}"))
			continue
		}
		layouts[n] = c
	}
	// Executed only by partialCached, after every clone was made.
	partials, err := base.Clone()
	if err != nil {
		ds = append(ds, templateDiag(files["_default/baseof.html"], err))
	}
	return layouts, partials, ds
}

func templateDiag(file string, err error) diag.Diagnostic {
	return diag.Errorf(diag.Pos{File: file}, "template", "lỗi trong mẫu giao diện: %v", err)
}

// File returns the file a layout was read from ("themes/default/layouts/x.html").
func (t *Theme) File(name string) string {
	if f, ok := t.files[name]; ok {
		return f
	}
	return name
}

// Has reports whether a layout exists.
func (t *Theme) Has(name string) bool { _, ok := t.layouts[name]; return ok }

// Lookup returns the first existing layout among names.
func (t *Theme) Lookup(names ...string) (string, bool) {
	for _, n := range names {
		if t.Has(n) {
			return n, true
		}
	}
	return "", false
}

// Render executes layout name through the base layout into w.
//
// With Options.Minify, the layouts executed are minified; when one fails,
// the layout as written is executed on the same data so that the error
// carries the author's line numbers.
func (t *Theme) Render(w *bytes.Buffer, name string, data any) error {
	err := t.render(t.layouts, w, name, data)
	if err != nil && t.source != nil {
		var scratch bytes.Buffer
		if serr := t.render(t.source, &scratch, name, data); serr != nil {
			err = serr
		}
	}
	return err
}

func (t *Theme) render(layouts map[string]*template.Template, w *bytes.Buffer, name string, data any) error {
	tm, ok := layouts[name]
	if !ok {
		return fmt.Errorf("không có mẫu %s", name)
	}
	entry := "_default/baseof.html"
	if strings.HasSuffix(name, ".xml") || t.documents[name] {
		entry = name
	}
	et := tm.Lookup(entry)
	if entry == name {
		et = tm.Lookup(t.files[name])
	}
	if et == nil {
		return fmt.Errorf("không có mẫu %s", entry)
	}
	return et.Execute(w, data)
}

// document reports whether a layout is a whole HTML document (its text
// starts with <!doctype html>): it is then executed as is, without the
// base layout.
func document(tm *template.Template) bool {
	if tm == nil || tm.Tree == nil || tm.Tree.Root == nil {
		return false
	}
	for _, n := range tm.Tree.Root.Nodes {
		tn, ok := n.(*parse.TextNode)
		if !ok {
			return false
		}
		txt := bytes.TrimSpace(tn.Text)
		if len(txt) == 0 {
			continue
		}
		return len(txt) >= 9 && strings.EqualFold(string(txt[:9]), "<!doctype")
	}
	return false
}

// Assets returns the published assets sorted by URL.
func (t *Theme) Assets() []*Asset {
	out := make([]*Asset, 0, len(t.assets))
	for _, a := range t.assets {
		out = append(out, a)
	}
	slices.SortFunc(out, func(a, b *Asset) int { return strings.Compare(a.URL, b.URL) })
	return out
}

// AssetURL returns the URL of a named asset.
func (t *Theme) AssetURL(name string) (string, error) {
	a, ok := t.assets[name]
	if !ok {
		return "", fmt.Errorf("không có tệp giao diện assets/%s", name)
	}
	return a.URL, nil
}

// Asset returns a named asset.
func (t *Theme) Asset(name string) (*Asset, bool) { a, ok := t.assets[name]; return a, ok }

// String returns a UI string.
func (t *Theme) String(key string) (string, error) {
	s, ok := t.strings[key]
	if !ok {
		return "", fmt.Errorf("thiếu chuỗi giao diện %q trong i18n/vi.toml", key)
	}
	return s, nil
}

func (t *Theme) loadStrings(fsys fs.FS, themeDir string) diag.List {
	t.strings = map[string]string{}
	var ds diag.List
	for _, file := range []string{path.Join(themeDir, "i18n/vi.toml"), "i18n/vi.toml"} {
		data, err := fs.ReadFile(fsys, file)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			ds = append(ds, diag.Errorf(diag.Pos{File: file}, "i18n", "không đọc được: %v", err))
			continue
		}
		var m map[string]string
		if _, err := toml.Decode(string(data), &m); err != nil {
			p := diag.Pos{File: file}
			var pe toml.ParseError
			if errors.As(err, &pe) {
				p.Line, p.Col = pe.Position.Line, pe.Position.Col
			}
			ds = append(ds, diag.Errorf(p, "i18n", "tệp chuỗi giao diện sai cú pháp: %v", err))
			continue
		}
		for k, v := range m {
			t.strings[k] = vi.NFC(v)
		}
	}
	return ds
}

var mediaTypes = map[string]string{".css": "text/css", ".js": "application/javascript", ".svg": "image/svg+xml", ".json": "application/json"}

func (t *Theme) loadAssets(fsys fs.FS, themeDir string, o Options) diag.List {
	var ds diag.List
	srcs := map[string][]byte{}
	for _, dir := range []string{path.Join(themeDir, "assets"), "assets"} {
		_ = fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			data, err := fs.ReadFile(fsys, p)
			if err != nil {
				ds = append(ds, diag.Errorf(diag.Pos{File: p}, "asset", "không đọc được: %v", err))
				return nil
			}
			srcs[strings.TrimPrefix(p, dir+"/")] = data
			return nil
		})
	}
	for n, d := range o.Extra {
		srcs[n] = d
	}
	for name, data := range srcs {
		ext := path.Ext(name)
		if o.Minify != nil {
			if mt, ok := mediaTypes[ext]; ok {
				m, err := o.Minify(mt, data)
				if err != nil {
					ds = append(ds, diag.Errorf(diag.Pos{File: name}, "asset", "không rút gọn được: %v", err))
					continue
				}
				data = m
			}
		}
		sum := sha256.Sum256(data)
		base := strings.TrimSuffix(path.Base(name), ext)
		url := "/assets/" + base + "." + hex.EncodeToString(sum[:4]) + ext
		t.assets[name] = &Asset{Name: name, URL: url, Data: data}
	}
	return ds
}

func (t *Theme) funcs() template.FuncMap {
	return template.FuncMap{
		"date": func(v any) string {
			tm, ok := v.(time.Time)
			if !ok || tm.IsZero() {
				return ""
			}
			return vi.FormatDate(tm, t.loc)
		},
		"isodate": func(v any) string {
			tm, ok := v.(time.Time)
			if !ok || tm.IsZero() {
				return ""
			}
			return tm.In(t.loc).Format(time.RFC3339)
		},
		"num":     Num,
		"slugify": vi.Slug,
		"absURL": func(p string) string {
			return strings.TrimSuffix(t.baseURL, "/") + "/" + strings.TrimPrefix(p, "/")
		},
		"relURL": func(p string) string { return "/" + strings.TrimPrefix(p, "/") },
		"T":      t.String,
		"asset":  t.AssetURL,
		"add":    func(a, b int) int { return a + b },
		"sub":    func(a, b int) int { return a - b },
		"seq": func(n int) []int {
			s := make([]int, max(n, 0))
			for i := range s {
				s[i] = i + 1
			}
			return s
		},
		"list": func(xs ...any) []any { return xs },
		"dict": func(kv ...any) (map[string]any, error) {
			if len(kv)%2 != 0 {
				return nil, errors.New("dict cần số tham số chẵn")
			}
			m := map[string]any{}
			for i := 0; i < len(kv); i += 2 {
				k, ok := kv[i].(string)
				if !ok {
					return nil, errors.New("khóa của dict phải là chuỗi")
				}
				m[k] = kv[i+1]
			}
			return m, nil
		},
		"truncate": func(n int, s string) string {
			r := []rune(s)
			if len(r) <= n {
				return s
			}
			cut := string(r[:n])
			if i := strings.LastIndex(cut, " "); i > n/2 {
				cut = cut[:i]
			}
			return strings.TrimRight(cut, " ,.;:") + "…"
		},
		"hasPrefix":     strings.HasPrefix,
		"partialCached": t.partialCached,
		"urlRoot":       urlRoot,
	}
}

// partialCached renders a partial once per build for each distinct list
// of keys, as Hugo's partialCached does: the keys must determine the
// output (a card keyed by its page's URL; a header by what it marks as
// current). ResetCache forgets the renders of the previous build.
func (t *Theme) partialCached(name string, data any, keys ...any) (template.HTML, error) {
	var k strings.Builder
	k.WriteString(name)
	for _, x := range keys {
		k.WriteByte(0)
		fmt.Fprint(&k, x)
	}
	key := k.String()
	if h, ok := t.cache.Load(key); ok {
		return h.(template.HTML), nil
	}
	var buf bytes.Buffer
	if err := t.partials.ExecuteTemplate(&buf, name, data); err != nil {
		if t.sourcePartials != nil {
			if serr := t.sourcePartials.ExecuteTemplate(io.Discard, name, data); serr != nil {
				return "", serr
			}
		}
		return "", err
	}
	h := template.HTML(buf.String()) //nolint:gosec // the output of an html/template
	t.cache.Store(key, h)
	return h, nil
}

// ResetCache forgets what partialCached rendered: call it before each
// build that reuses the theme.
func (t *Theme) ResetCache() { t.cache.Clear() }

// urlRoot returns the first segment of a site path as a folder:
// "/mo-hinh/x/" → "/mo-hinh/", "/" → "/".
func urlRoot(p string) string {
	rest := strings.TrimPrefix(p, "/")
	if i := strings.IndexByte(rest, '/'); i >= 0 {
		return "/" + rest[:i+1]
	}
	return "/"
}

// Num formats an integer the Vietnamese way; nil pointers give "".
func Num(v any) string {
	switch n := v.(type) {
	case int:
		return vi.FormatInt(int64(n))
	case int64:
		return vi.FormatInt(n)
	case *int:
		if n == nil {
			return ""
		}
		return vi.FormatInt(int64(*n))
	case float64:
		return vi.FormatFloat(n, 0)
	}
	return fmt.Sprint(v)
}
