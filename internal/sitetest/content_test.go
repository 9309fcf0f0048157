package sitetest

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"
	"gopkg.in/yaml.v3"
)

// This file reads the content and the vocabularies on its own, with
// gopkg.in/yaml.v3, so that the statistics and the dates shown by the site
// are checked against an independent reading of the content contract
// rather than against the project's own content package.

// A story is a model, exemplar or news page as its front matter states it.
type story struct {
	Section string // "mo-hinh", "dien-hinh" or "tin-tuc"
	File    string // the content file, relative to the site folder
	Slug    string
	fm      frontMatter
}

// path returns the story's URL path.
func (s story) path() string { return "/" + s.Section + "/" + s.Slug + "/" }

// frontMatter is the part of the content contract the tests need.
type frontMatter struct {
	Title        string   `yaml:"title"`
	Summary      string   `yaml:"summary"`
	Date         string   `yaml:"date"`
	Lastmod      string   `yaml:"lastmod"`
	Draft        bool     `yaml:"draft"`
	Slug         string   `yaml:"slug"`
	Province     string   `yaml:"province"`
	Fields       []string `yaml:"fields"`
	Kind         string   `yaml:"kind"`
	Started      int      `yaml:"started"`
	Replications int      `yaml:"replications"`
	Members      int      `yaml:"members"`
}

// date returns the story's date in the site time zone: a plain date is
// midnight there.
func (f frontMatter) date() (time.Time, error) {
	if t, err := time.ParseInLocation("2006-01-02", f.Date, ict); err == nil {
		return t, nil
	}
	return time.Parse(time.RFC3339, f.Date)
}

// readStories reads the stories of the site folder src that a production
// build publishes at now: not drafts, not dated in the future.
func readStories(t testing.TB, src string) []story {
	t.Helper()
	var out []story
	for _, section := range []string{"mo-hinh", "dien-hinh", "tin-tuc"} {
		dir := filepath.Join(src, "content", section)
		files, err := filepath.Glob(filepath.Join(dir, "*.md"))
		if err != nil {
			t.Fatal(err)
		}
		bundles, err := filepath.Glob(filepath.Join(dir, "*", "index.md"))
		if err != nil {
			t.Fatal(err)
		}
		for _, file := range append(files, bundles...) {
			if filepath.Base(file) == "_index.md" {
				continue
			}
			fm := readFrontMatter(t, file)
			slug := fm.Slug
			if slug == "" {
				slug = strings.TrimSuffix(filepath.Base(file), ".md")
				if slug == "index" {
					slug = filepath.Base(filepath.Dir(file))
				}
			}
			d, err := fm.date()
			if err != nil {
				t.Fatalf("%s: date %q: %v", file, fm.Date, err)
			}
			if fm.Draft || d.After(now) {
				continue
			}
			rel, _ := filepath.Rel(src, file)
			out = append(out, story{Section: section, File: filepath.ToSlash(rel), Slug: slug, fm: fm})
		}
	}
	slices.SortFunc(out, func(a, b story) int { return strings.Compare(a.File, b.File) })
	return out
}

// readFrontMatter reads the YAML front matter of a content file: UTF-8,
// NFC, BOM and CRLF accepted.
func readFrontMatter(t testing.TB, file string) frontMatter {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	data = norm.NFC.Bytes(data)
	rest, ok := bytes.CutPrefix(data, []byte("---\n"))
	if !ok {
		t.Fatalf("%s: no YAML front matter (the tests read YAML only)", file)
	}
	head, _, ok := bytes.Cut(rest, []byte("\n---\n"))
	if !ok {
		t.Fatalf("%s: front matter does not end", file)
	}
	var fm frontMatter
	if err := yaml.Unmarshal(head, &fm); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return fm
}

// A term is one entry of a vocabulary: data/tinh-thanh.yaml or
// data/linh-vuc.yaml.
type term struct {
	Name    string   `yaml:"name"`
	Slug    string   `yaml:"slug"`
	Aliases []string `yaml:"aliases"`
}

// vocabulary is a vocabulary file in file order.
type vocabulary []term

func readVocabulary(t testing.TB, file string) vocabulary {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var v vocabulary
	if err := yaml.Unmarshal(data, &v); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	if len(v) == 0 {
		t.Fatalf("%s: empty", file)
	}
	return v
}

// find returns the entry that value names, by its name or an alias, after
// folding (marks, case, đ, spacing), which also equates the two tone-mark
// placements.
func (v vocabulary) find(value string) (term, error) {
	key := fold(value)
	for _, e := range v {
		if fold(e.Name) == key {
			return e, nil
		}
		for _, a := range e.Aliases {
			if fold(a) == key {
				return e, nil
			}
		}
	}
	return term{}, fmt.Errorf("%q is not in the vocabulary", value)
}

// fold removes Vietnamese marks, maps đ to d, lower-cases and collapses
// spaces: "Khánh Hoà" → "khanh hoa".
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'đ' || r == 'Đ':
			b.WriteRune('d')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// slugify is the content contract's rule for slugs and taxonomy URLs.
func slugify(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range fold(s) {
		if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
		} else {
			hyphen = true
		}
	}
	return b.String()
}

// viNumber formats n the Vietnamese way: 124000 → "124.000".
func viNumber(n int) string {
	s := fmt.Sprint(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

func TestHelpers(t *testing.T) {
	for in, want := range map[string]string{
		"Khu dân cư an toàn về an ninh trật tự":    "khu-dan-cu-an-toan-ve-an-ninh-trat-tu",
		"Zalo phòng, chống tội phạm":               "zalo-phong-chong-toi-pham",
		"Phòng cháy, chữa cháy và cứu nạn, cứu hộ": "phong-chay-chua-chay-va-cuu-nan-cuu-ho",
		"Đắk Lắk":                    "dak-lak",
		"  Tiếng kẻng -- an ninh!! ": "tieng-keng-an-ninh",
		"Tổ 5/2025":                  "to-5-2025",
		"Vie\u0323\u0302t":           "viet",
	} {
		if got := slugify(in); got != want {
			t.Errorf("slugify(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[int]string{0: "0", 999: "999", 1000: "1.000", 2500: "2.500", 124000: "124.000", 1234567: "1.234.567", -1490: "-1.490"} {
		if got := viNumber(in); got != want {
			t.Errorf("viNumber(%d) = %q, want %q", in, got, want)
		}
	}
	v := vocabulary{{Name: "Khánh Hòa", Slug: "khanh-hoa"}, {Name: "Thành phố Hồ Chí Minh", Slug: "ho-chi-minh", Aliases: []string{"TP.HCM"}}}
	for in, want := range map[string]string{"Khánh Hoà": "khanh-hoa", "khánh hòa": "khanh-hoa", "TP.HCM": "ho-chi-minh", "Thành phố  Hồ Chí Minh": "ho-chi-minh"} {
		if e, err := v.find(in); err != nil || e.Slug != want {
			t.Errorf("find(%q) = %q, %v; want %q", in, e.Slug, err, want)
		}
	}
	if _, err := v.find("Hà Nội"); err == nil {
		t.Error("find(Hà Nội) in a vocabulary without it succeeded")
	}
}
