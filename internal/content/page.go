// Package content reads a site's content/ folder into pages and validates
// them against the content contract (docs/noi-dung.md,
// ../shared/content-schema.md).
//
// # Files
//
//	content/_index.md            home                     /
//	content/NAME.md              standalone page          /NAME/
//	content/SECTION/_index.md    section intro            /SECTION/
//	content/SECTION/SLUG.md      a story of SECTION       /SECTION/SLUG/
//	content/SECTION/SLUG/index.md a story as a bundle     /SECTION/SLUG/
//
// The sections mo-hinh (models), dien-hinh (exemplars) and tin-tuc (news)
// have their own front matter rules; any other section holds plain pages.
// Other files beside a bundle's index.md are its resources (images).
//
// # Reading
//
// Files are read as UTF-8 (invalid UTF-8 is an error at its line and
// column), a BOM is dropped, CRLF becomes LF (line numbers are kept) and
// all text is normalized to NFC. Front matter is YAML (---), TOML (+++) or
// JSON ({…}), split from the body by github.com/adrg/frontmatter and
// decoded with the position of every key (YAML as gopkg.in/yaml.v3 nodes,
// TOML and JSON by key lines), so each diagnostic names file:line:col.
//
// # Validation
//
// Every page is checked for required keys, types, unknown keys (with a
// "did you mean"), vocabulary values (province, fields) with suggestions,
// lengths, dates and slugs. Load returns every problem it found, not just
// the first; duplicate URLs are checked by the caller once all pages are
// known (see [CheckURLs]).
package content

import (
	"bytes"
	"time"

	"github.com/lantoa/lantoa/internal/diag"
	"github.com/lantoa/lantoa/internal/vocab"
)

// Kind is what a page is.
type Kind string

const (
	KindHome     Kind = "home"
	KindSection  Kind = "section"   // content/SECTION/_index.md
	KindModel    Kind = "mo-hinh"   // content/mo-hinh/*.md
	KindExemplar Kind = "dien-hinh" // content/dien-hinh/*.md
	KindNews     Kind = "tin-tuc"   // content/tin-tuc/*.md
	KindPage     Kind = "page"      // standalone or other sections
)

// IsStory reports whether pages of kind k are dated stories with a summary.
func (k Kind) IsStory() bool { return k == KindModel || k == KindExemplar || k == KindNews }

// Term is a taxonomy value as written on a page.
type Term struct {
	Name string
	Slug string
}

// Result is one key figure of a model ("Vụ trộm" → "giảm 70%").
type Result struct {
	Label string
	Value string
}

// Page is one content file, decoded and validated.
type Page struct {
	File    string // slash path relative to the site folder: "content/mo-hinh/x.md"
	Dir     string // folder for page-relative resources: "content/mo-hinh/x" for a bundle, else the file's folder
	RawDir  string // Dir as named on disk (file names may be NFD, e.g. from macOS)
	Bundle  bool
	Kind    Kind
	Section string // "mo-hinh", …; "" for home and top-level pages
	Slug    string
	URL     string // "/mo-hinh/x/"

	Title    string
	Summary  string
	Date     time.Time // zero when not set
	Lastmod  time.Time // zero when not set
	Draft    bool
	Aliases  []string // cleaned paths "/old/url/"
	Image    string   // as written
	ImageAlt string
	Tags     []string
	Weight   int

	// Models (mo-hinh).
	Province     *vocab.Term
	Locality     string
	Fields       []*vocab.Term
	Type         *Term // front matter "kind": the model type, taxonomy loai-mo-hinh
	Started      *int
	Replications *int
	Members      *int
	Contact      string
	Results      []Result

	// Exemplars (dien-hinh).
	Recipient string // "tap-the" | "ca-nhan" | ""
	Award     string
	Year      *int
	Models    []string // slugs of mo-hinh pages

	// Body is the Markdown after the front matter (NFC, LF).
	Body []byte
	// BodyLine is the 1-based line of the file where Body starts.
	BodyLine int
	// Pos holds the position of each front matter key.
	Pos map[string]diag.Pos
	// Hash identifies the file's bytes (for caches).
	Hash string

	badTitle bool // the title key held something other than a string
}

// KeyPos returns the position of front matter key k, or of the file.
func (p *Page) KeyPos(k string) diag.Pos {
	if pos, ok := p.Pos[k]; ok {
		return pos
	}
	return diag.Pos{File: p.File, Line: 1, Col: 1}
}

// LineOf converts a byte offset in Body to a position in the file.
func (p *Page) LineOf(off int) diag.Pos {
	l := p.Locator()
	return l.Pos(off)
}

// A Locator converts byte offsets in a page's Body to positions in the
// file, as [Page.LineOf] does; it remembers the line of the last offset,
// so offsets asked in increasing order cost only the text between them.
type Locator struct {
	p     *Page
	off   int // lines are counted up to off
	line  int // the line of off
	start int // where that line starts
}

// Locator returns a Locator for p.
func (p *Page) Locator() Locator { return Locator{p: p, line: p.BodyLine} }

// Pos is LineOf(off).
func (l *Locator) Pos(off int) diag.Pos {
	body := l.p.Body
	off = max(0, min(off, len(body)))
	if off < l.off {
		*l = l.p.Locator()
	}
	for {
		i := bytes.IndexByte(body[l.off:off], '\n')
		if i < 0 {
			break
		}
		l.line++
		l.start = l.off + i + 1
		l.off = l.start
	}
	l.off = max(l.off, off)
	col := 1
	for i := l.start; i < off; {
		// count runes for the column
		c := body[i]
		switch {
		case c < 0x80:
			i++
		case c < 0xE0:
			i += 2
		case c < 0xF0:
			i += 3
		default:
			i += 4
		}
		col++
	}
	return diag.Pos{File: l.p.File, Line: l.line, Col: col}
}
