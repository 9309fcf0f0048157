package content

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/adrg/frontmatter"
	"io"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/lantoa/lantoa/internal/diag"
	"gopkg.in/yaml.v3"
)

// value is one decoded front matter value with the position it came from.
// v is one of: nil, string, int64, float64, bool, time.Time, []value,
// []keyValue.
type value struct {
	pos diag.Pos
	v   any
}

type keyValue struct {
	key    string
	keyPos diag.Pos
	val    value
}

type rawMatter struct {
	format string // "yaml", "toml", "json"
	data   []byte
}

func captureFormat(name, start, end string, delims, newline bool) *frontmatter.Format {
	f := frontmatter.NewFormat(start, end, func(data []byte, v any) error {
		r := v.(*rawMatter)
		r.format = name
		r.data = data
		return nil
	})
	f.UnmarshalDelims = delims
	f.RequiresNewLine = newline
	return f
}

// split separates front matter from the body. src has no BOM and LF line
// endings. It returns the raw front matter, its first line number, the
// body and the body's first line number (all 1-based).
func split(file string, src []byte) (raw rawMatter, fmLine int, body []byte, bodyLine int, d *diag.Diagnostic) {
	formats := []*frontmatter.Format{
		captureFormat("yaml", "---", "---", false, false),
		captureFormat("toml", "+++", "+++", false, false),
		captureFormat("json", "{", "}", true, true),
	}
	body, err := frontmatter.Parse(bytes.NewReader(src), &raw, formats...)
	if err != nil {
		e := diag.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, "front-matter", "không đọc được phần đầu (front matter): %v", err)
		return raw, 0, nil, 0, &e
	}
	if raw.format == "" {
		// No front matter found: either there is none, or it never closes.
		first, line := firstNonEmptyLine(src)
		switch strings.TrimSpace(first) {
		case "---", "+++", "{":
			e := diag.Errorf(diag.Pos{File: file, Line: line, Col: 1}, "front-matter", "phần đầu (front matter) mở bằng %q nhưng không có dòng đóng %q", strings.TrimSpace(first), closer(strings.TrimSpace(first)))
			return raw, 0, nil, 0, &e
		}
		return raw, 0, src, 1, nil
	}
	off := len(src) - len(body)
	bodyLine = 1 + bytes.Count(src[:off], []byte("\n"))
	fmOff := bytes.Index(src, raw.data)
	if fmOff < 0 || len(raw.data) == 0 {
		fmOff = 0
		for i, c := range src {
			if c == '\n' {
				fmOff = i + 1
				break
			}
		}
	}
	fmLine = 1 + bytes.Count(src[:fmOff], []byte("\n"))
	return raw, fmLine, body, bodyLine, nil
}

func closer(open string) string {
	if open == "{" {
		return "}"
	}
	return open
}

func firstNonEmptyLine(src []byte) (string, int) {
	for i, l := range strings.Split(string(src), "\n") {
		if strings.TrimSpace(l) != "" {
			return l, i + 1
		}
	}
	return "", 1
}

// decode parses raw front matter into an ordered key list.
func decode(file string, raw rawMatter, fmLine int) ([]keyValue, diag.List) {
	switch raw.format {
	case "yaml":
		return decodeYAML(file, raw.data, fmLine)
	case "toml":
		return decodeTOML(file, raw.data, fmLine)
	case "json":
		return decodeJSON(file, raw.data, fmLine)
	}
	return nil, nil
}

// decodeYAML decodes YAML front matter with yaml.v3, keeping the position
// of every node.
func decodeYAML(file string, data []byte, fmLine int) ([]keyValue, diag.List) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		line := 0
		msg := err.Error()
		var te *yaml.TypeError
		if !errors.As(err, &te) {
			// yaml.v3 syntax errors are "yaml: line N: msg"; the line is
			// not exposed as data, so report it relative to the block.
			line, msg = yamlErrLine(msg)
		}
		p := diag.Pos{File: file, Line: fmLine}
		if line > 0 {
			p.Line = fmLine + line - 1
		}
		return nil, diag.List{diag.Errorf(p, "front-matter", "phần đầu YAML sai cú pháp: %s", msg)}
	}
	if len(root.Content) == 0 {
		return nil, nil
	}
	m := root.Content[0]
	pos := func(n *yaml.Node) diag.Pos { return diag.Pos{File: file, Line: fmLine + n.Line - 1, Col: n.Column} }
	if m.Kind != yaml.MappingNode {
		return nil, diag.List{diag.Errorf(pos(m), "front-matter", "phần đầu phải là các cặp khóa: giá trị")}
	}
	var ds diag.List
	var conv func(n *yaml.Node) value
	conv = func(n *yaml.Node) value {
		v := value{pos: pos(n)}
		switch n.Kind {
		case yaml.AliasNode:
			if n.Alias != nil {
				// Anchors are allowed but not expanded recursively beyond one level.
				if n.Alias.Kind == yaml.ScalarNode {
					a := conv(n.Alias)
					a.pos = v.pos
					return a
				}
			}
			ds = append(ds, diag.Errorf(v.pos, "front-matter", "không hỗ trợ tham chiếu YAML (*alias) ở đây"))
		case yaml.ScalarNode:
			switch n.ShortTag() {
			case "!!null":
			case "!!bool":
				var b bool
				if n.Decode(&b) == nil {
					v.v = b
				}
			case "!!int":
				var i int64
				if n.Decode(&i) == nil {
					v.v = i
				} else {
					v.v = n.Value
				}
			case "!!float":
				var f float64
				if n.Decode(&f) == nil {
					v.v = f
				}
			case "!!timestamp":
				// Kept as text: a date without a zone is in the site's zone.
				v.v = n.Value
			default:
				v.v = n.Value
			}
		case yaml.SequenceNode:
			list := []value{}
			for _, c := range n.Content {
				list = append(list, conv(c))
			}
			v.v = list
		case yaml.MappingNode:
			kvs := []keyValue{}
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, val := n.Content[i], n.Content[i+1]
				kvs = append(kvs, keyValue{key: k.Value, keyPos: pos(k), val: conv(val)})
			}
			v.v = kvs
		}
		return v
	}
	top := conv(m)
	kvs, _ := top.v.([]keyValue)
	return kvs, ds
}

// yamlErrLine extracts the line from a yaml.v3 error message of the form
// "yaml: line N: msg". yaml.v3 offers no structured position for syntax
// errors; this is the one place we read one from text, and a miss only
// loses the line number, not the error.
func yamlErrLine(msg string) (int, string) {
	rest, ok := strings.CutPrefix(msg, "yaml: line ")
	if !ok {
		return 0, strings.TrimPrefix(msg, "yaml: ")
	}
	var n int
	i := 0
	for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
		n = n*10 + int(rest[i]-'0')
		i++
	}
	return n, strings.TrimPrefix(rest[i:], ": ")
}

// keyLine finds where key is defined in a TOML or JSON block.
func keyLine(data []byte, key string, json bool) (int, int) {
	for i, line := range strings.Split(string(data), "\n") {
		t := strings.TrimLeft(line, " \t")
		col := len(line) - len(t) + 1
		if json {
			t = strings.TrimLeft(t, "{ \t")
			col = len(line) - len(t) + 1
			if strings.HasPrefix(t, `"`+key+`"`) {
				return i + 1, col
			}
			continue
		}
		for _, k := range []string{key, `"` + key + `"`} {
			if rest, ok := strings.CutPrefix(t, k); ok && strings.HasPrefix(strings.TrimLeft(rest, " \t"), "=") {
				return i + 1, col
			}
		}
		if strings.HasPrefix(t, "[["+key+"]]") || strings.HasPrefix(t, "["+key+"]") {
			return i + 1, col
		}
	}
	return 0, 0
}

func decodeTOML(file string, data []byte, fmLine int) ([]keyValue, diag.List) {
	var m map[string]any
	md, err := toml.Decode(string(data), &m)
	if err != nil {
		p := diag.Pos{File: file, Line: fmLine}
		var pe toml.ParseError
		msg := err.Error()
		if errors.As(err, &pe) {
			p.Line, p.Col = fmLine+pe.Position.Line-1, pe.Position.Col
			msg = pe.Message
		}
		return nil, diag.List{diag.Errorf(p, "front-matter", "phần đầu TOML sai cú pháp: %s", msg)}
	}
	var kvs []keyValue
	seen := map[string]bool{}
	for _, k := range md.Keys() {
		// An array of tables ([[results]]) is listed once per table.
		if len(k) != 1 || seen[k[0]] {
			continue
		}
		seen[k[0]] = true
		l, c := keyLine(data, k[0], false)
		p := diag.Pos{File: file, Line: fmLine + l - 1, Col: c}
		if l == 0 {
			p = diag.Pos{File: file, Line: fmLine}
		}
		kvs = append(kvs, keyValue{key: k[0], keyPos: p, val: fromAny(m[k[0]], p)})
	}
	return kvs, nil
}

func decodeJSON(file string, data []byte, fmLine int) ([]keyValue, diag.List) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	// Read keys in order with the token API.
	tok, err := dec.Token()
	if err != nil || tok != json.Delim('{') {
		return nil, jsonErr(file, data, fmLine, dec, err)
	}
	var kvs []keyValue
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, jsonErr(file, data, fmLine, dec, err)
		}
		key, _ := tok.(string)
		var v any
		if err := dec.Decode(&v); err != nil {
			return nil, jsonErr(file, data, fmLine, dec, err)
		}
		l, c := keyLine(data, key, true)
		p := diag.Pos{File: file, Line: fmLine + l - 1, Col: c}
		if l == 0 {
			p = diag.Pos{File: file, Line: fmLine}
		}
		kvs = append(kvs, keyValue{key: key, keyPos: p, val: fromAny(v, p)})
	}
	if _, err := dec.Token(); err != nil {
		return nil, jsonErr(file, data, fmLine, dec, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, jsonErr(file, data, fmLine, dec, fmt.Errorf("dữ liệu thừa sau dấu }"))
	}
	return kvs, nil
}

func jsonErr(file string, data []byte, fmLine int, dec *json.Decoder, err error) diag.List {
	if err == nil {
		err = errors.New("phải là một đối tượng JSON {…}")
	}
	off := dec.InputOffset()
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off = se.Offset
	}
	off = min(max(off, 0), int64(len(data)))
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	col := int(off) - bytes.LastIndexByte(data[:off], '\n')
	return diag.List{diag.Errorf(diag.Pos{File: file, Line: fmLine + line - 1, Col: col}, "front-matter", "phần đầu JSON sai cú pháp: %v", err)}
}

// fromAny converts a TOML or JSON decoded value; every part gets pos.
func fromAny(x any, p diag.Pos) value {
	v := value{pos: p}
	switch t := x.(type) {
	case nil:
	case string:
		v.v = t
	case bool:
		v.v = t
	case int64:
		v.v = t
	case int:
		v.v = int64(t)
	case float64:
		v.v = t
	case json.Number:
		if i, err := t.Int64(); err == nil {
			v.v = i
		} else if f, err := t.Float64(); err == nil {
			v.v = f
		} else {
			v.v = t.String()
		}
	case time.Time:
		// TOML local dates and date-times carry marker locations: keep
		// them as text so the site time zone applies.
		// BurntSushi/toml names them "date-local" and "datetime-local".
		switch t.Location().String() {
		case "date-local":
			v.v = t.Format("2006-01-02")
		case "datetime-local":
			v.v = t.Format("2006-01-02T15:04:05")
		default:
			v.v = t
		}
	case []any:
		list := []value{}
		for _, e := range t {
			list = append(list, fromAny(e, p))
		}
		v.v = list
	case []map[string]any:
		list := []value{}
		for _, e := range t {
			list = append(list, fromAny(e, p))
		}
		v.v = list
	case map[string]any:
		kvs := []keyValue{}
		for k, e := range t {
			kvs = append(kvs, keyValue{key: k, keyPos: p, val: fromAny(e, p)})
		}
		slices.SortFunc(kvs, func(a, b keyValue) int { return strings.Compare(a.key, b.key) })
		v.v = kvs
	default:
		if f, ok := x.(float32); ok && !math.IsNaN(float64(f)) {
			v.v = float64(f)
		} else {
			v.v = fmt.Sprint(x)
		}
	}
	return v
}
