package search

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash/maphash"
	"math"
	"path"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// formatVersion is the manifest's "v": 4 since record text is written
// with the word dictionary of the facet file (3: a term line holds the
// postings of its fold, the variants' documents live in their own shards).
const formatVersion = 4

// Dir is the folder of the index files, relative to the site root.
const Dir = "tim-kiem/_i"

// LatestPath is the unhashed pointer file naming the current manifest.
const LatestPath = Dir + "/latest.json"

// Field weights of BM25F: a term in the title counts as five in the body.
const (
	weightTitle = 5
	weightMeta  = 2 // summary, kind, province, fields, section
	weightBody  = 1
)

// BM25 parameters.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// snippetRunes is the longest snippet source taken from a body.
const snippetRunes = 240

// sizing is how an index is cut into files.
type sizing struct {
	uni, bi, variant int // target size of a term, pair and variant shard, before gzip
	group            int // document records per record shard
}

// defaultSizing is the sizing of Build: small shards, so that a query
// downloads little besides the lines it needs, and two records per file:
// on the generated corpus of 14,400 documents, the queries typed by
// TestLargeCorpus fetch about as many bytes as with one record per file
// (the word dictionary makes up for the neighbours fetched along) from
// 7,200 fewer files; three or four per file cost 11% and 16% more bytes.
func defaultSizing() sizing {
	return sizing{uni: 2 << 10, bi: 4 << 10, variant: 1 << 10, group: 2}
}

// params are the ranking parameters, written into the manifest so that the
// Go searcher and the JavaScript client read the same numbers.
type params struct {
	Exact     int `json:"exact"`  // weight of a term in a document holding it with the typed accents (typed with accents)
	Fold      int `json:"fold"`   // weight of an accent-insensitive match
	Prefix    int `json:"prefix"` // weight of a completion of the last term
	Bigram    int `json:"bigram"` // weight of an adjacent-pair match
	IDFScale  int `json:"idf"`    // idf is rounded to 1/IDFScale
	PrefixMin int `json:"pmin"`   // shortest last term (code points) completed as a prefix
	Title     int `json:"title"`  // added to the impact of a posting whose term is in the title
}

func defaultParams() params {
	return params{Exact: 6, Fold: 3, Prefix: 2, Bigram: 3, IDFScale: 100, PrefixMin: 3, Title: impactLevels}
}

// Facet names, as used in URLs, Counts and the manifest.
const (
	FacetProvince = "tinh-thanh"
	FacetField    = "linh-vuc"
	FacetKind     = "loai-mo-hinh"
	FacetSection  = "section"
)

// manifest is the entry file of an index.
type manifest struct {
	Version int                    `json:"v"`
	N       int                    `json:"n"` // documents
	Hash    string                 `json:"h"` // fingerprint of the data files
	Uni     []string               `json:"u"` // first folded term of each term shard u{i}.{h}.txt
	Bi      []string               `json:"b"` // first pair of each pair shard b{i}.{h}.txt
	Variant int                    `json:"k"` // number of variant shards k{i}.{h}.txt
	Group   int                    `json:"g"` // documents per record shard d{i}.{h}.json
	Params  params                 `json:"p"`
	Vocab   map[string][][2]string `json:"x"` // facet → [slug, name] by value index−1
}

// facetFile is f.{h}.json: the facet values of every document, run-length
// encoded in document order as [value, count, value, count, ...]; a value
// is an index into the manifest vocabulary plus one, 0 for none. Fields
// are multi-valued: f holds an index into FieldSets.
type facetFile struct {
	Section   []int    `json:"s"`
	Province  []int    `json:"p"`
	Kind      []int    `json:"k"`
	Field     []int    `json:"f"`
	FieldSets [][]int  `json:"fs"` // sets of linh-vuc value indexes (plus one)
	Words     []string `json:"w"`  // the word dictionary of record text (see encodeWords)
}

// A BuildError reports a document that cannot be indexed.
type BuildError struct {
	Index int    // position in the docs slice
	URL   string // the document's URL
	Err   string
}

func (e *BuildError) Error() string {
	return fmt.Sprintf("search: doc %d (%q): %s", e.Index, e.URL, e.Err)
}

// vocabulary assigns facet values their indexes.
type vocabulary struct {
	slugs []string          // value index → slug, sorted
	names map[string]string // slug → first name seen
	index map[string]int    // slug → index+1
}

func newVocabulary() *vocabulary {
	return &vocabulary{names: map[string]string{}}
}

func (v *vocabulary) add(t Term) {
	if t.Slug == "" {
		return
	}
	if _, ok := v.names[t.Slug]; !ok {
		v.names[t.Slug] = t.Name
		v.slugs = append(v.slugs, t.Slug)
	}
}

func (v *vocabulary) freeze() {
	slices.Sort(v.slugs)
	v.index = make(map[string]int, len(v.slugs))
	for i, s := range v.slugs {
		v.index[s] = i + 1
	}
}

func (v *vocabulary) list() [][2]string {
	l := make([][2]string, len(v.slugs))
	for i, s := range v.slugs {
		l[i] = [2]string{s, v.names[s]}
	}
	return l
}

// docInfo is what Build derives from a Doc before tokenizing.
type docInfo struct {
	doc                       *Doc
	sec, prov, kind, fieldSet int
	date                      int // yyyymmdd, 0 if none
}

// parseDate reads "dd/mm/yyyy" as yyyymmdd, 0 when s is not such a date.
func parseDate(s string) int {
	p := strings.Split(strings.TrimSpace(s), "/")
	if len(p) != 3 {
		return 0
	}
	d, err1 := strconv.Atoi(p[0])
	m, err2 := strconv.Atoi(p[1])
	y, err3 := strconv.Atoi(p[2])
	if err1 != nil || err2 != nil || err3 != nil || d < 1 || d > 31 || m < 1 || m > 12 || y < 1 || y > 9999 {
		return 0
	}
	return y*10000 + m*100 + d
}

// Build makes the index files of docs; see the package documentation for
// their format. Documents need a non-empty, unique URL.
func Build(docs []Doc) (*Index, error) {
	return build(docs, defaultSizing())
}

func build(docs []Doc, sz sizing) (*Index, error) {
	seen := make(map[string]int, len(docs))
	for i := range docs {
		u := docs[i].URL
		if u == "" {
			return nil, &BuildError{Index: i, URL: u, Err: "empty URL"}
		}
		if j, ok := seen[u]; ok {
			return nil, &BuildError{Index: i, URL: u, Err: fmt.Sprintf("same URL as doc %d", j)}
		}
		seen[u] = i
	}

	vocab := map[string]*vocabulary{
		FacetSection: newVocabulary(), FacetProvince: newVocabulary(),
		FacetKind: newVocabulary(), FacetField: newVocabulary(),
	}
	for i := range docs {
		d := &docs[i]
		vocab[FacetSection].add(d.Section)
		vocab[FacetProvince].add(d.Province)
		vocab[FacetKind].add(d.Kind)
		for _, f := range d.Fields {
			vocab[FacetField].add(f)
		}
	}
	for _, v := range vocab {
		v.freeze()
	}

	// Field sets, and the document order: by section, kind, field set and
	// province (so that the facet columns run-length encode and documents
	// of one kind, which share words, have close numbers: postings gaps
	// are smaller than with the province first), newest first within them.
	infos := make([]docInfo, len(docs))
	setIndex := map[string]int{}
	var sets [][]int
	for i := range docs {
		d := &docs[i]
		fs := []int{}
		for _, f := range d.Fields {
			if k := vocab[FacetField].index[f.Slug]; k > 0 && !slices.Contains(fs, k) {
				fs = append(fs, k)
			}
		}
		slices.Sort(fs)
		key := fmt.Sprint(fs)
		si, ok := setIndex[key]
		if !ok {
			si = len(sets)
			setIndex[key] = si
			sets = append(sets, fs)
		}
		infos[i] = docInfo{
			doc:      d,
			sec:      vocab[FacetSection].index[d.Section.Slug],
			prov:     vocab[FacetProvince].index[d.Province.Slug],
			kind:     vocab[FacetKind].index[d.Kind.Slug],
			fieldSet: si,
			date:     parseDate(d.Date),
		}
	}
	// Renumber field sets in a canonical order so the output does not
	// depend on the input order.
	order := make([]int, len(sets))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return slices.Compare(sets[a], sets[b]) })
	renum := make([]int, len(sets))
	sortedSets := make([][]int, len(sets))
	for n, o := range order {
		renum[o] = n
		sortedSets[n] = sets[o]
	}
	for i := range infos {
		infos[i].fieldSet = renum[infos[i].fieldSet]
	}
	slices.SortFunc(infos, func(a, b docInfo) int {
		return cmp.Or(cmp.Compare(a.sec, b.sec), cmp.Compare(a.kind, b.kind),
			cmp.Compare(a.fieldSet, b.fieldSet), cmp.Compare(a.prov, b.prov),
			cmp.Compare(b.date, a.date), strings.Compare(a.doc.URL, b.doc.URL))
	})

	terms := indexTerms(infos)

	files := map[string][]byte{}
	var mf manifest
	mf.Version = formatVersion
	mf.N = len(infos)
	mf.Group = sz.group
	mf.Params = defaultParams()
	mf.Vocab = map[string][][2]string{}
	for k, v := range vocab {
		mf.Vocab[k] = v.list()
	}

	var (
		uni, bi, vars, recs [][]byte
		wg                  sync.WaitGroup
	)
	forder, rank := terms.foldOrder()
	wg.Go(func() { uni, mf.Uni, vars = terms.uniShards(forder, len(infos), mf.Params.PrefixMin, sz) })
	var words []string
	wg.Go(func() { recs, words = recordShards(infos, sz.group) })
	bi, mf.Bi = terms.biShards(rank, len(infos), sz.bi)
	wg.Wait()
	mf.Variant = len(vars)

	// Data files are named after the hash of all of them.
	type named struct {
		kind string
		i    int
		ext  string
		data []byte
	}
	var data []named
	for i, s := range uni {
		data = append(data, named{"u", i, "txt", s})
	}
	for i, s := range bi {
		data = append(data, named{"b", i, "txt", s})
	}
	for i, s := range vars {
		data = append(data, named{"k", i, "txt", s})
	}
	for i, s := range recs {
		data = append(data, named{"d", i, "json", s})
	}
	ff := facetFile{FieldSets: sortedSets, Words: words}
	ff.Section = rle(infos, func(d docInfo) int { return d.sec })
	ff.Province = rle(infos, func(d docInfo) int { return d.prov })
	ff.Kind = rle(infos, func(d docInfo) int { return d.kind })
	ff.Field = rle(infos, func(d docInfo) int { return d.fieldSet })
	fb, err := json.Marshal(ff)
	if err != nil {
		return nil, err
	}
	data = append(data, named{"f", -1, "json", fb})
	data = append(data, named{"r", -1, "txt", recency(infos)})

	h := sha256.New()
	for _, d := range data {
		fmt.Fprintf(h, "%s%d.%s %d\n", d.kind, d.i, d.ext, len(d.data))
		h.Write(d.data)
	}
	mf.Hash = hex.EncodeToString(h.Sum(nil))[:10]
	for _, d := range data {
		files[path.Join(Dir, dataName(d.kind, d.i, mf.Hash, d.ext))] = d.data
	}
	mb, err := json.Marshal(mf)
	if err != nil {
		return nil, err
	}
	ms := sha256.Sum256(mb)
	mname := path.Join(Dir, "m."+hex.EncodeToString(ms[:])[:10]+".json")
	files[mname] = mb
	lb, err := json.Marshal(map[string]string{"manifest": path.Base(mname)})
	if err != nil {
		return nil, err
	}
	files[LatestPath] = lb
	return &Index{Files: files, ManifestPath: mname}, nil
}

// dataName names a data file of an index: u3.HASH.txt, or f.HASH.json for
// the single files (i < 0). The client builds the same names.
func dataName(kind string, i int, hash, ext string) string {
	if i < 0 {
		return kind + "." + hash + "." + ext
	}
	return kind + strconv.Itoa(i) + "." + hash + "." + ext
}

// rle run-length encodes a facet column.
func rle(infos []docInfo, val func(docInfo) int) []int {
	out := []int{}
	for i, d := range infos {
		v := val(d)
		if i > 0 && out[len(out)-2] == v {
			out[len(out)-1]++
			continue
		}
		out = append(out, v, 1)
	}
	return out
}

// recency is r.{h}.txt: each document's rank by date (1 = oldest date, 0 =
// no date), as numbers in the postings encoding, in document order. Browsing
// by filters alone lists the newest first.
func recency(infos []docInfo) []byte {
	var dates []int
	for _, d := range infos {
		if d.date > 0 {
			dates = append(dates, d.date)
		}
	}
	slices.Sort(dates)
	dates = slices.Compact(dates)
	b := make([]byte, 0, 3*len(infos))
	for _, d := range infos {
		r := 0
		if d.date > 0 {
			i, _ := slices.BinarySearch(dates, d.date)
			r = i + 1
		}
		b = appendVarint(b, uint32(r))
	}
	return b
}

// recordShards are d{i}.{h}.json: JSON arrays of [url, title, date,
// snippet source] for group documents each, the title and snippet source
// written with the word dictionary it returns (see encodeWords).
func recordShards(infos []docInfo, group int) ([][]byte, []string) {
	texts := make([]string, 0, 2*len(infos))
	for _, in := range infos {
		texts = append(texts, in.doc.Title, snippetSource(in.doc))
	}
	words := recordWords(texts)
	code := make(map[string]int, len(words))
	for i, w := range words {
		code[w] = i
	}
	var out [][]byte
	for i := 0; i < len(infos); i += group {
		end := min(i+group, len(infos))
		recs := make([][4]string, 0, end-i)
		for j, in := range infos[i:end] {
			d := in.doc
			recs = append(recs, [4]string{d.URL, encodeWords(texts[2*(i+j)], code), d.Date, encodeWords(texts[2*(i+j)+1], code)})
		}
		b, _ := json.Marshal(recs) // strings only: cannot fail
		out = append(out, b)
	}
	return out, words
}

// snippetSource is the text results show under the title: the summary, or
// else the beginning of the body cut at a word boundary.
func snippetSource(d *Doc) string {
	if s, _ := squeeze(d.Summary, -1); s != "" {
		return s
	}
	body, n := squeeze(d.Body, snippetRunes)
	if n <= snippetRunes {
		return body
	}
	n = 0
	cut := len(body)
	for i := range body {
		if n == snippetRunes {
			cut = i
			break
		}
		n++
	}
	if sp := strings.LastIndexByte(body[:cut], ' '); sp > 0 {
		cut = sp
	}
	return body[:cut] + "…"
}

// squeeze joins the words of s (as strings.Fields) with single spaces,
// stopping once more than limit runes are joined when limit ≥ 0. It
// returns the text and its length in runes.
func squeeze(s string, limit int) (string, int) {
	var b strings.Builder
	n := 0
	for f := range strings.FieldsSeq(s) {
		if limit >= 0 && n > limit {
			break
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
			n++
		}
		b.WriteString(f)
		n += utf8.RuneCountInString(f)
	}
	return b.String(), n
}

// A segment is one run of text indexed with one weight; pairs do not
// cross segments.
type segment struct {
	text   string
	weight uint32
	title  bool
}

func segments(d *Doc) []segment {
	s := []segment{{d.Title, weightTitle, true}, {d.Summary, weightMeta, false}, {d.Kind.Name, weightMeta, false},
		{d.Province.Name, weightMeta, false}, {d.Section.Name, weightMeta, false}}
	for _, f := range d.Fields {
		s = append(s, segment{f.Name, weightMeta, false})
	}
	return append(s, segment{d.Body, weightBody, false})
}

// inTitle marks, in a lexicon's per-document accumulator of a term, that
// the term is in the title; the other bits hold its weighted frequency.
const inTitle = 1 << 31

// A lexicon interns the words one worker meets and collects the postings
// of the documents it scans; ids are local to it.
type lexicon struct {
	raw    pairTable // maphash of a word as written → index in rawWords, plus one
	rawIDs []int32   // index in rawWords → variant id
	rawWds []string  // words as written
	seed   maphash.Seed
	keyID  map[string]int32 // Key form → variant id
	keys   []string         // variant id → Key form
	vfold  []int32          // variant id → fold id
	foldID map[string]int32
	folds  []string
	pairID pairTable // fold id pair → pair id
	pairs  []uint64
	hint   []pairHint // per fold: the last pair it began
	spans  []int32    // scratch for eachWordBuf
	uacc   []uint32   // per variant: weighted tf in the current doc | inTitle
	bacc   []uint32   // per pair: weighted tf in the current doc | inTitle
	utouch []int32
	btouch []int32
	uni    postings // per variant
	bi     postings // per pair
}

func newLexicon() *lexicon {
	return &lexicon{seed: maphash.MakeSeed(), keyID: map[string]int32{}, foldID: map[string]int32{}}
}

func (lx *lexicon) variant(w string) int32 {
	h := maphash.String(lx.seed, w)
	slot := lx.raw.find(h)
	for lx.raw.val(slot) != 0 {
		if r := lx.raw.val(slot) - 1; lx.rawWds[r] == w {
			return lx.rawIDs[r]
		}
		// A 64-bit hash collision: probe on past the other word.
		slot = lx.raw.findAfter(h, slot)
	}
	id := lx.newVariant(w)
	lx.raw.insert(slot, h, int32(len(lx.rawWds))+1)
	lx.rawWds = append(lx.rawWds, strings.Clone(w))
	lx.rawIDs = append(lx.rawIDs, id)
	return id
}

// newVariant interns the Key form of a word not seen as written.
func (lx *lexicon) newVariant(w string) int32 {
	t := newToken(w)
	id, ok := lx.keyID[t.key]
	if !ok {
		id = int32(len(lx.keys))
		lx.keyID[t.key] = id
		lx.keys = append(lx.keys, t.key)
		f, ok := lx.foldID[t.fold]
		if !ok {
			f = int32(len(lx.folds))
			lx.foldID[t.fold] = f
			lx.folds = append(lx.folds, t.fold)
			lx.hint = append(lx.hint, pairHint{-1, -1})
		}
		lx.vfold = append(lx.vfold, f)
		lx.uacc = append(lx.uacc, 0)
		lx.uni.newTerm()
	}
	return id
}

// pair returns the id of the pair of folds f1 f2.
func (lx *lexicon) pair(f1, f2 int32) int32 {
	h := &lx.hint[f1]
	if h.f2 == f2 {
		return h.id
	}
	k := uint64(uint32(f1))<<32 | uint64(uint32(f2))
	slot := lx.pairID.find(k)
	if v := lx.pairID.val(slot); v > 0 {
		*h = pairHint{f2, v - 1}
		return v - 1
	}
	id := int32(len(lx.pairs))
	*h = pairHint{f2, id}
	lx.pairID.insert(slot, k, id+1)
	lx.pairs = append(lx.pairs, k)
	lx.bacc = append(lx.bacc, 0)
	lx.bi.newTerm()
	return id
}

// A pairHint caches the pair last found for a first fold: in running text
// a word is often followed by the same word as last time.
type pairHint struct{ f2, id int32 }

// forget drops what only scanning needs, keeping the terms and postings.
func (lx *lexicon) forget() {
	lx.raw, lx.pairID, lx.hint = pairTable{}, pairTable{}, nil
	lx.rawIDs, lx.rawWds, lx.keyID, lx.foldID = nil, nil, nil, nil
	lx.spans, lx.uacc, lx.bacc, lx.utouch, lx.btouch = nil, nil, nil, nil, nil
}

// pairTable is an open-addressing hash table from uint64 keys to positive
// int32 values (0 marks an empty slot); a Go map is twice as slow here.
// A key and its value share a slot, so a probe touches one cache line.
type pairTable struct {
	slots []slot
	n     int
}

type slot struct {
	key uint64
	val int32
}

// find returns the slot of k: its own, or the empty slot to insert it in.
func (t *pairTable) find(k uint64) int {
	if len(t.slots) == 0 {
		t.slots = make([]slot, 1<<12)
	}
	mask := uint64(len(t.slots) - 1)
	i := (k * 0x9E3779B97F4A7C15) >> 20 & mask
	for s := &t.slots[i]; s.val != 0 && s.key != k; s = &t.slots[i] {
		i = (i + 1) & mask
	}
	return int(i)
}

// findAfter continues the probe for k after slot.
func (t *pairTable) findAfter(k uint64, i int) int {
	mask := len(t.slots) - 1
	i = (i + 1) & mask
	for s := &t.slots[i]; s.val != 0 && s.key != k; s = &t.slots[i] {
		i = (i + 1) & mask
	}
	return i
}

// val is the value in slot i, 0 if it is empty.
func (t *pairTable) val(i int) int32 { return t.slots[i].val }

// insert stores k → v in the empty slot found by find.
func (t *pairTable) insert(i int, k uint64, v int32) {
	t.slots[i] = slot{k, v}
	t.n++
	if 2*t.n < len(t.slots) {
		return
	}
	old := t.slots
	t.slots = make([]slot, 2*len(old))
	for _, s := range old {
		if s.val != 0 {
			t.slots[t.find(s.key)] = s
		}
	}
}

// scan indexes document number doc, appending its postings, and returns
// its weighted length. A worker scans documents in increasing order.
func (lx *lexicon) scan(d *Doc, doc int32) (length uint32) {
	for _, seg := range segments(d) {
		prevFold := int32(-1)
		title := uint32(0)
		if seg.title {
			title = inTitle
		}
		lx.spans = eachWordBuf(seg.text, lx.spans, func(w string) {
			v := lx.variant(w)
			if lx.uacc[v] == 0 {
				lx.utouch = append(lx.utouch, v)
			}
			lx.uacc[v] = (lx.uacc[v] + seg.weight) | title
			length += seg.weight
			f := lx.vfold[v]
			if prevFold >= 0 {
				p := lx.pair(prevFold, f)
				if lx.bacc[p] == 0 {
					lx.btouch = append(lx.btouch, p)
				}
				lx.bacc[p] = (lx.bacc[p] + seg.weight) | title
			}
			prevFold = f
		})
	}
	for _, v := range lx.utouch {
		lx.uni.add(v, doc, lx.uacc[v])
		lx.uacc[v] = 0
	}
	for _, p := range lx.btouch {
		lx.bi.add(p, doc, lx.bacc[p])
		lx.bacc[p] = 0
	}
	lx.utouch, lx.btouch = lx.utouch[:0], lx.btouch[:0]
	return length
}

// termIndex is the inverted index: the terms in global ids, their postings
// still in the lexicons of the workers that scanned them.
type termIndex struct {
	keys  []string // variant → Key form
	vfold []int32  // variant → fold
	folds []string // fold id → folded form
	pairs []uint64 // pair id → fold ids fold1<<32 | fold2
	lexes []*lexicon
	// uniSrc[w][v] is the id of variant v in lexes[w], −1 if it has none;
	// biSrc likewise for pairs.
	uniSrc, biSrc [][]int32
	norm          []float64 // per document: k1·(1 − b + b·length/average length)
}

// indexTerms tokenizes the documents in parallel, each worker taking
// chunks of documents in increasing order, and merges the workers' terms.
func indexTerms(infos []docInfo) *termIndex {
	n := len(infos)
	workers := max(1, min(runtime.GOMAXPROCS(0), n/64+1))
	lexes := make([]*lexicon, workers)
	lengths := make([]uint32, n)
	var next atomic.Int64
	var wg sync.WaitGroup
	const chunk = 32
	for w := range workers {
		lx := newLexicon()
		lexes[w] = lx
		wg.Go(func() {
			for {
				start := int(next.Add(chunk)) - chunk
				if start >= n {
					return
				}
				for i := start; i < min(start+chunk, n); i++ {
					lengths[i] = lx.scan(infos[i].doc, int32(i))
				}
			}
		})
	}
	wg.Wait()

	// Merge the lexicons.
	ti := &termIndex{lexes: lexes}
	keyID := map[string]int32{}
	foldID := map[string]int32{}
	var pairID pairTable
	vmap := make([][]int32, workers) // local variant → global
	pmap := make([][]int32, workers) // local pair → global
	for w, lx := range lexes {
		fmap := make([]int32, len(lx.folds))
		for i, f := range lx.folds {
			g, ok := foldID[f]
			if !ok {
				g = int32(len(ti.folds))
				foldID[f] = g
				ti.folds = append(ti.folds, f)
			}
			fmap[i] = g
		}
		vmap[w] = make([]int32, len(lx.keys))
		for i, k := range lx.keys {
			g, ok := keyID[k]
			if !ok {
				g = int32(len(ti.keys))
				keyID[k] = g
				ti.keys = append(ti.keys, k)
				ti.vfold = append(ti.vfold, fmap[lx.vfold[i]])
			}
			vmap[w][i] = g
		}
		pmap[w] = make([]int32, len(lx.pairs))
		for i, p := range lx.pairs {
			gk := uint64(uint32(fmap[p>>32]))<<32 | uint64(uint32(fmap[uint32(p)]))
			slot := pairID.find(gk)
			g := pairID.val(slot) - 1
			if g < 0 {
				g = int32(len(ti.pairs))
				pairID.insert(slot, gk, g+1)
				ti.pairs = append(ti.pairs, gk)
			}
			pmap[w][i] = g
		}
		lx.forget()
	}
	inverse := func(m []int32, n int) []int32 {
		inv := make([]int32, n)
		for i := range inv {
			inv[i] = -1
		}
		for l, g := range m {
			inv[g] = int32(l)
		}
		return inv
	}
	for w := range lexes {
		ti.uniSrc = append(ti.uniSrc, inverse(vmap[w], len(ti.keys)))
		ti.biSrc = append(ti.biSrc, inverse(pmap[w], len(ti.pairs)))
	}

	var total float64
	for _, l := range lengths {
		total += float64(l)
	}
	avg := max(total/float64(max(n, 1)), 1)
	ti.norm = make([]float64, n)
	for d, l := range lengths {
		ti.norm[d] = bm25K1 * (1 - bm25B + bm25B*float64(l)/avg)
	}
	return ti
}

// A gatherer collects the postings of terms from the workers' lexicons
// into document order; its buffers are reused from term to term.
type gatherer struct {
	ti     *termIndex
	docs   []uint32 // documents of the terms added since reset, each term's in increasing order
	wtfs   []uint32 // their weighted frequencies
	titles []bool   // whether the term is in the document's title
	tdocs  []uint32
	twtfs  []uint32
	ttits  []bool
	ends   []int // end of each worker's run in tdocs
	heads  []int
	// Sums over several terms (a fold's variants), per document.
	mark    []int32 // per document: gen when last touched
	gen     int32
	sumWTF  []uint32
	sumT    []bool
	touched []uint32
	imps    []uint8 // impacts of the list made by union or list
}

func (ti *termIndex) gatherer(n int) *gatherer {
	return &gatherer{ti: ti, mark: make([]int32, n), sumWTF: make([]uint32, n), sumT: make([]bool, n)}
}

func (g *gatherer) reset() { g.docs, g.wtfs, g.titles = g.docs[:0], g.wtfs[:0], g.titles[:0] }

// add appends the postings of term id (a variant when uni is set, else a
// pair) to g.docs, g.wtfs and g.titles, in increasing document order.
func (g *gatherer) add(id int32, uni bool) {
	g.tdocs, g.twtfs, g.ttits, g.ends = g.tdocs[:0], g.twtfs[:0], g.ttits[:0], g.ends[:0]
	for w, lx := range g.ti.lexes {
		var l int32
		var p *postings
		if uni {
			l, p = g.ti.uniSrc[w][id], &lx.uni
		} else {
			l, p = g.ti.biSrc[w][id], &lx.bi
		}
		if l < 0 {
			continue
		}
		r := p.reader(l)
		for {
			doc, wtf, title, ok := r.next()
			if !ok {
				break
			}
			g.tdocs = append(g.tdocs, uint32(doc))
			g.twtfs = append(g.twtfs, wtf)
			g.ttits = append(g.ttits, title)
		}
		g.ends = append(g.ends, len(g.tdocs))
	}
	if len(g.ends) <= 1 {
		g.docs = append(g.docs, g.tdocs...)
		g.wtfs = append(g.wtfs, g.twtfs...)
		g.titles = append(g.titles, g.ttits...)
		return
	}
	// Each worker's run is in order: merge them.
	g.heads = g.heads[:0]
	start := 0
	for _, e := range g.ends {
		g.heads = append(g.heads, start)
		start = e
	}
	for range g.tdocs {
		best := -1
		for k, h := range g.heads {
			if h < g.ends[k] && (best < 0 || g.tdocs[h] < g.tdocs[g.heads[best]]) {
				best = k
			}
		}
		h := g.heads[best]
		g.docs = append(g.docs, g.tdocs[h])
		g.wtfs = append(g.wtfs, g.twtfs[h])
		g.titles = append(g.titles, g.ttits[h])
		g.heads[best]++
	}
}

// list sets g.imps to the impacts of the single term added since reset
// and returns its documents.
func (g *gatherer) list() []uint32 {
	g.imps = g.imps[:0]
	for i, d := range g.docs {
		imp := impact(g.wtfs[i], g.ti.norm[d])
		if g.titles[i] {
			imp |= titleFlag
		}
		g.imps = append(g.imps, imp)
	}
	return g.docs
}

// union returns the documents holding any of the terms added since reset,
// in increasing order, and sets g.imps to their impacts: the BM25 factor
// of the sum of the terms' frequencies, in the title when any term is.
func (g *gatherer) union() []uint32 {
	g.gen++
	g.touched = g.touched[:0]
	for i, d := range g.docs {
		if g.mark[d] != g.gen {
			g.mark[d] = g.gen
			g.sumWTF[d], g.sumT[d] = 0, false
			g.touched = append(g.touched, d)
		}
		g.sumWTF[d] += g.wtfs[i]
		g.sumT[d] = g.sumT[d] || g.titles[i]
	}
	slices.Sort(g.touched)
	g.imps = g.imps[:0]
	for _, d := range g.touched {
		imp := impact(g.sumWTF[d], g.ti.norm[d])
		if g.sumT[d] {
			imp |= titleFlag
		}
		g.imps = append(g.imps, imp)
	}
	return g.touched
}

// impact quantizes the BM25 term-frequency factor tf·(k1+1)/(tf+norm),
// which lies in (0, k1+1), to 1..impactLevels.
func impact(wtf uint32, norm float64) uint8 {
	// x/(k1+1) = tf/(tf+norm)
	q := int(math.Ceil(impactLevels * float64(wtf) / (float64(wtf) + norm)))
	return uint8(min(max(q, 1), impactLevels))
}

// shardWriter cuts sorted lines into shards of about target bytes: a line
// that would overflow a non-empty shard starts the next one. Each shard is
// found by its separator: the shortest beginning of its first term (in
// whole code points) that sorts after the last term of the shard before.
type shardWriter struct {
	target int
	shards [][]byte
	firsts []string // separators
	cur    []byte
	last   string // term of the last line added
}

// add appends a line whose term is line[:termLen].
func (w *shardWriter) add(line []byte, termLen int) {
	if len(w.cur) > 0 && len(w.cur)+len(line) > w.target {
		w.shards = append(w.shards, w.cur)
		w.cur = nil
	}
	term := string(line[:termLen])
	if len(w.cur) == 0 {
		sep := term
		if len(w.shards) > 0 {
			for i := range term {
				if i > 0 && jsCompare(term[:i], w.last) > 0 {
					sep = term[:i]
					break
				}
			}
		} else {
			sep = ""
		}
		w.firsts = append(w.firsts, sep)
		w.cur = make([]byte, 0, max(w.target+w.target/8, len(line)))
	}
	w.cur = append(w.cur, line...)
	w.last = term
}

func (w *shardWriter) done() ([][]byte, []string) {
	if len(w.cur) > 0 || len(w.shards) == 0 {
		if len(w.cur) == 0 {
			w.firsts = append(w.firsts, "")
		}
		w.shards = append(w.shards, w.cur)
	}
	return w.shards, w.firsts
}

// foldOrder returns the fold ids sorted by fold (UTF-16 order) and the rank
// of each fold in that order.
func (ti *termIndex) foldOrder() (order, rank []int32) {
	order = make([]int32, len(ti.folds))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return jsCompare(ti.folds[a], ti.folds[b]) })
	rank = make([]int32, len(order))
	for r, f := range order {
		rank[f] = int32(r)
	}
	return order, rank
}

// variantShard is the variant shard of key among k: FNV-1a of its UTF-16
// code units, modulo k. The client computes the same.
func variantShard(key string, k int) int {
	h := uint32(2166136261)
	for _, r := range key {
		if r >= 0x10000 {
			r -= 0x10000
			for _, u := range [2]uint32{0xD800 + uint32(r>>10), 0xDC00 + uint32(r&0x3FF)} {
				h = (h ^ u) * 16777619
			}
			continue
		}
		h = (h ^ uint32(r)) * 16777619
	}
	return int(h % uint32(max(k, 1)))
}

// uniShards writes the term shards and the variant shards.
//
// Term shards hold lines "fold TAB df TAB keys TAB postings" sorted by
// fold, where keys are the fold's variants (Key forms, sorted, the fold
// itself written as "") joined by spaces and the postings those of the
// fold, any variant counting. For every prefix p of pmin code points or
// more of a longer fold, a line "p* TAB df TAB TAB postings" holds the
// postings of its completions taken together (the folds it begins, but p),
// as if they were one word; when p has one completion c the line is
// "p* TAB >c" instead. Since '*' sorts below every character of a fold,
// "p*" comes right after p and before its completions.
//
// Variant shards hold lines "key TAB positions" for each variant with
// marks of a fold that has more than one, in the shard variantShard(key),
// where positions are the indexes in the fold's postings of the documents
// holding the variant (appendPresence among df).
//
// It returns the term shards, the first term of each and the variant
// shards.
func (ti *termIndex) uniShards(order []int32, n, pmin int, sz sizing) (uni [][]byte, firsts []string, vars [][]byte) {
	byFold := make([][]int32, len(ti.folds))
	for v, f := range ti.vfold {
		byFold[f] = append(byFold[f], int32(v))
	}
	g := ti.gatherer(n)
	var ends []int
	var pos []uint32
	type termLine struct {
		term string
		line []byte
	}
	var lines []termLine
	var vlines []termLine
	vbytes := 0
	// Open prefixes of the current fold, shortest first.
	var stack []*prefixAcc
	var pool []*prefixAcc
	closeTo := func(depth int) {
		for len(stack) > depth {
			pa := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if pa.completions > 0 {
				lines = append(lines, termLine{pa.prefix + "*", pa.line(ti, n)})
			}
			pool = append(pool, pa)
		}
	}
	for _, f := range order {
		fold := ti.folds[f]
		// Keep the open prefixes that begin this fold; open its others.
		keep := 0
		for keep < len(stack) && strings.HasPrefix(fold, stack[keep].prefix) && len(fold) > len(stack[keep].prefix) {
			keep++
		}
		closeTo(keep)
		for i := range fold {
			if i > 0 && utf8.RuneCountInString(fold[:i]) >= pmin && (len(stack) == 0 || i > len(stack[len(stack)-1].prefix)) {
				var pa *prefixAcc
				if len(pool) > 0 {
					pa, pool = pool[len(pool)-1], pool[:len(pool)-1]
				} else {
					pa = &prefixAcc{mark: make([]bool, n), wtf: make([]uint32, n), title: make([]bool, n)}
				}
				pa.reset(fold[:i])
				stack = append(stack, pa)
			}
		}

		vs := byFold[f]
		slices.SortFunc(vs, func(a, b int32) int { return jsCompare(ti.keys[a], ti.keys[b]) })
		g.reset()
		ends = ends[:0]
		for _, v := range vs {
			g.add(v, true)
			ends = append(ends, len(g.docs))
		}
		for _, pa := range stack {
			pa.add(fold, g.docs, g.wtfs, g.titles)
		}
		var docs []uint32
		if len(vs) > 1 {
			docs = g.union()
			start := 0
			for i, v := range vs {
				if k := ti.keys[v]; k != fold {
					// The variant's documents, as positions in the fold's.
					pos = pos[:0]
					j := 0
					for _, d := range g.docs[start:ends[i]] {
						for docs[j] != d {
							j++
						}
						pos = append(pos, uint32(j))
					}
					l := append([]byte(k), '\t')
					l = appendPresence(l, pos, len(docs))
					l = append(l, '\n')
					vlines = append(vlines, termLine{k, l})
					vbytes += len(l)
				}
				start = ends[i]
			}
		} else {
			docs = g.list()
		}
		df := len(docs)
		line := append([]byte(nil), fold...)
		line = append(line, '\t')
		line = strconv.AppendInt(line, int64(df), 10)
		line = append(line, '\t')
		for i, v := range vs {
			if i > 0 {
				line = append(line, ' ')
			}
			if k := ti.keys[v]; k != fold {
				line = append(line, k...)
			}
		}
		line = append(line, '\t')
		line = appendPostings(line, docs, g.imps, levels(df, n), n)
		line = append(line, '\n')
		lines = append(lines, termLine{fold, line})
	}
	closeTo(0)
	slices.SortStableFunc(lines, func(a, b termLine) int { return jsCompare(a.term, b.term) })
	w := shardWriter{target: sz.uni}
	for _, l := range lines {
		w.add(l.line, len(l.term))
	}
	uni, firsts = w.done()
	if len(vlines) > 0 {
		vars = make([][]byte, max(1, (vbytes+sz.variant-1)/sz.variant))
		for _, l := range vlines {
			i := variantShard(l.term, len(vars))
			vars[i] = append(vars[i], l.line...)
		}
	}
	return uni, firsts, vars
}

// A prefixAcc sums the postings of the folds a prefix begins.
type prefixAcc struct {
	prefix      string
	completions int
	first       string // the first completion
	mark        []bool // per document: touched
	wtf         []uint32
	title       []bool
	touched     []uint32
}

func (pa *prefixAcc) reset(prefix string) {
	for _, d := range pa.touched {
		pa.mark[d], pa.wtf[d], pa.title[d] = false, 0, false
	}
	pa.prefix, pa.completions, pa.first, pa.touched = prefix, 0, "", pa.touched[:0]
}

// add adds the postings of a fold the prefix begins.
func (pa *prefixAcc) add(fold string, docs, wtfs []uint32, titles []bool) {
	if pa.completions == 0 {
		pa.first = fold
	}
	pa.completions++
	for i, d := range docs {
		if !pa.mark[d] {
			pa.mark[d] = true
			pa.touched = append(pa.touched, d)
		}
		pa.wtf[d] += wtfs[i]
		pa.title[d] = pa.title[d] || titles[i]
	}
}

// line returns the prefix's line: its postings, or a pointer to its only
// completion.
func (pa *prefixAcc) line(ti *termIndex, n int) []byte {
	line := append([]byte(pa.prefix), '*', '\t')
	if pa.completions == 1 {
		line = append(line, '>')
		line = append(line, pa.first...)
		return append(line, '\n')
	}
	slices.Sort(pa.touched)
	df := len(pa.touched)
	line = strconv.AppendInt(line, int64(df), 10)
	line = append(line, '\t', '\t')
	line = appendPresence(line, pa.touched, n)
	return append(line, '\n')
}

// biShards writes the pair shards: lines "fold1 fold2 TAB df TAB TAB
// postings" sorted like the term shards. Since a space sorts below every
// character of a fold, the order of the pairs is that of (rank of fold1,
// rank of fold2).
func (ti *termIndex) biShards(rank []int32, n, target int) ([][]byte, []string) {
	// Bucket the pairs by the rank of their first fold, then sort each
	// bucket by the rank of the second.
	off := make([]int32, len(rank)+1)
	for _, p := range ti.pairs {
		off[rank[p>>32]+1]++
	}
	for i := 1; i < len(off); i++ {
		off[i] += off[i-1]
	}
	sorted := make([]int32, len(ti.pairs))
	pos := slices.Clone(off)
	for id, p := range ti.pairs {
		r := rank[p>>32]
		sorted[pos[r]] = int32(id)
		pos[r]++
	}
	for r := 0; r+1 < len(off); r++ {
		b := sorted[off[r]:off[r+1]]
		if len(b) > 1 {
			slices.SortFunc(b, func(x, y int32) int { return cmp.Compare(rank[uint32(ti.pairs[x])], rank[uint32(ti.pairs[y])]) })
		}
	}
	w := shardWriter{target: target}
	g := ti.gatherer(n)
	var line []byte
	for _, id := range sorted {
		p := ti.pairs[id]
		g.reset()
		g.add(id, false)
		docs := g.list()
		line = append(line[:0], ti.folds[p>>32]...)
		line = append(line, ' ')
		line = append(line, ti.folds[uint32(p)]...)
		termLen := len(line)
		line = append(line, '\t')
		line = strconv.AppendInt(line, int64(len(docs)), 10)
		line = append(line, "\t\t"...)
		line = appendPostings(line, docs, g.imps, levels(len(docs), n), n)
		line = append(line, '\n')
		w.add(line, termLen)
	}
	return w.done()
}
