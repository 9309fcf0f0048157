// Package stats computes the movement's figures from the published stories
// and draws them as SVG at build time: the data behind the statistics page
// /thong-ke/, the headline totals of the home page and each province page's
// own figures, and the open data files /thong-ke/du-lieu.json and
// /thong-ke/du-lieu.csv.
//
// # Aggregates
//
// [Compute] takes the stories (models, Kind "mo-hinh", and exemplars, Kind
// "dien-hinh"; any other Kind is ignored) and the province and field
// vocabularies in file order. Only models carry fields, a type, a start
// year, replication points and members; those of an exemplar are ignored.
//
//   - Totals: Models and Exemplars count stories; Replications and Members
//     sum the models' values; Provinces counts the distinct non-empty
//     ProvinceSlug of models and exemplars; Types counts the distinct
//     non-empty Type.Slug of models.
//   - ByProvince: one row per vocabulary province, in vocabulary order, zeros
//     included, with the models, exemplars and the replication points of the
//     models there. Stories whose ProvinceSlug is not in the vocabulary get
//     rows after it, ordered by [vi.Compare] of the name (the name of the
//     first such story).
//   - ByField: one row per field, vocabulary fields (zeros included) and
//     fields met only in stories alike, with the models having that field
//     (a field listed twice in a story counts once) and their replication
//     points; ordered by Models descending, then by [vi.Compare] of Name.
//   - ByYear: every year from the earliest to the latest known start year
//     (Started > 0) of a model, with the models started that year, zeros
//     included; empty when no model has a start year.
//   - ByType: one row per model type, with its models and their replication
//     points; ordered by Replications descending, then Models descending,
//     then [vi.Compare] of Name. A type's Name is the first one met.
//
// Each row's URL is urlFor(taxonomy, slug) with the taxonomies
// [TaxonomyProvinces], [TaxonomyFields] and [TaxonomyTypes]; a nil urlFor
// gives "/" + taxonomy + "/" + slug + "/". Exemplars is always 0 in ByField
// and ByType. Slices are never nil, so JSON shows [] rather than null.
//
// A province page's own figures are Compute over that province's stories.
//
// # Charts
//
// [ProvinceMap], [BarChart] and [YearChart] return an <svg> element to
// inline in an HTML page, as [template.HTML]. Every text from the data is
// escaped. The SVG has a viewBox and no width or height, so it scales to
// its container (the CSS gives it width:100% and a max-width). It carries
// no style attribute and no <style> element, so it is allowed by a strict
// Content-Security-Policy; it looks right through presentation attributes
// alone (currentColor strokes and fills, so it follows the text colour in
// dark mode and in print), and the site CSS refines it through these
// classes:
//
//	svg.chart          every chart; .chart-bars, .chart-years, .chart-map besides
//	.bar               a bar or column (fill; default currentColor)
//	.value             the number at a bar's end or on a column
//	.label             a category label (field, type, year, legend range)
//	.axis              the baseline of the bars or columns (stroke)
//	.grid              a horizontal gridline of the year chart (stroke, faint)
//	.tick              a value label of the year chart's vertical scale
//	.empty             the "no data" message of an empty chart
//	.tile              a province tile (rect); with .l0 … .l5, its shade:
//	                   l0 = no model, l1 … l5 = light to dark
//	.tile-name         a tile's abbreviation (text); with .l0 … .l5 like its
//	                   tile, so that dark tiles (l3 … l5) get light text
//	.tile-count        a tile's number of models (text); with .l0 … .l5
//	.legend            the map legend group; its swatches are .tile .lN
//	.legend-title      the legend's heading
//
// The charts set their own font sizes (in viewBox units) and lay text out
// for them, estimating widths generously from DejaVu Sans; a stylesheet
// should not change font-size or font-weight inside them. Values and tile
// abbreviations are bold.
//
// The presentation attributes give tiles fill="currentColor" with a
// fill-opacity rising from 0.04 (l0) to 0.6 (l5) and text in currentColor;
// a stylesheet that sets its own tile fills should reset fill-opacity to 1.
//
// Each chart takes an id prefix that must be unique in the page; characters
// other than ASCII letters, digits, '-' and '_' become '-'. The chart's
// <title> has id PREFIX-title and its <desc> PREFIX-desc.
//
// BarChart and YearChart return <svg role="img"
// aria-labelledby="PREFIX-title PREFIX-desc">: a picture whose parts are
// not read one by one, so the page must follow it with the same data as a
// table. ProvinceMap returns <svg role="group" aria-labelledby="PREFIX-title"
// aria-describedby="PREFIX-desc">, because its tiles are links, which a
// role="img" would hide (its children are presentational). Each tile is an
// <a href> to the province page whose accessible name is its <title>
// ("Hà Nội: 12 mô hình"); the abbreviation, count and legend are
// aria-hidden, their content being in the titles and the table.
//
// Numbers in the charts are formatted by [vi.FormatInt] (124.000); years are
// written as plain digits (2025).
//
// # Open data
//
// [Stats.JSON] and [Stats.CSV] encode the same aggregates; see their
// documentation for the formats.
package stats

import (
	"cmp"
	"slices"

	"github.com/lantoa/lantoa/internal/vi"
)

// Story kinds, as in Story.Kind.
const (
	KindModel    = "mo-hinh"
	KindExemplar = "dien-hinh"
)

// Taxonomies passed to the urlFor func of [Compute].
const (
	TaxonomyProvinces = "tinh-thanh"
	TaxonomyFields    = "linh-vuc"
	TaxonomyTypes     = "loai-mo-hinh"
)

// Story is one published model or exemplar, as the site build passes it.
type Story struct {
	Kind                   string // KindModel or KindExemplar
	URL                    string
	Province, ProvinceSlug string
	Fields                 []Term // models only
	Type                   Term   // model type (kind); zero for exemplars
	Started                int    // start year; 0 = unknown
	Replications           int    // replication points; 0 = unknown or none
	Members                int
}

// Term is a vocabulary or taxonomy term.
type Term struct{ Name, Slug string }

// Count is one row of an aggregate: a province, a field or a model type.
type Count struct {
	Name         string `json:"name"`
	Slug         string `json:"slug"`
	URL          string `json:"url"`
	Models       int    `json:"models"`
	Exemplars    int    `json:"exemplars"`
	Replications int    `json:"replications"`
}

// Totals are the headline figures.
type Totals struct {
	Models       int `json:"models"`
	Exemplars    int `json:"exemplars"`
	Replications int `json:"replications"`
	Members      int `json:"members"`
	Provinces    int `json:"provinces"`
	Types        int `json:"types"`
}

// YearCount is the number of models started in a year.
type YearCount struct {
	Year   int `json:"year"`
	Models int `json:"models"`
}

// Stats are the aggregates of a set of stories; see the package
// documentation for their exact definitions.
type Stats struct {
	Totals     Totals
	ByProvince []Count     // vocabulary order, zeros included
	ByField    []Count     // models per field, descending
	ByYear     []YearCount // first to last start year, zeros included
	ByType     []Count     // model types by replication points, descending
}

// Compute aggregates stories. provinces and fields are the vocabularies
// (in file order), so that rows with zero appear; urlFor(taxonomy, slug)
// gives a term page's URL, such as "/tinh-thanh/ha-noi/" for
// urlFor("tinh-thanh", "ha-noi"); nil means that form.
func Compute(stories []Story, provinces, fields []Term, urlFor func(taxonomy, slug string) string) *Stats {
	if urlFor == nil {
		urlFor = func(taxonomy, slug string) string { return "/" + taxonomy + "/" + slug + "/" }
	}
	s := &Stats{
		ByProvince: []Count{},
		ByField:    []Count{},
		ByYear:     []YearCount{},
		ByType:     []Count{},
	}

	prov := newTable(TaxonomyProvinces, urlFor, provinces)
	nVocab := len(prov.rows)
	field := newTable(TaxonomyFields, urlFor, fields)
	kind := newTable(TaxonomyTypes, urlFor, nil)
	covered := map[string]bool{}
	years := map[int]int{}

	for _, st := range stories {
		var model bool
		switch st.Kind {
		case KindModel:
			model = true
			s.Totals.Models++
			s.Totals.Replications += st.Replications
			s.Totals.Members += st.Members
		case KindExemplar:
			s.Totals.Exemplars++
		default:
			continue
		}
		if st.ProvinceSlug != "" {
			covered[st.ProvinceSlug] = true
			c := prov.row(Term{st.Province, st.ProvinceSlug})
			if model {
				c.Models++
				c.Replications += st.Replications
			} else {
				c.Exemplars++
			}
		}
		if !model {
			continue
		}
		seen := map[string]bool{}
		for _, f := range st.Fields {
			if f.Slug == "" || seen[f.Slug] {
				continue
			}
			seen[f.Slug] = true
			c := field.row(f)
			c.Models++
			c.Replications += st.Replications
		}
		if st.Type.Slug != "" {
			c := kind.row(st.Type)
			c.Models++
			c.Replications += st.Replications
		}
		if st.Started > 0 {
			years[st.Started]++
		}
	}
	s.Totals.Provinces = len(covered)
	s.Totals.Types = len(kind.rows)

	s.ByProvince = prov.list()
	if extra := s.ByProvince[nVocab:]; len(extra) > 1 {
		slices.SortStableFunc(extra, func(a, b Count) int { return vi.Compare(a.Name, b.Name) })
	}

	s.ByField = field.list()
	slices.SortStableFunc(s.ByField, func(a, b Count) int {
		return cmp.Or(cmp.Compare(b.Models, a.Models), vi.Compare(a.Name, b.Name))
	})

	s.ByType = kind.list()
	slices.SortStableFunc(s.ByType, func(a, b Count) int {
		return cmp.Or(cmp.Compare(b.Replications, a.Replications),
			cmp.Compare(b.Models, a.Models), vi.Compare(a.Name, b.Name))
	})

	if len(years) > 0 {
		first, last := 0, 0
		for y := range years {
			if first == 0 || y < first {
				first = y
			}
			last = max(last, y)
		}
		for y := first; y <= last; y++ {
			s.ByYear = append(s.ByYear, YearCount{Year: y, Models: years[y]})
		}
	}
	return s
}

// Province returns the ByProvince row of the province with the given slug.
func (s *Stats) Province(slug string) (Count, bool) {
	for _, c := range s.ByProvince {
		if c.Slug == slug {
			return c, true
		}
	}
	return Count{}, false
}

// A table collects the rows of one aggregate, keyed by slug, in order of
// first appearance (the vocabulary first).
type table struct {
	taxonomy string
	urlFor   func(taxonomy, slug string) string
	rows     []*Count
	bySlug   map[string]*Count
}

func newTable(taxonomy string, urlFor func(string, string) string, vocab []Term) *table {
	t := &table{taxonomy: taxonomy, urlFor: urlFor, bySlug: map[string]*Count{}}
	for _, term := range vocab {
		t.row(term)
	}
	return t
}

// row returns the row of term, adding it if it is new.
func (t *table) row(term Term) *Count {
	if c, ok := t.bySlug[term.Slug]; ok {
		return c
	}
	c := &Count{Name: term.Name, Slug: term.Slug, URL: t.urlFor(t.taxonomy, term.Slug)}
	t.rows = append(t.rows, c)
	t.bySlug[term.Slug] = c
	return c
}

// list returns copies of the rows, in order; never nil.
func (t *table) list() []Count {
	out := make([]Count, 0, len(t.rows))
	for _, c := range t.rows {
		out = append(out, *c)
	}
	return out
}
