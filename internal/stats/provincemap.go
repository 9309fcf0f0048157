package stats

import (
	"html/template"
	"strconv"
	"strings"

	"github.com/lantoa/lantoa/internal/vi"
)

// A tile places a province on the map grid.
type tile struct {
	Slug, Name, Abbr string
	Col, Row         int
}

// Map grid geometry, in viewBox units.
const (
	mapCols   = 6
	mapRows   = 14
	cellSize  = 64 // tile plus gap
	tileSize  = 58
	mapPad    = 4
	levels    = 5 // shades above l0
	swatch    = 22
	legendTop = 3 // grid row where the legend starts, left of the central strip
)

// tileLayout returns the tile-grid cartogram of the 34 provincial units in
// force since 1/7/2025, one tile per unit, roughly where it lies: the
// northern mountains on top, the Red River delta, the central strip
// running down and east, the highlands and south-central coast, then the
// south-east and the Mekong delta at the bottom left.
func tileLayout() []tile {
	return []tile{
		{"lai-chau", "Lai Châu", "LCh", 1, 0},
		{"lao-cai", "Lào Cai", "LCa", 2, 0},
		{"tuyen-quang", "Tuyên Quang", "TQ", 3, 0},
		{"cao-bang", "Cao Bằng", "CB", 4, 0},
		{"dien-bien", "Điện Biên", "ĐB", 0, 1},
		{"son-la", "Sơn La", "SL", 1, 1},
		{"phu-tho", "Phú Thọ", "PT", 2, 1},
		{"thai-nguyen", "Thái Nguyên", "TN", 3, 1},
		{"lang-son", "Lạng Sơn", "LS", 4, 1},
		{"ha-noi", "Hà Nội", "HN", 2, 2},
		{"bac-ninh", "Bắc Ninh", "BN", 3, 2},
		{"quang-ninh", "Quảng Ninh", "QNi", 4, 2},
		{"ninh-binh", "Ninh Bình", "NB", 2, 3},
		{"hung-yen", "Hưng Yên", "HY", 3, 3},
		{"hai-phong", "Hải Phòng", "HP", 4, 3},
		{"thanh-hoa", "Thanh Hóa", "TH", 2, 4},
		{"nghe-an", "Nghệ An", "NA", 2, 5},
		{"ha-tinh", "Hà Tĩnh", "HT", 3, 5},
		{"quang-tri", "Quảng Trị", "QT", 3, 6},
		{"hue", "Huế", "Huế", 3, 7},
		{"da-nang", "Đà Nẵng", "ĐNg", 4, 7},
		{"quang-ngai", "Quảng Ngãi", "QNg", 4, 8},
		{"gia-lai", "Gia Lai", "GL", 4, 9},
		{"dak-lak", "Đắk Lắk", "ĐL", 4, 10},
		{"tay-ninh", "Tây Ninh", "TNi", 2, 11},
		{"dong-nai", "Đồng Nai", "ĐNa", 3, 11},
		{"lam-dong", "Lâm Đồng", "LĐ", 4, 11},
		{"khanh-hoa", "Khánh Hòa", "KH", 5, 11},
		{"an-giang", "An Giang", "AG", 0, 12},
		{"dong-thap", "Đồng Tháp", "ĐT", 1, 12},
		{"vinh-long", "Vĩnh Long", "VL", 2, 12},
		{"ho-chi-minh", "Thành phố Hồ Chí Minh", "HCM", 3, 12},
		{"ca-mau", "Cà Mau", "CM", 0, 13},
		{"can-tho", "Cần Thơ", "CT", 1, 13},
	}
}

// level returns the shade 0..5 of a province with n models when the most
// models in a province is top: 0 for none, else ⌈5n/top⌉, so the shades
// are proportional to the counts.
func level(n, top int) int {
	if n <= 0 || top <= 0 {
		return 0
	}
	return min((n*levels+top-1)/top, levels)
}

// levelOpacity is the fill-opacity of each shade when no stylesheet
// colours the tiles.
func levelOpacity(l int) string {
	return [...]string{"0.04", "0.1", "0.18", "0.27", "0.38", "0.5"}[l]
}

// ProvinceMap draws the 34 provinces as a tile-grid cartogram: one square
// tile per province, placed roughly where it lies, shaded by its number of
// models (class "tile lN": l0 for none, l1 … l5 proportionally to the
// most models in a province) and labelled with a short abbreviation and
// the count. Each tile is a link to the province's page (its ByProvince
// URL, else /tinh-thanh/SLUG/) named by its <title>, "Hà Nội: 12 mô hình".
// A legend explains the shades. Province names come from s.ByProvince
// when it has the slug, else from the built-in list; provinces of
// s.ByProvince that are not among the 34 are not drawn.
func ProvinceMap(s *Stats, idPrefix string) template.HTML {
	id := sanitizeID(idPrefix)
	rows := map[string]Count{}
	for _, c := range s.ByProvince {
		rows[c.Slug] = c
	}
	layout := tileLayout()
	top, best := 0, ""
	covered := 0
	for _, t := range layout {
		c := rows[t.Slug]
		if c.Models > 0 {
			covered++
		}
		if c.Models > top {
			top, best = c.Models, nameOr(c.Name, t.Name)
		}
	}

	title := "Bản đồ số mô hình theo tỉnh, thành phố"
	desc := strconv.Itoa(len(layout)) + " tỉnh, thành phố, mỗi ô là một tỉnh, thành phố đặt gần đúng vị trí trên bản đồ; " +
		"màu càng đậm càng nhiều mô hình. "
	if top == 0 {
		desc += "Chưa có mô hình nào."
	} else {
		desc += vi.FormatInt(int64(covered)) + " tỉnh, thành phố có mô hình; nhiều nhất là " + best + " với " +
			vi.FormatInt(int64(top)) + " mô hình."
	}

	var b strings.Builder
	width := float64(mapCols*cellSize - (cellSize - tileSize) + 2*mapPad)
	height := float64(mapRows*cellSize - (cellSize - tileSize) + 2*mapPad)
	svgOpen(&b, "chart-map", "group", id, width, height, fontSize, title, desc)
	for _, t := range layout {
		c, ok := rows[t.Slug]
		name, url := t.Name, "/"+TaxonomyProvinces+"/"+t.Slug+"/"
		if ok {
			name = nameOr(c.Name, t.Name)
			if c.URL != "" {
				url = c.URL
			}
		}
		l := strconv.Itoa(level(c.Models, top))
		x := float64(mapPad + t.Col*cellSize)
		y := float64(mapPad + t.Row*cellSize)
		cx := num(x + tileSize/2)
		b.WriteString(`<a href="` + esc(url) + `">`)
		b.WriteString(`<title>` + esc(name) + `: ` + vi.FormatInt(int64(c.Models)) + ` mô hình</title>`)
		b.WriteString(`<rect class="tile l` + l + `" x="` + num(x) + `" y="` + num(y) + `" width="` + num(tileSize) +
			`" height="` + num(tileSize) + `" rx="6" fill-opacity="` + levelOpacity(level(c.Models, top)) + `"/>`)
		b.WriteString(`<text class="tile-name l` + l + `" x="` + cx + `" y="` + num(y+26) +
			`" text-anchor="middle" font-size="17" font-weight="bold" aria-hidden="true">` + esc(t.Abbr) + `</text>`)
		b.WriteString(`<text class="tile-count l` + l + `" x="` + cx + `" y="` + num(y+46) +
			`" text-anchor="middle" font-size="14" aria-hidden="true">` + vi.FormatInt(int64(c.Models)) + `</text>`)
		b.WriteString(`</a>`)
	}
	writeLegend(&b, top)
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// writeLegend writes the legend of the shades, in the empty band left of
// the central provinces: one swatch per shade in use, with the range of
// counts it stands for.
func writeLegend(b *strings.Builder, top int) {
	x := float64(mapPad)
	y := float64(mapPad + legendTop*cellSize)
	b.WriteString(`<g class="legend" aria-hidden="true">`)
	b.WriteString(`<text class="legend-title" x="` + num(x) + `" y="` + num(y+fontSize) + `" font-weight="bold">Số mô hình</text>`)
	y += 26
	entry := func(l int, label string) {
		b.WriteString(`<rect class="tile l` + strconv.Itoa(l) + `" x="` + num(x) + `" y="` + num(y) + `" width="` + num(swatch) +
			`" height="` + num(swatch) + `" rx="4" fill-opacity="` + levelOpacity(l) + `"/>`)
		b.WriteString(`<text class="label" x="` + num(x+swatch+8) + `" y="` + num(y+swatch/2+fontSize*0.35) + `">` + label + `</text>`)
		y += swatch + 8
	}
	entry(0, "Chưa có")
	for l := 1; l <= levels; l++ {
		lo, hi := (l-1)*top/levels+1, l*top/levels
		switch {
		case lo > hi:
			continue
		case lo == hi:
			entry(l, vi.FormatInt(int64(lo)))
		default:
			entry(l, vi.FormatInt(int64(lo))+"–"+vi.FormatInt(int64(hi)))
		}
	}
	b.WriteString(`</g>`)
}

// nameOr returns name, or fallback when name is empty.
func nameOr(name, fallback string) string {
	if name == "" {
		return fallback
	}
	return name
}
