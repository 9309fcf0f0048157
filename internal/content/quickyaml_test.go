package content

import (
	"io/fs"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/lantoa/lantoa/internal/corpus"
)

// sameAsYAMLv3 asserts that quickYAML, when it accepts data, gives exactly
// what yaml.v3 gives (values, types, positions), and reports whether it
// accepted it.
func sameAsYAMLv3(t *testing.T, data string) bool {
	t.Helper()
	got, ok := quickYAML("f.md", []byte(data), 2)
	if !ok {
		return false
	}
	want, ds := decodeYAMLNodes("f.md", []byte(data), 2)
	if len(ds) > 0 {
		t.Fatalf("quickYAML accepted %q, yaml.v3 reports %v", data, ds)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("quickYAML(%q) =\n%#v\nyaml.v3 gives\n%#v", data, got, want)
	}
	return true
}

func TestQuickYAML(t *testing.T) {
	accepted := []string{
		modelYAML[4 : len(modelYAML)-len("---\n\n## Bối cảnh\n\nNội dung.\n")],
		"title: \"Tổ an ninh\"\n",
		"title: 'Tổ an ninh'\n",
		"title: Tổ an ninh tự quản, \"liên gia\" [1] {x}   \n",
		"Title_2-x:   \"a\"\n",
		"a: true\nb: False\nc: NULL\nd: null\ne: yes\nf: off\ng: y\nh: Nope\n",
		"a: 0\nb: 2016\nc: 123456789012345678\n",
		"date: 2025-04-10\nlastmod: 2025-13-45\n",
		"tags: [\"công nhân\", \"khu công nghiệp\", 'nhà trọ',\"x\"]\n",
		"tags: [ \"a\" , \"b\" ]\nfields: []\nmodels: [ ]\n",
		"fields: [\"Phòng, chống tội phạm\", \"Hòa giải mâu thuẫn\"]\nprovince: Điện Biên\n",
		"results:\n  - label: \"Vụ trộm\"\n    value: \"giảm 70%\"\n  - label: \"Ở\"\n    value: 21\ntags: [\"a\"]\n",
		"results:\n    - label: 'x'\n      value: y\n      extra: z\n",
		"tags:\n - camera\n - \"an ninh\"\n - 'ổn'\n\ntitle: \"T\"\n",
		"title: \"a\"\n\n\nsummary: \"b\"\n",
		"title: \"\"\nsummary: ''\n",
		"title: \"a # not a comment\"\n",
		"title: \"a: b\"\n",
		"summary: \"mô hình \\\"Zalo\\\" \\\\ x\\\"\"\ntags: [\"\\\"a\\\"\", \"b\"]\n",
		"title: \"ấp “Mỹ Hóa” — 9.416 ₫\"\n",
		"results:\n  - label: a\n    value: b\n",
		"a:\n  - x\nb:\n  - y\n",
		"title: \"T\"",
	}
	for _, data := range accepted {
		if !sameAsYAMLv3(t, data) {
			t.Errorf("quickYAML did not take %q", data)
		}
	}
	// Outside the subset: left to yaml.v3 (which may accept or reject them).
	rejected := []string{
		"", "\n\n", "# comment\ntitle: T\n", "title: T # comment\n", "title: \"a\\nb\"\n", "title: \"a\\u00e0\"\n", "title: \"a\\\n", "title: \"a\\/\"\n",
		"title: 'it''s'\n", "title: \"a\" \"b\"\n", "title: &a \"x\"\n", "title: *a\n", "title: !!str 1\n",
		"title: |\n  x\n", "title: >\n  x\n", "title: {a: 1}\n", "title:\n  a: 1\n", "title:\n",
		"title: \n", "title:   \n", "title: -1\n", "title: 0123\n", "title: 0x1F\n", "title: 1.5\n",
		"title: .5\n", "title: ~\n", "title: 1_000\n", "title: 1234567890123456789\n",
		"title: plain\n  continued\n", "title: \"a\"\n  x: 1\n", "tags: [a, b]\n", "tags: [\"a\",]\n",
		"tags: [\"a\"\n", "tags: [[\"a\"]]\n", "\"title\": x\n", "title:x\n", "title: a:b\n",
		"title:\tx\n", "title: a\tb\n", "title: \"\x01\"\n", "title: \"\u0085\"\n", "title: \"\u2028\"\n",
		"title: \"\uFEFF\"\n", "- a\n- b\n", "  title: T\n", "title: T\n...\n", "%YAML 1.2\ntitle: T\n",
		"results:\n- a\n", "results:\n  - a\n    - b\n", "results:\n  -  a\n", "results:\n  -\n",
		"results:\n  - a: 1\n     b: 2\n", "results:\n  - a: 1\n    b:\n", "results:\n  - [\"a\"]\n",
		"results:\n  - a\n   - b\n", "results:\n  - a\n\n  - b\n",
		strings.Repeat("k", 65) + ": x\n", "? a\n: b\n",
	}
	for _, data := range rejected {
		if sameAsYAMLv3(t, data) {
			t.Errorf("quickYAML took %q, outside its subset", data)
		}
	}
}

// TestQuickYAMLCorpus checks every front matter of a generated corpus and
// of the repository's site: each is decoded by quickYAML, as by yaml.v3.
func TestQuickYAMLCorpus(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.Generate(dir, corpus.Options{Models: 150, Exemplars: 66, News: 10, Seed: 7, DataDir: "../../data"}); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, site := range []string{dir, "../.."} {
		fsys := os.DirFS(site)
		Walk(fsys, func(p string, _ fs.DirEntry) {
			src, err := fs.ReadFile(fsys, p)
			if err != nil {
				t.Fatal(err)
			}
			raw, _, _, _, d := split(p, src)
			if d != nil || raw.format != "yaml" {
				return
			}
			n++
			if !sameAsYAMLv3(t, string(raw.data)) {
				t.Errorf("%s: front matter not taken by quickYAML:\n%s", p, raw.data)
			}
		})
	}
	if n < 200 {
		t.Fatalf("only %d YAML front matters", n)
	}
}

// FuzzQuickYAML: whatever quickYAML accepts, yaml.v3 decodes the same way.
func FuzzQuickYAML(f *testing.F) {
	f.Add(modelYAML[4 : len(modelYAML)-len("---\n\n## Bối cảnh\n\nNội dung.\n")])
	for _, s := range []string{
		"tags: [\"công nhân\", 'x']\n", "results:\n  - label: \"a\"\n    value: 1\n", "a: True\nb: 0\nc: 2025-01-02\n",
		"title: Hà Nội, [x]\n", "tags:\n - a\n - b\n\nx: y\n", "a:\n  - x\n", "title: \"T\"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		sameAsYAMLv3(t, data)
	})
}
