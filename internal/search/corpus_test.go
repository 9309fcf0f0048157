package search

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/text/unicode/norm"
)

// Test corpora: a small fixture with known answers and a synthetic
// Vietnamese corpus for size, speed and Go/JS agreement.

var (
	secModel = Term{"Mô hình", "mo-hinh"}
	secExemp = Term{"Điển hình tiên tiến", "dien-hinh"}
	secNews  = Term{"Tin tức", "tin-tuc"}
	secPage  = Term{"Trang", "trang"}
)

func prov(name, slug string) Term { return Term{name, slug} }

// fixtureDocs is the small corpus of the behaviour tests.
func fixtureDocs() []Doc {
	hn, kh, dn, dl := prov("Hà Nội", "ha-noi"), prov("Khánh Hòa", "khanh-hoa"), prov("Đà Nẵng", "da-nang"), prov("Đắk Lắk", "dak-lak")
	toiPham := Term{"Phòng, chống tội phạm", "phong-chong-toi-pham"}
	giaoThong := Term{"Trật tự, an toàn giao thông", "trat-tu-an-toan-giao-thong"}
	hoaGiai := Term{"Hòa giải mâu thuẫn", "hoa-giai-mau-thuan"}
	camera := Term{"Camera an ninh", "camera-an-ninh"}
	zalo := Term{"Zalo an ninh", "zalo-an-ninh"}
	tuQuan := Term{"Tổ tự quản", "to-tu-quan"}
	return []Doc{
		{URL: "/mo-hinh/camera-an-ninh-phuong-yen-hoa/", Title: "Camera an ninh phường Yên Hòa", Section: secModel, Province: hn,
			Fields: []Term{toiPham}, Kind: camera, Date: "18/11/2025",
			Summary: "Người dân phường Yên Hòa góp tiền lắp camera giám sát các ngõ, hẻm.",
			Body:    "Hệ thống gồm 120 mắt camera kết nối với công an phường. Nhờ camera, nhiều vụ trộm cắp đã được làm rõ."},
		{URL: "/mo-hinh/tuyen-duong-tu-quan/", Title: "Tuyến đường tự quản", Section: secModel, Province: hn,
			Fields: []Term{giaoThong}, Kind: tuQuan, Date: "02/03/2025",
			Summary: "Các hộ dân cùng giữ gìn trật tự trên tuyến phố.",
			Body:    "Mỗi hộ nhận một đoạn để quét dọn và nhắc nhở người đi đường."},
		{URL: "/mo-hinh/ben-duong-tu-quan/", Title: "Bến Dương tự quản", Section: secModel, Province: hn,
			Fields: []Term{giaoThong}, Kind: tuQuan, Date: "03/03/2025",
			Summary: "Các hộ dân cùng giữ gìn trật tự trên bến sông.",
			Body:    "Mỗi hộ nhận một đoạn để quét dọn và nhắc nhở người qua sông."},
		{URL: "/mo-hinh/hoa-giai-khanh-hoa/", Title: "Tổ hoà giải ở Khánh Hoà", Section: secModel, Province: kh,
			Fields: []Term{hoaGiai}, Kind: tuQuan, Date: "10/10/2024",
			Summary: "Hoà giải mâu thuẫn ngay từ cơ sở, giữ tình làng nghĩa xóm.",
			Body:    "Tổ hoà giải gồm trưởng thôn, người có uy tín và đoàn viên thanh niên."},
		{URL: "/mo-hinh/khu-dan-cu-an-toan/", Title: "Xây dựng khu dân cư an toàn", Section: secModel, Province: dn,
			Fields: []Term{toiPham}, Kind: tuQuan, Date: "05/05/2025",
			Summary: "Phong trào toàn dân bảo vệ an ninh Tổ quốc ở khu dân cư.",
			Body:    "Người dân tham gia tuần tra, báo tin tội phạm."},
		{URL: "/tin-tuc/khu-pho-dan-so/", Title: "Khu phố thống kê dân số", Section: secNews, Province: dn,
			Date: "06/05/2025", Summary: "Khu phố rà soát nhân khẩu; dân đông, an cư lạc nghiệp.",
			Body: "Cán bộ khu phố đến từng nhà, hỏi dân về nơi cư trú và lập danh sách."},
		{URL: "/mo-hinh/zalo-an-ninh-da-nang/", Title: "Nhóm Zalo an ninh khu phố", Section: secModel, Province: dn,
			Fields: []Term{toiPham}, Kind: zalo, Date: "01/08/2025",
			Summary: "Báo tin nhanh qua nhóm Zalo.", Body: "Mỗi tổ dân phố có một nhóm Zalo."},
		{URL: "/mo-hinh/zalo-an-ninh-ha-noi/", Title: "Nhóm Zalo an ninh tổ dân phố", Section: secModel, Province: hn,
			Fields: []Term{toiPham}, Kind: zalo, Date: "01/07/2025",
			Summary: "Báo tin nhanh qua nhóm Zalo.", Body: "Mỗi tổ dân phố có một nhóm Zalo."},
		{URL: "/dien-hinh/doi-xung-kich-dak-lak/", Title: "Đội xung kích buôn làng Đắk Lắk", Section: secExemp, Province: dl,
			Date: "20/01/2025", Summary: "Tập thể được tặng Bằng khen.", Body: "Đội gồm 30 thanh niên người Ê Đê."},
		{URL: "/mo-hinh/tuan-tra-duong-thuy/", Title: "Đội tuần tra đường thủy", Section: secModel, Province: kh,
			Fields: []Term{giaoThong}, Kind: tuQuan, Date: "12/12/2024",
			Summary: "Tuần tra trên vịnh vào ban đêm.", Body: "Thuyền tuần tra đi từ 20 giờ đến 4 giờ sáng."},
		{URL: "/trang/gioi-thieu/", Title: "<script>alert(1)</script> Giới thiệu hòa bình", Section: secPage,
			Body: "Trang giới thiệu <b>đậm</b> & thân thiện. " + strings.Repeat("Nội dung dài. ", 40)},
	}
}

// seedText supplies realistic Vietnamese word sequences for synthetic docs.
const seedText = `Mô hình camera an ninh do người dân phường Yên Hòa góp vốn lắp đặt đã giúp công an phường
phát hiện nhiều vụ trộm cắp tài sản. Khu dân cư an toàn về an ninh trật tự là phong trào toàn dân bảo vệ an ninh Tổ quốc.
Tổ hòa giải ở cơ sở kịp thời hoà giải mâu thuẫn, giữ tình làng nghĩa xóm. Tiếng kẻng an ninh vang lên khi có kẻ gian.
Đội tuần tra thanh niên đi khắp các tuyến đường, ngõ, hẻm vào ban đêm. Nhóm Zalo phòng, chống tội phạm giúp người dân báo tin nhanh.
Phòng cháy, chữa cháy và cứu nạn, cứu hộ là nhiệm vụ của toàn dân. Giáo dục, giúp đỡ người lầm lỗi tái hòa nhập cộng đồng.
Trật tự, an toàn giao thông trên tuyến đường thủy được bảo đảm nhờ thuyền tuần tra. Bảo vệ môi trường, vệ sinh an toàn thực phẩm.
Chủ tịch ủy ban nhân dân xã khen thưởng tập thể và cá nhân có thành tích xuất sắc trong phong trào. Điểm nhân rộng mô hình đã lên tới 124 điểm.
Người có uy tín trong đồng bào dân tộc thiểu số tuyên truyền pháp luật, phòng, chống tệ nạn xã hội và bạo lực gia đình.
Công an xã chính quy phối hợp với lực lượng bảo vệ an ninh, trật tự ở cơ sở nắm tình hình địa bàn, giải quyết vụ việc ngay từ đầu.
Khoẻ mạnh, thuỷ chung, hoà thuận, quý trọng, khuya sớm, thuyền bè, ngoài đường, của cải, lửa, người, tuổi trẻ xung kích tình nguyện.`

// synthDocs generates n reproducible documents of about words body words.
func synthDocs(n, words int, seed uint64) []Doc {
	r := rand.New(rand.NewPCG(seed, 7))
	seedWords := strings.Fields(seedText)
	provinces := []string{"An Giang", "Bắc Ninh", "Cà Mau", "Cao Bằng", "Cần Thơ", "Đà Nẵng", "Đắk Lắk", "Điện Biên", "Đồng Nai",
		"Đồng Tháp", "Gia Lai", "Hà Nội", "Hà Tĩnh", "Hải Phòng", "Huế", "Hưng Yên", "Khánh Hòa", "Lai Châu", "Lạng Sơn", "Lào Cai",
		"Lâm Đồng", "Nghệ An", "Ninh Bình", "Phú Thọ", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sơn La", "Tây Ninh", "Thái Nguyên",
		"Thanh Hóa", "Thành phố Hồ Chí Minh", "Tuyên Quang", "Vĩnh Long"}
	fields := []string{"Phòng, chống tội phạm", "Phòng, chống tệ nạn xã hội", "Hòa giải mâu thuẫn", "Giáo dục, giúp đỡ người lầm lỗi",
		"Phòng cháy, chữa cháy và cứu nạn, cứu hộ", "Trật tự, an toàn giao thông", "Phòng, chống bạo lực gia đình",
		"Bảo vệ môi trường", "Vệ sinh an toàn thực phẩm", "An ninh tôn giáo", "An ninh dân tộc"}
	kinds := []string{"Camera an ninh", "Tiếng kẻng an ninh", "Zalo an ninh", "Tổ tự quản", "Tổ hòa giải", "Đội tuần tra",
		"Khu dân cư an toàn", "Dòng họ tự quản", "Chốt an ninh", "Đường dây nóng", "Tổ xung kích", "Camera giao thông"}
	sections := []Term{secModel, secModel, secModel, secExemp, secNews}
	slug := func(s string) string { return slugOf(s) }
	phrase := func(k int) string {
		i := r.IntN(len(seedWords) - k)
		return strings.Join(seedWords[i:i+k], " ")
	}
	text := func(nw int) string {
		var b strings.Builder
		for w := 0; w < nw; {
			k := 3 + r.IntN(8)
			p := phrase(k)
			if r.IntN(50) == 0 {
				p = norm.NFD.String(p)
			}
			b.WriteString(p)
			b.WriteString([]string{". ", ", ", " ", "; "}[r.IntN(4)])
			w += k
			if r.IntN(40) == 0 {
				fmt.Fprintf(&b, "Năm %d có %d điểm. ", 2000+r.IntN(26), r.IntN(500))
			}
		}
		return b.String()
	}
	docs := make([]Doc, n)
	for i := range docs {
		sec := sections[r.IntN(len(sections))]
		p := provinces[r.IntN(len(provinces))]
		d := Doc{
			URL:     fmt.Sprintf("/%s/bai-%05d/", sec.Slug, i),
			Title:   text(5 + r.IntN(8)),
			Section: sec,
			Date:    fmt.Sprintf("%02d/%02d/%d", 1+r.IntN(28), 1+r.IntN(12), 2015+r.IntN(11)),
			Summary: text(25 + r.IntN(20)),
			Body:    text(words),
		}
		d.Title = strings.TrimRight(d.Title, ".,; ")
		d.Province = Term{p, slug(p)}
		if sec != secNews {
			k := kinds[r.IntN(len(kinds))]
			d.Kind = Term{k, slug(k)}
			for range 1 + r.IntN(2) {
				f := fields[r.IntN(len(fields))]
				d.Fields = append(d.Fields, Term{f, slug(f)})
			}
		}
		docs[i] = d
	}
	return docs
}

// slugOf is a test-local transliteration for facet slugs.
func slugOf(s string) string {
	t := strings.Map(func(r rune) rune {
		if r == 'đ' || r == 'Đ' {
			return 'd'
		}
		return r
	}, norm.NFD.String(strings.ToLower(s)))
	var b strings.Builder
	dash := false
	for _, r := range t {
		switch {
		case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case r < 0x300 || r > 0x36f:
			dash = true
		}
	}
	return b.String()
}

// buildFS builds docs into an in-memory site.
func buildFS(t testing.TB, docs []Doc) (*Index, fstest.MapFS) {
	t.Helper()
	idx, err := Build(docs)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	fsys := fstest.MapFS{}
	for name, b := range idx.Files {
		fsys[name] = &fstest.MapFile{Data: b}
	}
	return idx, fsys
}

func openFS(t testing.TB, docs []Doc) *Searcher {
	t.Helper()
	_, fsys := buildFS(t, docs)
	s, err := Open(fsys)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return s
}
