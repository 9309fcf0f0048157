package stats

import (
	"encoding/xml"
	"errors"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/lantoa/lantoa/internal/vi"
)

// node is an XML element with its attributes, children and direct text.
type node struct {
	XMLName  xml.Name
	Attrs    []xml.Attr `xml:",any,attr"`
	Children []node     `xml:",any"`
	Text     string     `xml:",chardata"`
}

func (n *node) attr(name string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func (n *node) hasClass(c string) bool { return slices.Contains(strings.Fields(n.attr("class")), c) }

// text returns the text of n and its descendants, with a space between
// the parts (the lines of a wrapped label).
func (n *node) text() string {
	parts := []string{strings.TrimSpace(n.Text)}
	for i := range n.Children {
		parts = append(parts, n.Children[i].text())
	}
	return strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
}

// all returns the descendants of n (and n) named name, in document order.
func (n *node) all(name string) []*node {
	var out []*node
	var walk func(*node)
	walk = func(m *node) {
		if m.XMLName.Local == name {
			out = append(out, m)
		}
		for i := range m.Children {
			walk(&m.Children[i])
		}
	}
	walk(n)
	return out
}

// child returns n's first child named name, or nil.
func (n *node) child(name string) *node {
	for i := range n.Children {
		if n.Children[i].XMLName.Local == name {
			return &n.Children[i]
		}
	}
	return nil
}

// parseSVG checks that svg is one well-formed XML element, an <svg> in the
// SVG namespace that a strict Content-Security-Policy allows and that
// scales with its container, labelled by its own <title> and <desc>, and
// returns its tree.
func parseSVG(t *testing.T, svg string) *node {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(svg))
	depth, roots := 0, 0
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v\n%s", err, svg)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
			}
			depth++
			if tok.Name.Local == "style" {
				t.Errorf("SVG has a <style> element")
			}
			for _, a := range tok.Attr {
				if a.Name.Local == "style" || strings.HasPrefix(a.Name.Local, "on") {
					t.Errorf("SVG element <%s> has a %s attribute, which a strict CSP forbids", tok.Name.Local, a.Name.Local)
				}
			}
		case xml.EndElement:
			depth--
		case xml.CharData:
			if depth == 0 && strings.TrimSpace(string(tok)) != "" {
				t.Errorf("text outside the <svg>: %q", tok)
			}
		}
	}
	if roots != 1 {
		t.Fatalf("SVG has %d root elements, want 1", roots)
	}
	var root node
	if err := xml.Unmarshal([]byte(svg), &root); err != nil {
		t.Fatal(err)
	}
	if root.XMLName.Local != "svg" || root.XMLName.Space != "http://www.w3.org/2000/svg" {
		t.Fatalf("root is %v, want an svg in the SVG namespace", root.XMLName)
	}
	if !regexp.MustCompile(`^0 0 [0-9.]+ [0-9.]+$`).MatchString(root.attr("viewBox")) {
		t.Errorf("viewBox = %q", root.attr("viewBox"))
	}
	if root.attr("width") != "" || root.attr("height") != "" {
		t.Errorf("svg has a fixed width or height")
	}
	if !root.hasClass("chart") {
		t.Errorf("svg class = %q, want chart", root.attr("class"))
	}
	ids := map[string]*node{}
	for _, name := range []string{"title", "desc"} {
		for _, n := range root.all(name) {
			if id := n.attr("id"); id != "" {
				ids[id] = n
			}
		}
	}
	refs := strings.Fields(root.attr("aria-labelledby") + " " + root.attr("aria-describedby"))
	if len(refs) != 2 {
		t.Errorf("svg is labelled by %q, want a title and a desc", refs)
	}
	for _, ref := range refs {
		n := ids[ref]
		if n == nil || strings.TrimSpace(n.text()) == "" {
			t.Errorf("svg refers to %q, which is no non-empty <title> or <desc> of it", ref)
		}
	}
	if root.child("title") == nil || root.child("desc") == nil {
		t.Errorf("svg has no <title> or <desc> child")
	}
	return &root
}

// viewBoxSize returns the width and height of n's viewBox.
func viewBoxSize(t *testing.T, n *node) (w, h float64) {
	t.Helper()
	f := strings.Fields(n.attr("viewBox"))
	w, _ = strconv.ParseFloat(f[2], 64)
	h, _ = strconv.ParseFloat(f[3], 64)
	return w, h
}

func float(t *testing.T, n *node, attr string) float64 {
	t.Helper()
	f, err := strconv.ParseFloat(n.attr(attr), 64)
	if err != nil {
		t.Fatalf("<%s %s=%q>: %v", n.XMLName.Local, attr, n.attr(attr), err)
	}
	return f
}

func TestProvinceMap(t *testing.T) {
	fms, stories, provinces, fields := fixture(t)
	s := Compute(stories, provinces, fields, nil)
	want := recompute(fms, provinces, fields)
	root := parseSVG(t, string(ProvinceMap(s, "ban-do")))
	if root.attr("role") != "group" || root.attr("aria-labelledby") != "ban-do-title" || root.attr("aria-describedby") != "ban-do-desc" {
		t.Errorf("map svg role=%q aria-labelledby=%q aria-describedby=%q", root.attr("role"), root.attr("aria-labelledby"), root.attr("aria-describedby"))
	}
	top := 0
	for _, c := range want.ByProvince {
		top = max(top, c.Models)
	}
	links := root.all("a")
	if len(links) != 34 {
		t.Fatalf("map has %d links, want 34", len(links))
	}
	byHref := map[string]*node{}
	abbrs := map[string]bool{}
	cells := map[[2]float64]bool{}
	for _, a := range links {
		byHref[a.attr("href")] = a
		rect := a.child("rect")
		if rect == nil {
			t.Fatalf("tile %s has no rect", a.attr("href"))
		}
		cell := [2]float64{float(t, rect, "x"), float(t, rect, "y")}
		if cells[cell] {
			t.Errorf("two tiles at %v", cell)
		}
		cells[cell] = true
		var abbr string
		for _, txt := range a.all("text") {
			if txt.attr("aria-hidden") != "true" {
				t.Errorf("tile text %q is not aria-hidden", txt.text())
			}
			if txt.hasClass("tile-name") {
				abbr = txt.text()
			}
		}
		if abbr == "" || len([]rune(abbr)) > 4 || abbrs[abbr] {
			t.Errorf("tile %s: abbreviation %q missing, long or not unique", a.attr("href"), abbr)
		}
		abbrs[abbr] = true
	}
	for _, c := range want.ByProvince {
		a := byHref["/tinh-thanh/"+c.Slug+"/"]
		if a == nil {
			t.Errorf("no tile links to %s", c.Slug)
			continue
		}
		title := a.child("title")
		if title == nil || title.text() != c.Name+": "+vi.FormatInt(int64(c.Models))+" mô hình" {
			t.Errorf("tile %s: title %v, want %q", c.Slug, title, c.Name+": "+vi.FormatInt(int64(c.Models))+" mô hình")
		}
		lvl := 0
		if c.Models > 0 {
			lvl = 1
			for lvl < 5 && c.Models*5 > lvl*top {
				lvl++
			}
		}
		if rect := a.child("rect"); !rect.hasClass("tile") || !rect.hasClass("l"+strconv.Itoa(lvl)) {
			t.Errorf("tile %s (%d of at most %d): class %q, want tile l%d", c.Slug, c.Models, top, rect.attr("class"), lvl)
		}
		var count string
		for _, txt := range a.all("text") {
			if txt.hasClass("tile-count") {
				count = txt.text()
			}
		}
		if count != vi.FormatInt(int64(c.Models)) {
			t.Errorf("tile %s shows %q, want %d", c.Slug, count, c.Models)
		}
	}
	var legend *node
	for _, g := range root.all("g") {
		if g.hasClass("legend") {
			legend = g
		}
	}
	if legend == nil || legend.attr("aria-hidden") != "true" || len(legend.all("rect")) < 2 {
		t.Fatalf("map has no hidden legend with swatches")
	}
	// The fixture's top province has 3 models: shades l0, l2 (1), l4 (2), l5 (3).
	var legendText []string
	for _, txt := range legend.all("text") {
		legendText = append(legendText, txt.text())
	}
	if got, wantText := strings.Join(legendText, "|"), "Số mô hình|Chưa có|1|2|3"; got != wantText {
		t.Errorf("legend = %q, want %q", got, wantText)
	}
}

func TestProvinceMapLegendRanges(t *testing.T) {
	s := &Stats{ByProvince: []Count{{Name: "Hà Nội", Slug: "ha-noi", Models: 1234}, {Name: "Huế", Slug: "hue", Models: 1}}}
	root := parseSVG(t, string(ProvinceMap(s, "m")))
	var got []string
	for _, txt := range root.all("text") {
		if txt.hasClass("label") {
			got = append(got, txt.text())
		}
	}
	want := []string{"Chưa có", "1–246", "247–493", "494–740", "741–987", "988–1.234"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("legend labels = %q, want %q", got, want)
	}
	// Names missing from the stats come from the built-in list.
	for _, a := range root.all("a") {
		if a.attr("href") == "/tinh-thanh/ho-chi-minh/" && a.child("title").text() != "Thành phố Hồ Chí Minh: 0 mô hình" {
			t.Errorf("HCM tile title = %q", a.child("title").text())
		}
	}
}

func TestTileLayout(t *testing.T) {
	_, slugs := vocabulary(t, "tinh-thanh")
	layout := tileLayout()
	seen := map[string]bool{}
	for _, tl := range layout {
		if slugs[tl.Name] != tl.Slug {
			t.Errorf("tile %s %q does not match data/tinh-thanh.yaml", tl.Slug, tl.Name)
		}
		if tl.Col < 0 || tl.Col >= mapCols || tl.Row < 0 || tl.Row >= mapRows {
			t.Errorf("tile %s at (%d,%d) is outside the %d×%d grid", tl.Slug, tl.Col, tl.Row, mapCols, mapRows)
		}
		seen[tl.Slug] = true
	}
	if len(seen) != 34 || len(layout) != 34 {
		t.Errorf("layout has %d tiles for %d provinces, want 34", len(layout), len(seen))
	}
	// Roughly geographic: north above south.
	pos := map[string]tile{}
	for _, tl := range layout {
		pos[tl.Slug] = tl
	}
	for _, pair := range [][2]string{
		{"lai-chau", "ha-noi"}, {"ha-noi", "thanh-hoa"}, {"thanh-hoa", "hue"}, {"hue", "khanh-hoa"},
		{"gia-lai", "lam-dong"}, {"dong-nai", "ho-chi-minh"}, {"an-giang", "ca-mau"},
	} {
		if pos[pair[0]].Row >= pos[pair[1]].Row {
			t.Errorf("%s is not above %s", pair[0], pair[1])
		}
	}
}

func TestBarChart(t *testing.T) {
	fms, stories, provinces, fields := fixture(t)
	s := Compute(stories, provinces, fields, nil)
	want := recompute(fms, provinces, fields)
	for _, tc := range []struct {
		name  string
		rows  []Count
		value func(Count) int
		get   func(Count) int
	}{
		{"fields", want.ByField, nil, func(c Count) int { return c.Models }},
		{"types", want.ByType, func(c Count) int { return c.Replications }, func(c Count) int { return c.Replications }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows := s.ByField
			if tc.name == "types" {
				rows = s.ByType
			}
			root := parseSVG(t, string(BarChart(rows, tc.value, "Tiêu đề", "Mô tả", "c-"+tc.name)))
			if root.attr("role") != "img" || root.attr("aria-labelledby") != "c-"+tc.name+"-title c-"+tc.name+"-desc" {
				t.Errorf("role=%q aria-labelledby=%q", root.attr("role"), root.attr("aria-labelledby"))
			}
			width, height := viewBoxSize(t, root)
			var labels, values []*node
			for _, txt := range root.all("text") {
				switch {
				case txt.hasClass("label"):
					labels = append(labels, txt)
				case txt.hasClass("value"):
					values = append(values, txt)
				}
			}
			bars := root.all("rect")
			if len(labels) != len(tc.rows) || len(values) != len(tc.rows) || len(bars) != len(tc.rows) {
				t.Fatalf("%d labels, %d values, %d bars for %d rows", len(labels), len(values), len(bars), len(tc.rows))
			}
			top := 0
			for _, r := range tc.rows {
				top = max(top, tc.get(r))
			}
			var unit float64
			for i, r := range tc.rows {
				if labels[i].text() != r.Name {
					t.Errorf("row %d label %q, want %q", i, labels[i].text(), r.Name)
				}
				if values[i].text() != vi.FormatInt(int64(tc.get(r))) {
					t.Errorf("row %d (%s) value %q, want %s", i, r.Name, values[i].text(), vi.FormatInt(int64(tc.get(r))))
				}
				// Every label line fits left of the bars, every value
				// right of its bar and inside the chart.
				labelRight := float(t, labels[i], "x")
				for _, line := range append([]*node{labels[i]}, labels[i].all("tspan")...) {
					if line.XMLName.Local == "tspan" && textWidth(line.text(), fontSize) > labelRight+0.5 {
						t.Errorf("label line %q is wider than its column (%v)", line.text(), labelRight)
					}
				}
				bx, bw := float(t, bars[i], "x"), float(t, bars[i], "width")
				if bx <= labelRight {
					t.Errorf("bar %d starts at %v, over its label ending at %v", i, bx, labelRight)
				}
				if end := float(t, values[i], "x") + boldWidth(values[i].text(), fontSize); end > width {
					t.Errorf("value %q ends at %v, beyond the chart width %v", values[i].text(), end, width)
				}
				if y := float(t, bars[i], "y") + float(t, bars[i], "height"); y > height {
					t.Errorf("bar %d ends at y=%v, below the chart height %v", i, y, height)
				}
				// Bars are proportional to the values.
				if v := tc.get(r); v > 0 && v == top {
					unit = bw / float64(v)
				}
			}
			for i, r := range tc.rows {
				if v := tc.get(r); v > 0 {
					// Tiny bars are widened to 2 units to stay visible.
					if got, want := float(t, bars[i], "width"), max(unit*float64(v), 2); math.Abs(got-want) > 0.15 {
						t.Errorf("bar %d width %v, want %v", i, got, want)
					}
				} else if got := float(t, bars[i], "width"); got != 0 {
					t.Errorf("bar %d of 0 has width %v", i, got)
				}
			}
		})
	}
}

func TestBarChartWrapsLongLabels(t *testing.T) {
	long := "Phòng cháy, chữa cháy và cứu nạn, cứu hộ ở khu dân cư và khu công nghiệp"
	root := parseSVG(t, string(BarChart([]Count{{Name: long, Models: 3}, {Name: "Ngắn", Models: 1}}, nil, "t", "d", "w")))
	label := root.all("text")[0]
	if n := len(label.all("tspan")); n < 2 {
		t.Errorf("long label is on %d line(s), want it wrapped", n)
	}
	if label.text() != long {
		t.Errorf("wrapped label reads %q, want %q", label.text(), long)
	}
	width, _ := viewBoxSize(t, root)
	if x := float(t, label, "x"); x > width*0.6 {
		t.Errorf("label column ends at %v of %v: the bars have no room", x, width)
	}
}

func TestYearChart(t *testing.T) {
	fms, stories, provinces, fields := fixture(t)
	s := Compute(stories, provinces, fields, nil)
	want := recompute(fms, provinces, fields)
	root := parseSVG(t, string(YearChart(s.ByYear, "Năm bắt đầu", "Số mô hình theo năm", "nam")))
	var columns []*node
	for _, r := range root.all("rect") {
		if r.hasClass("bar") {
			columns = append(columns, r)
		}
	}
	var years, values []string
	for _, txt := range root.all("text") {
		switch {
		case txt.hasClass("label"):
			years = append(years, txt.text())
		case txt.hasClass("value"):
			values = append(values, txt.text())
		}
	}
	var wantYears, wantValues []string
	nonZero := 0
	for _, y := range want.ByYear {
		wantYears = append(wantYears, strconv.Itoa(y.Year))
		if y.Models > 0 {
			nonZero++
			wantValues = append(wantValues, vi.FormatInt(int64(y.Models)))
		}
	}
	if len(columns) != nonZero {
		t.Errorf("%d columns, want %d (one per year with models)", len(columns), nonZero)
	}
	// Every year is labelled, or every k-th from the first when they are
	// too many to fit.
	if len(years) == 0 || years[0] != wantYears[0] {
		t.Fatalf("year labels %q, want them to start at %s", years, wantYears[0])
	}
	k := 1
	if len(years) > 1 {
		y0, _ := strconv.Atoi(years[0])
		y1, _ := strconv.Atoi(years[1])
		k = y1 - y0
	}
	if len(years) != (len(wantYears)+k-1)/k {
		t.Errorf("%d year labels every %d years, want %d", len(years), k, (len(wantYears)+k-1)/k)
	}
	for i, y := range years {
		if i*k >= len(wantYears) || y != wantYears[i*k] {
			t.Errorf("year labels %q, want every %d-th of %q", years, k, wantYears)
			break
		}
	}
	if strings.Join(values, " ") != strings.Join(wantValues, " ") {
		t.Errorf("values %q, want %q", values, wantValues)
	}
}

func TestYearChartManyYears(t *testing.T) {
	var years []YearCount
	for y := 1975; y <= 2025; y++ { // 51 years: labels every 5, 2025 included
		years = append(years, YearCount{y, (y * 7919) % 13 * 1000})
	}
	root := parseSVG(t, string(YearChart(years, "t", "d", "y")))
	var xs []float64
	for _, txt := range root.all("text") {
		if txt.hasClass("label") {
			if strings.Contains(txt.text(), ".") {
				t.Errorf("year written as a number: %q", txt.text())
			}
			xs = append(xs, float(t, txt, "x"))
		}
		if txt.hasClass("tick") && txt.text() != "0" && !strings.Contains(txt.text(), ".") {
			t.Errorf("tick %q is not grouped the Vietnamese way", txt.text())
		}
	}
	width, _ := viewBoxSize(t, root)
	if last := xs[len(xs)-1] + textWidth("2000", smallFont)/2; last > width {
		t.Errorf("last year label ends at %v, beyond the chart width %v", last, width)
	}
	if len(xs) < 5 || len(xs) == len(years) {
		t.Errorf("%d year labels for %d years, want a thinned set", len(xs), len(years))
	}
	for i := 1; i < len(xs); i++ {
		if xs[i]-xs[i-1] < textWidth("2000", smallFont) {
			t.Errorf("year labels %d and %d overlap: %v apart", i-1, i, xs[i]-xs[i-1])
		}
	}
}

func TestEmptyCharts(t *testing.T) {
	for name, svg := range map[string]string{
		"bars":  string(BarChart(nil, nil, "t", "d", "b")),
		"years": string(YearChart(nil, "t", "d", "y")),
		"map":   string(ProvinceMap(Compute(nil, nil, nil, nil), "m")),
	} {
		root := parseSVG(t, svg)
		if name != "map" && !strings.Contains(root.text(), emptyText) {
			t.Errorf("%s: empty chart does not say %q", name, emptyText)
		}
	}
}

func TestEscaping(t *testing.T) {
	evil := `Hà <Nội> & "x" 'y'`
	s := Compute([]Story{{
		Kind: KindModel, Province: evil, ProvinceSlug: "ha-noi",
		Fields: []Term{{evil + " lĩnh vực", "f"}}, Type: Term{"<script>alert(1)</script>", "t"}, Started: 2020,
	}}, []Term{{evil, "ha-noi"}}, nil, func(tax, slug string) string { return `/x?a=1&b="2"/` + slug })
	for name, svg := range map[string]string{
		"map":    string(ProvinceMap(s, `id" onload="x`)),
		"fields": string(BarChart(s.ByField, nil, evil, evil, "f")),
		"types":  string(BarChart(s.ByType, nil, "<t>", "<d>", "t")),
		"years":  string(YearChart(s.ByYear, evil, evil, "y")),
	} {
		t.Run(name, func(t *testing.T) {
			for _, raw := range []string{"<Nội>", "<script>", `"x"`, "<t>", "<d>", "& "} {
				if strings.Contains(svg, raw) {
					t.Errorf("raw %q in output", raw)
				}
			}
			root := parseSVG(t, svg)
			text := root.text()
			switch name {
			case "map":
				if !strings.Contains(text, evil+": 1 mô hình") {
					t.Errorf("map text lacks the unescaped name: %q", text)
				}
				if a := root.all("a"); a[slicesIndexHref(a, `/x?a=1&b="2"/ha-noi`)].attr("href") != `/x?a=1&b="2"/ha-noi` {
					t.Errorf("href not kept")
				}
				if strings.Contains(root.attr("aria-labelledby"), `"`) || strings.Contains(root.attr("aria-labelledby"), " onload") {
					t.Errorf("id prefix not sanitized: %q", root.attr("aria-labelledby"))
				}
			case "fields":
				if !strings.Contains(text, evil+" lĩnh vực") || root.child("title").text() != evil {
					t.Errorf("text lacks the unescaped names: %q", text)
				}
			case "types":
				if !strings.Contains(text, "<script>alert(1)</script>") {
					t.Errorf("text lacks the unescaped type: %q", text)
				}
			}
		})
	}
}

func slicesIndexHref(as []*node, href string) int {
	for i, a := range as {
		if a.attr("href") == href {
			return i
		}
	}
	return 0
}

func TestSanitizeID(t *testing.T) {
	for in, want := range map[string]string{"": "chart", "ban-do_1": "ban-do_1", "a b\"c": "a-b-c", "thống kê": "th-ng-k-"} {
		if got := sanitizeID(in); got != want {
			t.Errorf("sanitizeID(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNiceScale(t *testing.T) {
	for _, tc := range []struct{ max, step, top int }{
		{0, 1, 1}, {1, 1, 1}, {3, 1, 3}, {4, 1, 4}, {5, 2, 6}, {7, 2, 8}, {9, 5, 10}, {13, 5, 15},
		{100, 50, 100}, {124000, 50000, 150000},
	} {
		step, top := niceScale(tc.max)
		if step != tc.step || top != tc.top {
			t.Errorf("niceScale(%d) = %d, %d; want %d, %d", tc.max, step, top, tc.step, tc.top)
		}
	}
}

func TestWrapLabel(t *testing.T) {
	for _, tc := range []struct {
		s     string
		width float64
		want  []string
	}{
		{"Giáo dục, giúp đỡ người lầm lỗi", 192, []string{"Giáo dục,", "giúp đỡ người lầm lỗi"}},
		{"Khu dân cư an toàn về an ninh trật tự kiểu mẫu", 192, []string{"Khu dân cư an toàn về", "an ninh trật tự kiểu mẫu"}},
		{"Phòng, chống tội phạm", 192, []string{"Phòng, chống tội phạm"}},
		{"Phòng cháy, chữa cháy và cứu nạn, cứu hộ", 192, []string{"Phòng cháy, chữa cháy", "và cứu nạn, cứu hộ"}},
		{"Siêu-dài-không-có-khoảng-trắng-nào-cả-đâu", 50, []string{"Siêu-dài-không-có-khoảng-trắng-nào-cả-đâu"}},
		{"", 100, []string{""}},
	} {
		got := wrapLabel(tc.s, tc.width, fontSize)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("wrapLabel(%q, %v) = %q, want %q", tc.s, tc.width, got, tc.want)
		}
		for _, l := range got {
			if strings.Contains(l, " ") && textWidth(l, fontSize) > tc.width {
				t.Errorf("line %q is wider than %v", l, tc.width)
			}
		}
	}
}
