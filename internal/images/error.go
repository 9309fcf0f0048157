package images

import (
	"fmt"
	"strings"
)

// Kinds of [Error].
const (
	KindDecode      = "decode"      // the file is broken, truncated or not what its header says
	KindTooLarge    = "too-large"   // more pixels than Options.MaxPixels
	KindUnsupported = "unsupported" // not JPEG, PNG, GIF or WebP (e.g. HEIC, SVG)
	KindEncode      = "encode"      // an encoder failed (a bug or resource exhaustion, not the editor's fault)
)

// An Error is a failure to process one source image. Its message is in
// Vietnamese, for editors; the caller adds the file name.
type Error struct {
	Kind   string // KindDecode, KindTooLarge, KindUnsupported or KindEncode
	Format string // the format detected from the first bytes ("jpeg", "png", "gif", "webp", "heic", ...), "" if unknown

	// Width, Height and MaxPixels are set for KindTooLarge (Width and
	// Height also whenever the header could be read).
	Width, Height int
	MaxPixels     int

	Err error // the underlying error, if any
}

func (e *Error) Error() string {
	var b strings.Builder
	switch e.Kind {
	case KindTooLarge:
		fmt.Fprintf(&b, "ảnh quá lớn: %d×%d điểm ảnh (%.1f megapixel), tối đa %.1f megapixel; hãy thu nhỏ ảnh trước khi đưa lên",
			e.Width, e.Height, float64(e.Width)*float64(e.Height)/1e6, float64(e.MaxPixels)/1e6)
	case KindUnsupported:
		b.WriteString("định dạng ảnh không được hỗ trợ")
		if e.Format != "" {
			fmt.Fprintf(&b, " (%s)", strings.ToUpper(e.Format))
		}
		b.WriteString("; chỉ nhận JPEG, PNG, GIF hoặc WebP")
	case KindEncode:
		b.WriteString("không mã hóa được ảnh")
	default:
		b.WriteString("không đọc được ảnh (tệp hỏng, bị cắt cụt hoặc không phải JPEG/PNG/GIF/WebP)")
	}
	if e.Err != nil {
		fmt.Fprintf(&b, ": %v", e.Err)
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }
