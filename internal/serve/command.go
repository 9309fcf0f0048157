package serve

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
)

// Exit statuses of [Command].
const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

// Command runs `lantoa serve` with args, the arguments after "serve":
//
//	lantoa serve [-s THƯ_MỤC] [--bind 127.0.0.1] [--port 1313] [--drafts] [--open]
//
// It serves until ctx is done (the caller cancels it on Ctrl+C) and
// returns the exit status: 0 after a clean shutdown, 1 when the server
// could not start, 2 for a usage error.
func Command(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("lantoa serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	o := Options{Stdout: stdout, Stderr: stderr}
	fs.StringVar(&o.Source, "s", ".", "thư mục trang")
	fs.StringVar(&o.Source, "source", ".", "thư mục trang")
	fs.StringVar(&o.Bind, "bind", "127.0.0.1", "địa chỉ lắng nghe")
	fs.IntVar(&o.Port, "port", 1313, "cổng; nếu bận, dùng cổng kế tiếp")
	fs.IntVar(&o.Port, "p", 1313, "cổng; nếu bận, dùng cổng kế tiếp")
	fs.BoolVar(&o.Drafts, "drafts", false, "dựng cả bản nháp")
	fs.BoolVar(&o.Open, "open", false, "mở trình duyệt")
	fs.StringVar(&o.ReadyFile, "ready-file", "", "ghi địa chỉ trang vào tệp này khi sẵn sàng")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "lantoa serve: thừa tham số %q\n", fs.Args())
		return exitUsage
	}
	if o.Port < 0 || o.Port > 65535 {
		fmt.Fprintf(stderr, "lantoa serve: cổng %d không hợp lệ (0–65535)\n", o.Port)
		return exitUsage
	}
	if err := Run(ctx, o); err != nil {
		fmt.Fprintf(stderr, "lantoa serve: %v\n", err)
		return exitError
	}
	return exitOK
}
