package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime/debug"

	"github.com/lantoa/lantoa/internal/build"
	"github.com/lantoa/lantoa/internal/vi"
)

// Garbage collection during `lantoa check`, a short run: the live heap is
// mostly the pages (about 140 MB at most for the 14,400 stories of issue
// #7's corpus) while parsing allocates several times that. Collecting when
// the heap has grown by 150% instead of 100% took ≈9% less CPU time for
// ≈40 MB more peak RSS there (≈335 MB; 200% saved no more CPU and cost
// ≈120 MB). The memory limit keeps a very large site from growing its heap
// by as much: past 1 GiB the runtime collects as if GOGC were lower.
const (
	checkGCPercent   = 150
	checkMemoryLimit = 1 << 30
)

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flagSet("check", stderr)
	var o build.Options
	var format string
	fs.StringVar(&o.Source, "s", ".", "thư mục trang")
	fs.StringVar(&o.Source, "source", ".", "thư mục trang")
	fs.BoolVar(&o.Drafts, "drafts", false, "kiểm tra như khi xuất bản cả bản nháp")
	fs.BoolVar(&o.Future, "future", false, "kiểm tra như khi xuất bản cả bài có ngày tương lai")
	fs.StringVar(&format, "format", "text", "text hoặc json")
	var cpuprofile, memprofile string
	fs.StringVar(&cpuprofile, "cpuprofile", "", "ghi hồ sơ CPU (pprof) vào tệp này")
	fs.StringVar(&memprofile, "memprofile", "", "ghi hồ sơ bộ nhớ (pprof) vào tệp này")
	if err := fs.Parse(args); err != nil {
		return ExitUsage
	}
	stop, err := cpuProfile(cpuprofile)
	if err != nil {
		fmt.Fprintf(stderr, "lantoa check: %v\n", err)
		return ExitUsage
	}
	defer stop()
	if format != "text" && format != "json" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "lantoa check: --format phải là text hoặc json, và không nhận thêm tham số")
		return ExitUsage
	}
	defer debug.SetGCPercent(debug.SetGCPercent(checkGCPercent))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(checkMemoryLimit))
	o.CheckOnly = true
	res, err := build.Build(ctx, o)
	if memprofile != "" {
		if err := writeProfile(memprofile, "allocs"); err != nil {
			fmt.Fprintf(stderr, "lantoa check: %v\n", err)
		}
	}
	printStages(stderr, res)
	if err != nil && !errors.Is(err, build.ErrFailed) {
		fmt.Fprintf(stderr, "lantoa check: %v\n", err)
		return ExitSite
	}
	if format == "json" {
		_ = res.Diags.WriteJSON(stdout)
	} else {
		_ = res.Diags.WriteText(stdout)
		e, w := res.Diags.Count()
		fmt.Fprintf(stdout, "lantoa check: %s lỗi, %s cảnh báo (%s)\n", vi.FormatInt(int64(e)), vi.FormatInt(int64(w)), seconds(res.Duration)+" s")
	}
	if res.Diags.HasErrors() {
		return ExitSite
	}
	return ExitOK
}
