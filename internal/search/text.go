package search

import (
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
// or a decimal digit (JavaScript /[\p{L}\p{M}\p{Nd}]/u).
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.M, r) || unicode.IsDigit(r)
}

// eachWord calls fn with every maximal run of word runes of vi.NFC(s), in
// order, as substrings of that NFC string.
func eachWord(s string, fn func(w string)) {
	s = vi.NFC(s)
	start := -1
	for i, r := range s {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			fn(s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		fn(s[start:])
	}
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
}

// parseQuery parses q. At most maxTerms distinct syllables are kept.
func parseQuery(q string) query {
	const maxTerms = 12
	var qr query
	ts := tokenize(q)
	if len(ts) > 0 {
		nq := vi.NFC(q)
		last, _ := utf8.DecodeLastRuneInString(nq)
		qr.prefix = isWordRune(last)
	}
	seen := map[string]bool{}
	for i, t := range ts {
		if i > 0 {
			b := ts[i-1].fold + " " + t.fold
			if !seen["\x00"+b] {
				seen["\x00"+b] = true
				qr.bigrams = append(qr.bigrams, b)
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
	if len(qr.terms) > 0 && qr.prefix && qr.terms[len(qr.terms)-1] != ts[len(ts)-1] {
		qr.prefix = false
	}
	return qr
}

// jsCompare orders strings like the JavaScript < operator: by UTF-16 code
// units. It differs from strings.Compare only for code points above U+FFFF
// against U+E000..U+FFFF.
func jsCompare(a, b string) int {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if ra != rb {
			ua, ub := utf16First(ra), utf16First(rb)
			if ua != ub {
				if ua < ub {
					return -1
				}
				return 1
			}
			// Same high surrogate: the low surrogates order like the runes.
			if ra < rb {
				return -1
			}
			return 1
		}
		a, b = a[na:], b[nb:]
	}
	switch {
	case a == "" && b == "":
		return 0
	case a == "":
		return -1
	}
	return 1
}

// utf16First returns the first UTF-16 code unit of r.
func utf16First(r rune) rune {
	if r < 0x10000 {
		return r
	}
	return 0xD800 + (r-0x10000)>>10
}

// runeCount is the length of s in code points.
func runeCount(s string) int { return utf8.RuneCountInString(s) }

// hasPrefix reports whether the folded term t completes the folded prefix p.
func hasPrefix(t, p string) bool { return strings.HasPrefix(t, p) }

// fnv32 is the 32-bit FNV-1a hash of the UTF-8 bytes of s; the client
// computes the same hash to find a pair's shard.
func fnv32(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}
