package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lantoa/lantoa/internal/corpus"
)

// checkSite generates a site of models+0.44×models exemplars (issue #7's
// proportions) with the repository's theme.
func checkSite(tb testing.TB, models int) string {
	tb.Helper()
	dir := filepath.Join(tb.TempDir(), "site")
	if err := corpus.Generate(dir, corpus.Options{Models: models, Exemplars: models * 44 / 100, News: 10, Seed: 1, DataDir: "../../data"}); err != nil {
		tb.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(dir, "themes", "default"), os.DirFS("../../themes/default")); err != nil {
		tb.Fatal(err)
	}
	return dir
}

// TestCheckCorpus runs `lantoa check` on a generated site, clean and then
// with a broken link: exit status, text and JSON output.
func TestCheckCorpus(t *testing.T) {
	dir := checkSite(t, 40)
	var out, errOut bytes.Buffer
	if code := Run(context.Background(), []string{"check", "-s", dir}, &out, &errOut); code != ExitOK {
		t.Fatalf("check of a clean site: exit %d\n%s%s", code, out.String(), errOut.String())
	}
	if !strings.HasPrefix(out.String(), "lantoa check: 0 lỗi, 0 cảnh báo") {
		t.Errorf("summary %q", out.String())
	}
	files, err := filepath.Glob(filepath.Join(dir, "content", "mo-hinh", "*.md"))
	if err != nil || len(files) == 0 {
		t.Fatal(files, err)
	}
	src, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	lines := bytes.Count(src, []byte("\n"))
	if err := os.WriteFile(files[0], append(src, "\nXem [trang cũ](/mo-hinh/khong-co/).\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if code := Run(context.Background(), []string{"check", "-s", dir, "--format", "json"}, &out, &errOut); code != ExitSite {
		t.Fatalf("check with a broken link: exit %d, want %d", code, ExitSite)
	}
	var got struct {
		Diagnostics []struct {
			File   string
			Line   int
			Column int
			Code   string
		}
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("JSON output: %v\n%s", err, out.String())
	}
	rel, _ := filepath.Rel(dir, files[0])
	if len(got.Diagnostics) != 1 || got.Diagnostics[0].Code != "broken-link" || got.Diagnostics[0].File != filepath.ToSlash(rel) ||
		got.Diagnostics[0].Line != lines+2 || got.Diagnostics[0].Column != 5 {
		t.Errorf("diagnostics %+v, want one broken-link at %s:%d:5", got.Diagnostics, rel, lines+2)
	}
}

// BenchmarkCheck is `lantoa check` of a generated site of 300 models, 132
// exemplars and 10 news, start to end: ns/op for the whole site, and
// ns/story.
func BenchmarkCheck(b *testing.B) {
	dir := checkSite(b, 300)
	args := []string{"check", "-s", dir}
	b.ResetTimer()
	for b.Loop() {
		var out, errOut bytes.Buffer
		if code := Run(context.Background(), args, &out, &errOut); code != ExitOK {
			b.Fatalf("exit %d: %s%s", code, out.String(), errOut.String())
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*442), "ns/story")
}
