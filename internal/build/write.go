package build

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/lantoa/lantoa/internal/content"
	"github.com/lantoa/lantoa/internal/diag"
	"github.com/lantoa/lantoa/internal/markdown"
	"github.com/lantoa/lantoa/internal/output"
	"github.com/lantoa/lantoa/internal/site"
)

func htmlOf(b []byte) template.HTML { return template.HTML(b) } //nolint:gosec // rendered by our goldmark with raw HTML escaped

// abs makes an absolute URL of a site path.
func (b *builder) abs(p string) string {
	return strings.TrimSuffix(b.cfg.BaseURL, "/") + "/" + strings.TrimPrefix(p, "/")
}

// write produces every output file.
func (b *builder) write(ctx context.Context, dir *output.Dir, res *Result) (diag.List, error) {
	var jobs []job
	s := b.site
	t0 := time.Now()
	if ds := b.prepare(); ds.HasErrors() {
		return ds, nil
	}
	res.Stages = append(res.Stages, Stage{"index", time.Since(t0)})
	add := func(v *View, layouts ...string) error {
		name, ok := b.th.Lookup(layouts...)
		if !ok {
			return fmt.Errorf("giao diện thiếu mẫu cho %s (cần một trong %s)", v.URL, strings.Join(layouts, ", "))
		}
		j := job{path: output.URLToFile(v.URL), layout: name, view: v}
		if b.session != nil && (v.Kind == "section" || v.Kind == "term") {
			j.key = b.listKey(v)
			if b.session.keys[j.path] == j.key && !b.o.ShareImages {
				j.layout, j.view = "", nil // unchanged: kept by emit
			} else if b.lazyDecorate(v) {
				b.decorate(v)
			}
		}
		jobs = append(jobs, j)
		return nil
	}
	// Home.
	if err := add(b.homeView(), "index.html"); err != nil {
		return nil, err
	}
	// Sections.
	for _, sec := range s.Sections {
		for _, pg := range site.Paginate(sec.Pages, b.cfg.Paginate, sec.URL) {
			if err := add(b.sectionView(sec, pg), sec.Name+"/list.html", "_default/list.html"); err != nil {
				return nil, err
			}
		}
	}
	// Taxonomies.
	for _, t := range s.Taxonomies {
		if err := add(b.termsView(t), "taxonomy/"+t.Name+".terms.html", "taxonomy/terms.html"); err != nil {
			return nil, err
		}
		for _, e := range t.Terms {
			for _, pg := range site.Paginate(e.Pages, b.cfg.Paginate, e.URL) {
				if err := add(b.termView(t, e, pg), "taxonomy/"+t.Name+".html", "taxonomy/term.html"); err != nil {
					return nil, err
				}
			}
		}
	}
	// Search, 404.
	if err := add(b.searchView(), "tim-kiem.html"); err != nil {
		return nil, err
	}
	nf := b.baseView("404", "Không tìm thấy trang", "/404.html")
	nf.NoIndex = true
	nf.Canonical = ""
	if err := add(nf, "404.html"); err != nil {
		return nil, err
	}
	more, err := b.extraJobs(add)
	if err != nil {
		return nil, err
	}
	jobs = append(jobs, more...)
	for _, j := range jobs {
		if j.layout != "" {
			res.Pages++
		}
	}
	jobs = append(jobs, b.feedJobs()...)
	cards, cds := b.cardJobs()
	if cds.HasErrors() {
		return cds, nil
	}
	jobs = append(jobs, cards...)
	// Assets.
	for _, a := range b.th.Assets() {
		jobs = append(jobs, job{path: strings.TrimPrefix(a.URL, "/"), data: a.Data})
	}
	// Static files and bundle resources.
	jobs = append(jobs, b.images.jobs()...)
	stat := b.images.proc.Stats()
	res.ImagesProcessed, res.ImagesCached = stat.Processed, stat.Cached
	for _, u := range sortedKeys(b.static) {
		if f := b.static[u]; strings.HasPrefix(f, "content/") && b.images.used[f] {
			continue // processed originals are not published
		}
		data, err := fs.ReadFile(b.fsys, b.static[u])
		if err != nil {
			return nil, fmt.Errorf("%s: %w", b.static[u], err)
		}
		jobs = append(jobs, job{path: strings.TrimPrefix(u, "/"), data: data})
		res.Static++
	}
	ds, err := b.runJobs(ctx, dir, jobs)
	return ds, err
}

// feedJobs makes sitemap.xml, robots.txt, RSS feeds and _redirects.
func (b *builder) feedJobs() []job {
	s := b.site
	var urls []output.SitemapURL
	urls = append(urls, output.SitemapURL{Loc: b.abs("/")})
	for _, sec := range s.Sections {
		if len(sec.Pages) > 0 {
			urls = append(urls, output.SitemapURL{Loc: b.abs(sec.URL)})
		}
	}
	for _, t := range s.Taxonomies {
		urls = append(urls, output.SitemapURL{Loc: b.abs(t.URL)})
		for _, e := range t.Terms {
			urls = append(urls, output.SitemapURL{Loc: b.abs(e.URL)})
		}
	}
	urls = append(urls, output.SitemapURL{Loc: b.abs("/tim-kiem/")})
	for _, p := range s.Pages {
		lm := p.Lastmod
		if lm.IsZero() {
			lm = p.Date
		}
		urls = append(urls, output.SitemapURL{Loc: b.abs(p.URL), Lastmod: lm})
	}
	urls = append(urls, output.SitemapURL{Loc: b.abs("/thong-ke/")})
	jobs := []job{
		{path: "sitemap.xml", data: output.Sitemap(urls)},
		{path: "robots.txt", data: output.Robots(b.abs("/sitemap.xml"))},
	}
	feed := func(title, link, self string, pages []*site.Page) []byte {
		f := output.Feed{Title: title, Link: b.abs(link), Description: b.cfg.Description, SelfURL: b.abs(self)}
		for i, p := range pages {
			if i == 50 {
				break
			}
			if f.Updated.IsZero() || p.Date.After(f.Updated) {
				f.Updated = p.Date
			}
			cat := ""
			if p.Section != nil {
				cat = p.Section.Title
			}
			f.Items = append(f.Items, output.FeedItem{Title: p.Title, Link: b.abs(p.URL), Description: p.Summary, Date: p.Date, Category: cat})
		}
		return output.RSS(f)
	}
	jobs = append(jobs, job{path: "index.xml", data: feed(b.cfg.Title, "/", "/index.xml", s.Stories())})
	for _, sec := range s.Sections {
		if len(sec.Pages) == 0 {
			continue
		}
		jobs = append(jobs, job{path: strings.TrimPrefix(sec.URL, "/") + "index.xml", data: feed(sec.Title+" · "+b.cfg.Title, sec.URL, sec.URL+"index.xml", sec.Pages)})
	}
	var rs []output.Redirect
	for _, p := range b.pages { // home and section intros may have aliases too
		for _, a := range p.Aliases {
			rs = append(rs, output.Redirect{From: a, To: p.URL})
		}
	}
	data, err := output.Redirects(rs)
	if err != nil {
		data = nil
	}
	jobs = append(jobs, job{path: "_redirects", data: data})
	return jobs
}

func (b *builder) baseView(kind, title, url string) *View {
	return &View{
		Site:        b.site,
		Kind:        kind,
		Title:       title,
		Description: b.cfg.Description,
		URL:         url,
		Canonical:   b.abs(url),
		OGType:      "website",
		Serve:       b.o.Serve,
	}
}

func (b *builder) pageView(p *site.Page) *View {
	v := b.baseView("single", p.Title, p.URL)
	v.Page = p
	v.Section = p.Section
	if p.Summary != "" {
		v.Description = p.Summary
	} else {
		v.Description = excerpt(p.Text, 160)
	}
	v.Breadcrumbs = []Crumb{{"Trang chủ", "/"}}
	if p.Section != nil {
		v.Breadcrumbs = append(v.Breadcrumbs, Crumb{p.Section.Title, p.Section.URL})
	}
	v.Breadcrumbs = append(v.Breadcrumbs, Crumb{p.Title, p.URL})
	if p.Kind.IsStory() {
		v.OGType = "article"
		v.Published = p.Date
		v.Modified = p.Lastmod
		if v.Modified.IsZero() {
			v.Modified = p.Date
		}
	}
	b.decorate(v)
	return v
}

func excerpt(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndex(cut, " "); i > n/2 {
		cut = cut[:i]
	}
	return cut + "…"
}

func (b *builder) homeView() *View {
	title := b.cfg.Title
	v := b.baseView("home", title, "/")
	if h := b.site.Home; h != nil {
		v.Page = h
		if h.Summary != "" {
			v.Description = h.Summary
		}
	}
	b.decorate(v)
	return v
}

func (b *builder) sectionView(sec *site.Section, pg *site.Pager) *View {
	title := sec.Title
	if pg.Number > 1 {
		title = fmt.Sprintf("%s – trang %d", sec.Title, pg.Number)
	}
	v := b.baseView("section", title, pg.URL)
	v.Section, v.Pager = sec, pg
	v.Page = sec.Intro
	if sec.Intro != nil && sec.Intro.Summary != "" {
		v.Description = sec.Intro.Summary
	} else if sec.Intro != nil && sec.Intro.Text != "" {
		v.Description = excerpt(sec.Intro.Text, 160)
	}
	v.Breadcrumbs = []Crumb{{"Trang chủ", "/"}, {sec.Title, sec.URL}}
	if !b.lazyDecorate(v) {
		b.decorate(v)
	}
	return v
}

func (b *builder) termsView(t *site.Taxonomy) *View {
	v := b.baseView("terms", t.Title, t.URL)
	v.Taxonomy = t
	v.Description = fmt.Sprintf("%s: danh sách và số mô hình, điển hình của từng mục.", t.Title)
	v.Breadcrumbs = []Crumb{{"Trang chủ", "/"}, {t.Title, t.URL}}
	b.decorate(v)
	return v
}

func (b *builder) termView(t *site.Taxonomy, e *site.TermEntry, pg *site.Pager) *View {
	title := e.Name
	if pg.Number > 1 {
		title = fmt.Sprintf("%s – trang %d", e.Name, pg.Number)
	}
	v := b.baseView("term", title, pg.URL)
	v.Taxonomy, v.Term, v.Pager = t, e, pg
	v.Description = fmt.Sprintf("%s – %s: %d mô hình, %d điển hình tiên tiến.", t.Title, e.Name, e.Models, e.Exemplars)
	v.Breadcrumbs = []Crumb{{"Trang chủ", "/"}, {t.Title, t.URL}, {e.Name, e.URL}}
	if !b.lazyDecorate(v) {
		b.decorate(v)
	}
	return v
}

func (b *builder) searchView() *View {
	v := b.baseView("search", "Tìm kiếm", "/tim-kiem/")
	v.Description = "Tìm mô hình, điển hình và tin tức theo từ khóa, tỉnh thành, lĩnh vực và loại mô hình; gõ có dấu hoặc không dấu."
	v.Breadcrumbs = []Crumb{{"Trang chủ", "/"}, {"Tìm kiếm", "/tim-kiem/"}}
	v.SearchData = b.search
	b.decorate(v)
	return v
}

// writePages renders every content page and its companions (QR code,
// poster) and writes them at once, keeping only what later stages need:
// the text for search and the headings for anchors. Home and section
// intros keep their content for the list pages.
func (b *builder) writePages(ctx context.Context, dir *output.Dir, res *Result) (diag.List, error) {
	var mu sync.Mutex
	var ds diag.List
	var fatal error
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	results := make([]*markdown.Result, len(b.pages))
	pool := sync.Pool{New: func() any { return new(bytes.Buffer) }}
	fail := func(d diag.List, err error) {
		mu.Lock()
		defer mu.Unlock()
		ds = append(ds, d...)
		if err != nil && fatal == nil {
			fatal = err
			cancel()
		}
	}
	var pages int64
	parallel(len(b.pages), func(i int) {
		if ctx.Err() != nil {
			return
		}
		p := b.pages[i]
		if b.session == nil {
			r, d := b.renderBody(p)
			results[i] = r
			if len(d) > 0 {
				fail(d, nil)
			}
		}
		if p.Kind == content.KindHome || p.Kind == content.KindSection {
			return // shown by the list pages of pass 2
		}
		buf := pool.Get().(*bytes.Buffer)
		defer pool.Put(buf)
		jobs, err := b.pageJobs(p)
		if err != nil {
			fail(nil, err)
			return
		}
		for _, j := range jobs {
			dg, err := b.emit(dir, j, buf)
			if dg != nil {
				fail(diag.List{*dg}, errTemplate)
				return
			}
			if err != nil {
				fail(nil, err)
				return
			}
			if j.layout != "" {
				atomic.AddInt64(&pages, 1)
			}
		}
		if b.session == nil {
			p.Content = "" // written; free it
		}
	})
	res.Pages += int(pages)
	if fatal != nil && !errors.Is(fatal, errTemplate) {
		return ds, fatal
	}
	if b.session != nil {
		return ds, nil // bodies and anchors were checked before writing
	}
	return append(ds, b.checkAnchors(results)...), nil
}

var errTemplate = errors.New("template error")

// pageJobs are the files of one content page: the page, and for stories
// the QR code and the printable poster.
func (b *builder) pageJobs(p *site.Page) ([]job, error) {
	layouts := []string{"_default/single.html"}
	if p.Page.Section != "" {
		layouts = append([]string{p.Page.Section + "/single.html"}, layouts...)
	}
	name, ok := b.th.Lookup(layouts...)
	if !ok {
		return nil, fmt.Errorf("giao diện thiếu mẫu cho %s (cần một trong %s)", p.URL, strings.Join(layouts, ", "))
	}
	var key string
	if b.session != nil {
		// Unchanged: keep the page, its QR code and poster without
		// making them.
		key = b.pageKey(p)
		keep := []string{output.URLToFile(p.URL)}
		if p.Kind.IsStory() {
			keep = append(keep, strings.TrimPrefix(p.URL, "/")+"qr.svg")
		}
		if p.Kind == content.KindModel || p.Kind == content.KindExemplar {
			keep = append(keep, output.URLToFile(p.URL+"in/"))
		}
		same := true
		for _, q := range keep {
			same = same && b.session.keys[q] == key
		}
		if same {
			var jobs []job
			for _, q := range keep {
				jobs = append(jobs, job{path: q, key: key})
			}
			if b.o.ShareImages {
				b.decorate(b.pageView(p)) // queues the share card
			}
			return jobs, nil
		}
	}
	v := b.pageView(p)
	jobs := []job{{path: output.URLToFile(p.URL), layout: name, view: v, key: key}}
	if !p.Kind.IsStory() {
		return jobs, nil
	}
	qr, err := b.qr(b.abs(p.URL))
	if err != nil {
		return nil, fmt.Errorf("%s: mã QR: %w", p.File, err)
	}
	jobs = append(jobs, job{path: strings.TrimPrefix(p.URL, "/") + "qr.svg", data: qr, key: key})
	if p.Kind == content.KindModel || p.Kind == content.KindExemplar {
		if _, ok := b.th.Lookup("poster.html"); ok {
			pv := b.pageView(p)
			pv.Kind = "poster"
			pv.URL = p.URL + "in/"
			pv.Canonical = b.abs(pv.URL)
			pv.NoIndex = true
			pv.Breadcrumbs = append(pv.Breadcrumbs, Crumb{"In áp phích", pv.URL})
			jobs = append(jobs, job{path: output.URLToFile(pv.URL), layout: "poster.html", view: pv, key: key})
		}
	}
	return jobs, nil
}

// lazyDecorate reports whether a list view's sharing data is left for
// after its render key was checked (dev server sessions without share
// images): most list pages of a rebuild are unchanged.
func (b *builder) lazyDecorate(v *View) bool {
	return b.session != nil && !b.o.ShareImages && (v.Kind == "section" || v.Kind == "term")
}
