// Package imagetest holds the acceptance tests of issue #9, responsive
// images, over a whole build: a site with one story whose photos come
// straight from a phone, built by build.Build and read by a browser. The
// package has no code of its own; its tests are its contents.
//
// # The fixture
//
// TestMain creates a temporary folder; the tests build into it, lazily and
// once per test binary, a site made of the repository's site.toml, data/
// vocabularies (without the URL ledger, whose URLs the fixture does not
// have) and themes/, a home page, and one model story as a bundle,
// content/mo-hinh/anh-test/index.md, with three photos beside it:
//
//   - anh-1.jpg, the story's image (front matter image and image_alt);
//   - anh-2.jpg, a Markdown image ![alt](anh-2.jpg) in the body;
//   - anh-3.jpg, a Markdown image with a title, ![alt](anh-3.jpg "Chú thích").
//
// Each photo is a 4000×3000 JPEG drawn by the test (a street scene with
// sky, buildings, trees, value noise and grain, so that encoded sizes are
// those of a real photo), stored landscape with EXIF Orientation=6 (a phone
// held upright), a GPS position and a camera make and model, with a red
// marker at the stored top-left and a blue one at the stored top-right. The
// site is built twice into the same output folder: the first build
// processes the photos, the second takes them from SITE/resources/images.
//
// # What is checked
//
//   - Work: the first build reports 3 images processed and 0 cached, the
//     second 0 processed and 3 cached (build.Result).
//   - Variants: public/img holds exactly the 480×640, 800×1067 and
//     1200×1600 variants of each photo in WebP and JPEG, named
//     "anh-N-HASH8-WIDTH.webp|jpg", decoded with decoders independent of
//     the encoders; they are upright (red at the top-right corner, blue at
//     the bottom-right, nothing at the left), and the cached build wrote
//     the same bytes as the first.
//   - Privacy: no published variant has an APPn or COM JPEG segment before
//     the scan, a WebP chunk other than VP8, VP8L, VP8X and ALPH, or the
//     planted camera strings; exiftool (-a -G1 -s), when installed, finds
//     no GPS*, Make or Model tag and nothing in IFD0, ExifIFD, GPS, XMP or
//     ICC groups, after it has been shown to find them in a source photo.
//     Without exiftool the test is skipped, or fails when CI=true.
//   - Originals: no file of the output is a bundle photo, has its name, or
//     links to it.
//   - HTML: the story has three <img>, each in a <picture> with one
//     <source type="image/webp">, srcsets of 480w, 800w and 1200w pointing
//     at existing files, the sizes "(min-width: 42rem) 40rem, calc(100vw -
//     2rem)", width and height in the photo's upright 3:4 ratio, its alt
//     text; the hero alone has fetchpriority="high" and is not lazy, the
//     others have loading="lazy"; anh-3 is a figure captioned "Chú thích".
//     No <img> of any page lacks width, height or alt.
//   - Phone: Chromium at 360×800 CSS pixels, device pixel ratio 2
//     (internal/browsertest), scrolls the story to the bottom; every image
//     shows, and the network brings, exactly one WebP variant per photo of
//     width at most 800, and at most 250 KB of images in all. Skipped
//     without Chromium, except when CI=true.
//   - Cost: TestCachedRebuildOverhead builds the same site without images
//     and the site with its photos cached, alternately, and logs the
//     medians of wall time and of the process's CPU time (which a busy
//     machine disturbs less), their least values, and the overhead; the
//     cold build is logged too. Timing is logged, not asserted (the
//     figures are in docs/benchmarks.md); only the cache counts are.
//   - Decoding: TestCachedHeroNotDecoded compares what a warm build
//     allocates with anh-1.jpg as the front matter image and with it as
//     the first body image: the hero's variant is not decoded for a share
//     card that is not drawn.
//   - Damaged cache: TestDamagedCacheRebuilt truncates a cached variant of
//     anh-2 and rewrites one of anh-3 in place with the same size; the
//     next build processes those two photos again (2 processed, 1 cached)
//     and publishes the same bytes as the first build.
//
// # Known bugs
//
// A test that shows a known bug is skipped with the reason; set
// LANTOA_KNOWN_BUGS=1 to run it. There is none at present.
package imagetest
