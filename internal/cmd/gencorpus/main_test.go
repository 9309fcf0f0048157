package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	var out bytes.Buffer
	err := run([]string{"-models", "3", "-exemplars", "2", "-news", "1", "-images", "1", "-seed", "9", "-data", "../../../data", dir}, &out)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "3 models (1 bundles), 2 exemplars, 1 news") {
		t.Errorf("summary = %q", out.String())
	}
	count := func(section string) int {
		entries, err := os.ReadDir(filepath.Join(dir, "content", section))
		if err != nil {
			t.Fatal(err)
		}
		return len(entries) - 1 // _index.md
	}
	if m, e, n := count("mo-hinh"), count("dien-hinh"), count("tin-tuc"); m != 3 || e != 2 || n != 1 {
		t.Errorf("stories: %d models, %d exemplars, %d news; want 3, 2, 1", m, e, n)
	}
}

func TestRunErrors(t *testing.T) {
	var out bytes.Buffer
	if err := run([]string{"-models", "1"}, &out); err == nil || !strings.Contains(out.String(), "usage:") {
		t.Errorf("no DIR: err = %v, output %q; want an error and the usage", err, out.String())
	}
	out.Reset()
	err := run([]string{"-data", filepath.Join(t.TempDir(), "none"), filepath.Join(t.TempDir(), "site")}, &out)
	if err == nil || !strings.Contains(err.Error(), "tinh-thanh.yaml") {
		t.Errorf("missing data: err = %v, want one naming tinh-thanh.yaml", err)
	}
}
