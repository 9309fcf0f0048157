package corpus

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lantoa/lantoa/internal/vi"
)

// A text expands the sentence templates of the banks for one document.
//
// A template is plain text with two kinds of braces:
//
//   - {a|b|c}: one alternative, chosen at random, itself expanded (so
//     alternatives may nest: {a|b {place}}).
//   - {name}: a variable. Fixed variables (place, province, kind...) come
//     from vars; the others (numbers, people, crimes) are drawn afresh at
//     each use by dynamic. A name starting with an upper-case letter is the
//     lower-case variable with its first letter capitalized ({Place} →
//     "Xã Tân Mỹ").
//
// An unknown variable is recorded in err and written as is, so that a typo
// in a bank makes Generate fail instead of publishing "{plaec}".
type text struct {
	b    *bank
	r    *rand.Rand
	vars map[string]string
	err  error
}

func newText(b *bank, r *rand.Rand) *text {
	return &text{b: b, r: r, vars: make(map[string]string, 40)}
}

// set defines the fixed variable name.
func (t *text) set(name, value string) { t.vars[name] = value }

// x expands template s.
func (t *text) x(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/2)
	t.expand(&b, s)
	return b.String()
}

// expand writes the expansion of s to b.
func (t *text) expand(b *strings.Builder, s string) {
	for len(s) > 0 {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			b.WriteString(s)
			return
		}
		b.WriteString(s[:i])
		end := matchBrace(s, i)
		if end < 0 {
			t.fail(fmt.Errorf("corpus: unbalanced brace in template %q", s))
			b.WriteString(s[i:])
			return
		}
		inner := s[i+1 : end]
		if n := countAlts(inner); n > 1 {
			t.expand(b, nthAlt(inner, t.r.IntN(n)))
		} else {
			b.WriteString(t.variable(inner))
		}
		s = s[end+1:]
	}
}

// matchBrace returns the index of the '}' closing the '{' at s[open], or -1.
func matchBrace(s string, open int) int {
	depth := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// countAlts returns the number of alternatives in s: one more than the
// '|' that are not inside nested braces.
func countAlts(s string) int {
	n, depth := 1, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
		case '|':
			if depth == 0 {
				n++
			}
		}
	}
	return n
}

// nthAlt returns alternative k (from 0) of s.
func nthAlt(s string, k int) string {
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
		case '|':
			if depth == 0 {
				if k == 0 {
					return s[start:i]
				}
				k--
				start = i + 1
			}
		}
	}
	return s[start:]
}

func (t *text) fail(err error) {
	if t.err == nil {
		t.err = err
	}
}

// variable returns the value of the variable name.
func (t *text) variable(name string) string {
	r, _ := utf8.DecodeRuneInString(name)
	if unicode.IsUpper(r) {
		return capitalize(t.variable(string(unicode.ToLower(r)) + name[utf8.RuneLen(r):]))
	}
	if v, ok := t.vars[name]; ok {
		return v
	}
	if v, ok := t.dynamic(name); ok {
		return v
	}
	t.fail(&TemplateError{Name: name})
	return "{" + name + "}"
}

// A TemplateError reports a variable that no bank defines: a bug in the
// generator's sentence banks.
type TemplateError struct {
	Name string // the variable, without braces
}

func (e *TemplateError) Error() string {
	return fmt.Sprintf("corpus: template uses unknown variable {%s}", e.Name)
}

// dynamic returns a freshly drawn value for the variables that vary within
// a document.
func (t *text) dynamic(name string) (string, bool) {
	r, b := t.r, t.b
	switch name {
	case "n2": // a handful
		return strconv.Itoa(2 + r.IntN(8)), true
	case "n10": // tens
		return strconv.Itoa(10 + r.IntN(51)), true
	case "n100": // hundreds
		return strconv.Itoa(100 + r.IntN(801)), true
	case "n1000": // thousands, dot-grouped
		return vi.FormatInt(int64(1000 + r.IntN(9000))), true
	case "pct":
		return strconv.Itoa(30 + r.IntN(61)), true
	case "money": // a sum raised or spent
		return strconv.Itoa(5+r.IntN(400)) + " triệu đồng", true
	case "price": // a unit price
		return vi.FormatInt(int64(100+r.IntN(19)*50)*1000) + " đồng", true
	case "hour":
		return strconv.Itoa(19 + r.IntN(5)), true
	case "month":
		return strconv.Itoa(1 + r.IntN(12)), true
	case "person":
		return b.person(r), true
	case "surname":
		return pick(r, b.surnames), true
	case "role":
		return pick(r, b.roles), true
	case "crime":
		return pick(r, b.crimes), true
	case "vice":
		return pick(r, b.vices), true
	case "partner":
		return pick(r, b.partners), true
	case "channel":
		return pick(r, b.channels), true
	case "job":
		return pick(r, b.jobs), true
	case "stolen":
		return pick(r, b.stolen), true
	case "landmark":
		return pick(r, b.landmarks), true
	case "festival":
		return pick(r, b.festivals), true
	case "season":
		return pick(r, b.seasons), true
	}
	return "", false
}

// pick returns a random element of list.
func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

// capitalize upper-cases the first letter of s.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// lowerFirst lower-cases the first letter of s ("Phòng, chống tội phạm" →
// "phòng, chống tội phạm").
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// person returns a Kinh name with "ông" or "bà" before it.
func (b *bank) person(r *rand.Rand) string {
	if r.IntN(2) == 0 {
		return "ông " + pick(r, b.surnames) + " " + pick(r, b.maleMiddle) + " " + pick(r, b.maleGiven)
	}
	return "bà " + pick(r, b.surnames) + " " + pick(r, b.femaleMiddle) + " " + pick(r, b.femaleGiven)
}

// words counts the words of s as a reader does: the white-space separated
// tokens holding at least one letter or digit, so that Markdown syntax
// ("##", "-", "|", "---") does not count.
func words(s string) int {
	n, alnum := 0, false // alnum: the current token has a letter or digit
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			if alnum {
				n++
			}
			alnum = false
		case !alnum && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			alnum = true
		}
	}
	if alnum {
		n++
	}
	return n
}

// quote returns s as a YAML double-quoted scalar.
func quote(s string) string {
	if !strings.ContainsAny(s, "\"\\\n\t") {
		return `"` + s + `"`
	}
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// quoteList returns list as a YAML flow sequence of double-quoted scalars.
func quoteList(list []string) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, s := range list {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(quote(s))
	}
	b.WriteByte(']')
	return b.String()
}
