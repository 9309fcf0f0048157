//go:build unix

package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

const repo = "../../.."

func TestParseFlags(t *testing.T) {
	c, err := parseFlags([]string{"-sizes", "10, 200", "-runs", "2", "-share", "all", "-keep", ""}, new(bytes.Buffer))
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(c.sizes) != "[10 200]" || c.runs != 2 || !c.share[10] || !c.share[200] || c.keep != "" || !filepath.IsAbs(c.repo) {
		t.Errorf("config = %+v", c)
	}
	c, err = parseFlags(nil, new(bytes.Buffer))
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(c.sizes) != "[1000 10000 50000]" || c.runs != 3 || c.exemplars != 44 || !c.share[1000] || c.share[10000] || c.keep != "/tmp/lantoa-bench" {
		t.Errorf("defaults = %+v", c)
	}
	for _, args := range [][]string{
		{"-sizes", "10,x"}, {"-sizes", "0"}, {"-sizes", ""}, {"-runs", "0"}, {"-share", "a"}, {"-exemplars", "-1"}, {"extra"},
	} {
		if _, err := parseFlags(args, new(bytes.Buffer)); err == nil {
			t.Errorf("parseFlags(%q): no error", args)
		}
	}
	if code := run(context.Background(), []string{"-runs", "x"}, new(bytes.Buffer), new(bytes.Buffer)); code != 2 {
		t.Errorf("bad flag: exit %d, want 2", code)
	}
}

func TestParseProc(t *testing.T) {
	if v := parseLoadAvg("1.52 0.98 0.40 3/512 12345\n"); v != 1.52 {
		t.Errorf("parseLoadAvg = %v", v)
	}
	if v := parseLoadAvg(""); !math.IsNaN(v) {
		t.Errorf("parseLoadAvg(\"\") = %v, want NaN", v)
	}
	stat := "cpu  100 20 30 5000 40 5 6 7 0 0\ncpu0 50 10 15 2500 20 2 3 3 0 0\nintr 1\n"
	// user+nice+system+irq+softirq+steal = 100+20+30+5+6+7 = 168 ticks.
	if d, err := parseStat(stat); err != nil || d != 1680*time.Millisecond {
		t.Errorf("parseStat = %v, %v; want 1.68s", d, err)
	}
	if _, err := parseStat("intr 1\n"); err == nil {
		t.Error("parseStat without a cpu line: no error")
	}
	if _, err := parseStat("cpu 1 2 x 4 5 6 7 8\n"); err == nil {
		t.Error("parseStat with a bad number: no error")
	}
}

func TestOutputParsing(t *testing.T) {
	out := "  load       812 ms\n  pages    11510 ms\nlantoa: 31.783 trang, 0 tệp tĩnh trong 89,4 s\n"
	if n := pagesOf(lantoaPages, out); n != 31783 {
		t.Errorf("lantoa pages = %d, want 31783", n)
	}
	if n := pagesOf(floorPages, "floor: 14400 pages in 9.1s\n"); n != 14400 {
		t.Errorf("floor pages = %d, want 14400", n)
	}
	if n := pagesOf(lantoaPages, "no summary"); n != -1 {
		t.Errorf("no summary: %d, want -1", n)
	}
	st := stagesOf(out)
	if len(st) != 2 || st[0] != (stage{"load", 812 * time.Millisecond}) || st[1] != (stage{"pages", 11510 * time.Millisecond}) {
		t.Errorf("stages = %v", st)
	}
}

func res(models int, floor, lantoa time.Duration, rss int64, load float64) *result {
	s := spec{Models: models, Exemplars: models * 44 / 100}
	return &result{
		spec: s, Pages: 2 * s.Stories(), FloorPages: s.Stories(),
		Floor:  measurement{Wall: floor, Load: 0.5, Others: 0.1},
		Lantoa: measurement{Wall: lantoa, User: lantoa, Sys: lantoa / 2, MaxRSS: rss, Load: load, Others: 0.2},
	}
}

func TestReport(t *testing.T) {
	rep := &report{cpus: 2, runs: 3, rows: []*result{
		res(1000, time.Second, 2*time.Second, 90<<20, 0.3),
		res(10000, 10*time.Second, 14*time.Second, 450<<20, 2.5),
		res(50000, 50*time.Second, 84*time.Second, 900<<20, 0.9),
	}}
	rep.rows[1].Share = []measurement{{Wall: 100 * time.Second, MaxRSS: 300 << 20}, {Wall: 20 * time.Second}}
	rep.rows[1].Stages = []stage{{"load", 2 * time.Second}}
	var w bytes.Buffer
	rep.write(&w)
	out := w.String()
	for _, re := range []string{
		`(?m)^\s+1000\s+1440\s+2880\s+1\.00s\s+2\.00s\s+2\.00×\s+3\.00s\s+90 MB\s+1440\s+0\.30\s+0\.20$`,
		`(?m)^\s+10000\s+14400\s+28800\s+10\.00s\s+14\.00s\s+1\.40×\s+21\.00s\s+450 MB\s+2057\s+2\.50\s+0\.20$`,
		`WARNING: 10000: load average 2\.50 > 1\.5 before the best lantoa run \(other processes used 0\.20 CPUs during it\)`,
		`10000 stages \(best run\): load 2\.00s`,
		`10000 with share images: cold cache 100\.00s .*RSS 300 MB\), warm cache 20\.00s .*RSS -\)`,
		`scaling 10000→50000: 5\.00× the stories took 6\.00× the wall time \(floor 5\.00×\)`,
		`ok   10000: lantoa/floor wall 1\.40× \(≤ 1\.5×\)`,
		`OVER 10000: peak RSS 450 MB \(≤ 400 MB\)`,
		`OVER 50000/10000 wall 6\.00× \(≤ 5\.5×\)`,
	} {
		if !regexp.MustCompile(re).MatchString(out) {
			t.Errorf("report lacks %s:\n%s", re, out)
		}
	}
	if strings.Contains(out, "WARNING: 1000:") || strings.Contains(out, "WARNING: 50000:") {
		t.Errorf("warning for a quiet machine:\n%s", out)
	}
	// Without the budget sizes there is no budget section.
	w.Reset()
	(&report{cpus: 2, runs: 1, rows: rep.rows[:1]}).write(&w)
	if strings.Contains(w.String(), "budgets") {
		t.Errorf("budgets without size 10000:\n%s", w.String())
	}
}

// TestHelperProcess is the child of TestMeasure: it holds 64 MB and burns
// 300 ms of CPU time (not wall time: the machine may be busy).
func TestHelperProcess(t *testing.T) {
	if os.Getenv("BENCHSITE_HELPER") != "1" {
		t.Skip("helper process")
	}
	mem := make([]byte, 64<<20)
	for i := range mem {
		mem[i] = byte(i)
	}
	x := 0
	for {
		var ru syscall.Rusage
		if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
			t.Fatal(err)
		}
		if time.Duration(ru.Utime.Nano()+ru.Stime.Nano()) >= 300*time.Millisecond {
			break
		}
		for range 100000 {
			x++
		}
	}
	fmt.Println("helper", mem[len(mem)-1], x > 0)
	os.Exit(0)
}

func TestMeasure(t *testing.T) {
	m, err := measure(context.Background(), []string{"BENCHSITE_HELPER=1"}, os.Args[0], "-test.run=^TestHelperProcess$")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(m.Output, "helper 255 true") {
		t.Errorf("output = %q", m.Output)
	}
	if m.CPU() < 300*time.Millisecond || m.Wall < m.CPU()/time.Duration(runtime.NumCPU()) {
		t.Errorf("wall %v, CPU %v; want CPU ≥ 300ms", m.Wall, m.CPU())
	}
	if runtime.GOOS == "linux" {
		if m.MaxRSS < 64<<20 || m.MaxRSS > 1<<30 {
			t.Errorf("peak RSS %d bytes, want about 64 MB", m.MaxRSS)
		}
		if math.IsNaN(m.Load) || math.IsNaN(m.Others) || m.Others < 0 {
			t.Errorf("load %v, others %v", m.Load, m.Others)
		}
	}
	_, err = measure(context.Background(), nil, "sh", "-c", "echo broken; exit 3")
	var re *RunError
	if !errors.As(err, &re) || !strings.Contains(re.Output, "broken") {
		t.Errorf("failing program: err = %v, want a RunError with its output", err)
	}
}

func TestEnsureCorpus(t *testing.T) {
	keep := t.TempDir()
	gencorpus := filepath.Join(t.TempDir(), "gencorpus")
	ctx := context.Background()
	if err := goBuild(ctx, repo, gencorpus, "./internal/cmd/gencorpus"); err != nil {
		t.Fatal(err)
	}
	var log bytes.Buffer
	progress := func(f string, a ...any) { fmt.Fprintf(&log, f+"\n", a...) }
	s := spec{Models: 5, Exemplars: 2, News: 1, Seed: 3}
	site, err := ensureCorpus(ctx, keep, repo, gencorpus, s, progress)
	if err != nil {
		t.Fatal(err)
	}
	if site != filepath.Join(keep, "5-e2-n1-s3") {
		t.Errorf("site = %s", site)
	}
	count := func(section string) int {
		e, err := os.ReadDir(filepath.Join(site, "content", section))
		if err != nil {
			t.Fatal(err)
		}
		return len(e) - 1 // _index.md
	}
	if m, e, n := count("mo-hinh"), count("dien-hinh"), count("tin-tuc"); m != 5 || e != 2 || n != 1 {
		t.Errorf("stories %d, %d, %d; want 5, 2, 1", m, e, n)
	}
	theme := filepath.Join(site, "themes", "default", "layouts", "_default", "baseof.html")
	want, err := os.ReadFile(filepath.Join(repo, "themes", "default", "layouts", "_default", "baseof.html"))
	if err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(theme); err != nil || !bytes.Equal(got, want) {
		t.Errorf("theme not copied: %v", err)
	}
	// The second time the corpus is reused and the theme copied afresh.
	marker := filepath.Join(site, "content", "mo-hinh", "marker.md")
	if err := os.WriteFile(marker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(theme, []byte("stale"), 0o644); err != nil {
		t.Fatal(err)
	}
	log.Reset()
	if _, err := ensureCorpus(ctx, keep, repo, gencorpus, s, progress); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(log.String(), "reusing") {
		t.Errorf("second call: %q, want reusing", log.String())
	}
	if _, err := os.Stat(marker); err != nil {
		t.Errorf("corpus regenerated: %v", err)
	}
	if got, _ := os.ReadFile(theme); !bytes.Equal(got, want) {
		t.Error("theme not copied afresh")
	}
	// A leftover of an interrupted generation is not taken for a corpus.
	s.Seed = 4
	if err := os.MkdirAll(filepath.Join(keep, s.name()+".tmp", "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := ensureCorpus(ctx, keep, repo, gencorpus, s, progress); err != nil {
		t.Errorf("after an interrupted generation: %v", err)
	}
}

// TestBench runs the whole harness on a tiny corpus.
func TestBench(t *testing.T) {
	if testing.Short() {
		t.Skip("builds lantoa and runs it")
	}
	keep := t.TempDir()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"-sizes", "6", "-runs", "2", "-share", "6", "-repo", repo, "-keep", keep, "-profile", filepath.Join(keep, "prof")}, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, stdout.String(), stderr.String())
	}
	out := stdout.String()
	// 6 models + 2 exemplars; lantoa writes more pages than stories.
	row := regexp.MustCompile(`(?m)^\s+6\s+8\s+(\d+)\s+\S+s\s+\S+s\s+\S+×\s+\S+s\s+\d+ MB\s+\d+`).FindStringSubmatch(out)
	if row == nil {
		t.Fatalf("no row for size 6:\n%s", out)
	}
	if row[1] == "0" || row[1] == "-1" {
		t.Errorf("pages = %s", row[1])
	}
	if !strings.Contains(out, "6 with share images: cold cache") {
		t.Errorf("no share images line:\n%s", out)
	}
	if strings.Contains(out, "WARNING: 6: floor wrote") {
		t.Errorf("floor wrote the wrong number of pages:\n%s", out)
	}
	if n := strings.Count(stderr.String(), "6 run "); n != 4 {
		t.Errorf("%d progress lines of runs, want 4 (2 floor, 2 lantoa):\n%s", n, stderr.String())
	}
	for _, f := range []string{"cpu-6.prof", "mem-6.prof"} {
		if st, err := os.Stat(filepath.Join(keep, "prof", f)); err != nil || st.Size() == 0 {
			t.Errorf("profile %s: %v", f, err)
		}
	}
	// The outputs are removed; the corpus is kept.
	if _, err := os.Stat(filepath.Join(keep, "out", "6-lantoa")); !os.IsNotExist(err) {
		t.Errorf("output kept: %v", err)
	}
	if _, err := os.Stat(filepath.Join(keep, "6-e2-n0-s1", "site.toml")); err != nil {
		t.Errorf("corpus not kept: %v", err)
	}
}
