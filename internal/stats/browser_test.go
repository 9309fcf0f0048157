package stats

import (
	"bytes"
	"context"
	"encoding/json"
	"html/template"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/lantoa/lantoa/internal/browsertest"
	"github.com/lantoa/lantoa/internal/vi"
)

// sampleCSS is the stylesheet suggested for the site theme (see the
// package documentation for the classes): a sequential yellow-to-red scale
// for the tiles, inverted in dark mode so that more is brighter, and
// greys for print.
const sampleCSS = `.chart{display:block;width:100%;height:auto;max-width:34rem;margin:.5rem 0 1rem;color:#1f2328}
.chart-map{max-width:24rem}
.chart .bar{fill:#b3261e}
.chart .label,.chart .tick,.chart .legend-title{fill:#3d4147}
.chart .axis{stroke:#6b7077}
.chart .grid{stroke:#dcdfe3;stroke-opacity:1}
.chart .tile{fill-opacity:1;stroke:#c6cad0;stroke-width:1}
.tile.l0{fill:#f3f4f6}.tile.l1{fill:#feedc2}.tile.l2{fill:#fdcb7e}.tile.l3{fill:#f59a4b}.tile.l4{fill:#c4411f}.tile.l5{fill:#9f1c15}
.chart .tile-name,.chart .tile-count{fill:#1f2328}
.chart .l0.tile-count{fill:#5f646b}
.chart .l4.tile-name,.chart .l5.tile-name,.chart .l4.tile-count,.chart .l5.tile-count{fill:#fff}
.chart-map a:hover .tile,.chart-map a:focus .tile{stroke:currentColor;stroke-width:3}
@media (prefers-color-scheme:dark){
.chart{color:#e8e9eb}
.chart .bar{fill:#ff8f80}
.chart .label,.chart .tick,.chart .legend-title{fill:#c4c7cc}
.chart .axis{stroke:#9aa0a7}
.chart .grid{stroke:#3a3e44}
.chart .tile{stroke:#4b5057}
.tile.l0{fill:#23262b}.tile.l1{fill:#4d3320}.tile.l2{fill:#7d4a1e}.tile.l3{fill:#cf7a30}.tile.l4{fill:#e8893a}.tile.l5{fill:#ffc46b}
.chart .tile-name,.chart .tile-count{fill:#f3f4f6}
.chart .l0.tile-count{fill:#a9aeb5}
.chart .l3.tile-name,.chart .l4.tile-name,.chart .l5.tile-name,.chart .l3.tile-count,.chart .l4.tile-count,.chart .l5.tile-count{fill:#1b1b1b}
}
@media print{
.chart{color:#000}
.chart .bar{fill:#555}
.chart .label,.chart .tick,.chart .legend-title{fill:#000}
.chart .tile{stroke:#000}
.tile.l0{fill:#fff}.tile.l1{fill:#e8e8e8}.tile.l2{fill:#c8c8c8}.tile.l3{fill:#9a9a9a}.tile.l4{fill:#5e5e5e}.tile.l5{fill:#2b2b2b}
.chart .tile-name,.chart .tile-count{fill:#000}
.chart .l4.tile-name,.chart .l5.tile-name,.chart .l4.tile-count,.chart .l5.tile-count{fill:#fff}
}
`

// pageCSS styles the rest of the sample page, as a stand-in for the theme.
const pageCSS = `:root{color-scheme:light dark}
body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:0 auto;padding:1rem;color:#1f2328;background:#fff}
a{color:#0b57d0}
.totals{display:grid;grid-template-columns:repeat(auto-fit,minmax(8rem,1fr));gap:.5rem;padding:0;margin:0}
.totals div{border:1px solid #dcdfe3;border-radius:.5rem;padding:.5rem}
.totals dt{font-size:.85rem}.totals dd{margin:0;font-size:1.5rem;font-weight:700}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border-bottom:1px solid #dcdfe3;padding:.25rem .5rem;text-align:left}
td.n{text-align:right}
@media (prefers-color-scheme:dark){body{color:#e8e9eb;background:#16181c}a{color:#8ab4f8}.totals div,th,td{border-color:#3a3e44}}
`

// samplePage is a stand-in for the theme's /thong-ke/ page.
const samplePage = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>Thống kê</title><link rel="stylesheet" href="stats-sample.css"></head>
<body><main>
<h1>Thống kê phong trào</h1>
<dl class="totals">
<div><dt>Mô hình</dt><dd>{{n .Totals.Models}}</dd></div>
<div><dt>Điểm nhân rộng</dt><dd>{{n .Totals.Replications}}</dd></div>
<div><dt>Điển hình</dt><dd>{{n .Totals.Exemplars}}</dd></div>
<div><dt>Tỉnh, thành phố</dt><dd>{{n .Totals.Provinces}}</dd></div>
<div><dt>Loại mô hình</dt><dd>{{n .Totals.Types}}</dd></div>
</dl>
<h2>Theo tỉnh, thành phố</h2>
{{.Map}}
<details><summary>Bảng số liệu theo tỉnh, thành phố</summary>
<table><thead><tr><th scope="col">Tỉnh, thành phố</th><th scope="col">Mô hình</th><th scope="col">Điển hình</th></tr></thead><tbody>
{{range .ByProvince}}<tr><th scope="row"><a href="{{.URL}}">{{.Name}}</a></th><td class="n">{{n .Models}}</td><td class="n">{{n .Exemplars}}</td></tr>
{{end}}</tbody></table></details>
<h2>Theo lĩnh vực</h2>
{{.Fields}}
<table><thead><tr><th scope="col">Lĩnh vực</th><th scope="col">Mô hình</th></tr></thead><tbody>
{{range .ByField}}<tr><th scope="row"><a href="{{.URL}}">{{.Name}}</a></th><td class="n">{{n .Models}}</td></tr>
{{end}}</tbody></table>
<h2>Theo năm bắt đầu</h2>
{{.Years}}
<h2>Loại mô hình nhân rộng nhiều nhất</h2>
{{.Types}}
</main></body></html>
`

// writeSample writes the sample statistics page of the fixture, with its
// stylesheet, into dir, and returns the stats.
func writeSample(t *testing.T, dir string) *Stats {
	t.Helper()
	_, stories, provinces, fields := fixture(t)
	s := Compute(stories, provinces, fields, nil)
	tmpl := template.Must(template.New("page").Funcs(template.FuncMap{
		"n": func(i int) string { return vi.FormatInt(int64(i)) },
	}).Parse(samplePage))
	var buf bytes.Buffer
	err := tmpl.Execute(&buf, map[string]any{
		"Totals":     s.Totals,
		"ByProvince": s.ByProvince,
		"ByField":    s.ByField,
		"Map":        ProvinceMap(s, "ban-do"),
		"Fields": BarChart(s.ByField, nil, "Số mô hình theo lĩnh vực",
			"Lĩnh vực có nhiều mô hình nhất: "+s.ByField[0].Name+" ("+vi.FormatInt(int64(s.ByField[0].Models))+").", "linh-vuc"),
		"Years": YearChart(s.ByYear, "Số mô hình theo năm bắt đầu",
			"Từ năm "+itoa(s.ByYear[0].Year)+" đến năm "+itoa(s.ByYear[len(s.ByYear)-1].Year)+".", "nam"),
		"Types": BarChart(s.ByType, func(c Count) int { return c.Replications }, "Loại mô hình theo số điểm nhân rộng",
			"Nhiều nhất: "+s.ByType[0].Name+" với "+vi.FormatInt(int64(s.ByType[0].Replications))+" điểm.", "loai"),
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"index.html":       buf.Bytes(),
		"stats-sample.css": []byte(sampleCSS + pageCSS),
		"favicon.ico":      nil, // the browser asks for one
	} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func itoa(i int) string { return vi.FormatInt(int64(i)) }

// TestSamplePage checks the three charts in a page the way a reader's
// browser sees them, on a phone and a desktop, light and dark, under a
// Content-Security-Policy that forbids inline styles: no axe-core
// violation, no console message, no sideways scrolling, and each map tile
// a link named by its title. Screenshots and the page go to the test
// artifacts.
func TestSamplePage(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	dir := t.TempDir()
	s := writeSample(t, dir)
	base := browsertest.Serve(t, dir, map[string]string{
		"Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'",
	})
	browser := browsertest.Browser(t)
	for _, tc := range []struct {
		name          string
		width, height int
		scheme        string
	}{
		{"phone-light", 360, 740, "light"},
		{"phone-dark", 360, 740, "dark"},
		{"desktop-light", 1280, 900, "light"},
		{"desktop-dark", 1280, 900, "dark"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tab := browsertest.NewTab(t, browser, tc.width, tc.height)
			if _, err := chromedp.Call(tab, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: tc.scheme}},
			}); err != nil {
				t.Fatal(err)
			}
			console := browsertest.CollectConsole(tab)
			if err := chromedp.Do(tab, chromedp.Navigate(base+"/")); err != nil {
				t.Fatal(err)
			}
			for _, v := range browsertest.Axe(t, tab) {
				t.Errorf("axe: %v", v)
			}
			if sw, cw := browsertest.HorizontalOverflow(t, tab); sw > cw {
				t.Errorf("page scrolls sideways: %d > %d", sw, cw)
			}
			if m := console(); len(m) > 0 {
				t.Errorf("console: %q", m)
			}
			browsertest.Screenshot(t, tab, "stats-"+tc.name)
			if tc.name == "phone-light" {
				checkLinkNames(t, tab, s)
			}
		})
	}
	art := browsertest.ArtifactsDir(t)
	for _, name := range []string{"index.html", "stats-sample.css"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if name == "index.html" {
			name = "stats-sample.html"
		}
		if err := os.WriteFile(filepath.Join(art, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// checkLinkNames checks, in the browser's accessibility tree, that each map
// tile is a link whose name is "PROVINCE: N mô hình".
func checkLinkNames(t *testing.T, tab context.Context, s *Stats) {
	t.Helper()
	tree, err := chromedp.Call(tab, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
	if err != nil {
		t.Fatal(err)
	}
	links := map[string]bool{}
	for _, n := range tree.Nodes {
		if !n.Ignored && axString(n.Role) == "link" {
			links[axString(n.Name)] = true
		}
	}
	for _, c := range s.ByProvince {
		if name := c.Name + ": " + vi.FormatInt(int64(c.Models)) + " mô hình"; !links[name] {
			t.Errorf("no link named %q in the accessibility tree", name)
		}
	}
}

// axString returns the string of an accessibility value, or "".
func axString(v *accessibility.Value) string {
	if v == nil {
		return ""
	}
	var s string
	if err := json.Unmarshal([]byte(v.Value), &s); err != nil {
		return ""
	}
	return s
}
