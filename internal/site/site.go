// Package site is the model of a built site: published pages, sections,
// taxonomies, pagination, related pages and aggregates. It is pure data:
// no I/O, no templates.
//
// # Ordering
//
// Story lists are newest first; equal dates fall back to weight (smaller
// first), then title in Vietnamese collation, then URL, so the order is
// total and every build is identical.
//
// # Taxonomies
//
//	tinh-thanh    provinces, from data/tinh-thanh.yaml: models and exemplars
//	linh-vuc      fields, from data/linh-vuc.yaml: models
//	loai-mo-hinh  model types, from the models' "kind": models
//
// Term index pages list, in Vietnamese collation order and with counts,
// every province and field of the vocabularies (with or without pages) and
// every model type that has pages; term pages are paginated like sections.
//
// # Related models
//
// A model's related models (at most 4) are, in this order of preference:
// same type and province; same province and a shared field; same type;
// a shared field — each tier newest first, no page twice.
package site

import (
	"cmp"
	"html/template"
	"slices"
	"strconv"
	"strings"

	"github.com/lantoa/lantoa/internal/config"
	"github.com/lantoa/lantoa/internal/content"
	"github.com/lantoa/lantoa/internal/diag"
	"github.com/lantoa/lantoa/internal/markdown"
	"github.com/lantoa/lantoa/internal/vi"
	"github.com/lantoa/lantoa/internal/vocab"
)

// Page is a published content page with its rendered body.
type Page struct {
	*content.Page
	Content  template.HTML
	Text     string
	Headings []markdown.Heading

	Related   []*Page // models: related models
	Linked    []*Page // exemplars: their models
	Exemplars []*Page // models: exemplars that name them
	Section   *Section

	// Hero is the processed front matter image, if any.
	Hero     *markdown.Picture
	HeroFile string

	ProvinceURL string
	TypeURL     string
	FieldURLs   []string
}

// Section is a top-level content folder.
type Section struct {
	Name  string // "mo-hinh"
	Title string // "Mô hình", from _index.md or a default
	URL   string
	Intro *Page // may be nil
	Pages []*Page
}

// TermEntry is one value of a taxonomy.
type TermEntry struct {
	Name  string
	Slug  string
	URL   string
	Pages []*Page
	// Models, Exemplars and Replications summarize the term's pages.
	Models, Exemplars, Replications int
}

// Taxonomy is a classification of pages.
type Taxonomy struct {
	Name  string // "tinh-thanh"
	Title string // "Tỉnh thành"
	URL   string
	Terms []*TermEntry // collation order of Name
	// All includes terms without pages (provinces, fields), for maps.
	All    []*TermEntry
	bySlug map[string]*TermEntry
}

// Term finds a term by slug.
func (t *Taxonomy) Term(slug string) *TermEntry { return t.bySlug[slug] }

// Taxonomy names.
const (
	Provinces = "tinh-thanh"
	Fields    = "linh-vuc"
	Types     = "loai-mo-hinh"
)

// Site is the whole model.
type Site struct {
	Config     *config.Config
	Vocab      *vocab.Vocabularies
	Home       *Page // content/_index.md, may be nil
	Pages      []*Page
	Sections   []*Section
	Taxonomies []*Taxonomy
	ByURL      map[string]*Page
	Totals     Totals
}

// Totals are the headline figures.
type Totals struct {
	Models, Exemplars, News, Replications, Members, Provinces, Types int
}

// Section finds a section by name.
func (s *Site) Section(name string) *Section {
	for _, sec := range s.Sections {
		if sec.Name == name {
			return sec
		}
	}
	return nil
}

// Taxonomy finds a taxonomy by name.
func (s *Site) Taxonomy(name string) *Taxonomy {
	for _, t := range s.Taxonomies {
		if t.Name == name {
			return t
		}
	}
	return nil
}

// Stories returns every model, exemplar and news page, newest first.
func (s *Site) Stories() []*Page {
	var out []*Page
	for _, p := range s.Pages {
		if p.Kind.IsStory() {
			out = append(out, p)
		}
	}
	SortPages(out)
	return out
}

var sectionTitles = map[string]string{
	"mo-hinh":   "Mô hình",
	"dien-hinh": "Điển hình tiên tiến",
	"tin-tuc":   "Tin tức",
}

var sectionOrder = []string{"mo-hinh", "dien-hinh", "tin-tuc"}

// SortPages orders pages newest first, then weight, title, URL.
func SortPages(ps []*Page) {
	slices.SortStableFunc(ps, func(a, b *Page) int {
		if c := b.Date.Compare(a.Date); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Weight, b.Weight); c != 0 {
			return c
		}
		if c := vi.Compare(a.Title, b.Title); c != 0 {
			return c
		}
		return cmp.Compare(a.URL, b.URL)
	})
}

// New builds the model. pages are the published pages (drafts and future
// pages already filtered out), with rendered bodies.
func New(cfg *config.Config, voc *vocab.Vocabularies, pages []*Page) (*Site, diag.List) {
	s := &Site{Config: cfg, Vocab: voc, ByURL: map[string]*Page{}}
	var ds diag.List
	secs := map[string]*Section{}
	getSec := func(name string) *Section {
		if sec, ok := secs[name]; ok {
			return sec
		}
		title := sectionTitles[name]
		if title == "" {
			title = strings.ToUpper(name[:1]) + strings.ReplaceAll(name[1:], "-", " ")
		}
		sec := &Section{Name: name, Title: title, URL: "/" + name + "/"}
		secs[name] = sec
		return sec
	}
	for _, name := range sectionOrder {
		getSec(name)
	}
	for _, p := range pages {
		s.ByURL[p.URL] = p
		switch {
		case p.Kind == content.KindHome:
			s.Home = p
			continue
		case p.Kind == content.KindSection:
			sec := getSec(p.Page.Section)
			sec.Intro = p
			if p.Title != "" {
				sec.Title = p.Title
			}
			p.Section = sec
			continue
		}
		s.Pages = append(s.Pages, p)
		if p.Page.Section != "" {
			sec := getSec(p.Page.Section)
			sec.Pages = append(sec.Pages, p)
			p.Section = sec
		}
	}
	names := make([]string, 0, len(secs))
	for n := range secs {
		names = append(names, n)
	}
	slices.SortFunc(names, func(a, b string) int {
		ia, ib := slices.Index(sectionOrder, a), slices.Index(sectionOrder, b)
		if ia < 0 {
			ia = len(sectionOrder)
		}
		if ib < 0 {
			ib = len(sectionOrder)
		}
		return cmp.Or(cmp.Compare(ia, ib), cmp.Compare(a, b))
	})
	for _, n := range names {
		sec := secs[n]
		SortPages(sec.Pages)
		s.Sections = append(s.Sections, sec)
	}
	slices.SortFunc(s.Pages, func(a, b *Page) int { return cmp.Compare(a.URL, b.URL) })
	s.buildTaxonomies()
	ds = append(ds, s.linkExemplars()...)
	s.relate()
	s.total()
	return s, ds
}

func (s *Site) buildTaxonomies() {
	prov := &Taxonomy{Name: Provinces, Title: "Tỉnh thành", URL: "/tinh-thanh/", bySlug: map[string]*TermEntry{}}
	fld := &Taxonomy{Name: Fields, Title: "Lĩnh vực", URL: "/linh-vuc/", bySlug: map[string]*TermEntry{}}
	typ := &Taxonomy{Name: Types, Title: "Loại mô hình", URL: "/loai-mo-hinh/", bySlug: map[string]*TermEntry{}}
	add := func(t *Taxonomy, name, slug string) *TermEntry {
		if e, ok := t.bySlug[slug]; ok {
			return e
		}
		e := &TermEntry{Name: name, Slug: slug, URL: t.URL + slug + "/"}
		t.bySlug[slug] = e
		t.All = append(t.All, e)
		return e
	}
	if s.Vocab != nil {
		for _, v := range s.Vocab.Provinces.Terms {
			add(prov, v.Name, v.Slug)
		}
		for _, v := range s.Vocab.Fields.Terms {
			add(fld, v.Name, v.Slug)
		}
	}
	for _, p := range s.Pages {
		if p.Province != nil {
			e := add(prov, p.Province.Name, p.Province.Slug)
			e.Pages = append(e.Pages, p)
			p.ProvinceURL = e.URL
		}
		for _, f := range p.Fields {
			e := add(fld, f.Name, f.Slug)
			e.Pages = append(e.Pages, p)
			p.FieldURLs = append(p.FieldURLs, e.URL)
		}
		if p.Type != nil {
			e := add(typ, p.Type.Name, p.Type.Slug)
			e.Pages = append(e.Pages, p)
			p.TypeURL = e.URL
		}
	}
	for _, t := range []*Taxonomy{prov, fld, typ} {
		slices.SortStableFunc(t.All, func(a, b *TermEntry) int { return vi.Compare(a.Name, b.Name) })
		for _, e := range t.All {
			SortPages(e.Pages)
			for _, p := range e.Pages {
				switch p.Kind {
				case content.KindModel:
					e.Models++
					if p.Replications != nil {
						e.Replications += *p.Replications
					}
				case content.KindExemplar:
					e.Exemplars++
				}
			}
			// Provinces and fields are vocabularies: every term gets its
			// page (the statistics map links all 34 provinces); model
			// types exist only through their pages.
			if len(e.Pages) > 0 || t.Name != Types {
				t.Terms = append(t.Terms, e)
			}
		}
		s.Taxonomies = append(s.Taxonomies, t)
	}
}

func (s *Site) linkExemplars() diag.List {
	var ds diag.List
	models := map[string]*Page{}
	if sec := s.Section("mo-hinh"); sec != nil {
		for _, p := range sec.Pages {
			models[p.Slug] = p
		}
	}
	for _, p := range s.Pages {
		if p.Kind != content.KindExemplar {
			continue
		}
		for _, slug := range p.Models {
			m, ok := models[slug]
			if !ok {
				pos := p.KeyPos("models")
				if q, ok := p.Pos["models."+slug]; ok {
					pos = q
				}
				d := diag.Errorf(pos, "models", "mô hình %q không tồn tại trong content/mo-hinh/", slug)
				ds = append(ds, d)
				continue
			}
			if !slices.Contains(p.Linked, m) {
				p.Linked = append(p.Linked, m)
				m.Exemplars = append(m.Exemplars, p)
			}
		}
	}
	for _, m := range models {
		SortPages(m.Exemplars)
	}
	return ds
}

// relate fills Related for every model (see the package doc).
func (s *Site) relate() {
	sec := s.Section("mo-hinh")
	if sec == nil {
		return
	}
	byType := map[string][]*Page{}
	byProv := map[string][]*Page{}
	byField := map[string][]*Page{}
	for _, p := range sec.Pages { // newest first
		if p.Type != nil {
			byType[p.Type.Slug] = append(byType[p.Type.Slug], p)
		}
		if p.Province != nil {
			byProv[p.Province.Slug] = append(byProv[p.Province.Slug], p)
		}
		for _, f := range p.Fields {
			byField[f.Slug] = append(byField[f.Slug], p)
		}
	}
	// Terms are compared by slug: pages parsed at different times (dev
	// server sessions) hold different *vocab.Term values.
	shares := func(a, b *Page) bool {
		for _, f := range a.Fields {
			for _, g := range b.Fields {
				if f.Slug == g.Slug {
					return true
				}
			}
		}
		return false
	}
	sameProvince := func(a, b *Page) bool {
		return a.Province != nil && b.Province != nil && a.Province.Slug == b.Province.Slug
	}
	const n = 4
	for _, p := range sec.Pages {
		var out []*Page
		take := func(list []*Page, ok func(*Page) bool) {
			for _, q := range list {
				if len(out) == n {
					return
				}
				if q != p && !slices.Contains(out, q) && ok(q) {
					out = append(out, q)
				}
			}
		}
		if p.Type != nil && p.Province != nil {
			take(byType[p.Type.Slug], func(q *Page) bool { return sameProvince(p, q) })
		}
		if p.Province != nil {
			take(byProv[p.Province.Slug], func(q *Page) bool { return shares(p, q) })
		}
		if p.Type != nil {
			take(byType[p.Type.Slug], func(*Page) bool { return true })
		}
		for _, f := range p.Fields {
			take(byField[f.Slug], func(*Page) bool { return true })
		}
		p.Related = out
	}
}

func (s *Site) total() {
	provs := map[string]bool{}
	types := map[string]bool{}
	for _, p := range s.Pages {
		switch p.Kind {
		case content.KindModel:
			s.Totals.Models++
			if p.Replications != nil {
				s.Totals.Replications += *p.Replications
			}
			if p.Members != nil {
				s.Totals.Members += *p.Members
			}
			if p.Type != nil {
				types[p.Type.Slug] = true
			}
		case content.KindExemplar:
			s.Totals.Exemplars++
		case content.KindNews:
			s.Totals.News++
		}
		if p.Province != nil {
			provs[p.Province.Slug] = true
		}
	}
	s.Totals.Provinces = len(provs)
	s.Totals.Types = len(types)
}

// Pager is one page of a paginated list.
type Pager struct {
	Number, Total int
	Pages         []*Page
	URL           string // this page's URL
	First         string
	Prev, Next    string // "" at the ends
	Links         []PagerLink
}

// PagerLink is one numbered link of a pager.
type PagerLink struct {
	Number  int
	URL     string
	Current bool
	Gap     bool // an ellipsis instead of a link
}

// Paginate splits pages into pagers of size n under base ("/mo-hinh/"):
// page 1 is base, page k is base + "page/k/". There is always at least
// one pager.
func Paginate(pages []*Page, n int, base string) []*Pager {
	if n < 1 {
		n = 20
	}
	total := max(1, (len(pages)+n-1)/n)
	url := func(k int) string {
		if k == 1 {
			return base
		}
		return base + "page/" + strconv.Itoa(k) + "/"
	}
	out := make([]*Pager, total)
	for k := 1; k <= total; k++ {
		lo, hi := (k-1)*n, min(k*n, len(pages))
		pg := &Pager{Number: k, Total: total, Pages: pages[lo:hi], URL: url(k), First: base}
		if k > 1 {
			pg.Prev = url(k - 1)
		}
		if k < total {
			pg.Next = url(k + 1)
		}
		if total > 1 {
			gap := false
			for i := 1; i <= total; i++ {
				if i == 1 || i == total || (i >= k-2 && i <= k+2) {
					pg.Links = append(pg.Links, PagerLink{Number: i, URL: url(i), Current: i == k})
					gap = false
				} else if !gap {
					pg.Links = append(pg.Links, PagerLink{Gap: true})
					gap = true
				}
			}
		}
		out[k-1] = pg
	}
	return out
}
