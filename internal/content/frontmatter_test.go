package content

import (
	"bytes"
	"testing"

	"github.com/adrg/frontmatter"
)

// adrgSplit is what github.com/adrg/frontmatter gives for src, with the
// formats frontMatter follows.
func adrgSplit(src []byte) (rawMatter, []byte) {
	capture := func(name, start, end string, delims, newline bool) *frontmatter.Format {
		f := frontmatter.NewFormat(start, end, func(data []byte, v any) error {
			r := v.(*rawMatter)
			r.format, r.data = name, data
			return nil
		})
		f.UnmarshalDelims, f.RequiresNewLine = delims, newline
		return f
	}
	var raw rawMatter
	body, err := frontmatter.Parse(bytes.NewReader(src), &raw,
		capture("yaml", "---", "---", false, false),
		capture("toml", "+++", "+++", false, false),
		capture("json", "{", "}", true, true))
	if err != nil {
		panic(err) // reading from memory does not fail
	}
	return raw, body
}

func sameSplit(t *testing.T, src string) {
	t.Helper()
	raw, body := frontMatter([]byte(src))
	wraw, wbody := adrgSplit([]byte(src))
	if raw.format != wraw.format || !bytes.Equal(raw.data, wraw.data) || !bytes.Equal(body, wbody) {
		t.Fatalf("frontMatter(%q) = %q %q, body %q; adrg/frontmatter: %q %q, body %q", src, raw.format, raw.data, body, wraw.format, wraw.data, wbody)
	}
}

func TestFrontMatterLikeAdrg(t *testing.T) {
	for _, src := range []string{
		modelYAML, modelTOML, modelJSON, "", "\n", "x", "---", "---\n", "---\n---", "---\n---\n", "\n\n  ---  \na: 1\n --- \nbody",
		"---\na: 1\n", "+++\na = 1\n+++\nb", "{\n\"a\": 1\n}\n", "{\n\"a\": 1\n}\nx\n", "{\n\"a\": 1\n}\n\nx\n",
		"{\n}\n}\n\n", "{\n}", "{ \n } \n \n", "+++\n---\n", "---\n+++\n---\n", "\t---\r\na\r\n---\r\n",
		"\u00a0---\u00a0\na\n---\n", "x\n---\na\n---\n", "---\n\n\n---\n\n\nbody\n", "---\na\n---\nb\n---\nc\n",
	} {
		sameSplit(t, src)
	}
}

func FuzzFrontMatter(f *testing.F) {
	for _, s := range []string{modelYAML, modelTOML, modelJSON, "{\n}\nx\n}\n\n", "\n---\n---", "+++\n+++"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		sameSplit(t, src)
	})
}
