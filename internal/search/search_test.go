package search

import (
	"errors"
	"math/rand/v2"
	"path"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf16"

	"github.com/lantoa/lantoa/internal/vi"
	"golang.org/x/text/unicode/norm"
)

func keys(ts []token) []string {
	var k []string
	for _, t := range ts {
		k = append(k, t.key)
	}
	return k
}

func folds(ts []token) []string {
	var f []string
	for _, t := range ts {
		f = append(f, t.fold)
	}
	return f
}

func TestTokenize(t *testing.T) {
	for _, c := range []struct {
		in          string
		keys, folds string
	}{
		{"Phòng, chống tội phạm – Khánh Hoà", "phòng chống tội phạm khánh hòa", "phong chong toi pham khanh hoa"},
		{"ĐƯỜNG DÂY NÓNG", "đường dây nóng", "duong day nong"},
		{"Tổ 5/2025: 124.000 người", "tổ 5 2025 124 000 người", "to 5 2025 124 000 nguoi"},
		{"  Tiếng kẻng -- an ninh!! ", "tiếng kẻng an ninh", "tieng keng an ninh"},
		{"Vie\u0323\u0302t Nam", "việt nam", "viet nam"},
		{"THUỶ, thuỷ, thủy; QUÝ", "thủy thủy thủy quý", "thuy thuy thuy quy"},
		{"<script>alert(1)</script>", "script alert 1 script", "script alert 1 script"},
		{"Ứng phó", "ứng phó", "ung pho"},
		{"", "", ""},
	} {
		ts := tokenize(c.in)
		if got := strings.Join(keys(ts), " "); got != c.keys {
			t.Errorf("tokenize(%q) keys = %q, want %q", c.in, got, c.keys)
		}
		if got := strings.Join(folds(ts), " "); got != c.folds {
			t.Errorf("tokenize(%q) folds = %q, want %q", c.in, got, c.folds)
		}
	}
	// On ordinary text the keys are exactly vi.Tokens, in NFC and NFD.
	for _, s := range append(strings.Split(seedText, "\n"), normSample(3000)...) {
		want := vi.Tokens(s)
		for _, in := range []string{s, norm.NFD.String(s)} {
			if got := keys(tokenize(in)); !slices.Equal(got, want) {
				t.Errorf("tokenize(%+q) = %q, vi.Tokens = %q", in, got, want)
			}
		}
	}
}

func TestToneForms(t *testing.T) {
	same := "hòa=hoà hóa=hoá họa=hoạ hỏa=hoả hõa=hoã khỏe=khoẻ xòe=xoè lòe=loè thủy=thuỷ túy=tuý lũy=luỹ hủy=huỷ ủy=uỷ tụy=tuỵ"
	for _, p := range strings.Fields(same) {
		a, b, _ := strings.Cut(p, "=")
		for _, bb := range []string{b, norm.NFD.String(b), strings.ToUpper(b)} {
			ta, tb := tokenize(a), tokenize(bb)
			if ta[0] != tb[0] {
				t.Errorf("%q and %q: %v ≠ %v", a, bb, ta, tb)
			}
		}
	}
	for _, p := range strings.Fields("hòa≠hóa mùa≠múa đường≠dương tổ≠tố") {
		a, b, _ := strings.Cut(p, "≠")
		ta, tb := tokenize(a)[0], tokenize(b)[0]
		if ta.key == tb.key || ta.fold != tb.fold {
			t.Errorf("%q, %q: keys %q %q must differ and folds %q %q agree", a, b, ta.key, tb.key, ta.fold, tb.fold)
		}
	}
	for _, w := range strings.Fields("quý quà quỹ già giữ hoàn toàn thuyền khuya mùa của mía lửa người tuổi") {
		if k := tokenize(w)[0].key; k != w {
			t.Errorf("tokenize(%q) key = %q, want unchanged", w, k)
		}
	}
}

func TestParseQuery(t *testing.T) {
	for _, c := range []struct {
		in      string
		terms   string
		bigrams []string
		prefix  bool
	}{
		{"camera an ninh", "camera an ninh", []string{"camera an", "an ninh"}, true},
		{"camera an ninh ", "camera an ninh", []string{"camera an", "an ninh"}, false},
		{"Khánh Hoà,", "khánh hòa", []string{"khanh hoa"}, false},
		{"an ninh an", "an ninh", []string{"an ninh", "ninh an"}, false},
		{"đường", "đường", nil, true},
		{"?!", "", nil, false},
	} {
		q := parseQuery(c.in)
		if got := strings.Join(keys(q.terms), " "); got != c.terms || !slices.Equal(q.bigrams, c.bigrams) || q.prefix != c.prefix {
			t.Errorf("parseQuery(%q) = %q %q %v, want %q %q %v", c.in, got, q.bigrams, q.prefix, c.terms, c.bigrams, c.prefix)
		}
	}
}

func TestCodec(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	const boost = 16
	for _, q := range []int{16, 8, 4, 2, 1} {
		for range 200 {
			var docs []uint32
			var imps []uint8
			d := -1
			for range r.IntN(300) {
				d += 1 + r.IntN([]int{2, 40, 5000}[r.IntN(3)])
				docs = append(docs, uint32(d))
				imp := uint8(1 + r.IntN(16))
				if r.IntN(3) == 0 {
					imp |= titleFlag
				}
				imps = append(imps, imp)
			}
			n := d + 1 + r.IntN(3)
			enc := string(appendPostings(nil, docs, imps, q, n))
			if strings.ContainsAny(enc, "\t\n") {
				t.Fatalf("encoding contains a separator: %q", enc)
			}
			p, err := decodePostings(enc, q, boost, n)
			if err != nil {
				t.Fatal(err)
			}
			if len(p.docs) != len(docs) {
				t.Fatalf("decoded %d postings, want %d", len(p.docs), len(docs))
			}
			step := 16 / q
			for i := range docs {
				want := (int32(imps[i]&^titleFlag-1)/int32(step) + 1) * int32(step)
				if imps[i]&titleFlag != 0 {
					want += boost
				}
				if p.docs[i] != int32(docs[i]) || p.impacts[i] != want {
					t.Fatalf("q=%d posting %d: got %d/%d, want %d/%d", q, i, p.docs[i], p.impacts[i], docs[i], want)
				}
			}
		}
	}
	// A title hit reads back above every impact without the title.
	for _, q := range []int{16, 8, 4, 2, 1} {
		p, err := decodePostings(string(appendPostings(nil, []uint32{0, 1}, []uint8{1 | titleFlag, 16}, q, 3)), q, boost, 3)
		if err != nil || p.impacts[0] <= p.impacts[1] {
			t.Errorf("q=%d: title impact %v not above the best body impact (%v)", q, p.impacts, err)
		}
	}
	if _, err := decodePostings("0*", 16, boost, 100); err == nil {
		t.Error("bad character accepted")
	}
	var fe *FormatError
	if _, err := decodePostings("0z", 16, boost, 100); !errors.As(err, &fe) {
		t.Errorf("truncated number: err = %v, want a FormatError", err)
	}
}

func TestJSCompare(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 9))
	pool := []rune{'a', 'b', 'đ', 'ư', 0xE000, 0xFFFD, 0x10000, 0x1F600, ' '}
	gen := func() string {
		rs := make([]rune, r.IntN(4))
		for i := range rs {
			rs[i] = pool[r.IntN(len(pool))]
		}
		return string(rs)
	}
	for range 5000 {
		a, b := gen(), gen()
		want := slices.Compare(utf16.Encode([]rune(a)), utf16.Encode([]rune(b)))
		if got := jsCompare(a, b); got != want {
			t.Fatalf("jsCompare(%+q, %+q) = %d, want %d", a, b, got, want)
		}
	}
}

// rank returns the URLs of the results of q, best first.
func rank(t *testing.T, s *Searcher, q string, f Filters) []string {
	t.Helper()
	rs, _, err := s.Search(q, f, 0)
	if err != nil {
		t.Fatalf("Search(%q): %v", q, err)
	}
	var urls []string
	for _, r := range rs {
		urls = append(urls, r.URL)
	}
	return urls
}

func before(urls []string, a, b string) bool {
	i, j := slices.Index(urls, a), slices.Index(urls, b)
	return i >= 0 && (j < 0 || i < j)
}

func TestRanking(t *testing.T) {
	s := openFS(t, fixtureDocs())
	const (
		camera   = "/mo-hinh/camera-an-ninh-phuong-yen-hoa/"
		duong    = "/mo-hinh/tuyen-duong-tu-quan/"
		duong2   = "/mo-hinh/ben-duong-tu-quan/"
		thuy     = "/mo-hinh/tuan-tra-duong-thuy/"
		khanhHoa = "/mo-hinh/hoa-giai-khanh-hoa/"
		khuDanCu = "/mo-hinh/khu-dan-cu-an-toan/"
		khuPho   = "/tin-tuc/khu-pho-dan-so/"
		dakLak   = "/dien-hinh/doi-xung-kich-dak-lak/"
		zaloDN   = "/mo-hinh/zalo-an-ninh-da-nang/"
		zaloHN   = "/mo-hinh/zalo-an-ninh-ha-noi/"
	)
	top := map[string]string{
		"camera":                     camera,
		"CAMERA AN NINH":             camera,
		"camer":                      camera, // prefix of the last term
		"camera an nin":              camera,
		"dương":                      duong2,
		"khánh hòa":                  khanhHoa,
		"Khánh Hoà":                  khanhHoa,
		"khanh hoa":                  khanhHoa,
		norm.NFD.String("Khánh Hòa"): khanhHoa,
		"hoa giai":                   khanhHoa,
		"dak lak":                    dakLak, // đ typed as d
		"Đắk Lắk":                    dakLak,
		"đường thuỷ":                 thuy,
		"duong thuy":                 thuy,
		"tuần tra":                   thuy,
		"khu dân cư":                 khuDanCu,
		"khu dan cu":                 khuDanCu,
	}
	for q, want := range top {
		if got := rank(t, s, q, Filters{}); len(got) == 0 || got[0] != want {
			t.Errorf("Search(%q) = %q, want %s first", q, got, want)
		}
	}
	// Accents typed exactly rank the exact word first; without accents
	// every spelling matches.
	got := rank(t, s, "đường", Filters{})
	if !before(got, duong, duong2) || !before(got, thuy, duong2) {
		t.Errorf("đường: %q, want the đường pages before the dương page", got)
	}
	if got := rank(t, s, "duong", Filters{}); len(got) != 3 {
		t.Errorf("duong: %q, want the 3 pages with đường or dương", got)
	}
	// A phrase ranks above its syllables apart, and all terms are required.
	got = rank(t, s, "khu dân cư", Filters{})
	if !before(got, khuDanCu, khuPho) {
		t.Errorf("khu dân cư: %q, want %s before %s", got, khuDanCu, khuPho)
	}
	if got := rank(t, s, "zalo khu", Filters{}); !slices.Equal(got, []string{zaloDN}) {
		t.Errorf("zalo khu: %q, want only %s", got, zaloDN)
	}
	// Nothing has every term: partial matches, those with more terms first.
	rs, _, err := s.Search("zalo camera xyz", Filters{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 3 || !rs[0].Partial {
		t.Errorf("zalo camera xyz: %+v, want 3 partial results", rs)
	}
}

func TestFiltersAndCounts(t *testing.T) {
	s := openFS(t, fixtureDocs())
	rs, counts, err := s.Search("zalo", Filters{Province: "da-nang"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 1 || rs[0].URL != "/mo-hinh/zalo-an-ninh-da-nang/" || rs[0].Province != "Đà Nẵng" || rs[0].Section != "Mô hình" {
		t.Errorf("zalo in da-nang: %+v", rs)
	}
	// A facet's own filter does not restrict its counts; the others do.
	want := Counts{
		FacetProvince: {"da-nang": 1, "ha-noi": 1},
		FacetSection:  {"mo-hinh": 1},
		FacetKind:     {"zalo-an-ninh": 1},
		FacetField:    {"phong-chong-toi-pham": 1},
	}
	if !reflect.DeepEqual(counts, want) {
		t.Errorf("counts = %v, want %v", counts, want)
	}

	// Filters alone list the newest first.
	rs, _, err = s.Search("", Filters{Province: "ha-noi", Section: "mo-hinh"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	var dates []int
	for _, r := range rs {
		dates = append(dates, parseDate(r.Date))
	}
	if len(rs) != 4 || !slices.IsSortedFunc(dates, func(a, b int) int { return b - a }) {
		t.Errorf("ha-noi by date: %d results, dates %v", len(rs), dates)
	}
	if got := rank(t, s, "", Filters{Field: "trat-tu-an-toan-giao-thong", Kind: "to-tu-quan"}); len(got) != 3 {
		t.Errorf("field+kind: %q, want 3", got)
	}
	if got := rank(t, s, "zalo", Filters{Province: "khong-co"}); len(got) != 0 {
		t.Errorf("unknown province: %q, want none", got)
	}
	rs, counts, err = s.Search("", Filters{}, 0)
	if err != nil || rs != nil || counts[FacetSection]["mo-hinh"] != 8 {
		t.Errorf("empty search: %v %v %v, want no results and counts over all", rs, counts, err)
	}
}

func TestResultFields(t *testing.T) {
	s := openFS(t, fixtureDocs())
	rs, _, err := s.Search("giới thiệu", Filters{}, 1)
	if err != nil || len(rs) != 1 {
		t.Fatalf("%v %v", rs, err)
	}
	r := rs[0]
	if r.Title != "<script>alert(1)</script> Giới thiệu hòa bình" || r.Section != "Trang" || r.Province != "" || r.Date != "" {
		t.Errorf("result = %+v", r)
	}
	// No summary: the snippet is the beginning of the body, cut.
	if !strings.HasPrefix(r.Snippet, "Trang giới thiệu <b>đậm</b>") || !strings.HasSuffix(r.Snippet, "…") {
		t.Errorf("snippet = %q", r.Snippet)
	}
	var marked []string
	for _, h := range r.Highlights {
		marked = append(marked, r.Snippet[h[0]:h[1]])
	}
	if !slices.Equal(marked, []string{"giới", "thiệu"}) {
		t.Errorf("highlights = %q", marked)
	}
	rs, _, _ = s.Search("camer", Filters{}, 1)
	if len(rs) != 1 || len(rs[0].Highlights) != 1 || rs[0].Snippet[rs[0].Highlights[0][0]:rs[0].Highlights[0][1]] != "camera" {
		t.Errorf("prefix highlight: %+v", rs)
	}
}

func TestBuildFiles(t *testing.T) {
	docs := append(fixtureDocs(), synthDocs(300, 200, 11)...)
	idx, fsys := buildFS(t, docs)
	var m manifest
	s, err := Open(fsys)
	if err != nil {
		t.Fatal(err)
	}
	m = s.m
	if m.N != len(docs) || len(m.Uni) < 2 || len(m.Bi) < 2 {
		t.Fatalf("manifest: n=%d, %d term shards, %d pair shards", m.N, len(m.Uni), len(m.Bi))
	}
	if !strings.HasPrefix(idx.ManifestPath, Dir+"/m.") || idx.Files[LatestPath] == nil {
		t.Errorf("ManifestPath %q, latest %q", idx.ManifestPath, idx.Files[LatestPath])
	}
	// Every shard is sorted, lies in its range and is near its size target;
	// every document word is in the shard the client would fetch.
	for _, c := range []struct {
		kind   string
		firsts []string
		target int
	}{{"u", m.Uni, defaultSizing().uni}, {"b", m.Bi, defaultSizing().bi}} {
		var prevLast string
		for i, sep := range c.firsts {
			name := path.Join(Dir, dataName(c.kind, i, m.Hash, "txt"))
			b, ok := idx.Files[name]
			if !ok {
				t.Fatalf("missing %s", name)
			}
			var terms []string
			for l := range strings.Lines(string(b)) {
				term, _, _ := strings.Cut(l, "\t")
				terms = append(terms, term)
			}
			if len(terms) == 0 || jsCompare(sep, terms[0]) > 0 || i > 0 && jsCompare(sep, prevLast) <= 0 || i == 0 && sep != "" {
				t.Errorf("%s: separator %q, first term %q, last term before %q", name, sep, terms[:min(1, len(terms))], prevLast)
			}
			if !slices.IsSortedFunc(terms, jsCompare) {
				t.Errorf("%s is not sorted", name)
			}
			if len(terms) > 1 && len(b) > 2*c.target {
				t.Errorf("%s: %d bytes for %d terms", name, len(b), len(terms))
			}
			prevLast = terms[len(terms)-1]
		}
	}
	if m.Variant < 1 {
		t.Errorf("%d variant shards", m.Variant)
	}
	for _, d := range docs[:20] {
		ts := tokenize(d.Title)
		for i, tk := range ts {
			l, ok, err := s.termLine(tk.fold)
			if err != nil || !ok || !slices.Contains(l.keys, tk.key) {
				t.Errorf("term %q of %q: line %v %v, keys %q", tk.key, d.URL, ok, err, l.keys)
				continue
			}
			if len(l.keys) > 1 && tk.accented() {
				if set, err := s.variant(tk.key, l.posts.docs); err != nil || len(set) == 0 {
					t.Errorf("variant %q of %q: %v, %d documents", tk.key, d.URL, err, len(set))
				}
			}
			for j := range tk.fold {
				if p := tk.fold[:j]; runeCount(p) >= m.Params.PrefixMin {
					if pl, ok, err := s.termLine(p + "*"); err != nil || !ok || pl.df < 1 {
						t.Errorf("prefix %q of %q: %v %v", p, tk.fold, ok, err)
					}
				}
			}
			if i > 0 {
				b := ts[i-1].fold + " " + tk.fold
				if _, ok := mustShard(t, s, "b", m.Bi, b)[b]; !ok {
					t.Errorf("pair %q of %q not in its shard", b, d.URL)
				}
			}
		}
	}

	// The output depends on the documents, not on their order.
	rev := slices.Clone(docs)
	slices.Reverse(rev)
	idx2, _ := buildFS(t, rev)
	if !reflect.DeepEqual(idx.Files, idx2.Files) {
		t.Error("Build depends on the order of the documents")
	}
	// Any change renames every file.
	docs[3].Body += " thêm"
	idx3, _ := buildFS(t, docs)
	if idx3.ManifestPath == idx.ManifestPath {
		t.Error("manifest name did not change with the content")
	}
	for name := range idx3.Files {
		if _, ok := idx.Files[name]; ok && name != LatestPath {
			t.Errorf("%s kept its name after a change", name)
		}
	}
}

func mustShard(t *testing.T, s *Searcher, kind string, firsts []string, term string) map[string]string {
	t.Helper()
	sh, err := s.shard(dataName(kind, shardOf(firsts, term), s.m.Hash, "txt"))
	if err != nil {
		t.Fatal(err)
	}
	return sh
}

func TestBuildErrors(t *testing.T) {
	docs := fixtureDocs()
	docs[2].URL = docs[0].URL
	_, err := Build(docs)
	var be *BuildError
	if !errors.As(err, &be) || be.Index != 2 || be.URL != docs[0].URL {
		t.Errorf("duplicate URL: err = %v", err)
	}
	docs[2].URL = ""
	if _, err := Build(docs); !errors.As(err, &be) || be.Index != 2 {
		t.Errorf("empty URL: err = %v", err)
	}
	idx, err := Build(nil)
	if err != nil {
		t.Fatalf("Build(nil): %v", err)
	}
	fsys := fstest.MapFS{}
	for n, b := range idx.Files {
		fsys[n] = &fstest.MapFile{Data: b}
	}
	s, err := Open(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if rs, _, err := s.Search("an ninh", Filters{}, 10); err != nil || len(rs) != 0 {
		t.Errorf("empty index: %v %v", rs, err)
	}
}

func TestOpen(t *testing.T) {
	idx, fsys := buildFS(t, fixtureDocs())
	delete(fsys, LatestPath)
	if _, err := Open(fsys); err != nil {
		t.Errorf("Open without latest.json: %v", err)
	}
	fsys[Dir+"/m.0000000000.json"] = &fstest.MapFile{Data: idx.Files[idx.ManifestPath]}
	if _, err := Open(fsys); err == nil {
		t.Error("Open with two manifests and no latest.json succeeded")
	}
	if _, err := Open(fstest.MapFS{}); err == nil {
		t.Error("Open of an empty folder succeeded")
	}
	fsys[LatestPath] = &fstest.MapFile{Data: []byte(`{"manifest":"m.0000000000.json"}`)}
	fsys[Dir+"/m.0000000000.json"] = &fstest.MapFile{Data: []byte(`{"v":99}`)}
	var fe *FormatError
	if _, err := Open(fsys); !errors.As(err, &fe) {
		t.Errorf("Open of a future version: err = %v, want a FormatError", err)
	}
}

func TestConcurrentSearch(t *testing.T) {
	s := openFS(t, append(fixtureDocs(), synthDocs(200, 100, 8)...))
	want := map[string][]string{}
	queries := []string{"camera", "an ninh", "đường thuỷ", "tuan tr", ""}
	for _, q := range queries {
		want[q] = rank(t, s, q, Filters{Province: "ha-noi"})
	}
	s2 := openFS(t, append(fixtureDocs(), synthDocs(200, 100, 8)...))
	errs := make(chan string, 40)
	done := make(chan bool)
	for i := range 8 {
		go func() {
			defer func() { done <- true }()
			for _, q := range queries[i%len(queries):] {
				rs, _, err := s2.Search(q, Filters{Province: "ha-noi"}, 0)
				var got []string
				for _, r := range rs {
					got = append(got, r.URL)
				}
				if err != nil || !slices.Equal(got, want[q]) {
					errs <- q
				}
			}
		}()
	}
	for range 8 {
		<-done
	}
	close(errs)
	for q := range errs {
		t.Errorf("concurrent Search(%q) differs", q)
	}
}
