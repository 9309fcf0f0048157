package build

import (
	"io/fs"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"github.com/lantoa/lantoa/internal/images"
	"github.com/lantoa/lantoa/internal/markdown"
	"github.com/lantoa/lantoa/internal/share"
	"github.com/lantoa/lantoa/internal/vi"
)

// imageSet processes the raster images pages use (cached in
// SITE/resources/images) and collects the variants to publish under /img/.
type imageSet struct {
	proc *images.Processor
	mu   sync.Mutex
	out  map[string]images.Variant    // "img/NAME" → variant
	pics map[string]*markdown.Picture // site file → picture
	used map[string]bool              // processed originals (not copied)
}

func isRaster(file string) bool {
	switch strings.ToLower(path.Ext(file)) {
	case ".jpg", ".jpeg", ".png", ".gif", ".webp":
		return true
	}
	return false
}

func newImageSet(source string) *imageSet {
	p, err := images.New(filepath.Join(source, "resources", "images"), images.Options{})
	if err != nil {
		p, _ = images.New("", images.Options{})
	}
	return &imageSet{proc: p, out: map[string]images.Variant{}, pics: map[string]*markdown.Picture{}, used: map[string]bool{}}
}

// picture returns the responsive picture of a site file whose original is
// published at url.
func (s *imageSet) picture(fsys fs.FS, file, url string) (*markdown.Picture, error) {
	s.mu.Lock()
	if p, ok := s.pics[file]; ok {
		s.mu.Unlock()
		return p, nil
	}
	s.mu.Unlock()
	orig := &markdown.Picture{Src: url}
	if !isRaster(file) {
		return orig, nil
	}
	base := vi.Slug(strings.TrimSuffix(path.Base(file), path.Ext(file)))
	// An unchanged source is neither read nor hashed (its cache record
	// matches the file's stamp).
	res, err := s.proc.ProcessFile(fsys, file, base)
	if err != nil {
		return orig, err
	}
	pic := &markdown.Picture{Width: res.Width, Height: res.Height}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, v := range res.Variants {
		s.out["img/"+v.Name] = v
	}
	pic.WebPSrcset = res.Srcset(images.FormatWebP, "/img/")
	pic.Srcset = res.Srcset(images.FormatJPEG, "/img/")
	jpegs := res.ByFormat(images.FormatJPEG)
	if len(jpegs) > 0 {
		// The fallback src is the variant closest to the prose column.
		best := jpegs[0]
		for _, v := range jpegs {
			if v.Width <= 800 {
				best = v
			}
		}
		pic.Src = "/img/" + best.Name
	}
	s.pics[file] = pic
	s.used[file] = true
	return pic, nil
}

// jobs publishes the variants: hard-linked from the cache (output.Dir.Link),
// or written when there is no cache file.
func (s *imageSet) jobs() []job {
	var jobs []job
	for _, name := range sortedKeys(s.out) {
		v := s.out[name]
		if v.Path != "" {
			jobs = append(jobs, job{path: name, file: &v})
		} else {
			jobs = append(jobs, job{path: name, data: v.Data})
		}
	}
	return jobs
}

// bytes returns the bytes of a published variant ("img/NAME").
func (s *imageSet) bytes(name string) ([]byte, bool) {
	v, ok := s.out[name]
	if !ok {
		return nil, false
	}
	b, err := v.Bytes()
	return b, err == nil
}

// qr returns the QR code SVG of an absolute URL. Encoding one takes
// ~0.15 ms (rsc.io/qr): cheaper than reading a cached copy from disk.
func (b *builder) qr(abs string) ([]byte, error) {
	return share.QRSVG(abs)
}
