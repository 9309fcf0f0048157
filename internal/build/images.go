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
	out  map[string][]byte            // "img/NAME" → data
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
	return &imageSet{proc: p, out: map[string][]byte{}, pics: map[string]*markdown.Picture{}, used: map[string]bool{}}
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
	data := make([][]byte, len(res.Variants))
	for i, v := range res.Variants {
		if data[i], err = v.Bytes(); err != nil {
			return orig, err
		}
	}
	pic := &markdown.Picture{Width: res.Width, Height: res.Height}
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, v := range res.Variants {
		s.out["img/"+v.Name] = data[i]
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

// qr returns the QR code SVG of an absolute URL. Encoding one takes
// ~0.15 ms (rsc.io/qr): cheaper than reading a cached copy from disk.
func (b *builder) qr(abs string) ([]byte, error) {
	return share.QRSVG(abs)
}
