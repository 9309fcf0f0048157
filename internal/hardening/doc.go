// Package hardening holds lantoa's whole-site robustness and security
// tests (issue #8, "Trustworthy under bad input and attack"). It has no
// code of its own: the tests build real sites with [build.Build] and the
// lantoa binary and check what comes out. docs/security.md maps each
// promise of the project to the test that proves it.
//
// # Hostile content (hostile_test.go)
//
// A site whose every editor-written field holds HTML, "</script>",
// `"><img src=x onerror=alert(1)>`, quotes, javascript: URLs, bidi
// overrides (U+202E), zero-width characters and 5,000-character words
// builds, and every output file is scanned: HTML has no element or
// attribute that came from editor text (no <script> but the theme's own
// src= scripts and JSON-LD data blocks, no on* attribute, no javascript:
// or data: URL); JSON-LD blocks parse and hold the text exactly; RSS,
// sitemap and SVG files parse as XML; _redirects lines are well formed;
// the search index opens and finds the text; Open Graph values are the
// text, escaped; every share image named by a page exists; titles carry
// no bidi or zero-width character. Invalid vocabulary values written as
// attacks fail the build with a diagnostic.
//
// # Bad input (badinput_test.go)
//
// Each case builds a good site, puts a sentinel file into the output,
// breaks the source, builds again and expects: a diagnostic naming the
// file (and line where there is one) or a documented behaviour, an error
// wrapping [build.ErrFailed] for site errors, and the previous output
// intact. Cases: unreadable files, invalid UTF-8, empty files, front
// matter that never closes, symlink loops, odd and Vietnamese file names,
// NFD file names, binary files named .md, template errors, a 50 MB page
// and 10,000 files in one folder (the last two are slow, see below).
//
// # Safe output (safeoutput_test.go)
//
// Builds never write outside the destination (slugs, aliases and static
// symlinks that point outside; the destination's parent gains nothing but
// the destination), output files are 0644 and folders 0755, and a build of
// the 14,400-page generated corpus killed with SIGKILL leaves the previous
// output in place, its temporary folder removed by the next build.
//
// # Slow tests
//
// The 50 MB page (about 60 s), the 10,000 files (about 25 s) and the
// killed build (about 3 minutes, most of it the complete build of the
// corpus) take more than the 20 s a default test may take on the 2-core
// machine: they run only with LANTOA_SLOW_TESTS=1 (never with -short):
//
//	LANTOA_SLOW_TESTS=1 go test -timeout 20m ./internal/hardening
package hardening
