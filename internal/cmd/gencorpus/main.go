// Gencorpus writes a synthetic lantoa site for tests and benchmarks:
//
//	go run ./internal/cmd/gencorpus -models 10000 -exemplars 4400 -news 0 [-seed 1] [-images 0] [-data data] DIR
//
// DIR must be empty or not exist. The flags are the fields of
// corpus.Options; -data is the folder holding tinh-thanh.yaml and
// linh-vuc.yaml, copied into DIR/data (default "data", the repository's,
// relative to the working directory). The same flags give a byte-identical
// DIR. See package internal/corpus for what is generated.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/lantoa/lantoa/internal/corpus"
)

func main() {
	if err := run(os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}

// run parses args and generates the corpus, reporting to w.
func run(args []string, w io.Writer) error {
	fs := flag.NewFlagSet("gencorpus", flag.ContinueOnError)
	fs.SetOutput(w)
	var o corpus.Options
	fs.IntVar(&o.Models, "models", 100, "number of model stories (content/mo-hinh)")
	fs.IntVar(&o.Exemplars, "exemplars", 40, "number of exemplars (content/dien-hinh)")
	fs.IntVar(&o.News, "news", 10, "number of news items (content/tin-tuc)")
	fs.IntVar(&o.Images, "images", 0, "number of models written as bundles with a generated JPEG")
	fs.Int64Var(&o.Seed, "seed", 1, "random seed; the same seed gives the same files")
	fs.StringVar(&o.DataDir, "data", "data", "folder holding tinh-thanh.yaml and linh-vuc.yaml")
	quiet := fs.Bool("q", false, "do not print a summary")
	fs.Usage = func() {
		fmt.Fprintln(w, "usage: gencorpus [flags] DIR")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return fmt.Errorf("want one output folder, got %d arguments", fs.NArg())
	}
	dir := fs.Arg(0)
	start := time.Now()
	if err := corpus.Generate(dir, o); err != nil {
		return err
	}
	if !*quiet {
		fmt.Fprintf(w, "gencorpus: %d models (%d bundles), %d exemplars, %d news in %s, %v\n",
			o.Models, o.Images, o.Exemplars, o.News, dir, time.Since(start).Round(time.Millisecond))
	}
	return nil
}
