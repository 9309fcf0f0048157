package corpus

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// syllables returns the Vietnamese syllables that can be spelled from a
// set of onsets, rhymes and tones, in a fixed order. Most are real
// syllables, some only look like one; they spell the names of villages in
// the mountains and the highlands, where names come from the minority
// languages, and give the corpus the long tail of rare words that real
// text has.
//
// A rhyme marks with '*' the vowel that takes the tone. Rhymes ending in
// c, ch, p or t take only the sắc and nặng tones.
func syllables() []string {
	onsets := []string{"", "b", "c", "ch", "d", "đ", "g", "h", "kh", "l", "m", "n", "ng", "nh", "p", "ph", "r", "s", "t", "th", "tr", "v", "x"}
	rhymes := []string{
		"a*", "a*i", "a*m", "a*n", "a*ng", "a*o", "a*u", "a*y", "â*m", "â*n", "â*ng", "â*u", "â*y",
		"e*", "e*m", "e*n", "e*o", "ê*", "ê*nh", "ê*u", "i*", "i*a", "i*m", "i*n", "i*nh", "i*u",
		"iê*n", "iê*ng", "iê*u", "o*", "o*i", "o*m", "o*n", "o*ng", "ô*", "ô*i", "ô*m", "ô*n", "ô*ng",
		"ơ*", "ơ*i", "ơ*m", "ơ*n", "u*", "u*i", "u*n", "u*ng", "uô*i", "uô*ng", "ư*", "ư*a", "ư*ng",
		"ươ*i", "ươ*ng", "a*c", "a*t", "a*p", "â*t", "ă*c", "ă*t", "ê*ch", "i*ch", "i*t", "o*c", "ô*c",
		"ô*t", "u*c", "u*t", "ư*c", "ươ*c", "uô*t", "o*a", "oa*i", "oa*n", "oa*ng",
	}
	tones := []string{"", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}
	var out []string
	for _, on := range onsets {
		for _, rh := range rhymes {
			front := strings.HasPrefix(rh, "e") || strings.HasPrefix(rh, "ê") || strings.HasPrefix(rh, "i")
			if front && (on == "c" || on == "g" || on == "ng") {
				continue // spelled k, gh, ngh
			}
			if !front && on == "p" {
				continue
			}
			stop := strings.HasSuffix(rh, "c") || strings.HasSuffix(rh, "ch") || strings.HasSuffix(rh, "p") || strings.HasSuffix(rh, "t")
			for _, tone := range tones {
				if stop && tone != "\u0301" && tone != "\u0323" {
					continue
				}
				s := norm.NFC.String(on + strings.Replace(rh, "*", tone, 1))
				out = append(out, capitalize(s))
			}
		}
	}
	return out
}
