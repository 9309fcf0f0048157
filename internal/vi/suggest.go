package vi

import "unicode/utf8"

// Distance returns the Levenshtein distance between a and b counted in
// runes (insertions, deletions and substitutions of one rune each). It does
// not normalize: compare Key or Fold forms when that is wanted.
func Distance(a, b string) int {
	ra, rb := []rune(valid(a)), []rune(valid(b))
	if len(ra) < len(rb) {
		ra, rb = rb, ra
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// Suggest returns the candidate closest to s for a "did you mean" message.
// Closeness is the [Distance] between accent-insensitive forms,
// Fold(Key(x)); it must be at most max(2, n/4), n being the rune length of
// s's folded form, for the candidate to count as a plausible typo:
//
//	Suggest("Ha Noi", provinces) == "Hà Nội", true
//	Suggest("Khanh Hoa", provinces) == "Khánh Hòa", true
//	Suggest("provnce", []string{"province", "locality"}) == "province", true
//
// (Two edits in any word, more only in long values: "Bình Dương", a former
// province, is not "Vĩnh Long", three edits away.)
// Ties are broken by the distance between Key forms (so the accents the
// user did type count), then by the earlier candidate. It returns "", false
// when s is blank or no candidate is close enough. An exact match (distance
// 0) is returned too.
func Suggest(s string, candidates []string) (string, bool) {
	key := Key(s)
	fold := Fold(key)
	if fold == "" {
		return "", false
	}
	limit := max(2, utf8.RuneCountInString(fold)/4)
	best, bestFold, bestKey := -1, 0, 0
	for i, c := range candidates {
		ck := Key(c)
		d := Distance(fold, Fold(ck))
		if d > limit {
			continue
		}
		if best >= 0 && d > bestFold {
			continue
		}
		dk := Distance(key, ck)
		if best >= 0 && d == bestFold && dk >= bestKey {
			continue
		}
		best, bestFold, bestKey = i, d, dk
	}
	if best < 0 {
		return "", false
	}
	return candidates[best], true
}
