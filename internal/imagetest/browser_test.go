package imagetest

import (
	"context"
	"fmt"
	"net/url"
	"path"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/lantoa/lantoa/internal/browsertest"
)

// imageBudget is the most a story with three photos may transfer in images
// to a 360-px phone at DPR 2 (issue #9).
const imageBudget = 250 * 1024

// transfer records the image responses of a tab: URL, MIME type and the
// bytes received on the wire (network.EventLoadingFinished's
// EncodedDataLength: body as sent plus headers).
type transfer struct {
	mu       sync.Mutex
	images   map[network.RequestID]*imageResponse
	finished int
}

type imageResponse struct {
	url, mime string
	status    int64
	bytes     int64
	done      bool
}

func (tr *transfer) listen(ev any) {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventResponseReceived:
		if ev.Type == network.ResourceTypeImage {
			tr.images[ev.RequestID] = &imageResponse{url: ev.Response.URL, mime: ev.Response.MimeType, status: ev.Response.Status}
		}
	case *network.EventLoadingFinished:
		if r, ok := tr.images[ev.RequestID]; ok && !r.done {
			r.bytes, r.done = int64(ev.EncodedDataLength), true
			tr.finished++
		}
	}
}

// snapshot returns the finished image responses.
func (tr *transfer) snapshot() []imageResponse {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	var out []imageResponse
	for _, r := range tr.images {
		if r.done {
			out = append(out, *r)
		}
	}
	return out
}

// TestPhoneTransfer loads the story in Chromium as a 360×800 phone at
// device pixel ratio 2, scrolls to the bottom so that the lazy images load,
// and checks what came over the network: the three photos, each as its
// 800w WebP variant (328 CSS px × 2 = 656 device px: the 1200w would be
// wasted), together at most 250 KB.
func TestPhoneTransfer(t *testing.T) {
	b := browsertest.Browser(t)
	s := imageSite(t)
	base := browsertest.Serve(t, s.out, nil)
	tab := browsertest.NewTab(t, b, 360, 800)

	tr := &transfer{images: map[network.RequestID]*imageResponse{}}
	ctx, cancel := context.WithTimeout(tab, 90*time.Second)
	defer cancel()
	if err := chromedp.Listen(ctx, tr.listen); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, target *chromedp.Target) error {
		if _, err := cdp.Call(ctx, target, network.Enable, network.EnableParams{}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, target, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true})
		return err
	})); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/mo-hinh/anh-test/")); err != nil {
		t.Fatal(err)
	}
	type viewport struct {
		DPR   float64 `json:"dpr"`
		Width int     `json:"width"`
	}
	view, err := chromedp.Run(ctx, chromedp.Evaluate[viewport](`({dpr: devicePixelRatio, width: innerWidth})`))
	if err != nil {
		t.Fatal(err)
	}
	if view.DPR != 2 || view.Width != 360 {
		t.Fatalf("emulation: devicePixelRatio %v, innerWidth %d; want 2, 360", view.DPR, view.Width)
	}

	// Scroll down a screen at a time, as a reader does, to the bottom.
	for range 100 {
		atBottom, err := chromedp.Run(ctx, chromedp.Evaluate[bool](
			`window.scrollBy(0, innerHeight); innerHeight + scrollY >= document.documentElement.scrollHeight - 1`))
		if err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.Sleep(100*time.Millisecond)); err != nil {
			t.Fatal(err)
		}
		if atBottom {
			break
		}
	}
	// Wait until every image is decoded and its response finished.
	deadline := time.Now().Add(30 * time.Second)
	for {
		done, err := chromedp.Run(ctx, chromedp.Evaluate[bool](
			`Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)`))
		if err != nil {
			t.Fatal(err)
		}
		tr.mu.Lock()
		finished := tr.finished
		tr.mu.Unlock()
		if done && finished >= len(photos) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("images not loaded after 30 s: all complete %v, %d image responses finished", done, finished)
		}
		time.Sleep(100 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond) // any late request
	current, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.images, i => i.currentSrc)`))
	if err != nil {
		t.Fatal(err)
	}

	// What the page's <img> elements show.
	if len(current) != len(photos) {
		t.Fatalf("page has %d images, want %d: %q", len(current), len(photos), current)
	}
	for i, src := range current {
		w, format, err := variantOf(src)
		if err != nil {
			t.Errorf("image %d shows %q: %v", i+1, src, err)
			continue
		}
		if format != "webp" || w > 800 {
			t.Errorf("image %d shows the %dw %s variant %s, want WebP of width ≤ 800", i+1, w, format, src)
		}
	}

	// What came over the network.
	var total int64
	var lines []string
	photosSeen := map[string]bool{}
	for _, r := range tr.snapshot() {
		total += r.bytes
		lines = append(lines, fmt.Sprintf("%s %s %d B", r.url, r.mime, r.bytes))
		if r.status != 200 {
			t.Errorf("%s: status %d", r.url, r.status)
		}
		u, err := url.Parse(r.url)
		if err != nil || !strings.HasPrefix(u.Path, "/img/") {
			continue // favicon and the like, counted in the total
		}
		w, format, err := variantOf(r.url)
		if err != nil {
			t.Errorf("%s: %v", r.url, err)
			continue
		}
		if format != "webp" || r.mime != "image/webp" || w > 800 {
			t.Errorf("downloaded %s (%s, %dw): want only WebP variants of width ≤ 800", r.url, r.mime, w)
		}
		photo := variantName.FindStringSubmatch(path.Base(u.Path))[1]
		if photosSeen[photo] {
			t.Errorf("%s: a second variant of %s downloaded", r.url, photo)
		}
		photosSeen[photo] = true
	}
	if len(photosSeen) != len(photos) {
		t.Errorf("downloaded variants of %d photos, want %d", len(photosSeen), len(photos))
	}
	t.Logf("image transfer at 360×800 DPR 2: %d bytes (%.1f KB) in %d responses:\n%s", total, float64(total)/1024, len(lines), strings.Join(lines, "\n"))
	if total > imageBudget {
		t.Errorf("images transferred %.1f KB, budget %d KB", float64(total)/1024, imageBudget/1024)
	}
	// Last: a full-page screenshot re-renders the page at DPR 1, which
	// fetches the 480w variants.
	browsertest.Screenshot(t, tab, "imagetest-story-360")
}

// variantOf returns the width and format of a variant URL.
func variantOf(u string) (width int, format string, err error) {
	parsed, err := url.Parse(u)
	if err != nil {
		return 0, "", err
	}
	m := variantName.FindStringSubmatch(path.Base(parsed.Path))
	if m == nil || path.Dir(parsed.Path) != "/img" {
		return 0, "", fmt.Errorf("not a variant under /img/")
	}
	w, err := strconv.Atoi(m[3])
	return w, m[4], err
}
