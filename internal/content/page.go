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
// JSON ({…}), split by github.com/adrg/frontmatter and decoded with the
// position of every key, so each diagnostic names file:line:col.
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
	if off > len(p.Body) {
		off = len(p.Body)
	}
	line := p.BodyLine
	last := -1
	for i := 0; i < off; i++ {
		if p.Body[i] == '\n' {
			line++
			last = i
		}
	}
	col := 1
	for i := last + 1; i < off; {
		// count runes for the column
		c := p.Body[i]
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
	return diag.Pos{File: p.File, Line: line, Col: col}
}
