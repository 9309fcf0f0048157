package sitetest

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// netlifyConfig is the part of netlify.toml that the tests read.
type netlifyConfig struct {
	Build struct {
		Command     string            `toml:"command"`
		Publish     string            `toml:"publish"`
		Environment map[string]string `toml:"environment"`
	} `toml:"build"`
	Context map[string]struct {
		Command string `toml:"command"`
	} `toml:"context"`
	Headers []headerRule `toml:"headers"`
}

// A headerRule is one [[headers]] table.
type headerRule struct {
	For    string            `toml:"for"`
	Values map[string]string `toml:"values"`
}

// readNetlify parses the repository's netlify.toml.
func readNetlify(t testing.TB) netlifyConfig {
	t.Helper()
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	var c netlifyConfig
	md, err := toml.DecodeFile(filepath.Join(root, "netlify.toml"), &c)
	if err != nil {
		t.Fatalf("netlify.toml: %v", err)
	}
	for _, k := range md.Undecoded() {
		if k[0] == "build" || k[0] == "context" || k[0] == "headers" {
			t.Logf("netlify.toml: key %s not checked", k)
		}
	}
	return c
}

// rootHeaders returns the values of the [[headers]] rule for "/*": the
// headers of every response.
func (c netlifyConfig) rootHeaders(t testing.TB) map[string]string {
	t.Helper()
	for _, h := range c.Headers {
		if h.For == "/*" {
			return h.Values
		}
	}
	t.Fatal(`netlify.toml: no [[headers]] for = "/*"`)
	return nil
}

// headersFor returns the headers Netlify sends for the URL path p: the
// values of every rule whose pattern matches p, a later rule overriding an
// earlier one for the same header (as Netlify's headers engine does).
// In a pattern, a "*" matches anything, slashes included, and a
// ":placeholder" segment matches one segment; matching ignores case and a
// trailing slash.
func (c netlifyConfig) headersFor(p string) map[string]string {
	out := map[string]string{}
	for _, h := range c.Headers {
		if netlifyPattern(h.For).MatchString(p) {
			for k, v := range h.Values {
				out[k] = v
			}
		}
	}
	return out
}

// netlifyPattern turns a [[headers]] for pattern into a regular
// expression.
func netlifyPattern(pattern string) *regexp.Regexp {
	var parts []string
	for seg := range strings.SplitSeq(strings.Trim(pattern, "/"), "/") {
		switch {
		case seg == "":
		case strings.HasPrefix(seg, ":"):
			parts = append(parts, "[^/]+")
		default:
			parts = append(parts, strings.ReplaceAll(regexp.QuoteMeta(seg), `\*`, ".*"))
		}
	}
	return regexp.MustCompile(`(?i)^/` + strings.Join(parts, "/") + `/?$`)
}

// cacheMaxAge returns the max-age of a Cache-Control (directives
// separated by commas) or Strict-Transport-Security (by semicolons) value,
// -1 if none.
func cacheMaxAge(cc string) int {
	for d := range strings.SplitSeq(strings.ReplaceAll(cc, ";", ","), ",") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(strings.ToLower(d)), "max-age="); ok {
			if n, err := strconv.Atoi(v); err == nil {
				return n
			}
		}
	}
	return -1
}

// cspDirectives splits a Content-Security-Policy into its directives.
func cspDirectives(csp string) map[string][]string {
	out := map[string][]string{}
	for d := range strings.SplitSeq(csp, ";") {
		f := strings.Fields(d)
		if len(f) > 0 {
			out[strings.ToLower(f[0])] = f[1:]
		}
	}
	return out
}

func TestNetlifyPattern(t *testing.T) {
	for _, tc := range []struct {
		pattern, path string
		want          bool
	}{
		{"/*", "/", true},
		{"/*", "/mo-hinh/a/", true},
		{"/assets/*", "/assets/style.a41ba6f8.css", true},
		{"/assets/*", "/mo-hinh/assets/x.css", false},
		{"/assets/*", "/assetsx/a", false},
		{"/*.xml", "/index.xml", true},
		{"/*.xml", "/mo-hinh/index.xml", true},
		{"/*.xml", "/mo-hinh/", false},
		{"/tim-kiem/_i/latest.json", "/tim-kiem/_i/latest.json", true},
		{"/tim-kiem/_i/latest.json", "/tim-kiem/_i/latestXjson", false},
		{"/mo-hinh/:slug/in", "/mo-hinh/a/in/", true},
		{"/mo-hinh/:slug/in", "/mo-hinh/a/b/in/", false},
	} {
		if got := netlifyPattern(tc.pattern).MatchString(tc.path); got != tc.want {
			t.Errorf("pattern %q matches %q = %v, want %v", tc.pattern, tc.path, got, tc.want)
		}
	}
}

// TestNetlify checks the hosting configuration: how the site is built and
// published, and the headers it is served with.
func TestNetlify(t *testing.T) {
	c := readNetlify(t)
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}

	t.Run("build", func(t *testing.T) {
		cmd := strings.Fields(c.Build.Command)
		i := slices.Index(cmd, "./cmd/lantoa")
		if len(cmd) < 4 || cmd[0] != "go" || cmd[1] != "run" || i < 0 || i+1 >= len(cmd) || cmd[i+1] != "build" {
			t.Errorf("build command %q, want go run ./cmd/lantoa build ...", c.Build.Command)
		}
		if _, err := os.Stat(filepath.Join(root, "cmd", "lantoa", "main.go")); err != nil {
			t.Errorf("build command runs ./cmd/lantoa: %v", err)
		}
		for _, bad := range []string{"--drafts", "--future", "-d", "--baseURL"} {
			if slices.Contains(cmd, bad) {
				t.Errorf("production build command %q has %s", c.Build.Command, bad)
			}
		}
		// lantoa build writes to SITE/public by default.
		if c.Build.Publish != "public" {
			t.Errorf("publish = %q, want public (lantoa build's output folder)", c.Build.Publish)
		}
		if v := c.Build.Environment["GO_VERSION"]; v == "" {
			t.Error("build.environment has no GO_VERSION: Netlify would pick its own Go")
		} else if gomod, err := os.ReadFile(filepath.Join(root, "go.mod")); err != nil {
			t.Fatal(err)
		} else if m := regexp.MustCompile(`(?m)^go (\S+)`).FindSubmatch(gomod); m == nil ||
			!strings.HasPrefix(v, strings.Join(strings.SplitN(string(m[1]), ".", 3)[:2], ".")) {
			t.Errorf("GO_VERSION %q does not match go.mod's go directive %q", v, m)
		}
	})

	t.Run("deploy previews", func(t *testing.T) {
		ctx, ok := c.Context["deploy-preview"]
		if !ok {
			t.Fatal("no [context.deploy-preview]")
		}
		cmd := strings.Fields(ctx.Command)
		if !slices.Contains(cmd, "--drafts") || !strings.Contains(ctx.Command, "./cmd/lantoa build") {
			t.Errorf("deploy-preview command %q, want lantoa build --drafts", ctx.Command)
		}
		// A preview has its own address; links and og:url must use it.
		if !strings.Contains(ctx.Command, "--baseURL $DEPLOY_PRIME_URL") && !strings.Contains(ctx.Command, "--baseURL $DEPLOY_URL") {
			t.Errorf("deploy-preview command %q does not build for the preview's address ($DEPLOY_PRIME_URL)", ctx.Command)
		}
	})

	t.Run("security headers", func(t *testing.T) {
		h := c.rootHeaders(t)
		csp := h["Content-Security-Policy"]
		if csp == "" {
			t.Fatal(`no Content-Security-Policy for "/*"`)
		}
		for _, bad := range []string{"'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "data:", "http:", "https:"} {
			for name, values := range cspDirectives(csp) {
				if slices.Contains(values, bad) && !(bad == "data:" && name == "img-src") {
					t.Errorf("CSP %s allows %s", name, bad)
				}
			}
		}
		d := cspDirectives(csp)
		for name, want := range map[string]string{
			"default-src":     "'none'",
			"script-src":      "'self'",
			"style-src":       "'self'",
			"object-src":      "'none'",
			"base-uri":        "'none'",
			"frame-ancestors": "'none'",
		} {
			if got, ok := d[name]; !ok || !slices.Equal(got, []string{want}) {
				t.Errorf("CSP %s = %q, want %s", name, got, want)
			}
		}
		if got := h["X-Content-Type-Options"]; got != "nosniff" {
			t.Errorf("X-Content-Type-Options = %q, want nosniff", got)
		}
		if got := h["Referrer-Policy"]; !slices.Contains([]string{"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}, got) {
			t.Errorf("Referrer-Policy = %q, want one that keeps paths from other sites", got)
		}
		pp := h["Permissions-Policy"]
		for _, f := range []string{"camera=()", "microphone=()", "geolocation=()"} {
			if !strings.Contains(pp, f) {
				t.Errorf("Permissions-Policy %q does not deny %s", pp, f)
			}
		}
		sts := h["Strict-Transport-Security"]
		if age := cacheMaxAge(sts); age < 31536000 {
			t.Errorf("Strict-Transport-Security %q: max-age below one year", sts)
		}
	})

	t.Run("caching", func(t *testing.T) {
		s := realSite(t)
		// Assets are cached for a year, so their names must change with
		// their content.
		assets, err := os.ReadDir(filepath.Join(s.out, "assets"))
		if err != nil {
			t.Fatal(err)
		}
		fingerprint := regexp.MustCompile(`\.[0-9a-f]{8,}\.[a-z0-9]+$`)
		for _, a := range assets {
			p := "/assets/" + a.Name()
			if !fingerprint.MatchString(a.Name()) {
				t.Errorf("%s has no content hash in its name, yet is cached as immutable", p)
			}
			cc := c.headersFor(p)["Cache-Control"]
			if !strings.Contains(cc, "immutable") || cacheMaxAge(cc) < 31536000 {
				t.Errorf("%s: Cache-Control %q, want a year, immutable", p, cc)
			}
		}
		if len(assets) == 0 {
			t.Error("no assets in the output")
		}
		// So are the search index's shards; latest.json names them.
		shards, err := os.ReadDir(filepath.Join(s.out, "tim-kiem", "_i"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range shards {
			p := "/tim-kiem/_i/" + f.Name()
			if f.Name() == "latest.json" {
				continue
			}
			if !fingerprint.MatchString(f.Name()) {
				t.Errorf("%s has no content hash in its name", p)
			}
			if cc := c.headersFor(p)["Cache-Control"]; !strings.Contains(cc, "immutable") {
				t.Errorf("%s: Cache-Control %q, want immutable", p, cc)
			}
		}
		// Every HTML page, and the search index's entry point, must be
		// revalidated soon after a deploy.
		var paths []string
		for _, pg := range s.sortedPages() {
			paths = append(paths, pg.path, "/"+pg.file)
		}
		paths = append(paths, "/tim-kiem/_i/latest.json")
		for _, p := range paths {
			cc := c.headersFor(p)["Cache-Control"]
			if age := cacheMaxAge(cc); age < 0 || age > 600 || strings.Contains(cc, "immutable") {
				t.Errorf("%s: Cache-Control %q, want a short max-age", p, cc)
			}
		}
	})
}
