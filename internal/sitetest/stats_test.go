package sitetest

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// figures are the counts of one row of the statistics.
type figures struct {
	Models, Exemplars, Replications int
}

// A row is one province, field or type with its figures.
type row struct {
	Name, Slug string
	figures
}

// expectedStats are the statistics recomputed from the front matter.
type expectedStats struct {
	Models, Exemplars, Replications, Members, Provinces, Types int

	provinces []row          // every vocabulary province, in file order
	fields    map[string]row // by slug
	types     map[string]row // by slug
	years     [][2]int       // year, models: from the earliest to the latest start year
	provVocab vocabulary
}

// computeStats recomputes the statistics of the site folder src from its
// content and vocabularies, following the contract: only models carry
// fields, types, start years, replication points and members; provinces
// covered count models and exemplars.
func computeStats(t testing.TB, src string) expectedStats {
	t.Helper()
	provVocab := readVocabulary(t, filepath.Join(src, "data", "tinh-thanh.yaml"))
	fieldVocab := readVocabulary(t, filepath.Join(src, "data", "linh-vuc.yaml"))
	e := expectedStats{fields: map[string]row{}, types: map[string]row{}, provVocab: provVocab}
	byProvince := map[string]*figures{}
	for _, p := range provVocab {
		byProvince[p.Slug] = &figures{}
	}
	for _, f := range fieldVocab {
		e.fields[f.Slug] = row{Name: f.Name, Slug: f.Slug}
	}
	covered := map[string]bool{}
	startYears := map[int]int{}
	for _, st := range readStories(t, src) {
		if st.Section == "tin-tuc" {
			continue
		}
		prov, err := provVocab.find(st.fm.Province)
		if err != nil {
			t.Fatalf("%s: province: %v", st.File, err)
		}
		covered[prov.Slug] = true
		pf := byProvince[prov.Slug]
		if st.Section == "dien-hinh" {
			e.Exemplars++
			pf.Exemplars++
			continue
		}
		e.Models++
		e.Replications += st.fm.Replications
		e.Members += st.fm.Members
		pf.Models++
		pf.Replications += st.fm.Replications
		seen := map[string]bool{}
		for _, name := range st.fm.Fields {
			f, err := fieldVocab.find(name)
			if err != nil {
				t.Fatalf("%s: field: %v", st.File, err)
			}
			if seen[f.Slug] {
				continue
			}
			seen[f.Slug] = true
			r := e.fields[f.Slug]
			r.Models++
			r.Replications += st.fm.Replications
			e.fields[f.Slug] = r
		}
		if st.fm.Kind == "" {
			t.Fatalf("%s: a model without a kind", st.File)
		}
		ks := slugify(st.fm.Kind)
		r, ok := e.types[ks]
		if !ok {
			r = row{Name: st.fm.Kind, Slug: ks}
		}
		r.Models++
		r.Replications += st.fm.Replications
		e.types[ks] = r
		if st.fm.Started > 0 {
			startYears[st.fm.Started]++
		}
	}
	for _, p := range provVocab {
		e.provinces = append(e.provinces, row{Name: p.Name, Slug: p.Slug, figures: *byProvince[p.Slug]})
	}
	e.Provinces = len(covered)
	e.Types = len(e.types)
	if len(startYears) > 0 {
		ys := slices.Sorted(maps.Keys(startYears))
		for y := ys[0]; y <= ys[len(ys)-1]; y++ {
			e.years = append(e.years, [2]int{y, startYears[y]})
		}
	}
	if e.Models == 0 || e.Exemplars == 0 {
		t.Fatalf("%d models and %d exemplars in %s: the content was not read", e.Models, e.Exemplars, src)
	}
	return e
}

// statsJSON is /thong-ke/du-lieu.json.
type statsJSON struct {
	Totals struct {
		Models       int `json:"models"`
		Exemplars    int `json:"exemplars"`
		Replications int `json:"replications"`
		Members      int `json:"members"`
		Provinces    int `json:"provinces"`
		Types        int `json:"types"`
	} `json:"totals"`
	Provinces []jsonRow `json:"provinces"`
	Fields    []jsonRow `json:"fields"`
	Types     []jsonRow `json:"types"`
	Years     []struct {
		Year   int `json:"year"`
		Models int `json:"models"`
	} `json:"years"`
}

type jsonRow struct {
	Name         string `json:"name"`
	Slug         string `json:"slug"`
	URL          string `json:"url"`
	Models       int    `json:"models"`
	Exemplars    int    `json:"exemplars"`
	Replications int    `json:"replications"`
}

func (r jsonRow) row() row {
	return row{Name: r.Name, Slug: r.Slug, figures: figures{r.Models, r.Exemplars, r.Replications}}
}

// TestStatsJSON compares /thong-ke/du-lieu.json with the statistics
// recomputed from the content.
func TestStatsJSON(t *testing.T) {
	s := realSite(t)
	want := computeStats(t, s.src)
	var got statsJSON
	dec := json.NewDecoder(bytes.NewReader(s.read(t, "thong-ke/du-lieu.json")))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("du-lieu.json: %v", err)
	}
	tot := got.Totals
	if g, w := [6]int{tot.Models, tot.Exemplars, tot.Replications, tot.Members, tot.Provinces, tot.Types},
		[6]int{want.Models, want.Exemplars, want.Replications, want.Members, want.Provinces, want.Types}; g != w {
		t.Errorf("totals [models exemplars replications members provinces types] = %v, want %v", g, w)
	}
	// Provinces: every one of the vocabulary, in its order.
	if len(got.Provinces) != len(want.provinces) {
		t.Errorf("%d provinces, want %d", len(got.Provinces), len(want.provinces))
	}
	for i, w := range want.provinces {
		if i >= len(got.Provinces) {
			break
		}
		g := got.Provinces[i]
		if g.row() != w {
			t.Errorf("provinces[%d] = %+v, want %+v", i, g.row(), w)
		}
		if g.URL != "/tinh-thanh/"+w.Slug+"/" {
			t.Errorf("provinces[%d].url = %q", i, g.URL)
		}
	}
	compareRows(t, "fields", "linh-vuc", got.Fields, want.fields, func(r jsonRow) int { return r.Models })
	compareRows(t, "types", "loai-mo-hinh", got.Types, want.types, func(r jsonRow) int { return r.Replications })
	var years [][2]int
	for _, y := range got.Years {
		years = append(years, [2]int{y.Year, y.Models})
	}
	if !slices.Equal(years, want.years) {
		t.Errorf("years = %v, want %v", years, want.years)
	}
}

// compareRows compares rows keyed by slug, and checks that they are
// ordered by key, descending.
func compareRows(t *testing.T, what, taxonomy string, got []jsonRow, want map[string]row, key func(jsonRow) int) {
	t.Helper()
	seen := map[string]bool{}
	for i, g := range got {
		if seen[g.Slug] {
			t.Errorf("%s: %q twice", what, g.Slug)
		}
		seen[g.Slug] = true
		w, ok := want[g.Slug]
		if !ok {
			t.Errorf("%s: unexpected %+v", what, g)
			continue
		}
		if g.row() != w {
			t.Errorf("%s: %+v, want %+v", what, g.row(), w)
		}
		if g.URL != "/"+taxonomy+"/"+g.Slug+"/" {
			t.Errorf("%s: %s: url %q", what, g.Slug, g.URL)
		}
		if i > 0 && key(got[i-1]) < key(g) {
			t.Errorf("%s: %s (%d) after %s (%d): not in descending order", what, g.Slug, key(g), got[i-1].Slug, key(got[i-1]))
		}
	}
	for slug := range want {
		if !seen[slug] {
			t.Errorf("%s: %q missing", what, slug)
		}
	}
}

// TestStatsCSV compares /thong-ke/du-lieu.csv with the statistics
// recomputed from the content.
func TestStatsCSV(t *testing.T) {
	s := realSite(t)
	want := computeStats(t, s.src)
	data := s.read(t, "thong-ke/du-lieu.csv")
	// A BOM lets spreadsheet programs read the file as UTF-8.
	data, _ = bytes.CutPrefix(data, []byte("\ufeff"))
	r := csv.NewReader(bytes.NewReader(data))
	header, err := r.Read()
	if err != nil {
		t.Fatal(err)
	}
	wantHeader := []string{"section", "name", "slug", "models", "exemplars", "replications", "members", "provinces", "types"}
	if !slices.Equal(header, wantHeader) {
		t.Fatalf("CSV header %q, want %q", header, wantHeader)
	}
	got := map[string]map[string][]string{} // section → slug or name → record
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if got[rec[0]] == nil {
			got[rec[0]] = map[string][]string{}
		}
		key := rec[2]
		if key == "" {
			key = rec[1]
		}
		got[rec[0]][key] = rec
	}
	n := strconv.Itoa
	check := func(section, key string, want []string) {
		t.Helper()
		rec, ok := got[section][key]
		if !ok {
			t.Errorf("CSV: no %s row %q", section, key)
			return
		}
		if !slices.Equal(rec, want) {
			t.Errorf("CSV row %q, want %q", rec, want)
		}
		delete(got[section], key)
	}
	check("totals", "Tổng cộng", []string{"totals", "Tổng cộng", "", n(want.Models), n(want.Exemplars), n(want.Replications), n(want.Members), n(want.Provinces), n(want.Types)})
	for _, p := range want.provinces {
		check("provinces", p.Slug, []string{"provinces", p.Name, p.Slug, n(p.Models), n(p.Exemplars), n(p.Replications), "", "", ""})
	}
	for _, f := range want.fields {
		check("fields", f.Slug, []string{"fields", f.Name, f.Slug, n(f.Models), "0", n(f.Replications), "", "", ""})
	}
	for _, k := range want.types {
		check("types", k.Slug, []string{"types", k.Name, k.Slug, n(k.Models), "0", n(k.Replications), "", "", ""})
	}
	for _, y := range want.years {
		check("years", n(y[0]), []string{"years", n(y[0]), "", n(y[1]), "", "", "", "", ""})
	}
	for section, rest := range got {
		for _, rec := range rest {
			t.Errorf("CSV: unexpected %s row %q", section, rec)
		}
	}
}

// headline returns the figures shown in the section.figures list of a
// page, by what they count: "models", "replications", "exemplars",
// "provinces", "types".
func headline(t *testing.T, pg *page) map[string]string {
	t.Helper()
	sections := elements(pg.doc, func(n *html.Node) bool { return n.DataAtom == atom.Section && hasClass("figures")(n) })
	if len(sections) != 1 {
		t.Fatalf("%s: %d section.figures, want 1", pg.path, len(sections))
	}
	out := map[string]string{}
	for _, li := range elements(sections[0], byAtom(atom.Li)) {
		strong := elements(li, byAtom(atom.Strong))
		if len(strong) != 1 {
			continue
		}
		num := text(strong[0])
		label := strings.TrimSpace(strings.TrimPrefix(text(li), num))
		var key string
		switch {
		case strings.Contains(label, "điểm nhân rộng"):
			key = "replications"
		case strings.Contains(label, "loại mô hình"):
			key = "types"
		case strings.Contains(label, "tỉnh"):
			key = "provinces"
		case strings.Contains(label, "điển hình"):
			key = "exemplars"
		case strings.Contains(label, "mô hình"):
			key = "models"
		default:
			t.Errorf("%s: figure %q %q: counts what?", pg.path, num, label)
			continue
		}
		if _, dup := out[key]; dup {
			t.Errorf("%s: %s shown twice", pg.path, key)
		}
		out[key] = num
	}
	return out
}

// TestStatsPages checks the figures, tables and charts of /thong-ke/ and
// the figures of the home page against the recomputed statistics, in
// Vietnamese number format (1.490).
func TestStatsPages(t *testing.T) {
	s := realSite(t)
	want := computeStats(t, s.src)
	wantFig := map[string]string{
		"models":       viNumber(want.Models),
		"replications": viNumber(want.Replications),
		"exemplars":    viNumber(want.Exemplars),
		"provinces":    viNumber(want.Provinces),
		"types":        viNumber(want.Types),
	}
	if want.Replications < 1000 {
		t.Logf("fewer than 1000 replication points: the thousands separator is not exercised")
	}
	for _, tc := range []struct {
		path string
		keys []string
	}{
		{"/thong-ke/", []string{"models", "replications", "exemplars", "provinces", "types"}},
		{"/", []string{"models", "replications", "exemplars", "provinces"}},
	} {
		got := headline(t, s.page(t, tc.path))
		for _, k := range tc.keys {
			if got[k] != wantFig[k] {
				t.Errorf("%s shows %q %s, want %q", tc.path, got[k], k, wantFig[k])
			}
		}
		for k, v := range got {
			if v != wantFig[k] {
				t.Errorf("%s shows %q %s, want %q", tc.path, v, k, wantFig[k])
			}
		}
	}

	pg := s.page(t, "/thong-ke/")
	tables := map[string][][]string{} // caption → rows of cells
	for _, tbl := range elements(pg.doc, byAtom(atom.Table)) {
		var caption string
		if c := elements(tbl, byAtom(atom.Caption)); len(c) == 1 {
			caption = text(c[0])
		}
		for _, tr := range elements(tbl, byAtom(atom.Tr)) {
			if len(elements(tr, byAtom(atom.Td))) == 0 {
				continue // the header
			}
			var cells []string
			for c := tr.FirstChild; c != nil; c = c.NextSibling {
				if c.DataAtom == atom.Th || c.DataAtom == atom.Td {
					cells = append(cells, text(c))
				}
			}
			tables[caption] = append(tables[caption], cells)
		}
	}
	var wantTables []struct {
		match string
		rows  [][]string
	}
	add := func(match string, rows [][]string) {
		wantTables = append(wantTables, struct {
			match string
			rows  [][]string
		}{match, rows})
	}
	var rows [][]string
	for _, p := range want.provinces {
		rows = append(rows, []string{p.Name, viNumber(p.Models), viNumber(p.Exemplars), viNumber(p.Replications)})
	}
	add("tỉnh thành", rows)
	rows = nil
	for _, f := range want.fields {
		rows = append(rows, []string{f.Name, viNumber(f.Models), viNumber(f.Replications)})
	}
	add("lĩnh vực", rows)
	rows = nil
	for _, y := range want.years {
		rows = append(rows, []string{strconv.Itoa(y[0]), viNumber(y[1])})
	}
	add("năm", rows)
	rows = nil
	for _, k := range want.types {
		rows = append(rows, []string{k.Name, viNumber(k.Models), viNumber(k.Replications)})
	}
	add("loại mô hình", rows)
	for _, wt := range wantTables {
		var caption string
		for c := range tables {
			if strings.Contains(c, wt.match) {
				if caption != "" {
					t.Fatalf("tables %q and %q both match %q", caption, c, wt.match)
				}
				caption = c
			}
		}
		if caption == "" {
			t.Errorf("/thong-ke/: no table whose caption names %q; captions: %q", wt.match, slices.Collect(maps.Keys(tables)))
			continue
		}
		got := tables[caption]
		// Province and year rows are in a fixed order; fields and types
		// are ranked, which TestStatsJSON checks: compare them as sets.
		cmp := func(a, b []string) int { return strings.Compare(strings.Join(a, "|"), strings.Join(b, "|")) }
		if wt.match == "lĩnh vực" || wt.match == "loại mô hình" {
			got = slices.SortedFunc(slices.Values(got), cmp)
			wt.rows = slices.SortedFunc(slices.Values(wt.rows), cmp)
		}
		if !slices.EqualFunc(got, wt.rows, slices.Equal) {
			t.Errorf("/thong-ke/ table %q:\n got %q\nwant %q", caption, got, wt.rows)
		}
	}
}

// svgElement matches an inline <svg> element; charts do not nest.
var svgElement = regexp.MustCompile(`(?s)<svg[\s>].*?</svg>`)

// TestStatsSVG checks that every inline <svg> of /thong-ke/ is well-formed
// XML, and that the map's tiles give each province's number of models.
func TestStatsSVG(t *testing.T) {
	s := realSite(t)
	want := computeStats(t, s.src)
	raw := s.page(t, "/thong-ke/").raw
	svgs := svgElement.FindAll(raw, -1)
	if len(svgs) < 4 {
		t.Errorf("/thong-ke/ has %d <svg>, want the map and three charts at least", len(svgs))
	}
	type tile struct {
		Href  string `xml:"href,attr"`
		Title string `xml:"title"`
	}
	var tiles []tile
	for i, svg := range svgs {
		dec := xml.NewDecoder(bytes.NewReader(svg))
		dec.Strict = true
		depth := 0
		var err error
		for {
			var tok xml.Token
			tok, err = dec.Token()
			if err != nil {
				break
			}
			switch tok.(type) {
			case xml.StartElement:
				depth++
			case xml.EndElement:
				depth--
			}
		}
		if !errors.Is(err, io.EOF) || depth != 0 {
			t.Errorf("<svg> %d is not well-formed XML: %v\n%.300s", i, err, svg)
			continue
		}
		if bytes.Contains(svg, []byte("chart-map")) {
			var m struct {
				Tiles []tile `xml:"a"`
			}
			if err := xml.Unmarshal(svg, &m); err != nil {
				t.Errorf("the province map: %v", err)
			}
			tiles = append(tiles, m.Tiles...)
		}
	}
	if len(tiles) != len(want.provinces) {
		t.Errorf("the province map has %d linked tiles, want %d", len(tiles), len(want.provinces))
	}
	bySlug := map[string]row{}
	for _, p := range want.provinces {
		bySlug[p.Slug] = p
	}
	for _, tl := range tiles {
		slug := strings.TrimSuffix(strings.TrimPrefix(tl.Href, "/tinh-thanh/"), "/")
		p, ok := bySlug[slug]
		if !ok {
			t.Errorf("map tile links %q, not a province", tl.Href)
			continue
		}
		if w := fmt.Sprintf("%s: %s mô hình", p.Name, viNumber(p.Models)); tl.Title != w {
			t.Errorf("map tile %s: title %q, want %q", slug, tl.Title, w)
		}
	}
}
