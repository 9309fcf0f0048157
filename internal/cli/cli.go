// Package cli implements the lantoa command line: it parses flags and
// makes one call into build, serve, check or new. It never calls os.Exit;
// Run returns the exit status (0 success, 1 site errors, 2 usage errors).
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/lantoa/lantoa/internal/build"
	"github.com/lantoa/lantoa/internal/vi"
)

// Exit statuses.
const (
	ExitOK    = 0
	ExitSite  = 1
	ExitUsage = 2
)

const usage = `lantoa – xuất bản các câu chuyện mô hình hay thành trang web tĩnh.

Cách dùng:
  lantoa build   [-s THƯ_MỤC] [-d ĐÍCH] [--drafts] [--future] [--baseURL URL] [--quiet]
  lantoa serve   [-s THƯ_MỤC] [--bind 127.0.0.1] [--port 1313] [--drafts] [--open]
  lantoa check   [-s THƯ_MỤC] [--format text|json]
  lantoa new     mo-hinh|dien-hinh|tin-tuc|trang "Tiêu đề"
  lantoa search  [-s THƯ_MỤC] "từ khóa"
  lantoa version
  lantoa help
`

// Run runs the command line args (without the program name).
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return ExitUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "build":
		return runBuild(ctx, rest, stdout, stderr)
	case "version", "--version", "-v":
		fmt.Fprintln(stdout, "lantoa", version())
		return ExitOK
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return ExitOK
	case "check":
		return runCheck(ctx, rest, stdout, stderr)
	case "new":
		return runNew(ctx, rest, stdout, stderr)
	case "search":
		return runSearch(ctx, rest, stdout, stderr)
	case "serve":
		return runServe(ctx, rest, stdout, stderr)
	}
	fmt.Fprintf(stderr, "lantoa: không có lệnh %q\n\n%s", cmd, usage)
	return ExitUsage
}

func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// flagSet makes a FlagSet that reports usage errors to stderr.
func flagSet(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("lantoa "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// Garbage collection during `lantoa build`: the build keeps every page's
// model and plain text (for the search index) while rendering allocates
// many times that, so at the default (100 %) the heap peaks near twice the
// live data: 450–476 MB for issue #11's 14,400 stories, whose budget is
// 400 MB. At 50 % the peak was 355–370 MB for the same user CPU time
// within the run-to-run noise (18–23 s). GOGC in the environment wins.
const buildGCPercent = 50

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flagSet("build", stderr)
	var o build.Options
	var quiet bool
	fs.StringVar(&o.Source, "s", ".", "thư mục trang")
	fs.StringVar(&o.Source, "source", ".", "thư mục trang")
	fs.StringVar(&o.Dest, "d", "", "thư mục đích (mặc định THƯ_MỤC/public)")
	fs.StringVar(&o.Dest, "destination", "", "thư mục đích (mặc định THƯ_MỤC/public)")
	fs.BoolVar(&o.Drafts, "drafts", false, "xuất bản cả bản nháp")
	fs.BoolVar(&o.Future, "future", false, "xuất bản cả bài có ngày trong tương lai")
	fs.StringVar(&o.BaseURL, "baseURL", "", "địa chỉ trang, thay cho baseURL trong site.toml")
	fs.BoolVar(&quiet, "quiet", false, "không in tóm tắt")
	fs.BoolVar(&o.ShareImages, "share-images", true, "vẽ ảnh chia sẻ 1200×630 (--share-images=false để bỏ qua)")
	var cpuprofile, memprofile string
	fs.StringVar(&cpuprofile, "cpuprofile", "", "ghi hồ sơ CPU (pprof) vào tệp này")
	fs.StringVar(&memprofile, "memprofile", "", "ghi hồ sơ bộ nhớ (pprof) vào tệp này")
	if err := fs.Parse(args); err != nil {
		return ExitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "lantoa build: thừa tham số %q\n", fs.Args())
		return ExitUsage
	}
	stop, err := cpuProfile(cpuprofile)
	if err != nil {
		fmt.Fprintf(stderr, "lantoa: %v\n", err)
		return ExitUsage
	}
	defer stop()
	if memprofile != "" {
		defer func() { _ = writeProfile(memprofile, "heap") }()
	}
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(buildGCPercent))
	}
	res, err := build.Build(ctx, o)
	if res != nil {
		_ = res.Diags.WriteText(stderr)
		printStages(stderr, res)
	}
	if err != nil {
		if errors.Is(err, build.ErrFailed) {
			e, _ := res.Diags.Count()
			fmt.Fprintf(stderr, "lantoa: dừng vì có %s lỗi; thư mục đầu ra cũ được giữ nguyên\n", vi.FormatInt(int64(e)))
		} else {
			fmt.Fprintf(stderr, "lantoa: %v\n", err)
		}
		return ExitSite
	}
	if !quiet {
		imgs := ""
		if n := res.ImagesProcessed + res.ImagesCached; n > 0 {
			imgs = fmt.Sprintf(", %s ảnh (%s xử lý mới, %s từ bộ nhớ đệm)", vi.FormatInt(int64(n)), vi.FormatInt(int64(res.ImagesProcessed)), vi.FormatInt(int64(res.ImagesCached)))
		}
		fmt.Fprintf(stdout, "lantoa: %s trang, %s tệp tĩnh%s trong %s s\n", vi.FormatInt(int64(res.Pages)), vi.FormatInt(int64(res.Static)), imgs, seconds(res.Duration))
	}
	return ExitOK
}

// cpuProfile starts a CPU profile written to file ("" does nothing);
// stop ends it and closes the file.
func cpuProfile(file string) (stop func(), err error) {
	if file == "" {
		return func() {}, nil
	}
	f, err := os.Create(file)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}

// writeProfile writes the named runtime profile ("heap", "allocs") to file.
func writeProfile(file, name string) error {
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	if err := pprof.Lookup(name).WriteTo(f, 0); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// printStages prints the time of each build stage when LANTOA_STAGES is
// set.
func printStages(w io.Writer, res *build.Result) {
	if res == nil || os.Getenv("LANTOA_STAGES") == "" {
		return
	}
	for _, st := range res.Stages {
		fmt.Fprintf(w, "  %-6s %6d ms\n", st.Name, st.Duration.Milliseconds())
	}
}

func seconds(d time.Duration) string {
	return strings.Replace(fmt.Sprintf("%.1f", d.Seconds()), ".", ",", 1)
}
