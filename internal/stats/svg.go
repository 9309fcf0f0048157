package stats

import (
	"html"
	"html/template"
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/lantoa/lantoa/internal/vi"
	"golang.org/x/text/unicode/norm"
)

// Geometry of the bar and year charts, in viewBox units. The viewBox is
// narrow so that text stays legible when a phone shrinks the chart to its
// screen: at 340 CSS pixels, 13 units are 11 pixels.
const (
	chartWidth = 400
	chartPad   = 4
	fontSize   = 13 // labels and values
	smallFont  = 12 // year chart ticks and labels
	lineHeight = 16 // between the lines of a wrapped label
	barHeight  = 18
	barGap     = 10 // between rows
	labelGap   = 8  // between a label and the bar axis
	valueGap   = 5  // between a bar's end and its value
	yearHeight = 200
)

// emptyText is shown in a chart with nothing to draw.
const emptyText = "Chưa có dữ liệu"

// svgOpen writes the <svg> start tag with the chart's title and desc.
// role is "img" (labelled by title and desc) or "group" (labelled by title,
// described by desc).
func svgOpen(b *strings.Builder, class, role, id string, width, height float64, font int, title, desc string) {
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" class="chart `)
	b.WriteString(class)
	b.WriteString(`" viewBox="0 0 ` + num(width) + " " + num(height) + `" role="` + role + `"`)
	if role == "img" {
		b.WriteString(` aria-labelledby="` + id + `-title ` + id + `-desc"`)
	} else {
		b.WriteString(` aria-labelledby="` + id + `-title" aria-describedby="` + id + `-desc"`)
	}
	b.WriteString(` fill="currentColor" font-size="` + strconv.Itoa(font) + `">`)
	b.WriteString(`<title id="` + id + `-title">` + esc(title) + `</title>`)
	b.WriteString(`<desc id="` + id + `-desc">` + esc(desc) + `</desc>`)
}

// BarChart draws rows as horizontal bars of length value(row), each with
// its Name as a label on the left and the value, formatted by
// [vi.FormatInt], at the bar's end. A nil value draws Models. Labels wider
// than about half the chart wrap onto several lines. Negative values count
// as zero. title and desc name and summarize the chart for assistive
// technology; idPrefix makes its ids unique in the page.
func BarChart(rows []Count, value func(Count) int, title, desc, idPrefix string) template.HTML {
	if value == nil {
		value = func(c Count) int { return c.Models }
	}
	id := sanitizeID(idPrefix)
	var b strings.Builder
	if len(rows) == 0 {
		svgOpen(&b, "chart-bars", "img", id, chartWidth, 40, fontSize, title, desc)
		writeEmpty(&b, chartWidth, 40)
		b.WriteString(`</svg>`)
		return template.HTML(b.String())
	}

	vals := make([]int, len(rows))
	maxV, valueW, natural := 0, 0.0, 0.0
	for i, r := range rows {
		vals[i] = max(value(r), 0)
		maxV = max(maxV, vals[i])
		valueW = max(valueW, boldWidth(vi.FormatInt(int64(vals[i])), fontSize))
		natural = max(natural, textWidth(r.Name, fontSize))
	}
	valueW += valueGap
	labelW := 0.0
	lines := make([][]string, len(rows))
	for i, r := range rows {
		lines[i] = wrapLabel(r.Name, min(natural, chartWidth*0.48), fontSize)
		for _, l := range lines[i] {
			labelW = max(labelW, textWidth(l, fontSize))
		}
	}
	barX := chartPad + labelW + labelGap
	barMax := chartWidth - chartPad - valueW - barX

	height := float64(chartPad)
	for _, ls := range lines {
		height += max(barHeight, float64(len(ls)*lineHeight)) + barGap
	}
	height += chartPad - barGap

	svgOpen(&b, "chart-bars", "img", id, chartWidth, height, fontSize, title, desc)
	y := float64(chartPad)
	for i := range rows {
		h := max(barHeight, float64(len(lines[i])*lineHeight))
		mid := y + h/2
		base := mid - float64(len(lines[i])-1)*lineHeight/2 + fontSize*0.35
		b.WriteString(`<text class="label" x="` + num(barX-labelGap) + `" y="` + num(base) + `" text-anchor="end">`)
		for j, l := range lines[i] {
			if j == 0 {
				b.WriteString(`<tspan>` + esc(l) + `</tspan>`)
				continue
			}
			b.WriteString(`<tspan x="` + num(barX-labelGap) + `" dy="` + num(lineHeight) + `">` + esc(l) + `</tspan>`)
		}
		b.WriteString(`</text>`)
		w := 0.0
		if maxV > 0 {
			w = float64(vals[i]) / float64(maxV) * barMax
		}
		if vals[i] > 0 {
			w = max(w, 2)
		}
		b.WriteString(`<rect class="bar" x="` + num(barX) + `" y="` + num(mid-barHeight/2) + `" width="` + num(w) +
			`" height="` + num(barHeight) + `" rx="2"/>`)
		b.WriteString(`<text class="value" x="` + num(barX+w+valueGap) + `" y="` + num(mid+fontSize*0.35) + `" font-weight="bold">` +
			vi.FormatInt(int64(vals[i])) + `</text>`)
		y += h + barGap
	}
	b.WriteString(`<line class="axis" x1="` + num(barX) + `" y1="` + num(chartPad-2) + `" x2="` + num(barX) +
		`" y2="` + num(height-chartPad+2) + `" stroke="currentColor" stroke-width="1"/>`)
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// YearChart draws one column per year with the number of models started
// that year: years (plain digits) along the bottom, a value scale with
// gridlines on the left and, where there is room, the number on each
// non-empty column. When the years are too many to label each one, every
// second (fifth, ...) year is labelled. title, desc and idPrefix are as
// for [BarChart].
func YearChart(years []YearCount, title, desc, idPrefix string) template.HTML {
	id := sanitizeID(idPrefix)
	var b strings.Builder
	if len(years) == 0 {
		svgOpen(&b, "chart-years", "img", id, chartWidth, 40, smallFont, title, desc)
		writeEmpty(&b, chartWidth, 40)
		b.WriteString(`</svg>`)
		return template.HTML(b.String())
	}
	maxV := 0
	for _, y := range years {
		maxV = max(maxV, y.Models)
	}
	step, top := niceScale(maxV)

	tickW := textWidth(vi.FormatInt(int64(top)), smallFont)
	left := chartPad + tickW + 6
	right := float64(chartWidth - chartPad)
	plotTop := float64(chartPad + smallFont + 6) // room for a value above the tallest column
	axisY := float64(yearHeight - chartPad - smallFont - 8)
	plotH := axisY - plotTop

	svgOpen(&b, "chart-years", "img", id, chartWidth, yearHeight, smallFont, title, desc)
	for v := step; v <= top; v += step {
		y := axisY - float64(v)/float64(top)*plotH
		b.WriteString(`<line class="grid" x1="` + num(left) + `" y1="` + num(y) + `" x2="` + num(right) + `" y2="` + num(y) +
			`" stroke="currentColor" stroke-opacity="0.2" stroke-width="1"/>`)
	}
	for v := 0; v <= top; v += step {
		y := axisY - float64(v)/float64(top)*plotH
		b.WriteString(`<text class="tick" x="` + num(left-6) + `" y="` + num(y+smallFont*0.35) + `" text-anchor="end">` +
			vi.FormatInt(int64(v)) + `</text>`)
	}

	// The last year's label is centred on its column: keep it inside.
	yearW := textWidth("2000", smallFont)
	right -= max(0, yearW/2-(right-left)/float64(len(years))/2)
	slot := (right - left) / float64(len(years))
	colW := min(slot*0.7, 40)
	labelEvery := 1
	for _, k := range []int{1, 2, 5, 10, 20, 25, 50} {
		labelEvery = k
		if slot*float64(k) >= yearW+6 {
			break
		}
	}
	showValues := slot >= boldWidth(vi.FormatInt(int64(maxV)), smallFont)+2
	for i, y := range years {
		cx := left + (float64(i)+0.5)*slot
		h := float64(y.Models) / float64(top) * plotH
		if y.Models > 0 {
			b.WriteString(`<rect class="bar" x="` + num(cx-colW/2) + `" y="` + num(axisY-h) + `" width="` + num(colW) +
				`" height="` + num(h) + `" rx="1.5"/>`)
			if showValues {
				b.WriteString(`<text class="value" x="` + num(cx) + `" y="` + num(axisY-h-4) + `" text-anchor="middle" font-weight="bold">` +
					vi.FormatInt(int64(y.Models)) + `</text>`)
			}
		}
		if (y.Year-years[0].Year)%labelEvery == 0 {
			b.WriteString(`<text class="label" x="` + num(cx) + `" y="` + num(yearHeight-chartPad-2) + `" text-anchor="middle">` +
				strconv.Itoa(y.Year) + `</text>`)
		}
	}
	b.WriteString(`<line class="axis" x1="` + num(left) + `" y1="` + num(axisY) + `" x2="` + num(right) + `" y2="` + num(axisY) +
		`" stroke="currentColor" stroke-width="1"/>`)
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// niceScale returns the step and the top of a value scale from 0 to at
// least maxV in about four steps of 1, 2 or 5 times a power of ten (never
// less than 1).
func niceScale(maxV int) (step, top int) {
	if maxV <= 0 {
		return 1, 1
	}
	raw := float64(maxV) / 4
	step = 1
	for p := 1; ; p *= 10 {
		for _, m := range []int{1, 2, 5} {
			if float64(m*p) >= raw {
				step = m * p
				return step, (maxV + step - 1) / step * step
			}
		}
	}
}

// writeEmpty writes the "no data" message centred in a width × height chart.
func writeEmpty(b *strings.Builder, width, height float64) {
	b.WriteString(`<text class="empty" x="` + num(width/2) + `" y="` + num(height/2+fontSize*0.35) +
		`" text-anchor="middle">` + emptyText + `</text>`)
}

// esc escapes s for XML and HTML text and attribute values.
func esc(s string) string { return html.EscapeString(s) }

// num formats a coordinate with at most one decimal.
func num(f float64) string {
	f = math.Round(f*10) / 10
	if f == 0 {
		f = 0 // no "-0"
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// sanitizeID makes p usable as an id prefix: ASCII letters, digits, '-'
// and '_' are kept, anything else becomes '-'; an empty prefix is "chart".
func sanitizeID(p string) string {
	if p == "" {
		return "chart"
	}
	return strings.Map(func(r rune) rune {
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '-' || r == '_' {
			return r
		}
		return '-'
	}, p)
}

// textWidth estimates the width of s set at size in a sans-serif, from
// the advance widths of DejaVu Sans, the widest of the common ones (Roboto
// on Android and Arial are narrower): overestimating only leaves a little
// space. Vietnamese marks do not widen a letter. Bold text (the values) is
// about a tenth wider: see boldWidth.
func textWidth(s string, size float64) float64 {
	w := 0.0
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case strings.ContainsRune(" ,.:;'!|", r):
			w += 0.32
		case strings.ContainsRune("ijlI", r):
			w += 0.3
		case strings.ContainsRune("frt()-/", r):
			w += 0.42
		case strings.ContainsRune("mwMW", r):
			w += 0.98
		case unicode.IsUpper(r):
			w += 0.78
		default: // other lower-case letters, digits
			w += 0.64
		}
	}
	return w * size
}

// boldWidth estimates the width of s set in bold at size.
func boldWidth(s string, size float64) float64 { return textWidth(s, size) * 1.1 }

// wrapLabel splits a label into as few lines no wider than width as its
// words allow (a longer word is a line of its own), of even widths, and
// breaking after commas when that takes no more lines: "Giáo dục, /
// giúp đỡ người lầm lỗi" rather than "Giáo dục, giúp / đỡ người lầm lỗi",
// as a Vietnamese word often spans two syllables.
func wrapLabel(s string, width, size float64) []string {
	words := strings.Fields(s)
	var phrases []string
	start := 0
	for i, w := range words {
		// A one-word phrase stays with the next: "Phòng, chống" is one idea.
		if strings.HasSuffix(w, ",") && i > start || i == len(words)-1 {
			phrases = append(phrases, strings.Join(words[start:i+1], " "))
			start = i + 1
		}
	}
	byWord := balanced(words, width, size)
	if byPhrase := balanced(phrases, width, size); len(byPhrase) <= len(byWord) && fits(byPhrase, width, size) {
		return byPhrase
	}
	return byWord
}

// fits reports whether every line is at most width wide.
func fits(lines []string, width, size float64) bool {
	for _, l := range lines {
		if textWidth(l, size) > width {
			return false
		}
	}
	return true
}

// balanced wraps units into as few lines as [wrap] does, with the smallest
// widest line.
func balanced(units []string, width, size float64) []string {
	lines := wrap(units, width, size)
	if len(lines) < 2 {
		return lines
	}
	lo, hi := 0.0, width // wrap(units, hi) has len(lines) lines
	for hi-lo > 0.5 {
		mid := (lo + hi) / 2
		if len(wrap(units, mid, size)) <= len(lines) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return wrap(units, hi, size)
}

// wrap joins units with spaces into lines no wider than width, as far as
// the units allow (a longer unit is a line of its own). It returns at
// least one line.
func wrap(units []string, width, size float64) []string {
	var lines []string
	line := ""
	for _, u := range units {
		if line != "" && textWidth(line+" "+u, size) > width {
			lines = append(lines, line)
			line = ""
		}
		if line == "" {
			line = u
		} else {
			line += " " + u
		}
	}
	return append(lines, line)
}
