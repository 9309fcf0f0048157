// Package images turns the photos of a site into small, metadata-free
// responsive variants for the web.
//
// # Processing
//
// [Processor.Process] takes the bytes of one source image and returns its
// variants:
//
//   - Accepted sources are JPEG, PNG, GIF (first frame) and WebP, recognized
//     by their first bytes, not by file name. Anything else (HEIC, AVIF,
//     SVG, BMP, TIFF...) is an [*Error] of kind [KindUnsupported].
//   - The header is read first; a source with more than Options.MaxPixels
//     pixels is refused ([KindTooLarge]) before any pixel is decoded. A
//     broken or truncated file is a [KindDecode] error. No input makes
//     Process panic.
//   - The EXIF orientation (tag 0x0112 of the first Exif APP1 segment of a
//     JPEG, the eXIf chunk of a PNG, the EXIF chunk of a WebP) is applied,
//     so variants are stored upright and browsers need no metadata.
//     Result.Width and Result.Height are the size after orientation.
//   - For each width W of Options.Widths smaller than the (oriented) source
//     width there is a variant of width W; the first width that is not
//     smaller is replaced by the source width itself, and larger ones are
//     dropped: images are never upscaled. A 3000×4000 photo gives 480×640,
//     800×1067 and 1200×1600; a 1000×750 one gives 480, 800 and 1000; a
//     300-pixel one gives only 300. Heights keep the aspect ratio, rounded.
//   - Resampling uses the Catmull-Rom kernel of golang.org/x/image/draw,
//     after 2×2 box halvings while the half is still at least the target.
//   - Each width is encoded twice: lossy WebP (Options.WebPQuality, with
//     alpha when the source has transparency) and baseline JPEG
//     (Options.JPEGQuality, transparency flattened onto white). Variants
//     are ordered by width, WebP before JPEG.
//   - Outputs carry no metadata at all: no EXIF (GPS position, camera,
//     owner, date), no XMP, no ICC profile, no comments. Pixels are treated
//     as sRGB.
//
// A variant's Name is "<base>-<hash8>-<width>.webp" or ".jpg", where base
// is the caller's base name as a slug (vi.Slug; "image" if that is empty)
// and hash8 the first 8 hex digits of the cache key below, so a name
// changes whenever the source or the settings change and browsers can
// cache the files forever.
//
// WebP encoding uses github.com/gen2brain/webp: libwebp compiled to
// WebAssembly and run by wazero, so the build needs no cgo and works with
// CGO_ENABLED=0. Each encode runs in its own module instance, so it is safe
// to call concurrently. If a shared libwebp.so (the libwebp-dev package)
// is installed, that library loads it instead through purego; build with
// -tags nodynamic to always use the WebAssembly encoder. The first WebP
// encode of a process compiles the module (1–2 s on a small machine); a
// build whose images all come from the cache never pays it.
//
// # Cache
//
// With a cache folder, every processed image is stored there under its key,
// the hex SHA-256 of a version string, the options and the source bytes:
// KEY.json (dimensions, and each variant's size and SHA-256) and one file
// per variant, KEY-W.webp and KEY-W.jpg. A later Process of the same bytes
// with the same options, by this or any later Processor, reads those files
// instead of decoding (Result.Cached is true). Files are written to a
// temporary name and renamed, the JSON last, so an interrupted build
// leaves no half entry, and a cache file is never written in place (it
// may be hard-linked into an output folder). Nothing is ever deleted from
// the folder. Without a cache folder every call processes its source
// again, except concurrent calls (below).
//
// The content-addressed entries are the source of truth; two records make
// a warm build cost a few system calls per image instead of reading and
// hashing megabytes:
//
//   - [Processor.ProcessFile] records, in sources/ID.json, the key of each
//     source file it read with the file's stamp (size, modification and
//     change times, inode, device); while the file keeps that stamp the
//     key is taken from the record, and the file is neither read nor
//     hashed (see ProcessFile for what changes a stamp).
//   - KEY.json records each variant file's stamp (without change time)
//     once its SHA-256 has been checked. A variant that still has it is
//     trusted after a stat; one that does not (written, truncated,
//     replaced, restored from a backup) is read and its SHA-256 checked,
//     and the stamp recorded again if it matches.
//
// A stamp is recorded only when the file's last change is more than two
// seconds old, so that a write within the same clock tick cannot leave a
// stamp unchanged. A missing, truncated or damaged entry or variant is
// processed again, with the same bytes as the first time. What a stamp
// cannot see is a file rewritten in place with its size kept and its
// modification time put back; for sources the change time still moves,
// for cache variants (whose change time a hard link moves) it goes
// unnoticed: the cache folder belongs to the build.
//
// # Concurrency
//
// A Processor is safe for concurrent use. Concurrent calls with the same
// source share one processing (the callers that waited get Cached true);
// at most GOMAXPROCS images are decoded at once, which bounds memory use.
// The Data of returned variants may be shared between callers and must
// not be modified.
package images

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"math"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/gen2brain/webp"
	"github.com/lantoa/lantoa/internal/vi"
)

// Output formats, the values of Variant.Format.
const (
	FormatWebP = "webp"
	FormatJPEG = "jpeg"
)

// Defaults for zero Options fields.
const (
	DefaultWebPQuality = 70
	DefaultJPEGQuality = 75
	DefaultMaxPixels   = 50_000_000
)

// DefaultWidths returns the variant widths used when Options.Widths is empty.
func DefaultWidths() []int { return []int{480, 800, 1200} }

// maxWidth is the largest dimension the WebP format can hold.
const maxWidth = 16383

// cacheVersion is part of every cache key; change it whenever the output
// of the same source and options changes.
const cacheVersion = "lantoa/images v1"

// Options are the processing settings. The zero value means the defaults.
type Options struct {
	// Widths of the variants in pixels (sorted, duplicates ignored);
	// default 480, 800, 1200.
	Widths []int
	// WebPQuality and JPEGQuality are the lossy qualities, 1..100;
	// defaults 70 and 75.
	WebPQuality, JPEGQuality int
	// MaxPixels is the largest width×height accepted, checked from the
	// header before decoding; default 50 megapixels.
	MaxPixels int
}

// A Processor processes images with fixed options and an optional cache.
type Processor struct {
	cacheDir string
	opts     Options
	sem      chan struct{} // bounds concurrent decodes
	// clock tells whether a file has settled (racyWindow); tests move it.
	clock func() time.Time

	mu       sync.Mutex
	inflight map[string]*flight
	stats    Stats
}

// flight is one processing that concurrent callers of the same key share.
type flight struct {
	done chan struct{}
	res  Result
	err  error
}

// New returns a Processor that stores processed images in cacheDir
// (created if needed), or caches nothing if cacheDir is "". It reports
// invalid options and a cache folder that cannot be created.
func New(cacheDir string, o Options) (*Processor, error) {
	if len(o.Widths) == 0 {
		o.Widths = DefaultWidths()
	}
	o.Widths = slices.Clone(o.Widths)
	slices.Sort(o.Widths)
	o.Widths = slices.Compact(o.Widths)
	if w := o.Widths[0]; w < 1 {
		return nil, fmt.Errorf("images: width %d is not positive", w)
	}
	if w := o.Widths[len(o.Widths)-1]; w > maxWidth {
		return nil, fmt.Errorf("images: width %d is above the WebP limit %d", w, maxWidth)
	}
	if o.WebPQuality == 0 {
		o.WebPQuality = DefaultWebPQuality
	}
	if o.JPEGQuality == 0 {
		o.JPEGQuality = DefaultJPEGQuality
	}
	for _, q := range []int{o.WebPQuality, o.JPEGQuality} {
		if q < 1 || q > 100 {
			return nil, fmt.Errorf("images: quality %d is outside 1..100", q)
		}
	}
	if o.MaxPixels == 0 {
		o.MaxPixels = DefaultMaxPixels
	}
	if o.MaxPixels < 0 {
		return nil, fmt.Errorf("images: MaxPixels %d is negative", o.MaxPixels)
	}
	if cacheDir != "" {
		if err := os.MkdirAll(cacheDir, 0o755); err != nil {
			return nil, fmt.Errorf("images: creating cache folder: %w", err)
		}
	}
	return &Processor{
		cacheDir: cacheDir,
		opts:     o,
		sem:      make(chan struct{}, runtime.GOMAXPROCS(0)),
		clock:    time.Now,
		inflight: make(map[string]*flight),
	}, nil
}

// Options returns the options in effect, defaults filled in.
func (p *Processor) Options() Options {
	o := p.opts
	o.Widths = slices.Clone(o.Widths)
	return o
}

// A Variant is one encoded output image.
type Variant struct {
	Width, Height int
	Format        string // FormatWebP or FormatJPEG
	Name          string // file name: "<base>-<hash8>-<width>.webp" or ".jpg"
	// Data is the encoded file, shared: do not modify. It is nil for a
	// variant [Processor.ProcessFile] took from the cache without reading
	// it; [Variant.Bytes] reads it then.
	Data []byte
	// Path is the cache file that holds the same bytes ("" without a cache
	// folder). It may be hard-linked into an output folder; it must never
	// be written through such a link (write a new file and rename it over).
	Path string
	Size int      // len(Data), also when Data is nil
	Sum  [32]byte // SHA-256 of the file; zero without a cache folder
}

// A Result is what Process made of one source.
type Result struct {
	Width, Height int       // intrinsic size of the source after orientation
	Variants      []Variant // by width, WebP before JPEG
	Cached        bool      // read from the cache or shared with a concurrent call: nothing was decoded
	// Elapsed is the time this image cost: decoding, resizing, encoding
	// and writing the cache, or reading the cache when Cached.
	Elapsed time.Duration
}

// ByFormat returns the variants of one format, by width.
func (r Result) ByFormat(format string) []Variant {
	var vs []Variant
	for _, v := range r.Variants {
		if v.Format == format {
			vs = append(vs, v)
		}
	}
	return vs
}

// Srcset returns the srcset attribute value for one format, each URL
// being prefix+Name: "/a/x-1a2b3c4d-480.webp 480w, /a/x-1a2b3c4d-800.webp 800w".
func (r Result) Srcset(format, prefix string) string {
	var b strings.Builder
	for _, v := range r.ByFormat(format) {
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s%s %dw", prefix, v.Name, v.Width)
	}
	return b.String()
}

// Stats counts the Process calls of a Processor.
type Stats struct {
	Processed int           // images decoded and encoded
	Cached    int           // images read from the cache or shared with a concurrent call
	Failed    int           // calls that returned an error
	Elapsed   time.Duration // total time of the Processed images
}

// Stats returns the counts so far.
func (p *Processor) Stats() Stats {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.stats
}

// Process returns the variants of the source image src, naming them after
// base (see the package documentation). Errors about the image itself are
// [*Error]s; other errors come from the cache folder. Every variant's
// Data is set.
func (p *Processor) Process(src []byte, base string) (Result, error) {
	key := p.key(src)
	res, err, shared := p.do(key, func() (Result, error) { return p.process(key, src) })
	return p.finish(key, base, res, err, shared)
}

// finish counts a call in the stats and names the variants after base.
func (p *Processor) finish(key, base string, res Result, err error, shared bool) (Result, error) {
	p.mu.Lock()
	switch {
	case err != nil:
		p.stats.Failed++
	case shared || res.Cached:
		p.stats.Cached++
	default:
		p.stats.Processed++
		p.stats.Elapsed += res.Elapsed
	}
	p.mu.Unlock()
	if err != nil {
		return Result{}, err
	}
	if shared {
		res.Cached = true
		res.Elapsed = 0
	}
	res.Variants = slices.Clone(res.Variants)
	base = cleanBase(base)
	for i := range res.Variants {
		v := &res.Variants[i]
		v.Name = fmt.Sprintf("%s-%s-%d.%s", base, key[:8], v.Width, extension(v.Format))
		if v.Data != nil {
			v.Size = len(v.Data)
		}
	}
	return res, nil
}

// do runs fn once for concurrent callers of the same key; shared reports
// whether this caller waited for another's result.
func (p *Processor) do(key string, fn func() (Result, error)) (res Result, err error, shared bool) {
	p.mu.Lock()
	if f, ok := p.inflight[key]; ok {
		p.mu.Unlock()
		<-f.done
		return f.res, f.err, true
	}
	f := &flight{done: make(chan struct{})}
	p.inflight[key] = f
	p.mu.Unlock()

	defer func() {
		p.mu.Lock()
		delete(p.inflight, key)
		p.mu.Unlock()
		close(f.done)
	}()
	f.res, f.err = fn()
	return f.res, f.err, false
}

// key is the cache key of src under p's options.
func (p *Processor) key(src []byte) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\nwidths=%v webp=%d jpeg=%d maxpixels=%d\n",
		cacheVersion, p.opts.Widths, p.opts.WebPQuality, p.opts.JPEGQuality, p.opts.MaxPixels)
	h.Write(src)
	return hex.EncodeToString(h.Sum(nil))
}

func (p *Processor) process(key string, src []byte) (Result, error) {
	start := time.Now()
	if p.cacheDir != "" {
		if res, ok := p.load(key, true); ok {
			res.Elapsed = time.Since(start)
			return res, nil
		}
	}
	p.sem <- struct{}{}
	res, err := p.render(src)
	<-p.sem
	if err != nil {
		return Result{}, err
	}
	if p.cacheDir != "" {
		if err := p.store(key, res); err != nil { // sets Path, Size and Sum
			return Result{}, err
		}
	}
	res.Elapsed = time.Since(start)
	return res, nil
}

// render decodes, orients, resizes and encodes src.
func (p *Processor) render(src []byte) (Result, error) {
	format := sniff(src)
	switch format {
	case formatJPEG, formatPNG, formatGIF, formatWebP:
	case "":
		if len(src) == 0 {
			return Result{}, &Error{Kind: KindDecode, Err: errors.New("tệp rỗng")}
		}
		return Result{}, &Error{Kind: KindUnsupported}
	default:
		return Result{}, &Error{Kind: KindUnsupported, Format: format}
	}
	cfg, err := safely(func() (image.Config, error) { return decodeConfig(src, format) })
	if err != nil {
		return Result{}, &Error{Kind: KindDecode, Format: format, Err: err}
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return Result{}, &Error{Kind: KindDecode, Format: format, Width: cfg.Width, Height: cfg.Height,
			Err: fmt.Errorf("kích thước %d×%d", cfg.Width, cfg.Height)}
	}
	if int64(cfg.Width)*int64(cfg.Height) > int64(p.opts.MaxPixels) {
		return Result{}, &Error{Kind: KindTooLarge, Format: format, Width: cfg.Width, Height: cfg.Height, MaxPixels: p.opts.MaxPixels}
	}
	img, err := safely(func() (image.Image, error) { return decode(src, format) })
	if err != nil {
		return Result{}, &Error{Kind: KindDecode, Format: format, Width: cfg.Width, Height: cfg.Height, Err: err}
	}
	o := orientation(src)
	sw, sh := img.Bounds().Dx(), img.Bounds().Dy()
	if sw <= 0 || sh <= 0 {
		return Result{}, &Error{Kind: KindDecode, Format: format, Err: fmt.Errorf("kích thước %d×%d", sw, sh)}
	}
	rotated := o >= orientTranspose
	dw, dh := sw, sh // displayed size
	if rotated {
		dw, dh = sh, sw
	}
	widths := targetWidths(p.opts.Widths, dw)
	heightOf := func(w int) int { return max(1, int(math.Round(float64(w)*float64(dh)/float64(dw)))) }
	stored := func(w int) (int, int) { // the size before orientation
		if rotated {
			return heightOf(w), w
		}
		return w, heightOf(w)
	}

	res := Result{Width: dw, Height: dh}
	var largest *image.RGBA
	for i, w := range slices.Backward(widths) {
		var m *image.RGBA
		tw, th := stored(w)
		if i == len(widths)-1 {
			largest = scale(img, tw, th)
			m = largest
		} else {
			m = scale(largest, tw, th)
		}
		m = orient(m, o)
		wv, err := encodeWebP(m, p.opts.WebPQuality)
		if err != nil {
			return Result{}, &Error{Kind: KindEncode, Format: format, Err: err}
		}
		jv, err := encodeJPEG(m, p.opts.JPEGQuality)
		if err != nil {
			return Result{}, &Error{Kind: KindEncode, Format: format, Err: err}
		}
		res.Variants = append(res.Variants, wv, jv)
	}
	slices.SortStableFunc(res.Variants, func(a, b Variant) int { return a.Width - b.Width })
	return res, nil
}

// targetWidths returns the variant widths for a source w pixels wide.
func targetWidths(widths []int, w int) []int {
	var out []int
	for _, x := range widths {
		if x >= w {
			return append(out, w)
		}
		out = append(out, x)
	}
	return out
}

func encodeWebP(m *image.RGBA, quality int) (Variant, error) {
	var src image.Image = m
	if !m.Opaque() {
		src = unpremultiply(m)
	}
	var buf bytes.Buffer
	_, err := safely(func() (struct{}, error) {
		return struct{}{}, webp.Encode(&buf, src, webp.Options{Quality: quality, Method: webp.DefaultMethod})
	})
	if err != nil {
		return Variant{}, err
	}
	return Variant{Width: m.Rect.Dx(), Height: m.Rect.Dy(), Format: FormatWebP, Data: buf.Bytes()}, nil
}

func encodeJPEG(m *image.RGBA, quality int) (Variant, error) {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, flatten(m), &jpeg.Options{Quality: quality}); err != nil {
		return Variant{}, err
	}
	return Variant{Width: m.Rect.Dx(), Height: m.Rect.Dy(), Format: FormatJPEG, Data: buf.Bytes()}, nil
}

func extension(format string) string {
	if format == FormatJPEG {
		return "jpg"
	}
	return format
}

// cleanBase reduces a base name to a slug ([vi.Slug]: "Ảnh đẹp 1" →
// "anh-dep-1"), "image" if nothing is left, so that it is safe in a file
// name and a URL.
func cleanBase(s string) string {
	if out := vi.Slug(s); out != "" {
		return out
	}
	return "image"
}

// Source formats recognized by sniff.
const (
	formatJPEG = "jpeg"
	formatPNG  = "png"
	formatGIF  = "gif"
	formatWebP = "webp"
)

// sniff names the format of an encoded image from its first bytes, or
// returns "".
func sniff(b []byte) string {
	has := func(off int, s string) bool { return len(b) >= off+len(s) && string(b[off:off+len(s)]) == s }
	switch {
	case has(0, "\xFF\xD8\xFF"):
		return formatJPEG
	case has(0, "\x89PNG\r\n\x1a\n"):
		return formatPNG
	case has(0, "GIF87a"), has(0, "GIF89a"):
		return formatGIF
	case has(0, "RIFF") && has(8, "WEBP"):
		return formatWebP
	case has(4, "ftypavif"), has(4, "ftypavis"):
		return "avif"
	case has(4, "ftyphei"), has(4, "ftyphev"), has(4, "ftypmif1"), has(4, "ftypmsf1"):
		return "heic"
	case has(0, "II*\x00"), has(0, "MM\x00*"):
		return "tiff"
	case has(0, "BM"):
		return "bmp"
	}
	head := strings.ToLower(string(b[:min(len(b), 512)]))
	if strings.Contains(head, "<svg") {
		return "svg"
	}
	return ""
}

func decodeConfig(src []byte, format string) (image.Config, error) {
	r := bytes.NewReader(src)
	switch format {
	case formatJPEG:
		return jpeg.DecodeConfig(r)
	case formatPNG:
		return png.DecodeConfig(r)
	case formatGIF:
		return gif.DecodeConfig(r)
	default:
		return webp.DecodeConfig(r)
	}
}

func decode(src []byte, format string) (image.Image, error) {
	r := bytes.NewReader(src)
	switch format {
	case formatJPEG:
		return jpeg.Decode(r)
	case formatPNG:
		return png.Decode(r)
	case formatGIF:
		return gif.Decode(r) // the first frame
	default:
		return webp.Decode(r)
	}
}

// safely calls f, turning a panic in a decoder or encoder into an error.
func safely[T any](f func() (T, error)) (v T, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return f()
}
