// Package ledger keeps the list of every URL a site has published, so that
// a shared link never breaks.
//
// The ledger is data/published-urls.txt in the site folder: one site path
// per line ("/mo-hinh/camera-an-ninh-phuong-yen-hoa/"), sorted, with
// comment lines starting with "#". It is committed with the content.
//
// A build checks every ledger URL: it must still be published, or be an
// alias of a page (which becomes a 301 redirect). A URL that disappeared
// fails the build with an error at its ledger line that names the page it
// most likely moved to, and says how to fix it (add the old URL to that
// page's aliases). A successful production build (not drafts, not serve)
// adds the URLs it published for the first time.
package ledger

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/lantoa/lantoa/internal/diag"
	"github.com/lantoa/lantoa/internal/vi"
)

// File is the ledger's path in the site folder.
const File = "data/published-urls.txt"

const header = "# Mọi đường dẫn trang đã từng xuất bản (lantoa tự cập nhật; hãy commit tệp này).\n# Đổi tên hoặc gỡ bài: thêm đường dẫn cũ vào aliases của trang mới, đừng xóa dòng ở đây.\n"

// Entry is one ledger line.
type Entry struct {
	URL  string
	Line int
}

// Read reads the ledger; a missing file is an empty ledger.
func Read(fsys fs.FS) ([]Entry, error) {
	data, err := fs.ReadFile(fsys, File)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Entry
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		out = append(out, Entry{URL: l, Line: n})
	}
	return out, sc.Err()
}

// Check reports ledger URLs that are neither published nor aliases.
// published maps a URL to nothing in particular; candidates are the page
// URLs among which to guess the new home of a vanished URL.
func Check(entries []Entry, published map[string]bool, candidates []string) diag.List {
	var ds diag.List
	for _, e := range entries {
		if published[e.URL] {
			continue
		}
		d := diag.Errorf(diag.Pos{File: File, Line: e.Line, Col: 1}, "ledger", "đường dẫn %s đã từng được xuất bản nhưng nay không còn: liên kết đã chia sẻ sẽ hỏng", e.URL)
		if best := Likely(e.URL, candidates); best != "" {
			d.Msg += fmt.Sprintf("; có lẽ bài đã chuyển tới %s: hãy thêm %q vào aliases của trang đó", best, e.URL)
			d.Suggestion = best
		} else {
			d.Msg += "; hãy thêm đường dẫn này vào aliases của trang thay thế"
		}
		ds = append(ds, d)
	}
	return ds
}

// Likely guesses which candidate URL an old URL moved to: same section
// first, then the closest last segment by edit distance.
func Likely(old string, candidates []string) string {
	oldSeg := path.Base(strings.TrimSuffix(old, "/"))
	oldDir := path.Dir(strings.TrimSuffix(old, "/"))
	best, bestScore := "", 1<<30
	for _, c := range candidates {
		seg := path.Base(strings.TrimSuffix(c, "/"))
		score := vi.Distance(oldSeg, seg)
		if path.Dir(strings.TrimSuffix(c, "/")) != oldDir {
			score += 1000
		}
		if score < bestScore || score == bestScore && c < best {
			best, bestScore = c, score
		}
	}
	if bestScore >= 1000 || bestScore > max(len(oldSeg), 4) {
		return ""
	}
	return best
}

// Update adds urls missing from the ledger in the site folder dir and
// rewrites it (sorted) only when something was added.
func Update(dir string, entries []Entry, urls []string) (added int, err error) {
	have := map[string]bool{}
	all := []string{}
	for _, e := range entries {
		if !have[e.URL] {
			have[e.URL] = true
			all = append(all, e.URL)
		}
	}
	for _, u := range urls {
		if !have[u] {
			have[u] = true
			all = append(all, u)
			added++
		}
	}
	if added == 0 {
		return 0, nil
	}
	slices.Sort(all)
	var b bytes.Buffer
	b.WriteString(header)
	for _, u := range all {
		b.WriteString(u)
		b.WriteByte('\n')
	}
	p := filepath.Join(dir, filepath.FromSlash(File))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return 0, err
	}
	tmp := p + ".tmp"
	if err := os.WriteFile(tmp, b.Bytes(), 0o644); err != nil {
		return 0, err
	}
	return added, os.Rename(tmp, p)
}
