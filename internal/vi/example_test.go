package vi_test

import (
	"fmt"
	"time"

	"github.com/lantoa/lantoa/internal/vi"
)

func ExampleSlug() {
	fmt.Println(vi.Slug("Khu dân cư an toàn về an ninh trật tự"))
	fmt.Println(vi.Slug("Tổ 5/2025"))
	fmt.Printf("%q\n", vi.Slug("!!!"))
	// Output:
	// khu-dan-cu-an-toan-ve-an-ninh-trat-tu
	// to-5-2025
	// ""
}

func ExampleNormalizeTone() {
	fmt.Println(vi.NormalizeTone("Khánh Hoà"), vi.NormalizeTone("THUỶ LỢI"), vi.NormalizeTone("quỷ hoàn"))
	// Output: Khánh Hòa THỦY LỢI quỷ hoàn
}

func ExampleKey() {
	fmt.Println(vi.Key("  KHÁNH   Hoà ") == vi.Key("Khánh Hòa"), vi.Key("  KHÁNH   Hoà "))
	// Output: true khánh hòa
}

func ExampleFold() {
	fmt.Println(vi.Fold("ĐƯỜNG DÂY NÓNG"))
	// Output: duong day nong
}

func ExampleTokens() {
	fmt.Printf("%q\n", vi.Tokens("Phòng, chống tội phạm (Khánh Hoà)"))
	// Output: ["phòng" "chống" "tội" "phạm" "khánh" "hòa"]
}

func ExampleSortStrings() {
	ss := []string{"Đồng Nai", "Cần Thơ", "Cao Bằng", "Cà Mau", "An Giang"}
	vi.SortStrings(ss)
	fmt.Println(ss)
	// Output: [An Giang Cà Mau Cao Bằng Cần Thơ Đồng Nai]
}

func ExampleSuggest() {
	provinces := []string{"Hà Nội", "Hà Tĩnh", "Khánh Hòa", "Thanh Hóa"}
	fmt.Println(vi.Suggest("Khanh Hoa", provinces))
	fmt.Println(vi.Suggest("provnce", []string{"province", "locality"}))
	fmt.Println(vi.Suggest("Bình Dương", provinces))
	// Output:
	// Khánh Hòa true
	// province true
	//  false
}

func ExampleFormatFloat() {
	fmt.Println(vi.FormatInt(124000), vi.FormatInt(-2500), vi.FormatFloat(1234567.891, 2))
	// Output: 124.000 -2.500 1.234.567,89
}

func ExampleFormatDate() {
	loc := time.FixedZone("ICT", 7*3600) // callers pass time.LoadLocation("Asia/Ho_Chi_Minh")
	fmt.Println(vi.FormatDate(time.Date(2025, 11, 17, 18, 30, 0, 0, time.UTC), loc))
	// Output: 18/11/2025
}

func ExampleToneTable() {
	t := vi.ToneTable()
	fmt.Println(len(t), t["oà"], t["uỷ"], t["OÀ"])
	// Output: 60 òa ủy ÒA
}
