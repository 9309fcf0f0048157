// Package markdown renders story bodies with one goldmark configuration
// and lantoa's extensions.
//
// The dialect is CommonMark plus GFM (tables, strikethrough, autolinks,
// task lists) and footnotes. Raw HTML is never rendered: it is shown as
// escaped text. Our extensions, written the goldmark way (AST transformers
// and node renderers):
//
//   - heading ids from the Vietnamese transliteration ([vi.Slug]), unique
//     within a page ("bai-hoc-kinh-nghiem", "bai-hoc-kinh-nghiem-1"); a
//     level-1 heading in a body is rendered as level 2 (the title is the
//     page's only h1) and reported as a warning;
//   - links: javascript:, data:, vbscript: and other unknown schemes are
//     dropped (the text stays); links to content files ("../mo-hinh/x.md")
//     and site paths ("/mo-hinh/x/") are resolved through a [Resolver] and
//     a link to nothing is an error at its file:line:col; same-site links
//     with a #fragment are returned so the caller can check the anchor once
//     every page is rendered;
//   - images: alt text is required; the source is resolved relative to the
//     page (bundles) or under static/ and must exist; images from other
//     sites are refused (no third-party requests); every image is lazy
//     loaded and decoded asynchronously; a paragraph holding only an image
//     with a title becomes a figure with a caption;
//   - table cell alignment as classes (no inline style, for a strict CSP);
//   - the plain text of the body, for search and descriptions.
//
// [Renderer.Check] runs every check of [Renderer.Render] and gives the
// same headings, links, images and diagnostics, without HTML or text.
//
// # Speed
//
// The configuration is built three times. GFM's linkify is tried at every
// space, which is about 40% of the parsing; a body that cannot hold an
// autolink ("@", "http:", "https:", "ftp:", "www." nowhere in it) and that
// does not trip a goldmark quirk linkify changes (a line ending with two
// spaces or more, a "\(") is parsed by the instance without it: same
// HTML, text and diagnostics. Check parses such bodies with a third
// instance that does not parse the inline text of paragraphs without "["
// or "<", where there is nothing to check. The tests and fuzz targets
// (FuzzLinkify, FuzzNoLinkify) compare every shortcut with the full parse.
//
// A [Renderer] is safe for concurrent use.
package markdown

import (
	"bytes"
	"fmt"
	"html"
	"net/url"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/lantoa/lantoa/internal/content"
	"github.com/lantoa/lantoa/internal/diag"
	"github.com/lantoa/lantoa/internal/vi"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	ghtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Resolver answers questions about the rest of the site.
type Resolver interface {
	// FileURL returns the URL of the page built from a content file
	// ("content/mo-hinh/x.md").
	FileURL(file string) (string, bool)
	// Exists reports whether a site path ("/mo-hinh/x/", "/logo.svg") is
	// a page, a list, an alias or a static file.
	Exists(urlPath string) bool
	// Asset resolves an image: file is a slash path relative to the site
	// folder ("content/mo-hinh/x/anh.jpg", "static/anh/a.jpg"). found is
	// false when the file does not exist; err reports an image that
	// exists but could not be processed (pic then serves the original).
	Asset(file string) (pic *Picture, found bool, err error)
}

// Picture is a processed image: a fallback src and responsive variants.
type Picture struct {
	Src           string // fallback (JPEG or the original)
	Srcset        string // fallback format variants "u 480w, …"
	WebPSrcset    string // WebP variants
	Width, Height int    // intrinsic size
}

// Sizes is the sizes attribute of story images: the prose column is at
// most 40rem wide, with 1rem margins on small screens.
const Sizes = "(min-width: 42rem) 40rem, calc(100vw - 2rem)"

// Heading is a heading of the body.
type Heading struct {
	Level int
	ID    string
	Text  string
	Pos   diag.Pos
}

// Link is a same-site link with a fragment, to be checked by the caller.
type Link struct {
	URL      string // page URL, "/mo-hinh/x/"
	Fragment string
	Pos      diag.Pos
}

// Image is an image of the body.
type Image struct {
	File string // site-relative file
	Alt  string
	Pos  diag.Pos
}

// Result is a rendered body.
type Result struct {
	HTML     []byte
	Text     string
	Headings []Heading
	Links    []Link
	Images   []Image
	Diags    diag.List
}

// Renderer holds the goldmark configuration of a build (as three
// instances: see the package documentation and goldmarkFor).
type Renderer struct {
	md        goldmark.Markdown // with linkify
	noLinkify goldmark.Markdown // for bodies without "http:", "www.", "@"…
	checker   goldmark.Markdown // noLinkify for Check: plain paragraphs are not parsed
}

var stateKey = parser.NewContextKey()

// maxEmphasisDepth is how deep emphasis may nest before it is flattened.
const maxEmphasisDepth = 8

type state struct {
	page    *content.Page
	loc     content.Locator // positions are asked mostly in order
	resolve Resolver
	res     *Result
	images  int
}

// New configures the goldmark instance.
func New() *Renderer {
	return &Renderer{md: newGoldmark(true, false), noLinkify: newGoldmark(false, false), checker: newGoldmark(false, true)}
}

// newGoldmark configures goldmark, with or without linkify; check makes
// the instance of Check (see plainParagraphs).
func newGoldmark(linkify, check bool) goldmark.Markdown {
	popts := []parser.Option{
		parser.WithAutoHeadingID(),
		parser.WithASTTransformers(util.Prioritized(transformer{}, 100)),
	}
	if linkify {
		// extension.Linkify, with its priority, behind a cheap filter.
		popts = append(popts, parser.WithInlineParsers(util.Prioritized(linkifyFilter{extension.NewLinkifyParser()}, 999)))
	}
	if check {
		// After the table (200) and link reference (100) transformers.
		popts = append(popts, parser.WithParagraphTransformers(util.Prioritized(plainParagraphs{}, 1000)))
	}
	return goldmark.New(
		goldmark.WithExtensions(
			extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)),
			extension.Strikethrough,
			extension.TaskList,
			extension.Footnote,
		),
		goldmark.WithParserOptions(popts...),
		goldmark.WithRendererOptions(
			renderer.WithNodeRenderers(util.Prioritized(nodeRenderer{}, 100)),
		),
	)
}

// goldmarkFor returns the goldmark instance to parse body with. Linkify
// is called at every space of every paragraph, which costs about 40% of
// parsing. A body with none of the texts an autolink starts with cannot
// get one, and is parsed without linkify, unless a line of it ends with
// white space that goldmark would keep in part with linkify (see
// keepsTrailingSpace). Both instances then give the same HTML, text,
// headings, links and diagnostics: the only difference is where plain
// text is split into ast.Text nodes. The tests compare them.
func (r *Renderer) goldmarkFor(body []byte) goldmark.Markdown {
	if mayLinkify(body) || bytes.IndexByte(body, '\r') >= 0 || keepsTrailingSpace(body) ||
		// goldmark carries a backslash escape from the end of one line to the
		// next: "x\\  \n\\(y" is split between "\\" and "(" by linkify,
		// and the renderer then sees no "\\(" escape.
		bytes.Contains(body, []byte(`\(`)) {
		return r.md
	}
	return r.noLinkify
}

// mayLinkify reports whether body has an "@" or one of linkifyPrefixes.
// It looks for the rare bytes of those, ":" and "w", rather than for each
// prefix: "h" and "t" are everywhere in Vietnamese text.
func mayLinkify(body []byte) bool {
	if bytes.IndexByte(body, '@') >= 0 {
		return true
	}
	for off := 0; ; {
		i := bytes.IndexByte(body[off:], ':')
		if i < 0 {
			break
		}
		before := body[:off+i+1]
		if bytes.HasSuffix(before, []byte("http:")) || bytes.HasSuffix(before, []byte("https:")) || bytes.HasSuffix(before, []byte("ftp:")) {
			return true
		}
		off += i + 1
	}
	for off := 0; ; {
		i := bytes.IndexByte(body[off:], 'w')
		if i < 0 {
			return false
		}
		if bytes.HasPrefix(body[off+i:], []byte("www.")) {
			return true
		}
		off += i + 1
	}
}

// keepsTrailingSpace reports whether a line of body ends with two or more
// spaces or tabs (a hard line break's two spaces included: the text of a
// heading, for one, can end before the newline). goldmark trims the white
// space at the end of a line from the text after the last inline parser
// it called: with linkify, which it calls at every space, that text is the
// last space alone, and the white space before it stays ("a \t" gives
// "a " with linkify, "a" without).
func keepsTrailingSpace(body []byte) bool {
	if bytes.IndexByte(body, '\t') < 0 && bytes.IndexByte(body, '\v') < 0 && bytes.IndexByte(body, '\f') < 0 {
		return bytes.Contains(body, []byte("  \n")) || bytes.HasSuffix(body, []byte("  "))
	}
	for _, line := range bytes.Split(body, []byte("\n")) {
		if len(line)-len(bytes.TrimRight(line, " \t\v\f")) >= 2 {
			return true
		}
	}
	return false
}

// linkifyPrefixes are how the URLs extension.Linkify finds start; its
// other links are e-mail addresses, which have an "@".
func linkifyPrefixes() [4]string { return [...]string{"http:", "https:", "ftp:", "www."} }

// Render renders p.Body.
func (r *Renderer) Render(p *content.Page, resolve Resolver) *Result {
	return r.run(r.goldmarkFor(p.Body), p, resolve, true)
}

// Check parses p.Body and runs every check of Render (links, images,
// headings) without producing HTML or text: what `lantoa check` needs.
func (r *Renderer) Check(p *content.Page, resolve Resolver) *Result {
	md := r.goldmarkFor(p.Body)
	if md == r.noLinkify {
		md = r.checker
	}
	return r.run(md, p, resolve, false)
}

// isBar reports whether line has c and nothing else but white space.
func isBar(line []byte, c byte) bool {
	t := bytes.TrimSpace(line)
	return len(t) > 0 && len(bytes.Trim(t, string(c)+" \t")) == 0
}

// plainParagraphs cuts, for Check, every paragraph without "[" or "<" to
// its first character. Only links ([…](…), [^…]), images (![…](…)) and
// autolinks (<…>; and linkify's, but Check uses this instance only for
// bodies that cannot have those) are checked in paragraphs, and they
// cannot be written without "[" or "<"; the paragraph itself stays, so
// the structure of the document (empty sections, positions of blocks)
// is unchanged. Inline parsing of the text that would be thrown away is
// most of the cost of a Check. The tests compare Check with and without it.
type plainParagraphs struct{}

func (plainParagraphs) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	// A paragraph is also closed (and transformed) when the line after it
	// makes it a setext heading ("Tiêu đề\n---"): its lines are then the
	// heading's. Any line of "=" or "-" keeps the paragraph whole.
	if next, _ := reader.PeekLine(); isBar(next, '=') || isBar(next, '-') {
		return
	}
	src := reader.Source()
	lines := node.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		v := seg.Value(src)
		if bytes.IndexByte(v, '[') >= 0 || bytes.IndexByte(v, '<') >= 0 {
			return
		}
	}
	first := lines.At(0)
	if first.Padding != 0 { // a tab expanded to spaces before the text
		return
	}
	v := src[first.Start:first.Stop]
	j := 0
	for j < len(v) && util.IsSpace(v[j]) {
		j++
	}
	if j == len(v) {
		return
	}
	_, n := utf8.DecodeRune(v[j:])
	lines.SetSliced(0, 1)
	lines.Set(0, first.WithStop(first.Start+j+n))
}

// run parses p.Body with md and checks it; with html, it also renders the
// HTML and the plain text.
func (r *Renderer) run(md goldmark.Markdown, p *content.Page, resolve Resolver, html bool) *Result {
	res := &Result{}
	st := &state{page: p, loc: p.Locator(), resolve: resolve, res: res}
	ctx := parser.NewContext(parser.WithIDs(newIDs()))
	ctx.Set(stateKey, st)
	doc := md.Parser().Parse(text.NewReader(p.Body), parser.WithContext(ctx))
	if !html {
		return res
	}
	var buf bytes.Buffer
	buf.Grow(len(p.Body) * 3 / 2)
	if err := md.Renderer().Render(&buf, p.Body, doc); err != nil {
		res.Diags = append(res.Diags, diag.Errorf(diag.Pos{File: p.File, Line: p.BodyLine}, "markdown", "không hiển thị được nội dung: %v", err))
	}
	res.HTML = buf.Bytes()
	res.Text = plainText(doc, p.Body)
	return res
}

// linkifyFilter is goldmark's linkify parser (GFM autolinks: http:, https:,
// ftp:, www. and e-mail addresses), called only where it can find a link.
// It triggers on every space, and nearly every time the text after it
// neither starts like a URL nor has an "@" close enough to be an e-mail
// address: the wrapped parser would return nil without reading anything,
// so the filter changes no result.
type linkifyFilter struct{ parser.InlineParser }

func (l linkifyFilter) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	rest := line
	if len(rest) > 0 {
		switch rest[0] { // the trigger characters the wrapped parser skips
		case ' ', '*', '_', '~', '(':
			rest = rest[1:]
		}
	}
	for _, p := range linkifyPrefixes() {
		if bytes.HasPrefix(rest, []byte(p)) {
			return l.InlineParser.Parse(parent, block, pc)
		}
	}
	if bytes.IndexByte(rest[:min(len(rest), 65)], '@') >= 0 { // util.FindEmailIndex: at most 64 bytes before "@"
		return l.InlineParser.Parse(parent, block, pc)
	}
	return nil
}

// ids makes heading ids unique within a page.
type ids struct{ used map[string]bool }

func newIDs() *ids { return &ids{used: map[string]bool{}} }

func (s *ids) Generate(value []byte, kind ast.NodeKind) []byte {
	base := vi.Slug(string(value))
	if base == "" {
		base = "muc"
	}
	id := base
	for i := 1; s.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	s.used[id] = true
	return []byte(id)
}

func (s *ids) Put(value []byte) { s.used[string(value)] = true }

type transformer struct{}

func (transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st, _ := pc.Get(stateKey).(*state)
	if st == nil {
		return
	}
	src := reader.Source()
	var drop []ast.Node
	var dropAuto []*ast.AutoLink
	var figures []*ast.Paragraph
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			pos := st.pos(n, src)
			if n.Level == 1 {
				n.Level = 2
				st.res.Diags = append(st.res.Diags, diag.Warnf(pos, "heading-h1", "tiêu đề cấp 1 (#) trong nội dung được hiển thị thành cấp 2: tiêu đề bài đã là cấp 1; hãy dùng ##"))
			}
			id, _ := n.AttributeString("id")
			idb, _ := id.([]byte)
			st.res.Headings = append(st.res.Headings, Heading{Level: n.Level, ID: string(idb), Text: nodeText(n, src), Pos: pos})
		case *ast.Link:
			if !st.link(n, src) {
				drop = append(drop, n)
			}
		case *ast.Image:
			st.image(n, src)
		case *ast.AutoLink:
			if !SafeScheme(string(n.URL(src))) {
				st.res.Diags = append(st.res.Diags, diag.Warnf(st.pos(n.Parent(), src), "link-scheme", "liên kết %q bị loại bỏ: chỉ chấp nhận http, https, mailto, tel và đường dẫn trong trang", truncate(string(n.URL(src)), 60)))
				dropAuto = append(dropAuto, n)
			}
		case *ast.Paragraph:
			if n.ChildCount() == 1 {
				if img, ok := n.FirstChild().(*ast.Image); ok && len(img.Title) > 0 {
					figures = append(figures, n)
				}
			}
		case *east.TableCell:
			switch n.Alignment {
			case east.AlignLeft:
				n.SetAttributeString("class", []byte("ta-left"))
			case east.AlignRight:
				n.SetAttributeString("class", []byte("ta-right"))
			case east.AlignCenter:
				n.SetAttributeString("class", []byte("ta-center"))
			}
		}
		return ast.WalkContinue, nil
	})
	// Headings that skip a level, and sections with nothing in them.
	prev := 1
	for _, h := range st.res.Headings {
		if h.Level > prev+1 {
			st.res.Diags = append(st.res.Diags, diag.Warnf(h.Pos, "heading-skip", "tiêu đề cấp %d đứng sau cấp %d: đừng bỏ cấp (dùng %s)", h.Level, prev, strings.Repeat("#", prev+1)))
		}
		prev = h.Level
	}
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		h, ok := c.(*ast.Heading)
		if !ok {
			continue
		}
		next, isHeading := c.NextSibling().(*ast.Heading)
		if c.NextSibling() == nil || isHeading && next.Level <= h.Level {
			st.res.Diags = append(st.res.Diags, diag.Warnf(st.pos(h, src), "empty-section", "mục %q không có nội dung", nodeText(h, src)))
		}
	}
	for _, n := range drop {
		unwrap(n)
	}
	// Emphasis nested beyond any sensible depth ("*****…") is flattened:
	// hundreds of nested <strong> elements overwhelm HTML parsers.
	var deep []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && n.Kind() == ast.KindEmphasis {
			depth := 0
			for p := n.Parent(); p != nil; p = p.Parent() {
				if p.Kind() == ast.KindEmphasis {
					depth++
				}
			}
			if depth >= maxEmphasisDepth {
				deep = append(deep, n)
			}
		}
		return ast.WalkContinue, nil
	})
	for i := len(deep) - 1; i >= 0; i-- {
		unwrap(deep[i])
	}
	for _, n := range dropAuto {
		n.Parent().ReplaceChild(n.Parent(), n, ast.NewString(n.Label(src)))
	}
	for _, p := range figures {
		img := p.FirstChild().(*ast.Image)
		fig := &figure{caption: string(img.Title)}
		img.Title = nil
		p.Parent().ReplaceChild(p.Parent(), p, fig)
		fig.AppendChild(fig, img)
	}
}

// unwrap replaces n by its children.
func unwrap(n ast.Node) {
	parent := n.Parent()
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		parent.InsertBefore(parent, n, c)
		c = next
	}
	parent.RemoveChild(parent, n)
}

// pos finds the file position of a node: its own or its first text's
// segment, else its block's first line.
func (st *state) pos(n ast.Node, src []byte) diag.Pos {
	off := -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			off = t.Segment.Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	for b := n; off < 0 && b != nil; b = b.Parent() {
		if b.Type() == ast.TypeBlock && b.Lines().Len() > 0 {
			off = b.Lines().At(0).Start
		}
	}
	if off < 0 {
		return diag.Pos{File: st.page.File, Line: st.page.BodyLine}
	}
	p := st.loc.Pos(off)
	// A link's text starts after "[" (and "![" for images).
	switch n.(type) {
	case *ast.Link:
		p.Col = max(1, p.Col-1)
	case *ast.Image:
		p.Col = max(1, p.Col-2)
	}
	return p
}

// SafeScheme reports whether a link destination may be rendered: relative
// references and http, https, mailto and tel URLs.
func SafeScheme(dest string) bool {
	// The renderer resolves entities ("&#0;:" becomes "\uFFFD:"), so judge
	// the destination as it will be written.
	d := strings.TrimSpace(html.UnescapeString(dest))
	i := strings.IndexAny(d, ":/?#")
	if i < 0 || d[i] != ':' {
		return true // no scheme
	}
	switch strings.ToLower(d[:i]) {
	case "http", "https", "mailto", "tel":
		return true
	}
	return false
}

// link resolves a link; it returns false when the link must be dropped.
func (st *state) link(n *ast.Link, src []byte) bool {
	dest := string(n.Destination)
	if !SafeScheme(dest) {
		st.res.Diags = append(st.res.Diags, diag.Warnf(st.pos(n, src), "link-scheme", "liên kết %q bị loại bỏ: chỉ chấp nhận http, https, mailto, tel và đường dẫn trong trang", truncate(dest, 60)))
		return false
	}
	u, err := url.Parse(dest)
	if err != nil {
		st.res.Diags = append(st.res.Diags, diag.Errorf(st.pos(n, src), "link", "liên kết %q không hợp lệ", truncate(dest, 60)))
		return true
	}
	if u.Scheme != "" || u.Host != "" {
		return true // external
	}
	pagePath, frag := u.Path, u.Fragment
	if pagePath == "" {
		if frag != "" {
			st.res.Links = append(st.res.Links, Link{URL: st.page.URL, Fragment: frag, Pos: st.pos(n, src)})
		}
		return true
	}
	var target string
	if strings.HasSuffix(strings.ToLower(pagePath), ".md") {
		var file string
		if strings.HasPrefix(pagePath, "/") {
			file = path.Join(content.Dir, pagePath)
		} else {
			file = path.Join(path.Dir(st.page.File), pagePath)
		}
		var ok bool
		target, ok = st.resolve.FileURL(file)
		if !ok {
			st.res.Diags = append(st.res.Diags, diag.Errorf(st.pos(n, src), "broken-link", "liên kết tới tệp %s không tồn tại", file))
			return true
		}
	} else {
		target = pagePath
		if !strings.HasPrefix(target, "/") {
			target = path.Join(st.page.URL, target)
		}
		clean := path.Clean(target)
		switch {
		case st.resolve.Exists(clean + "/"):
			target = clean + "/"
		case st.resolve.Exists(clean):
			target = clean
		default:
			st.res.Diags = append(st.res.Diags, diag.Errorf(st.pos(n, src), "broken-link", "liên kết tới %s: không có trang hoặc tệp nào ở đường dẫn này", pagePath))
			return true
		}
	}
	out := target
	if frag != "" {
		out += "#" + frag
		st.res.Links = append(st.res.Links, Link{URL: target, Fragment: frag, Pos: st.pos(n, src)})
	}
	n.Destination = []byte(out)
	return true
}

func (st *state) image(n *ast.Image, src []byte) {
	pos := st.pos(n, src)
	alt := strings.TrimSpace(nodeText(n, src))
	dest := string(n.Destination)
	if alt == "" {
		st.res.Diags = append(st.res.Diags, diag.Errorf(pos, "image-alt", "ảnh %q thiếu mô tả thay thế: viết ![mô tả ảnh](%s)", truncate(dest, 60), truncate(dest, 60)))
	}
	u, err := url.Parse(dest)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" {
		st.res.Diags = append(st.res.Diags, diag.Errorf(pos, "image-src", "ảnh %q phải là tệp trong trang (đặt cạnh bài viết hoặc trong static/), không lấy từ trang khác", truncate(dest, 60)))
		n.Destination = nil
		return
	}
	var file string
	if strings.HasPrefix(u.Path, "/") {
		file = path.Join("static", u.Path)
	} else {
		file = path.Join(st.page.Dir, u.Path)
	}
	if !strings.HasPrefix(file, "static/") && !strings.HasPrefix(file, content.Dir+"/") {
		st.res.Diags = append(st.res.Diags, diag.Errorf(pos, "image-src", "ảnh %q nằm ngoài thư mục của trang", dest))
		n.Destination = nil
		return
	}
	if !strings.HasPrefix(u.Path, "/") && !st.page.Bundle && st.page.Kind != content.KindHome && st.page.Kind != content.KindSection {
		if _, ok, _ := st.resolve.Asset(file); !ok {
			st.res.Diags = append(st.res.Diags, diag.Errorf(pos, "image-missing", "không tìm thấy ảnh %s: ảnh đặt cạnh bài chỉ dùng được khi bài là thư mục (content/MỤC/TÊN/index.md); hoặc đặt ảnh trong static/ và viết /ten-anh.jpg", file))
			n.Destination = nil
			return
		}
	}
	pic, ok, err := st.resolve.Asset(file)
	if !ok {
		st.res.Diags = append(st.res.Diags, diag.Errorf(pos, "image-missing", "không tìm thấy ảnh %s", file))
		n.Destination = nil
		return
	}
	if err != nil {
		st.res.Diags = append(st.res.Diags, diag.Warnf(pos, "image-process", "ảnh %s: %v; dùng nguyên ảnh gốc", file, err))
	}
	st.res.Images = append(st.res.Images, Image{File: file, Alt: alt, Pos: pos})
	n.Destination = []byte(pic.Src)
	n.SetAttributeString("picture", pic)
	if st.images == 0 && st.page.Image == "" {
		n.SetAttributeString("first", true)
	}
	st.images++
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// nodeText is the plain text inside n.
func nodeText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		case *ast.AutoLink:
			b.Write(t.Label(src))
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// plainText is the text of the document, blocks separated by newlines.
func plainText(doc ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(doc, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if c.Type() == ast.TypeBlock && b.Len() > 0 {
				b.WriteByte('\n')
			}
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		case *ast.AutoLink:
			b.Write(t.Label(src))
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			lines := c.Lines()
			for i := range lines.Len() {
				seg := lines.At(i)
				b.Write(seg.Value(src))
			}
		case *ast.HTMLBlock, *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(collapseBlankLines(b.String()))
}

// collapseBlankLines joins runs of newlines into one, in one pass and
// without spare capacity (the text of every page is kept for search).
func collapseBlankLines(s string) string {
	if !strings.Contains(s, "\n\n") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' && i > 0 && s[i-1] == '\n' {
			continue
		}
		b.WriteByte(s[i])
	}
	return strings.Clone(b.String())
}

// figure is a block holding one image and its caption.
type figure struct {
	ast.BaseBlock
	caption string
}

var kindFigure = ast.NewNodeKind("Figure")

func (f *figure) Kind() ast.NodeKind { return kindFigure }
func (f *figure) Dump(src []byte, level int) {
	ast.DumpHelper(f, src, level, map[string]string{"Caption": f.caption}, nil)
}

type nodeRenderer struct{}

func (nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHTMLBlock, renderHTMLBlock)
	reg.Register(ast.KindRawHTML, renderRawHTML)
	reg.Register(ast.KindImage, renderImage)
	reg.Register(kindFigure, renderFigure)
}

// renderHTMLBlock shows raw HTML blocks as escaped text.
func renderHTMLBlock(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	hb := n.(*ast.HTMLBlock)
	_, _ = w.WriteString("<p>")
	lines := hb.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		_, _ = w.WriteString(html.EscapeString(string(seg.Value(src))))
	}
	if hb.HasClosure() {
		_, _ = w.WriteString(html.EscapeString(string(hb.ClosureLine.Value(src))))
	}
	_, _ = w.WriteString("</p>\n")
	return ast.WalkContinue, nil
}

// renderRawHTML shows inline raw HTML as escaped text.
func renderRawHTML(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	r := n.(*ast.RawHTML)
	for i := range r.Segments.Len() {
		seg := r.Segments.At(i)
		_, _ = w.WriteString(html.EscapeString(string(seg.Value(src))))
	}
	return ast.WalkSkipChildren, nil
}

func renderImage(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	img := n.(*ast.Image)
	alt := nodeText(img, src)
	if len(img.Destination) == 0 {
		// Unresolvable image (already reported): show its description.
		_, _ = fmt.Fprintf(w, `<span class="img-missing">%s</span>`, html.EscapeString(alt))
		return ast.WalkSkipChildren, nil
	}
	var pic *Picture
	if v, ok := img.AttributeString("picture"); ok {
		pic, _ = v.(*Picture)
	}
	if pic != nil && pic.WebPSrcset != "" {
		_, _ = fmt.Fprintf(w, `<picture><source type="image/webp" srcset="%s" sizes="%s">`, html.EscapeString(pic.WebPSrcset), Sizes)
	}
	_, _ = w.WriteString(`<img src="`)
	_, _ = w.Write(util.EscapeHTML(util.URLEscape(img.Destination, true)))
	if pic != nil && pic.Srcset != "" {
		_, _ = fmt.Fprintf(w, `" srcset="%s" sizes="%s`, html.EscapeString(pic.Srcset), Sizes)
	}
	_, _ = w.WriteString(`" alt="`)
	_, _ = w.WriteString(html.EscapeString(alt))
	_ = w.WriteByte('"')
	if len(img.Title) > 0 {
		_, _ = w.WriteString(` title="`)
		_, _ = w.WriteString(html.EscapeString(string(img.Title)))
		_ = w.WriteByte('"')
	}
	if pic != nil && pic.Width > 0 && pic.Height > 0 {
		_, _ = fmt.Fprintf(w, ` width="%d" height="%d"`, pic.Width, pic.Height)
	}
	if _, first := img.AttributeString("first"); first {
		_, _ = w.WriteString(` fetchpriority="high" decoding="async">`)
	} else {
		_, _ = w.WriteString(` loading="lazy" decoding="async">`)
	}
	if pic != nil && pic.WebPSrcset != "" {
		_, _ = w.WriteString(`</picture>`)
	}
	return ast.WalkSkipChildren, nil
}

func renderFigure(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	f := n.(*figure)
	if entering {
		_, _ = w.WriteString("<figure>")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("<figcaption>")
	_, _ = w.WriteString(html.EscapeString(f.caption))
	_, _ = w.WriteString("</figcaption></figure>\n")
	return ast.WalkContinue, nil
}

var _ = ghtml.NewRenderer
