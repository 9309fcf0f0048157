package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"image/jpeg"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"gopkg.in/yaml.v3"
)

// dataDir is the repository's vocabulary folder.
const dataDir = "../../data"

// smallOptions describes a corpus that exercises every kind of page quickly.
func smallOptions() Options {
	return Options{Models: 80, Exemplars: 30, News: 12, Images: 2, Seed: 7, DataDir: dataDir}
}

// generate writes a corpus into a new temporary folder.
func generate(t testing.TB, o Options) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	if err := Generate(dir, o); err != nil {
		t.Fatalf("Generate(%+v): %v", o, err)
	}
	return dir
}

// readTree returns every file under dir by slash path.
func readTree(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	tree := make(map[string][]byte)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		tree[filepath.ToSlash(rel)] = data
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

func TestSameSeedSameTree(t *testing.T) {
	small := smallOptions()
	a := readTree(t, generate(t, small))
	b := readTree(t, generate(t, small))
	if len(a) != len(b) {
		t.Fatalf("same seed: %d files, then %d", len(a), len(b))
	}
	for p, data := range a {
		if !bytes.Equal(data, b[p]) {
			t.Errorf("same seed: %s differs between runs", p)
		}
	}
	// 3 skeleton files + 4 intros + stories + one image per bundle.
	if want := 7 + small.Models + small.Exemplars + small.News + small.Images; len(a) != want {
		t.Errorf("%d files, want %d", len(a), want)
	}
}

func TestDifferentSeedDifferentTree(t *testing.T) {
	small := smallOptions()
	o := small
	a := readTree(t, generate(t, o))
	o.Seed++
	b := readTree(t, generate(t, o))
	same := 0
	for p, data := range a {
		if strings.HasPrefix(p, "content/") && !strings.HasSuffix(p, "_index.md") && bytes.Equal(data, b[p]) {
			same++
		}
	}
	if same > 0 {
		t.Errorf("seeds %d and %d: %d identical stories", small.Seed, o.Seed, same)
	}
	if !bytes.Equal(a["site.toml"], b["site.toml"]) {
		t.Errorf("site.toml depends on the seed")
	}
}

// page is a parsed story.
type page struct {
	path, section, slug string
	fm                  map[string]any
	body                string
}

// parse splits a story into YAML front matter and body.
func parse(t *testing.T, p string, data []byte) page {
	t.Helper()
	s := string(data)
	if !strings.HasPrefix(s, "---\n") {
		t.Fatalf("%s: no front matter", p)
	}
	end := strings.Index(s[4:], "\n---\n")
	if end < 0 {
		t.Fatalf("%s: front matter not closed", p)
	}
	var fm map[string]any
	if err := yaml.Unmarshal([]byte(s[4:4+end+1]), &fm); err != nil {
		t.Fatalf("%s: front matter: %v", p, err)
	}
	pg := page{path: p, fm: fm, body: s[4+end+5:]}
	parts := strings.Split(p, "/") // content/SECTION/SLUG.md or content/SECTION/SLUG/index.md
	if len(parts) >= 3 {
		pg.section = parts[1]
		pg.slug = strings.TrimSuffix(parts[2], ".md")
	}
	return pg
}

// vocabNames reads the names of a vocabulary file of the repository.
func vocabNames(t *testing.T, file string) map[string]bool {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dataDir, file))
	if err != nil {
		t.Fatal(err)
	}
	var entries []struct{ Name string }
	if err := yaml.Unmarshal(data, &entries); err != nil {
		t.Fatal(err)
	}
	names := make(map[string]bool)
	for _, e := range entries {
		names[e.Name] = true
	}
	return names
}

// countWords counts white-space separated tokens with a letter or digit.
func countWords(s string) int {
	n := 0
	for _, f := range strings.Fields(s) {
		for _, r := range f {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				n++
				break
			}
		}
	}
	return n
}

func TestContract(t *testing.T) {
	slugRE := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	linkRE := regexp.MustCompile(`\]\(/([a-z0-9-]+)/([^/)]*)/\)`)
	small := smallOptions()
	dir := generate(t, small)
	tree := readTree(t, dir)
	provinces := vocabNames(t, provincesFile)
	fields := vocabNames(t, fieldsFile)

	var pages []page
	slugs := map[string]map[string]string{} // section → slug → path
	for p, data := range tree {
		if !strings.HasPrefix(p, "content/") || !strings.HasSuffix(p, ".md") {
			continue
		}
		if !utf8.Valid(data) {
			t.Errorf("%s: invalid UTF-8", p)
		}
		pg := parse(t, p, data)
		if path.Base(p) == "_index.md" {
			if _, ok := pg.fm["title"].(string); !ok {
				t.Errorf("%s: no title", p)
			}
			continue
		}
		pages = append(pages, pg)
		if slugs[pg.section] == nil {
			slugs[pg.section] = map[string]string{}
		}
		if q, dup := slugs[pg.section][pg.slug]; dup {
			t.Errorf("slug %s/%s used by %s and %s", pg.section, pg.slug, q, p)
		}
		slugs[pg.section][pg.slug] = p
		if !slugRE.MatchString(pg.slug) {
			t.Errorf("%s: invalid slug %q", p, pg.slug)
		}
	}
	count := map[string]int{}
	for _, pg := range pages {
		count[pg.section]++
	}
	if count[sectionModels] != small.Models || count[sectionExemplars] != small.Exemplars || count[sectionNews] != small.News {
		t.Errorf("stories per section = %v, want %d/%d/%d", count, small.Models, small.Exemplars, small.News)
	}

	first, last := time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	for _, pg := range pages {
		fm, p := pg.fm, pg.path
		str := func(k string) string {
			v, ok := fm[k].(string)
			if !ok || v == "" {
				t.Errorf("%s: %s = %#v, want a non-empty string", p, k, fm[k])
			}
			return v
		}
		integer := func(k string, lo, hi int) int {
			v, ok := fm[k].(int)
			if !ok || v < lo || v > hi {
				t.Errorf("%s: %s = %#v, want an int in %d..%d", p, k, fm[k], lo, hi)
			}
			return v
		}
		date := func(k string) time.Time {
			v, ok := fm[k].(time.Time)
			if !ok || v.Before(first) || v.After(last) {
				t.Errorf("%s: %s = %#v, want a date in 2019-01-01..2026-11-01", p, k, fm[k])
			}
			return v
		}
		if n := utf8.RuneCountInString(str("title")); n > 120 {
			t.Errorf("%s: title has %d runes", p, n)
		}
		if n := utf8.RuneCountInString(str("summary")); n > 300 {
			t.Errorf("%s: summary has %d runes", p, n)
		}
		d := date("date")
		if _, ok := fm["lastmod"]; ok {
			if l := date("lastmod"); !l.After(d) {
				t.Errorf("%s: lastmod %v not after date %v", p, l, d)
			}
		}
		if tags, ok := fm["tags"].([]any); !ok || len(tags) == 0 {
			t.Errorf("%s: tags = %#v", p, fm["tags"])
		}
		if pg.section != sectionNews && !provinces[str("province")] {
			t.Errorf("%s: province %q not in %s", p, fm["province"], provincesFile)
		}
		switch pg.section {
		case sectionModels:
			str("kind")
			str("locality")
			str("contact")
			fl, _ := fm["fields"].([]any)
			if len(fl) == 0 {
				t.Errorf("%s: no fields", p)
			}
			for _, f := range fl {
				if s, _ := f.(string); !fields[s] {
					t.Errorf("%s: field %#v not in %s", p, f, fieldsFile)
				}
			}
			if started := integer("started", 1995, 2025); started >= d.Year() {
				t.Errorf("%s: started %d, not before the story's year %d", p, started, d.Year())
			}
			integer("replications", 0, 900)
			integer("members", 0, 1_000_000)
			if rs, ok := fm["results"]; ok {
				list, _ := rs.([]any)
				for _, x := range list {
					m, _ := x.(map[string]any)
					if m["label"] == nil || m["value"] == nil || len(m) != 2 {
						t.Errorf("%s: result %#v", p, x)
					}
				}
			}
			for _, h := range []string{"## Bối cảnh\n", "## Cách làm\n", "## Kết quả\n", "## Bài học kinh nghiệm\n"} {
				if !strings.Contains(pg.body, h) {
					t.Errorf("%s: no section %q", p, h)
				}
			}
		case sectionExemplars:
			if r := str("recipient"); r != "tap-the" && r != "ca-nhan" {
				t.Errorf("%s: recipient %q", p, r)
			}
			integer("year", 1995, d.Year())
			if ms, ok := fm["models"]; ok {
				list, _ := ms.([]any)
				if len(list) == 0 || len(list) > 3 {
					t.Errorf("%s: models = %#v, want 1 to 3 slugs", p, ms)
				}
				for _, m := range list {
					s, _ := m.(string)
					if slugs[sectionModels][s] == "" {
						t.Errorf("%s: models names %q, which was not generated", p, s)
					}
				}
			}
		}
		if n := countWords(pg.body); n < 400 || n > 900 {
			t.Errorf("%s: body has %d words, want 400..900", p, n)
		}
		seen := map[string]bool{}
		for _, sent := range strings.Split(strings.ReplaceAll(pg.body, "\n", " "), ". ") {
			if len(sent) > 60 && seen[sent] {
				t.Errorf("%s: sentence repeated: %q", p, sent)
			}
			seen[sent] = true
		}
		if strings.ContainsAny(pg.body, "{}") {
			t.Errorf("%s: unexpanded template in body", p)
		}
		for _, m := range linkRE.FindAllStringSubmatch(pg.body, -1) {
			if m[1] != sectionModels || slugs[sectionModels][m[2]] == "" {
				t.Errorf("%s: link to /%s/%s/, which was not generated", p, m[1], m[2])
			}
		}
		if img, ok := fm["image"]; ok {
			if !strings.HasSuffix(p, "/index.md") {
				t.Errorf("%s: image in a page that is not a bundle", p)
			}
			str("image_alt")
			checkPhoto(t, tree[path.Join(path.Dir(p), img.(string))])
		}
	}

	bundles := 0
	for p := range tree {
		if strings.HasSuffix(p, "/index.md") {
			bundles++
		}
	}
	if bundles != small.Images {
		t.Errorf("%d bundles, want %d", bundles, small.Images)
	}
}

// checkPhoto checks that data is a 1600×1200 JPEG that is not flat.
func checkPhoto(t *testing.T, data []byte) {
	t.Helper()
	img, err := jpeg.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("bundle image: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 1600 || b.Dy() != 1200 {
		t.Errorf("bundle image is %v, want 1600×1200", b)
	}
	colors := map[[3]uint32]bool{}
	for y := 0; y < 1200; y += 7 {
		for x := 0; x < 1600; x += 11 {
			r, g, b, _ := img.At(x, y).RGBA()
			colors[[3]uint32{r >> 8, g >> 8, b >> 8}] = true
		}
	}
	if len(colors) < 5000 {
		t.Errorf("bundle image has %d distinct colours in a sample, looks flat", len(colors))
	}
	if len(data) < 150_000 {
		t.Errorf("bundle image is %d bytes: compresses like a flat picture, not a photo", len(data))
	}
}

func TestSiteFiles(t *testing.T) {
	dir := generate(t, Options{Models: 1, DataDir: dataDir})
	var cfg map[string]any
	md, err := toml.DecodeFile(filepath.Join(dir, "site.toml"), &cfg)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"baseURL": "https://lantoa.netlify.app/", "title": "Lan tỏa mô hình hay",
		"language": "vi", "theme": "default", "timeZone": "Asia/Ho_Chi_Minh", "paginate": int64(20),
	}
	for k, v := range want {
		if cfg[k] != v {
			t.Errorf("site.toml: %s = %#v, want %#v", k, cfg[k], v)
		}
	}
	if d, _ := cfg["description"].(string); d == "" {
		t.Errorf("site.toml: no description")
	}
	if len(md.Keys()) != len(want)+1 {
		t.Errorf("site.toml keys = %v, want exactly %d", md.Keys(), len(want)+1)
	}
	for _, f := range []string{provincesFile, fieldsFile} {
		src, _ := os.ReadFile(filepath.Join(dataDir, f))
		got, err := os.ReadFile(filepath.Join(dir, "data", f))
		if err != nil || !bytes.Equal(src, got) {
			t.Errorf("data/%s is not a copy of %s/%s (err %v)", f, dataDir, f, err)
		}
	}
}

func TestErrors(t *testing.T) {
	var de *DataError
	err := Generate(filepath.Join(t.TempDir(), "out"), Options{Models: 1, DataDir: filepath.Join(t.TempDir(), "nowhere")})
	if !errors.As(err, &de) || de.File != provincesFile || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing data folder: err = %v, want a *DataError for %s wrapping fs.ErrNotExist", err, provincesFile)
	}

	out := t.TempDir()
	os.WriteFile(filepath.Join(out, "keep.txt"), []byte("x"), 0o644)
	var ne *NotEmptyError
	if err := Generate(out, Options{Models: 1, DataDir: dataDir}); !errors.As(err, &ne) || ne.Dir != out {
		t.Errorf("non-empty output: err = %v, want a *NotEmptyError for %s", err, out)
	}

	for _, c := range []struct {
		o     Options
		field string
	}{
		{Options{Models: 2, Images: 3}, "Images"},
		{Options{Models: -1}, "Models"},
		{Options{News: -5}, "News"},
	} {
		c.o.DataDir = dataDir
		var oe *OptionError
		if err := Generate(filepath.Join(t.TempDir(), "out"), c.o); !errors.As(err, &oe) || oe.Field != c.field {
			t.Errorf("Generate(%+v): err = %v, want an *OptionError on %s", c.o, err, c.field)
		}
	}
}

// TestTemplates expands every template of the banks with the variables of
// a story of the kind that uses it: an unknown variable or an unbalanced
// brace fails.
func TestTemplates(t *testing.T) {
	v, err := readVocab(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	b := newBank()
	s := plan(Options{Models: 1, Exemplars: 20, News: 1, Seed: 1}, v, b)
	stories := map[string]*story{"model": s.models[0], "news": s.news[0]}
	for _, st := range s.exemplars {
		stories[st.recipient] = st
	}
	if len(stories) != 4 {
		t.Fatalf("20 exemplars without both recipients: %v", stories)
	}
	// users returns the stories whose variables a bank field may use.
	users := func(field string) []string {
		switch {
		case strings.HasPrefix(field, "exemplarPerson"), strings.HasPrefix(field, "exemplarTitlesPerson"):
			return []string{"ca-nhan"}
		case strings.HasPrefix(field, "exemplarGroup"), strings.HasPrefix(field, "exemplarTitlesGroup"):
			return []string{"tap-the"}
		case strings.HasPrefix(field, "exemplar"):
			return []string{"ca-nhan", "tap-the"}
		case strings.HasPrefix(field, "news"):
			return []string{"news"}
		}
		return []string{"model", "ca-nhan", "tap-the", "news"}
	}
	n := 0
	var walk func(name string, tx *text, v reflect.Value)
	walk = func(name string, tx *text, v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			n++
			if got := tx.x(v.String()); strings.ContainsAny(got, "{}") {
				t.Errorf("%s: %q expands to %q", name, v.String(), got)
			}
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				walk(fmt.Sprintf("%s[%d]", name, i), tx, v.Index(i))
			}
		case reflect.Struct:
			for i := range v.NumField() {
				walk(name+"."+v.Type().Field(i).Name, tx, v.Field(i))
			}
		}
	}
	bv := reflect.ValueOf(b).Elem()
	for i := range bv.NumField() {
		field := bv.Type().Field(i).Name
		for _, u := range users(field) {
			tx := stories[u].t
			tx.set("link", "[x](/mo-hinh/x/)")
			walk(u+":"+field, tx, bv.Field(i))
			if tx.err != nil {
				t.Fatalf("%s: %v", field, tx.err)
			}
		}
	}
	if n < 1000 {
		t.Errorf("walked %d templates, the bank seems missing", n)
	}

	tx := newText(b, s.rand(s.models[0], streamBody))
	tx.x("{nosuchvariable}")
	var te *TemplateError
	if !errors.As(tx.err, &te) || te.Name != "nosuchvariable" {
		t.Errorf("unknown variable: err = %v, want a *TemplateError", tx.err)
	}
}

// TestVariety checks that the text is varied enough for search benchmarks:
// many distinct words, and no two bodies alike.
func TestVariety(t *testing.T) {
	tree := readTree(t, generate(t, Options{Models: 50, Seed: 3, DataDir: dataDir}))
	vocab := map[string]bool{}
	sentences := map[string]int{}
	stories := 0
	for p, data := range tree {
		if !strings.HasPrefix(p, "content/mo-hinh/") || strings.HasSuffix(p, "_index.md") {
			continue
		}
		stories++
		for _, w := range strings.FieldsFunc(strings.ToLower(string(data)), func(r rune) bool { return !unicode.IsLetter(r) }) {
			vocab[w] = true
		}
		for _, s := range strings.Split(string(data), ". ") {
			sentences[s]++
		}
	}
	if len(vocab) < 1200 {
		t.Errorf("%d distinct words in %d stories, want ≥ 1200", len(vocab), stories)
	}
	for s, n := range sentences {
		if n > stories/2 && len(s) > 60 {
			t.Errorf("sentence in %d of %d stories: %q", n, stories, s)
		}
	}
}

func BenchmarkGenerate1000(b *testing.B) {
	root := b.TempDir()
	o := Options{Models: 1000, Exemplars: 440, DataDir: dataDir}
	i := 0
	for b.Loop() {
		i++
		if err := Generate(filepath.Join(root, fmt.Sprint(i)), o); err != nil {
			b.Fatal(err)
		}
	}
}
