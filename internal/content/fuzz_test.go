package content

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/lantoa/lantoa/internal/diag"
	"github.com/lantoa/lantoa/internal/vi"
	"github.com/lantoa/lantoa/internal/vocab"
)

// Fuzz targets for front matter parsing and validation. Their seed corpora
// are the f.Add calls below and the files in testdata/fuzz/FuzzNAME/ (each
// a regression found by fuzzing); `go test` runs both, `make fuzz`
// explores further.

// fuzzOptions is testOptions for a fuzz target: the repository's real
// vocabularies and a fixed clock.
func fuzzOptions(tb testing.TB) Options {
	tb.Helper()
	voc, ds := vocab.Load(os.DirFS("../.."))
	if ds.HasErrors() {
		tb.Fatalf("loading the repository vocabularies: %v", ds)
	}
	loc, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		tb.Fatal(err)
	}
	return Options{Vocab: voc, Location: loc, Now: time.Date(2026, 3, 1, 12, 0, 0, 0, loc)}
}

// pageURL is the form of every page URL: "/" or slash-separated slugs
// ending in "/".
var pageURL = regexp.MustCompile(`^/([a-z0-9]+(-[a-z0-9]+)*/){0,2}$`)

// checkParse asserts what must hold for any input to Parse: every
// diagnostic names the file (NFC) and a line within the file; a page
// without errors has a safe URL, clean aliases and text free of control
// and bidi characters.
func checkParse(t *testing.T, name string, src []byte, p *Page, ds diag.List) {
	t.Helper()
	file := vi.NFC(name)
	// Lines as an editor counts them: CRLF, CR and LF each end a line.
	lines := 1 + bytes.Count(bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n")), []byte("\n")) + bytes.Count(bytes.ReplaceAll(src, []byte("\r\n"), nil), []byte("\r"))
	for _, d := range ds {
		if d.File != file {
			t.Errorf("diagnostic names file %q, want %q: %s", d.File, file, d)
		}
		if d.Line < 1 || d.Line > lines {
			t.Errorf("diagnostic at line %d, the file has %d lines: %s", d.Line, lines, d)
		}
		if d.Col < 0 {
			t.Errorf("diagnostic at column %d: %s", d.Col, d)
		}
		if d.Code == "" || d.Msg == "" || !utf8.ValidString(d.Msg) {
			t.Errorf("diagnostic without code or readable message: %+q", d)
		}
	}
	if p == nil {
		if !ds.HasErrors() {
			t.Errorf("Parse returned no page and no error")
		}
		return
	}
	if p.File != file {
		t.Errorf("page file %q, want %q", p.File, file)
	}
	if p.BodyLine < 1 || p.BodyLine > lines+1 {
		t.Errorf("body starts at line %d of %d", p.BodyLine, lines)
	}
	if !utf8.Valid(p.Body) {
		t.Errorf("body is not UTF-8: %+q", p.Body)
	}
	if ds.HasErrors() {
		return
	}
	if !pageURL.MatchString(p.URL) {
		t.Errorf("page URL %q is not a clean site path", p.URL)
	}
	for _, a := range p.Aliases {
		if c, err := CleanAlias(a); err != nil || c != a || strings.Contains(a, "..") || strings.Contains(a, "//") {
			t.Errorf("alias %q kept but not clean (%q, %v)", a, c, err)
		}
	}
	texts := []string{p.Title, p.Summary, p.ImageAlt, p.Locality, p.Contact, p.Award}
	texts = append(texts, p.Tags...)
	for _, r := range p.Results {
		texts = append(texts, r.Label, r.Value)
	}
	if p.Type != nil {
		texts = append(texts, p.Type.Name)
		if !vocab.ValidSlug(p.Type.Slug) {
			t.Errorf("kind slug %q", p.Type.Slug)
		}
	}
	for _, s := range texts {
		if i := strings.IndexFunc(s, badRune); i >= 0 {
			t.Errorf("front matter text %+q keeps control or bidi character %U", s, []rune(s[i:])[0])
		}
		if !utf8.ValidString(s) || vi.NFC(s) != s {
			t.Errorf("front matter text %+q is not NFC UTF-8", s)
		}
	}
	if strings.TrimSpace(p.Title) == "" {
		t.Errorf("page without errors has no title")
	}
}

// FuzzParse feeds Parse arbitrary bytes under a few file names.
func FuzzParse(f *testing.F) {
	opt := fuzzOptions(f)
	for _, s := range []string{
		modelYAML, modelTOML, modelJSON,
		"---\ntitle: T\n", "+++\ntitle = \"T\"\n", "{\n\"title\": \"T\"\n",
		"---\n---\n", "+++\n+++\n", "{}\n", "{\n}\n", "---\n- a\n- b\n---\n",
		"\uFEFF---\r\ntitle: T\r\n---\r\nx\r\n", "---\ntitle: &a [*a]\n---\n",
		"---\ntitle: \"\u202eabc\u200b\"\nslug: ../../x\naliases: [\"/../../etc/x\"]\n---\n",
		"---\ntitle: T\ndate: 99999-99-99\n---\n", "\xff\xfe\x00", "---\ntitle: T\n---\n\x00",
		"---\n? [a, b]\n: c\n---\n", "---\ntitle: !!binary aGVsbG8=\n---\n",
		"+++\n[[results]]\nlabel = 1\n[[results]]\nvalue = 2\n+++\n",
		"{\"title\": \"T\"} trailing\n", "---\n" + strings.Repeat("a: b\n", 50) + "---\n",
	} {
		for _, name := range []string{"content/mo-hinh/x.md", "content/dien-hinh/x/index.md", "content/tin-tuc/x.md", "content/_index.md", "content/x.md"} {
			f.Add(name, []byte(s))
		}
	}
	f.Add("content/mo-hinh/ngu\u031bo\u031b\u0300i.md", []byte(modelYAML))
	f.Add("content/mo-hinh/a b.md", []byte(modelYAML))
	f.Add("content/a/b/c/d.md", []byte(modelYAML))
	f.Fuzz(func(t *testing.T, name string, src []byte) {
		// Names come from fs.WalkDir: slash paths under content/.
		if !strings.HasPrefix(name, "content/") || !strings.HasSuffix(name, ".md") || strings.Contains(name, "//") ||
			strings.Contains(name, "/./") || strings.Contains(name, "/../") || strings.ContainsAny(name, "\x00") || !utf8.ValidString(name) {
			t.Skip()
		}
		p, ds := Parse(name, src, opt)
		checkParse(t, name, src, p, ds)
	})
}

// fuzzModel is a valid model as key/value lines, to be written out in
// each front matter format with one key replaced or added.
var fuzzModel = [][2]string{
	{"title", `"Camera an ninh phường Yên Hòa"`},
	{"summary", `"Người dân góp tiền lắp camera."`},
	{"date", `"2025-11-18"`},
	{"province", `"Hà Nội"`},
	{"kind", `"Camera an ninh"`},
	{"fields", `["Phòng, chống tội phạm"]`},
	{"tags", `["camera"]`},
	{"results", `[{"label": "Vụ trộm", "value": "giảm 70%"}]`},
}

// structured writes fuzzModel in format (0 YAML, 1 TOML, 2 JSON) with
// key set to raw (a value written as is, in that format's syntax).
func structured(format uint8, key, raw, body string) []byte {
	kvs := append([][2]string(nil), fuzzModel...)
	replaced := false
	for i := range kvs {
		if kvs[i][0] == key {
			kvs[i][1] = raw
			replaced = true
		}
	}
	if !replaced {
		kvs = append(kvs, [2]string{key, raw})
	}
	var b strings.Builder
	switch format % 3 {
	case 0:
		b.WriteString("---\n")
		for _, kv := range kvs {
			b.WriteString(kv[0] + ": " + kv[1] + "\n")
		}
		b.WriteString("---\n")
	case 1:
		b.WriteString("+++\n")
		for _, kv := range kvs {
			v := strings.ReplaceAll(kv[1], `": `, `" = `) // inline tables
			v = strings.ReplaceAll(v, `{"label" =`, `{label =`)
			v = strings.ReplaceAll(v, `, "value" =`, `, value =`)
			b.WriteString(kv[0] + " = " + v + "\n")
		}
		b.WriteString("+++\n")
	case 2:
		b.WriteString("{\n")
		for i, kv := range kvs {
			sep := ",\n"
			if i == len(kvs)-1 {
				sep = "\n"
			}
			b.WriteString(`  "` + kv[0] + `": ` + kv[1] + sep)
		}
		b.WriteString("}\n")
	}
	b.WriteString(body)
	return []byte(b.String())
}

// FuzzParseStructured mutates one key of a valid model in YAML, TOML or
// JSON: the key name, its raw value and the body are fuzzed, the rest of
// the document stays well formed, so validation is explored past the
// syntax checks.
func FuzzParseStructured(f *testing.F) {
	opt := fuzzOptions(f)
	seeds := []struct{ key, raw string }{
		{"title", `"<script>alert(1)</script>"`},
		{"title", `"\u202eabc"`},
		{"title", `123`},
		{"title", `""`},
		{"title", `["a"]`},
		{"summary", `"` + strings.Repeat("dài ", 100) + `"`},
		{"date", `"2025-02-30"`},
		{"date", `2025-11-18`},
		{"date", `2025-11-18T08:30:00+07:00`},
		{"province", `"Ha Noi"`},
		{"province", `"TP.HCM"`},
		{"province", `["Hà Nội"]`},
		{"fields", `[]`},
		{"fields", `"Phòng, chống tội phạm"`},
		{"fields", `[1, 2]`},
		{"kind", `"!!!"`},
		{"slug", `"../../x"`},
		{"slug", `"a/b"`},
		{"aliases", `["/../../etc/x"]`},
		{"aliases", `["https://evil.example/"]`},
		{"aliases", `["/cu/", "/cu/"]`},
		{"started", `1900`},
		{"started", `"2021"`},
		{"replications", `-1`},
		{"members", `9223372036854775807`},
		{"members", `1e309`},
		{"results", `[{"label": 1}]`},
		{"results", `[{"label": "a", "value": 1.5, "x": 2}]`},
		{"results", `"x"`},
		{"image", `"anh.jpg"`},
		{"image_alt", `"\"><img src=x onerror=alert(1)>"`},
		{"weight", `1.5`},
		{"draft", `"yes"`},
		{"recipient", `"tap-the"`},
		{"titel", `"T"`},
		{"", `""`},
		{"title", `null`},
		{"tags", `[null, "", "  "]`},
	}
	for i, s := range seeds {
		f.Add(uint8(i%3), s.key, s.raw, "\n## Bối cảnh\n\nNội dung.\n")
		f.Add(uint8((i+1)%3), s.key, s.raw, "")
	}
	f.Fuzz(func(t *testing.T, format uint8, key, raw, body string) {
		src := structured(format, key, raw, body)
		for _, name := range []string{"content/mo-hinh/x.md", "content/dien-hinh/y/index.md"} {
			p, ds := Parse(name, src, opt)
			checkParse(t, name, src, p, ds)
		}
	})
}
