package corpus

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/lantoa/lantoa/internal/vi"
)

// Sections.
const (
	sectionModels    = "mo-hinh"
	sectionExemplars = "dien-hinh"
	sectionNews      = "tin-tuc"
)

// Limits of the content contract and of the generator.
const (
	maxTitle   = 120 // runes
	maxSummary = 300 // runes
	maxSlug    = 80  // bytes
	minWords   = 430 // body word targets, inside the brief's 400..900
	maxWords   = 820
	hardWords  = 890 // fill never goes past this
	imageName  = "anh-bia.jpg"
)

// The random streams of a story: one per phase, so that a change in one
// phase does not shift the numbers of the others.
const (
	streamPlan = iota
	streamLinks
	streamBody
	streamImage
)

// firstDay and lastDay bound the dates of stories, inclusive.
func firstDay() time.Time { return time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC) }
func lastDay() time.Time  { return time.Date(2026, 10, 31, 0, 0, 0, 0, time.UTC) }

// A site is the plan of a corpus: every story's metadata, decided before
// any body is written, so that links and models: lists can name any story.
type site struct {
	o          Options
	b          *bank
	v          *vocab
	kindTotal  int // sum of the kinds' weights
	models     []*story
	exemplars  []*story
	news       []*story
	byProvince map[string][]*story // models by province
}

// A story is one generated page.
type story struct {
	section string
	index   int // within its section
	slug    string
	bundle  bool
	kind    *kindSpec
	t       *text // the story's variables; its rand is replaced per phase

	title, summary     string
	date, lastmod      time.Time // lastmod is zero when unset
	province, locality string
	fields, tags       []string
	results            [][2]string
	contact            string
	started            int
	replications       int
	members            int

	recipient string // exemplars: "tap-the" or "ca-nhan"
	award     string
	awardYear int
	models    []*story // exemplars: related models
	links     []*story // models linked from the body
	imageAlt  string
}

// rand returns the random stream of st for a phase.
func (s *site) rand(st *story, phase int) *rand.Rand {
	sec := uint64(1)
	switch st.section {
	case sectionExemplars:
		sec = 2
	case sectionNews:
		sec = 3
	}
	seed := mix(uint64(s.o.Seed))
	id := sec<<48 | uint64(phase)<<40 | uint64(st.index)
	return rand.New(rand.NewPCG(seed, mix(seed^mix(id))))
}

// mix is the SplitMix64 finalizer: it spreads nearby seeds apart.
func mix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// plan decides every story's metadata.
func plan(o Options, v *vocab, b *bank) *site {
	s := &site{o: o, b: b, v: v, byProvince: make(map[string][]*story)}
	for _, k := range b.kinds {
		s.kindTotal += k.weight
	}
	used := make(map[string]bool, o.Models)
	for i := range o.Models {
		st := s.planModel(i)
		st.slug = unique(used, st.slug)
		st.bundle = i < o.Images
		s.models = append(s.models, st)
		s.byProvince[st.province] = append(s.byProvince[st.province], st)
	}
	for _, st := range s.models {
		s.planLinks(st)
	}
	used = make(map[string]bool, o.Exemplars)
	for i := range o.Exemplars {
		st := s.planExemplar(i)
		st.slug = unique(used, st.slug)
		s.exemplars = append(s.exemplars, st)
	}
	used = make(map[string]bool, o.News)
	for i := range o.News {
		st := s.planNews(i)
		st.slug = unique(used, st.slug)
		s.news = append(s.news, st)
	}
	return s
}

// unique returns slug, or slug-2, slug-3... if taken, and marks it used.
func unique(used map[string]bool, slug string) string {
	u := slug
	for n := 2; used[u]; n++ {
		u = slug + "-" + strconv.Itoa(n)
	}
	used[u] = true
	return u
}

// slugOf returns vi.Slug(s) cut at a hyphen to at most maxSlug bytes, or
// fallback if s has nothing to transliterate.
func slugOf(s, fallback string) string {
	sl := vi.Slug(s)
	if sl == "" {
		return fallback
	}
	if len(sl) > maxSlug {
		sl = sl[:maxSlug]
		if i := strings.LastIndexByte(sl, '-'); i > 0 {
			sl = sl[:i]
		}
		sl = strings.TrimRight(sl, "-")
	}
	return sl
}

// pickKind returns a kind at random, by weight.
func (s *site) pickKind(r *rand.Rand) *kindSpec {
	n := r.IntN(s.kindTotal)
	for i := range s.b.kinds {
		k := &s.b.kinds[i]
		if n < k.weight {
			return k
		}
		n -= k.weight
	}
	return &s.b.kinds[0]
}

// pickProvince returns a province of the vocabulary where kind k is found.
func (s *site) pickProvince(r *rand.Rand, k *kindSpec) string {
	if len(k.provinces) > 0 {
		var ok []string
		for _, p := range s.v.provinces {
			if slices.Contains(k.provinces, p) {
				ok = append(ok, p)
			}
		}
		if len(ok) > 0 {
			return pick(r, ok)
		}
	}
	return pick(r, s.v.provinces)
}

// pickDate returns a day in firstDay..lastDay.
func pickDate(r *rand.Rand) time.Time {
	days := int(lastDay().Sub(firstDay()).Hours()/24) + 1
	return firstDay().AddDate(0, 0, r.IntN(days))
}

// pickLastmod returns a day after d and not after lastDay, or the zero
// time (no lastmod) most of the time.
func pickLastmod(r *rand.Rand, d time.Time) time.Time {
	if r.IntN(100) >= 15 || !d.Before(lastDay()) {
		return time.Time{}
	}
	l := d.AddDate(0, 0, 1+r.IntN(300))
	if l.After(lastDay()) {
		l = lastDay()
	}
	return l
}

// A locality is where a story happens.
type locality struct {
	place      string // the commune or ward: "xã Tân Mỹ"
	hamlet     string // the village or block: "thôn Đông Hòa", "tổ dân phố số 5"
	hamletType string // "thôn", "tổ dân phố"...
	slugPlace  string // the part of the slug: the hamlet if it has a name
	value      string // the locality: front matter value
}

// pickLocality invents a locality in province p, with the words of its
// region.
func (s *site) pickLocality(r *rand.Rand, p string, k *kindSpec) locality {
	b := s.b
	name := func() string {
		a := pick(r, b.nameSyllables)
		c := pick(r, b.nameSyllables)
		for c == a {
			c = pick(r, b.nameSyllables)
		}
		return a + " " + c
	}
	var l locality
	urban := r.IntN(100) < 30
	if slices.Contains(b.cities, p) {
		urban = r.IntN(100) < 85
	}
	isSouth := slices.Contains(b.south, p)
	if urban {
		l.place = "phường " + name()
	} else {
		l.place = "xã " + name()
	}
	named := true
	switch {
	case k.industry:
		l.hamletType = "khu nhà trọ"
		l.hamlet = pick(r, []string{"khu công nghiệp ", "cụm công nghiệp "}) + name()
	case urban && isSouth:
		l.hamletType = "khu phố"
		l.hamlet = "khu phố " + strconv.Itoa(1+r.IntN(12))
		named = false
	case urban:
		l.hamletType = "tổ dân phố"
		if r.IntN(2) == 0 {
			l.hamlet = "tổ dân phố số " + strconv.Itoa(1+r.IntN(30))
			named = false
		} else {
			l.hamlet = "tổ dân phố " + name()
		}
	case slices.Contains(b.mountainNorth, p):
		l.hamletType = "bản"
		if r.IntN(2) == 0 {
			l.hamlet = "bản " + pick(r, b.banFirst) + " " + pick(r, b.banSecond)
		} else {
			l.hamlet = "bản " + pick(r, b.banFirst) + " " + pick(r, b.syllables)
		}
	case slices.Contains(b.highlands, p) && r.IntN(2) == 0:
		l.hamletType = pick(r, []string{"buôn", "làng"})
		if r.IntN(2) == 0 {
			l.hamlet = l.hamletType + " " + pick(r, b.buonFirst) + " " + pick(r, b.buonSecond)
		} else {
			l.hamlet = l.hamletType + " " + pick(r, b.buonFirst) + " " + pick(r, b.syllables)
		}
	case isSouth:
		l.hamletType = "ấp"
		l.hamlet = "ấp " + name()
	default:
		l.hamletType = pick(r, []string{"thôn", "thôn", "thôn", "làng", "xóm"})
		l.hamlet = l.hamletType + " " + name()
	}
	l.slugPlace = l.place
	if named {
		l.slugPlace = l.hamlet
	}
	l.value = l.place
	if r.IntN(100) < 70 {
		l.value = l.hamlet + ", " + l.place
	}
	return l
}

// pcity returns how a province is named as a unit: "tỉnh Nghệ An",
// "thành phố Hà Nội", "Thành phố Hồ Chí Minh".
func (s *site) pcity(p string) string {
	switch {
	case strings.HasPrefix(p, "Thành phố "):
		return p
	case slices.Contains(s.b.cities, p):
		return "thành phố " + p
	}
	return "tỉnh " + p
}

// setVars defines the fixed variables of a story about kind k at l in
// province p, started in year0 and reported in year yn.
func (s *site) setVars(t *text, k *kindSpec, p string, l locality, year0, yn int) {
	r := t.r
	t.set("province", p)
	t.set("pcity", s.pcity(p))
	t.set("place", l.place)
	t.set("hamlet", l.hamlet)
	t.set("hamletType", l.hamletType)
	t.set("police", "Công an "+l.place)
	t.set("kind", k.name)
	t.set("kindLower", k.lower)
	t.set("kindQuote", "mô hình \""+k.name+"\"")
	crimes := k.crimes
	if len(crimes) == 0 {
		crimes = s.b.genericCrimes
	}
	t.set("crimeMain", pick(r, crimes))
	t.set("year0", strconv.Itoa(year0))
	t.set("yb", strconv.Itoa(year0-1))
	t.set("yb3", strconv.Itoa(year0-3))
	t.set("yn", strconv.Itoa(yn))
	t.set("years", strconv.Itoa(max(1, yn-year0)))
	t.set("hh", vi.FormatInt(int64(80+r.IntN(1400))))
	before := 8 + r.IntN(53)
	t.set("before", strconv.Itoa(before))
	t.set("after", strconv.Itoa(before*(5+r.IntN(60))/100))
	t.set("scam", pick(r, s.b.scams))
	t.set("ethnic", pick(r, s.ethnics(p)))
	t.set("thing", t.x(k.thing))
	t.set("group", t.x(k.group))
}

// ethnics returns the ethnic minorities of province p's region.
func (s *site) ethnics(p string) []string {
	b := s.b
	switch {
	case slices.Contains(b.mountainNorth, p):
		return b.ethnicNorth
	case slices.Contains(b.highlands, p):
		return b.ethnicHighlands
	case slices.Contains(b.south, p):
		return b.ethnicSouth
	case slices.Contains(b.central, p):
		return b.ethnicCentral
	}
	return b.ethnicOther
}

// pickStarted returns the year a model started: 1995..2025 and before
// the year of its story, mostly in the ten years before.
func pickStarted(r *rand.Rand, dateYear int) int {
	hi := min(2025, dateYear-1)
	lo := 1995
	if r.IntN(100) < 75 {
		lo = max(lo, hi-10)
	}
	return lo + r.IntN(hi-lo+1)
}

// skewed returns a number in 0..n, small numbers being more likely.
func skewed(r *rand.Rand, n int) int {
	u := r.Float64()
	return int(float64(n) * u * u * u)
}

// pickFields returns 1 to 3 field names of the vocabulary, the first
// preferably one of the kind's.
func (s *site) pickFields(r *rand.Rand, k *kindSpec) []string {
	var pref []string
	for _, f := range k.fields {
		if slices.Contains(s.v.fields, f) {
			pref = append(pref, f)
		}
	}
	var out []string
	n := 1 + r.IntN(3)
	for _, i := range r.Perm(len(pref)) {
		if len(out) == n {
			break
		}
		out = append(out, pref[i])
	}
	for len(out) < n {
		f := pick(r, s.v.fields)
		if slices.Contains(out, f) {
			if len(out) >= len(s.v.fields) {
				break
			}
			continue
		}
		out = append(out, f)
	}
	return out
}

// pickTags returns 2 to 4 of list, in list order.
func pickTags(r *rand.Rand, list []string) []string {
	n := min(len(list), 2+r.IntN(3))
	idx := r.Perm(len(list))[:n]
	slices.Sort(idx)
	out := make([]string, n)
	for i, j := range idx {
		out[i] = list[j]
	}
	return out
}

// fit expands the first template of cands that gives at most limit runes,
// and the last one cut to limit if none does.
func fit(t *text, limit int, cands ...string) string {
	var s string
	for _, c := range cands {
		s = t.x(c)
		if utf8.RuneCountInString(s) <= limit {
			return s
		}
	}
	rs := []rune(s)
	return strings.TrimSpace(string(rs[:limit-1])) + "…"
}

// planModel decides the metadata of model i.
func (s *site) planModel(i int) *story {
	st := &story{section: sectionModels, index: i}
	r := s.rand(st, streamPlan)
	t := newText(s.b, r)
	st.t = t
	k := s.pickKind(r)
	st.kind = k
	st.province = s.pickProvince(r, k)
	l := s.pickLocality(r, st.province, k)
	st.locality = l.value
	st.date = pickDate(r)
	st.lastmod = pickLastmod(r, st.date)
	st.started = pickStarted(r, st.date.Year())
	st.replications = skewed(r, 900)
	st.members = 5 + skewed(r, 395)
	s.setVars(t, k, st.province, l, st.started, st.date.Year())
	t.set("members", strconv.Itoa(st.members))
	t.set("repl", strconv.Itoa(max(st.replications, 2)))
	st.fields = s.pickFields(r, k)
	t.set("field", lowerFirst(st.fields[0]))
	st.tags = pickTags(r, k.tags)
	switch r.IntN(10) {
	case 0, 1:
		st.contact = "Ban nhân dân " + l.hamlet
	case 2:
		st.contact = "Ủy ban nhân dân " + l.place
	default:
		st.contact = "Công an " + l.place
	}
	if r.IntN(100) < 60 {
		n := 2 + r.IntN(len(k.results)-1)
		for _, j := range r.Perm(len(k.results))[:n] {
			st.results = append(st.results, [2]string{k.results[j][0], t.x(k.results[j][1])})
		}
	}
	st.title = fit(t, maxTitle, pick(r, k.titles), "{Kind} ở {place}")
	t.set("action", t.x(pick(r, k.actions)))
	t.set("outcome", t.x(pick(r, []string{
		"số vụ {crimeMain} giảm từ {before} xuống còn {after}",
		"mô hình đã được nhân rộng ra {repl} điểm",
		"{hamlet} liên tục được công nhận khu dân cư an toàn về an ninh, trật tự",
		"người dân yên tâm làm ăn, không còn cảnh thức canh kẻ trộm",
		"{n10} vụ việc đã được phát hiện, xử lý kịp thời",
	})))
	st.summary = fit(t, maxSummary,
		pick(r, []string{
			"{Người dân|Bà con} {hamlet}, {place} ({province}) {action}; sau {years} năm, {outcome}.",
			"Từ năm {year0}, {người dân|bà con} {place}, {pcity} {action}. {Outcome}.",
			"Ở {hamlet}, {place}, {người dân|các hộ} {action}; {outcome}.",
		}),
		"{Người dân|Bà con} {place} ({province}) {action}.",
		"Mô hình {kindLower} ở {place}, {province}.")
	st.slug = slugOf(k.stem+" "+l.slugPlace, "mo-hinh-"+strconv.Itoa(i+1))
	if i < s.o.Images {
		st.imageAlt = capitalize(t.x(pick(r, []string{
			"Thành viên {group} ở {hamlet} {trao đổi với người dân|trong một buổi họp|bên nhà văn hóa}",
			"Người dân {hamlet}, {place} trong một buổi sinh hoạt của mô hình",
			"Cảnh {hamlet}, {place} lúc chiều muộn",
		})))
	}
	return st
}

// planLinks picks the other models that model st links to.
func (s *site) planLinks(st *story) {
	if len(s.models) < 2 {
		return
	}
	r := s.rand(st, streamLinks)
	if r.IntN(100) >= 30 {
		return
	}
	for range 1 + r.IntN(2) {
		o := pick(r, s.models)
		if o != st && !slices.Contains(st.links, o) {
			st.links = append(st.links, o)
		}
	}
}

// planExemplar decides the metadata of exemplar i. An exemplar with models
// is about the first one's kind and place.
func (s *site) planExemplar(i int) *story {
	st := &story{section: sectionExemplars, index: i}
	r := s.rand(st, streamPlan)
	t := newText(s.b, r)
	st.t = t
	var anchor *story
	if len(s.models) > 0 {
		n := pick(r, []int{0, 1, 1, 1, 2, 2, 3})
		if n > 0 {
			anchor = pick(r, s.models)
			st.models = append(st.models, anchor)
			same := s.byProvince[anchor.province]
			for range 3 * n {
				if len(st.models) == n {
					break
				}
				if o := pick(r, same); !slices.Contains(st.models, o) {
					st.models = append(st.models, o)
				}
			}
		}
	}
	st.date = pickDate(r)
	st.lastmod = pickLastmod(r, st.date)
	var l locality
	if anchor != nil {
		st.kind, st.province = anchor.kind, anchor.province
		l = locality{
			place:      anchor.t.vars["place"],
			hamlet:     anchor.t.vars["hamlet"],
			hamletType: anchor.t.vars["hamletType"],
		}
		st.started = anchor.started
		if st.started >= st.date.Year() {
			st.started = pickStarted(r, st.date.Year())
		}
	} else {
		st.kind = s.pickKind(r)
		st.province = s.pickProvince(r, st.kind)
		l = s.pickLocality(r, st.province, st.kind)
		st.started = pickStarted(r, st.date.Year())
	}
	k := st.kind
	s.setVars(t, k, st.province, l, st.started, st.date.Year())
	st.members = 5 + skewed(r, 95)
	t.set("members", strconv.Itoa(st.members))
	t.set("repl", strconv.Itoa(2+skewed(r, 300)))
	st.awardYear = st.started + 1 + r.IntN(st.date.Year()-st.started)
	t.set("awardYear", strconv.Itoa(st.awardYear))
	if r.IntN(100) < 85 {
		st.award = pick(r, s.b.awards)
	}
	t.set("award", st.award)
	if r.IntN(2) == 0 {
		st.recipient = "ca-nhan"
		hero := s.hero(r, st.province)
		t.set("hero", hero)
		t.set("heroRole", pick(r, s.b.heroRoles))
		t.set("age", strconv.Itoa(35+r.IntN(44)))
		st.title = fit(t, maxTitle, pick(r, s.b.exemplarTitlesPerson), "{Hero}, {heroRole} ở {place}", "{Hero}")
		st.slug = slugOf(hero[strings.IndexByte(hero, ' ')+1:]+" "+l.hamlet, "dien-hinh-"+strconv.Itoa(i+1))
	} else {
		st.recipient = "tap-the"
		org := t.x(k.org) + " " + l.hamlet
		t.set("hero", lowerFirst(org))
		st.title = fit(t, maxTitle, pick(r, s.b.exemplarTitlesGroup), "{Hero}")
		st.slug = slugOf(org, "dien-hinh-"+strconv.Itoa(i+1))
	}
	t.set("action", t.x(pick(r, k.actions)))
	st.summary = fit(t, maxSummary,
		pick(r, []string{
			"{Hero} ở {place} ({province}) đã cùng bà con {action}; {n10} vụ việc được phát hiện, xử lý kịp thời.",
			"Từ năm {year0}, {hero} đã {action}, giúp {hamlet} giảm số vụ {crimeMain} từ {before} xuống còn {after}.",
			"{Hero} được biết đến ở {pcity} vì đã {action}.",
		}),
		"{Hero} ở {place}, {province}.")
	tags := append([]string{pick(r, []string{"điển hình tiên tiến", "người tốt việc tốt", "gương sáng"})}, pickTags(r, k.tags)...)
	st.tags = tags
	return st
}

// hero returns the name of a person, with "ông" or "bà", from the people
// of province p.
func (s *site) hero(r *rand.Rand, p string) string {
	b := s.b
	male := r.IntN(2) == 0
	switch {
	case slices.Contains(b.mountainNorth, p) && r.IntN(3) > 0:
		if male {
			return "ông " + pick(r, b.mongSurnames) + " A " + pick(r, b.mongGiven)
		}
		return "bà " + pick(r, b.thaiSurnames) + " Thị " + pick(r, b.femaleGiven)
	case slices.Contains(b.highlands, p) && r.IntN(3) == 0:
		if male {
			return "ông Y " + pick(r, b.highlandGiven) + " " + pick(r, b.highlandSurnames)
		}
		return "bà H'" + pick(r, b.femaleGiven) + " " + pick(r, b.highlandSurnames)
	}
	if male {
		return "ông " + pick(r, b.surnames) + " " + pick(r, b.maleMiddle) + " " + pick(r, b.maleGiven)
	}
	return "bà " + pick(r, b.surnames) + " " + pick(r, b.femaleMiddle) + " " + pick(r, b.femaleGiven)
}

// planNews decides the metadata of news item i. Half the news is about a
// model, which it links to.
func (s *site) planNews(i int) *story {
	st := &story{section: sectionNews, index: i}
	r := s.rand(st, streamPlan)
	t := newText(s.b, r)
	st.t = t
	st.date = pickDate(r)
	st.lastmod = pickLastmod(r, st.date)
	var l locality
	if len(s.models) > 0 && r.IntN(2) == 0 {
		a := pick(r, s.models)
		st.links = []*story{a}
		st.kind, st.province = a.kind, a.province
		l = locality{place: a.t.vars["place"], hamlet: a.t.vars["hamlet"], hamletType: a.t.vars["hamletType"]}
	} else {
		st.kind = s.pickKind(r)
		st.province = s.pickProvince(r, st.kind)
		l = s.pickLocality(r, st.province, st.kind)
	}
	st.started = pickStarted(r, st.date.Year())
	s.setVars(t, st.kind, st.province, l, st.started, st.date.Year())
	t.set("members", strconv.Itoa(5+skewed(r, 200)))
	t.set("repl", strconv.Itoa(2+skewed(r, 600)))
	t.set("dday", strconv.Itoa(st.date.Day()))
	t.set("dmonth", strconv.Itoa(int(st.date.Month())))
	st.title = fit(t, maxTitle, pick(r, s.b.newsTitles), "Tin hoạt động ở {place}, {province}")
	st.summary = fit(t, maxSummary,
		pick(r, []string{
			"{Police} và bà con {hamlet} {sơ kết|nhìn lại} {years} năm thực hiện {kindQuote}: {n100} tin báo được tiếp nhận, số vụ {crimeMain} giảm rõ rệt.",
			"{Pcity} tiếp tục nhân rộng các mô hình tự quản về an ninh, trật tự; tại {place}, {kindQuote} đã có mặt ở {repl} điểm.",
			"Những điều người dân {place} cần biết để cùng giữ gìn an ninh, trật tự và phòng tránh {crimeMain}.",
		}),
		"Tin hoạt động ở {place}, {province}.")
	st.slug = slugOf(st.title, "tin-tuc-"+strconv.Itoa(i+1))
	st.tags = pickTags(r, append([]string{"tin hoạt động", "phong trào toàn dân bảo vệ an ninh Tổ quốc"}, st.kind.tags...))
	return st
}
