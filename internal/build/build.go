// Package build turns a site folder into a complete public/ folder.
//
// A build runs these stages; each reports diagnostics, and the build
// stops before writing anything when a stage found errors:
//
//	load     site.toml, data/ vocabularies, content/ pages (parallel)
//	select   drop drafts and future pages unless asked; check URLs
//	render   Markdown bodies with the one goldmark instance (parallel);
//	         links, anchors and images checked
//	model    sections, taxonomies, pagination, related pages, totals
//	write    every page through the theme's templates, minified, into a
//	         temporary folder by a bounded worker pool (one worker per
//	         CPU); then static files, assets, feeds, sitemap, robots.txt,
//	         _redirects, the search index; then the folder is swapped in
//	         atomically (see package output)
//
// The same input gives byte-identical output.
package build

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"
	"text/template"
	"time"

	"github.com/lantoa/lantoa/internal/config"
	"github.com/lantoa/lantoa/internal/content"
	"github.com/lantoa/lantoa/internal/diag"
	"github.com/lantoa/lantoa/internal/images"
	"github.com/lantoa/lantoa/internal/ledger"
	"github.com/lantoa/lantoa/internal/markdown"
	"github.com/lantoa/lantoa/internal/output"
	"github.com/lantoa/lantoa/internal/search"
	"github.com/lantoa/lantoa/internal/share"
	"github.com/lantoa/lantoa/internal/site"
	"github.com/lantoa/lantoa/internal/stats"
	"github.com/lantoa/lantoa/internal/theme"
	"github.com/lantoa/lantoa/internal/vi"
	"github.com/lantoa/lantoa/internal/vocab"
	"github.com/tdewolff/minify/v2"
)

// Options configure a build.
type Options struct {
	Source  string // site folder
	Dest    string // output folder; default Source/public
	Drafts  bool
	Future  bool
	BaseURL string    // overrides site.toml
	Now     time.Time // zero: time.Now()
	Serve   bool      // dev server build (reload script, no atomic swap needed)
	// CheckOnly validates without writing output (lantoa check).
	CheckOnly bool
	// ShareImages draws the 1200×630 share images (cached in
	// SITE/resources/share); off, pages still name them.
	ShareImages bool
}

// Result summarizes a build.
type Result struct {
	Pages  int // HTML pages written
	Files  int // all files written
	Static int // static files and resources copied
	Bytes  int64
	// ImagesProcessed and ImagesCached count responsive image work.
	ImagesProcessed, ImagesCached int
	// Stages is the wall time of each stage, in order.
	Stages   []Stage
	Duration time.Duration
	Diags    diag.List // warnings (and errors when the build failed)
}

// Stage is the duration of one build stage.
type Stage struct {
	Name     string
	Duration time.Duration
}

// ErrFailed is returned (wrapped) when the site has errors.
var ErrFailed = errors.New("có lỗi trong trang")

// Build builds the site described by o.
func Build(ctx context.Context, o Options) (*Result, error) {
	res, _, err := buildSite(ctx, o, nil)
	return res, err
}

// buildSite runs one build, a full one or a session's incremental one, and
// returns the builder for the session to keep.
func buildSite(ctx context.Context, o Options, s *Session) (*Result, *builder, error) {
	start := time.Now()
	if o.Dest == "" {
		o.Dest = path.Join(o.Source, "public")
	}
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	if !o.CheckOnly {
		if err := output.CheckDestination(o.Source, o.Dest); err != nil {
			return nil, nil, err
		}
	}
	// The site is read through an os.Root: a symbolic link that leads out
	// of the site folder (static/x → /etc/passwd) cannot be read.
	root, err := os.OpenRoot(o.Source)
	if err != nil {
		return nil, nil, fmt.Errorf("không mở được thư mục trang %s (nơi có site.toml): %w", o.Source, unwrapErr(err))
	}
	defer root.Close()
	b := &builder{o: o, fsys: root.FS(), min: output.NewMinifier(), md: markdown.New(), session: s}
	if s != nil && s.builder != nil {
		b.min, b.md = s.builder.min, s.builder.md
	}
	res := &Result{}
	ds, err := b.run(ctx, res)
	ds.Sort()
	res.Diags = ds
	res.Duration = time.Since(start)
	if err != nil {
		return res, b, err
	}
	if ds.HasErrors() {
		return res, b, ErrFailed
	}
	return res, b, nil
}

type builder struct {
	o    Options
	fsys fs.FS
	min  *minify.M
	md   *markdown.Renderer

	cfg   *config.Config
	voc   *vocab.Vocabularies
	th    *theme.Theme
	site  *site.Site
	pages []*site.Page

	images *imageSet
	index  *search.Index
	search *SearchData
	stats  *stats.Stats
	cardMu sync.Mutex
	cards  map[string]share.Card // share image URL → card

	static  map[string]string // URL path → site file ("static/x.png", "content/mo-hinh/a/b.jpg")
	byFile  map[string]string // site file → URL path
	fileURL map[string]string // content file → URL
	exists  map[string]bool   // every URL path that will exist

	session      *Session     // incremental rebuilds (lantoa serve); nil for a full build
	deferredDocs []search.Doc // session: the search index is built after the rebuild
	docs         []search.Doc // session: the search documents of this build
	keysMu       sync.Mutex
	newKeys      map[string]string     // render keys of this build (session)
	cardKeys     map[*site.Page]string // memoized card keys (session)
	byURL        map[string]*site.Page // content pages by URL (Session.quick)
}

func (b *builder) run(ctx context.Context, res *Result) (diag.List, error) {
	var ds diag.List
	last := time.Now()
	stage := func(name string) {
		now := time.Now()
		res.Stages = append(res.Stages, Stage{name, now.Sub(last)})
		last = now
	}
	cfg, d := config.Load(b.fsys)
	ds = append(ds, d...)
	if cfg == nil || d.HasErrors() {
		return ds, nil
	}
	if b.o.BaseURL != "" {
		if err := config.CheckBaseURL(b.o.BaseURL); err != nil {
			return ds, fmt.Errorf("--baseURL %q: %v", b.o.BaseURL, err)
		}
		cfg.BaseURL = strings.TrimSuffix(b.o.BaseURL, "/") + "/"
	}
	b.cfg = cfg
	voc, d := vocab.Load(b.fsys)
	ds = append(ds, d...)
	b.voc = voc
	if d.HasErrors() {
		return ds, nil
	}
	copt := content.Options{Vocab: voc, Location: cfg.Location, Now: b.o.Now}
	var pages []*content.Page
	if b.session != nil {
		pages, d = b.session.loadPages(b.fsys, copt, b.session.globalKey(b.fsys))
		b.newKeys = map[string]string{}
		b.cardKeys = map[*site.Page]string{}
	} else {
		pages, d = content.Load(b.fsys, copt)
	}
	ds = append(ds, d...)
	stage("load")
	pages = b.selectPages(pages)
	ds = append(ds, content.CheckURLs(pages)...)
	if ds.HasErrors() {
		return ds, nil
	}
	if err := ctx.Err(); err != nil {
		return ds, err
	}
	ds = append(ds, b.collectStatic(pages)...)
	b.plan(pages)
	if b.session != nil {
		if gen := urlKey(b); gen != b.session.urlGen {
			b.session.bodies = map[string]*bodyCache{}
			b.session.urlGen = gen
		}
	}
	ds = append(ds, b.checkReserved(pages)...)
	b.images = newImageSet(b.o.Source)
	entries, err := ledger.Read(b.fsys)
	if err != nil {
		ds = append(ds, diag.Errorf(diag.Pos{File: ledger.File}, "ledger", "không đọc được: %v", err))
	}
	var pageURLs []string
	for _, p := range pages {
		pageURLs = append(pageURLs, p.URL)
	}
	if !b.o.Drafts {
		ds = append(ds, ledger.Check(entries, b.exists, pageURLs)...)
	}
	stage("plan")
	b.pages = make([]*site.Page, len(pages))
	for i, p := range pages {
		b.pages[i] = &site.Page{Page: p}
	}
	s, d := site.New(cfg, voc, b.pages)
	ds = append(ds, d...)
	b.site = s
	if ss := b.session; ss != nil && ss.theme != nil && ss.themeKey == ss.global {
		b.th = ss.theme // nothing outside content/ changed
	} else {
		th, d := theme.Load(b.fsys, theme.Options{Name: cfg.Theme, BaseURL: cfg.BaseURL, Location: cfg.Location, Minify: b.minifyBytes, Extra: b.extraAssets()})
		ds = append(ds, d...)
		b.th = th
		if ss := b.session; ss != nil && !d.HasErrors() {
			ss.theme, ss.themeKey = th, ss.global
		}
	}
	if ds.HasErrors() {
		return ds, nil
	}
	b.th.ResetCache() // partialCached renders of a previous build are stale
	stage("model")
	if err := ctx.Err(); err != nil {
		return ds, err
	}
	if b.o.CheckOnly {
		results := make([]*markdown.Result, len(b.pages))
		dss := make([]diag.List, len(b.pages))
		parallel(len(b.pages), func(i int) {
			results[i], dss[i] = b.renderBody(b.pages[i])
			b.pages[i].Content = ""
		})
		for _, d := range dss {
			ds = append(ds, d...)
		}
		return append(ds, b.checkAnchors(results)...), nil
	}
	var dir *output.Dir
	if b.session != nil {
		// Check every body before touching the output.
		results := make([]*markdown.Result, len(b.pages))
		dss := make([]diag.List, len(b.pages))
		parallel(len(b.pages), func(i int) { results[i], dss[i] = b.renderBody(b.pages[i]) })
		for _, d := range dss {
			ds = append(ds, d...)
		}
		ds = append(ds, b.checkAnchors(results)...)
		if ds.HasErrors() {
			return ds, nil
		}
		dir, err = output.Reuse(b.o.Dest, b.session.out)
	} else {
		dir, err = output.Begin(b.o.Dest)
	}
	if err != nil {
		return ds, fmt.Errorf("không tạo được thư mục đầu ra: %w", err)
	}
	// Pass 1: every content page is rendered, written and forgotten
	// (only its text, for search, and its headings, for anchors, stay).
	d, err = b.writePages(ctx, dir, res)
	ds = append(ds, d...)
	stage("pages")
	if err != nil || ds.HasErrors() {
		dir.Abort()
		return ds, err
	}
	// Pass 2: lists, search, statistics, feeds, assets, static files.
	d, err = b.write(ctx, dir, res)
	ds = append(ds, d...)
	stage("lists")
	if err != nil || ds.HasErrors() {
		dir.Abort()
		return ds, err
	}
	if err := dir.Commit(); err != nil {
		dir.Abort()
		return ds, fmt.Errorf("không thay được thư mục đầu ra: %w", err)
	}
	stage("swap")
	res.Files, res.Bytes = dir.Files()
	if b.session != nil {
		b.session.out = dir.Hashes()
		b.session.keys = b.newKeys
		if b.index != nil {
			b.session.indexURL = "/" + b.index.ManifestPath
		}
		if b.deferredDocs != nil {
			b.session.indexLater(b)
		}
	}
	if !b.o.Drafts && !b.o.Future && !b.o.Serve {
		var record []string
		for _, p := range b.site.Pages {
			record = append(record, p.URL)
		}
		for _, sec := range b.site.Sections {
			if len(sec.Pages) > 0 {
				record = append(record, sec.URL)
			}
		}
		if _, err := ledger.Update(b.o.Source, entries, record); err != nil {
			ds = append(ds, diag.Warnf(diag.Pos{File: ledger.File}, "ledger", "không cập nhật được sổ đường dẫn: %v", err))
		}
	}
	return ds, nil
}

func (b *builder) minifyBytes(mt string, data []byte) ([]byte, error) {
	return b.min.Bytes(mt, data)
}

// selectPages drops drafts and future pages unless asked.
func (b *builder) selectPages(pages []*content.Page) []*content.Page {
	out := pages[:0]
	for _, p := range pages {
		if p.Draft && !b.o.Drafts {
			continue
		}
		if !b.o.Future && p.Date.After(b.o.Now) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// collectStatic lists static/ files and bundle resources.
func (b *builder) collectStatic(pages []*content.Page) diag.List {
	var ds diag.List
	b.static = map[string]string{}
	_ = fs.WalkDir(b.fsys, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p != "static" {
				ds = append(ds, diag.Errorf(diag.Pos{File: p}, "read", "không đọc được: %v", err))
			}
			return nil
		}
		if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		rel := strings.TrimPrefix(p, "static/")
		if _, err := output.CleanPath(rel); err != nil {
			ds = append(ds, diag.Errorf(diag.Pos{File: p}, "static", "tên tệp không dùng được: %v", err))
			return nil
		}
		b.static["/"+rel] = p
		return nil
	})
	for _, p := range pages {
		if !p.Bundle {
			continue
		}
		_ = fs.WalkDir(b.fsys, p.RawDir, func(f string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.HasSuffix(strings.ToLower(f), ".md") || strings.HasPrefix(d.Name(), ".") {
				return nil
			}
			rel := strings.TrimPrefix(f, p.RawDir+"/")
			b.static[p.URL+vi.NFC(rel)] = f // read by its name on disk
			return nil
		})
	}
	return ds
}

// plan computes every URL the site will have, for link checking.
func (b *builder) plan(pages []*content.Page) {
	b.fileURL = map[string]string{}
	b.exists = map[string]bool{}
	for _, p := range pages {
		b.fileURL[p.File] = p.URL
		b.exists[p.URL] = true
		for _, a := range p.Aliases {
			b.exists[a] = true
		}
		if p.Section != "" {
			b.exists["/"+p.Section+"/"] = true
		}
		if p.Province != nil {
			b.exists["/"+site.Provinces+"/"+p.Province.Slug+"/"] = true
		}
		for _, f := range p.Fields {
			b.exists["/"+site.Fields+"/"+f.Slug+"/"] = true
		}
		if p.Type != nil {
			b.exists["/"+site.Types+"/"+p.Type.Slug+"/"] = true
		}
	}
	b.byFile = map[string]string{}
	for u, f := range b.static {
		b.exists[u] = true
		// Pages name resources in NFC; the disk may use NFD.
		if strings.HasPrefix(f, content.Dir+"/") {
			b.byFile[path.Join(vi.NFC(path.Dir(f)), vi.NFC(path.Base(f)))] = u
		} else {
			b.byFile[vi.NFC(f)] = u
		}
	}
	for _, t := range b.voc.Provinces.Terms {
		b.exists["/"+site.Provinces+"/"+t.Slug+"/"] = true
	}
	for _, t := range b.voc.Fields.Terms {
		b.exists["/"+site.Fields+"/"+t.Slug+"/"] = true
	}
	for _, u := range []string{"/", "/tinh-thanh/", "/linh-vuc/", "/loai-mo-hinh/", "/tim-kiem/", "/thong-ke/", "/404.html", "/index.xml", "/sitemap.xml", "/robots.txt", "/mo-hinh/", "/dien-hinh/", "/tin-tuc/"} {
		b.exists[u] = true
	}
}

// checkReserved reports content pages and aliases that would land on a URL
// the build generates itself (lists, taxonomies, search, statistics).
func (b *builder) checkReserved(pages []*content.Page) diag.List {
	gen := map[string]string{
		"/": "trang chủ", "/tim-kiem/": "trang tìm kiếm", "/thong-ke/": "trang thống kê",
		"/404.html": "trang 404", "/index.xml": "RSS", "/sitemap.xml": "sitemap", "/robots.txt": "robots.txt",
		"/_redirects": "_redirects",
	}
	for _, t := range []string{site.Provinces, site.Fields, site.Types} {
		gen["/"+t+"/"] = "danh sách " + t
	}
	for u := range b.exists {
		for _, t := range []string{site.Provinces, site.Fields, site.Types} {
			if strings.HasPrefix(u, "/"+t+"/") {
				gen[u] = "trang " + t
			}
		}
	}
	var ds diag.List
	sections := map[string]bool{}
	for _, p := range pages {
		if p.Section == "" {
			continue
		}
		if what, ok := gen["/"+p.Section+"/"]; ok {
			ds = append(ds, diag.Errorf(diag.Pos{File: p.File, Line: 1, Col: 1}, "duplicate-url", "thư mục content/%s/ trùng với %s do lantoa tạo (/%s/): hãy đổi tên thư mục", p.Section, what, p.Section))
			continue
		}
		sections[p.Section] = true
	}
	for sec := range sections {
		gen["/"+sec+"/"] = "danh sách mục " + sec
	}
	if ds.HasErrors() {
		return ds
	}
	for _, p := range pages {
		if p.Kind == content.KindHome || p.Kind == content.KindSection {
			for _, a := range p.Aliases {
				if what, ok := gen[a]; ok {
					ds = append(ds, diag.Errorf(p.KeyPos("aliases"), "alias", "đường dẫn cũ %s trùng với %s do lantoa tạo", a, what))
				}
			}
			continue
		}
		if what, ok := gen[p.URL]; ok {
			ds = append(ds, diag.Errorf(diag.Pos{File: p.File, Line: 1, Col: 1}, "duplicate-url", "đường dẫn %s đã dành cho %s: hãy đổi tên tệp hoặc đặt slug khác", p.URL, what))
		}
		for _, a := range p.Aliases {
			if what, ok := gen[a]; ok {
				ds = append(ds, diag.Errorf(p.KeyPos("aliases"), "alias", "đường dẫn cũ %s trùng với %s do lantoa tạo", a, what))
			}
		}
	}
	return ds
}

// resolver answers the Markdown renderer's questions.
type resolver struct{ b *builder }

func (r resolver) FileURL(file string) (string, bool) { u, ok := r.b.fileURL[file]; return u, ok }
func (r resolver) Exists(u string) bool               { return r.b.exists[u] }
func (r resolver) Asset(file string) (*markdown.Picture, bool, error) {
	u, ok := r.b.byFile[file]
	if !ok {
		return nil, false, nil
	}
	pic, err := r.b.images.picture(r.b.fsys, r.b.static[u], u)
	return pic, true, err
}

// renderBody renders a page's Markdown and checks its images.
func (b *builder) renderBody(p *site.Page) (*markdown.Result, diag.List) {
	if s := b.session; s != nil {
		s.bmu.Lock()
		c, ok := s.bodies[p.File]
		s.bmu.Unlock()
		if ok && c.hash == p.Hash {
			p.Content, p.Text, p.Headings, p.Hero, p.HeroFile = c.html, c.text, c.heads, c.hero, c.heroF
			// The body's images are published by this build too.
			for _, img := range c.result.Images {
				_, _, _ = resolver{b}.Asset(img.File)
			}
			if p.HeroFile != "" {
				_, _ = b.images.picture(b.fsys, p.HeroFile, b.byFile[p.HeroFile])
			}
			return c.result, c.diags
		}
		r, ds := b.renderBodyUncached(p)
		s.bmu.Lock()
		s.bodies[p.File] = &bodyCache{hash: p.Hash, html: p.Content, text: p.Text, heads: p.Headings, result: r, diags: ds, hero: p.Hero, heroF: p.HeroFile}
		s.bmu.Unlock()
		return r, ds
	}
	return b.renderBodyUncached(p)
}

func (b *builder) renderBodyUncached(p *site.Page) (*markdown.Result, diag.List) {
	var r *markdown.Result
	if b.o.CheckOnly {
		r = b.md.Check(p.Page, resolver{b})
	} else {
		r = b.md.Render(p.Page, resolver{b})
		// Pages are not minified after rendering (their layouts were
		// when the theme loaded): the body is, here, once.
		if m, err := b.min.Bytes("text/html", r.HTML); err == nil {
			r.HTML = m
		}
	}
	p.Content, p.Text, p.Headings = htmlOf(r.HTML), r.Text, r.Headings
	ds := r.Diags
	for _, img := range r.Images {
		if st, err := fs.Stat(b.fsys, img.File); err == nil && st.Size() > maxImage {
			ds = append(ds, diag.Warnf(img.Pos, "image-size", "ảnh %s nặng %s MB (quá 5 MB): hãy thu nhỏ trước khi đăng", img.File, vi.FormatFloat(float64(st.Size())/1e6, 1)))
		}
	}
	if p.Image != "" {
		file := path.Join(p.Dir, p.Image)
		if strings.HasPrefix(p.Image, "/") {
			file = path.Join("static", p.Image)
		}
		if u, ok := b.byFile[file]; !ok {
			ds = append(ds, diag.Errorf(p.KeyPos("image"), "image-missing", "không tìm thấy ảnh %s", file))
		} else {
			pic, err := b.images.picture(b.fsys, b.static[u], u)
			if err != nil {
				ds = append(ds, diag.Warnf(p.KeyPos("image"), "image-process", "ảnh %s: %v; dùng nguyên ảnh gốc", file, err))
			}
			p.Hero, p.HeroFile = pic, file
		}
	}
	// Keep only what the anchor check needs; the Markdown is not needed
	// any more either.
	r.HTML, r.Text = nil, ""
	if b.session == nil {
		p.Body, r.Images = nil, nil // sessions compare images (Session.quick)
	}
	return r, ds
}

// checkAnchors reports same-site links whose #fragment is not a heading id
// of the target page.
func (b *builder) checkAnchors(results []*markdown.Result) diag.List {
	ids := map[string]map[string]bool{}
	for _, p := range b.pages {
		set := make(map[string]bool, len(p.Headings))
		for _, h := range p.Headings {
			set[h.ID] = true
		}
		ids[p.URL] = set
	}
	var ds diag.List
	for _, r := range results {
		if r == nil {
			continue
		}
		for _, l := range r.Links {
			set, isPage := ids[l.URL]
			if !isPage {
				continue
			}
			if !set[l.Fragment] && !footnoteID(l.Fragment) {
				ds = append(ds, diag.Errorf(l.Pos, "anchor", "liên kết tới #%s: trang %s không có mục nào có mã này", l.Fragment, l.URL))
			}
		}
	}
	return ds
}

// footnoteID reports whether id is one goldmark gives footnotes and their
// back references: a link to it needs no heading.
func footnoteID(id string) bool {
	return strings.HasPrefix(id, "fn:") || strings.HasPrefix(id, "fnref:")
}

const maxImage = 5 << 20

// parallel runs f(0..n-1) on one worker per CPU.
func parallel(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), max(n, 1))
	var wg sync.WaitGroup
	next := make(chan int, workers)
	for range workers {
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// job is one file to write.
type job struct {
	path   string // output path
	layout string
	view   *View
	data   []byte          // preset content (no template)
	mime   string          // minify type for data
	key    string          // render key (sessions): unchanged key, unchanged output
	keep   bool            // sessions: keep the file as it is
	file   *images.Variant // published by output.Dir.Link from its cache file
}

// emit renders (when it has a layout) and writes one job; preset data
// with a media type is minified first.
// A template error is a diagnostic; a write error is fatal.
func (b *builder) emit(dir *output.Dir, j job, buf *bytes.Buffer) (*diag.Diagnostic, error) {
	if j.keep {
		dir.Keep(j.path)
		return nil, nil
	}
	if j.file != nil {
		return nil, dir.Link(j.path, j.file.Path, int64(j.file.Size), j.file.Sum)
	}
	if j.key != "" && b.session != nil {
		b.keysMu.Lock()
		b.newKeys[j.path] = j.key
		b.keysMu.Unlock()
		if b.session.keys[j.path] == j.key && dir.Has(j.path) {
			dir.Keep(j.path)
			return nil, nil
		}
		if j.layout == "" && j.data == nil {
			return nil, fmt.Errorf("lantoa: %s: unchanged output missing from the previous build", j.path)
		}
	}
	data := j.data
	if j.layout != "" {
		buf.Reset()
		if err := b.th.Render(buf, j.layout, j.view); err != nil {
			d := diag.Errorf(diag.Pos{File: b.th.File(j.layout)}, "template", "lỗi khi hiển thị %s: %v", j.path, err)
			var ee template.ExecError
			if errors.As(err, &ee) && strings.Contains(ee.Name, "/") {
				d.File = ee.Name // templates are named by their file path
			}
			return &d, nil
		}
		// The layouts were minified when the theme loaded and the
		// bodies when they were rendered: the page is written as is.
		data = buf.Bytes()
	} else if j.mime != "" {
		if m, err := b.min.Bytes(j.mime, data); err == nil {
			data = m
		}
	}
	return nil, dir.Write(j.path, data)
}

// runJobs renders and writes jobs with a bounded pool; it stops at the
// first fatal error or template error and collects diagnostics.
func (b *builder) runJobs(ctx context.Context, dir *output.Dir, jobs []job) (diag.List, error) {
	var mu sync.Mutex
	var ds diag.List
	var fatal error
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	pool := sync.Pool{New: func() any { return new(bytes.Buffer) }}
	parallel(len(jobs), func(i int) {
		if ctx.Err() != nil {
			return
		}
		buf := pool.Get().(*bytes.Buffer)
		defer pool.Put(buf)
		d, err := b.emit(dir, jobs[i], buf)
		if d != nil || err != nil {
			mu.Lock()
			if d != nil {
				ds = append(ds, *d)
			}
			if err != nil && fatal == nil {
				fatal = err
			}
			mu.Unlock()
			cancel()
		}
	})
	if fatal != nil {
		return ds, fatal
	}
	if err := ctx.Err(); err != nil && !ds.HasErrors() {
		return ds, err
	}
	return ds, nil
}

func sortedKeys[M ~map[string]V, V any](m M) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}
