package vi

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// toneMarks are the combining tone marks, in the order of the tone names
// huyền, sắc, hỏi, ngã, nặng (ngang, the level tone, has no mark).
const toneMarks = "\u0300\u0301\u0309\u0303\u0323"

// tonePairs are the vowel pairs whose tone placement varies between
// spellings in an open syllable.
const tonePairs = "oa oe uy"

// ToneTable returns the rewrite that [NormalizeTone] applies, as data. It
// returns a new map on each call; changing it has no effect on the package.
//
// Each key is a two-rune NFC string: one of the vowel pairs oa, oe, uy
// carrying a tone mark (huyền U+0300, sắc U+0301, hỏi U+0309, ngã U+0303
// or nặng U+0323) on its SECOND vowel. Its value is the same two letters
// with the same tone on the FIRST vowel: "oà" → "òa", "uỷ" → "ủy",
// "oẹ" → "ọe". All four upper/lower case combinations are listed separately
// ("OÀ" → "ÒA", "Oà" → "Òa", "oÀ" → "òA"), so matching is exact and
// case-sensitive: 3 pairs × 5 tones × 4 casings = 60 entries.
//
// NormalizeTone(s) is exactly:
//
//  1. s' = NFC(s), invalid UTF-8 runs replaced by U+FFFD;
//  2. every occurrence in s' of a key K is replaced by ToneTable()[K] when
//     the rune just before K is not 'q' or 'Q' (or K starts s'), and the
//     rune just after K is not a letter or combining mark — Unicode general
//     category L or M, JavaScript /[\p{L}\p{M}]/u — (or K ends s').
//
// Matches never overlap (a key starts with a letter and cannot follow a
// match), so the replacements are independent of scanning order, and the
// result is again NFC.
func ToneTable() map[string]string {
	m := make(map[string]string, 60)
	for _, pair := range strings.Fields(tonePairs) {
		v1, v2 := rune(pair[0]), rune(pair[1])
		for _, mark := range toneMarks {
			for c := range 4 {
				a, b := v1, v2
				if c&1 != 0 {
					a = unicode.ToUpper(a)
				}
				if c&2 != 0 {
					b = unicode.ToUpper(b)
				}
				key := NFC(string([]rune{a, b, mark}))
				val := NFC(string([]rune{a, mark, b}))
				m[key] = val
			}
		}
	}
	return m
}

// tonePair is a two-rune key or value of the tone table.
type tonePair [2]rune

// toneIndex is ToneTable in the form NormalizeTone uses.
type toneIndex struct {
	pairs   map[tonePair]tonePair // ToneTable as rune pairs
	seconds string                // every second rune of a key: a string with none of them needs no work
}

// toneRunes is the toneIndex of ToneTable, computed once and never modified.
var toneRunes = sync.OnceValue(func() toneIndex {
	t := ToneTable()
	idx := toneIndex{pairs: make(map[tonePair]tonePair, len(t))}
	var seconds strings.Builder
	for k, v := range t {
		kp := runePair(k)
		idx.pairs[kp] = runePair(v)
		if !strings.ContainsRune(seconds.String(), kp[1]) {
			seconds.WriteRune(kp[1])
		}
	}
	idx.seconds = seconds.String()
	return idx
})

// maybeTonePair reports whether s (NFC) may hold a key of ToneTable: each
// key is o, O, u or U followed by a vowel with a tone mark, which is not
// ASCII.
func maybeTonePair(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		switch s[i] {
		case 'o', 'O', 'u', 'U':
			if s[i+1] >= utf8.RuneSelf {
				return true
			}
		}
	}
	return false
}

// runePair returns the two runes of a two-rune string.
func runePair(s string) tonePair {
	r1, n := utf8.DecodeRuneInString(s)
	r2, _ := utf8.DecodeRuneInString(s[n:])
	return tonePair{r1, r2}
}

// NormalizeTone returns s in NFC with the tone mark of oa, oe and uy in an
// open syllable placed on the first vowel, keeping the tone and the case of
// every letter:
//
//	NormalizeTone("hoà") == "hòa"
//	NormalizeTone("Khánh Hoà") == "Khánh Hòa"
//	NormalizeTone("THUỶ") == "THỦY"
//
// quý, quỷ, hoàn, toàn, thuyền, khuya, ngoài and every syllable without
// such a pair are returned unchanged (in NFC). The rewrite is exactly the
// one documented at [ToneTable]. NormalizeTone is idempotent.
func NormalizeTone(s string) string {
	s = NFC(s)
	if !maybeTonePair(s) {
		return s
	}
	idx := toneRunes()
	if !strings.ContainsAny(s, idx.seconds) {
		return s
	}
	rs := []rune(s)
	changed := false
	for i := 0; i+1 < len(rs); i++ {
		v, ok := idx.pairs[tonePair{rs[i], rs[i+1]}]
		if !ok {
			continue
		}
		if i > 0 && (rs[i-1] == 'q' || rs[i-1] == 'Q') {
			continue
		}
		if i+2 < len(rs) && (unicode.IsLetter(rs[i+2]) || isMark(rs[i+2])) {
			continue
		}
		rs[i], rs[i+1] = v[0], v[1]
		changed = true
		i++
	}
	if !changed {
		return s
	}
	return string(rs)
}
