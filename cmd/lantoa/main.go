// Command lantoa builds, serves and checks a lantoa site.
//
//	lantoa build   [-s SITE] [-d DIR] [--drafts] [--future] [--baseURL URL] [--quiet]
//	lantoa serve   [-s SITE] [--bind 127.0.0.1] [--port 1313] [--drafts] [--open]
//	lantoa check   [-s SITE] [--format text|json]
//	lantoa new     KIND "Tiêu đề"
//	lantoa search  [-s SITE] "từ khóa"
//	lantoa version
//	lantoa help
//
// Exit status: 0 success, 1 content or config errors, 2 usage errors.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/lantoa/lantoa/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
