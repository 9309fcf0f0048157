package search

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/lantoa/lantoa/internal/vi"
)

// A Term is a taxonomy value: its display name and its slug.
type Term struct{ Name, Slug string }

// A Doc is one page to index.
type Doc struct {
	URL      string // "/mo-hinh/camera-an-ninh-phuong-yen-hoa/"
	Title    string
	Section  Term   // {"Mô hình", "mo-hinh"}, {"Tin tức", "tin-tuc"}, ...
	Province Term   // tinh-thanh; may be zero
	Fields   []Term // linh-vuc
	Kind     Term   // loai-mo-hinh; may be zero
	Date     string // as displayed, "18/11/2025"; may be ""
	Summary  string
	Body     string // plain text of the body
}

// An Index is the set of files of a built index.
type Index struct {
	Files        map[string][]byte // path relative to the site root → content
	ManifestPath string            // "tim-kiem/_i/m.HASH.json", also named by Files[LatestPath]
}

// Filters restrict a search to documents with the given slugs; "" is any.
type Filters struct{ Province, Field, Kind, Section string }

// A Result is one hit.
type Result struct {
	URL, Title string
	Section    string // section name
	Province   string // province name, or ""
	Date       string
	Snippet    string   // plain text (NFC) shown under the title
	Highlights [][2]int // byte ranges of Snippet holding matched words
	Score      float64  // 0 when browsing by filters alone
	Partial    bool     // the hit lacks some query term: nothing contained all of them
}

// Counts maps a facet ("tinh-thanh", "linh-vuc", "loai-mo-hinh",
// "section") to the number of matching documents per value slug. The count
// for a value of facet F counts the documents that match the query and
// every filter except F's, so other values stay visible while one is
// selected. Values with no document are absent.
type Counts map[string]map[string]int

// A Searcher answers queries from a built index, ranking exactly like the
// JavaScript client. It is safe for concurrent use.
type Searcher struct {
	fsys fs.FS
	dir  string
	m    manifest

	// Facet values per document (value index + 1, 0 for none).
	sec, prov, kind, fieldSet []int32
	fieldSets                 [][]int32
	slugIndex                 map[string]map[string]int32 // facet → slug → value index + 1

	mu      sync.Mutex
	shards  map[string]map[string]string // file → fold → rest of its line
	records map[int][][4]string
	words   []string // dictionary of record text
	recency []int32
}

// Open reads the index of a built site: the manifest named by
// tim-kiem/_i/latest.json or, without it, the only tim-kiem/_i/m.*.json.
func Open(fsys fs.FS) (*Searcher, error) {
	mpath := ""
	if b, err := fs.ReadFile(fsys, LatestPath); err == nil {
		var l struct{ Manifest string }
		if err := json.Unmarshal(b, &l); err != nil || l.Manifest == "" {
			return nil, &FormatError{File: LatestPath, What: "pointer", Detail: fmt.Sprint("no manifest name: ", err)}
		}
		mpath = path.Join(Dir, path.Base(l.Manifest))
	} else {
		ms, _ := fs.Glob(fsys, Dir+"/m.*.json")
		switch len(ms) {
		case 0:
			return nil, fmt.Errorf("search: no index in %s: %w", Dir, err)
		case 1:
			mpath = ms[0]
		default:
			return nil, fmt.Errorf("search: %d manifests in %s and no %s: %v", len(ms), Dir, path.Base(LatestPath), ms)
		}
	}
	b, err := fs.ReadFile(fsys, mpath)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	s := &Searcher{fsys: fsys, dir: path.Dir(mpath), shards: map[string]map[string]string{}, records: map[int][][4]string{}}
	if err := json.Unmarshal(b, &s.m); err != nil {
		return nil, &FormatError{File: mpath, What: "manifest", Detail: err.Error()}
	}
	if s.m.Version != formatVersion {
		return nil, &FormatError{File: mpath, What: "manifest", Detail: "unknown version " + strconv.Itoa(s.m.Version)}
	}
	s.slugIndex = map[string]map[string]int32{}
	for facet, vals := range s.m.Vocab {
		m := map[string]int32{}
		for i, v := range vals {
			m[v[0]] = int32(i + 1)
		}
		s.slugIndex[facet] = m
	}
	fname := dataName("f", -1, s.m.Hash, "json")
	fb, err := fs.ReadFile(fsys, path.Join(s.dir, fname))
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	var ff facetFile
	if err := json.Unmarshal(fb, &ff); err != nil {
		return nil, &FormatError{File: fname, What: "facets", Detail: err.Error()}
	}
	for _, c := range []struct {
		dst *[]int32
		rle []int
	}{{&s.sec, ff.Section}, {&s.prov, ff.Province}, {&s.kind, ff.Kind}, {&s.fieldSet, ff.Field}} {
		col, err := unRLE(c.rle, s.m.N)
		if err != nil {
			return nil, &FormatError{File: fname, What: "facets", Detail: err.Error()}
		}
		*c.dst = col
	}
	s.words = ff.Words
	for _, set := range ff.FieldSets {
		fs32 := make([]int32, len(set))
		for i, v := range set {
			fs32[i] = int32(v)
		}
		s.fieldSets = append(s.fieldSets, fs32)
	}
	for _, v := range s.fieldSet {
		if int(v) >= len(s.fieldSets) {
			return nil, &FormatError{File: fname, What: "facets", Detail: "field set out of range"}
		}
	}
	return s, nil
}

func unRLE(r []int, n int) ([]int32, error) {
	col := make([]int32, 0, n)
	for i := 0; i+1 < len(r); i += 2 {
		for range r[i+1] {
			col = append(col, int32(r[i]))
		}
	}
	if len(col) != n || len(r)%2 != 0 {
		return nil, fmt.Errorf("column of %d values for %d documents", len(col), n)
	}
	return col, nil
}

// readFile reads a data file once.
func (s *Searcher) readFile(name string) ([]byte, error) {
	b, err := fs.ReadFile(s.fsys, path.Join(s.dir, name))
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	return b, nil
}

// shard returns the lines of a term or pair shard by fold.
func (s *Searcher) shard(name string) (map[string]string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if m, ok := s.shards[name]; ok {
		return m, nil
	}
	b, err := s.readFile(name)
	if err != nil {
		return nil, err
	}
	m := map[string]string{}
	for line := range strings.Lines(string(b)) {
		line = strings.TrimSuffix(line, "\n")
		fold, rest, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, &FormatError{File: name, What: "term line", Detail: strconv.Quote(line)}
		}
		m[fold] = rest
	}
	s.shards[name] = m
	return m, nil
}

// A termLine is a decoded shard line.
type termLine struct {
	fold  string
	df    int
	keys  []string // the fold's variants (Key forms); none for a pair
	posts postingList
}

func parseLine(name, fold, rest string, n, boost int) (termLine, error) {
	f := strings.Split(rest, "\t")
	df, err := strconv.Atoi(f[0])
	if err != nil || len(f) != 3 {
		return termLine{}, &FormatError{File: name, What: "term line", Detail: strconv.Quote(fold)}
	}
	tl := termLine{fold: fold, df: df}
	if strings.HasSuffix(fold, "*") {
		// A prefix's completions: documents only, each with the top impact.
		tl.posts.docs, err = decodePresence(f[2], n)
		for range tl.posts.docs {
			tl.posts.impacts = append(tl.posts.impacts, impactLevels)
		}
	} else {
		if !strings.Contains(fold, " ") {
			for k := range strings.SplitSeq(f[1], " ") {
				if k == "" {
					k = fold
				}
				tl.keys = append(tl.keys, k)
			}
		}
		tl.posts, err = decodePostings(f[2], levels(df, n), boost, n)
	}
	if err != nil {
		var fe *FormatError
		if errors.As(err, &fe) {
			fe.File = name
		}
		return termLine{}, err
	}
	if len(tl.posts.docs) != df {
		return termLine{}, &FormatError{File: name, What: "term line", Detail: fmt.Sprintf("%q: %d documents, df %d", fold, len(tl.posts.docs), df)}
	}
	return tl, nil
}

// shardOf is the index of the shard that holds term given the first term
// of each: the last whose first term is ≤ term.
func shardOf(firsts []string, term string) int {
	i, _ := slices.BinarySearchFunc(firsts, term, func(first, f string) int {
		if jsCompare(first, f) <= 0 {
			return -1
		}
		return 1
	})
	return max(i-1, 0)
}

// idf is the quantized BM25 inverse document frequency.
func (s *Searcher) idf(df int) int64 {
	n := float64(s.m.N)
	x := math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5))
	return max(1, int64(math.Floor(x*float64(s.m.Params.IDFScale)+0.5)))
}

// filterValues resolves slugs to value indexes: -1 any, 0 unknown slug
// (matches nothing).
func (s *Searcher) filterValues(f Filters) [4]int32 {
	var v [4]int32
	for i, fs := range []struct{ facet, slug string }{
		{FacetSection, f.Section}, {FacetProvince, f.Province}, {FacetKind, f.Kind}, {FacetField, f.Field},
	} {
		if fs.slug == "" {
			v[i] = -1
		} else {
			v[i] = s.slugIndex[fs.facet][fs.slug]
		}
	}
	return v
}

// passes reports whether doc d passes the filters, ignoring facet skip
// (0 section, 1 province, 2 kind, 3 field; -1 none).
func (s *Searcher) passes(d int, fv [4]int32, skip int) bool {
	if skip != 0 && fv[0] >= 0 && s.sec[d] != fv[0] {
		return false
	}
	if skip != 1 && fv[1] >= 0 && s.prov[d] != fv[1] {
		return false
	}
	if skip != 2 && fv[2] >= 0 && s.kind[d] != fv[2] {
		return false
	}
	if skip != 3 && fv[3] >= 0 && !slices.Contains(s.fieldSets[s.fieldSet[d]], fv[3]) {
		return false
	}
	return true
}

// Search ranks the documents for q and f and returns the best limit of
// them (all when limit ≤ 0) with the facet counts. With no word in q it
// lists the documents passing f, newest first, or none when f is empty too.
func (s *Searcher) Search(q string, f Filters, limit int) ([]Result, Counts, error) {
	qr := parseQuery(q)
	n := s.m.N
	fv := s.filterValues(f)
	anyFilter := fv[0] >= 0 || fv[1] >= 0 || fv[2] >= 0 || fv[3] >= 0

	score := make([]int64, n)
	count := make([]int32, n)
	need := int32(len(qr.terms))
	if need > 0 {
		if err := s.score(qr, score, count); err != nil {
			return nil, nil, err
		}
	}
	matched := func(d int) bool { return need == 0 || count[d] == need }
	if need > 1 {
		found := false
		for d := range n {
			if count[d] == need && s.passes(d, fv, -1) {
				found = true
				break
			}
		}
		if !found {
			matched = func(d int) bool { return count[d] > 0 }
		}
	}

	counts := s.counts(matched, fv)
	if need == 0 && !anyFilter {
		return nil, counts, nil
	}
	var hits []int
	for d := range n {
		if matched(d) && s.passes(d, fv, -1) {
			hits = append(hits, d)
		}
	}
	if need == 0 {
		rec, err := s.recencies()
		if err != nil {
			return nil, nil, err
		}
		slices.SortFunc(hits, func(a, b int) int { return cmp.Or(cmp.Compare(rec[b], rec[a]), cmp.Compare(a, b)) })
	} else {
		slices.SortFunc(hits, func(a, b int) int {
			return cmp.Or(cmp.Compare(count[b], count[a]), cmp.Compare(score[b], score[a]), cmp.Compare(a, b))
		})
	}
	if limit > 0 && len(hits) > limit {
		hits = hits[:limit]
	}
	results := make([]Result, 0, len(hits))
	for _, d := range hits {
		rec, err := s.record(d)
		if err != nil {
			return nil, nil, err
		}
		r := Result{URL: rec[0], Title: rec[1], Date: rec[2], Score: float64(score[d]), Partial: need > 0 && count[d] < need}
		r.Section = s.name(FacetSection, s.sec[d])
		r.Province = s.name(FacetProvince, s.prov[d])
		r.Snippet, r.Highlights = highlight(rec[3], qr, s.m.Params.PrefixMin)
		results = append(results, r)
	}
	return results, counts, nil
}

// name is the display name of a facet value.
func (s *Searcher) name(facet string, v int32) string {
	if v <= 0 || int(v) > len(s.m.Vocab[facet]) {
		return ""
	}
	return s.m.Vocab[facet][v-1][1]
}

// counts computes the facet counts of the matched documents.
func (s *Searcher) counts(matched func(int) bool, fv [4]int32) Counts {
	c := Counts{FacetSection: {}, FacetProvince: {}, FacetKind: {}, FacetField: {}}
	add := func(facet string, v int32) {
		if v > 0 {
			c[facet][s.m.Vocab[facet][v-1][0]]++
		}
	}
	for d := range s.m.N {
		if !matched(d) {
			continue
		}
		if s.passes(d, fv, 0) {
			add(FacetSection, s.sec[d])
		}
		if s.passes(d, fv, 1) {
			add(FacetProvince, s.prov[d])
		}
		if s.passes(d, fv, 2) {
			add(FacetKind, s.kind[d])
		}
		if s.passes(d, fv, 3) {
			for _, v := range s.fieldSets[s.fieldSet[d]] {
				add(FacetField, v)
			}
		}
	}
	return c
}

// score adds every term's best weighted impact per document to score and
// counts the terms each document matches; pairs add to score only.
func (s *Searcher) score(qr query, score []int64, count []int32) error {
	p := s.m.Params
	best := make([]int64, len(score))
	var touched []int32
	for ti, t := range qr.terms {
		lines, err := s.termLines(t, qr.prefix && ti == len(qr.terms)-1)
		if err != nil {
			return err
		}
		for _, l := range lines {
			idf := s.idf(l.line.df)
			w := int64(p.Fold)
			if l.completion {
				w = int64(p.Prefix)
			}
			var exact map[int32]bool // documents with t's accents; nil: none or all
			all := false
			if !l.completion && t.accented() && slices.Contains(l.line.keys, t.key) {
				if len(l.line.keys) == 1 {
					all = true
				} else if exact, err = s.variant(t.key, l.line.posts.docs); err != nil {
					return err
				}
			}
			pl := l.line.posts
			for j, d := range pl.docs {
				wd := w
				if all || exact[d] {
					wd = int64(p.Exact)
				}
				v := idf * int64(pl.impacts[j]) * wd
				if best[d] == 0 {
					touched = append(touched, d)
				}
				if v > best[d] {
					best[d] = v
				}
			}
		}
		for _, d := range touched {
			score[d] += best[d]
			count[d]++
			best[d] = 0
		}
		touched = touched[:0]
	}
	for i, b := range qr.bigrams {
		name := dataName("b", shardOf(s.m.Bi, b), s.m.Hash, "txt")
		sh, err := s.shard(name)
		if err != nil {
			return err
		}
		var pairs []string // the pair, or for a prefix pair every pair it begins in its shard
		if qr.prefixPair && i == len(qr.bigrams)-1 && runeCount(qr.terms[len(qr.terms)-1].fold) >= p.PrefixMin {
			for pair := range sh {
				if strings.HasPrefix(pair, b) {
					pairs = append(pairs, pair)
				}
			}
		} else if _, ok := sh[b]; ok {
			pairs = append(pairs, b)
		}
		for _, pair := range pairs {
			l, err := parseLine(name, pair, sh[pair], s.m.N, s.m.Params.Title)
			if err != nil {
				return err
			}
			idf := s.idf(l.df)
			for j, d := range l.posts.docs {
				if v := idf * int64(l.posts.impacts[j]) * int64(p.Bigram); count[d] > 0 && v > best[d] {
					if best[d] == 0 {
						touched = append(touched, d)
					}
					best[d] = v
				}
			}
		}
		for _, d := range touched {
			score[d] += best[d]
			best[d] = 0
		}
		touched = touched[:0]
	}
	return nil
}

// variant returns the documents holding the variant key, from its variant
// shard; docs are those of its fold.
func (s *Searcher) variant(key string, docs []int32) (map[int32]bool, error) {
	name := dataName("k", variantShard(key, s.m.Variant), s.m.Hash, "txt")
	sh, err := s.shard(name)
	if err != nil {
		return nil, err
	}
	rest, ok := sh[key]
	if !ok {
		return nil, &FormatError{File: name, What: "variant line", Detail: "no line for " + strconv.Quote(key)}
	}
	pos, err := decodePresence(rest, len(docs))
	if err != nil {
		return nil, err
	}
	set := make(map[int32]bool, len(pos))
	for _, p := range pos {
		set[docs[p]] = true
	}
	return set, nil
}

// A matchLine is a term line matched by a query term.
type matchLine struct {
	line       termLine
	completion bool // a longer term completing the typed prefix
}

// termLines returns the lines matching query term t: its own fold and, for
// a prefix of PrefixMin code points or more, the line of its completions
// ("fold*").
func (s *Searcher) termLines(t token, prefix bool) ([]matchLine, error) {
	var out []matchLine
	l, ok, err := s.termLine(t.fold)
	if err != nil {
		return nil, err
	}
	if ok {
		out = append(out, matchLine{line: l})
	}
	if prefix && runeCount(t.fold) >= s.m.Params.PrefixMin {
		l, ok, err := s.termLine(t.fold + "*")
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, matchLine{line: l, completion: true})
		}
	}
	return out, nil
}

// termLine returns the line of a fold or of a prefix's completions
// ("p*"), following a pointer to the only completion.
func (s *Searcher) termLine(term string) (termLine, bool, error) {
	name := dataName("u", shardOf(s.m.Uni, term), s.m.Hash, "txt")
	sh, err := s.shard(name)
	if err != nil {
		return termLine{}, false, err
	}
	rest, ok := sh[term]
	if !ok {
		return termLine{}, false, nil
	}
	if c, ok := strings.CutPrefix(rest, ">"); ok {
		if !strings.HasPrefix(c, strings.TrimSuffix(term, "*")) || strings.HasSuffix(c, "*") {
			return termLine{}, false, &FormatError{File: name, What: "prefix line", Detail: strconv.Quote(term)}
		}
		return s.termLine(c)
	}
	l, err := parseLine(name, term, rest, s.m.N, s.m.Params.Title)
	return l, err == nil, err
}

// record returns the record of document d.
func (s *Searcher) record(d int) ([4]string, error) {
	g := max(s.m.Group, 1)
	s.mu.Lock()
	recs, ok := s.records[d/g]
	s.mu.Unlock()
	if !ok {
		name := dataName("d", d/g, s.m.Hash, "json")
		b, err := s.readFile(name)
		if err != nil {
			return [4]string{}, err
		}
		if err := json.Unmarshal(b, &recs); err != nil {
			return [4]string{}, &FormatError{File: name, What: "records", Detail: err.Error()}
		}
		for i := range recs {
			for _, f := range []int{1, 3} {
				if recs[i][f], err = decodeWords(recs[i][f], s.words); err != nil {
					fe := err.(*FormatError)
					fe.File, fe.What = name, fmt.Sprintf("record %d field %d", i, f)
					return [4]string{}, fe
				}
			}
		}
		s.mu.Lock()
		s.records[d/g] = recs
		s.mu.Unlock()
	}
	if d%g >= len(recs) {
		return [4]string{}, &FormatError{What: "records", Offset: d, Detail: "missing document"}
	}
	return recs[d%g], nil
}

// recencies returns the date rank of every document.
func (s *Searcher) recencies() ([]int32, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.recency != nil {
		return s.recency, nil
	}
	name := dataName("r", -1, s.m.Hash, "txt")
	b, err := s.readFile(name)
	if err != nil {
		return nil, err
	}
	r, err := decodeVarints(string(b))
	if err != nil {
		return nil, err
	}
	if len(r) != s.m.N {
		return nil, &FormatError{File: name, What: "recency", Detail: "wrong length"}
	}
	s.recency = r
	return r, nil
}

// highlight returns text in NFC and the byte ranges of its words that match
// a query term: same fold, or for the prefix term any word it begins.
func highlight(text string, qr query, prefixMin int) (string, [][2]int) {
	text = vi.NFC(text)
	folds := map[string]bool{}
	for _, t := range qr.terms {
		folds[t.fold] = true
	}
	pre := ""
	if qr.prefix && len(qr.terms) > 0 {
		if f := qr.terms[len(qr.terms)-1].fold; runeCount(f) >= prefixMin {
			pre = f
		}
	}
	var hs [][2]int
	off := 0
	eachWord(text, func(w string) {
		i := strings.Index(text[off:], w) + off
		off = i + len(w)
		f := newToken(w).fold
		if folds[f] || pre != "" && hasPrefix(f, pre) {
			hs = append(hs, [2]int{i, off})
		}
	})
	return text, hs
}
