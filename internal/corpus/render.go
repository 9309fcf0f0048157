package corpus

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
)

// render returns the file content of st: front matter and body.
func (s *site) render(st *story) ([]byte, error) {
	t := st.t
	t.r = s.rand(st, streamBody)
	var body string
	switch st.section {
	case sectionModels:
		body = s.modelBody(st)
	case sectionExemplars:
		body = s.exemplarBody(st)
	default:
		body = s.newsBody(st)
	}
	if t.err != nil {
		return nil, t.err
	}
	var b strings.Builder
	b.Grow(len(body) + 1024)
	s.frontMatter(&b, st)
	b.WriteString(body)
	return []byte(b.String()), nil
}

// frontMatter writes the YAML front matter of st.
func (s *site) frontMatter(b *strings.Builder, st *story) {
	kv := func(k, v string) {
		b.WriteString(k)
		b.WriteString(": ")
		b.WriteString(v)
		b.WriteByte('\n')
	}
	b.WriteString("---\n")
	kv("title", quote(st.title))
	kv("summary", quote(st.summary))
	kv("date", st.date.Format("2006-01-02"))
	if !st.lastmod.IsZero() {
		kv("lastmod", st.lastmod.Format("2006-01-02"))
	}
	if st.bundle {
		kv("image", quote(imageName))
		kv("image_alt", quote(st.imageAlt))
	}
	switch st.section {
	case sectionModels:
		kv("province", quote(st.province))
		kv("locality", quote(st.locality))
		kv("kind", quote(st.kind.name))
		kv("fields", quoteList(st.fields))
		kv("started", strconv.Itoa(st.started))
		kv("replications", strconv.Itoa(st.replications))
		kv("members", strconv.Itoa(st.members))
		kv("contact", quote(st.contact))
		if len(st.results) > 0 {
			b.WriteString("results:\n")
			for _, r := range st.results {
				b.WriteString("  - label: " + quote(r[0]) + "\n")
				b.WriteString("    value: " + quote(r[1]) + "\n")
			}
		}
	case sectionExemplars:
		kv("province", quote(st.province))
		kv("recipient", st.recipient)
		if st.award != "" {
			kv("award", quote(st.award))
		}
		kv("year", strconv.Itoa(st.awardYear))
		if len(st.models) > 0 {
			slugs := make([]string, len(st.models))
			for i, m := range st.models {
				slugs[i] = m.slug
			}
			kv("models", quoteList(slugs))
		}
	}
	kv("tags", quoteList(st.tags))
	b.WriteString("---\n\n")
}

// A pool is a shuffled list of templates that a body draws from without
// repeating itself.
type pool struct {
	list []string
	next int
}

// newPool returns a pool with first (shuffled) before rest (shuffled).
func newPool(r *rand.Rand, first, rest []string) *pool {
	p := &pool{list: make([]string, 0, len(first)+len(rest))}
	for _, i := range r.Perm(len(first)) {
		p.list = append(p.list, first[i])
	}
	for _, i := range r.Perm(len(rest)) {
		p.list = append(p.list, rest[i])
	}
	return p
}

// take returns the next template, starting over when all were used.
func (p *pool) take() string {
	if p.next == len(p.list) {
		p.next = 0
	}
	s := p.list[p.next]
	p.next++
	return s
}

// A body is a Markdown body under construction: a list of blocks, some of
// them paragraphs that fill can lengthen.
type body struct {
	t      *text
	blocks []block
	words  int
}

// A block is raw Markdown (a heading, list, table) or a paragraph.
type block struct {
	raw  string
	para []string // sentences
	from *pool    // where more sentences come from; nil for raw blocks
}

// raw adds a raw block.
func (b *body) raw(s string) {
	b.words += words(s)
	b.blocks = append(b.blocks, block{raw: s})
}

// para adds a paragraph of n sentences from p, and extra sentences.
func (b *body) para(p *pool, n int, extra ...string) {
	var sents []string
	for range n {
		sents = append(sents, b.t.x(p.take()))
	}
	sents = append(sents, extra...)
	for _, s := range sents {
		b.words += words(s)
	}
	b.blocks = append(b.blocks, block{para: sents, from: p})
}

// appendTo adds sentence s to the last paragraph, or as a paragraph.
func (b *body) appendTo(s string) {
	b.words += words(s)
	for i := len(b.blocks) - 1; i >= 0; i-- {
		if b.blocks[i].from != nil {
			b.blocks[i].para = append(b.blocks[i].para, s)
			return
		}
	}
	b.blocks = append(b.blocks, block{para: []string{s}})
}

// fill adds sentences to random paragraphs until the body has target
// words.
func (b *body) fill(target int) {
	var paras []int
	for i, bl := range b.blocks {
		if bl.from != nil {
			paras = append(paras, i)
		}
	}
	if len(paras) == 0 {
		return
	}
	for b.words < target {
		bl := &b.blocks[pick(b.t.r, paras)]
		s := b.t.x(bl.from.take())
		n := words(s)
		if b.words+n > hardWords {
			return
		}
		b.words += n
		bl.para = append(bl.para, s)
	}
}

// String returns the Markdown, blocks separated by blank lines.
func (b *body) String() string {
	var sb strings.Builder
	for i, bl := range b.blocks {
		if i > 0 {
			sb.WriteString("\n")
		}
		if bl.para == nil {
			sb.WriteString(bl.raw)
		} else {
			sb.WriteString(strings.Join(bl.para, " "))
		}
		sb.WriteString("\n")
	}
	return sb.String()
}

// linkTo returns a Markdown link to model m, for {link}.
func linkTo(m *story) string {
	return "[" + m.title + "](/" + sectionModels + "/" + m.slug + "/)"
}

// target returns the number of words to aim at.
func target(r *rand.Rand) int { return minWords + r.IntN(maxWords-minWords+1) }

// modelBody writes the four sections of a model story.
func (s *site) modelBody(st *story) string {
	t, r, k, bk := st.t, st.t.r, st.kind, s.b
	b := &body{t: t}
	want := target(r)

	b.raw("## Bối cảnh")
	ctx := newPool(r, k.context, bk.contextBank)
	b.para(ctx, 2+r.IntN(2))
	b.para(ctx, 1+r.IntN(2))

	b.raw("## Cách làm")
	how := newPool(r, k.howto, bk.howtoBank)
	s.howto(b, how)
	for _, m := range st.links {
		t.set("link", linkTo(m))
		b.appendTo(t.x(pick(r, bk.linkBank)))
	}

	b.raw("## Kết quả")
	res := newPool(r, nil, bk.resultBank)
	s.results(b, st, res)

	b.raw("## Bài học kinh nghiệm")
	s.lessons(b)
	b.fill(want)
	return b.String()
}

// howto writes the body of "Cách làm": subsections, or paragraphs around a
// numbered list of steps.
func (s *site) howto(b *body, how *pool) {
	t, r, bk := b.t, b.t.r, s.b
	if r.IntN(2) == 0 {
		for _, i := range r.Perm(len(bk.howtoHeadings))[:2+r.IntN(2)] {
			b.raw("### " + bk.howtoHeadings[i])
			b.para(how, 2+r.IntN(2))
		}
		return
	}
	b.para(how, 2+r.IntN(2))
	steps := r.Perm(len(bk.stepBank))[:3+r.IntN(3)]
	slices.Sort(steps) // the bank is in a sensible order
	var sb strings.Builder
	sb.WriteString(t.x("{Các bước triển khai|Mô hình được triển khai theo các bước|Cách làm gồm mấy bước}:"))
	sb.WriteString("\n")
	for n, i := range steps {
		sb.WriteString("\n")
		sb.WriteString(strconv.Itoa(n+1) + ". " + t.x(bk.stepBank[i]))
	}
	b.raw(sb.String())
	b.para(how, 1+r.IntN(2))
}

// results writes the body of "Kết quả": paragraphs, and now and then a
// table, a list of figures and a quote.
func (s *site) results(b *body, st *story, res *pool) {
	t, r, bk := b.t, b.t.r, s.b
	b.para(res, 2+r.IntN(2))
	if r.IntN(4) == 0 {
		b.raw(t.x(pick(r, bk.tableIntro)))
		b.raw(s.table(t))
	} else if len(st.results) > 0 && r.IntN(2) == 0 {
		var sb strings.Builder
		sb.WriteString(t.x(pick(r, bk.listIntro)))
		sb.WriteString("\n")
		for _, x := range st.results {
			sb.WriteString("\n- **" + x[0] + "**: " + x[1])
		}
		b.raw(sb.String())
	}
	if r.IntN(2) == 0 {
		b.raw("\"" + t.x(pick(r, bk.quoteBank)) + "\", " + t.x(pick(r, bk.quoteTail)))
	}
	b.para(res, 1+r.IntN(2))
}

// table returns a GFM table of indicators before and after the model.
func (s *site) table(t *text) string {
	r := t.r
	rows := []struct {
		label string
		more  bool // the number grows with the model
		lo    int
		hi    int
	}{
		{"Vụ mâu thuẫn phải hòa giải", false, 5, 40},
		{"Tụ điểm tệ nạn xã hội", false, 1, 6},
		{"Tin báo từ người dân", true, 3, 30},
		{"Hộ ký cam kết", true, 50, 400},
		{"Vụ cháy nổ", false, 1, 8},
		{"Người nghiện ma túy", false, 3, 25},
		{"Va chạm giao thông", false, 4, 30},
	}
	var sb strings.Builder
	sb.WriteString(t.x("| Chỉ tiêu | Năm {yb} | Năm {yn} |\n|---|---:|---:|\n"))
	sb.WriteString(t.x("| Vụ {crimeMain} | {before} | {after} |"))
	for _, i := range r.Perm(len(rows))[:1+r.IntN(3)] {
		x := rows[i]
		a := x.lo + r.IntN(x.hi-x.lo+1)
		c := a * (10 + r.IntN(60)) / 100
		if x.more {
			a, c = c, a*(150+r.IntN(300))/100
		}
		sb.WriteString("\n| " + x.label + " | " + strconv.Itoa(a) + " | " + strconv.Itoa(c) + " |")
	}
	return sb.String()
}

// lessons writes the body of "Bài học kinh nghiệm".
func (s *site) lessons(b *body) {
	t, r, bk := b.t, b.t.r, s.b
	pick3 := r.Perm(len(bk.lessonBank))[:3+r.IntN(3)]
	if r.IntN(10) < 7 {
		if r.IntN(2) == 0 {
			b.raw(t.x(pick(r, bk.lessonIntro)))
		}
		var sb strings.Builder
		for n, i := range pick3 {
			if n > 0 {
				sb.WriteString("\n")
			}
			sb.WriteString("- **" + bk.lessonBank[i][0] + "**: " + t.x(bk.lessonBank[i][1]))
		}
		b.raw(sb.String())
	} else {
		var sents []string
		for _, i := range pick3 {
			sents = append(sents, capitalize(t.x(bk.lessonBank[i][1])))
		}
		b.raw(strings.Join(sents, " "))
	}
	if r.IntN(2) == 0 {
		b.raw(t.x(pick(r, bk.lessonClose)))
	}
}

// exemplarBody writes the four sections of an exemplar.
func (s *site) exemplarBody(st *story) string {
	t, r, k, bk := st.t, st.t.r, st.kind, s.b
	b := &body{t: t}
	want := target(r)
	heroBank := bk.exemplarGroupBank
	if st.recipient == "ca-nhan" {
		heroBank = bk.exemplarPersonBank
	}
	heroes := newPool(r, nil, heroBank)

	b.raw("## Bối cảnh")
	ctx := newPool(r, k.context, bk.contextBank)
	b.para(ctx, 1+r.IntN(2), t.x(heroes.take()))
	b.para(ctx, 2+r.IntN(2))

	b.raw("## Cách làm")
	how := newPool(r, k.howto, bk.howtoBank)
	b.para(how, 1, t.x(heroes.take()))
	s.howto(b, how)
	if len(st.models) > 0 {
		t.set("link", linkTo(st.models[0]))
		b.appendTo(t.x(pick(r, bk.exemplarModelBank)))
	}

	b.raw("## Kết quả")
	res := newPool(r, nil, bk.resultBank)
	if st.award != "" {
		b.para(res, 1+r.IntN(2), t.x(pick(r, bk.exemplarAwardBank)))
	} else {
		b.para(res, 2+r.IntN(2))
	}
	s.results(b, st, res)

	b.raw("## Bài học kinh nghiệm")
	s.lessons(b)
	b.fill(want)
	return b.String()
}

// newsBody writes a news item: a lead and a few sections.
func (s *site) newsBody(st *story) string {
	t, r, bk := st.t, st.t.r, s.b
	b := &body{t: t}
	want := target(r)
	news := newPool(r, bk.newsBank, bk.resultBank)
	b.para(news, 2+r.IntN(2))
	b.blocks[0].para = append([]string{t.x(pick(r, bk.newsLead))}, b.blocks[0].para...)
	b.words += words(b.blocks[0].para[0])
	for n, i := range r.Perm(len(bk.newsHeadings))[:2+r.IntN(2)] {
		b.raw("## " + bk.newsHeadings[i])
		b.para(news, 2+r.IntN(3))
		if n == 1 && r.IntN(2) == 0 {
			var sb strings.Builder
			for m, j := range r.Perm(len(bk.lessonBank))[:3+r.IntN(2)] {
				if m > 0 {
					sb.WriteString("\n")
				}
				sb.WriteString("- " + capitalize(t.x(bk.lessonBank[j][1])))
			}
			b.raw(sb.String())
		}
	}
	for _, m := range st.links {
		t.set("link", linkTo(m))
		b.raw(t.x("{Xem thêm|Đọc thêm về mô hình}: {link}."))
	}
	b.fill(want)
	return b.String()
}
