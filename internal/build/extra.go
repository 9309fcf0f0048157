package build

import (
	"bytes"
	"cmp"
	"errors"
	"html/template"
	"image"
	_ "image/jpeg" // share card backgrounds
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/lantoa/lantoa/internal/content"
	"github.com/lantoa/lantoa/internal/diag"
	"github.com/lantoa/lantoa/internal/search"
	"github.com/lantoa/lantoa/internal/share"
	"github.com/lantoa/lantoa/internal/site"
	"github.com/lantoa/lantoa/internal/stats"
	"github.com/lantoa/lantoa/internal/vi"
)

// The later stages: search index, share images and QR codes, posters,
// statistics. Each adds files and view data through these hooks.

// extraAssets are the assets the build adds to the theme's.
func (b *builder) extraAssets() map[string][]byte {
	return map[string][]byte{"js/search.js": search.ClientJS()}
}

// searchDocs are the search documents of every page.
func (b *builder) searchDocs() []search.Doc {
	docs := make([]search.Doc, 0, len(b.site.Pages))
	for _, p := range b.site.Pages {
		docs = append(docs, b.searchDoc(p))
	}
	return docs
}

// searchDoc is the search document of a page.
func (b *builder) searchDoc(p *site.Page) search.Doc {
	d := search.Doc{URL: p.URL, Title: p.Title, Summary: p.Summary, Body: p.Text}
	if p.Section != nil {
		d.Section = search.Term{Name: p.Section.Title, Slug: p.Section.Name}
	} else {
		d.Section = search.Term{Name: "Trang", Slug: "trang"}
	}
	if p.Province != nil {
		d.Province = search.Term{Name: p.Province.Name, Slug: p.Province.Slug}
	}
	for _, f := range p.Fields {
		d.Fields = append(d.Fields, search.Term{Name: f.Name, Slug: f.Slug})
	}
	if p.Type != nil {
		d.Kind = search.Term{Name: p.Type.Name, Slug: p.Type.Slug}
	}
	if !p.Date.IsZero() {
		d.Date = vi.FormatDate(p.Date, b.cfg.Location)
	}
	return d
}

// prepare runs the stages that views depend on, before pages are
// rendered: the search index and the statistics.
func (b *builder) prepare() diag.List {
	var ds diag.List
	s := b.site
	docs := b.searchDocs()
	if b.session != nil {
		b.docs = docs // quick rebuilds update one document
	}
	var sd *SearchData
	if ss := b.session; ss != nil && ss.indexURL != "" {
		// Dev server: the index is rebuilt in the background after the
		// pages are served (Session.indexLater); until then the search
		// page keeps the previous one.
		b.deferredDocs = docs
		sd = &SearchData{IndexURL: ss.indexURL}
	} else {
		idx, err := search.Build(docs)
		if err != nil {
			ds = append(ds, diag.Errorf(diag.Pos{File: "content"}, "search", "không dựng được chỉ mục tìm kiếm: %v", err))
			return ds
		}
		b.index = idx
		sd = &SearchData{IndexURL: "/" + idx.ManifestPath}
	}
	if u, err := b.th.AssetURL("js/search.js"); err == nil {
		sd.ScriptURL = u
	}
	opts := func(t *site.Taxonomy) []FilterOption {
		var out []FilterOption
		for _, e := range t.Terms {
			out = append(out, FilterOption{Value: e.Slug, Label: e.Name})
		}
		return out
	}
	sd.Filters = []Filter{
		{Name: "tinh-thanh", Label: "Tỉnh thành", All: "Tất cả tỉnh thành", Options: opts(s.Taxonomy(site.Provinces))},
		{Name: "linh-vuc", Label: "Lĩnh vực", All: "Tất cả lĩnh vực", Options: opts(s.Taxonomy(site.Fields))},
		{Name: "loai-mo-hinh", Label: "Loại mô hình", All: "Tất cả loại mô hình", Options: opts(s.Taxonomy(site.Types))},
	}
	var secs []FilterOption
	for _, sec := range s.Sections {
		if len(sec.Pages) > 0 {
			secs = append(secs, FilterOption{Value: sec.Name, Label: sec.Title})
		}
	}
	sd.Filters = append(sd.Filters, Filter{Name: "section", Label: "Chuyên mục", All: "Tất cả chuyên mục", Options: secs})
	b.search = sd

	// Statistics.
	var stories []stats.Story
	for _, p := range s.Pages {
		if p.Kind != content.KindModel && p.Kind != content.KindExemplar {
			continue
		}
		st := stats.Story{Kind: string(p.Kind), URL: p.URL}
		if p.Province != nil {
			st.Province, st.ProvinceSlug = p.Province.Name, p.Province.Slug
		}
		for _, f := range p.Fields {
			st.Fields = append(st.Fields, stats.Term{Name: f.Name, Slug: f.Slug})
		}
		if p.Type != nil {
			st.Type = stats.Term{Name: p.Type.Name, Slug: p.Type.Slug}
		}
		if p.Started != nil {
			st.Started = *p.Started
		}
		if p.Replications != nil {
			st.Replications = *p.Replications
		}
		if p.Members != nil {
			st.Members = *p.Members
		}
		stories = append(stories, st)
	}
	var provs, fields []stats.Term
	for _, t := range b.voc.Provinces.Terms {
		provs = append(provs, stats.Term{Name: t.Name, Slug: t.Slug})
	}
	for _, t := range b.voc.Fields.Terms {
		fields = append(fields, stats.Term{Name: t.Name, Slug: t.Slug})
	}
	b.stats = stats.Compute(stories, provs, fields, nil)
	return ds
}

// cardFor describes the share image of a view; "" path when none.
func (b *builder) cardFor(v *View) (share.Card, string) {
	host := strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(b.cfg.BaseURL, "https://"), "http://"), "/")
	c := share.Card{SiteName: b.cfg.Title, SiteHost: host}
	switch v.Kind {
	case "single":
		p := v.Page
		c.Title = p.Title
		switch {
		case p.Kind == content.KindModel && p.Type != nil:
			c.Eyebrow = "Mô hình · " + p.Type.Name
		case p.Section != nil:
			c.Eyebrow = p.Section.Title
		default:
			c.Eyebrow = b.cfg.Title
		}
		if p.Province != nil {
			c.Meta = p.Province.Name
		}
		if p.Hero != nil && strings.HasPrefix(p.Hero.Src, "/img/") {
			// The photo is decoded only when the card is drawn (cardJobs).
			c.BackgroundHash = strings.TrimPrefix(p.Hero.Src, "/")
			return c, p.URL + "og.jpg"
		}
		return c, p.URL + "og" + c.Ext()
	case "section":
		// Later pages of a list share its first page's image.
		c.Title, c.Eyebrow = v.Section.Title, "Chuyên mục"
		return c, v.Section.URL + "og" + c.Ext()
	case "terms":
		c.Title, c.Eyebrow = v.Taxonomy.Title, "Tra cứu"
		return c, v.Taxonomy.URL + "og" + c.Ext()
	case "term":
		c.Title, c.Eyebrow = v.Term.Name, v.Taxonomy.Title
		return c, v.Term.URL + "og" + c.Ext()
	case "home", "search", "stats", "404", "poster":
		c.Title, c.Eyebrow = b.cfg.Title, "Phong trào Toàn dân bảo vệ an ninh Tổ quốc"
		return c, "/og" + c.Ext()
	}
	return c, ""
}

// decorate adds sharing data (image, JSON-LD, QR, poster) to a view and
// queues the share image.
func (b *builder) decorate(v *View) {
	card, imgURL := b.cardFor(v)
	if imgURL != "" {
		v.Image = &SocialImage{URL: b.abs(imgURL), Width: share.Width, Height: share.Height, Alt: card.Title}
		b.queueCard(imgURL, card)
	}
	crumbs := []any{}
	for i, c := range v.Breadcrumbs {
		crumbs = append(crumbs, map[string]any{"@type": "ListItem", "position": i + 1, "name": c.Title, "item": b.abs(c.URL)})
	}
	if len(crumbs) > 0 {
		v.JSONLD = append(v.JSONLD, map[string]any{"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": crumbs})
	}
	if v.Kind == "single" && v.Page.Kind.IsStory() {
		p := v.Page
		typ := "Article"
		if p.Kind == content.KindNews {
			typ = "NewsArticle"
		}
		ld := map[string]any{
			"@context":         "https://schema.org",
			"@type":            typ,
			"headline":         p.Title,
			"description":      p.Summary,
			"inLanguage":       "vi",
			"datePublished":    v.Published.In(b.cfg.Location).Format("2006-01-02T15:04:05-07:00"),
			"dateModified":     v.Modified.In(b.cfg.Location).Format("2006-01-02T15:04:05-07:00"),
			"mainEntityOfPage": v.Canonical,
			"publisher":        map[string]any{"@type": "Organization", "name": b.cfg.Title, "url": b.cfg.BaseURL},
		}
		if v.Image != nil {
			ld["image"] = []string{v.Image.URL}
		}
		v.JSONLD = append(v.JSONLD, ld)
		v.QR = p.URL + "qr.svg"
		if p.Kind == content.KindModel || p.Kind == content.KindExemplar {
			v.PosterURL = p.URL + "in/"
		}
	}
	if v.Kind == "home" || v.Kind == "term" {
		v.Extra = map[string]any{"statsLink": "/thong-ke/"}
		if v.Kind == "term" && v.Taxonomy.Name == site.Provinces && v.Pager.Number == 1 && b.stats != nil {
			v.Extra["province"] = b.provinceStats(v.Term)
		}
	}
}

// ProvinceStats is what a province page shows of the statistics.
type ProvinceStats struct {
	Count stats.Count
	Chart template.HTML
}

func (b *builder) provinceStats(e *site.TermEntry) *ProvinceStats {
	c, ok := b.stats.Province(e.Slug)
	if !ok {
		return nil
	}
	// Models per type in this province.
	n := map[string]int{}
	var rows []stats.Count
	for _, p := range e.Pages {
		if p.Type == nil {
			continue
		}
		if n[p.Type.Slug] == 0 {
			rows = append(rows, stats.Count{Name: p.Type.Name, Slug: p.Type.Slug, URL: p.TypeURL})
		}
		n[p.Type.Slug]++
	}
	for i := range rows {
		rows[i].Models = n[rows[i].Slug]
	}
	slices.SortStableFunc(rows, func(a, b stats.Count) int {
		return cmp.Or(cmp.Compare(b.Models, a.Models), vi.Compare(a.Name, b.Name))
	})
	chart := template.HTML("")
	if len(rows) > 0 {
		chart = b.minifyHTML(stats.BarChart(rows, func(c stats.Count) int { return c.Models }, "Mô hình theo loại ở "+e.Name, "Số mô hình của mỗi loại tại "+e.Name, "pc-"+e.Slug))
	}
	return &ProvinceStats{Count: c, Chart: chart}
}

// minifyHTML minifies an HTML fragment the templates insert as is (pages
// are not minified after rendering); on failure it is kept as it was.
func (b *builder) minifyHTML(h template.HTML) template.HTML {
	m, err := b.min.Bytes("text/html", []byte(h))
	if err != nil {
		return h
	}
	return template.HTML(m) //nolint:gosec // the minified form of trusted HTML
}

func (b *builder) queueCard(u string, c share.Card) {
	b.cardMu.Lock()
	defer b.cardMu.Unlock()
	if b.cards == nil {
		b.cards = map[string]share.Card{}
	}
	b.cards[u] = c
}

// extraJobs adds the search index, statistics, QR codes, posters and share
// images.
func (b *builder) extraJobs(add func(*View, ...string) error) ([]job, error) {
	var jobs []job
	if b.index != nil {
		for _, p := range sortedKeys(b.index.Files) {
			jobs = append(jobs, job{path: p, data: b.index.Files[p]})
		}
	}
	if b.deferredDocs != nil {
		// Keep the previous index files until the new ones are written.
		for p := range b.session.out {
			if strings.HasPrefix(p, search.Dir+"/") {
				jobs = append(jobs, job{path: p, key: "index", keep: true})
			}
		}
	}
	// Statistics page and open data.
	sv := b.baseView("stats", "Thống kê", "/thong-ke/")
	sv.Description = "Phong trào trong con số: số mô hình, điểm nhân rộng, điển hình tiên tiến theo tỉnh thành, lĩnh vực, năm và loại mô hình."
	sv.Breadcrumbs = []Crumb{{"Trang chủ", "/"}, {"Thống kê", "/thong-ke/"}}
	sv.Extra = map[string]any{
		"stats":  b.stats,
		"map":    b.minifyHTML(stats.ProvinceMap(b.stats, "map")),
		"fields": b.minifyHTML(stats.BarChart(b.stats.ByField, func(c stats.Count) int { return c.Models }, "Số mô hình theo lĩnh vực", "Mỗi thanh là một lĩnh vực; độ dài là số mô hình thuộc lĩnh vực đó.", "fields")),
		"years":  b.minifyHTML(stats.YearChart(b.stats.ByYear, "Số mô hình theo năm bắt đầu", "Mỗi cột là một năm; chiều cao là số mô hình bắt đầu trong năm đó.", "years")),
		"types":  b.minifyHTML(stats.BarChart(topN(b.stats.ByType, 10), func(c stats.Count) int { return c.Replications }, "Loại mô hình có nhiều điểm nhân rộng nhất", "Mười loại mô hình có nhiều điểm nhân rộng nhất; độ dài thanh là số điểm nhân rộng.", "types")),
	}
	b.decorate(sv)
	if err := add(sv, "thong-ke.html"); err != nil {
		return nil, err
	}
	js, err := b.stats.JSON()
	if err != nil {
		return nil, err
	}
	csv, err := b.stats.CSV()
	if err != nil {
		return nil, err
	}
	jobs = append(jobs, job{path: "thong-ke/du-lieu.json", data: js}, job{path: "thong-ke/du-lieu.csv", data: csv})
	return jobs, nil
}

func topN(rows []stats.Count, n int) []stats.Count {
	if len(rows) > n {
		return rows[:n]
	}
	return rows
}

// cardJobs draws the queued share images (cached in SITE/resources/share).
func (b *builder) cardJobs() ([]job, diag.List) {
	if !b.o.ShareImages {
		return nil, nil
	}
	r, err := share.NewRenderer(share.DefaultTheme())
	if err != nil {
		return nil, diag.List{diag.Errorf(diag.Pos{File: "internal/share"}, "share", "không nạp được phông chữ: %v", err)}
	}
	cache := filepath.Join(b.o.Source, "resources", "share")
	urls := sortedKeys(b.cards)
	out := make([]job, len(urls))
	errs := make([]error, len(urls))
	parallel(len(urls), func(i int) {
		c := b.cards[urls[i]]
		if c.BackgroundHash != "" && c.Background == nil {
			// A cached card needs no decoding of its photo.
			if data, err := os.ReadFile(filepath.Join(cache, share.CardKey(c, r.Theme())+".jpg")); err == nil && share.Ext(data) == ".jpg" {
				out[i] = job{path: strings.TrimPrefix(urls[i], "/"), data: data}
				return
			}
			if data, ok := b.images.bytes(c.BackgroundHash); ok {
				if img, _, err := image.Decode(bytes.NewReader(data)); err == nil {
					c.Background = img
				}
			}
		}
		data, _, err := r.DrawCached(cache, c)
		out[i] = job{path: strings.TrimPrefix(urls[i], "/"), data: data}
		errs[i] = err
	})
	var ds diag.List
	seen := map[string]bool{}
	for i, err := range errs {
		if err == nil {
			continue
		}
		var mg *share.MissingGlyphsError
		if errors.As(err, &mg) {
			file := "content"
			if p := b.site.ByURL[strings.TrimSuffix(urls[i], "og.png")]; p != nil {
				file = p.File
			}
			key := file + string(mg.Runes)
			if !seen[key] {
				seen[key] = true
				ds = append(ds, diag.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, "glyph", "ảnh chia sẻ không vẽ được ký tự %q trong %q: phông chữ không có; hãy bỏ ký tự đó", string(mg.Runes), mg.Text))
			}
			continue
		}
		ds = append(ds, diag.Errorf(diag.Pos{File: urls[i]}, "share", "không vẽ được ảnh chia sẻ: %v", err))
	}
	return out, ds
}
