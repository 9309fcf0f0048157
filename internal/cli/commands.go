package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"text/template"
	"time"

	"github.com/lantoa/lantoa/internal/config"
	"github.com/lantoa/lantoa/internal/search"
	"github.com/lantoa/lantoa/internal/serve"
	"github.com/lantoa/lantoa/internal/vi"
)

var newKinds = map[string]string{"mo-hinh": "mo-hinh", "dien-hinh": "dien-hinh", "tin-tuc": "tin-tuc", "trang": ""}

func runNew(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fset := flagSet("new", stderr)
	var src string
	fset.StringVar(&src, "s", ".", "thư mục trang")
	fset.StringVar(&src, "source", ".", "thư mục trang")
	if err := fset.Parse(args); err != nil {
		return ExitUsage
	}
	if fset.NArg() != 2 {
		fmt.Fprintln(stderr, `cách dùng: lantoa new mo-hinh|dien-hinh|tin-tuc|trang "Tiêu đề"`)
		return ExitUsage
	}
	kind, title := fset.Arg(0), vi.NFC(fset.Arg(1))
	section, ok := newKinds[kind]
	if !ok {
		fmt.Fprintf(stderr, "lantoa new: loại %q không có; chọn mo-hinh, dien-hinh, tin-tuc hoặc trang\n", kind)
		return ExitUsage
	}
	slug := vi.Slug(title)
	if slug == "" {
		fmt.Fprintln(stderr, "lantoa new: tiêu đề cần có chữ hoặc số")
		return ExitUsage
	}
	cfg, ds := config.Load(os.DirFS(src))
	if cfg == nil || ds.HasErrors() {
		_ = ds.WriteText(stderr)
		return ExitSite
	}
	site := os.DirFS(src)
	var arch []byte
	var err error
	for _, p := range []string{"archetypes/" + kind + ".md", "themes/" + cfg.Theme + "/archetypes/" + kind + ".md"} {
		arch, err = fs.ReadFile(site, p)
		if err == nil {
			break
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "lantoa new: không tìm thấy mẫu archetypes/%s.md: %v\n", kind, err)
		return ExitSite
	}
	tm, err := template.New(kind).Funcs(template.FuncMap{"quote": func(s string) string { b, _ := json.Marshal(s); return string(b) }}).Parse(string(arch))
	if err != nil {
		fmt.Fprintf(stderr, "lantoa new: mẫu archetypes/%s.md lỗi: %v\n", kind, err)
		return ExitSite
	}
	now := time.Now().In(cfg.Location)
	var buf bytes.Buffer
	if err := tm.Execute(&buf, map[string]any{"Title": title, "Date": now.Format("2006-01-02"), "Year": now.Year(), "Slug": slug}); err != nil {
		fmt.Fprintf(stderr, "lantoa new: %v\n", err)
		return ExitSite
	}
	rel := filepath.Join("content", section, slug+".md")
	if section == "" {
		rel = filepath.Join("content", slug+".md")
	}
	dst := filepath.Join(src, rel)
	if section != "" {
		if _, err := os.Stat(filepath.Join(src, "content", section, slug, "index.md")); err == nil {
			fmt.Fprintf(stderr, "lantoa new: content/%s/%s/index.md đã có; không ghi đè (bài dạng thư mục đã dùng tên này). Hãy chọn tiêu đề khác hoặc sửa tệp đó.\n", section, slug)
			return ExitSite
		}
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		fmt.Fprintf(stderr, "lantoa new: %v\n", err)
		return ExitSite
	}
	f, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, os.ErrExist) {
		fmt.Fprintf(stderr, "lantoa new: %s đã có; không ghi đè. Hãy chọn tiêu đề khác hoặc sửa tệp đó.\n", filepath.ToSlash(rel))
		return ExitSite
	}
	if err != nil {
		fmt.Fprintf(stderr, "lantoa new: %v\n", err)
		return ExitSite
	}
	if _, err := f.Write(buf.Bytes()); err != nil {
		f.Close()
		fmt.Fprintf(stderr, "lantoa new: %v\n", err)
		return ExitSite
	}
	if err := f.Close(); err != nil {
		fmt.Fprintf(stderr, "lantoa new: %v\n", err)
		return ExitSite
	}
	fmt.Fprintln(stdout, filepath.ToSlash(rel))
	return ExitOK
}

func runSearch(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fset := flagSet("search", stderr)
	var src, dest, prov, field, kind, section string
	var limit int
	fset.StringVar(&src, "s", ".", "thư mục trang")
	fset.StringVar(&src, "source", ".", "thư mục trang")
	fset.StringVar(&dest, "d", "", "thư mục đã dựng (mặc định THƯ_MỤC/public)")
	fset.StringVar(&prov, "tinh-thanh", "", "lọc theo tỉnh thành (slug)")
	fset.StringVar(&field, "linh-vuc", "", "lọc theo lĩnh vực (slug)")
	fset.StringVar(&kind, "loai-mo-hinh", "", "lọc theo loại mô hình (slug)")
	fset.StringVar(&section, "section", "", "lọc theo chuyên mục")
	fset.IntVar(&limit, "n", 10, "số kết quả")
	if err := fset.Parse(args); err != nil {
		return ExitUsage
	}
	if fset.NArg() > 1 {
		fmt.Fprintln(stderr, `cách dùng: lantoa search [-s THƯ_MỤC] "từ khóa"`)
		return ExitUsage
	}
	if dest == "" {
		dest = filepath.Join(src, "public")
	}
	s, err := search.Open(os.DirFS(dest))
	if err != nil {
		fmt.Fprintf(stderr, "lantoa search: không mở được chỉ mục trong %s (hãy chạy lantoa build trước): %v\n", dest, err)
		return ExitSite
	}
	res, _, err := s.Search(fset.Arg(0), search.Filters{Province: prov, Field: field, Kind: kind, Section: section}, limit)
	if err != nil {
		fmt.Fprintf(stderr, "lantoa search: %v\n", err)
		return ExitSite
	}
	for i, r := range res {
		fmt.Fprintf(stdout, "%d. %s\n   %s · %s · %s · %s\n", i+1, r.Title, r.URL, r.Section, r.Province, r.Date)
	}
	if len(res) == 0 {
		fmt.Fprintln(stdout, "Không có kết quả.")
	}
	return ExitOK
}

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return serve.Command(ctx, args, stdout, stderr)
}
