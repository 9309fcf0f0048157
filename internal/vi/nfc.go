package vi

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// NFC returns s in Unicode NFC, with invalid UTF-8 replaced by U+FFFD
// (one U+FFFD per run of invalid bytes). When s is already valid NFC it
// is returned as is, without copying.
func NFC(s string) string {
	i := nfcFrom(s)
	if i == len(s) {
		return s
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
		i = nfcFrom(s)
	}
	if i == len(s) || norm.NFC.IsNormalString(s[i:]) {
		return s
	}
	return s[:i] + norm.NFC.String(s[i:])
}

// NFCBytes is [NFC] for a byte slice: it returns b itself when b is valid
// UTF-8 already in NFC, else a new slice.
func NFCBytes(b []byte) []byte {
	i := nfcFrom(b)
	if i == len(b) {
		return b
	}
	if !utf8.Valid(b) {
		return []byte(NFC(string(b)))
	}
	if norm.NFC.IsNormal(b[i:]) {
		return b
	}
	return norm.NFC.Append(append(make([]byte, 0, len(b)+len(b)/8), b[:i]...), b[i:]...)
}

// IsNFC reports whether s is valid UTF-8 in NFC.
func IsNFC[T string | []byte](s T) bool {
	i := nfcFrom(s)
	if i == len(s) {
		return true
	}
	switch v := any(s).(type) {
	case string:
		return utf8.ValidString(v) && norm.NFC.IsNormalString(v[i:])
	case []byte:
		return utf8.Valid(v) && norm.NFC.IsNormal(v[i:])
	}
	return false
}

// nfcFrom returns len(s) when s is valid UTF-8 made only of stable runes
// (see [nfcStable]), and so is NFC. Otherwise it returns the offset of the
// last stable rune before the first other rune or invalid byte (0 when
// there is none): s before that offset is NFC and cannot combine with what
// follows, so only the rest needs the general algorithm. Texts in
// Vietnamese (ASCII, Latin letters with diacritics, common punctuation)
// take the fast path.
func nfcFrom[T string | []byte](s T) int {
	last := 0 // start of the last stable rune
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			last = i
			i++
			continue
		case 0xC2 <= c && c < 0xCC && i+1 < len(s) && s[i+1]&0xC0 == 0x80: // U+0080–U+02FF
			last = i
			i += 2
			continue
		case c == 0xE1 && i+2 < len(s) && s[i+1]&0xFC == 0xB8 && s[i+2]&0xC0 == 0x80: // U+1E00–U+1EFF
			last = i
			i += 3
			continue
		}
		r, n := decodeRune(s, i)
		if n == 1 || !nfcStable(r) { // n == 1: an invalid byte
			return last
		}
		last = i
		i += n
	}
	return len(s)
}

// decodeRune is utf8.DecodeRune of s[i:] for a multi-byte sequence: it
// returns (utf8.RuneError, 1) for an invalid one.
func decodeRune[T string | []byte](s T, i int) (rune, int) {
	c := s[i]
	cont := func(j int) bool { return i+j < len(s) && s[i+j]&0xC0 == 0x80 }
	switch {
	case c < 0xC2:
	case c < 0xE0:
		if cont(1) {
			return rune(c&0x1F)<<6 | rune(s[i+1]&0x3F), 2
		}
	case c < 0xF0:
		if cont(1) && cont(2) {
			r := rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
			if r >= 0x800 && (r < 0xD800 || r > 0xDFFF) {
				return r, 3
			}
		}
	case c < 0xF5:
		if cont(1) && cont(2) && cont(3) {
			r := rune(c&0x07)<<18 | rune(s[i+1]&0x3F)<<12 | rune(s[i+2]&0x3F)<<6 | rune(s[i+3]&0x3F)
			if r >= 0x10000 && r <= utf8.MaxRune {
				return r, 4
			}
		}
	}
	return utf8.RuneError, 1
}

// nfcStable reports whether r is NFC quick-check Yes, has canonical
// combining class 0 and never combines with a rune before it: a string of
// such runes is NFC, and nothing after such a rune changes what comes
// before it. The ranges listed are checked exhaustively against
// golang.org/x/text/unicode/norm by the tests; any other rune counts when
// norm reports it inert.
func nfcStable(r rune) bool {
	switch {
	case r < 0x300, // ASCII, Latin-1, Latin Extended-A and -B, IPA, spacing modifiers
		0x1E00 <= r && r <= 0x1EFF, // Latin Extended Additional: ạ ả ấ … ỹ
		0x2010 <= r && r <= 0x2027, // dashes, quotation marks, bullets, ellipsis
		0x2030 <= r && r <= 0x205E, // per mille, primes, other punctuation
		0x20A0 <= r && r <= 0x20C0: // currency signs (₫)
		return true
	}
	var buf [utf8.UTFMax]byte
	return norm.NFC.Properties(buf[:utf8.EncodeRune(buf[:], r)]).BoundaryAfter()
}
