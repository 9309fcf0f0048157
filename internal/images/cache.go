package images

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
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
}

// load reads the entry for key; ok is false when it is missing, damaged or
// of another version, and the image must be processed again.
func (p *Processor) load(key string) (res Result, ok bool) {
	data, err := os.ReadFile(filepath.Join(p.cacheDir, key+".json"))
	if err != nil {
		return Result{}, false
	}
	var e cacheEntry
	if json.Unmarshal(data, &e) != nil || e.Version != cacheVersion || len(e.Variants) == 0 {
		return Result{}, false
	}
	res = Result{Width: e.Width, Height: e.Height, Cached: true}
	for _, c := range e.Variants {
		if c.File != filepath.Base(c.File) || (c.Format != FormatWebP && c.Format != FormatJPEG) {
			return Result{}, false
		}
		b, err := os.ReadFile(filepath.Join(p.cacheDir, c.File))
		if err != nil || len(b) != c.Size || hexSHA256(b) != c.SHA256 {
			return Result{}, false
		}
		res.Variants = append(res.Variants, Variant{Width: c.Width, Height: c.Height, Format: c.Format, Data: b})
	}
	return res, true
}

// store writes res as the entry for key: the variant files first, then the
// JSON that makes the entry valid.
func (p *Processor) store(key string, res Result) error {
	e := cacheEntry{Version: cacheVersion, Width: res.Width, Height: res.Height}
	for _, v := range res.Variants {
		file := fmt.Sprintf("%s-%d.%s", key, v.Width, extension(v.Format))
		if err := p.writeFile(file, v.Data); err != nil {
			return err
		}
		e.Variants = append(e.Variants, cachedOutput{
			File: file, Width: v.Width, Height: v.Height, Format: v.Format,
			Size: len(v.Data), SHA256: hexSHA256(v.Data),
		})
	}
	data, err := json.MarshalIndent(e, "", "\t")
	if err != nil {
		return err
	}
	return p.writeFile(key+".json", append(data, '\n'))
}

// writeFile writes name in the cache folder atomically.
func (p *Processor) writeFile(name string, data []byte) error {
	f, err := os.CreateTemp(p.cacheDir, ".tmp-"+name+"-*")
	if err != nil {
		return fmt.Errorf("images: writing cache: %w", err)
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(0o644) // CreateTemp makes 0600 files
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), filepath.Join(p.cacheDir, name))
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("images: writing cache: %w", err)
	}
	return nil
}

func hexSHA256(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}
