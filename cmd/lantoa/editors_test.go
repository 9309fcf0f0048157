package main

// Tests of the editors' commands (lantoa check and lantoa new) that need Go:
// parsing the JSON output, comparing it with the text output and with
// lantoa build, and checking dates against the clock. The sites come from
// the same txtar archives as the scripts (testdata/check_errors.txtar,
// testdata/new_mo_hinh.txtar).

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lantoa/lantoa/internal/cli"
	"github.com/rogpeppe/go-internal/txtar"
)

// checkReport is the JSON form of lantoa check. Decoding disallows unknown
// fields, so the test also pins the field names.
type checkReport struct {
	Diagnostics []checkDiag `json:"diagnostics"`
	Errors      int         `json:"errors"`
	Warnings    int         `json:"warnings"`
}

type checkDiag struct {
	File       string `json:"file"`
	Line       int    `json:"line"`
	Column     int    `json:"column"`
	Severity   string `json:"severity"`
	Code       string `json:"code"`
	Message    string `json:"message"`
	Suggestion string `json:"suggestion"`
}

// text is d as lantoa check prints it in text form.
func (d checkDiag) text() string {
	sev := map[string]string{"error": "lỗi", "warning": "cảnh báo"}[d.Severity]
	return fmt.Sprintf("%s:%d:%d: %s: %s [%s]", d.File, d.Line, d.Column, sev, d.Message, d.Code)
}

// wantDiag is one expected diagnostic; msg is a fragment of the message.
type wantDiag struct {
	file       string
	line, col  int
	severity   string
	code       string
	suggestion string
	msg        string
}

// checkPhases are the sites of check_errors.txtar: the clean site plus
// the files of the named groups (see the comment at the top of the script).
var checkPhases = []struct {
	name   string
	groups []string
	exit   int
	want   []wantDiag
}{
	{"front-matter-and-urls", []string{"p1"}, 1, []wantDiag{
		{"content/dien-hinh/a-recipient.md", 6, 12, "error", "recipient", "tap-the", `không phải "tập thể"; có phải "tap-the"?`},
		{"content/mo-hinh/a-alias.md", 8, 1, "error", "alias", "", "/mo-hinh/camera-an-ninh/ trùng với trang đang có content/mo-hinh/camera-an-ninh.md"},
		{"content/mo-hinh/a-date-future.md", 4, 1, "warning", "date-future", "", "ngày 01/01/2099 còn ở tương lai"},
		{"content/mo-hinh/a-date.md", 4, 7, "error", "date", "", `date "18/11/2025" không phải ngày hợp lệ`},
		{"content/mo-hinh/a-field.md", 7, 10, "error", "field", "Phòng, chống tội phạm", `lĩnh vực "Phong chong toi pham"`},
		{"content/mo-hinh/a-image-alt.md", 8, 1, "error", "image-alt", "", "thêm khóa image_alt"},
		{"content/mo-hinh/a-province.md", 5, 11, "error", "province", "Hà Nội", `tỉnh/thành "Ha Noi"`},
		{"content/mo-hinh/a-required.md", 1, 1, "error", "required", "", `thiếu khóa bắt buộc "province"`},
		{"content/mo-hinh/a-slug.md", 8, 7, "error", "slug", "camera-an-ninh-ha-noi", `slug "Camera-An-Ninh Hà Nội" không hợp lệ`},
		{"content/mo-hinh/a-summary-length.md", 3, 10, "error", "length", "", "summary dài 301 ký tự, tối đa 300"},
		{"content/mo-hinh/a-title-length.md", 2, 8, "error", "length", "", "title dài 121 ký tự, tối đa 120"},
		{"content/mo-hinh/a-type.md", 8, 10, "error", "type", "", `members phải là một số nguyên, không phải chuỗi "1.200"`},
		{"content/mo-hinh/a-unknown-key.md", 8, 1, "error", "unknown-key", "members", `khóa "membres"`},
		{"content/mo-hinh/trung-camera.md", 1, 1, "error", "duplicate-url", "", "/mo-hinh/camera-an-ninh/ với content/mo-hinh/camera-an-ninh.md"},
		{"content/tin-tuc/a-front-matter.md", 1, 1, "error", "front-matter", "", "không có dòng đóng"},
		{"content/tin-tuc/a-utf8.md", 7, 18, "error", "utf8", "", "byte 0xFF"},
	}},
	{"ledger-models-reserved", []string{"p2"}, 1, []wantDiag{
		{"content/dien-hinh/a-models.md", 6, 28, "error", "models", "", `mô hình "khong-co-mo-hinh" không tồn tại`},
		{"content/tin-tuc/a-alias-reserved.md", 5, 1, "error", "alias", "", "/tim-kiem/ trùng với trang tìm kiếm"},
		{"data/published-urls.txt", 3, 1, "error", "ledger", "/mo-hinh/tuan-tra-song-nuoc-tinh-ca-mau/", `thêm "/mo-hinh/tuan-tra-song-nuoc-ca-mau/" vào aliases`},
	}},
	{"links-and-images", []string{"p3", "pw"}, 1, append([]wantDiag{
		{"content/mo-hinh/b-anchor.md", 10, 5, "error", "anchor", "", "#khong-co: trang /mo-hinh/camera-an-ninh/"},
		{"content/mo-hinh/b-broken-link.md", 10, 5, "error", "broken-link", "", "tệp content/mo-hinh/khong-co.md không tồn tại"},
		{"content/mo-hinh/b-broken-link.md", 10, 30, "error", "broken-link", "", "/mo-hinh/khong-co/: không có trang"},
		{"content/mo-hinh/b-image-alt.md", 10, 1, "error", "image-alt", "", `ảnh "/anh/so-do.svg" thiếu mô tả`},
		{"content/mo-hinh/b-image-missing.md", 10, 6, "error", "image-missing", "", "static/anh/khong-co.svg"},
	}, warningsOnly...)},
	{"warnings-only", []string{"pw"}, 0, warningsOnly},
}

var warningsOnly = []wantDiag{
	{"content/mo-hinh/w-empty-section.md", 10, 4, "warning", "empty-section", "", `mục "Mục trống"`},
	{"content/mo-hinh/w-heading-h1.md", 10, 3, "warning", "heading-h1", "", "hãy dùng ##"},
	{"content/mo-hinh/w-heading-skip.md", 14, 6, "warning", "heading-skip", "", "cấp 4 đứng sau cấp 2"},
	{"content/mo-hinh/w-image-size/index.md", 10, 1, "warning", "image-size", "", "content/mo-hinh/w-image-size/anh-lon.svg nặng 6,3 MB"},
	{"content/mo-hinh/w-link-scheme.md", 10, 5, "warning", "link-scheme", "", `"javascript:alert(1)" bị loại bỏ`},
}

// TestCheckJSON checks every diagnostic of check_errors.txtar in the JSON
// form, field by field; that the JSON, the text form and lantoa build
// report exactly the same diagnostics in the same order; and the exit
// status of each.
func TestCheckJSON(t *testing.T) {
	ar, err := txtar.ParseFile(filepath.Join("testdata", "check_errors.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	for _, ph := range checkPhases {
		t.Run(ph.name, func(t *testing.T) {
			site := extractSite(t, ar, ph.groups...)
			// The script uses truncate; here the image is padded in Go.
			if big := filepath.Join(site, "content/mo-hinh/w-image-size/anh-lon.svg"); fileExists(big) {
				if err := os.Truncate(big, 6<<20); err != nil {
					t.Fatal(err)
				}
			}

			code, out, errOut := run(t, "check", "-s", site, "--format", "json")
			if code != ph.exit {
				t.Errorf("check --format json: exit %d, want %d\nstderr: %s", code, ph.exit, errOut)
			}
			if errOut != "" {
				t.Errorf("check --format json: stderr %q, want nothing", errOut)
			}
			dec := json.NewDecoder(strings.NewReader(out))
			dec.DisallowUnknownFields()
			var rep checkReport
			if err := dec.Decode(&rep); err != nil {
				t.Fatalf("check --format json: %v\n%s", err, out)
			}
			if dec.More() {
				t.Errorf("check --format json: more than one JSON value:\n%s", out)
			}

			var wantErr, wantWarn int
			for _, w := range ph.want {
				if w.severity == "error" {
					wantErr++
				} else {
					wantWarn++
				}
			}
			if rep.Errors != wantErr || rep.Warnings != wantWarn {
				t.Errorf("errors, warnings = %d, %d; want %d, %d", rep.Errors, rep.Warnings, wantErr, wantWarn)
			}
			if len(rep.Diagnostics) != len(ph.want) {
				t.Errorf("%d diagnostics, want %d:\n%s", len(rep.Diagnostics), len(ph.want), out)
			}
			for _, w := range ph.want {
				i := slices.IndexFunc(rep.Diagnostics, func(d checkDiag) bool {
					return d.File == w.file && d.Line == w.line && d.Code == w.code && strings.Contains(d.Message, w.msg)
				})
				if i < 0 {
					t.Errorf("no %s diagnostic at %s:%d with message containing %q", w.code, w.file, w.line, w.msg)
					continue
				}
				d := rep.Diagnostics[i]
				if d.Column != w.col || d.Severity != w.severity || d.Suggestion != w.suggestion {
					t.Errorf("%s:%d [%s]: column %d, severity %q, suggestion %q; want %d, %q, %q",
						w.file, w.line, w.code, d.Column, d.Severity, d.Suggestion, w.col, w.severity, w.suggestion)
				}
				if d.Suggestion != "" && !strings.Contains(d.Message, d.Suggestion) {
					t.Errorf("%s:%d [%s]: message %q does not show the suggestion %q", w.file, w.line, w.code, d.Message, d.Suggestion)
				}
			}
			sorted := slices.IsSortedFunc(rep.Diagnostics, func(a, b checkDiag) int {
				return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
			})
			if !sorted {
				t.Errorf("diagnostics not sorted by file, line, column:\n%s", out)
			}
			var fromJSON []string
			for _, d := range rep.Diagnostics {
				fromJSON = append(fromJSON, d.text())
			}

			// The text form: the same diagnostics, in the same order,
			// then one summary line.
			code, out, errOut = run(t, "check", "-s", site)
			if code != ph.exit {
				t.Errorf("check: exit %d, want %d", code, ph.exit)
			}
			text := lines(out)
			if len(text) == 0 {
				t.Fatalf("check: no output; stderr %q", errOut)
			}
			summary := fmt.Sprintf("lantoa check: %d lỗi, %d cảnh báo (", wantErr, wantWarn)
			if last := text[len(text)-1]; !strings.HasPrefix(last, summary) {
				t.Errorf("check: last line %q, want prefix %q", last, summary)
			}
			if got := text[:len(text)-1]; !slices.Equal(got, fromJSON) {
				t.Errorf("check text and JSON differ:\ntext:\n%s\njson:\n%s", strings.Join(got, "\n"), strings.Join(fromJSON, "\n"))
			}

			// lantoa build: the same lines on stderr; exit 1 and no output
			// folder when there are errors.
			dest := filepath.Join(t.TempDir(), "public")
			code, out, errOut = run(t, "build", "-s", site, "-d", dest, "--share-images=false")
			if code != ph.exit {
				t.Errorf("build: exit %d, want %d\nstderr: %s", code, ph.exit, errOut)
			}
			built := lines(errOut)
			if ph.exit != 0 {
				want := fmt.Sprintf("lantoa: dừng vì có %d lỗi; thư mục đầu ra cũ được giữ nguyên", wantErr)
				if len(built) == 0 || built[len(built)-1] != want {
					t.Errorf("build: stderr does not end with %q:\n%s", want, errOut)
				} else {
					built = built[:len(built)-1]
				}
				if out != "" {
					t.Errorf("build: stdout %q, want nothing", out)
				}
				if fileExists(dest) {
					t.Errorf("build wrote %s despite errors", dest)
				}
			} else if !fileExists(filepath.Join(dest, "index.html")) {
				t.Errorf("build: no %s/index.html", dest)
			}
			if !slices.Equal(built, fromJSON) {
				t.Errorf("build and check report different diagnostics:\nbuild:\n%s\ncheck:\n%s", strings.Join(built, "\n"), strings.Join(fromJSON, "\n"))
			}
		})
	}
}

// TestCheckJSONCleanSite: a clean site gives an empty list, not null.
func TestCheckJSONCleanSite(t *testing.T) {
	ar, err := txtar.ParseFile(filepath.Join("testdata", "check_errors.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	site := extractSite(t, ar)
	code, out, errOut := run(t, "check", "-s", site, "--format", "json")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	if got := string(raw["diagnostics"]); got != "[]" {
		t.Errorf("diagnostics = %s, want []", got)
	}
	if string(raw["errors"]) != "0" || string(raw["warnings"]) != "0" {
		t.Errorf("errors, warnings = %s, %s; want 0, 0", raw["errors"], raw["warnings"])
	}
}

// TestNewDate: the date of a new story is today in the site's time zone
// (Asia/Ho_Chi_Minh when site.toml names none). Kiritimati (UTC+14) and
// Pago Pago (UTC−11) never share a calendar day, so the site's zone must
// really be used.
func TestNewDate(t *testing.T) {
	ar, err := txtar.ParseFile(filepath.Join("testdata", "new_mo_hinh.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	for _, zone := range []string{"", "Asia/Ho_Chi_Minh", "Pacific/Kiritimati", "Pacific/Pago_Pago"} {
		for _, kind := range []string{"mo-hinh", "dien-hinh", "tin-tuc"} {
			t.Run(cmp.Or(zone, "default")+"/"+kind, func(t *testing.T) {
				loc, err := time.LoadLocation(cmp.Or(zone, "Asia/Ho_Chi_Minh"))
				if err != nil {
					t.Skipf("no time zone data: %v", err)
				}
				site := extractSite(t, ar)
				if zone != "" {
					appendFile(t, filepath.Join(site, "site.toml"), fmt.Sprintf("timeZone = %q\n", zone))
				}
				before := time.Now().In(loc).Format(time.DateOnly)
				code, out, errOut := run(t, "new", "-s", site, kind, "Ngày hội toàn dân")
				after := time.Now().In(loc).Format(time.DateOnly)
				if code != 0 {
					t.Fatalf("exit %d: %s", code, errOut)
				}
				src, err := os.ReadFile(filepath.Join(site, strings.TrimSpace(out)))
				if err != nil {
					t.Fatal(err)
				}
				m := regexp.MustCompile(`(?m)^date: (.*)$`).FindSubmatch(src)
				if m == nil {
					t.Fatalf("no date line in\n%s", src)
				}
				if got := string(m[1]); got != before && got != after {
					t.Errorf("date: %s, want %s (today in %s)", got, before, loc)
				}
			})
		}
	}
}

// edit is a sed-like replacement that must apply exactly once.
type edit struct{ old, new string }

func applyEdits(t *testing.T, src string, edits []edit) string {
	t.Helper()
	for _, e := range edits {
		if n := strings.Count(src, e.old); n != 1 {
			t.Fatalf("%q occurs %d times in the new file, want once:\n%s", e.old, n, src)
		}
		src = strings.Replace(src, e.old, e.new, 1)
	}
	return src
}

// TestNewThenPublish does what an editor does: lantoa new, fill in the
// placeholders and set draft: false with plain text edits, then check and
// build. For mo-hinh the finished file must be exactly finished.md of
// new_mo_hinh.txtar (the file the script publishes), so that file stays
// what the archetype gives.
func TestNewThenPublish(t *testing.T) {
	ar, err := txtar.ParseFile(filepath.Join("testdata", "new_mo_hinh.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	var finished string
	for _, f := range ar.Files {
		if f.Name == "finished.md" {
			finished = string(f.Data)
		}
	}
	if finished == "" {
		t.Fatal("no finished.md in new_mo_hinh.txtar")
	}
	sections := []edit{
		{"## Bối cảnh\n", "## Bối cảnh\n\nNgõ nhỏ, nhiều người lạ qua lại.\n"},
		{"## Cách làm\n", "## Cách làm\n\nMỗi hộ góp một phần.\n"},
		{"## Kết quả\n", "## Kết quả\n\nKhông còn vụ trộm nào.\n"},
		{"## Bài học kinh nghiệm\n", "## Bài học kinh nghiệm\n\nBàn bạc công khai.\n"},
	}
	tests := []struct {
		kind, title, file, url string
		edits                  []edit
		golden                 string
	}{
		{"mo-hinh", "Camera an ninh phường Yên Hòa", "content/mo-hinh/camera-an-ninh-phuong-yen-hoa.md", "mo-hinh/camera-an-ninh-phuong-yen-hoa", []edit{
			{`summary: "Viết tóm tắt ở đây."`, `summary: "Người dân tổ dân phố góp tiền lắp camera hướng ra ngõ; trộm cắp giảm hẳn."`},
			{`locality: "phường ..."`, `locality: "phường Yên Hòa"`},
			{"\nreplications: 0\n", "\nreplications: 124000\n"},
			{"\nmembers: 0\n", "\nmembers: 350\n"},
			{`contact: "Công an ..."`, `contact: "Công an phường Yên Hòa"`},
			{`value: "0"`, `value: "12"`},
			{"\ndraft: true\n", "\ndraft: false\n"},
			{"Địa bàn trước khi có mô hình: tình hình an ninh, trật tự, khó khăn.", "Ngõ nhỏ, nhiều người lạ qua lại, trộm cắp xe máy xảy ra thường xuyên."},
			{"Ai tham gia, tổ chức thế nào, kinh phí, trang thiết bị, cách xử lý khi có vụ việc.", "Mỗi hộ góp tiền; tổ trưởng và công an phường cùng xem camera trên điện thoại."},
			{"Số liệu trước và sau, những việc cụ thể đã làm được.", "Hai năm không còn vụ trộm xe máy nào trong ngõ."},
			{"Điều gì giúp mô hình thành công; nơi khác muốn làm theo cần lưu ý gì.", "Bàn bạc công khai với từng hộ trước khi lắp."},
		}, finished},
		{"dien-hinh", "Ông Nguyễn Văn An", "content/dien-hinh/ong-nguyen-van-an.md", "dien-hinh/ong-nguyen-van-an", append([]edit{
			{`summary: "Viết tóm tắt ở đây."`, `summary: "Người khởi xướng mô hình camera an ninh."`},
			{`award: "Bằng khen của ..."`, `award: "Bằng khen của Bộ trưởng Bộ Công an"`},
			{"\nrecipient: tap-the\n", "\nrecipient: ca-nhan\n"},
			{"\nmodels: []\n", "\nmodels: [\"camera-an-ninh\"]\n"},
			{"\ndraft: true\n", "\ndraft: false\n"},
		}, sections...), ""},
		{"tin-tuc", "Ngày hội toàn dân bảo vệ an ninh Tổ quốc", "content/tin-tuc/ngay-hoi-toan-dan-bao-ve-an-ninh-to-quoc.md", "tin-tuc/ngay-hoi-toan-dan-bao-ve-an-ninh-to-quoc", []edit{
			{`summary: "Viết tóm tắt ở đây."`, `summary: "Ngày hội ở xã Tiên Phong."`},
			{"\ntags: []\n", "\ntags: [\"ngày hội\"]\n"},
			{"\ndraft: true\n", "\ndraft: false\n"},
			{"Nội dung tin.", "Ngày hội diễn ra vui vẻ."},
		}, ""},
		{"trang", "Giới thiệu", "content/gioi-thieu.md", "gioi-thieu", []edit{
			{"Nội dung trang.", "Trang này giới thiệu phong trào."},
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.kind, func(t *testing.T) {
			site := extractSite(t, ar)
			code, out, errOut := run(t, "new", "-s", site, tt.kind, tt.title)
			if code != 0 || out != tt.file+"\n" || errOut != "" {
				t.Fatalf("new: exit %d, stdout %q, stderr %q; want 0, %q, nothing", code, out, errOut, tt.file+"\n")
			}
			path := filepath.Join(site, filepath.FromSlash(tt.file))
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(src), fmt.Sprintf("\ntitle: %q\n", tt.title)) {
				t.Errorf("no title line for %q in\n%s", tt.title, src)
			}
			done := applyEdits(t, string(src), tt.edits)
			if tt.golden != "" {
				// finished.md has a fixed date and start year.
				done = regexp.MustCompile(`(?m)^date: .*$`).ReplaceAllString(done, "date: 2025-11-18")
				done = regexp.MustCompile(`(?m)^started: .*$`).ReplaceAllString(done, "started: 2023")
				if done != tt.golden {
					t.Errorf("the archetype filled in differs from finished.md in new_mo_hinh.txtar (update one of them):\ngot:\n%s\nwant:\n%s", done, tt.golden)
				}
			}
			if err := os.WriteFile(path, []byte(done), 0o644); err != nil {
				t.Fatal(err)
			}

			code, out, errOut = run(t, "check", "-s", site, "--format", "json")
			var rep checkReport
			if err := json.Unmarshal([]byte(out), &rep); err != nil {
				t.Fatalf("check: %v (stderr %q)", err, errOut)
			}
			if code != 0 || len(rep.Diagnostics) != 0 {
				t.Errorf("check of the finished file: exit %d, diagnostics %+v", code, rep.Diagnostics)
			}
			dest := filepath.Join(t.TempDir(), "public")
			if code, _, errOut := run(t, "build", "-s", site, "-d", dest, "--share-images=false"); code != 0 {
				t.Fatalf("build: exit %d: %s", code, errOut)
			}
			html, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(tt.url), "index.html"))
			if err != nil {
				t.Fatalf("the finished %s is not published: %v", tt.kind, err)
			}
			if h1 := "<h1>" + tt.title + "</h1>"; !bytes.Contains(html, []byte(h1)) {
				t.Errorf("%s/index.html has no %s", tt.url, h1)
			}
		})
	}
}

// extractSite writes the archive's site/ files, and the files of each
// group ("p1/content/x.md" → "content/x.md"), into a new folder with the
// repository's default theme, and returns that folder.
func extractSite(t *testing.T, ar *txtar.Archive, groups ...string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	write := func(rel string, data []byte) {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range ar.Files {
		if rel, ok := strings.CutPrefix(f.Name, "site/"); ok {
			write(rel, f.Data)
		}
	}
	for _, g := range groups {
		n := 0
		for _, f := range ar.Files {
			if rel, ok := strings.CutPrefix(f.Name, g+"/"); ok {
				write(rel, f.Data)
				n++
			}
		}
		if n == 0 {
			t.Fatalf("no files in group %s", g)
		}
	}
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("no caller")
	}
	theme := filepath.Join(filepath.Dir(file), "..", "..", "themes", "default")
	if err := copyDir(theme, filepath.Join(dir, "themes", "default")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// run runs lantoa with args in this process.
func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = cli.Run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

func lines(s string) []string {
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

func appendFile(t *testing.T, p, s string) {
	t.Helper()
	f, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(s); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}
