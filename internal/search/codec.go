package search

import (
	"fmt"
	"strings"
)

// alphabet holds the 64 characters of the postings encoding (URL-safe
// base64 digits). A number is written five bits per character, least
// significant group first; characters 32..63 of the alphabet mean "more
// follows", 0..31 end the number.
const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"

// impactLevels is the number of quantized BM25 term-frequency levels; a
// posting's impact is 1..impactLevels.
const impactLevels = 16

// appendVarint appends v in the postings encoding.
func appendVarint(b []byte, v uint32) []byte {
	for v >= 32 {
		b = append(b, alphabet[32+v&31])
		v >>= 5
	}
	return append(b, alphabet[v])
}

// digit returns the value of an alphabet character, or -1.
func digit(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'A' <= c && c <= 'Z':
		return int(c-'A') + 10
	case 'a' <= c && c <= 'z':
		return int(c-'a') + 36
	case c == '-':
		return 62
	case c == '_':
		return 63
	}
	return -1
}

// titleFlag marks, at build time, the impact of a posting whose term is in
// the document's title.
const titleFlag = 0x80

// levels is the number of impact levels kept in the postings of a term
// with document frequency df among n documents: frequent terms, whose idf
// is small, keep fewer so that their long lists compress better; every
// posting also keeps its title bit.
func levels(df, n int) int {
	switch {
	case df*32 <= n:
		return 16
	case df*8 <= n:
		return 4
	case df*2 <= n:
		return 2
	}
	return 1
}

// appendPostings appends a postings list with q impact levels: for each
// document, in increasing id order, one number (gap−1)·2q + t·q + l, where
// gap is the difference to the previous id (the first id counts from −1),
// t is 1 when the term is in the title (the impact carries titleFlag) and
// l the level 0..q−1 of the impact (impact 1..16 → level ⌊(impact−1)·q/16⌋,
// read back as impact (l+1)·16/q).
func appendPostings(b []byte, docs []uint32, impacts []uint8, q int) []byte {
	prev := int64(-1)
	for i, d := range docs {
		gap := int64(d) - prev
		prev = int64(d)
		imp := impacts[i]
		l := uint32(int(imp&^titleFlag-1) * q / impactLevels)
		if imp&titleFlag != 0 {
			l += uint32(q)
		}
		b = appendVarint(b, uint32(gap-1)*uint32(2*q)+l)
	}
	return b
}

// A postingList is a decoded postings list.
type postingList struct {
	docs    []int32
	impacts []int32
}

// decodePostings decodes a postings list written by appendPostings with q
// levels; an impact in the title reads back increased by boost.
func decodePostings(s string, q, boost int) (postingList, error) {
	step := int32(impactLevels / q)
	q2 := uint64(2 * q)
	var p postingList
	prev := int64(-1)
	var v, shift uint64
	for i := 0; i < len(s); i++ {
		d := digit(s[i])
		if d < 0 || shift > 30 {
			return postingList{}, &FormatError{What: "postings", Offset: i, Detail: fmt.Sprintf("bad character %q", s[i])}
		}
		if d >= 32 {
			v |= uint64(d-32) << shift
			shift += 5
			continue
		}
		v |= uint64(d) << shift
		doc := prev + 1 + int64(v/q2)
		l := int32(v % q2)
		imp := (l%int32(q) + 1) * step
		if l >= int32(q) {
			imp += int32(boost)
		}
		p.docs = append(p.docs, int32(doc))
		p.impacts = append(p.impacts, imp)
		prev = doc
		v, shift = 0, 0
	}
	if shift != 0 {
		return postingList{}, &FormatError{What: "postings", Offset: len(s), Detail: "truncated number"}
	}
	return p, nil
}

// decodeVarints decodes a sequence of numbers written by appendVarint.
func decodeVarints(s string) ([]int32, error) {
	var out []int32
	var v, shift uint64
	for i := 0; i < len(s); i++ {
		d := digit(s[i])
		if d < 0 || shift > 30 {
			return nil, &FormatError{What: "numbers", Offset: i, Detail: fmt.Sprintf("bad character %q", s[i])}
		}
		if d >= 32 {
			v |= uint64(d-32) << shift
			shift += 5
			continue
		}
		out = append(out, int32(v|uint64(d)<<shift))
		v, shift = 0, 0
	}
	if shift != 0 {
		return nil, &FormatError{What: "numbers", Offset: len(s), Detail: "truncated number"}
	}
	return out, nil
}

// A FormatError reports a malformed index file.
type FormatError struct {
	File   string // file name, when known
	What   string // the structure being decoded
	Offset int    // byte offset in the structure
	Detail string
}

func (e *FormatError) Error() string {
	var b strings.Builder
	b.WriteString("search index")
	if e.File != "" {
		b.WriteString(" " + e.File)
	}
	fmt.Fprintf(&b, ": bad %s at offset %d: %s", e.What, e.Offset, e.Detail)
	return b.String()
}
