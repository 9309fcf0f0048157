package search

import (
	"cmp"
	"slices"
	"strings"
)

// Record text (titles and snippet sources) is written with a shared word
// dictionary, the facet file's "w": a record is a few hundred bytes, too
// short for gzip to find repeated words in it, so each word of the
// dictionary is written as one character, U+E000 plus its index. A
// character of U+E000 to U+F8FF in the text itself is written after
// wordEscape.
const (
	wordBase   = 0xE000
	wordEscape = 0xF8FF
	maxWords   = 1024 // dictionary size: it is part of every first query
	minWordUse = 4    // a word must appear this many times in records
)

// eachRecordWord calls f with each maximal run of word runes (isWordRune)
// of s and its byte offset.
func eachRecordWord(s string, f func(w string, at int)) {
	start := -1
	for i, r := range s {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			f(s[start:i], start)
			start = -1
		}
	}
	if start >= 0 {
		f(s[start:], start)
	}
}

// recordWords chooses the dictionary of texts: the words, as written,
// that save the most bytes (uses × bytes saved per use), at most maxWords,
// each used minWordUse times or more; sorted, so that the dictionary
// compresses well.
func recordWords(texts []string) []string {
	uses := map[string]int{}
	for _, t := range texts {
		eachRecordWord(t, func(w string, _ int) {
			if len(w) > 3 {
				uses[w]++
			}
		})
	}
	type cand struct {
		w    string
		gain int
	}
	var cs []cand
	for w, n := range uses {
		if n >= minWordUse {
			cs = append(cs, cand{w, n * (len(w) - 3)})
		}
	}
	slices.SortFunc(cs, func(a, b cand) int { return cmp.Or(cmp.Compare(b.gain, a.gain), strings.Compare(a.w, b.w)) })
	words := make([]string, 0, min(len(cs), maxWords))
	for _, c := range cs[:min(len(cs), maxWords)] {
		words = append(words, c.w)
	}
	slices.Sort(words)
	return words
}

// encodeWords writes s with the dictionary whose index is code.
func encodeWords(s string, code map[string]int) string {
	var b strings.Builder
	at := 0
	flush := func(end int) {
		for _, r := range s[at:end] {
			if r >= wordBase && r <= wordEscape {
				b.WriteRune(wordEscape)
			}
			b.WriteRune(r)
		}
	}
	eachRecordWord(s, func(w string, i int) {
		if c, ok := code[w]; ok {
			flush(i)
			b.WriteRune(rune(wordBase + c))
			at = i + len(w)
		}
	})
	flush(len(s))
	return b.String()
}

// decodeWords reverses encodeWords with the dictionary words.
func decodeWords(s string, words []string) (string, error) {
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= wordBase && r <= wordEscape }) {
		return s, nil
	}
	var b strings.Builder
	escaped := false
	for i, r := range s {
		switch {
		case escaped:
			b.WriteRune(r)
			escaped = false
		case r == wordEscape:
			escaped = true
		case r >= wordBase && r < wordBase+rune(len(words)):
			b.WriteString(words[r-wordBase])
		case r >= wordBase && r < wordEscape:
			return "", &FormatError{What: "record text", Offset: i, Detail: "word " + string(r) + " beyond the dictionary"}
		default:
			b.WriteRune(r)
		}
	}
	return b.String(), nil
}
