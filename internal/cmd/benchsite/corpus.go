package main

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/lantoa/lantoa/internal/corpus"
)

// spec says which corpus to use.
type spec struct {
	Models, Exemplars, News int
	Seed                    int64
}

// Stories is the number of stories of the corpus.
func (s spec) Stories() int { return s.Models + s.Exemplars + s.News }

// name is the corpus folder's name: "10000-e4400-n0-s1".
func (s spec) name() string {
	return fmt.Sprintf("%d-e%d-n%d-s%d", s.Models, s.Exemplars, s.News, s.Seed)
}

// ensureCorpus returns the site folder of s under keep, generating it when
// it is not there yet, and copies repo/themes/default into it.
func ensureCorpus(keep, repo string, s spec, progress func(string, ...any)) (string, error) {
	site := filepath.Join(keep, s.name())
	if _, err := os.Stat(site); os.IsNotExist(err) {
		tmp := site + ".tmp"
		if err := os.RemoveAll(tmp); err != nil {
			return "", err
		}
		progress("generating %d models, %d exemplars, %d news into %s", s.Models, s.Exemplars, s.News, site)
		start := time.Now()
		o := corpus.Options{Models: s.Models, Exemplars: s.Exemplars, News: s.News, Seed: s.Seed, DataDir: filepath.Join(repo, "data")}
		if err := corpus.Generate(tmp, o); err != nil {
			return "", err
		}
		if err := os.Rename(tmp, site); err != nil {
			return "", err
		}
		progress("generated in %v", time.Since(start).Round(time.Millisecond))
	} else if err != nil {
		return "", err
	} else {
		progress("reusing %s", site)
	}
	themes := filepath.Join(site, "themes")
	if err := os.RemoveAll(themes); err != nil {
		return "", err
	}
	if err := copyDir(filepath.Join(themes, "default"), filepath.Join(repo, "themes", "default")); err != nil {
		return "", fmt.Errorf("copying the theme: %w", err)
	}
	return site, nil
}

// copyDir copies the tree src into dst, which must not exist.
func copyDir(dst, src string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

// A BuildError reports a program that `go build` could not build.
type BuildError struct {
	Pkg    string
	Output string
	Err    error
}

func (e *BuildError) Error() string {
	return fmt.Sprintf("go build %s: %v\n%s", e.Pkg, e.Err, e.Output)
}

func (e *BuildError) Unwrap() error { return e.Err }

// goBuild builds the package pkg of the module in repo into out.
func goBuild(ctx context.Context, repo, out, pkg string) error {
	cmd := exec.CommandContext(ctx, "go", "build", "-o", out, pkg)
	cmd.Dir = repo
	if b, err := cmd.CombinedOutput(); err != nil {
		return &BuildError{Pkg: pkg, Output: string(b), Err: err}
	}
	return nil
}
