package content

import (
	"bytes"
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/lantoa/lantoa/internal/diag"
)

// quickYAML decodes the YAML front matter that nearly every page has,
// without gopkg.in/yaml.v3 and with the same result (values, types and
// positions) as decodeYAMLNodes would give. It accepts only this subset,
// one construct per line, and reports ok == false for anything else (the
// caller then uses yaml.v3, which also reports syntax errors):
//
//	key: "double-quoted"        escapes \" and \\ only
//	key: 'single-quoted'        no '' inside
//	key: plain text             starts with a letter; no ':', '#' or tab
//	key: 2016                   a decimal integer without leading zero
//	key: 2025-04-10             a date (kept as text, as yaml.v3's timestamps are)
//	key: ["a", 'b']             quoted items only
//	key:                        then a block sequence indented by d ≥ 1 spaces:
//	  - "scalar"
//	  - label: "x"              or of one-line mappings with scalar values
//	    value: 21
//
// Keys are [A-Za-z_][A-Za-z0-9_-]*, at most 64 bytes, at column 1 for the
// top level. Blank lines may separate top-level keys. Any character that
// yaml.v3 rejects or treats as a line break (controls, tabs, U+0085,
// U+2028, U+2029, U+FEFF, U+FFFE, U+FFFF) sends the whole block to yaml.v3.
func quickYAML(file string, data []byte, fmLine int) ([]keyValue, bool) {
	if !quickChars(data) {
		return nil, false
	}
	q := quick{file: file, fmLine: fmLine, lines: make([][]byte, 0, 32)}
	for len(data) > 0 {
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			q.lines = append(q.lines, data)
			break
		}
		q.lines = append(q.lines, data[:i])
		data = data[i+1:]
	}
	kvs := make([]keyValue, 0, len(q.lines))
	for i := 0; i < len(q.lines); {
		l := q.lines[i]
		if len(l) == 0 {
			i++
			continue
		}
		key, off, ok := quickKey(l, 0)
		if !ok {
			return nil, false
		}
		keyPos := q.pos(i, 0)
		if off == len(l) {
			v, next, ok := q.blockSeq(i + 1)
			if !ok {
				return nil, false
			}
			kvs = append(kvs, keyValue{key: key, keyPos: keyPos, val: v})
			i = next
			continue
		}
		v, ok := q.inline(i, off, true)
		if !ok {
			return nil, false
		}
		kvs = append(kvs, keyValue{key: key, keyPos: keyPos, val: v})
		i++
	}
	if len(kvs) == 0 {
		return nil, false
	}
	return kvs, true
}

type quick struct {
	file   string
	fmLine int
	lines  [][]byte
}

// pos is the position of byte off of line i; columns count runes.
func (q *quick) pos(i, off int) diag.Pos {
	return diag.Pos{File: q.file, Line: q.fmLine + i, Col: utf8.RuneCount(q.lines[i][:off]) + 1}
}

// quickChars reports whether data is UTF-8 with only characters yaml.v3
// reads as ordinary text (or LF).
func quickChars(data []byte) bool {
	if !utf8.Valid(data) {
		return false
	}
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case c < 0x20 && c != '\n', c == 0x7F:
			return false
		case c == 0xC2 && i+1 < len(data) && data[i+1] < 0xA0: // U+0080–U+009F
			return false
		case c == 0xE2 && i+2 < len(data) && data[i+1] == 0x80 && (data[i+2] == 0xA8 || data[i+2] == 0xA9): // U+2028, U+2029
			return false
		case c == 0xEF && i+2 < len(data) && (data[i+1] == 0xBB && data[i+2] == 0xBF || data[i+1] == 0xBF && data[i+2] >= 0xBE): // U+FEFF, U+FFFE, U+FFFF
			return false
		}
	}
	return true
}

// quickKey reads "key:" at l[at:]; off is where the value starts (after
// the colon and one or more spaces), or len(l) when nothing follows.
func quickKey(l []byte, at int) (key string, off int, ok bool) {
	i := at
	for i < len(l) && i-at <= 64 {
		c := l[i]
		if c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || i > at && (c == '-' || '0' <= c && c <= '9') {
			i++
			continue
		}
		break
	}
	if i == at || i-at > 64 || i == len(l) || l[i] != ':' {
		return "", 0, false
	}
	key = string(l[at:i])
	i++
	if i == len(l) {
		return key, i, true
	}
	if l[i] != ' ' {
		return "", 0, false
	}
	for i < len(l) && l[i] == ' ' {
		i++
	}
	if i == len(l) {
		return "", 0, false // "key:   " (an empty value): left to yaml.v3
	}
	return key, i, true
}

// inline reads the value at l[off:] up to the end of the line (trailing
// spaces allowed). flow permits a flow sequence.
func (q *quick) inline(i, off int, flow bool) (value, bool) {
	l := q.lines[i]
	v := value{pos: q.pos(i, off)}
	var end int
	switch c := l[off]; {
	case c == '"' || c == '\'':
		s, e, ok := quoted(l, off)
		if !ok {
			return v, false
		}
		v.v, end = s, e
	case c == '[' && flow:
		list := []value{}
		j := skipSpaces(l, off+1)
		if j < len(l) && l[j] == ']' {
			v.v, end = list, j+1
			break
		}
		for {
			if j >= len(l) || l[j] != '"' && l[j] != '\'' {
				return v, false
			}
			s, e, ok := quoted(l, j)
			if !ok {
				return v, false
			}
			list = append(list, value{pos: q.pos(i, j), v: s})
			j = skipSpaces(l, e)
			if j < len(l) && l[j] == ']' {
				end = j + 1
				break
			}
			if j >= len(l) || l[j] != ',' {
				return v, false
			}
			j = skipSpaces(l, j+1)
		}
		v.v = list
	default:
		x, ok := plain(l[off:])
		if !ok {
			return v, false
		}
		v.v, end = x, len(l)
	}
	if skipSpaces(l, end) != len(l) {
		return v, false
	}
	return v, true
}

func skipSpaces(l []byte, i int) int {
	for i < len(l) && l[i] == ' ' {
		i++
	}
	return i
}

// quoted reads the quoted scalar starting at l[at]; end is just after the
// closing quote. Of the escapes of double-quoted scalars, only \" and \\
// are taken here.
func quoted(l []byte, at int) (s string, end int, ok bool) {
	qc := l[at]
	if qc == '\'' {
		j := bytes.IndexByte(l[at+1:], '\'')
		if j < 0 {
			return "", 0, false
		}
		end = at + 2 + j
		if end < len(l) && l[end] == '\'' {
			return "", 0, false // '' stands for one quote
		}
		return string(l[at+1 : end-1]), end, true
	}
	var b []byte // the value, when it has escapes
	start := at + 1
	for i := start; i < len(l); i++ {
		switch l[i] {
		case '"':
			if b == nil {
				return string(l[start:i]), i + 1, true
			}
			return string(append(b, l[start:i]...)), i + 1, true
		case '\\':
			if i+1 == len(l) || l[i+1] != '"' && l[i+1] != '\\' {
				return "", 0, false
			}
			b = append(append(b, l[start:i]...), l[i+1])
			i++
			start = i + 1
		}
	}
	return "", 0, false
}

// plain resolves a plain scalar (the rest of the line) the way yaml.v3
// does for the forms accepted here: true/false/null spellings, decimal
// integers, dates (text), other text starting with a letter (text).
func plain(b []byte) (any, bool) {
	b = bytes.TrimRight(b, " ")
	if bytes.ContainsAny(b, ":#\t") {
		return nil, false
	}
	c := b[0]
	if '0' <= c && c <= '9' {
		if isDate(b) {
			return string(b), true
		}
		if len(b) > 18 || c == '0' && len(b) > 1 {
			return nil, false
		}
		for _, d := range b {
			if d < '0' || d > '9' {
				return nil, false
			}
		}
		n, err := strconv.ParseInt(string(b), 10, 64)
		return n, err == nil
	}
	if r, _ := utf8.DecodeRune(b); !unicode.IsLetter(r) {
		return nil, false
	}
	switch string(b) {
	case "true", "True", "TRUE":
		return true, true
	case "false", "False", "FALSE":
		return false, true
	case "null", "Null", "NULL":
		return nil, true
	}
	return string(b), true
}

// isDate reports whether b is dddd-dd-dd.
func isDate(b []byte) bool {
	if len(b) != 10 || b[4] != '-' || b[7] != '-' {
		return false
	}
	for i, c := range b {
		if i != 4 && i != 7 && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// blockSeq reads a block sequence starting at line i; next is the first
// line after it.
func (q *quick) blockSeq(i int) (v value, next int, ok bool) {
	if i >= len(q.lines) {
		return v, 0, false
	}
	d := skipSpaces(q.lines[i], 0)
	if d == 0 {
		return v, 0, false
	}
	v.pos = q.pos(i, d)
	list := []value{}
	for i < len(q.lines) {
		l := q.lines[i]
		if len(l) == 0 || l[0] != ' ' {
			break // a blank line or the next top-level key
		}
		if len(l) < d+3 || skipSpaces(l, 0) != d || l[d] != '-' || l[d+1] != ' ' || l[d+2] == ' ' {
			return v, 0, false
		}
		at := d + 2
		key, off, isMap := quickKey(l, at)
		if !isMap {
			item, ok := q.inline(i, at, false)
			if !ok {
				return v, 0, false
			}
			list = append(list, item)
			i++
			continue
		}
		// A mapping: this line and the following ones indented to at.
		m := value{pos: q.pos(i, at)}
		kvs := []keyValue{}
		for {
			if off == len(l) {
				return v, 0, false
			}
			val, ok := q.inline(i, off, false)
			if !ok {
				return v, 0, false
			}
			kvs = append(kvs, keyValue{key: key, keyPos: q.pos(i, at), val: val})
			i++
			if i == len(q.lines) || skipSpaces(q.lines[i], 0) != at {
				break
			}
			l = q.lines[i]
			if key, off, ok = quickKey(l, at); !ok {
				return v, 0, false
			}
		}
		m.v = kvs
		list = append(list, m)
	}
	v.v = list
	return v, i, true
}
