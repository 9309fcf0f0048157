package config

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse feeds Parse arbitrary site.toml contents. Whatever the input:
// no panic; every diagnostic names site.toml and a line of it (0 only
// when the problem is not at a line); a configuration without errors is
// usable as is: an absolute http(s) base URL ending in "/", a theme name
// that cannot leave themes/, a page size in range, a time zone.
func FuzzParse(f *testing.F) {
	real, err := os.ReadFile("../../site.toml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(real)
	for _, s := range []string{
		"",
		"\uFEFF" + string(real),
		strings.ReplaceAll(string(real), "\n", "\r\n"),
		`baseURL = "https://a.example/"` + "\ntitle = \"T\"\n",
		`baseURL = "javascript:alert(1)"` + "\ntitle = \"T\"\n",
		`baseURL = "https://a.example/?q=1#x"` + "\ntitle = \"T\"\n",
		`baseURL = "https://user:pw@a.example/"` + "\ntitle = \"T\"\n",
		`baseURL = "//a.example/"` + "\ntitle = \"T\"\n",
		`baseURL = "https://a.example/"` + "\ntitle = \"T\"\ntheme = \"../../etc\"\n",
		`baseURL = "https://a.example/"` + "\ntitle = \"T\"\ntheme = \"..\"\n",
		`baseURL = "https://a.example/"` + "\ntitle = \"T\"\ntheme = \"a\\\\b\"\n",
		`baseURL = "https://a.example/"` + "\ntitle = \"T\"\ntimeZone = \"../../../etc/passwd\"\n",
		`baseURL = "https://a.example/"` + "\ntitle = \"T\"\ntimeZone = \"Local\"\n",
		`baseURL = "https://a.example/"` + "\ntitle = \"T\"\npaginate = -1\n",
		`baseURL = "https://a.example/"` + "\ntitle = \"T\"\npaginate = 99999999999999999999\n",
		`baseURL = "https://a.example/"` + "\ntitle = \"T\"\npaginate = \"20\"\n",
		`baseURL = "https://a.example/"` + "\ntitle = \"T\"\n[params]\nx = 1\n",
		`baseURL = "https://a.example/"` + "\ntitle = \"T\"\nTitle = \"U\"\n",
		`baseURL = "https://a.example/"` + "\ntitle = \"T\"\ntitle = \"U\"\n",
		`baseURL = "https://a.example/"` + "\ntitle.x = \"T\"\n",
		`baseURL = "https://a.example/"` + "\n[[title]]\n",
		"baseURL = \"https://a.example/\"\ntitle = \"\"\"\nT\n\"\"\"\n",
		"title = \"\u202e<script>\"\n",
		"= 1\n", "[", "a = [", "a = {", "\x00", "\xff\xfe",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, ds := Parse(data)
		lines := 1 + bytes.Count(data, []byte("\n"))
		for _, d := range ds {
			if d.File != File {
				t.Errorf("diagnostic names %q: %s", d.File, d)
			}
			if d.Line < 0 || d.Line > lines || d.Col < 0 {
				t.Errorf("diagnostic at %d:%d, the file has %d lines: %s", d.Line, d.Col, lines, d)
			}
			if d.Code == "" || !utf8.ValidString(d.Msg) {
				t.Errorf("diagnostic without code or readable message: %+q", d)
			}
		}
		if cfg == nil {
			if !ds.HasErrors() {
				t.Errorf("no configuration and no error")
			}
			return
		}
		if cfg.Location == nil {
			t.Errorf("no time zone")
		}
		if ds.HasErrors() {
			return
		}
		if err := CheckBaseURL(cfg.BaseURL); err != nil || !strings.HasSuffix(cfg.BaseURL, "/") {
			t.Errorf("baseURL %q accepted: %v", cfg.BaseURL, err)
		}
		if cfg.Theme == "" || cfg.Theme == "." || cfg.Theme == ".." || strings.ContainsAny(cfg.Theme, "/\\\x00") {
			t.Errorf("theme %q accepted", cfg.Theme)
		}
		if cfg.Paginate < 1 || cfg.Paginate > 1000 {
			t.Errorf("paginate %d accepted", cfg.Paginate)
		}
		if strings.TrimSpace(cfg.Title) == "" {
			t.Errorf("empty title accepted")
		}
	})
}
