package vi

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// provinces is the 34-province list in the exact collation order of
// /work/shared/vi-testdata.md.
var provinces = []string{
	"An Giang", "Bắc Ninh", "Cà Mau", "Cao Bằng", "Cần Thơ", "Đà Nẵng", "Đắk Lắk",
	"Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Nội", "Hà Tĩnh", "Hải Phòng",
	"Huế", "Hưng Yên", "Khánh Hòa", "Lai Châu", "Lạng Sơn", "Lào Cai", "Lâm Đồng",
	"Nghệ An", "Ninh Bình", "Phú Thọ", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị",
	"Sơn La", "Tây Ninh", "Thái Nguyên", "Thanh Hóa", "Thành phố Hồ Chí Minh",
	"Tuyên Quang", "Vĩnh Long",
}

func TestNFC(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Vie\u0323\u0302t", "Việt"},
		{"Việt", "Việt"},
		{"a\u0323\u0306", "ặ"},
		{"a\u0306\u0323", "ặ"}, // non-canonical mark order is reordered, then composed
		{"\u0111", "đ"},
		{"ok\xffok", "ok\uFFFDok"},
		{"\xff\xfe", "\uFFFD"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := NFC(tt.in); got != tt.want {
			t.Errorf("NFC(%+q) = %+q, want %+q", tt.in, got, tt.want)
		}
	}
}

func TestLower(t *testing.T) {
	tests := []struct{ in, want string }{
		{"HÒA", "hòa"},
		{"ĐƯỜNG DÂY NÓNG", "đường dây nóng"},
		{"VIE\u0323\u0302T", "việt"},
		{"Ủy", "ủy"},
	}
	for _, tt := range tests {
		if got := Lower(tt.in); got != tt.want {
			t.Errorf("Lower(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// tonePairs from the test data: the first (canonical) and second spelling
// must normalize to the same string, the canonical one unchanged.
var toneEqual = [][2]string{
	{"hòa", "hoà"}, {"hóa", "hoá"}, {"họa", "hoạ"}, {"hỏa", "hoả"}, {"hõa", "hoã"},
	{"khỏe", "khoẻ"}, {"xòe", "xoè"}, {"lòe", "loè"},
	{"thủy", "thuỷ"}, {"túy", "tuý"}, {"lũy", "luỹ"}, {"hủy", "huỷ"}, {"ủy", "uỷ"}, {"tụy", "tuỵ"},
	{"Khánh Hòa", "Khánh Hoà"}, {"Thanh Hóa", "Thanh Hoá"}, {"Hòa Bình", "Hoà Bình"},
	// extensions: case, punctuation, sentences
	{"HÒA", "HOÀ"}, {"Hòa", "Hoà"}, {"THỦY", "THUỶ"}, {"Ủy ban", "Uỷ ban"}, {"ỦY BAN", "UỶ BAN"},
	{"hòa, thủy.", "hoà, thuỷ."}, {"(khỏe)", "(khoẻ)"}, {"Hòa giải mâu thuẫn", "Hoà giải mâu thuẫn"},
	{"sức khỏe 2025", "sức khoẻ 2025"}, {"thủy\u00a0lợi", "thuỷ\u00a0lợi"},
}

var toneUnchanged = []string{
	"quý", "quà", "quỹ", "già", "giữ", "hoàn", "toàn", "thuyền",
	"khuya", "mùa", "của", "mía", "lửa", "người", "tuổi",
	// extensions
	"quỷ", "QUỶ", "Quý", "ngoài", "xoáy", "khuỷu", "ngoẻo", "hoạch", "quyết", "thuở", "thuế",
	"Khánh Hòa", "Thanh Hóa", "", "abc", "hoa", "thuy",
}

func TestNormalizeToneEqualPairs(t *testing.T) {
	for _, p := range toneEqual {
		canon, other := p[0], p[1]
		if got := NormalizeTone(other); got != canon {
			t.Errorf("NormalizeTone(%q) = %q, want %q", other, got, canon)
		}
		if got := NormalizeTone(canon); got != canon {
			t.Errorf("NormalizeTone(%q) = %q, want it unchanged", canon, got)
		}
		// any input form
		for _, form := range []norm.Form{norm.NFD, norm.NFC} {
			if got := NormalizeTone(form.String(other)); got != canon {
				t.Errorf("NormalizeTone(%v(%q)) = %q, want %q", form, other, got, canon)
			}
		}
		if Key(canon) != Key(other) {
			t.Errorf("Key(%q) = %q != Key(%q) = %q", canon, Key(canon), other, Key(other))
		}
	}
}

func TestNormalizeToneUnchanged(t *testing.T) {
	for _, s := range toneUnchanged {
		if got := NormalizeTone(s); got != s {
			t.Errorf("NormalizeTone(%q) = %q, want unchanged", s, got)
		}
		if got := NormalizeTone(norm.NFD.String(s)); got != s {
			t.Errorf("NormalizeTone(NFD %q) = %q, want %q", s, got, s)
		}
	}
}

func TestNormalizeToneDistinct(t *testing.T) {
	pairs := [][2]string{{"hòa", "hóa"}, {"mùa", "múa"}, {"đường", "dương"}, {"tổ", "tố"}, {"hoà", "hoá"}}
	for _, p := range pairs {
		a, b := p[0], p[1]
		if NormalizeTone(a) == NormalizeTone(b) || Key(a) == Key(b) {
			t.Errorf("%q and %q must stay distinct: %q, %q", a, b, Key(a), Key(b))
		}
		if Fold(a) != Fold(b) {
			t.Errorf("Fold(%q) = %q != Fold(%q) = %q; want equal", a, Fold(a), b, Fold(b))
		}
	}
}

func TestNFDEqualsNFC(t *testing.T) {
	if got := NormalizeTone("Vie\u0323\u0302t"); got != "Việt" {
		t.Errorf("NormalizeTone(NFD Việt) = %q", got)
	}
	words := append(append([]string{"Việt", "ặ", "Đắk Lắk", "Thành phố Hồ Chí Minh"}, toneUnchanged...), provinces...)
	for _, w := range words {
		d := norm.NFD.String(w)
		for name, f := range map[string]func(string) string{
			"NFC": NFC, "Lower": Lower, "NormalizeTone": NormalizeTone, "Fold": Fold, "Slug": Slug, "Key": Key,
		} {
			if f(d) != f(w) {
				t.Errorf("%s(NFD %q) = %q, %s(NFC) = %q", name, w, f(d), name, f(w))
			}
		}
	}
}

func TestToneTable(t *testing.T) {
	tab := ToneTable()
	if len(tab) != 60 {
		t.Errorf("len(ToneTable()) = %d, want 60", len(tab))
	}
	want := map[string]string{"oà": "òa", "uỷ": "ủy", "oẻ": "ỏe", "OÀ": "ÒA", "Oà": "Òa", "UỴ": "ỤY", "oÁ": "óA"}
	for k, v := range want {
		if tab[k] != v {
			t.Errorf("ToneTable()[%q] = %q, want %q", k, tab[k], v)
		}
	}
	for k, v := range tab {
		if !norm.NFC.IsNormalString(k) || !norm.NFC.IsNormalString(v) || len([]rune(k)) != 2 || len([]rune(v)) != 2 {
			t.Errorf("entry %+q → %+q is not two NFC runes", k, v)
		}
		if Fold(k) != Fold(v) || Slug(k) != Slug(v) {
			t.Errorf("entry %q → %q changes letters", k, v)
		}
		for i, kr := range []rune(k) {
			if vr := []rune(v)[i]; unicode.IsUpper(kr) != unicode.IsUpper(vr) {
				t.Errorf("entry %q → %q changes the case of rune %d", k, v, i)
			}
		}
		if _, ok := tab[v]; ok {
			t.Errorf("value %q is also a key", v)
		}
		// The table drives NormalizeTone: every key in an open syllable is rewritten.
		if got := NormalizeTone("h" + k); got != "h"+v {
			t.Errorf("NormalizeTone(%q) = %q, want %q", "h"+k, got, "h"+v)
		}
		if got := NormalizeTone("q" + k); got != "q"+k {
			t.Errorf("NormalizeTone(%q) = %q, want unchanged", "q"+k, got)
		}
		if got := NormalizeTone(k + "n"); got != k+"n" {
			t.Errorf("NormalizeTone(%q) = %q, want unchanged", k+"n", got)
		}
	}
	// The returned map is a copy.
	tab["oà"] = "xx"
	if NormalizeTone("hoà") != "hòa" || ToneTable()["oà"] != "òa" {
		t.Error("mutating ToneTable()'s result changed the package")
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Đắk Lắk", "dak lak"},
		{"Thành phố Hồ Chí Minh", "thanh pho ho chi minh"},
		{"Nguyễn Đình", "nguyen dinh"},
		{"ĐƯỜNG DÂY NÓNG", "duong day nong"},
		{"Ứng phó", "ung pho"},
		{"Tổ 5/2025!", "to 5/2025!"},
		{"Vie\u0323\u0302t", "viet"},
		{"hoà = hòa", "hoa = hoa"},
		{"한국", "한국"}, // Hangul recomposed, not damaged
		{"bad\xff", "bad\uFFFD"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Khu dân cư an toàn về an ninh trật tự", "khu-dan-cu-an-toan-ve-an-ninh-trat-tu"},
		{"Zalo phòng, chống tội phạm", "zalo-phong-chong-toi-pham"},
		{"Phòng cháy, chữa cháy và cứu nạn, cứu hộ", "phong-chay-chua-chay-va-cuu-nan-cuu-ho"},
		{"Thành phố Hồ Chí Minh", "thanh-pho-ho-chi-minh"},
		{"Đắk Lắk", "dak-lak"},
		{"  Tiếng kẻng -- an ninh!! ", "tieng-keng-an-ninh"},
		{"Tổ 5/2025", "to-5-2025"},
		{"Bài học kinh nghiệm", "bai-hoc-kinh-nghiem"},
		{"Đường dây nóng", "duong-day-nong"},
		{"ĐƯỜNG DÂY NÓNG", "duong-day-nong"},
		{"Khánh Hoà", "khanh-hoa"},
		{"Khánh Hòa", "khanh-hoa"},
		{"Vie\u0323\u0302t Nam", "viet-nam"},
		{"already-a-slug", "already-a-slug"},
		{"Camera an ninh", "camera-an-ninh"},
		{"", ""},
		{"!!!", ""},
		{"—", ""},
		{"日本", ""},
		{"a\xffb", "a-b"},
		{"Café crème", "cafe-creme"},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSlugVocabularies(t *testing.T) {
	// Slugs given in data/*.yaml equal Slug(name) except the one documented exception.
	tests := map[string]string{
		"Hà Nội": "ha-noi", "Đà Nẵng": "da-nang", "Lâm Đồng": "lam-dong", "Điện Biên": "dien-bien",
		"Phòng, chống tệ nạn xã hội":      "phong-chong-te-nan-xa-hoi",
		"Hòa giải mâu thuẫn":              "hoa-giai-mau-thuan",
		"Giáo dục, giúp đỡ người lầm lỗi": "giao-duc-giup-do-nguoi-lam-loi",
		"Vệ sinh an toàn thực phẩm":       "ve-sinh-an-toan-thuc-pham",
		"Phòng, chống bạo lực gia đình":   "phong-chong-bao-luc-gia-dinh",
		"Trật tự, an toàn giao thông":     "trat-tu-an-toan-giao-thong",
		"Tiếng kẻng an ninh":              "tieng-keng-an-ninh",
	}
	for in, want := range tests {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Khánh Hoà", "khánh hòa"},
		{"  KHÁNH \t HÒA\n", "khánh hòa"},
		{"Khánh\u00a0Hoà", "khánh hòa"},
		{"TP. Hồ Chí Minh", "tp. hồ chí minh"},
		{"THUỶ LỢI", "thủy lợi"},
		{"", ""},
		{"   ", ""},
	}
	for _, tt := range tests {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Phòng, chống tội phạm – Khánh Hoà", []string{"phòng", "chống", "tội", "phạm", "khánh", "hòa"}},
		{"TP.HCM: 124.000 điểm", []string{"tp", "hcm", "124", "000", "điểm"}},
		{"Vie\u0323\u0302t-Nam", []string{"việt", "nam"}},
		{"  ...  ", nil},
		{"", nil},
	}
	for _, tt := range tests {
		if got := Tokens(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCompareProvinces(t *testing.T) {
	got := slices.Clone(provinces)
	for i := range got { // start from a scrambled order
		j := (i*7 + 3) % len(got)
		got[i], got[j] = got[j], got[i]
	}
	SortStrings(got)
	if !slices.Equal(got, provinces) {
		t.Errorf("SortStrings(provinces) =\n%q\nwant\n%q", got, provinces)
	}
	for i := 1; i < len(provinces); i++ {
		if Compare(provinces[i-1], provinces[i]) >= 0 || Compare(provinces[i], provinces[i-1]) <= 0 {
			t.Errorf("Compare(%q, %q) not < 0", provinces[i-1], provinces[i])
		}
	}
}

func TestCompareWords(t *testing.T) {
	want := []string{"an", "ăn", "ân", "duong", "dương", "Dương", "đường", "on", "ôn", "ơn", "uu", "uy", "Ủy", "ưu"}
	got := slices.Clone(want)
	slices.Reverse(got)
	SortStrings(got)
	if !slices.Equal(got, want) {
		t.Errorf("SortStrings(words) = %q, want %q", got, want)
	}
	if Compare("a", "a") != 0 {
		t.Error("Compare(a, a) != 0")
	}
	// NFD and NFC spellings collate equal, then order by bytes: still total.
	a, b := "Việt", norm.NFD.String("Việt")
	if c := Compare(a, b); c == 0 || c != -Compare(b, a) {
		t.Errorf("Compare(NFC, NFD) = %d, reverse %d", c, Compare(b, a))
	}
}

func TestCompareConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	errs := make(chan string, 16)
	for g := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				ss := slices.Clone(provinces)
				slices.Reverse(ss)
				SortStrings(ss)
				if !slices.Equal(ss, provinces) {
					errs <- fmt.Sprintf("goroutine %d iteration %d: wrong order %q", g, i, ss)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestFormatInt(t *testing.T) {
	tests := []struct {
		in   int64
		want string
	}{
		{124000, "124.000"}, {2500, "2.500"}, {-2500, "-2.500"}, {0, "0"}, {7, "7"}, {999, "999"},
		{1000, "1.000"}, {-999, "-999"}, {1234567, "1.234.567"}, {100000, "100.000"},
		{math.MaxInt64, "9.223.372.036.854.775.807"}, {math.MinInt64, "-9.223.372.036.854.775.808"},
	}
	for _, tt := range tests {
		if got := FormatInt(tt.in); got != tt.want {
			t.Errorf("FormatInt(%d) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFormatFloat(t *testing.T) {
	tests := []struct {
		f    float64
		d    int
		want string
	}{
		{1234567.891, 2, "1.234.567,89"},
		{124000, 0, "124.000"},
		{2500, 1, "2.500,0"},
		{-2500.25, 2, "-2.500,25"},
		{0.5, 2, "0,50"},
		{3.14159, 3, "3,142"},
		{999.999, 2, "1.000,00"},
		{-0.001, 2, "0,00"},
		{12.5, -1, "12"},
		{math.NaN(), 2, "NaN"},
		{math.Inf(-1), 2, "-Inf"},
	}
	for _, tt := range tests {
		if got := FormatFloat(tt.f, tt.d); got != tt.want {
			t.Errorf("FormatFloat(%v, %d) = %q, want %q", tt.f, tt.d, got, tt.want)
		}
	}
}

func TestFormatDate(t *testing.T) {
	hcm, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		hcm = time.FixedZone("ICT", 7*3600)
	}
	tests := []struct {
		t    time.Time
		loc  *time.Location
		want string
	}{
		{time.Date(2025, 11, 18, 0, 0, 0, 0, hcm), hcm, "18/11/2025"},
		{time.Date(2025, 11, 17, 18, 30, 0, 0, time.UTC), hcm, "18/11/2025"}, // 01:30 next day in UTC+7
		{time.Date(2025, 11, 17, 16, 59, 0, 0, time.UTC), hcm, "17/11/2025"},
		{time.Date(2025, 1, 5, 12, 0, 0, 0, time.UTC), hcm, "05/01/2025"},
		{time.Date(2025, 1, 5, 23, 0, 0, 0, time.UTC), nil, "05/01/2025"},
	}
	for _, tt := range tests {
		if got := FormatDate(tt.t, tt.loc); got != tt.want {
			t.Errorf("FormatDate(%v, %v) = %q, want %q", tt.t, tt.loc, got, tt.want)
		}
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "", 3}, {"", "abc", 3}, {"kitten", "sitting", 3},
		{"provnce", "province", 1}, {"hòa", "hoà", 2}, {"Việt", "Viet", 1}, {"đ", "d", 1},
		{"flaw", "lawn", 2}, {"Hà Nội", "Hà Nội", 0},
	}
	for _, tt := range tests {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := Distance(tt.b, tt.a); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d (symmetry)", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestSuggest(t *testing.T) {
	fields := []string{
		"Phòng, chống tội phạm", "Phòng, chống tệ nạn xã hội", "Hòa giải mâu thuẫn",
		"Trật tự, an toàn giao thông", "An ninh tôn giáo", "An ninh dân tộc",
	}
	tests := []struct {
		s     string
		cands []string
		want  string
		ok    bool
	}{
		{"Ha Noi", provinces, "Hà Nội", true},
		{"Khanh Hoa", provinces, "Khánh Hòa", true},
		{"Khánh Hoà", provinces, "Khánh Hòa", true},
		{"provnce", []string{"province", "locality"}, "province", true},
		{"Ha Tinh", provinces, "Hà Tĩnh", true},
		{"Dak Lak", provinces, "Đắk Lắk", true},
		{"Quang Ninh", provinces, "Quảng Ninh", true},
		{"Quang Nin", provinces, "Quảng Ninh", true},
		{"Lang Son", provinces, "Lạng Sơn", true},
		{"Lào Cai", provinces, "Lào Cai", true},
		{"Phong chong toi pham", fields, "Phòng, chống tội phạm", true},
		{"Hoa giai mau thuan", fields, "Hòa giải mâu thuẫn", true},
		{"An ninh ton giao", fields, "An ninh tôn giáo", true},
		{"Hà Nôi", []string{"Hà Tĩnh", "Hà Nội"}, "Hà Nội", true},
		{"Bình Dương", provinces, "", false},
		{"xyz", []string{"province", "locality"}, "", false},
		{"", provinces, "", false},
		{"   ", provinces, "", false},
		{"Ha Noi", nil, "", false},
	}
	for _, tt := range tests {
		got, ok := Suggest(tt.s, tt.cands)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Suggest(%q) = %q, %v, want %q, %v", tt.s, got, ok, tt.want, tt.ok)
		}
	}
}

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func FuzzSlug(f *testing.F) {
	for _, s := range []string{
		"Khu dân cư an toàn về an ninh trật tự", "  Tiếng kẻng -- an ninh!! ", "Tổ 5/2025",
		"Vie\u0323\u0302t", "\xff\xfe", "", "-", "a--b", "İstanbul", "ǅ", "ﬁ", "Ⅻ", "K",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Slug(s)
		if got != "" && !slugRE.MatchString(got) {
			t.Fatalf("Slug(%+q) = %+q does not match %v", s, got, slugRE)
		}
		if Slug(got) != got {
			t.Fatalf("Slug not idempotent: Slug(%+q) = %+q, Slug of that = %+q", s, got, Slug(got))
		}
		if Slug(Fold(s)) != got {
			t.Fatalf("Slug(%+q) = %+q but Slug(Fold) = %+q: Slug is not Fold + hyphenation", s, got, Slug(Fold(s)))
		}
		if Slug(NFC(s)) != got || Slug(norm.NFD.String(s)) != got {
			t.Fatalf("Slug(%+q) depends on the normalization form", s)
		}
	})
}

func FuzzNormalizeTone(f *testing.F) {
	for _, s := range []string{
		"hoà", "Khánh Hoà", "THUỶ", "quỷ", "hoàn", "khuya", "uỷ ban", "Vie\u0323\u0302t",
		"o\u0061\u0300", "qoà", "hoà\u0301", "\xffoà", "oàoà", "uỷoà", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := NormalizeTone(s)
		if NormalizeTone(n) != n {
			t.Fatalf("not idempotent: NormalizeTone(%+q) = %+q, again = %+q", s, n, NormalizeTone(n))
		}
		if !norm.NFC.IsNormalString(n) {
			t.Fatalf("NormalizeTone(%+q) = %+q is not NFC", s, n)
		}
		if Fold(n) != Fold(s) {
			t.Fatalf("Fold(NormalizeTone(%+q)) = %+q, Fold = %+q", s, Fold(n), Fold(s))
		}
		if Lower(n) != NormalizeTone(Lower(s)) {
			t.Fatalf("case not preserved: Lower(NormalizeTone(%+q)) = %+q, NormalizeTone(Lower) = %+q", s, Lower(n), NormalizeTone(Lower(s)))
		}
		if Key(n) != Key(s) {
			t.Fatalf("Key(NormalizeTone(%+q)) = %+q != Key = %+q", s, Key(n), Key(s))
		}
	})
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Đắk Lắk", "ĐƯỜNG DÂY NÓNG", "Vie\u0323\u0302t", "한국", "İ", "\xff", "  Khánh  Hoà "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fs := Fold(s)
		if Fold(fs) != fs {
			t.Fatalf("Fold not idempotent: Fold(%+q) = %+q, again %+q", s, fs, Fold(fs))
		}
		if Fold(norm.NFD.String(s)) != fs {
			t.Fatalf("Fold(%+q) depends on the normalization form", s)
		}
		k := Key(s)
		if Key(k) != k {
			t.Fatalf("Key not idempotent: Key(%+q) = %+q, again %+q", s, k, Key(k))
		}
		if strings.Contains(k, "  ") || strings.TrimSpace(k) != k {
			t.Fatalf("Key(%+q) = %+q has uncollapsed space", s, k)
		}
		for _, tok := range Tokens(s) {
			if tok == "" || Key(tok) != tok {
				t.Fatalf("Tokens(%+q) has %+q, not in Key form", s, tok)
			}
		}
	})
}

func BenchmarkSlug(b *testing.B) {
	for b.Loop() {
		Slug("Phòng cháy, chữa cháy và cứu nạn, cứu hộ")
	}
}

func BenchmarkKey(b *testing.B) {
	for b.Loop() {
		Key("Mô hình Camera an ninh ở Khánh Hoà")
	}
}

func BenchmarkCompare(b *testing.B) {
	for b.Loop() {
		Compare("Thanh Hóa", "Thành phố Hồ Chí Minh")
	}
}
