// Package vi is lantoa's Vietnamese text toolkit: normalization, matching
// keys, transliteration, collation, number/date formatting and typo
// suggestions. Every other package goes through it so that Vietnamese text
// is treated the same way everywhere (slugs, heading ids, taxonomy URLs,
// vocabulary matching, search, sorting, display).
//
// # Forms
//
// All functions accept any UTF-8 string in any Unicode normalization form.
// Invalid UTF-8 is never passed through: each maximal run of invalid bytes
// becomes one U+FFFD (as strings.ToValidUTF8 does).
//
//   - [NFC]: Unicode NFC ([NFCBytes] for bytes, [IsNFC] to ask). Text
//     already in NFC is returned as is; text made only of ASCII, Latin
//     letters with diacritics (all of Vietnamese) and common punctuation
//     is recognized as NFC without the Unicode tables.
//   - [Lower]: NFC, then Unicode lower case.
//   - [NormalizeTone]: NFC with the tone mark of the vowel pairs oa, oe, uy
//     in an open syllable moved to one canonical place (see below); case kept.
//   - [Key]: the matching key for vocabulary values and search terms:
//     NormalizeTone, lower case, white space collapsed to single spaces and
//     trimmed. Two spellings "mean the same value" iff their Keys are equal:
//     Key("  Khánh  Hoà ") == Key("khánh hòa") == "khánh hòa".
//   - [Tokens]: Key split into syllables on every rune that is not a letter,
//     mark or digit.
//   - [Fold]: lower case with every combining mark removed and đ → d
//     ("ĐƯỜNG DÂY NÓNG" → "duong day nong"); other characters are kept.
//     It is the accent-insensitive form used for search and suggestions.
//   - [Slug]: the only transliteration for URLs and ids: Fold, then every
//     run of characters outside [a-z0-9] becomes one hyphen, hyphens trimmed
//     ("Tổ 5/2025" → "to-5-2025"). The result matches
//     ^[a-z0-9]+(-[a-z0-9]+)*$ or is empty.
//
// # Tone placement
//
// For oa, oe and uy with no letter after them and not preceded by q (so
// not the "qu" of quý, quỷ), Vietnamese text uses two placements of the
// tone mark: on the first vowel (hòa, khỏe, thủy) or on the second (hoà,
// khoẻ, thuỷ). The canonical form chosen here is the FIRST vowel — hòa,
// hóa, khỏe, thủy, ủy — the spelling of the vocabulary files (Khánh Hòa,
// Thanh Hóa, Hòa giải mâu thuẫn), so canonical names are unchanged by
// NormalizeTone. Syllables with a final consonant (hoàn, toàn, thuyền),
// triphthongs (ngoài, khuya, khuỷu) and every other syllable are left as
// written. The exact rewrite is the data returned by [ToneTable]; the
// function applies that table and nothing else, so a JavaScript port
// generated from it behaves identically.
//
// # Collation and formatting
//
// [Compare] and [SortStrings] order by the CLDR Vietnamese collation
// (a ă â b c d đ e ê … with tones as secondary differences), safe for
// concurrent use. [FormatInt], [FormatFloat] and [FormatDate] render
// numbers and dates the Vietnamese way: 124.000, 1.234.567,89, 18/11/2025.
//
// # Suggestions
//
// [Distance] is the Levenshtein distance over runes; [Suggest] picks the
// "did you mean" candidate by accent-insensitive distance.
package vi

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// valid returns s with each run of invalid UTF-8 bytes replaced by U+FFFD.
func valid(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

// Lower returns s in NFC and Unicode lower case ("HÒA" → "hòa").
func Lower(s string) string {
	return NFC(strings.ToLower(NFC(s)))
}

// isMark reports whether r is a combining mark (Unicode category M).
func isMark(r rune) bool { return unicode.Is(unicode.M, r) }

// Fold returns s lower-cased with every combining mark (Unicode category M,
// after NFD) removed and đ/Đ replaced by d, recomposed to NFC. Characters
// that are neither marks nor letters with marks are kept as they are, only
// lower-cased: Fold("Đắk Lắk") == "dak lak", Fold("Tổ 5/2025") == "to 5/2025".
func Fold(s string) string {
	d := norm.NFD.String(valid(s))
	var b strings.Builder
	b.Grow(len(d))
	for _, r := range d {
		switch {
		case isMark(r):
			continue
		case r == 'đ' || r == 'Đ':
			b.WriteByte('d')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return norm.NFC.String(b.String())
}

// Slug returns the transliteration used for page slugs, heading ids and
// taxonomy URLs: NFD, combining marks dropped, đ/Đ → d, lower case, every
// run of characters other than ASCII a-z and 0-9 replaced by one hyphen,
// leading and trailing hyphens trimmed.
//
//	Slug("Khu dân cư an toàn về an ninh trật tự") == "khu-dan-cu-an-toan-ve-an-ninh-trat-tu"
//	Slug("Tổ 5/2025") == "to-5-2025"
//
// The result matches ^[a-z0-9]+(-[a-z0-9]+)*$, or is "" when s has no
// transliterable letter or digit; callers decide whether "" is an error.
func Slug(s string) string {
	s = valid(s)
	// Each rune is replaced by its full canonical decomposition, which is
	// NFD up to the order of combining marks, and marks are dropped.
	sl := slugger{b: make([]byte, 0, len(s))}
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			sl.add(rune(c))
			i++
			continue
		}
		p := norm.NFD.PropertiesString(s[i:])
		if d := p.Decomposition(); d != nil {
			for j := 0; j < len(d); {
				r, n := utf8.DecodeRune(d[j:])
				sl.add(r)
				j += n
			}
		} else {
			r, _ := utf8.DecodeRuneInString(s[i:])
			sl.add(r)
		}
		i += p.Size()
	}
	return string(sl.b)
}

// slugger accumulates a slug one decomposed rune at a time.
type slugger struct {
	b      []byte
	hyphen bool // a separator is pending
}

func (sl *slugger) add(r rune) {
	if r >= utf8.RuneSelf {
		if isMark(r) {
			return
		}
		if r == 'đ' || r == 'Đ' {
			r = 'd'
		}
		r = unicode.ToLower(r)
	} else if 'A' <= r && r <= 'Z' {
		r += 'a' - 'A'
	}
	if ('a' <= r && r <= 'z') || ('0' <= r && r <= '9') {
		if sl.hyphen && len(sl.b) > 0 {
			sl.b = append(sl.b, '-')
		}
		sl.hyphen = false
		sl.b = append(sl.b, byte(r))
		return
	}
	sl.hyphen = true
}

// Key returns the matching key of a vocabulary value or search term:
// NormalizeTone, lower case, runs of white space (unicode.IsSpace, which
// includes no-break space) collapsed to one ASCII space, trimmed.
//
//	Key("  Khánh  Hoà ") == "khánh hòa"
func Key(s string) string {
	s = Lower(NormalizeTone(s))
	if !singleSpaced(s) {
		s = strings.Join(strings.Fields(s), " ")
	}
	return s
}

// singleSpaced reports whether s has no white space (unicode.IsSpace)
// other than single ASCII spaces between other characters: whether
// strings.Join(strings.Fields(s), " ") == s.
func singleSpaced(s string) bool {
	prevSpace := true // at the start, a space is not allowed
	for _, r := range s {
		if r == ' ' {
			if prevSpace {
				return false
			}
			prevSpace = true
			continue
		}
		if unicode.IsSpace(r) {
			return false
		}
		prevSpace = false
	}
	return !prevSpace || s == ""
}

// isWordRune reports whether r belongs to a token: a letter, mark or digit.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || isMark(r) || unicode.IsDigit(r)
}

// Tokens splits s into syllables in Key form, separating on every rune that
// is not a letter, mark or digit (spaces, punctuation, symbols); a syllable
// starts with a letter or digit, so marks standing alone are dropped:
//
//	Tokens("Phòng, chống tội phạm – Khánh Hoà") == []string{"phòng", "chống", "tội", "phạm", "khánh", "hòa"}
//
// It returns nil when s has no token.
func Tokens(s string) []string {
	fields := strings.FieldsFunc(Key(s), func(r rune) bool { return !isWordRune(r) })
	out := fields[:0]
	for _, f := range fields {
		// A syllable starts with a letter or digit: marks left alone
		// (a stray accent after a space) are not part of any word.
		f = strings.TrimLeftFunc(f, isMark)
		if f != "" {
			out = append(out, f)
		}
	}
	return out
}
