package images

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// sourceDir is the folder of source records inside the cache folder.
const sourceDir = "sources"

// sourceRecord is the content of sources/ID.json: the cache key of a
// source file's bytes as they were when the file had stamp Stamp.
type sourceRecord struct {
	Version string `json:"version"`
	Name    string `json:"name"`
	Stamp   stamp  `json:"stamp"`
	Key     string `json:"key"`
}

// ProcessFile is [Processor.Process] for the file name of fsys (read with
// fs.Stat and fsys.Open), with base as the base name of the variants.
//
// With a cache folder, it remembers the cache key of each file it read
// (sources/ID.json, ID being a hash of the name and the options) with the
// file's stamp: size, modification and change times, inode and device.
// While the file keeps that stamp, a later call takes the key from the
// record instead of reading and hashing the file, and its cache entry's
// variants are only stat'ed: their Data is nil ([Variant.Bytes] reads
// it). Any write to the file changes its stamp, even one that keeps its
// size and restores its modification time (the change time moves), as
// does replacing it; the file is then read and hashed as by Process, and
// the content-addressed entry decides. A stamp is recorded only once the
// file's last change is a few seconds old, so that a write in the same
// clock tick cannot go unnoticed. On platforms without inodes and change
// times (not Unix), every call reads and hashes the file.
func (p *Processor) ProcessFile(fsys fs.FS, name, base string) (Result, error) {
	start := time.Now()
	if p.cacheDir != "" {
		if fi, err := fs.Stat(fsys, name); err == nil {
			if st, ok := stampOf(fi); ok {
				if key, ok := p.recordedKey(name, st); ok {
					if res, ok := p.load(key, false); ok {
						res.Elapsed = time.Since(start)
						return p.finish(key, base, res, nil, false)
					}
				}
			}
		}
	}
	src, before, after, err := readStamped(fsys, name)
	if err != nil {
		return Result{}, err
	}
	key := p.key(src)
	res, err, shared := p.do(key, func() (Result, error) { return p.process(key, src) })
	if err == nil && p.cacheDir != "" && before != nil && after != nil && *before == *after && before.settled(p.clock()) {
		// Best effort, like the cache: without a record the file is hashed
		// next time.
		_ = p.record(name, *before, key)
	}
	return p.finish(key, base, res, err, shared)
}

// readStamped reads a file with its stamps before and after reading (nil
// when the platform has none).
func readStamped(fsys fs.FS, name string) (src []byte, before, after *stamp, err error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, nil, nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, nil, nil, err
	}
	if st, ok := stampOf(fi); ok {
		before = &st
	}
	src, err = io.ReadAll(f)
	if err != nil {
		return nil, nil, nil, err
	}
	if fi, err := f.Stat(); err == nil {
		if st, ok := stampOf(fi); ok {
			after = &st
		}
	}
	return src, before, after, nil
}

// recordID names the source record of name under p's options.
func (p *Processor) recordID(name string) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\nwidths=%v webp=%d jpeg=%d maxpixels=%d\n%s", cacheVersion,
		p.opts.Widths, p.opts.WebPQuality, p.opts.JPEGQuality, p.opts.MaxPixels, name)
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// recordedKey returns the key recorded for name if the file still has the
// recorded stamp.
func (p *Processor) recordedKey(name string, st stamp) (string, bool) {
	data, err := os.ReadFile(filepath.Join(p.cacheDir, sourceDir, p.recordID(name)+".json"))
	if err != nil {
		return "", false
	}
	var r sourceRecord
	if json.Unmarshal(data, &r) != nil || r.Version != cacheVersion || r.Name != name || r.Stamp != st || len(r.Key) != 2*sha256.Size {
		return "", false
	}
	if _, err := hex.DecodeString(r.Key); err != nil {
		return "", false
	}
	return r.Key, true
}

// record writes the source record of name.
func (p *Processor) record(name string, st stamp, key string) error {
	data, err := json.Marshal(sourceRecord{Version: cacheVersion, Name: name, Stamp: st, Key: key})
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(p.cacheDir, sourceDir), 0o755); err != nil {
		return err
	}
	_, err = p.writeFile(sourceDir+"/"+p.recordID(name)+".json", append(data, '\n'))
	return err
}
