package build

import (
	"time"

	"github.com/lantoa/lantoa/internal/site"
)

// View is what a template receives.
type View struct {
	Site     *site.Site
	Page     *site.Page     // single pages
	Pager    *site.Pager    // paginated lists
	Section  *site.Section  // section lists and stories
	Taxonomy *site.Taxonomy // term index and term pages
	Term     *site.TermEntry

	// Kind is "home", "single", "section", "terms", "term", "404",
	// "search", "stats", "poster" or "page".
	Kind        string
	Title       string
	Description string
	URL         string // site path
	Canonical   string // absolute URL
	Breadcrumbs []Crumb
	NoIndex     bool

	// Sharing.
	OGType     string
	Image      *SocialImage
	JSONLD     []any
	QR         string // URL of the page's QR code (stories)
	PosterURL  string
	Published  time.Time
	Modified   time.Time
	SearchData *SearchData
	Extra      map[string]any

	// Serve is true in `lantoa serve` (adds the reload script).
	Serve bool
}

// SocialImage is the og:image of a page.
type SocialImage struct {
	URL           string // absolute
	Width, Height int
	Alt           string
}

// Crumb is one breadcrumb.
type Crumb struct{ Title, URL string }

// SearchData is what the search page and search boxes need.
type SearchData struct {
	IndexURL  string // fingerprinted manifest
	ScriptURL string // fingerprinted client
	Filters   []Filter
}

// Filter is one filter select of the search page.
type Filter struct {
	Name    string // URL parameter: tinh-thanh, linh-vuc, loai-mo-hinh, section
	Label   string
	All     string
	Options []FilterOption
}

// FilterOption is one value of a filter.
type FilterOption struct{ Value, Label string }
