// Package vocab reads a site's controlled vocabularies from data/:
// data/tinh-thanh.yaml (provinces) and data/linh-vuc.yaml (fields).
//
// Each file is a YAML list of {name, slug, aliases}. A value written by an
// editor matches a term when its [vi.Key] equals the key of the term's name
// or of one of its aliases, so "Khánh Hoà", "khánh hòa" and "KHÁNH HÒA" all
// match "Khánh Hòa", and "TP.HCM" matches "Thành phố Hồ Chí Minh" through
// its aliases. Slugs must be valid slugs and unique within a vocabulary.
package vocab

import (
	"errors"
	"fmt"
	"io/fs"
	"regexp"

	"github.com/lantoa/lantoa/internal/diag"
	"github.com/lantoa/lantoa/internal/vi"
	"gopkg.in/yaml.v3"
)

// Paths of the vocabulary files, relative to the site folder.
const (
	ProvincesFile = "data/tinh-thanh.yaml"
	FieldsFile    = "data/linh-vuc.yaml"
)

// Term is one vocabulary entry.
type Term struct {
	Name    string   `yaml:"name"`
	Slug    string   `yaml:"slug"`
	Aliases []string `yaml:"aliases"`
}

// Vocabulary is an ordered list of terms with lookup by value.
type Vocabulary struct {
	File  string
	Terms []*Term
	byKey map[string]*Term
	names []string
}

// Vocabularies are the site's vocabularies.
type Vocabularies struct {
	Provinces *Vocabulary
	Fields    *Vocabulary
}

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// ValidSlug reports whether s is lower-case ASCII letters and digits
// separated by single hyphens.
func ValidSlug(s string) bool { return slugRE.MatchString(s) }

// Load reads both vocabularies.
func Load(fsys fs.FS) (*Vocabularies, diag.List) {
	p, d1 := LoadFile(fsys, ProvincesFile)
	f, d2 := LoadFile(fsys, FieldsFile)
	return &Vocabularies{Provinces: p, Fields: f}, append(d1, d2...)
}

// LoadFile reads one vocabulary file. A missing file gives an empty
// vocabulary and an error.
func LoadFile(fsys fs.FS, name string) (*Vocabulary, diag.List) {
	v := &Vocabulary{File: name, byKey: map[string]*Term{}}
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return v, diag.List{diag.Errorf(diag.Pos{File: name}, "data", "không đọc được danh mục: %v", err)}
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return v, diag.List{diag.Errorf(diag.Pos{File: name}, "data", "danh mục sai cú pháp YAML: %v", err)}
	}
	var ds diag.List
	if len(root.Content) == 0 {
		return v, diag.List{diag.Errorf(diag.Pos{File: name, Line: 1}, "data", "danh mục trống")}
	}
	list := root.Content[0]
	if list.Kind != yaml.SequenceNode {
		return v, diag.List{diag.Errorf(diag.Pos{File: name, Line: list.Line, Col: list.Column}, "data", "danh mục phải là một danh sách các mục {name, slug}")}
	}
	slugs := map[string]bool{}
	for _, item := range list.Content {
		pos := diag.Pos{File: name, Line: item.Line, Col: item.Column}
		var t Term
		if err := item.Decode(&t); err != nil {
			ds = append(ds, diag.Errorf(pos, "data", "mục không hợp lệ: %v", err))
			continue
		}
		t.Name = vi.NFC(t.Name)
		if t.Name == "" {
			ds = append(ds, diag.Errorf(pos, "data", "mục thiếu name"))
			continue
		}
		if t.Slug == "" {
			t.Slug = vi.Slug(t.Name)
		}
		if !ValidSlug(t.Slug) {
			ds = append(ds, diag.Errorf(pos, "data", "slug %q của %q không hợp lệ (chỉ chữ thường không dấu, số và dấu gạch ngang)", t.Slug, t.Name))
			continue
		}
		if slugs[t.Slug] {
			ds = append(ds, diag.Errorf(pos, "data", "slug %q bị trùng", t.Slug))
			continue
		}
		slugs[t.Slug] = true
		tt := &t
		v.Terms = append(v.Terms, tt)
		v.names = append(v.names, t.Name)
		for _, s := range append([]string{t.Name}, t.Aliases...) {
			k := vi.Key(s)
			if other, dup := v.byKey[k]; dup && other != tt {
				ds = append(ds, diag.Errorf(pos, "data", "%q đã thuộc về %q", s, other.Name))
				continue
			}
			v.byKey[k] = tt
		}
	}
	return v, ds
}

// Lookup finds the term an editor's value refers to.
func (v *Vocabulary) Lookup(value string) (*Term, bool) {
	t, ok := v.byKey[vi.Key(value)]
	return t, ok
}

// BySlug finds a term by slug.
func (v *Vocabulary) BySlug(slug string) (*Term, bool) {
	for _, t := range v.Terms {
		if t.Slug == slug {
			return t, true
		}
	}
	return nil, false
}

// Suggest proposes the name of the closest term, for "did you mean".
func (v *Vocabulary) Suggest(value string) (string, bool) {
	return vi.Suggest(value, v.names)
}

// Names returns the term names in file order.
func (v *Vocabulary) Names() []string { return v.names }

func (t *Term) String() string { return fmt.Sprintf("%s (%s)", t.Name, t.Slug) }
