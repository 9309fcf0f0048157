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

// dense marks a list written by its complement: see appendPostings and
// appendPresence.
const dense = '!'

// appendDocs appends a list of increasing document numbers: each as the
// gap to the previous one minus one, the first counted from −1.
func appendDocs(b []byte, docs []uint32) []byte {
	prev := int64(-1)
	for _, d := range docs {
		b = appendVarint(b, uint32(int64(d)-prev-1))
		prev = int64(d)
	}
	return b
}

// appendComplement appends, as appendDocs, the documents below n that are
// not in docs.
func appendComplement(b []byte, docs []uint32, n int) []byte {
	prev := int64(-1)
	next := 0
	for d := range uint32(n) {
		if next < len(docs) && docs[next] == d {
			next++
			continue
		}
		b = appendVarint(b, uint32(int64(d)-prev-1))
		prev = int64(d)
	}
	return b
}

// appendPresence appends a set of documents among n: as appendDocs, or,
// when it holds more than half of them, as '!' and the complement.
func appendPresence(b []byte, docs []uint32, n int) []byte {
	if 2*len(docs) > n {
		return appendComplement(append(b, dense), docs, n)
	}
	return appendDocs(b, docs)
}

// appendPostings appends a postings list with q impact levels of a term
// found in len(docs) of n documents. With q > 1: for each document, in
// increasing id order, one number (gap−1)·2q + t·q + l, where gap is the
// difference to the previous id (the first id counts from −1), t is 1
// when the term is in the title (the impact carries titleFlag) and l the
// level 0..q−1 of the impact (impact 1..16 → level ⌊(impact−1)·q/16⌋, read
// back as impact (l+1)·16/q). With q = 1 (the term is in more than half
// of the documents) the impact says nothing, and the list is written
// dense: '!', the documents without the term (appendComplement), '!',
// the documents with it in the title (appendDocs).
func appendPostings(b []byte, docs []uint32, impacts []uint8, q, n int) []byte {
	if q == 1 {
		b = appendComplement(append(b, dense), docs, n)
		b = append(b, dense)
		prev := int64(-1)
		for i, d := range docs {
			if impacts[i]&titleFlag != 0 {
				b = appendVarint(b, uint32(int64(d)-prev-1))
				prev = int64(d)
			}
		}
		return b
	}
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
// levels among n documents; an impact in the title reads back increased
// by boost.
func decodePostings(s string, q, boost, n int) (postingList, error) {
	var p postingList
	if q == 1 {
		rest, ok := strings.CutPrefix(s, string(dense))
		comp, titles, ok2 := strings.Cut(rest, string(dense))
		if !ok || !ok2 {
			return postingList{}, &FormatError{What: "postings", Detail: "dense list without its two marks"}
		}
		absent, err := decodeDocs(comp, n)
		if err != nil {
			return postingList{}, err
		}
		title, err := decodeDocs(titles, n)
		if err != nil {
			return postingList{}, err
		}
		p.docs = make([]int32, 0, n-len(absent))
		p.impacts = make([]int32, 0, n-len(absent))
		a, t := 0, 0
		for d := range int32(n) {
			if a < len(absent) && absent[a] == d {
				a++
				continue
			}
			imp := int32(impactLevels)
			if t < len(title) && title[t] == d {
				imp += int32(boost)
				t++
			}
			p.docs = append(p.docs, d)
			p.impacts = append(p.impacts, imp)
		}
		if t != len(title) {
			return postingList{}, &FormatError{What: "postings", Detail: "title document not in the list"}
		}
		return p, nil
	}
	step := int32(impactLevels / q)
	q2 := uint64(2 * q)
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
		if doc >= int64(n) {
			return postingList{}, &FormatError{What: "postings", Offset: i, Detail: "document out of range"}
		}
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

// decodeDocs decodes a list written by appendDocs; documents are below n.
func decodeDocs(s string, n int) ([]int32, error) {
	gaps, err := decodeVarints(s)
	if err != nil {
		return nil, err
	}
	prev := int64(-1)
	for i, g := range gaps {
		prev += int64(g) + 1
		if prev >= int64(n) {
			return nil, &FormatError{What: "documents", Offset: i, Detail: "document out of range"}
		}
		gaps[i] = int32(prev)
	}
	return gaps, nil
}

// decodePresence decodes a set written by appendPresence.
func decodePresence(s string, n int) ([]int32, error) {
	rest, ok := strings.CutPrefix(s, string(dense))
	docs, err := decodeDocs(rest, n)
	if err != nil || !ok {
		return docs, err
	}
	all := make([]int32, 0, n-len(docs))
	j := 0
	for d := range int32(n) {
		if j < len(docs) && docs[j] == d {
			j++
			continue
		}
		all = append(all, d)
	}
	return all, nil
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
