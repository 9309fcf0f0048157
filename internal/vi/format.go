package vi

import (
	"strconv"
	"strings"
	"time"
)

// FormatInt formats n with a dot between groups of three digits:
// 124000 → "124.000", -2500 → "-2.500", 999 → "999".
func FormatInt(n int64) string {
	s := strconv.FormatInt(n, 10)
	sign := ""
	if s[0] == '-' {
		sign, s = "-", s[1:]
	}
	return sign + group(s)
}

// group inserts a dot between groups of three in a string of digits.
func group(digits string) string {
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	b.Grow(len(digits) + len(digits)/3)
	head := len(digits) % 3
	if head == 0 {
		head = 3
	}
	b.WriteString(digits[:head])
	for i := head; i < len(digits); i += 3 {
		b.WriteByte('.')
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

// FormatFloat formats f rounded to decimals digits after a decimal comma,
// with dots between groups of three in the integer part:
// FormatFloat(1234567.891, 2) == "1.234.567,89", FormatFloat(0.5, 0) == "0"
// (round half to even, as strconv). A negative decimals counts as 0. A
// value that rounds to zero has no minus sign. NaN and infinities are
// returned as "NaN", "+Inf" and "-Inf".
func FormatFloat(f float64, decimals int) string {
	decimals = max(decimals, 0)
	s := strconv.FormatFloat(f, 'f', decimals, 64)
	if s == "NaN" || s == "+Inf" || s == "-Inf" {
		return s
	}
	sign := ""
	if s[0] == '-' {
		sign, s = "-", s[1:]
	}
	intPart, frac, _ := strings.Cut(s, ".")
	if strings.Trim(intPart+frac, "0") == "" {
		sign = ""
	}
	out := sign + group(intPart)
	if frac != "" {
		out += "," + frac
	}
	return out
}

// FormatDate formats t as dd/mm/yyyy in loc ("18/11/2025"); the caller
// passes the site time zone (Asia/Ho_Chi_Minh). A nil loc means t's own
// location.
func FormatDate(t time.Time, loc *time.Location) string {
	if loc != nil {
		t = t.In(loc)
	}
	return t.Format("02/01/2006")
}
