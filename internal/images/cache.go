package images

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// cacheEntry is the content of KEY.json in the cache folder.
type cacheEntry struct {
	Version  string         `json:"version"`
	Width    int            `json:"width"`
	Height   int            `json:"height"`
	Variants []cachedOutput `json:"variants"`
}

type cachedOutput struct {
	File   string `json:"file"`
	Width  int    `json:"width"`
	Height int    `json:"height"`
	Format string `json:"format"`
	Size   int    `json:"size"`
	SHA256 string `json:"sha256"`
	// Stamp is the file as it was when its SHA-256 was last checked
	// (without change time); nil until the file has settled.
	Stamp *stamp `json:"stamp,omitempty"`
}

// load reads the entry for key; ok is false when it is missing, damaged or
// of another version, and the image must be processed again. A variant
// whose file still has the stamp recorded in the entry is trusted after a
// stat (its size is part of the stamp); any other is read and its SHA-256
// checked, and the entry is rewritten with its new stamp. With withData
// every variant's Data is read; without, Data is nil for the trusted ones.
func (p *Processor) load(key string, withData bool) (res Result, ok bool) {
	data, err := os.ReadFile(filepath.Join(p.cacheDir, key+".json"))
	if err != nil {
		return Result{}, false
	}
	var e cacheEntry
	if json.Unmarshal(data, &e) != nil || e.Version != cacheVersion || len(e.Variants) == 0 {
		return Result{}, false
	}
	res = Result{Width: e.Width, Height: e.Height, Cached: true}
	now := p.clock()
	restamp := false
	for i := range e.Variants {
		c := &e.Variants[i]
		sum, err := hex.DecodeString(c.SHA256)
		if c.File != filepath.Base(c.File) || (c.Format != FormatWebP && c.Format != FormatJPEG) || err != nil || len(sum) != sha256.Size {
			return Result{}, false
		}
		v := Variant{Width: c.Width, Height: c.Height, Format: c.Format, Path: filepath.Join(p.cacheDir, c.File), Size: c.Size}
		copy(v.Sum[:], sum)
		st, known, b, ok := readVariant(v.Path, c.Size, c.Stamp, withData)
		if !ok {
			return Result{}, false
		}
		if !known {
			if sha256.Sum256(b) != v.Sum {
				return Result{}, false
			}
			if st != nil {
				st.Ctime = 0 // see sameFile; a write changes the modification time too
				if st.settled(now) {
					c.Stamp, restamp = st, true
				}
			}
		}
		v.Data = b
		res.Variants = append(res.Variants, v)
	}
	if restamp {
		// Best effort: an entry that cannot be rewritten is checked again
		// next time.
		if data, err := json.MarshalIndent(e, "", "\t"); err == nil {
			_, _ = p.writeFile(key+".json", append(data, '\n'))
		}
	}
	return res, true
}

// readVariant stats, and reads if it must, the cache file name of size
// bytes whose recorded stamp is want (nil: none). known reports that the
// file still has that stamp; when it does not, the file's bytes are
// returned to be checked, with its stamp (nil if the platform has none).
// ok is false when the file is missing or has another size.
func readVariant(name string, size int, want *stamp, withData bool) (st *stamp, known bool, b []byte, ok bool) {
	if !withData && want != nil {
		fi, err := os.Stat(name)
		if err != nil || fi.Size() != int64(size) {
			return nil, false, nil, false
		}
		if s, sok := stampOf(fi); sok && sameFile(s, *want) {
			return &s, true, nil, true
		}
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, false, nil, false
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || fi.Size() != int64(size) {
		return nil, false, nil, false
	}
	b = make([]byte, size)
	if _, err := io.ReadFull(f, b); err != nil {
		return nil, false, nil, false
	}
	if s, sok := stampOf(fi); sok {
		return &s, want != nil && sameFile(s, *want), b, true
	}
	return nil, false, b, true
}

// sameFile compares a variant's stamp with the recorded one, ignoring the
// change time (linking a cache file into an output folder changes it).
func sameFile(st, want stamp) bool {
	st.Ctime, want.Ctime = 0, 0
	return st == want
}

// store writes res as the entry for key: the variant files first, then the
// JSON that makes the entry valid. It sets each variant's Path, Size and
// Sum.
func (p *Processor) store(key string, res Result) error {
	e := cacheEntry{Version: cacheVersion, Width: res.Width, Height: res.Height}
	for i := range res.Variants {
		v := &res.Variants[i]
		file := fmt.Sprintf("%s-%d.%s", key, v.Width, extension(v.Format))
		if _, err := p.writeFile(file, v.Data); err != nil {
			return err
		}
		v.Path, v.Size, v.Sum = filepath.Join(p.cacheDir, file), len(v.Data), sha256.Sum256(v.Data)
		// No stamp yet: a file just written has not settled (racyWindow);
		// the first load checks its SHA-256 and records it.
		e.Variants = append(e.Variants, cachedOutput{
			File: file, Width: v.Width, Height: v.Height, Format: v.Format,
			Size: len(v.Data), SHA256: hex.EncodeToString(v.Sum[:]),
		})
	}
	data, err := json.MarshalIndent(e, "", "\t")
	if err != nil {
		return err
	}
	_, err = p.writeFile(key+".json", append(data, '\n'))
	return err
}

// writeFile writes name (a slash path) in the cache folder atomically and
// returns the file's info.
func (p *Processor) writeFile(name string, data []byte) (fs.FileInfo, error) {
	full := filepath.Join(p.cacheDir, filepath.FromSlash(name))
	f, err := os.CreateTemp(filepath.Dir(full), ".tmp-"+filepath.Base(full)+"-*")
	if err != nil {
		return nil, fmt.Errorf("images: writing cache: %w", err)
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(0o644) // CreateTemp makes 0600 files
	}
	var fi fs.FileInfo
	if err == nil {
		fi, err = f.Stat()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), full)
	}
	if err != nil {
		os.Remove(f.Name())
		return nil, fmt.Errorf("images: writing cache: %w", err)
	}
	return fi, nil
}

// Bytes returns the encoded file: Data, or, when Data is nil (a variant
// [Processor.ProcessFile] took from the cache without reading it), the
// content of Path, checked against Size.
func (v Variant) Bytes() ([]byte, error) {
	if v.Data != nil || v.Path == "" {
		return v.Data, nil
	}
	b, err := os.ReadFile(v.Path)
	if err != nil {
		return nil, fmt.Errorf("images: reading cache: %w", err)
	}
	if len(b) != v.Size {
		return nil, fmt.Errorf("images: reading cache: %s has %d bytes, want %d", v.Path, len(b), v.Size)
	}
	if !bytes.HasPrefix(b, []byte(magic(v.Format))) {
		return nil, fmt.Errorf("images: reading cache: %s is not a %s file", v.Path, v.Format)
	}
	return b, nil
}

// magic is the first bytes of every file of an output format.
func magic(format string) string {
	if format == FormatJPEG {
		return "\xFF\xD8\xFF"
	}
	return "RIFF"
}
