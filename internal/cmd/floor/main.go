// Floor is the lower bound lantoa's full build is measured against
// (issue #11): the least work any Markdown site generator has to do for a
// site's stories.
//
//	floor SITE DIR
//
// For every story of SITE — content/SECTION/NAME.md and the bundles
// content/SECTION/NAME/index.md; section intros (_index.md) and top-level
// pages are not stories — floor reads the file, parses its front matter with
// github.com/adrg/frontmatter into a map, renders the Markdown body with
// goldmark (GFM and footnotes, lantoa's dialect), minifies the HTML with
// tdewolff/minify and writes it to DIR/SECTION/SLUG/index.html, where SLUG
// is the front matter's slug or else the file (or bundle folder) name. The
// files are processed by GOMAXPROCS workers.
//
// Floor checks nothing, renders no template and writes no list, feed,
// sitemap or search index. On success it prints one line to standard output:
//
//	floor: N pages in DURATION
//
// and exits 0; on the first error it prints it to standard error and exits 1.
package main

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/adrg/frontmatter"
	"github.com/tdewolff/minify/v2"
	mhtml "github.com/tdewolff/minify/v2/html"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
}

// A FileError reports a story that could not be processed.
type FileError struct {
	File string
	Err  error
}

func (e *FileError) Error() string { return e.File + ": " + e.Err.Error() }
func (e *FileError) Unwrap() error { return e.Err }

// run processes the site args[0] into the folder args[1] and reports to w.
func run(args []string, w io.Writer) error {
	if len(args) != 2 {
		return fmt.Errorf("usage: floor SITE DIR (got %d arguments)", len(args))
	}
	site, dir := args[0], args[1]
	start := time.Now()
	files, err := stories(filepath.Join(site, "content"))
	if err != nil {
		return err
	}
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote))
	m := minify.New()
	m.Add("text/html", &mhtml.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true})

	work := make(chan string)
	errs := make([]error, len(files))
	index := make(map[string]int, len(files))
	for i, f := range files {
		index[f] = i
	}
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			var page, out bytes.Buffer
			for f := range work {
				if err := one(md, m, f, dir, &page, &out); err != nil {
					errs[index[f]] = &FileError{File: f, Err: err}
				}
			}
		})
	}
	for _, f := range files {
		work <- f
	}
	close(work)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	fmt.Fprintf(w, "floor: %d pages in %v\n", len(files), time.Since(start).Round(time.Millisecond))
	return nil
}

// stories lists the story files under the content folder, sorted.
func stories(content string) ([]string, error) {
	sections, err := os.ReadDir(content)
	if err != nil {
		return nil, err
	}
	var files []string
	for _, sec := range sections {
		if !sec.IsDir() {
			continue
		}
		entries, err := os.ReadDir(filepath.Join(content, sec.Name()))
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			name := filepath.Join(content, sec.Name(), e.Name())
			switch {
			case e.IsDir():
				if _, err := os.Stat(filepath.Join(name, "index.md")); err == nil {
					files = append(files, filepath.Join(name, "index.md"))
				}
			case strings.HasSuffix(e.Name(), ".md") && e.Name() != "_index.md":
				files = append(files, name)
			}
		}
	}
	sort.Strings(files)
	return files, nil
}

// one processes the story file into dir, using page and out as scratch.
func one(md goldmark.Markdown, m *minify.M, file, dir string, page, out *bytes.Buffer) error {
	src, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	var fm map[string]any
	body, err := frontmatter.Parse(bytes.NewReader(src), &fm)
	if err != nil {
		return err
	}
	section := filepath.Base(filepath.Dir(file))
	slug := strings.TrimSuffix(filepath.Base(file), ".md")
	if slug == "index" {
		slug = section
		section = filepath.Base(filepath.Dir(filepath.Dir(file)))
	}
	if s, ok := fm["slug"].(string); ok && s != "" {
		slug = s
	}
	title, _ := fm["title"].(string)
	page.Reset()
	out.Reset()
	fmt.Fprintf(page, "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>%s</title></head><body><main><h1>%s</h1>",
		html.EscapeString(title), html.EscapeString(title))
	if err := md.Convert(body, page); err != nil {
		return err
	}
	page.WriteString("</main></body></html>\n")
	if err := m.Minify("text/html", out, page); err != nil {
		return err
	}
	d := filepath.Join(dir, section, slug)
	if err := os.MkdirAll(d, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(d, "index.html"), out.Bytes(), 0o644)
}
