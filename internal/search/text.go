package search

import (
	"cmp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lantoa/lantoa/internal/vi"
)

// A token is one syllable of a text in its two search forms.
type token struct {
	key  string // vi.Key form: NFC, lower case, canonical tone placement ("hòa", "đường")
	fold string // vi.Fold of key: no marks, đ → d ("hoa", "duong")
}

// accented reports whether the token carries marks (or đ), that is whether
// a query typed this way asks for its accents to be matched exactly.
func (t token) accented() bool { return t.key != t.fold }

// isWordRune reports whether r belongs to a word: a letter, a combining mark
// or a decimal digit (JavaScript /[\p{L}\p{M}\p{Nd}]/u). A word starts
// with a letter or digit, never with a mark (JavaScript
// /[\p{L}\p{Nd}][\p{L}\p{M}\p{Nd}]*/gu).
func isWordRune(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	case 0xC0 <= r && r <= 0x24F: // Latin-1 letters and Latin Extended-A/B
		return r != 0xD7 && r != 0xF7
	case 0x300 <= r && r <= 0x36F: // combining diacritical marks
		return true
	case 0x1E00 <= r && r <= 0x1EFF: // Latin Extended Additional: ạ ả ấ ầ ẩ ẫ ậ ... ỹ
		return true
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.M, r) || unicode.IsDigit(r)
}

// eachWord calls fn with every maximal run of word runes of vi.NFC(s), in
// order. The runs passed are substrings of s itself and may not be in NFC
// (callers normalize each word): composition and decomposition never move
// a word boundary, except where a combining mark follows a character that
// is not part of a word ("=" + U+0338 composes to "≠"); only then is the
// whole text normalized first.
func eachWord(s string, fn func(w string)) {
	var buf [64]int32
	eachWordBuf(s, buf[:0], fn)
}

// eachWordBuf is eachWord using buf as scratch space; it returns buf.
func eachWordBuf(s string, buf []int32, fn func(w string)) []int32 {
	spans, ok := wordSpans(s, buf[:0], true)
	if !ok {
		s = vi.NFC(s)
		spans, _ = wordSpans(s, spans[:0], false)
	}
	for i := 0; i < len(spans); i += 2 {
		fn(s[spans[i]:spans[i+1]])
	}
	return spans
}

// wordSpans appends the start and end offsets of the words of s to spans.
// With check set, it stops and reports false if s has a combining mark
// right after a rune that is not part of a word, where the words of s and
// of its NFC may differ.
func wordSpans(s string, spans []int32, check bool) ([]int32, bool) {
	start := -1
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				if start < 0 {
					start = i
				}
			} else if start >= 0 {
				spans = append(spans, int32(start), int32(i))
				start = -1
			}
			i++
			continue
		}
		// Vietnamese letters first: U+00C0..U+01BF but × and ÷, and
		// U+1E80..U+1EFF, all word runes.
		if 0xC3 <= c && c <= 0xC6 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 && !(c == 0xC3 && (s[i+1] == 0x97 || s[i+1] == 0xB7)) ||
			c == 0xE1 && i+2 < len(s) && (s[i+1] == 0xBA || s[i+1] == 0xBB) && s[i+2]&0xC0 == 0x80 {
			if start < 0 {
				start = i
			}
			i += 2 + int(c>>5&1) // 0xE1 has bit 5 set, 0xC3..0xC6 do not
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if isWordRune(r) {
			if start < 0 {
				if r >= 0x300 && unicode.Is(unicode.M, r) {
					// A mark does not start a word (a stray accent
					// after a space is no syllable); where NFC might
					// compose it with what precedes, normalize first.
					if check && i > 0 {
						return spans, false
					}
					i += n
					continue
				}
				start = i
			}
		} else if start >= 0 {
			spans = append(spans, int32(start), int32(i))
			start = -1
		}
		i += n
	}
	if start >= 0 {
		spans = append(spans, int32(start), int32(len(s)))
	}
	return spans, true
}

// newToken returns the token of one word as found by eachWord.
func newToken(w string) token {
	k := vi.Key(w)
	return token{key: k, fold: vi.Fold(k)}
}

// tokenize returns the tokens of s: its words in order, each as vi.Key
// and vi.Fold. For ordinary text the keys are exactly vi.Tokens(s).
func tokenize(s string) []token {
	var ts []token
	eachWord(s, func(w string) { ts = append(ts, newToken(w)) })
	return ts
}

// A query is a parsed search query.
type query struct {
	terms   []token  // distinct syllables in order of first appearance
	prefix  bool     // the last term may be incomplete (the query does not end with a separator)
	bigrams []string // distinct folded pairs of adjacent syllables, "an ninh"
	// prefixPair: the last of bigrams ends with the last term, which may
	// be incomplete (prefix is set).
	prefixPair bool
}

// parseQuery parses q. At most maxTerms distinct syllables are kept. A
// last word of one letter (not a digit) that the query does not end after
// is dropped: it is the start of a word still being typed.
func parseQuery(q string) query {
	const maxTerms = 12
	var qr query
	ts := tokenize(q)
	if len(ts) > 0 {
		nq := vi.NFC(q)
		last, _ := utf8.DecodeLastRuneInString(nq)
		qr.prefix = isWordRune(last)
	}
	if qr.prefix && oneLetter(ts[len(ts)-1]) {
		// The first letter of a word being typed: too little to search
		// for; the query is the words before it.
		ts, qr.prefix = ts[:len(ts)-1], false
	}
	seen := map[string]bool{}
	lastPair := false
	for i, t := range ts {
		if i > 0 {
			b := ts[i-1].fold + " " + t.fold
			if !seen["\x00"+b] {
				seen["\x00"+b] = true
				qr.bigrams = append(qr.bigrams, b)
				lastPair = i == len(ts)-1
			}
		}
		if seen[t.key] {
			if i == len(ts)-1 {
				qr.prefix = false // the last word repeats an earlier, complete one
			}
			continue
		}
		if len(qr.terms) == maxTerms {
			if i == len(ts)-1 {
				qr.prefix = false
			}
			continue
		}
		seen[t.key] = true
		qr.terms = append(qr.terms, t)
	}
	qr.prefixPair = qr.prefix && lastPair
	return qr
}

// oneLetter reports whether t is a single letter (a digit is a word).
func oneLetter(t token) bool {
	r, n := utf8.DecodeRuneInString(t.fold)
	return n == len(t.fold) && !unicode.IsDigit(r)
}

// jsCompare orders strings like the JavaScript < operator: by UTF-16 code
// units. That is the byte order of UTF-8 except between code points above
// U+FFFF (surrogates, 0xD800..) and U+E000..U+FFFF.
func jsCompare(a, b string) int {
	n := min(len(a), len(b))
	i := 0
	for i < n && a[i] == b[i] {
		i++
	}
	if i == n {
		return cmp.Compare(len(a), len(b))
	}
	ca, cb := a[i], b[i]
	switch {
	case ca >= 0xF0 && (cb == 0xEE || cb == 0xEF):
		return -1
	case cb >= 0xF0 && (ca == 0xEE || ca == 0xEF):
		return 1
	}
	return cmp.Compare(ca, cb)
}

// runeCount is the length of s in code points.
func runeCount(s string) int { return utf8.RuneCountInString(s) }

// hasPrefix reports whether the folded term t completes the folded prefix p.
func hasPrefix(t, p string) bool { return strings.HasPrefix(t, p) }
