package stats

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"testing"

	"github.com/lantoa/lantoa/internal/vi"
	"gopkg.in/yaml.v3"
)

// frontMatter is the part of a story's front matter that stats uses, as
// an editor writes it.
type frontMatter struct {
	Section      string   `yaml:"section"`
	Province     string   `yaml:"province"`
	Kind         string   `yaml:"kind"`
	Fields       []string `yaml:"fields"`
	Started      int      `yaml:"started"`
	Replications int      `yaml:"replications"`
	Members      int      `yaml:"members"`
}

// readYAML decodes the YAML file at path into v.
func readYAML(t *testing.T, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// vocabulary reads the site's vocabulary file (data/NAME.yaml of the
// repository) as terms, and a name → slug map.
func vocabulary(t *testing.T, name string) ([]Term, map[string]string) {
	t.Helper()
	var entries []struct{ Name, Slug string }
	readYAML(t, filepath.Join("..", "..", "data", name+".yaml"), &entries)
	terms := make([]Term, len(entries))
	slugs := map[string]string{}
	for i, e := range entries {
		terms[i] = Term{e.Name, e.Slug}
		slugs[e.Name] = e.Slug
	}
	return terms, slugs
}

// fixture returns the front matter of testdata/stories.yaml, the stories the
// site build would pass for it, and the province and field vocabularies.
func fixture(t *testing.T) (fms []frontMatter, stories []Story, provinces, fields []Term) {
	t.Helper()
	readYAML(t, filepath.Join("testdata", "stories.yaml"), &fms)
	provinces, provinceSlug := vocabulary(t, "tinh-thanh")
	fields, fieldSlug := vocabulary(t, "linh-vuc")
	if len(provinces) != 34 {
		t.Fatalf("data/tinh-thanh.yaml has %d provinces, want 34", len(provinces))
	}
	for i, fm := range fms {
		ps, ok := provinceSlug[fm.Province]
		if !ok {
			t.Fatalf("fixture story %d: unknown province %q", i, fm.Province)
		}
		st := Story{Kind: fm.Section, URL: fmt.Sprintf("/%s/story-%d/", fm.Section, i), Province: fm.Province, ProvinceSlug: ps}
		if fm.Section == KindModel {
			for _, f := range fm.Fields {
				fs, ok := fieldSlug[f]
				if !ok {
					t.Fatalf("fixture story %d: unknown field %q", i, f)
				}
				st.Fields = append(st.Fields, Term{f, fs})
			}
			st.Type = Term{fm.Kind, vi.Slug(fm.Kind)}
			st.Started, st.Replications, st.Members = fm.Started, fm.Replications, fm.Members
		}
		stories = append(stories, st)
	}
	return fms, stories, provinces, fields
}

// recompute computes the aggregates of the fixture's front matter by brute
// force, one row at a time, straight from the definitions in the package
// documentation.
func recompute(fms []frontMatter, provinces, fields []Term) *Stats {
	models := func(keep func(fm frontMatter) bool) (n, repl int) {
		for _, fm := range fms {
			if fm.Section == KindModel && keep(fm) {
				n++
				repl += fm.Replications
			}
		}
		return n, repl
	}
	want := &Stats{}
	provSet, typeSet := map[string]bool{}, map[string]bool{}
	for _, fm := range fms {
		provSet[fm.Province] = true
		if fm.Section == KindModel {
			want.Totals.Models++
			want.Totals.Replications += fm.Replications
			want.Totals.Members += fm.Members
			typeSet[vi.Slug(fm.Kind)] = true
		} else {
			want.Totals.Exemplars++
		}
	}
	want.Totals.Provinces, want.Totals.Types = len(provSet), len(typeSet)

	want.ByProvince = []Count{}
	for _, p := range provinces {
		c := Count{Name: p.Name, Slug: p.Slug, URL: "/tinh-thanh/" + p.Slug + "/"}
		c.Models, c.Replications = models(func(fm frontMatter) bool { return fm.Province == p.Name })
		for _, fm := range fms {
			if fm.Section == KindExemplar && fm.Province == p.Name {
				c.Exemplars++
			}
		}
		want.ByProvince = append(want.ByProvince, c)
	}

	want.ByField = []Count{}
	for _, f := range fields {
		c := Count{Name: f.Name, Slug: f.Slug, URL: "/linh-vuc/" + f.Slug + "/"}
		c.Models, c.Replications = models(func(fm frontMatter) bool { return slices.Contains(fm.Fields, f.Name) })
		want.ByField = append(want.ByField, c)
	}
	sort.SliceStable(want.ByField, func(i, j int) bool {
		a, b := want.ByField[i], want.ByField[j]
		if a.Models != b.Models {
			return a.Models > b.Models
		}
		return vi.Compare(a.Name, b.Name) < 0
	})

	want.ByType = []Count{}
	for _, fm := range fms {
		slug := vi.Slug(fm.Kind)
		if fm.Section != KindModel || slices.ContainsFunc(want.ByType, func(c Count) bool { return c.Slug == slug }) {
			continue
		}
		c := Count{Name: fm.Kind, Slug: slug, URL: "/loai-mo-hinh/" + slug + "/"}
		c.Models, c.Replications = models(func(fm frontMatter) bool { return vi.Slug(fm.Kind) == slug })
		want.ByType = append(want.ByType, c)
	}
	sort.SliceStable(want.ByType, func(i, j int) bool {
		a, b := want.ByType[i], want.ByType[j]
		if a.Replications != b.Replications {
			return a.Replications > b.Replications
		}
		if a.Models != b.Models {
			return a.Models > b.Models
		}
		return vi.Compare(a.Name, b.Name) < 0
	})

	want.ByYear = []YearCount{}
	first, last := 9999, 0
	for _, fm := range fms {
		if fm.Section == KindModel && fm.Started > 0 {
			first, last = min(first, fm.Started), max(last, fm.Started)
		}
	}
	for y := first; y <= last; y++ {
		n, _ := models(func(fm frontMatter) bool { return fm.Started == y })
		want.ByYear = append(want.ByYear, YearCount{y, n})
	}
	return want
}

func TestComputeFixture(t *testing.T) {
	fms, stories, provinces, fields := fixture(t)
	got := Compute(stories, provinces, fields, nil)
	want := recompute(fms, provinces, fields)
	compareStats(t, "Compute", got, want)

	// Figures the fixture was written to exercise, spelled out.
	if got.Totals.Replications != 126722 || got.Totals.Models != 10 || got.Totals.Exemplars != 4 {
		t.Errorf("Totals = %+v, want 10 models, 4 exemplars, 126722 replication points", got.Totals)
	}
	if c := got.ByType[0]; c.Slug != "camera-an-ninh" || c.Name != "Camera an ninh" || c.Models != 2 {
		t.Errorf("ByType[0] = %+v, want Camera an ninh (first spelling) with 2 models", c)
	}
	if c := got.ByField[0]; c.Slug != "phong-chong-toi-pham" || c.Models != 4 {
		t.Errorf("ByField[0] = %+v, want Phòng, chống tội phạm with 4 models (a field listed twice counts once)", c)
	}
	if y := got.ByYear; y[0].Year != 2012 || y[len(y)-1].Year != 2024 || len(y) != 13 {
		t.Errorf("ByYear spans %v, want 2012..2024 with the empty years", y)
	}
}

// compareStats reports every part of got that differs from want.
func compareStats(t *testing.T, what string, got, want *Stats) {
	t.Helper()
	if got.Totals != want.Totals {
		t.Errorf("%s: Totals = %+v, want %+v", what, got.Totals, want.Totals)
	}
	for _, part := range []struct {
		name      string
		got, want any
	}{
		{"ByProvince", got.ByProvince, want.ByProvince},
		{"ByField", got.ByField, want.ByField},
		{"ByYear", got.ByYear, want.ByYear},
		{"ByType", got.ByType, want.ByType},
	} {
		if !reflect.DeepEqual(part.got, part.want) {
			t.Errorf("%s: %s =\n%+v\nwant\n%+v", what, part.name, part.got, part.want)
		}
	}
}

func TestComputeEdges(t *testing.T) {
	provinces := []Term{{"Hà Nội", "ha-noi"}, {"Huế", "hue"}}
	fields := []Term{{"Bảo vệ môi trường", "bao-ve-moi-truong"}}
	urlFor := func(taxonomy, slug string) string { return "https://example.org/" + taxonomy + "/" + slug + "/" }
	stories := []Story{
		{Kind: KindModel, Province: "Đồng Xoài", ProvinceSlug: "dong-xoai", Type: Term{"Tổ", "to"},
			Fields: []Term{{"An ninh mạng", "an-ninh-mang"}}, Replications: 5},
		{Kind: KindExemplar, Province: "Bình Dương", ProvinceSlug: "binh-duong",
			Fields: []Term{{"An ninh mạng", "an-ninh-mang"}}, Type: Term{"Tổ", "to"}, Started: 1990, Replications: 7, Members: 9},
		{Kind: "tin-tuc", Province: "Hà Nội", ProvinceSlug: "ha-noi"},
		{Kind: KindModel, Started: 2020},
	}
	s := Compute(stories, provinces, fields, urlFor)
	want := &Stats{
		Totals: Totals{Models: 2, Exemplars: 1, Replications: 5, Provinces: 2, Types: 1},
		ByProvince: []Count{
			{Name: "Hà Nội", Slug: "ha-noi", URL: "https://example.org/tinh-thanh/ha-noi/"},
			{Name: "Huế", Slug: "hue", URL: "https://example.org/tinh-thanh/hue/"},
			// Outside the vocabulary: after it, in collation order (B < Đ).
			{Name: "Bình Dương", Slug: "binh-duong", URL: "https://example.org/tinh-thanh/binh-duong/", Exemplars: 1},
			{Name: "Đồng Xoài", Slug: "dong-xoai", URL: "https://example.org/tinh-thanh/dong-xoai/", Models: 1, Replications: 5},
		},
		ByField: []Count{
			{Name: "An ninh mạng", Slug: "an-ninh-mang", URL: "https://example.org/linh-vuc/an-ninh-mang/", Models: 1, Replications: 5},
			{Name: "Bảo vệ môi trường", Slug: "bao-ve-moi-truong", URL: "https://example.org/linh-vuc/bao-ve-moi-truong/"},
		},
		ByYear: []YearCount{{2020, 1}},
		ByType: []Count{{Name: "Tổ", Slug: "to", URL: "https://example.org/loai-mo-hinh/to/", Models: 1, Replications: 5}},
	}
	compareStats(t, "edges", s, want)
	if c, ok := s.Province("dong-xoai"); !ok || c.Models != 1 {
		t.Errorf("Province(dong-xoai) = %+v, %v", c, ok)
	}
	if _, ok := s.Province("nowhere"); ok {
		t.Errorf("Province(nowhere) found")
	}

	empty := Compute(nil, nil, nil, nil)
	if empty.ByProvince == nil || empty.ByField == nil || empty.ByYear == nil || empty.ByType == nil {
		t.Errorf("Compute(nil) has nil slices: %+v", empty)
	}
}

func TestLevel(t *testing.T) {
	for _, tc := range []struct{ n, top, want int }{
		{0, 0, 0}, {0, 10, 0}, {1, 1, 5}, {1, 2, 3}, {2, 2, 5},
		{1, 10, 1}, {2, 10, 1}, {3, 10, 2}, {10, 10, 5}, {9, 10, 5}, {8, 10, 4}, {11, 10, 5},
	} {
		if got := level(tc.n, tc.top); got != tc.want {
			t.Errorf("level(%d, %d) = %d, want %d", tc.n, tc.top, got, tc.want)
		}
	}
}
