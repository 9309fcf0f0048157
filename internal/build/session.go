package build

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/maphash"
	"html/template"
	"io/fs"
	"os"
	"path"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/lantoa/lantoa/internal/content"
	"github.com/lantoa/lantoa/internal/diag"
	"github.com/lantoa/lantoa/internal/markdown"
	"github.com/lantoa/lantoa/internal/output"
	"github.com/lantoa/lantoa/internal/search"
	"github.com/lantoa/lantoa/internal/site"
	"github.com/lantoa/lantoa/internal/theme"
)

// A Session rebuilds one site again and again (lantoa serve), reusing
// what did not change: parsed files (by size and modification time),
// rendered Markdown (while the set of URLs is the same), and rendered
// pages (by a key of everything their template shows: the page itself and
// the cards of the pages it lists or links). Outputs are written in place,
// only when their bytes changed, and outputs that are no longer produced
// are removed. The result equals a clean full build byte for byte.
//
// Errors leave the previous output as it was: every Markdown body is
// checked before anything is written.
type Session struct {
	o   Options
	mu  sync.Mutex
	bmu sync.Mutex // bodies, written by render workers

	parsed  map[string]*parsedFile // content file → parsed
	bodies  map[string]*bodyCache  // content file → rendered Markdown
	keys    map[string]string      // output path → render key
	out     map[string][32]byte    // output path → hash of the bytes on disk
	urlGen  string                 // fingerprint of the URL set the bodies were resolved with
	global  string                 // fingerprint of config, data, theme, static
	builder *builder               // the last successful build

	seed1, seed2 maphash.Seed // render key hashing

	theme    *theme.Theme // loaded templates, reused while themeKey == global
	themeKey string

	lastDiags diag.List // warnings of the last successful build
	failed    bool      // the last rebuild failed: the next one is not quick

	indexURL string         // manifest of the search index on disk
	gen      int            // rebuild counter
	bg       sync.WaitGroup // the background indexer

	// The background indexer: the builder and documents to index next.
	// It starts once no rebuild came for indexIdle, so that it does not
	// compete for the CPU with the rebuilds of an editor's saves.
	indexing    bool
	pending     *builder
	pendingDocs []search.Doc
	indexIdle   time.Duration
	lastRebuild time.Time
}

// Wait waits for background work (the search index) to finish.
func (s *Session) Wait() { s.bg.Wait() }

// indexLater has the search index of b's pages built in the background,
// then written with the search page. One indexer runs at a time: edits
// made while it works are indexed together when it is done (the latest
// pages win), so a burst of saves costs one or two index builds, not one
// each; it waits for a pause in the rebuilds (indexIdle). Called with
// s.mu held.
func (s *Session) indexLater(b *builder) {
	s.pending = b
	s.pendingDocs = slices.Clone(b.deferredDocs) // quick rebuilds edit b.deferredDocs in place
	if s.indexing {
		return
	}
	s.indexing = true
	s.bg.Go(s.indexLoop)
}

func (s *Session) indexLoop() {
	for {
		s.mu.Lock()
		if wait := s.indexIdle - time.Since(s.lastRebuild); wait > 0 {
			s.mu.Unlock()
			time.Sleep(wait)
			continue
		}
		b, docs := s.pending, s.pendingDocs
		s.pending, s.pendingDocs = nil, nil
		if b == nil {
			s.indexing = false
			s.mu.Unlock()
			return
		}
		s.mu.Unlock()
		idx, err := search.Build(docs)
		if err != nil {
			continue
		}
		s.mu.Lock()
		if s.pending == nil && !s.failed {
			s.writeIndex(b, idx)
		}
		s.mu.Unlock()
	}
}

// writeIndex writes a search index and the search page that names it, in
// place. Called with s.mu held.
func (s *Session) writeIndex(b *builder, idx *search.Index) {
	dir, err := output.Reuse(b.o.Dest, s.out)
	if err != nil {
		return
	}
	searchPage := output.URLToFile("/tim-kiem/")
	for p := range s.out {
		if !strings.HasPrefix(p, search.Dir+"/") && p != searchPage {
			dir.Keep(p)
		}
	}
	var buf bytes.Buffer
	for _, p := range sortedKeys(idx.Files) {
		if _, err := b.emit(dir, job{path: p, data: idx.Files[p]}, &buf); err != nil {
			return
		}
	}
	b.search.IndexURL = "/" + idx.ManifestPath
	if d, err := b.emit(dir, job{path: searchPage, layout: "tim-kiem.html", view: b.searchView()}, &buf); d != nil || err != nil {
		return
	}
	if dir.Commit() == nil {
		s.out = dir.Hashes()
		s.indexURL = "/" + idx.ManifestPath
	}
}

type parsedFile struct {
	size  int64
	mod   time.Time
	page  *content.Page
	diags diag.List
}

type bodyCache struct {
	hash   string // page hash the body was rendered from
	html   template.HTML
	text   string
	heads  []markdown.Heading
	result *markdown.Result
	diags  diag.List
	hero   *markdown.Picture
	heroF  string
}

// NewSession prepares a session; the first Rebuild is a full build.
func NewSession(o Options) *Session {
	o.Serve = true
	if o.Dest == "" {
		o.Dest = path.Join(o.Source, "public")
	}
	return &Session{indexIdle: 1500 * time.Millisecond, seed1: maphash.MakeSeed(), seed2: maphash.MakeSeed(), o: o, parsed: map[string]*parsedFile{}, bodies: map[string]*bodyCache{}, keys: map[string]string{}, out: map[string][32]byte{}}
}

// Rebuild brings the destination up to date. changed lists the paths
// (relative to the site) that changed, or nil when unknown; the session
// rescans content/ either way, so it is only a hint.
func (s *Session) Rebuild(ctx context.Context, changed []string) (*Result, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gen++
	defer func() { s.lastRebuild = time.Now() }()
	if res, ok := s.quick(changed); ok {
		return res, nil
	}
	res, b, err := buildSite(ctx, s.o, s)
	s.failed = err != nil
	if err == nil {
		s.builder = b
		s.lastDiags = res.Diags
	}
	return res, err
}

// quick is the rebuild of the commonest edit, a story whose body changed
// and nothing else: same front matter, same images, same pages linked,
// no anchor of another page broken. Nothing but the story's own page
// (and its poster and QR code, which share its render key) can then
// differ from the last build, so quick renders those, updates the story's
// search document (indexed in the background) and reports false for every
// other change, which takes the incremental full path, as does the
// rebuild after a failed one (the overlay must clear only when the whole
// site builds).
func (s *Session) quick(changed []string) (*Result, bool) {
	start := time.Now()
	b := s.builder
	if b == nil || s.failed || len(changed) != 1 || !strings.HasPrefix(changed[0], "content/") || !strings.HasSuffix(changed[0], ".md") {
		return nil, false
	}
	f := changed[0]
	old, ok := s.parsed[f]
	if !ok || old.page == nil {
		return nil, false
	}
	var sp *site.Page
	for _, p := range b.pages {
		if p.File == f {
			sp = p
			break
		}
	}
	if sp == nil || !sp.Kind.IsStory() || sp.Page != old.page {
		return nil, false
	}
	oldBody, ok := s.bodies[f]
	if !ok || oldBody.hash != old.page.Hash {
		return nil, false
	}
	root, err := os.OpenRoot(s.o.Source)
	if err != nil {
		return nil, false
	}
	defer root.Close()
	info, err := root.Stat(f)
	if err != nil {
		return nil, false
	}
	fsys := root.FS()
	now := s.o.Now
	if now.IsZero() {
		now = time.Now()
	}
	parsed, dss := content.ParseFiles(fsys, []string{f}, content.Options{Vocab: b.voc, Location: b.cfg.Location, Now: now})
	np := parsed[0]
	if np == nil || dss[0].HasErrors() || !sameFrontMatter(old.page, np) {
		return nil, false
	}
	// Render the new body on a copy: the page is only changed once the
	// edit is known to be quick.
	b.fsys = fsys
	trial := *sp
	trial.Page = np
	r, rds := b.renderBodyUncached(&trial)
	if rds.HasErrors() || oldBody.result == nil || !sameImages(oldBody.result.Images, r.Images) {
		return nil, false
	}
	// Anchors: the new body's links, and every other body's links to it.
	if b.byURL == nil {
		b.byURL = make(map[string]*site.Page, len(b.pages))
		for _, p := range b.pages {
			b.byURL[p.URL] = p
		}
	}
	hasID := func(hs []markdown.Heading, id string) bool {
		return footnoteID(id) || slices.ContainsFunc(hs, func(h markdown.Heading) bool { return h.ID == id })
	}
	for _, l := range r.Links {
		if l.Fragment == "" {
			continue
		}
		heads := trial.Headings
		if l.URL != sp.URL {
			q, ok := b.byURL[l.URL]
			if !ok {
				continue
			}
			heads = q.Headings
		}
		if !hasID(heads, l.Fragment) {
			return nil, false
		}
	}
	for file, c := range s.bodies {
		if file == f || c.result == nil {
			continue
		}
		for _, l := range c.result.Links {
			if l.URL == sp.URL && l.Fragment != "" && !hasID(trial.Headings, l.Fragment) {
				return nil, false
			}
		}
	}
	// Commit to the quick path.
	*sp = trial
	s.parsed[f] = &parsedFile{size: info.Size(), mod: info.ModTime(), page: np, diags: dss[0]}
	s.bodies[f] = &bodyCache{hash: np.Hash, html: sp.Content, text: sp.Text, heads: sp.Headings, result: r, diags: rds, hero: sp.Hero, heroF: sp.HeroFile}
	res := &Result{}
	dir, err := output.Reuse(b.o.Dest, s.out)
	if err != nil {
		return nil, false
	}
	jobs, err := b.pageJobs(sp)
	if err != nil {
		return nil, false
	}
	// emit records render keys in b.newKeys, which the last build made
	// s.keys: record this rebuild's apart, then merge them.
	b.newKeys = map[string]string{}
	var buf bytes.Buffer
	for _, j := range jobs {
		if d, err := b.emit(dir, j, &buf); d != nil || err != nil {
			// Not expected (the same templates rendered this page
			// before): let the full path report it.
			s.builder = nil
			return nil, false
		}
		if j.layout != "" {
			res.Pages++
		}
	}
	for p, h := range dir.Hashes() {
		s.out[p] = h
	}
	for p, k := range b.newKeys {
		s.keys[p] = k
	}
	res.Files, res.Bytes = dir.Files()
	// Search: the story's document, indexed in the background.
	if b.deferredDocs == nil {
		b.deferredDocs = b.docs // the first build indexed them at once
	}
	for i := range b.deferredDocs {
		if b.deferredDocs[i].URL == sp.URL {
			b.deferredDocs[i] = b.searchDoc(sp)
		}
	}
	s.indexLater(b)
	// Warnings: the last build's, with this file's replaced.
	for _, d := range s.lastDiags {
		if d.File != f {
			res.Diags = append(res.Diags, d)
		}
	}
	res.Diags = append(append(res.Diags, dss[0]...), rds...)
	res.Diags.Sort()
	s.lastDiags = res.Diags
	res.Stages = []Stage{{"quick", time.Since(start)}}
	res.Duration = time.Since(start)
	return res, true
}

// sameFrontMatter reports whether two parses of a file differ only in
// their body.
func sameFrontMatter(a, b *content.Page) bool {
	x, y := *a, *b
	x.Body, y.Body, x.Hash, y.Hash = nil, nil, "", ""
	return reflect.DeepEqual(x, y)
}

// sameImages reports whether two bodies show the same image files (whose
// outputs the last build made).
func sameImages(a, b []markdown.Image) bool {
	return slices.EqualFunc(a, b, func(x, y markdown.Image) bool { return x.File == y.File })
}

// globalKey fingerprints everything outside content/ that every page
// depends on: site.toml, data/, themes/, layouts/, i18n/, assets/,
// archetypes are excluded; static/ names (its files are compared by
// content when written).
func (s *Session) globalKey(fsys fs.FS) string {
	h := sha256.New()
	for _, root := range []string{"site.toml", "data", "themes", "layouts", "i18n", "assets", "static"} {
		_ = fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			info, err := d.Info()
			if err != nil {
				return nil
			}
			fmt.Fprintf(h, "%s\x00%d\x00%d\n", p, info.Size(), info.ModTime().UnixNano())
			return nil
		})
	}
	fmt.Fprintf(h, "drafts=%v future=%v base=%s", s.o.Drafts, s.o.Future, s.o.BaseURL)
	return hex.EncodeToString(h.Sum(nil))
}

// loadPages parses content/, reusing files whose size and modification
// time did not change.
func (s *Session) loadPages(fsys fs.FS, opt content.Options, global string) ([]*content.Page, diag.List) {
	if global != s.global {
		// Vocabularies or the time zone may have changed: parse again.
		s.parsed = map[string]*parsedFile{}
		s.bodies = map[string]*bodyCache{}
		s.keys = map[string]string{}
		s.global = global
	}
	var files []string
	infos := map[string]fs.FileInfo{}
	ds := content.Walk(fsys, func(p string, d fs.DirEntry) {
		if info, err := d.Info(); err == nil {
			files = append(files, p)
			infos[p] = info
		}
	})
	next := map[string]*parsedFile{}
	var todo []string
	for _, f := range files {
		info := infos[f]
		if c, ok := s.parsed[f]; ok && c.size == info.Size() && c.mod.Equal(info.ModTime()) {
			next[f] = c
			continue
		}
		todo = append(todo, f)
	}
	parsed, dss := content.ParseFiles(fsys, todo, opt)
	for i, f := range todo {
		next[f] = &parsedFile{size: infos[f].Size(), mod: infos[f].ModTime(), page: parsed[i], diags: dss[i]}
	}
	s.parsed = next
	var pages []*content.Page
	for _, f := range files {
		pf := next[f]
		ds = append(ds, pf.diags...)
		if pf.page != nil {
			pages = append(pages, pf.page)
		}
	}
	return pages, ds
}

func unwrapErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// urlKey fingerprints the URL set bodies are resolved against.
func urlKey(b *builder) string {
	h := sha256.New()
	for _, u := range sortedKeys(b.exists) {
		h.Write([]byte(u))
		h.Write([]byte{0})
	}
	for _, f := range sortedKeys(b.fileURL) {
		fmt.Fprintf(h, "%s=%s\n", f, b.fileURL[f])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// cardKey is what a card of p shows (memoized per build).
func (b *builder) cardKey(p *site.Page) string {
	b.keysMu.Lock()
	k, ok := b.cardKeys[p]
	b.keysMu.Unlock()
	if ok {
		return k
	}
	k = cardKey(p)
	b.keysMu.Lock()
	b.cardKeys[p] = k
	b.keysMu.Unlock()
	return k
}

func cardKey(p *site.Page) string {
	var b strings.Builder
	b.WriteString(p.URL)
	b.WriteByte(0)
	b.WriteString(p.Title)
	b.WriteByte(0)
	b.WriteString(p.Summary)
	b.WriteByte(0)
	b.WriteString(p.Date.String())
	if p.Section != nil {
		b.WriteString(p.Section.Title)
	}
	if p.Province != nil {
		b.WriteString(p.Province.Name)
	}
	if p.Type != nil {
		b.WriteString(p.Type.Name)
	}
	return b.String()
}

// hashKey hashes the parts of a render key with the session's seed (two
// 64-bit maphash sums: collisions are negligible for one process).
func (s *Session) hashKey(parts ...string) string {
	var h1, h2 maphash.Hash
	h1.SetSeed(s.seed1)
	h2.SetSeed(s.seed2)
	for _, p := range parts {
		h1.WriteString(p)
		h1.WriteByte(0xff)
		h2.WriteString(p)
		h2.WriteByte(0xff)
	}
	return strconv.FormatUint(h1.Sum64(), 36) + "." + strconv.FormatUint(h2.Sum64(), 36)
}

// pageKey is the render key of a content page's outputs.
func (b *builder) pageKey(p *site.Page) string {
	parts := []string{b.session.global, b.session.urlGen, p.Hash, p.URL}
	if p.Section != nil {
		parts = append(parts, p.Section.Title)
	}
	for _, list := range [][]*site.Page{p.Related, p.Exemplars, p.Linked} {
		parts = append(parts, "|")
		for _, q := range list {
			parts = append(parts, b.cardKey(q))
		}
	}
	return b.session.hashKey(parts...)
}

// listKey is the render key of a paginated list page.
func (b *builder) listKey(v *View) string {
	parts := []string{b.session.global, v.URL, v.Title, v.Description}
	if v.Pager != nil {
		parts = append(parts, fmt.Sprint(v.Pager.Number, v.Pager.Total))
		for _, p := range v.Pager.Pages {
			parts = append(parts, b.cardKey(p))
		}
	}
	if v.Section != nil && v.Section.Intro != nil {
		parts = append(parts, v.Section.Intro.Hash)
	}
	if v.Term != nil {
		parts = append(parts, fmt.Sprint(v.Term.Models, v.Term.Exemplars, v.Term.Replications, len(v.Term.Pages)))
		if v.Pager != nil && v.Pager.Number == 1 {
			// The first page of a province shows a chart of its types.
			var types []string
			for _, p := range v.Term.Pages {
				if p.Type != nil {
					types = append(types, p.Type.Slug)
				}
			}
			parts = append(parts, strings.Join(types, ","))
		}
	}
	return b.session.hashKey(parts...)
}
