package content

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/lantoa/lantoa/internal/diag"
	"github.com/lantoa/lantoa/internal/vi"
	"github.com/lantoa/lantoa/internal/vocab"
)

// Dir is the content folder, relative to the site folder.
const Dir = "content"

// Limits on front matter text, in characters.
const (
	MaxTitle   = 120
	MaxSummary = 300
)

// Options are what validation needs to know about the site.
type Options struct {
	Vocab    *vocab.Vocabularies
	Location *time.Location
	Now      time.Time
}

// Load reads and validates every page under content/ in fsys (the site
// folder), in parallel: files are read and parsed (one worker per CPU) as
// the walk finds them. Pages come back sorted by file; pages that could
// not be read at all are left out, with their diagnostics.
func Load(fsys fs.FS, opt Options) ([]*Page, diag.List) {
	type parsed struct {
		file string
		page *Page
		ds   diag.List
	}
	rs := rules() // read-only, shared by the workers
	next := make(chan string, 64)
	done := make([][]parsed, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for w := range done {
		wg.Go(func() {
			for f := range next {
				p, ds := readParse(fsys, f, opt, rs)
				done[w] = append(done[w], parsed{f, p, ds})
			}
		})
	}
	ds := Walk(fsys, func(p string, _ fs.DirEntry) { next <- p })
	close(next)
	wg.Wait()
	all := slices.Concat(done...)
	slices.SortFunc(all, func(a, b parsed) int { return strings.Compare(a.file, b.file) })
	out := make([]*Page, 0, len(all))
	for _, r := range all {
		ds = append(ds, r.ds...)
		if r.page != nil {
			out = append(out, r.page)
		}
	}
	return out, ds
}

// ParseFiles reads and parses files (slash paths in fsys) in parallel, one
// worker per CPU. It returns, for each file in order, its page (nil when the
// file cannot be used) and its diagnostics.
func ParseFiles(fsys fs.FS, files []string, opt Options) ([]*Page, []diag.List) {
	pages := make([]*Page, len(files))
	dss := make([]diag.List, len(files))
	rs := rules() // read-only, shared by the workers
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				pages[i], dss[i] = readParse(fsys, files[i], opt, rs)
			}
		})
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	return pages, dss
}

// readParse reads file and parses it.
func readParse(fsys fs.FS, file string, opt Options, rs map[string]keyRule) (*Page, diag.List) {
	src, err := fs.ReadFile(fsys, file)
	if err != nil {
		return nil, diag.List{diag.Errorf(diag.Pos{File: vi.NFC(file)}, "read", "không đọc được tệp: %v", unwrap(err))}
	}
	return parse(file, src, opt, rs)
}

// Walk calls fn for every Markdown file under content/ in fsys, skipping
// hidden and underscore folders, hidden files and editor backups (the
// rules of [Load]). Folders that cannot be read are reported.
func Walk(fsys fs.FS, fn func(path string, d fs.DirEntry)) diag.List {
	var ds diag.List
	err := fs.WalkDir(fsys, Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == Dir && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll
			}
			ds = append(ds, diag.Errorf(diag.Pos{File: p}, "read", "không đọc được: %v", unwrap(err)))
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		name := d.Name()
		if d.IsDir() {
			if p != Dir && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return fs.SkipDir
			}
			return nil
		}
		if strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") || strings.HasPrefix(name, "#") {
			return nil // editor backups and hidden files
		}
		if strings.HasSuffix(strings.ToLower(name), ".md") {
			fn(p, d)
		}
		return nil
	})
	if err != nil {
		ds = append(ds, diag.Errorf(diag.Pos{File: Dir}, "read", "không duyệt được thư mục nội dung: %v", err))
	}
	return ds
}

func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Parse decodes and validates one file. name is its slash path relative to
// the site folder ("content/mo-hinh/x.md"); it may be NFD (macOS) and is
// normalized. Parse returns nil when the file cannot be used at all. The
// page may keep parts of src (its Body): src must not be changed after.
func Parse(name string, src []byte, opt Options) (*Page, diag.List) {
	return parse(name, src, opt, rules())
}

// parse is Parse with the key rules.
func parse(name string, src []byte, opt Options, rs map[string]keyRule) (*Page, diag.List) {
	file := vi.NFC(name)
	isNFC := vi.IsNFC(src) // valid UTF-8 too: true for nearly every file
	if !isNFC && !utf8.Valid(src) {
		off := 0
		for off < len(src) {
			r, n := utf8.DecodeRune(src[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		line := 1 + bytes.Count(src[:off], []byte("\n"))
		col := utf8.RuneCount(src[bytes.LastIndexByte(src[:off], '\n')+1:off]) + 1
		return nil, diag.List{diag.Errorf(diag.Pos{File: file, Line: line, Col: col}, "utf8", "tệp không phải UTF-8 hợp lệ (byte 0x%02X); hãy lưu tệp với mã hóa UTF-8", src[off])}
	}
	if bytes.IndexByte(src, 0) >= 0 {
		off := bytes.IndexByte(src, 0)
		line := 1 + bytes.Count(src[:off], []byte("\n"))
		return nil, diag.List{diag.Errorf(diag.Pos{File: file, Line: line, Col: 1}, "binary", "tệp chứa ký tự NUL: có lẽ đây là tệp nhị phân, không phải Markdown")}
	}
	sum := sha256.Sum256(src)
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	if bytes.IndexByte(src, '\r') >= 0 {
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
		// A lone CR (old Mac files) is a line break too, as for YAML and
		// for editors, so that line numbers agree.
		src = bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))
	}
	if !isNFC { // still NFC after the BOM and CRs are gone otherwise
		src = vi.NFCBytes(src)
	}
	src = stripBidi(src)
	if len(bytes.TrimSpace(src)) == 0 {
		return nil, diag.List{diag.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, "empty", "tệp trống: cần phần đầu (front matter) với title và nội dung")}
	}
	p := &Page{File: file, Hash: hex.EncodeToString(sum[:8])}
	var ds diag.List
	if d := p.place(); d != nil {
		return nil, diag.List{*d}
	}
	p.RawDir = path.Dir(name)
	raw, fmLine, body, bodyLine, d := split(file, src)
	if d != nil {
		return nil, diag.List{*d}
	}
	p.Body, p.BodyLine = body, bodyLine
	kvs, dd := decode(file, raw, fmLine)
	if dd.HasErrors() {
		return nil, dd
	}
	p.Pos = make(map[string]diag.Pos, len(kvs))
	ds = append(ds, dd...)
	ds = append(ds, p.apply(kvs, opt, rs)...)
	ds = append(ds, p.require(opt)...)
	if !p.Date.IsZero() && !opt.Now.IsZero() && p.Date.After(opt.Now) {
		ds = append(ds, diag.Warnf(p.KeyPos("date"), "date-future", "ngày %s còn ở tương lai: bài chỉ được xuất bản từ ngày đó (hoặc dựng với --future)", p.Date.In(opt.Location).Format("02/01/2006")))
	}
	return p, ds
}

// place sets Kind, Section, Slug, Dir and the default URL from the path.
func (p *Page) place() *diag.Diagnostic {
	rel, ok := strings.CutPrefix(p.File, Dir+"/")
	if !ok {
		e := diag.Errorf(diag.Pos{File: p.File, Line: 1, Col: 1}, "location", "tệp nội dung phải nằm trong content/")
		return &e
	}
	parts := strings.Split(rel, "/")
	base := func(s string) string { return s[:len(s)-len(path.Ext(s))] }
	p.Dir = path.Dir(p.File)
	switch {
	case len(parts) == 1 && parts[0] == "_index.md":
		p.Kind = KindHome
	case len(parts) == 1:
		p.Kind, p.Slug = KindPage, base(parts[0])
	case len(parts) == 2 && parts[1] == "_index.md":
		p.Kind, p.Section = KindSection, parts[0]
	case len(parts) == 2 && parts[1] == "index.md":
		p.Kind, p.Slug, p.Bundle = KindPage, parts[0], true
	case len(parts) == 2:
		p.Section, p.Slug = parts[0], base(parts[1])
	case len(parts) == 3 && parts[2] == "index.md":
		p.Section, p.Slug, p.Bundle = parts[0], parts[1], true
	default:
		e := diag.Errorf(diag.Pos{File: p.File, Line: 1, Col: 1}, "location", "vị trí không được hỗ trợ: bài viết phải là content/MỤC/TÊN.md hoặc content/MỤC/TÊN/index.md")
		return &e
	}
	if p.Kind == "" {
		switch Kind(p.Section) {
		case KindModel, KindExemplar, KindNews:
			p.Kind = Kind(p.Section)
		default:
			p.Kind = KindPage
		}
	}
	if p.Slug == "" && p.Kind != KindHome && p.Kind != KindSection {
		e := diag.Errorf(diag.Pos{File: p.File, Line: 1, Col: 1}, "slug", "tên tệp không có chữ nào trước .md: hãy đặt tên, ví dụ camera-an-ninh.md")
		return &e
	}
	if p.Section != "" && !vocab.ValidSlug(p.Section) {
		e := diag.Errorf(diag.Pos{File: p.File, Line: 1, Col: 1}, "slug", "tên thư mục %q không hợp lệ cho đường dẫn; hãy đổi thành %q", p.Section, vi.Slug(p.Section))
		return &e
	}
	p.setURL()
	return nil
}

func (p *Page) setURL() {
	switch {
	case p.Kind == KindHome:
		p.URL = "/"
	case p.Kind == KindSection:
		p.URL = "/" + p.Section + "/"
	case p.Section == "":
		p.URL = "/" + p.Slug + "/"
	default:
		p.URL = "/" + p.Section + "/" + p.Slug + "/"
	}
}

type keyRule struct {
	kinds []Kind // nil: every kind
	apply func(p *Page, v value, opt Options) diag.List
}

var storyKinds = []Kind{KindModel, KindExemplar, KindNews}

func rules() map[string]keyRule {
	return map[string]keyRule{
		"title": {nil, func(p *Page, v value, _ Options) diag.List {
			ds := str(v, "title", &p.Title, MaxTitle)
			if _, ok := v.v.(string); !ok {
				p.badTitle = true
			}
			return ds
		}},
		"summary":   {nil, func(p *Page, v value, _ Options) diag.List { return str(v, "summary", &p.Summary, MaxSummary) }},
		"date":      {nil, func(p *Page, v value, o Options) diag.List { return date(v, "date", &p.Date, o) }},
		"lastmod":   {nil, func(p *Page, v value, o Options) diag.List { return date(v, "lastmod", &p.Lastmod, o) }},
		"draft":     {nil, func(p *Page, v value, _ Options) diag.List { return boolean(v, "draft", &p.Draft) }},
		"slug":      {nil, func(p *Page, v value, _ Options) diag.List { return p.slug(v) }},
		"aliases":   {nil, func(p *Page, v value, _ Options) diag.List { return p.aliases(v) }},
		"image":     {nil, func(p *Page, v value, _ Options) diag.List { return str(v, "image", &p.Image, 0) }},
		"image_alt": {nil, func(p *Page, v value, _ Options) diag.List { return str(v, "image_alt", &p.ImageAlt, 300) }},
		"tags":      {nil, func(p *Page, v value, _ Options) diag.List { return strList(v, "tags", &p.Tags) }},
		"weight":    {nil, func(p *Page, v value, _ Options) diag.List { return integer(v, "weight", &p.Weight) }},

		"province": {[]Kind{KindModel, KindExemplar}, func(p *Page, v value, o Options) diag.List { return p.province(v, o) }},
		"locality": {[]Kind{KindModel}, func(p *Page, v value, _ Options) diag.List { return str(v, "locality", &p.Locality, 200) }},
		"fields":   {[]Kind{KindModel}, func(p *Page, v value, o Options) diag.List { return p.fields(v, o) }},
		"kind":     {[]Kind{KindModel}, func(p *Page, v value, _ Options) diag.List { return p.modelType(v) }},
		"started": {[]Kind{KindModel}, func(p *Page, v value, o Options) diag.List {
			return optInt(v, "started", &p.Started, 1945, o.Now.Year())
		}},
		"replications": {[]Kind{KindModel}, func(p *Page, v value, _ Options) diag.List {
			return optInt(v, "replications", &p.Replications, 0, 1<<40)
		}},
		"members": {[]Kind{KindModel}, func(p *Page, v value, _ Options) diag.List { return optInt(v, "members", &p.Members, 0, 1<<40) }},
		"contact": {[]Kind{KindModel}, func(p *Page, v value, _ Options) diag.List { return str(v, "contact", &p.Contact, 300) }},
		"results": {[]Kind{KindModel}, func(p *Page, v value, _ Options) diag.List { return p.results(v) }},

		"recipient": {[]Kind{KindExemplar}, func(p *Page, v value, _ Options) diag.List { return p.recipient(v) }},
		"award":     {[]Kind{KindExemplar}, func(p *Page, v value, _ Options) diag.List { return str(v, "award", &p.Award, 300) }},
		"year":      {[]Kind{KindExemplar}, func(p *Page, v value, o Options) diag.List { return optInt(v, "year", &p.Year, 1945, o.Now.Year()+1) }},
		"models":    {[]Kind{KindExemplar}, func(p *Page, v value, _ Options) diag.List { return p.models(v) }},
	}
}

// AllowedKeys lists the front matter keys a page of kind k accepts.
func AllowedKeys(k Kind) []string {
	var keys []string
	for name, r := range rules() {
		if r.kinds == nil || slices.Contains(r.kinds, k) {
			keys = append(keys, name)
		}
	}
	slices.Sort(keys)
	return keys
}

func (p *Page) apply(kvs []keyValue, opt Options, rs map[string]keyRule) diag.List {
	var ds diag.List
	for i, kv := range kvs {
		p.Pos[kv.key] = kv.keyPos
		r, ok := rs[kv.key]
		if ok && r.kinds != nil && !slices.Contains(r.kinds, p.Kind) {
			ok = false
		}
		if !ok {
			d := diag.Errorf(kv.keyPos, "unknown-key", "khóa %q không dùng được cho trang loại %s", kv.key, kindName(p.Kind))
			if s, ok := vi.Suggest(kv.key, AllowedKeys(p.Kind)); ok {
				d.Msg += fmt.Sprintf("; có phải %q?", s)
				d.Suggestion = s
			}
			ds = append(ds, d)
			continue
		}
		if slices.ContainsFunc(kvs[:i], func(prev keyValue) bool { return prev.key == kv.key }) {
			ds = append(ds, diag.Errorf(kv.keyPos, "duplicate-key", "khóa %q xuất hiện hai lần", kv.key))
			continue
		}
		ds = append(ds, r.apply(p, kv.val, opt)...)
	}
	return ds
}

func kindName(k Kind) string {
	switch k {
	case KindModel:
		return "mô hình (mo-hinh)"
	case KindExemplar:
		return "điển hình (dien-hinh)"
	case KindNews:
		return "tin tức (tin-tuc)"
	case KindHome:
		return "trang chủ"
	case KindSection:
		return "giới thiệu mục"
	}
	return "trang"
}

// require checks required keys and cross-key rules.
func (p *Page) require(opt Options) diag.List {
	var ds diag.List
	top := diag.Pos{File: p.File, Line: 1, Col: 1}
	need := func(key string, ok bool, what string) {
		if !ok && !hasKey(p, key) {
			ds = append(ds, diag.Errorf(top, "required", "thiếu khóa bắt buộc %q (%s)", key, what))
		}
	}
	if strings.TrimSpace(p.Title) == "" {
		if _, isStr := p.rawTitle(); isStr || !hasKey(p, "title") {
			ds = append(ds, diag.Errorf(top, "required", "thiếu khóa bắt buộc %q (%s)", "title", "tiêu đề"))
		}
	}
	if p.Kind.IsStory() {
		need("summary", strings.TrimSpace(p.Summary) != "", "tóm tắt, tối đa 300 ký tự")
		need("date", !p.Date.IsZero() || p.Pos["date"] != (diag.Pos{}), "ngày đăng, ví dụ 2025-11-18")
	}
	switch p.Kind {
	case KindModel:
		need("province", p.Province != nil || hasKey(p, "province"), "tỉnh/thành, theo data/tinh-thanh.yaml")
		need("fields", len(p.Fields) > 0 || hasKey(p, "fields"), "ít nhất một lĩnh vực, theo data/linh-vuc.yaml")
		need("kind", p.Type != nil || hasKey(p, "kind"), "loại mô hình, ví dụ \"Camera an ninh\"")
	case KindExemplar:
		need("province", p.Province != nil || hasKey(p, "province"), "tỉnh/thành, theo data/tinh-thanh.yaml")
	}
	if p.Slug != "" && !hasKey(p, "slug") && !vocab.ValidSlug(p.Slug) {
		sug := vi.Slug(p.Slug)
		d := diag.Errorf(top, "slug", "tên tệp %q không dùng được làm đường dẫn (chỉ chữ thường không dấu, số và dấu gạch ngang): hãy đổi tên thành %q hoặc thêm slug: %s", p.Slug, sug, sug)
		d.Suggestion = sug
		ds = append(ds, d)
	}
	if p.Image != "" && strings.TrimSpace(p.ImageAlt) == "" {
		ds = append(ds, diag.Errorf(p.KeyPos("image"), "image-alt", "ảnh %q cần mô tả thay thế: thêm khóa image_alt", p.Image))
	}
	return ds
}

func hasKey(p *Page, k string) bool { _, ok := p.Pos[k]; return ok }

// rawTitle reports whether the title key held a string (possibly blank).
func (p *Page) rawTitle() (string, bool) { return p.Title, !p.badTitle }

func typeErr(v value, key, want string) diag.List {
	return diag.List{diag.Errorf(v.pos, "type", "%s phải là %s", key, want)}
}

// clean normalizes editor text: NFC, no control or bidi-override characters,
// spaces collapsed at the ends.
func clean(s string) string {
	s = vi.NFC(s)
	if strings.IndexFunc(s, badRune) >= 0 {
		s = strings.Map(func(r rune) rune {
			if badRune(r) {
				if r == '\n' || r == '\t' {
					return ' '
				}
				return -1
			}
			return r
		}, s)
	}
	return strings.TrimSpace(s)
}

// stripBidi removes bidi embeddings, overrides and isolates (U+202A–202E,
// U+2066–2069) from a whole file: in a body they would reverse how the
// rest of a paragraph displays ("Trojan Source" style). Line numbers are
// unchanged.
func stripBidi(src []byte) []byte {
	if !hasBidi(src) {
		return src
	}
	return bytes.Map(func(r rune) rune {
		if (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
			return -1
		}
		return r
	}, src)
}

// hasBidi reports whether src (UTF-8) holds one of the characters
// stripBidi removes: E2 80 AA–AE or E2 81 A6–A9.
func hasBidi(src []byte) bool {
	for {
		i := bytes.IndexByte(src, 0xE2)
		if i < 0 || i+2 >= len(src) {
			return false
		}
		if b, c := src[i+1], src[i+2]; b == 0x80 && c >= 0xAA && c <= 0xAE || b == 0x81 && c >= 0xA6 && c <= 0xA9 {
			return true
		}
		src = src[i+1:]
	}
}

func badRune(r rune) bool {
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || // controls
		(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || // bidi embeddings, overrides, isolates
		r == 0x200e || r == 0x200f || r == 0x061c || // directional marks
		r == 0x200b || r == 0xfeff // zero-width space, BOM
}

func str(v value, key string, dst *string, max int) diag.List {
	s, ok := v.v.(string)
	if !ok {
		if v.v == nil {
			return typeErr(v, key, "một chuỗi chữ không rỗng")
		}
		return typeErr(v, key, "một chuỗi chữ (đặt trong dấu ngoặc kép)")
	}
	*dst = clean(s)
	if n := utf8.RuneCountInString(*dst); max > 0 && n > max {
		return diag.List{diag.Errorf(v.pos, "length", "%s dài %d ký tự, tối đa %d", key, n, max)}
	}
	return nil
}

func boolean(v value, key string, dst *bool) diag.List {
	b, ok := v.v.(bool)
	if !ok {
		return typeErr(v, key, "true hoặc false")
	}
	*dst = b
	return nil
}

func integer(v value, key string, dst *int) diag.List {
	i, ok := v.v.(int64)
	if !ok {
		return typeErr(v, key, "một số nguyên")
	}
	*dst = int(i)
	return nil
}

func optInt(v value, key string, dst **int, lo, hi int) diag.List {
	i, ok := v.v.(int64)
	if !ok {
		if s, isStr := v.v.(string); isStr {
			return diag.List{diag.Errorf(v.pos, "type", "%s phải là một số nguyên, không phải chuỗi %q (bỏ dấu ngoặc kép và dấu chấm phân cách)", key, s)}
		}
		return typeErr(v, key, "một số nguyên")
	}
	if i < int64(lo) || i > int64(hi) {
		if hi >= 1<<40 {
			return diag.List{diag.Errorf(v.pos, "range", "%s = %d phải là số không âm", key, i)}
		}
		return diag.List{diag.Errorf(v.pos, "range", "%s = %d nằm ngoài khoảng %d…%d", key, i, lo, hi)}
	}
	n := int(i)
	*dst = &n
	return nil
}

func strList(v value, key string, dst *[]string) diag.List {
	list, ok := v.v.([]value)
	if !ok {
		return typeErr(v, key, `một danh sách, ví dụ ["a", "b"]`)
	}
	var ds diag.List
	for _, e := range list {
		s, ok := e.v.(string)
		if !ok || clean(s) == "" {
			ds = append(ds, typeErr(e, key, "danh sách các chuỗi chữ không rỗng")...)
			continue
		}
		*dst = append(*dst, clean(s))
	}
	return ds
}

var dateLayouts = []string{"2006-01-02", time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01-02 15:04"}

// ParseDate parses a front matter date; a date without a zone is in loc.
func ParseDate(s string, loc *time.Location) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, l := range dateLayouts {
		if t, err := time.ParseInLocation(l, s, loc); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func date(v value, key string, dst *time.Time, o Options) diag.List {
	switch t := v.v.(type) {
	case time.Time:
		*dst = t
		return nil
	case string:
		if d, ok := ParseDate(t, o.Location); ok {
			*dst = d
			return nil
		}
		return diag.List{diag.Errorf(v.pos, "date", "%s %q không phải ngày hợp lệ; hãy viết theo dạng năm-tháng-ngày, ví dụ 2025-11-18", key, t)}
	}
	return typeErr(v, key, "một ngày, ví dụ 2025-11-18")
}

func (p *Page) slug(v value) diag.List {
	var s string
	if ds := str(v, "slug", &s, 200); ds != nil {
		return ds
	}
	if p.Kind == KindHome || p.Kind == KindSection {
		return diag.List{diag.Errorf(v.pos, "slug", "trang chủ và trang giới thiệu mục không dùng slug")}
	}
	if !vocab.ValidSlug(s) {
		d := diag.Errorf(v.pos, "slug", "slug %q không hợp lệ: chỉ dùng chữ thường không dấu, số và dấu gạch ngang; gợi ý %q", s, vi.Slug(s))
		d.Suggestion = vi.Slug(s)
		return diag.List{d}
	}
	p.Slug = s
	p.setURL()
	return nil
}

// CleanAlias turns an alias as written into a site path "/a/b/" (or
// "/a/b.html" when it names a file), or reports why it cannot be one.
func CleanAlias(a string) (string, error) {
	a = strings.TrimSpace(a)
	if a == "" {
		return "", errors.New("đường dẫn rỗng")
	}
	if strings.Contains(a, "://") || strings.HasPrefix(a, "//") {
		return "", errors.New("chỉ ghi đường dẫn trong trang (bắt đầu bằng /), không ghi tên miền")
	}
	for _, r := range a {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./~%", r)) {
			return "", fmt.Errorf("ký tự %q không được phép (chỉ chữ không dấu, số, - _ . / ~ %%)", r)
		}
	}
	if !strings.HasPrefix(a, "/") {
		a = "/" + a
	}
	for _, seg := range strings.Split(a, "/") {
		if seg == ".." || seg == "." {
			return "", errors.New("không được chứa . hoặc ..")
		}
	}
	c := path.Clean(a)
	if c == "/" {
		return "", errors.New("không được là trang chủ /")
	}
	if path.Ext(c) == "" {
		c += "/"
	}
	return c, nil
}

func (p *Page) aliases(v value) diag.List {
	var raw []string
	if ds := strList(v, "aliases", &raw); ds != nil {
		return ds
	}
	var ds diag.List
	for _, a := range raw {
		c, err := CleanAlias(a)
		if err != nil {
			ds = append(ds, diag.Errorf(v.pos, "alias", "đường dẫn cũ %q không hợp lệ: %v", a, err))
			continue
		}
		p.Aliases = append(p.Aliases, c)
	}
	return ds
}

func (p *Page) province(v value, o Options) diag.List {
	var s string
	if ds := str(v, "province", &s, 0); ds != nil {
		return ds
	}
	t, ok := o.Vocab.Provinces.Lookup(s)
	if !ok {
		return diag.List{vocabErr(v, "province", "tỉnh/thành", s, o.Vocab.Provinces)}
	}
	p.Province = t
	return nil
}

func vocabErr(v value, code, what, s string, voc *vocab.Vocabulary) diag.Diagnostic {
	d := diag.Errorf(v.pos, code, "%s %q không có trong danh sách %s", what, s, voc.File)
	if sug, ok := voc.Suggest(s); ok {
		d.Msg = fmt.Sprintf("%s %q không có trong danh sách; có phải %q?", what, s, sug)
		d.Suggestion = sug
	}
	return d
}

func (p *Page) fields(v value, o Options) diag.List {
	list, ok := v.v.([]value)
	if !ok {
		if s, isStr := v.v.(string); isStr {
			list = []value{{pos: v.pos, v: s}}
		} else {
			return typeErr(v, "fields", `một danh sách lĩnh vực, ví dụ ["Phòng, chống tội phạm"]`)
		}
	}
	if len(list) == 0 {
		return diag.List{diag.Errorf(v.pos, "field", "fields cần ít nhất một lĩnh vực")}
	}
	var ds diag.List
	for _, e := range list {
		s, ok := e.v.(string)
		if !ok {
			ds = append(ds, typeErr(e, "fields", "danh sách các chuỗi chữ")...)
			continue
		}
		t, ok := o.Vocab.Fields.Lookup(s)
		if !ok {
			ds = append(ds, vocabErr(e, "field", "lĩnh vực", clean(s), o.Vocab.Fields))
			continue
		}
		if !slices.Contains(p.Fields, t) {
			p.Fields = append(p.Fields, t)
		}
	}
	return ds
}

func (p *Page) modelType(v value) diag.List {
	var s string
	if ds := str(v, "kind", &s, 120); ds != nil {
		return ds
	}
	s = vi.NormalizeTone(s)
	slug := vi.Slug(s)
	if slug == "" {
		return diag.List{diag.Errorf(v.pos, "kind", "loại mô hình %q không hợp lệ", s)}
	}
	p.Type = &Term{Name: s, Slug: slug}
	return nil
}

func (p *Page) results(v value) diag.List {
	list, ok := v.v.([]value)
	if !ok {
		return typeErr(v, "results", "một danh sách các mục {label, value}")
	}
	var ds diag.List
	for _, e := range list {
		kvs, ok := e.v.([]keyValue)
		if !ok {
			ds = append(ds, typeErr(e, "results", "danh sách các mục có label và value")...)
			continue
		}
		var r Result
		for _, kv := range kvs {
			var dst *string
			switch kv.key {
			case "label":
				dst = &r.Label
			case "value":
				dst = &r.Value
			default:
				ds = append(ds, diag.Errorf(kv.keyPos, "unknown-key", "results chỉ có label và value, không có %q", kv.key))
				continue
			}
			switch x := kv.val.v.(type) {
			case string:
				*dst = clean(x)
			case int64:
				*dst = vi.FormatInt(x)
			case float64:
				*dst = vi.FormatFloat(x, 1)
			default:
				ds = append(ds, typeErr(kv.val, "results."+kv.key, "một chuỗi chữ hoặc một số")...)
			}
		}
		if r.Label == "" || r.Value == "" {
			ds = append(ds, diag.Errorf(e.pos, "results", "mỗi mục results cần cả label và value"))
			continue
		}
		p.Results = append(p.Results, r)
	}
	return ds
}

func (p *Page) recipient(v value) diag.List {
	var s string
	if ds := str(v, "recipient", &s, 0); ds != nil {
		return ds
	}
	switch s {
	case "tap-the", "ca-nhan":
		p.Recipient = s
		return nil
	}
	d := diag.Errorf(v.pos, "recipient", "recipient phải là tap-the (tập thể) hoặc ca-nhan (cá nhân), không phải %q", s)
	if sug := vi.Slug(s); sug == "tap-the" || sug == "ca-nhan" {
		d.Msg += fmt.Sprintf("; có phải %q?", sug)
		d.Suggestion = sug
	}
	return diag.List{d}
}

func (p *Page) models(v value) diag.List {
	var raw []string
	if ds := strList(v, "models", &raw); ds != nil {
		return ds
	}
	p.Models = raw
	if list, ok := v.v.([]value); ok && len(list) == len(raw) {
		for i, e := range list {
			p.Pos["models."+raw[i]] = e.pos
		}
	}
	return nil
}

// CheckURLs reports pages that share a URL, and aliases that collide with a
// page or another alias.
func CheckURLs(pages []*Page) diag.List {
	var ds diag.List
	owner := map[string]*Page{}
	for _, p := range pages {
		if q, dup := owner[p.URL]; dup {
			ds = append(ds, diag.Errorf(diag.Pos{File: p.File, Line: 1, Col: 1}, "duplicate-url", "trùng đường dẫn %s với %s", p.URL, q.File))
			continue
		}
		owner[p.URL] = p
	}
	aliasOwner := map[string]*Page{}
	for _, p := range pages {
		for _, a := range p.Aliases {
			if q, ok := owner[a]; ok {
				ds = append(ds, diag.Errorf(p.KeyPos("aliases"), "alias", "đường dẫn cũ %s trùng với trang đang có %s", a, q.File))
				continue
			}
			if q, ok := aliasOwner[a]; ok && q != p {
				ds = append(ds, diag.Errorf(p.KeyPos("aliases"), "alias", "đường dẫn cũ %s đã được %s dùng", a, q.File))
				continue
			}
			aliasOwner[a] = p
		}
	}
	return ds
}
