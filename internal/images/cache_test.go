package images

import (
	"bytes"
	"crypto/sha256"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lantoa/lantoa/internal/images/imagefixture"
)

// later is a clock past racyWindow: every file written so far has settled.
func later() time.Time { return time.Now().Add(racyWindow + time.Minute) }

// countingFS counts the files opened through it; Stat does not open.
type countingFS struct {
	fsys  fs.FS
	opens atomic.Int64
}

func (c *countingFS) Open(name string) (fs.File, error) {
	c.opens.Add(1)
	return c.fsys.Open(name)
}

func (c *countingFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(c.fsys, name) }

// sourceFile writes data as photos/a.jpg of a new folder opened as an
// os.Root, as the build does, and returns its FS, the file name in it and
// the file's path.
func sourceFile(t testing.TB, data []byte) (fsys *countingFS, name, file string) {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "photos"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "photos", "a.jpg"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { root.Close() })
	fi, err := root.Stat("photos/a.jpg")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := stampOf(fi); !ok {
		t.Skip("no inode and change time on this platform: ProcessFile always reads")
	}
	return &countingFS{fsys: root.FS()}, "photos/a.jpg", filepath.Join(dir, "photos", "a.jpg")
}

// warm runs ProcessFile until the source's record and the variants'
// stamps are written (the second call checks the variants' SHA-256), and
// returns the first, processed, result. The variant files are dated an
// hour back in between, so that a later write gives them another
// modification time whatever the clock's tick.
func warm(t *testing.T, p *Processor, fsys fs.FS, name string) Result {
	t.Helper()
	cold, err := p.ProcessFile(fsys, name, "a")
	if err != nil {
		t.Fatal(err)
	}
	if cold.Cached {
		t.Fatal("first ProcessFile: cached")
	}
	for i, v := range cold.Variants {
		if v.Data == nil || v.Size != len(v.Data) || v.Sum != sha256.Sum256(v.Data) || v.Path == "" {
			t.Fatalf("variant %d of a processed image: Data %d bytes, Size %d, Path %q, Sum ok %v", i, len(v.Data), v.Size, v.Path, v.Sum == sha256.Sum256(v.Data))
		}
		if b, err := os.ReadFile(v.Path); err != nil || !bytes.Equal(b, v.Data) {
			t.Fatalf("variant %d: Path %s does not hold Data (%v)", i, v.Path, err)
		}
	}
	hourAgo := time.Now().Add(-time.Hour)
	for _, v := range cold.Variants {
		if err := os.Chtimes(v.Path, hourAgo, hourAgo); err != nil {
			t.Fatal(err)
		}
	}
	second, err := p.ProcessFile(fsys, name, "a")
	if err != nil || !second.Cached {
		t.Fatalf("second ProcessFile: %v, cached %v", err, second.Cached)
	}
	return cold
}

// sameVariants reports the first difference between the variants of a
// result (read with Bytes) and want.
func sameVariants(t *testing.T, got Result, want Result) {
	t.Helper()
	if len(got.Variants) != len(want.Variants) {
		t.Fatalf("%d variants, want %d", len(got.Variants), len(want.Variants))
	}
	for i, v := range got.Variants {
		w := want.Variants[i]
		b, err := v.Bytes()
		if err != nil {
			t.Fatal(err)
		}
		if v.Name != w.Name || v.Width != w.Width || v.Height != w.Height || v.Format != w.Format || v.Size != w.Size || v.Sum != w.Sum || !bytes.Equal(b, w.Data) {
			t.Errorf("variant %d: %s %dx%d %s %d bytes, want %s %dx%d %s %d bytes (bytes equal %v)",
				i, v.Name, v.Width, v.Height, v.Format, v.Size, w.Name, w.Width, w.Height, w.Format, w.Size, bytes.Equal(b, w.Data))
		}
	}
}

// TestProcessFileWarm: once the source and the variants have settled, a
// call reads neither the source nor the variants, and gives the same
// variants as the processing.
func TestProcessFileWarm(t *testing.T) {
	fsys, name, _ := sourceFile(t, imagefixture.EncodeJPEG(t, imagefixture.Photo(900, 600, 21)))
	p, err := New(t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	p.clock = later
	cold := warm(t, p, fsys, name)
	before := fsys.opens.Load()
	res, err := p.ProcessFile(fsys, name, "a")
	if err != nil {
		t.Fatal(err)
	}
	if opens := fsys.opens.Load() - before; opens != 0 {
		t.Errorf("a warm call opened the source %d times", opens)
	}
	if !res.Cached || res.Width != cold.Width || res.Height != cold.Height {
		t.Errorf("warm: cached %v, %dx%d; want cached, %dx%d", res.Cached, res.Width, res.Height, cold.Width, cold.Height)
	}
	for _, v := range res.Variants {
		if v.Data != nil {
			t.Errorf("%s: the variant was read (%d bytes of Data)", v.Name, len(v.Data))
		}
	}
	sameVariants(t, res, cold)
	if s := p.Stats(); s.Processed != 1 || s.Cached != 2 {
		t.Errorf("stats %+v, want 1 processed, 2 cached", s)
	}

	// A hard link to a variant (an output folder) changes its change
	// time, not its stamp: still trusted without reading.
	out := t.TempDir()
	for _, v := range res.Variants {
		if err := os.Link(v.Path, filepath.Join(out, v.Name)); err != nil {
			t.Skipf("no hard links here: %v", err)
		}
	}
	again, err := p.ProcessFile(fsys, name, "a")
	if err != nil || !again.Cached || again.Variants[0].Data != nil {
		t.Errorf("after linking the variants: %v, cached %v, Data read %v", err, again.Cached, again.Variants[0].Data != nil)
	}

	// The same bytes through Process: the same entry, every Data read.
	src, _ := fs.ReadFile(fsys, name)
	byBytes, err := p.Process(src, "a")
	if err != nil || !byBytes.Cached {
		t.Fatalf("Process: %v, cached %v", err, byBytes.Cached)
	}
	for _, v := range byBytes.Variants {
		if v.Data == nil {
			t.Errorf("Process %s: no Data", v.Name)
		}
	}
	sameVariants(t, byBytes, cold)
}

// TestProcessFileChanged: a source rewritten with other bytes of the same
// size is read again and gives other variants, whether its modification
// time is restored (the change time moves) or it is replaced by a rename
// (the inode changes).
func TestProcessFileChanged(t *testing.T) {
	// Two sources of the same size: the same photo with another comment.
	jpg := imagefixture.EncodeJPEG(t, imagefixture.Photo(900, 600, 31))
	withComment := func(c string) []byte {
		seg := append([]byte{0xFF, 0xD8, 0xFF, 0xFE, 0, byte(2 + len(c))}, c...)
		return append(seg, jpg[2:]...)
	}
	a, b := withComment("version A"), withComment("version B")
	fsys, name, _ := sourceFile(t, a)
	p, err := New(t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	p.clock = later
	cold := warm(t, p, fsys, name)

	want, err := New("", Options{})
	if err != nil {
		t.Fatal(err)
	}
	wantB, err := want.Process(b, "a")
	if err != nil {
		t.Fatal(err)
	}

	for _, tc := range []struct {
		name    string
		rewrite func(file string, data []byte, mtime time.Time) error
	}{
		{"in place, mtime restored", func(file string, data []byte, mtime time.Time) error {
			f, err := os.OpenFile(file, os.O_WRONLY, 0)
			if err != nil {
				return err
			}
			if _, err := f.WriteAt(data, 0); err != nil {
				f.Close()
				return err
			}
			if err := f.Close(); err != nil {
				return err
			}
			return os.Chtimes(file, mtime, mtime)
		}},
		{"renamed over, mtime restored", func(file string, data []byte, mtime time.Time) error {
			tmp := file + ".new"
			if err := os.WriteFile(tmp, data, 0o644); err != nil {
				return err
			}
			if err := os.Chtimes(tmp, mtime, mtime); err != nil {
				return err
			}
			return os.Rename(tmp, file)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// Each case starts from the recorded original.
			fs2, name2, file := sourceFile(t, a)
			if _, err := p.ProcessFile(fs2, name2, "a"); err != nil { // records this file's stamp
				t.Fatal(err)
			}
			before := fs2.opens.Load()
			if r, err := p.ProcessFile(fs2, name2, "a"); err != nil || fs2.opens.Load() != before || r.Variants[0].Name != cold.Variants[0].Name {
				t.Fatalf("the original is not taken from its record: %v, opens %d", err, fs2.opens.Load()-before)
			}
			st, err := os.Stat(file)
			if err != nil {
				t.Fatal(err)
			}
			nextTick(t, file)
			if err := tc.rewrite(file, b, st.ModTime()); err != nil {
				t.Fatal(err)
			}
			if st2, err := os.Stat(file); err != nil || st2.Size() != st.Size() || !st2.ModTime().Equal(st.ModTime()) {
				t.Fatalf("the rewritten source should keep its size and modification time: %v", err)
			}
			res, err := p.ProcessFile(fs2, name2, "a")
			if err != nil {
				t.Fatal(err)
			}
			if fs2.opens.Load() == before {
				t.Error("the changed source was not read")
			}
			if res.Variants[0].Name == cold.Variants[0].Name {
				t.Errorf("the changed source gives the old variants (%s)", res.Variants[0].Name)
			}
			for i := range res.Variants {
				got, err := res.Variants[i].Bytes()
				if err != nil || !bytes.Equal(got, wantB.Variants[i].Data) {
					t.Errorf("variant %d of the changed source differs from processing it without cache (%v)", i, err)
				}
			}
		})
	}
}

// nextTick waits until the file system's clock has moved past the change
// time of file, so that a write now gives it another change time (the
// test clock skips racyWindow, which guards against that in real use).
func nextTick(t *testing.T, file string) {
	t.Helper()
	fi, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	was, _ := stampOf(fi)
	probe := file + ".tick"
	defer os.Remove(probe)
	for range 1000 {
		if err := os.WriteFile(probe, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		fi, err := os.Stat(probe)
		if err != nil {
			t.Fatal(err)
		}
		if fi.ModTime().UnixNano() > max(was.Mtime, was.Ctime) {
			return
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatal("the file system's clock does not move")
}

// TestProcessFileRacy: a source changed less than racyWindow ago gets no
// record (a write in the same clock tick would leave its stamp as it
// was): the next call reads it again.
func TestProcessFileRacy(t *testing.T) {
	fsys, name, _ := sourceFile(t, imagefixture.EncodeJPEG(t, imagefixture.Photo(300, 200, 41)))
	cache := t.TempDir()
	p, err := New(cache, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		before := fsys.opens.Load()
		res, err := p.ProcessFile(fsys, name, "a")
		if err != nil {
			t.Fatal(err)
		}
		if fsys.opens.Load() == before {
			t.Errorf("call %d did not read a source written just now", i+1)
		}
		if res.Cached != (i > 0) {
			t.Errorf("call %d: cached %v", i+1, res.Cached)
		}
	}
	if records, _ := filepath.Glob(filepath.Join(cache, sourceDir, "*.json")); len(records) != 0 {
		t.Errorf("records of a source that has not settled: %v", records)
	}
	// Once it has settled, it is recorded.
	p.clock = later
	if _, err := p.ProcessFile(fsys, name, "a"); err != nil {
		t.Fatal(err)
	}
	if records, _ := filepath.Glob(filepath.Join(cache, sourceDir, "*.json")); len(records) != 1 {
		t.Errorf("%d records of a settled source, want 1", len(records))
	}
}

// TestDamagedCache: a cache entry whose variant is truncated, rewritten
// with other bytes of the same size, or missing, or whose JSON is
// missing, is detected without a SHA-256 of trusted files and processed
// again, giving the bytes of the first processing.
func TestDamagedCache(t *testing.T) {
	fsys, name, _ := sourceFile(t, imagefixture.EncodeJPEG(t, imagefixture.Photo(900, 600, 51)))
	p, err := New(t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	p.clock = later
	cold := warm(t, p, fsys, name)
	v := cold.Variants[3] // 800w JPEG
	for _, tc := range []struct {
		name   string
		damage func() error
	}{
		{"truncated", func() error { return os.Truncate(v.Path, int64(v.Size/2)) }},
		{"same size, other bytes", func() error {
			f, err := os.OpenFile(v.Path, os.O_WRONLY, 0)
			if err != nil {
				return err
			}
			_, err = f.WriteAt(bytes.Repeat([]byte{0x55}, 64), int64(v.Size/2))
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			return err
		}},
		{"replaced by a file of the same size", func() error {
			tmp := v.Path + ".new"
			if err := os.WriteFile(tmp, make([]byte, v.Size), 0o644); err != nil {
				return err
			}
			return os.Rename(tmp, v.Path)
		}},
		{"variant missing", func() error { return os.Remove(v.Path) }},
		{"entry missing", func() error {
			key, _, _ := strings.Cut(filepath.Base(v.Path), "-")
			return os.Remove(filepath.Join(filepath.Dir(v.Path), key+".json"))
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.damage(); err != nil {
				t.Fatal(err)
			}
			res, err := p.ProcessFile(fsys, name, "a")
			if err != nil {
				t.Fatal(err)
			}
			if res.Cached {
				t.Fatal("a damaged entry was taken from the cache")
			}
			sameVariants(t, res, cold)
			// Repaired: the next calls take it from the cache.
			for range 2 {
				again, err := p.ProcessFile(fsys, name, "a")
				if err != nil || !again.Cached {
					t.Fatalf("after repair: %v, cached %v", err, again.Cached)
				}
				sameVariants(t, again, cold)
			}
		})
	}

	// A variant truncated after a warm call gave it without Data: Bytes
	// refuses it.
	res, err := p.ProcessFile(fsys, name, "a")
	if err != nil || res.Variants[3].Data != nil {
		t.Fatalf("warm call: %v, Data read %v", err, res.Variants[3].Data != nil)
	}
	if err := os.Truncate(res.Variants[3].Path, 10); err != nil {
		t.Fatal(err)
	}
	if _, err := res.Variants[3].Bytes(); err == nil {
		t.Error("Bytes accepted a truncated cache file")
	}
}
