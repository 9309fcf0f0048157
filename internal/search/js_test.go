package search

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/js"
	"golang.org/x/text/unicode/norm"
)

// node returns the path of node, skipping the test when it is missing
// (failing under CI=true).
func node(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("node not found")
		}
		t.Skip("node not found")
	}
	return p
}

// runNode runs script with the client as ./client.js and input as
// input.json in a temp dir, and decodes its JSON output into out.
func runNode(t *testing.T, dir, script string, input, out any) {
	t.Helper()
	bin := node(t)
	if err := os.WriteFile(filepath.Join(dir, "client.js"), ClientJS(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "run.js"), []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	in, err := json.Marshal(input)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "input.json"), in, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "run.js")
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	b, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.String())
	}
	if err := json.Unmarshal(b, out); err != nil {
		t.Fatalf("node output: %v\n%.500s", err, b)
	}
}

// normSample returns many strings exercising normalization: Vietnamese
// syllables in every tone placement, case, and Unicode form, and random
// text from other scripts.
func normSample(n int) []string {
	r := rand.New(rand.NewPCG(1, 2))
	var out []string
	out = append(out, strings.Fields(seedText)...)
	out = append(out, "hòa hoà hóa hoá họa hoạ hỏa hoả hõa hoã khỏe khoẻ xòe xoè lòe loè thủy thuỷ túy tuý lũy luỹ hủy huỷ ủy uỷ tụy tuỵ",
		"Khánh Hòa Khánh Hoà Thanh Hóa Thanh Hoá Hòa Bình Hoà Bình HOÀ THUỶ Thuỷ OÀ oÀ Oà",
		"quý quà quỹ già giữ hoàn toàn thuyền khuya mùa của mía lửa người tuổi quỷ ngoài khuỷu",
		"Vie\u0323\u0302t Nam", "a\u0323\u0306", "Đắk Lắk", "ĐƯỜNG DÂY NÓNG", "Ứng phó", "Tổ 5/2025", "hoà5 hoà-bình hoàa",
		"İstanbul ΣΟΦΟΣ ǅemal ß ﬁ Ⅻ ٣٤ ½ ²", "camera+an+ninh", "  Tiếng kẻng -- an ninh!! ", "x\u0301\u0323y")
	onsets := []string{"", "b", "c", "ch", "d", "đ", "g", "gi", "h", "k", "kh", "l", "m", "n", "ng", "nh", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x"}
	nuclei := []string{"a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "oa", "oe", "uy", "ua", "ưa", "ia", "iê", "uô", "ươ", "oai", "uya", "ươi", "uyê"}
	codas := []string{"", "", "", "c", "ch", "m", "n", "ng", "nh", "p", "t", "i", "o", "u", "y"}
	tones := []string{"", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}
	ranges := [][2]rune{{0x20, 0x7e}, {0xa0, 0x24f}, {0x300, 0x36f}, {0x370, 0x3ff}, {0x400, 0x4ff}, {0x660, 0x669},
		{0x1e00, 0x1eff}, {0x2000, 0x206f}, {0x3040, 0x30ff}, {0x4e00, 0x4e80}, {0xac00, 0xac40}, {0x1f600, 0x1f640}}
	for len(out) < n {
		var b strings.Builder
		for range 1 + r.IntN(5) {
			if r.IntN(6) == 0 {
				rg := ranges[r.IntN(len(ranges))]
				for range 1 + r.IntN(4) {
					b.WriteRune(rg[0] + rune(r.IntN(int(rg[1]-rg[0]+1))))
				}
			} else {
				nuc := []rune(norm.NFD.String(nuclei[r.IntN(len(nuclei))]))
				// Put the tone after a random vowel of the nucleus.
				tone := tones[r.IntN(len(tones))]
				var base []rune
				pos := r.IntN(len([]rune(norm.NFC.String(string(nuc)))))
				vowel := -1
				for _, c := range nuc {
					base = append(base, c)
					if c < 0x300 || c > 0x36f {
						vowel++
					}
					_ = vowel
				}
				syl := onsets[r.IntN(len(onsets))]
				letters := []rune(norm.NFC.String(string(base)))
				for i, c := range letters {
					syl += string(c)
					if i == pos {
						syl += tone
					}
				}
				syl += codas[r.IntN(len(codas))]
				switch r.IntN(4) {
				case 0:
					syl = strings.ToUpper(syl)
				case 1:
					syl = strings.ToUpper(syl[:1]) + syl[1:]
				}
				if r.IntN(2) == 0 {
					syl = norm.NFD.String(syl)
				} else {
					syl = norm.NFC.String(syl)
				}
				b.WriteString(syl)
			}
			b.WriteString([]string{" ", " ", ", ", "-", ".", "\u00a0", ""}[r.IntN(7)])
		}
		out = append(out, b.String())
	}
	return out
}

const normScript = `
const c = require('./client.js');
const input = require('./input.json');
process.stdout.write(JSON.stringify(input.map(s => {
  const q = c.parse(s);
  return { tokens: c.tokens(s).map(t => [t.k, t.f]), terms: q.terms.map(t => t.k), bigrams: q.bigrams, prefix: q.prefix, prefixPair: q.prefixPair };
})));
`

// TestNormalizeGoJS checks that the client tokenizes and parses a large
// sample exactly like the Go code.
func TestNormalizeGoJS(t *testing.T) {
	sample := normSample(20000)
	type out struct {
		Tokens  [][2]string `json:"tokens"`
		Terms   []string    `json:"terms"`
		Bigrams []string    `json:"bigrams"`
		Prefix  bool        `json:"prefix"`
		PPair   bool        `json:"prefixPair"`
	}
	var got []out
	runNode(t, t.TempDir(), normScript, sample, &got)
	if len(got) != len(sample) {
		t.Fatalf("node returned %d results for %d inputs", len(got), len(sample))
	}
	bad := 0
	for i, s := range sample {
		var want out
		for _, tk := range tokenize(s) {
			want.Tokens = append(want.Tokens, [2]string{tk.key, tk.fold})
		}
		q := parseQuery(s)
		for _, tk := range q.terms {
			want.Terms = append(want.Terms, tk.key)
		}
		want.Bigrams, want.Prefix, want.PPair = q.bigrams, q.prefix, q.prefixPair
		g := got[i]
		for _, o := range []*out{&g, &want} {
			if len(o.Tokens) == 0 {
				o.Tokens = nil
			}
			if len(o.Terms) == 0 {
				o.Terms = nil
			}
			if len(o.Bigrams) == 0 {
				o.Bigrams = nil
			}
		}
		if !reflect.DeepEqual(g, want) {
			if bad++; bad <= 10 {
				t.Errorf("%+q:\n JS %+v\n Go %+v", s, g, want)
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d strings differ", bad, len(sample))
	}
}

const rankScript = `
const c = require('./client.js');
const fs = require('fs');
const input = require('./input.json');
const get = u => fs.promises.readFile(new URL(u), 'utf8');
(async () => {
  const e = await c.open(input.manifest, get);
  const out = [];
  for (const q of input.queries) {
    const r = await e.search(q.q, q.f);
    const page = await r.page(0, 10);
    out.push({ results: page.map(h => ({ url: h.url, title: h.title, score: h.score, partial: h.partial, section: h.section, province: h.province,
      snippet: h.snippet, marks: h.marks })), counts: r.counts, total: r.hits.length });
  }
  process.stdout.write(JSON.stringify(out));
})().catch(e => { console.error(e); process.exit(1); });
`

type jsQuery struct {
	Q string            `json:"q"`
	F map[string]string `json:"f"`
}

func (q jsQuery) filters() Filters {
	return Filters{Province: q.F[FacetProvince], Field: q.F[FacetField], Kind: q.F[FacetKind], Section: q.F[FacetSection]}
}

// rankQueries is the query set run through both implementations.
func rankQueries() []jsQuery {
	var qs []jsQuery
	for _, q := range []string{"camera", "camera an ninh", "an ninh", "khu dân cư", "khu dan cu", "đường", "dương", "duong",
		"hoà giải", "hòa giải", "hoa giai", "thuỷ", "thủy chung", "Khánh Hoà", "khanh hoa", "dak lak", "Đắk Lắk",
		"tuan tra", "tuần tra ban đêm", "zalo", "phòng cháy chữa cháy", "phong chay", "cam", "camer", "an ni", "tổ qu",
		"người có uy tín", "tội phạm", "124", "2020", "ban", "xyz camera", "camera xyz abc", "a", "đ", "quý", "khuya",
		"Vie\u0323\u0302t", "TRẬT TỰ", "trat tu an toan giao thong", "mô hình", "tiếng kẻng", "tieng keng an ninh", "script",
		"<script>", "giới thiệu", "bảo vệ môi trường", "tho", "thô", "thơ", "ủy ban", "uỷ ban", "cứu nạn, cứu hộ", "công an xã ", "ký tự riêng",
	} {
		qs = append(qs, jsQuery{Q: q, F: map[string]string{}})
	}
	for _, f := range []map[string]string{
		{FacetProvince: "ha-noi"}, {FacetProvince: "khanh-hoa", FacetSection: "mo-hinh"}, {FacetField: "phong-chong-toi-pham"},
		{FacetKind: "zalo-an-ninh"}, {FacetProvince: "khong-co"}, {FacetSection: "tin-tuc"},
	} {
		qs = append(qs, jsQuery{Q: "", F: f}, jsQuery{Q: "an ninh", F: f}, jsQuery{Q: "tuan tra", F: f})
	}
	return qs
}

// TestRankingGoJS runs a query set through the Go searcher and the JS
// client over the same built index and requires the same top 10, scores,
// snippets and counts.
func TestRankingGoJS(t *testing.T) {
	node(t)
	docs := append(fixtureDocs(), synthDocs(1500, 300, 3)...)
	// Private-use characters, which the record word dictionary uses, in
	// a title and a summary.
	docs = append(docs, Doc{URL: "/tin-tuc/ky-tu-rieng/", Title: "Ký tự \ue000 riêng \uf8ff camera \uf8fe", Section: secNews,
		Summary: "Camera \ue001\uf8ffcamera riêng", Body: "camera"})
	idx, fsys := buildFS(t, docs)
	dir := t.TempDir()
	for name, b := range idx.Files {
		p := filepath.Join(dir, "site", filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, err := Open(fsys)
	if err != nil {
		t.Fatal(err)
	}
	queries := rankQueries()
	type jsResult struct {
		URL      string   `json:"url"`
		Title    string   `json:"title"`
		Score    float64  `json:"score"`
		Partial  bool     `json:"partial"`
		Section  string   `json:"section"`
		Province string   `json:"province"`
		Snippet  string   `json:"snippet"`
		Marks    [][2]int `json:"marks"`
	}
	var got []struct {
		Results []jsResult `json:"results"`
		Counts  Counts     `json:"counts"`
		Total   int        `json:"total"`
	}
	manifest := "file://" + filepath.ToSlash(filepath.Join(dir, "site", filepath.FromSlash(idx.ManifestPath)))
	runNode(t, dir, rankScript, map[string]any{"manifest": manifest, "queries": queries}, &got)
	nonEmpty := 0
	for i, q := range queries {
		rs, counts, err := s.Search(q.Q, q.filters(), 0)
		if err != nil {
			t.Fatal(err)
		}
		g := got[i]
		if g.Total != len(rs) {
			t.Errorf("%q %v: JS %d hits, Go %d", q.Q, q.F, g.Total, len(rs))
		}
		var want []jsResult
		for _, r := range rs[:min(10, len(rs))] {
			// JS marks are UTF-16 offsets; convert Go's byte offsets.
			var marks [][2]int
			for _, h := range r.Highlights {
				marks = append(marks, [2]int{utf16Len(r.Snippet[:h[0]]), utf16Len(r.Snippet[:h[1]])})
			}
			want = append(want, jsResult{r.URL, r.Title, r.Score, r.Partial, r.Section, r.Province, r.Snippet, marks})
		}
		if len(want) > 0 {
			nonEmpty++
		}
		for i := range g.Results {
			if len(g.Results[i].Marks) == 0 {
				g.Results[i].Marks = nil
			}
		}
		if !slices.EqualFunc(g.Results, want, func(a, b jsResult) bool { return reflect.DeepEqual(a, b) }) {
			t.Errorf("%q %v:\n JS %+v\n Go %+v", q.Q, q.F, brief(g.Results), brief(want))
		}
		for _, c := range []Counts{counts, g.Counts} {
			for f, m := range c {
				if len(m) == 0 {
					delete(c, f)
				}
			}
		}
		if !reflect.DeepEqual(g.Counts, counts) {
			t.Errorf("%q %v counts:\n JS %v\n Go %v", q.Q, q.F, g.Counts, counts)
		}
	}
	if nonEmpty < len(queries)/2 {
		t.Errorf("only %d of %d queries found anything", nonEmpty, len(queries))
	}
}

func brief[T any](rs []T) string {
	b, _ := json.Marshal(rs)
	if len(b) > 2000 {
		b = b[:2000]
	}
	return string(b)
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x10000 {
			n++
		}
	}
	return n
}

// TestClientSize checks the client budget: ≤ 8 KB gzip once minified,
// and that the tone table was embedded.
func TestClientSize(t *testing.T) {
	src := ClientJS()
	if bytes.Contains(src, []byte(toneMarker)) || !bytes.Contains(src, []byte(`"oà":"òa"`)) {
		t.Fatal("tone table not embedded")
	}
	m := minify.New()
	m.AddFunc("application/javascript", js.Minify)
	min, err := m.Bytes("application/javascript", src)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	zw.Write(min)
	zw.Close()
	t.Logf("client: %d bytes, %d minified, %d minified+gzip", len(src), len(min), b.Len())
	if b.Len() > 8<<10 {
		t.Errorf("client is %d bytes gzip, budget 8192", b.Len())
	}
}
