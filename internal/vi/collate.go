package vi

import (
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// collators pools Vietnamese collators: a collate.Collator keeps scratch
// buffers and must not be used by two goroutines at once. The pool holds
// no state that affects results.
var collators = sync.Pool{
	New: func() any { return collate.New(language.Vietnamese) },
}

// Compare orders a and b by the CLDR Vietnamese collation
// (golang.org/x/text/collate, language.Vietnamese): letters a ă â b c d đ
// e ê g h i k l m n o ô ơ p q r s t u ư v x y, tones and case as lesser
// differences ("an" < "ăn" < "ân", "duong" < "dương" < "Dương" < "đường").
// Strings the collation finds equal are ordered by their bytes, so Compare
// is a total order and returns 0 only for identical strings. It returns
// -1, 0 or +1 and is safe for concurrent use.
func Compare(a, b string) int {
	c := collators.Get().(*collate.Collator)
	r := c.CompareString(valid(a), valid(b))
	collators.Put(c)
	if r != 0 {
		return r
	}
	return strings.Compare(a, b)
}

// SortStrings sorts ss in place by [Compare]. The order is deterministic
// (Compare is a total order).
func SortStrings(ss []string) {
	slices.SortFunc(ss, Compare)
}
