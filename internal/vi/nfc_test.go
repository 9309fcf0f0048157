package vi

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TestNFCStableRunes checks every rune the fast path accepts against the
// Unicode data of golang.org/x/text: quick check Yes, combining class 0,
// and no composition with a rune before it.
func TestNFCStableRunes(t *testing.T) {
	n := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) || !nfcStable(r) {
			continue
		}
		n++
		s := string(r)
		p := norm.NFC.PropertiesString(s)
		if p.CCC() != 0 || !p.BoundaryBefore() || !norm.NFC.IsNormalString(s) {
			t.Errorf("U+%04X counted stable: ccc %d, boundary before %v, NFC %v", r, p.CCC(), p.BoundaryBefore(), norm.NFC.IsNormalString(s))
		}
	}
	// Every Vietnamese letter is on the fast path.
	for _, r := range "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ–—“”‘’…₫" {
		if !nfcStable(r) {
			t.Errorf("%q (U+%04X) is not on the fast path", r, r)
		}
	}
	if n < 0x300 {
		t.Fatalf("only %d stable runes", n)
	}
}

// nfcAlphabet mixes what the fast path accepts with what it must hand to
// the general algorithm: combining marks (in and out of canonical order),
// singletons, composition exclusions, Hangul jamo and syllables, Indic
// two-part vowels and invalid bytes.
var nfcAlphabet = []string{
	"a", "e", "o", "u", "y", "A", "O", " ", "\n", ".", "đ", "ơ", "ư", "ê", "ô", "ă", "ế", "ặ", "ỷ", "Việt", "“", "—", "₫",
	"\u0300", "\u0301", "\u0302", "\u0303", "\u0306", "\u0309", "\u031B", "\u0323", "\u0327", "\u0345", "\u034F", "\u0340",
	"\u2126", "\u212B", "\u00C5", "\u0958", "\uF900", "\u1100", "\u1161", "\u11A8", "\uAC00", "\uAC01", "\u0B47", "\u0B3E",
	"\u09C7", "\u09BE", "\u0F73", "\U0001F600", "\u4E2D", "\u202E", "\u200B", "\xff", "\xe1\xbb", "\xcc",
}

func randomText(rng *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(nfcAlphabet[rng.IntN(len(nfcAlphabet))])
	}
	return b.String()
}

func TestNFCMatchesNorm(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 20000 {
		s := randomText(rng, 1+i%40)
		want := norm.NFC.String(strings.ToValidUTF8(s, "\uFFFD"))
		if got := NFC(s); got != want {
			t.Fatalf("NFC(%+q) = %+q, norm gives %+q", s, got, want)
		}
		if got := NFCBytes([]byte(s)); string(got) != want {
			t.Fatalf("NFCBytes(%+q) = %+q, norm gives %+q", s, got, want)
		}
	}
}

func TestNFCBytesNoCopy(t *testing.T) {
	b := []byte("Tổ an ninh “tự quản” — 9.416 công nhân, ₫600.000\n")
	if got := NFCBytes(b); &got[0] != &b[0] {
		t.Error("NFCBytes copied text that is already NFC")
	}
	d := []byte(norm.NFD.String(string(b)))
	if got := NFCBytes(d); !bytes.Equal(got, b) || &got[0] == &d[0] {
		t.Errorf("NFCBytes(NFD) = %q, want a new %q", got, b)
	}
}

// slugNFD is the definition of Slug: NFD of the whole string, marks
// dropped, đ → d, lower case, runs of other characters → one hyphen.
func slugNFD(s string) string {
	d := norm.NFD.String(valid(s))
	b := make([]byte, 0, len(d))
	hyphen := false
	for _, r := range d {
		if isMark(r) {
			continue
		}
		if r == 'đ' || r == 'Đ' {
			r = 'd'
		}
		r = unicode.ToLower(r)
		if ('a' <= r && r <= 'z') || ('0' <= r && r <= '9') {
			if hyphen && len(b) > 0 {
				b = append(b, '-')
			}
			hyphen = false
			b = append(b, byte(r))
			continue
		}
		hyphen = true
	}
	return string(b)
}

func TestSlugMatchesNFD(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		s := "x" + string(r) + "y"
		if got, want := Slug(s), slugNFD(s); got != want {
			t.Fatalf("Slug(%+q) = %q, by NFD %q", s, got, want)
		}
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range 20000 {
		s := randomText(rng, 1+i%40)
		if got, want := Slug(s), slugNFD(s); got != want {
			t.Fatalf("Slug(%+q) = %q, by NFD %q", s, got, want)
		}
	}
}

func FuzzNFC(f *testing.F) {
	for _, s := range nfcAlphabet {
		f.Add(s + "a\u0301" + s)
	}
	f.Add("Vie\u0323\u0302t Nam")
	f.Fuzz(func(t *testing.T, s string) {
		want := norm.NFC.String(strings.ToValidUTF8(s, "\uFFFD"))
		if got := NFC(s); got != want {
			t.Fatalf("NFC(%+q) = %+q, norm gives %+q", s, got, want)
		}
		if got := NFCBytes([]byte(s)); string(got) != want {
			t.Fatalf("NFCBytes(%+q) = %+q, norm gives %+q", s, got, want)
		}
		if got, want := Slug(s), slugNFD(s); got != want {
			t.Fatalf("Slug(%+q) = %q, by NFD %q", s, got, want)
		}
	})
}

// storyText is a paragraph of a generated story, already NFC.
const storyText = "Trong nhà xưởng có lúc xảy ra xô xát giữa công nhân, còn ở các dãy trọ thì trộm xe máy, điện thoại khiến nhiều người lo lắng. Cụm công nghiệp Tiểu Lam có hàng chục doanh nghiệp với 9.416 công nhân, phần lớn từ tỉnh khác đến, thuê trọ quanh khu công nghiệp. “Người dân” lo lắng — ban đêm nhiều nhà phải thay nhau thức canh.\n"

func BenchmarkNFC(b *testing.B) {
	s := strings.Repeat(storyText, 10)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		NFC(s)
	}
}

func BenchmarkNFCNorm(b *testing.B) {
	s := strings.Repeat(storyText, 10)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		norm.NFC.String(s)
	}
}

func BenchmarkSlugHeading(b *testing.B) {
	for b.Loop() {
		Slug("Bài học kinh nghiệm")
	}
}

func BenchmarkSlugNFD(b *testing.B) {
	for b.Loop() {
		slugNFD("Bài học kinh nghiệm")
	}
}

func TestDecodeRune(t *testing.T) {
	check := func(b []byte) {
		t.Helper()
		wr, wn := utf8.DecodeRune(b)
		if r, n := decodeRune(b, 0); r != wr || n != wn {
			t.Fatalf("decodeRune(% x) = %U, %d; utf8 gives %U, %d", b, r, n, wr, wn)
		}
		if r, n := decodeRune(string(b), 0); r != wr || n != wn {
			t.Fatalf("decodeRune(%+q) = %U, %d; utf8 gives %U, %d", b, r, n, wr, wn)
		}
	}
	for a := 0x80; a < 0x100; a++ {
		for b := 0; b < 0x100; b++ {
			check([]byte{byte(a), byte(b)})
			check([]byte{byte(a), byte(b), 0x80, 0x80})
			check([]byte{byte(a), byte(b), 0xBF})
		}
		check([]byte{byte(a)})
	}
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		check([]byte(string(r)))
	}
}

func TestIsNFC(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for i := range 20000 {
		s := randomText(rng, 1+i%30)
		want := utf8.ValidString(s) && norm.NFC.IsNormalString(s)
		if IsNFC(s) != want || IsNFC([]byte(s)) != want {
			t.Fatalf("IsNFC(%+q) = %v, %v; want %v", s, IsNFC(s), IsNFC([]byte(s)), want)
		}
	}
}

func TestSingleSpaced(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 8))
	pieces := []string{" ", "  ", "\t", "\u00a0", "\u2003", "\n", "a", "Hà", "Nội", "x"}
	for i := range 20000 {
		var b strings.Builder
		for range i % 8 {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		if want := strings.Join(strings.Fields(s), " ") == s; singleSpaced(s) != want {
			t.Fatalf("singleSpaced(%q) = %v, want %v", s, !want, want)
		}
	}
}

func TestMaybeTonePair(t *testing.T) {
	for k := range ToneTable() {
		for _, s := range []string{k, "x" + k, k + " y"} {
			if !maybeTonePair(s) {
				t.Errorf("maybeTonePair(%q) = false", s)
			}
		}
	}
}

// BenchmarkKeyCanonical is Key of a vocabulary value as editors write it
// (already a key but for the case): the lookup of every page's province
// and fields.
func BenchmarkKeyCanonical(b *testing.B) {
	for b.Loop() {
		Key("Phòng, chống tội phạm")
	}
}
