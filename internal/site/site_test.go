package site

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lantoa/lantoa/internal/config"
	"github.com/lantoa/lantoa/internal/content"
	"github.com/lantoa/lantoa/internal/diag"
	"github.com/lantoa/lantoa/internal/vi"
	"github.com/lantoa/lantoa/internal/vocab"
)

// loadVocab reads the repository's vocabularies (the content contract).
func loadVocab(t *testing.T) *vocab.Vocabularies {
	t.Helper()
	voc, ds := vocab.Load(os.DirFS("../.."))
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	return voc
}

var ict = time.FixedZone("ICT", 7*3600)

func day(n int) time.Time { return time.Date(2025, 1, 1, 0, 0, 0, 0, ict).AddDate(0, 0, n) }

// mk makes pages for the tests.
type mk struct {
	t   *testing.T
	voc *vocab.Vocabularies
}

func (m mk) province(name string) *vocab.Term {
	p, ok := m.voc.Provinces.Lookup(name)
	if !ok {
		m.t.Fatalf("no province %q", name)
	}
	return p
}

func (m mk) fields(names ...string) []*vocab.Term {
	var out []*vocab.Term
	for _, n := range names {
		f, ok := m.voc.Fields.Lookup(n)
		if !ok {
			m.t.Fatalf("no field %q", n)
		}
		out = append(out, f)
	}
	return out
}

// model: slug, date (days after 2025-01-01), type, province, fields.
func (m mk) model(slug string, d int, typ, province string, fields ...string) *Page {
	n := 10
	return &Page{Page: &content.Page{
		File: "content/mo-hinh/" + slug + ".md", Kind: content.KindModel, Section: "mo-hinh", Slug: slug, URL: "/mo-hinh/" + slug + "/",
		Title: "Mô hình " + slug, Summary: "Tóm tắt", Date: day(d),
		Province: m.province(province), Fields: m.fields(fields...), Type: &content.Term{Name: typ, Slug: vi.Slug(typ)},
		Replications: &n,
	}}
}

func (m mk) exemplar(slug string, d int, province string, models ...string) *Page {
	return &Page{Page: &content.Page{
		File: "content/dien-hinh/" + slug + ".md", Kind: content.KindExemplar, Section: "dien-hinh", Slug: slug, URL: "/dien-hinh/" + slug + "/",
		Title: "Điển hình " + slug, Summary: "Tóm tắt", Date: day(d), Province: m.province(province), Models: models,
		Pos: nil,
	}}
}

func news(slug string, d int) *Page {
	return &Page{Page: &content.Page{
		File: "content/tin-tuc/" + slug + ".md", Kind: content.KindNews, Section: "tin-tuc", Slug: slug, URL: "/tin-tuc/" + slug + "/",
		Title: "Tin " + slug, Summary: "Tóm tắt", Date: day(d),
	}}
}

func cfg() *config.Config {
	return &config.Config{BaseURL: "https://x.vn/", Title: "T", Paginate: 20, Location: ict}
}

func urls(ps []*Page) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.URL)
	}
	return out
}

func names(ts []*TermEntry) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Name)
	}
	return out
}

// The 34 provinces in Vietnamese collation order (shared/vi-testdata.md).
var provincesInOrder = strings.Split("An Giang · Bắc Ninh · Cà Mau · Cao Bằng · Cần Thơ · Đà Nẵng · Đắk Lắk · Điện Biên · Đồng Nai · Đồng Tháp · Gia Lai · Hà Nội · Hà Tĩnh · Hải Phòng · Huế · Hưng Yên · Khánh Hòa · Lai Châu · Lạng Sơn · Lào Cai · Lâm Đồng · Nghệ An · Ninh Bình · Phú Thọ · Quảng Ngãi · Quảng Ninh · Quảng Trị · Sơn La · Tây Ninh · Thái Nguyên · Thanh Hóa · Thành phố Hồ Chí Minh · Tuyên Quang · Vĩnh Long", " · ")

func TestTermCollation(t *testing.T) {
	m := mk{t, loadVocab(t)}
	var pages []*Page
	// In an order that is neither file order nor collation order.
	for i, p := range []struct{ province, typ string }{
		{"Thành phố Hồ Chí Minh", "Zalo an ninh"},
		{"Đà Nẵng", "Ứng dụng báo tin"},
		{"Vĩnh Long", "Camera an ninh"},
		{"Cần Thơ", "Đồng hồ tự quản"},
		{"Cà Mau", "Tiếng kẻng an ninh"},
		{"Hưng Yên", "Tuần tra"},
		{"Huế", "Ăn ở cùng dân"},
		{"An Giang", "Âm thanh"},
		{"Đắk Lắk", "Dân vận"},
		{"Cao Bằng", "An toàn"},
		{"Hà Nội", "Zalo an ninh"},
	} {
		pages = append(pages, m.model(fmt.Sprintf("m%d", i), i, p.typ, p.province, "Phòng, chống tội phạm"))
	}
	pages = append(pages, m.exemplar("e1", 1, "Bắc Ninh"))
	s, ds := New(cfg(), m.voc, pages)
	if len(ds) != 0 {
		t.Fatal(ds)
	}
	prov := s.Taxonomy(Provinces)
	if got := names(prov.All); !slices.Equal(got, provincesInOrder) {
		t.Errorf("all provinces:\n got %q\nwant %q", got, provincesInOrder)
	}
	wantTerms := []string{"An Giang", "Bắc Ninh", "Cà Mau", "Cao Bằng", "Cần Thơ", "Đà Nẵng", "Đắk Lắk", "Hà Nội", "Huế", "Hưng Yên", "Thành phố Hồ Chí Minh", "Vĩnh Long"}
	var withPages []*TermEntry
	for _, e := range prov.Terms {
		if len(e.Pages) > 0 {
			withPages = append(withPages, e)
		}
	}
	if got := names(withPages); !slices.Equal(got, wantTerms) {
		t.Errorf("provinces with pages:\n got %q\nwant %q", got, wantTerms)
	}
	// Every province of the vocabulary has its term page.
	if got := names(prov.Terms); !slices.Equal(got, provincesInOrder) {
		t.Errorf("province terms:\n got %q\nwant %q", got, provincesInOrder)
	}
	typ := s.Taxonomy(Types)
	wantTypes := []string{"An toàn", "Ăn ở cùng dân", "Âm thanh", "Camera an ninh", "Dân vận", "Đồng hồ tự quản", "Tiếng kẻng an ninh", "Tuần tra", "Ứng dụng báo tin", "Zalo an ninh"}
	if got := names(typ.Terms); !slices.Equal(got, wantTypes) {
		t.Errorf("types:\n got %q\nwant %q", got, wantTypes)
	}
	fld := s.Taxonomy(Fields)
	fieldNames := slices.Clone(m.voc.Fields.Names())
	vi.SortStrings(fieldNames)
	if got := names(fld.All); !slices.Equal(got, fieldNames) || names(fld.All)[0] != "An ninh dân tộc" {
		t.Errorf("fields: %q", got)
	}
	var fieldsWithPages []string
	for _, e := range fld.Terms {
		if len(e.Pages) > 0 {
			fieldsWithPages = append(fieldsWithPages, e.Name)
		}
	}
	if !slices.Equal(fieldsWithPages, []string{"Phòng, chống tội phạm"}) || len(fld.Terms) != len(fieldNames) {
		t.Errorf("fields with pages: %q (of %d terms)", fieldsWithPages, len(fld.Terms))
	}
	// URLs and counts.
	hcm := prov.Term("ho-chi-minh")
	if hcm == nil || hcm.URL != "/tinh-thanh/ho-chi-minh/" || hcm.Models != 1 || hcm.Exemplars != 0 || hcm.Replications != 10 {
		t.Errorf("ho-chi-minh: %+v", hcm)
	}
	if bn := prov.Term("bac-ninh"); bn.Models != 0 || bn.Exemplars != 1 {
		t.Errorf("bac-ninh: %+v", bn)
	}
	zalo := typ.Term("zalo-an-ninh")
	if zalo == nil || zalo.URL != "/loai-mo-hinh/zalo-an-ninh/" || !slices.Equal(urls(zalo.Pages), []string{"/mo-hinh/m10/", "/mo-hinh/m0/"}) {
		t.Errorf("zalo: %+v", zalo)
	}
	p0 := s.ByURL["/mo-hinh/m0/"]
	if p0.ProvinceURL != "/tinh-thanh/ho-chi-minh/" || p0.TypeURL != "/loai-mo-hinh/zalo-an-ninh/" || !slices.Equal(p0.FieldURLs, []string{"/linh-vuc/phong-chong-toi-pham/"}) {
		t.Errorf("page URLs %q %q %q", p0.ProvinceURL, p0.TypeURL, p0.FieldURLs)
	}
	if s.Totals.Models != 11 || s.Totals.Exemplars != 1 || s.Totals.Provinces != 12 || s.Totals.Types != 10 || s.Totals.Replications != 110 {
		t.Errorf("totals %+v", s.Totals)
	}
	if s.Taxonomy(Provinces).URL != "/tinh-thanh/" || s.Taxonomy(Fields).URL != "/linh-vuc/" || s.Taxonomy(Types).URL != "/loai-mo-hinh/" {
		t.Error("taxonomy URLs")
	}
}

func TestPaginate(t *testing.T) {
	mkPages := func(n int) []*Page {
		out := make([]*Page, n)
		for i := range out {
			out[i] = news(fmt.Sprint(i), -i)
		}
		return out
	}
	// An empty list still has one page.
	pg := Paginate(nil, 20, "/tin-tuc/")
	if len(pg) != 1 || pg[0].URL != "/tin-tuc/" || pg[0].Total != 1 || pg[0].Prev != "" || pg[0].Next != "" || len(pg[0].Links) != 0 || len(pg[0].Pages) != 0 {
		t.Errorf("empty: %+v", pg[0])
	}
	for _, tc := range []struct{ n, size, pagers int }{{1, 20, 1}, {20, 20, 1}, {21, 20, 2}, {40, 20, 2}, {41, 20, 3}, {45, 5, 9}, {7, 0, 1}, {25, -3, 2}} {
		ps := mkPages(tc.n)
		pgs := Paginate(ps, tc.size, "/tinh-thanh/ha-noi/")
		if len(pgs) != tc.pagers {
			t.Errorf("%d pages by %d: %d pagers, want %d", tc.n, tc.size, len(pgs), tc.pagers)
			continue
		}
		var all []*Page
		for k, p := range pgs {
			all = append(all, p.Pages...)
			wantURL := fmt.Sprintf("/tinh-thanh/ha-noi/page/%d/", k+1)
			if k == 0 {
				wantURL = "/tinh-thanh/ha-noi/"
			}
			if p.Number != k+1 || p.Total != tc.pagers || p.URL != wantURL || p.First != "/tinh-thanh/ha-noi/" {
				t.Errorf("%d/%d: pager %d %+v", tc.n, tc.size, k+1, p)
			}
			if k > 0 && p.Prev != pgs[k-1].URL || k == 0 && p.Prev != "" {
				t.Errorf("pager %d prev %q", k+1, p.Prev)
			}
			if k < len(pgs)-1 && p.Next != pgs[k+1].URL || k == len(pgs)-1 && p.Next != "" {
				t.Errorf("pager %d next %q", k+1, p.Next)
			}
			size := tc.size
			if size < 1 {
				size = 20
			}
			if k < len(pgs)-1 && len(p.Pages) != size {
				t.Errorf("pager %d has %d pages, want %d", k+1, len(p.Pages), size)
			}
		}
		if !slices.Equal(all, ps) {
			t.Errorf("%d by %d: pagers do not partition the list in order", tc.n, tc.size)
		}
	}
	// Numbered links: first, last, two either side of the current page,
	// one gap for each run left out.
	pgs := Paginate(mkPages(45), 5, "/mo-hinh/")
	show := func(p *Pager) string {
		var b []string
		for _, l := range p.Links {
			switch {
			case l.Gap:
				b = append(b, "…")
			case l.Current:
				b = append(b, fmt.Sprintf("[%d]", l.Number))
			default:
				b = append(b, fmt.Sprint(l.Number))
			}
			if !l.Gap && l.URL != pgs[l.Number-1].URL {
				t.Errorf("link %d URL %q", l.Number, l.URL)
			}
		}
		return strings.Join(b, " ")
	}
	for k, want := range map[int]string{
		1: "[1] 2 3 … 9",
		2: "1 [2] 3 4 … 9",
		4: "1 2 3 [4] 5 6 … 9",
		5: "1 … 3 4 [5] 6 7 … 9",
		6: "1 … 4 5 [6] 7 8 9",
		9: "1 … 7 8 [9]",
	} {
		if got := show(pgs[k-1]); got != want {
			t.Errorf("pager %d links %q, want %q", k, got, want)
		}
	}
}

func TestRelated(t *testing.T) {
	m := mk{t, loadVocab(t)}
	const (
		crime = "Phòng, chống tội phạm"
		fire  = "Phòng cháy, chữa cháy và cứu nạn, cứu hộ"
		road  = "Trật tự, an toàn giao thông"
	)
	pages := []*Page{
		m.model("a", 10, "Camera an ninh", "Hà Nội", crime),
		m.model("b", 1, "Camera an ninh", "Hà Nội", road),      // same type and province
		m.model("g", 5, "Camera an ninh", "Hà Nội", crime),     // same type and province, newer
		m.model("c", 8, "Zalo an ninh", "Hà Nội", road, crime), // same province, shared field
		m.model("f", 9, "Tiếng kẻng", "Hà Nội", fire),          // same province only: never related to a
		m.model("d", 2, "Camera an ninh", "Huế", fire),         // same type
		m.model("e", 3, "Tiếng kẻng", "Huế", crime),            // shared field
		m.model("h", 4, "Tiếng kẻng", "Huế", road),             // shares nothing with a
		m.exemplar("x", 11, "Hà Nội", "a"),
		news("n", 12),
	}
	s, ds := New(cfg(), m.voc, pages)
	if len(ds) != 0 {
		t.Fatal(ds)
	}
	for _, tc := range []struct{ page, want string }{
		// tier 1 (g, b newest first), tier 2 (c), tier 3 (d); e would be
		// tier 4 but the list is full.
		{"a", "g b c d"},
		// b: tier 1 g a; tier 2: same province and a shared field (road): c;
		// tier 3: d.
		{"b", "a g c d"},
		// e: tier 1 (Tiếng kẻng, Huế) h; tier 2 (Huế, crime) none; tier 3: f;
		// tier 4 (crime, newest first): a c.
		{"e", "h f a c"},
		// f: tier 3 (Tiếng kẻng, newest first) h e; tier 4 (fire) d.
		{"f", "h e d"},
		// d: tier 1 none; tier 2 none (Huế, fire); tier 3 a g b; tier 4 f.
		{"d", "a g b f"},
	} {
		p := s.ByURL["/mo-hinh/"+tc.page+"/"]
		var got []string
		for _, q := range p.Related {
			got = append(got, q.Slug)
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("related of %s: %q, want %q", tc.page, strings.Join(got, " "), tc.want)
		}
	}
	for _, p := range s.Section("mo-hinh").Pages {
		if len(p.Related) > 4 || slices.Contains(p.Related, p) {
			t.Errorf("%s: %d related, self %v", p.Slug, len(p.Related), slices.Contains(p.Related, p))
		}
		seen := map[*Page]bool{}
		for _, q := range p.Related {
			if seen[q] || q.Kind != content.KindModel {
				t.Errorf("%s: related %s twice or not a model", p.Slug, q.URL)
			}
			seen[q] = true
		}
	}
	// Exemplars and news have no related models.
	if len(s.ByURL["/dien-hinh/x/"].Related) != 0 || len(s.ByURL["/tin-tuc/n/"].Related) != 0 {
		t.Error("related on a non-model")
	}
}

func TestExemplarLinks(t *testing.T) {
	m := mk{t, loadVocab(t)}
	a := m.model("a", 1, "Camera an ninh", "Huế", "Phòng, chống tội phạm")
	b := m.model("b", 2, "Camera an ninh", "Huế", "Phòng, chống tội phạm")
	x := m.exemplar("x", 3, "Huế", "a", "khong-co", "a")
	x.Pos = map[string]diag.Pos{}
	x.Pos["models"] = diag.Pos{File: x.File, Line: 7, Col: 9}
	y := m.exemplar("y", 4, "Huế", "a")
	s, ds := New(cfg(), m.voc, []*Page{a, b, x, y})
	if len(ds) != 1 || ds[0].Code != "models" || ds[0].File != "content/dien-hinh/x.md" || ds[0].Line != 7 || ds[0].Col != 9 || !strings.Contains(ds[0].Msg, `"khong-co"`) {
		t.Errorf("diagnostics %v", ds)
	}
	if !slices.Equal(urls(x.Linked), []string{"/mo-hinh/a/"}) {
		t.Errorf("linked %q", urls(x.Linked))
	}
	if !slices.Equal(urls(s.ByURL["/mo-hinh/a/"].Exemplars), []string{"/dien-hinh/y/", "/dien-hinh/x/"}) {
		t.Errorf("exemplars of a %q (newest first)", urls(a.Exemplars))
	}
	if len(b.Exemplars) != 0 {
		t.Errorf("b: %q", urls(b.Exemplars))
	}
}

func TestSortPages(t *testing.T) {
	mkp := func(url string, d, w int, title string) *Page {
		return &Page{Page: &content.Page{URL: url, Date: day(d), Weight: w, Title: title}}
	}
	ps := []*Page{
		mkp("/1/", 1, 0, "B"),
		mkp("/2/", 5, 0, "Z"),
		mkp("/3/", 3, 2, "A"),
		mkp("/4/", 3, 1, "Z"),
		mkp("/5/", 3, 1, "Đà"),
		mkp("/6/", 3, 1, "Da"),
		mkp("/8/", 3, 1, "Ân"),
		mkp("/7/", 3, 1, "Ân"),
	}
	SortPages(ps)
	// Newest first; then weight; then title (a ă â … d đ …); then URL.
	if got := strings.Join(urls(ps), ""); got != "/2//7//8//6//5//4//3//1/" {
		t.Errorf("order %s", got)
	}
}

func TestSectionsAndHome(t *testing.T) {
	m := mk{t, loadVocab(t)}
	home := &Page{Page: &content.Page{File: "content/_index.md", Kind: content.KindHome, URL: "/", Title: "Trang chủ"}}
	intro := &Page{Page: &content.Page{File: "content/tin-tuc/_index.md", Kind: content.KindSection, Section: "tin-tuc", URL: "/tin-tuc/", Title: "Tin hoạt động"}}
	guide := &Page{Page: &content.Page{File: "content/huong-dan/a.md", Kind: content.KindPage, Section: "huong-dan", Slug: "a", URL: "/huong-dan/a/", Title: "A"}}
	about := &Page{Page: &content.Page{File: "content/gioi-thieu.md", Kind: content.KindPage, Slug: "gioi-thieu", URL: "/gioi-thieu/", Title: "Giới thiệu"}}
	pages := []*Page{news("n1", 1), news("n2", 2), guide, about, home, intro, m.model("a", 1, "Camera", "Huế", "Phòng, chống tội phạm")}
	s, ds := New(cfg(), m.voc, pages)
	if len(ds) != 0 {
		t.Fatal(ds)
	}
	if s.Home != home || s.ByURL["/"] != home || slices.Contains(s.Pages, home) || slices.Contains(s.Pages, intro) {
		t.Error("home and section intros are not pages of the lists")
	}
	var secs []string
	for _, sec := range s.Sections {
		secs = append(secs, sec.Name+"="+sec.Title)
	}
	if want := []string{"mo-hinh=Mô hình", "dien-hinh=Điển hình tiên tiến", "tin-tuc=Tin hoạt động", "huong-dan=Huong dan"}; !slices.Equal(secs, want) {
		t.Errorf("sections %q, want %q", secs, want)
	}
	tin := s.Section("tin-tuc")
	if tin.Intro != intro || !slices.Equal(urls(tin.Pages), []string{"/tin-tuc/n2/", "/tin-tuc/n1/"}) || tin.URL != "/tin-tuc/" {
		t.Errorf("tin-tuc: %+v", tin)
	}
	if about.Section != nil || guide.Section != s.Section("huong-dan") {
		t.Error("page sections")
	}
	if got := urls(s.Stories()); !slices.Equal(got, []string{"/tin-tuc/n2/", "/mo-hinh/a/", "/tin-tuc/n1/"}) {
		t.Errorf("stories %q", got)
	}
	if !slices.IsSortedFunc(s.Pages, func(a, b *Page) int { return strings.Compare(a.URL, b.URL) }) {
		t.Errorf("Pages not sorted by URL: %q", urls(s.Pages))
	}
}
