// Package config reads a site's site.toml.
//
// The file is strict: every key must be one of those below, with the right
// type; anything else is an error that names site.toml:line:col.
//
//	baseURL     = "https://lantoa.netlify.app/"  # required, absolute http(s) URL
//	title       = "Lan tỏa mô hình hay"          # required
//	description = "..."
//	language    = "vi"                           # default "vi"
//	theme       = "default"                      # default "default"
//	timeZone    = "Asia/Ho_Chi_Minh"             # default; dates without a zone use it
//	paginate    = 20                             # list page size, 1..1000, default 20
//
// All strings are normalized to NFC. BaseURL always ends with "/".
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/lantoa/lantoa/internal/diag"
	"github.com/lantoa/lantoa/internal/vi"
)

// File is the config file name, relative to the site folder.
const File = "site.toml"

// Config is a site's configuration.
type Config struct {
	BaseURL     string `toml:"baseURL"`
	Title       string `toml:"title"`
	Description string `toml:"description"`
	Language    string `toml:"language"`
	Theme       string `toml:"theme"`
	TimeZone    string `toml:"timeZone"`
	Paginate    int    `toml:"paginate"`

	// Location is TimeZone loaded.
	Location *time.Location `toml:"-"`
}

var keys = []string{"baseURL", "title", "description", "language", "theme", "timeZone", "paginate"}

// Load reads site.toml from fsys (the site folder). The returned list holds
// every problem found; cfg is nil only when the file cannot be used.
func Load(fsys fs.FS) (*Config, diag.List) {
	data, err := fs.ReadFile(fsys, File)
	if err != nil {
		return nil, diag.List{diag.Errorf(diag.Pos{File: File}, "config", "không đọc được tệp cấu hình: %v", unwrapPath(err))}
	}
	return Parse(data)
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Parse parses the contents of site.toml.
func Parse(data []byte) (*Config, diag.List) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	var ds diag.List
	cfg := &Config{Language: "vi", Theme: "default", TimeZone: "Asia/Ho_Chi_Minh", Paginate: 20}
	md, err := toml.Decode(string(data), cfg)
	if err != nil {
		p := diag.Pos{File: File}
		var pe toml.ParseError
		if errors.As(err, &pe) {
			p.Line, p.Col = pe.Position.Line, pe.Position.Col
			if p.Line == 0 && pe.LastKey != "" {
				p = keyPos(data, pe.LastKey)
			}
			return nil, diag.List{diag.Errorf(p, "config", "site.toml sai cú pháp hoặc sai kiểu dữ liệu: %s", pe.Message)}
		}
		return nil, diag.List{diag.Errorf(p, "config", "site.toml sai cú pháp: %v", err)}
	}
	// Keys must match exactly: BurntSushi/toml matches struct fields
	// ignoring case, so check every top-level key ourselves.
	reported := map[string]bool{}
	for _, k := range md.Keys() {
		name := k[0]
		if slices.Contains(keys, name) || reported[name] {
			continue
		}
		reported[name] = true
		d := diag.Errorf(keyPos(data, name), "config-key", "khóa %q không được hỗ trợ trong site.toml", name)
		if s, ok := vi.Suggest(name, keys); ok {
			d.Msg += fmt.Sprintf("; có phải %q?", s)
			d.Suggestion = s
		}
		ds = append(ds, d)
	}
	for _, k := range md.Undecoded() {
		if reported[k[0]] {
			continue
		}
		name := k.String()
		msg := fmt.Sprintf("khóa %q không được hỗ trợ trong site.toml", name)
		d := diag.Errorf(keyPos(data, k[len(k)-1]), "config-key", "%s", msg)
		if s, ok := vi.Suggest(name, keys); ok {
			d.Msg += fmt.Sprintf("; có phải %q?", s)
			d.Suggestion = s
		}
		ds = append(ds, d)
	}
	cfg.BaseURL = vi.NFC(strings.TrimSpace(cfg.BaseURL))
	cfg.Title = vi.NFC(cfg.Title)
	cfg.Description = vi.NFC(cfg.Description)
	if cfg.BaseURL == "" {
		ds = append(ds, diag.Errorf(diag.Pos{File: File, Line: 1, Col: 1}, "config", "thiếu baseURL (địa chỉ của trang, ví dụ \"https://lantoa.netlify.app/\")"))
	} else if err := CheckBaseURL(cfg.BaseURL); err != nil {
		ds = append(ds, diag.Errorf(keyPos(data, "baseURL"), "config", "baseURL %q không hợp lệ: %v", cfg.BaseURL, err))
	} else if !strings.HasSuffix(cfg.BaseURL, "/") {
		cfg.BaseURL += "/"
	}
	if strings.TrimSpace(cfg.Title) == "" {
		ds = append(ds, diag.Errorf(diag.Pos{File: File, Line: 1, Col: 1}, "config", "thiếu title (tên trang)"))
	}
	if cfg.Paginate < 1 || cfg.Paginate > 1000 {
		ds = append(ds, diag.Errorf(keyPos(data, "paginate"), "config", "paginate phải từ 1 đến 1000, không phải %d", cfg.Paginate))
	}
	if cfg.Theme == "" || strings.ContainsAny(cfg.Theme, `/\`) || cfg.Theme == "." || cfg.Theme == ".." {
		ds = append(ds, diag.Errorf(keyPos(data, "theme"), "config", "tên giao diện (theme) %q không hợp lệ", cfg.Theme))
	}
	loc, err := time.LoadLocation(cfg.TimeZone)
	if err != nil {
		ds = append(ds, diag.Errorf(keyPos(data, "timeZone"), "config", "múi giờ %q không hợp lệ", cfg.TimeZone))
		loc = time.FixedZone("ICT", 7*3600)
	}
	cfg.Location = loc
	return cfg, ds
}

// CheckBaseURL reports whether u is an absolute http(s) URL with a host and
// no query or fragment.
func CheckBaseURL(u string) error {
	p, err := url.Parse(u)
	if err != nil {
		return errors.New("không phân tích được")
	}
	if p.Scheme != "https" && p.Scheme != "http" {
		return errors.New("phải bắt đầu bằng https://")
	}
	if p.Host == "" {
		return errors.New("thiếu tên miền")
	}
	if p.RawQuery != "" || p.Fragment != "" || p.User != nil || strings.ContainsAny(u, "?#") || p.ForceQuery {
		return errors.New("không được có ?, # hoặc tên người dùng")
	}
	return nil
}

// keyPos finds the line and column where key is assigned in a TOML file
// (the first line whose first token is key or "key").
func keyPos(data []byte, key string) diag.Pos {
	for i, line := range bytes.Split(data, []byte("\n")) {
		t := bytes.TrimLeft(line, " \t")
		col := len(line) - len(t) + 1
		for _, k := range []string{key, `"` + key + `"`, "[" + key + "]", "[[" + key + "]]"} {
			if strings.HasPrefix(k, "[") && bytes.HasPrefix(t, []byte(k)) {
				return diag.Pos{File: File, Line: i + 1, Col: col}
			}
			if rest, ok := bytes.CutPrefix(t, []byte(k)); ok {
				rest = bytes.TrimLeft(rest, " \t")
				if len(rest) > 0 && (rest[0] == '=' || rest[0] == '.') {
					return diag.Pos{File: File, Line: i + 1, Col: col}
				}
			}
		}
	}
	return diag.Pos{File: File}
}
