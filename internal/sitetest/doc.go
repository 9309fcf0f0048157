// Package sitetest holds the acceptance tests of lantoa over the real site:
// the repository's own content, data, static files and theme, built once
// per test binary into a temporary folder and checked the way readers,
// browsers, crawlers and share previews see it. The package has no code
// of its own; its tests are its contents.
//
// # The build under test
//
// The first test that needs the real site copies site.toml, content/,
// data/, static/, themes/ (and the site's own layouts/, assets/, i18n/,
// archetypes/ when present) into a temporary folder that TestMain creates
// and removes, together with resources/ (the image, QR and share image
// caches, which only make the build faster), and builds the copy with
// build.Build at a fixed clock, 28/11/2026 12:00 in Asia/Ho_Chi_Minh, with
// share images drawn. Building a copy keeps the tests hermetic: a production
// build adds new URLs to the site's URL ledger (data/published-urls.txt),
// which must not happen to the repository. Every test reads the same
// output; the few tests that need another site (the URL ledger, a hostile
// page title) copy and build their own.
//
// # What is checked
//
//   - Pages: every built HTML page parses, has exactly one h1, one
//     non-empty <title>, a meta description, <html lang="vi">, no style
//     attribute, <style> element or on* handler, and no inline <script>
//     except JSON-LD data (the Content-Security-Policy forbids them). The
//     Nu Html Checker reports no error over the whole output. The home page
//     and a model page weigh at most 30 KB gzip with the CSS and JS they
//     load.
//   - Links: every href, src and srcset of every page, site-absolute,
//     relative or under the site's baseURL, resolves to a built file (a
//     folder resolves through its index.html), and every #fragment names an
//     id of its target page; so do the sitemap's URLs.
//   - Hosting: netlify.toml builds with lantoa into public/, previews build
//     with drafts, and sends a strict Content-Security-Policy (no
//     'unsafe-inline', no 'unsafe-eval'), nosniff, Referrer-Policy,
//     Permissions-Policy, HSTS, immutable caching for fingerprinted assets
//     and short caching for HTML, with Netlify's rule matching (the last
//     matching rule wins a header).
//   - Sharing: canonical URL, Open Graph, Twitter card, article times in
//     +07:00 and JSON-LD (Article or NewsArticle, and BreadcrumbList) on
//     every story and list page; share images exist, decode, measure
//     1200×630 and weigh at most 150 KB; QR codes decode (zbarimg) to the
//     page's canonical URL; the URL ledger fails a build that drops a
//     published URL and turns an alias into a 301 redirect.
//   - Statistics: the totals and the per-province, per-field, per-type and
//     per-year figures, recomputed here from the content's front matter
//     with gopkg.in/yaml.v3 (not with the project's own content package),
//     agree with /thong-ke/du-lieu.json, /thong-ke/du-lieu.csv, the tables
//     and figures of /thong-ke/ and the home page, in Vietnamese number
//     format; every inline <svg> is well-formed XML.
//   - In the browser (one headless Chromium for all of TestBrowser, the
//     site served with the netlify.toml headers of "/*"): no
//     sideways scrolling, visible header and h1, and no axe-core violation
//     (WCAG 2.0/2.1/2.2 A and AA), in light and dark colour schemes, at
//     360×800 and 1280×800, for the home, a model, a province, the 404, the
//     search, the statistics and a poster page, with screenshots in
//     browsertest.ArtifactsDir; no console error or CSP violation; search
//     results for queries without accents, with the other tone-mark
//     placement, in NFD, with đ typed as d, as a prefix and with a filter;
//     a hostile page title shown as text, on its page and in the search
//     results (served without CSP, so that an injection would run); the
//     copy-link button.
//
// Tests that need a tool (Chromium, axe-core, the Nu Html Checker, zbarimg)
// skip when it is missing, and fail when CI=true.
//
// A test that finds a known bug of another package reports it with
// t.Skip("BUG: ...") after its other checks, so that the rest still fails
// loudly and the skip disappears once the bug is fixed.
package sitetest
