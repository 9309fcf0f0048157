package markdown

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/lantoa/lantoa/internal/content"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// FuzzRender renders arbitrary bodies through the whole pipeline with a
// fake site. Whatever the input: no panic; no element or attribute outside
// the set our renderer produces (so raw HTML is always escaped text): no
// <script>, no on* attribute, no javascript:/data: or other unsafe URL,
// no image from another site; every diagnostic at a line of the file.

// allowedElements are the elements goldmark (CommonMark, GFM, footnotes)
// and our node renderers write.
var allowedElements = map[atom.Atom]bool{
	atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.A: true, atom.Img: true, atom.Picture: true, atom.Source: true, atom.Figure: true, atom.Figcaption: true,
	atom.Ul: true, atom.Ol: true, atom.Li: true, atom.Input: true, atom.Blockquote: true, atom.Pre: true,
	atom.Code: true, atom.Em: true, atom.Strong: true, atom.Del: true, atom.Hr: true, atom.Br: true,
	atom.Table: true, atom.Thead: true, atom.Tbody: true, atom.Tr: true, atom.Th: true, atom.Td: true,
	atom.Sup: true, atom.Div: true, atom.Span: true,
	// The fragment parser adds these around the body.
	atom.Html: true, atom.Head: true, atom.Body: true,
}

// allowedAttrs are the attributes they write.
var allowedAttrs = map[string]bool{
	"href": true, "src": true, "srcset": true, "sizes": true, "alt": true, "title": true, "id": true,
	"class": true, "width": true, "height": true, "loading": true, "decoding": true, "fetchpriority": true,
	"type": true, "checked": true, "disabled": true, "role": true, "start": true,
}

// checkHTML returns every element, attribute or URL of out that did not
// come from our renderer.
func checkHTML(out []byte) []string {
	var errs []string
	errorf := func(format string, args ...any) { errs = append(errs, fmt.Sprintf(format, args...)) }
	if !utf8.Valid(out) {
		errorf("output is not UTF-8")
	}
	if bytes.Contains(bytes.ToLower(out), []byte("<script")) {
		errorf("output holds a raw <script")
	}
	doc, err := html.Parse(bytes.NewReader(out))
	if err != nil {
		return append(errs, fmt.Sprintf("output does not parse as HTML: %v", err))
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if !allowedElements[n.DataAtom] || n.Namespace != "" {
				errorf("element <%s> (namespace %q) in output", n.Data, n.Namespace)
			}
			for _, a := range n.Attr {
				k := strings.ToLower(a.Key)
				if !allowedAttrs[k] || a.Namespace != "" {
					errorf("attribute %s=%q on <%s> in output", a.Key, a.Val, n.Data)
				}
				switch k {
				case "href":
					if !SafeScheme(a.Val) || unsafeURL(a.Val) {
						errorf("unsafe href %q", a.Val)
					}
				case "src", "srcset":
					if !strings.HasPrefix(a.Val, "/") || strings.HasPrefix(a.Val, "//") {
						errorf("<%s %s=%q>: not a file of this site", n.Data, k, a.Val)
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return errs
}

// unsafeURL catches what a browser would run or inline whatever the
// spelling: schemes are compared after dropping the ASCII tab, newline
// and control characters that URL parsers strip.
func unsafeURL(u string) bool {
	s := strings.Map(func(r rune) rune {
		if r <= 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, strings.ToLower(u))
	for _, scheme := range []string{"javascript:", "vbscript:", "data:", "file:"} {
		if strings.HasPrefix(s, scheme) {
			return true
		}
	}
	return false
}

// TestCheckHTML shows that the checker of FuzzRender catches each kind of
// injection, and accepts what the renderer writes.
func TestCheckHTML(t *testing.T) {
	for _, bad := range []string{
		`<script>alert(1)</script>`,
		`<p>x<SCRIPT src=/a.js></SCRIPT></p>`,
		`<img src="/a.jpg" alt="" onerror="alert(1)">`,
		`<a href="javascript:alert(1)">x</a>`,
		`<a href=" JaVa&#x09;Script:alert(1)">x</a>`,
		`<a href="data:text/html,x">x</a>`,
		`<img src="https://evil.example/p.gif" alt="x">`,
		`<img src="//evil.example/p.gif" alt="x">`,
		`<iframe src="/x"></iframe>`,
		`<svg><a href="/x">x</a></svg>`,
		`<p style="color:red">x</p>`,
		`<form action="/x"><button>x</button></form>`,
		"\xff",
	} {
		if errs := checkHTML([]byte(bad)); len(errs) == 0 {
			t.Errorf("checkHTML accepts %q", bad)
		}
	}
	p, _ := content.Parse("content/tin-tuc/ban-tin.md", []byte(header+"## Bối cảnh\n\n[a](/gioi-thieu/) ![Ảnh](/anh/a.jpg \"c\")\n\n- [x] việc\n\n| a |\n|:-:|\n| b |\n\nx[^1]\n\n[^1]: y\n\n<b>raw</b>\n"), opts)
	res := New().Render(p, newSite())
	if errs := checkHTML(res.HTML); len(errs) > 0 {
		t.Errorf("checkHTML refuses the renderer's own output %q: %v", res.HTML, errs)
	}
}

func FuzzRender(f *testing.F) {
	for _, s := range []string{
		"## Bối cảnh\n\nNội dung **đậm** và _nghiêng_.\n",
		"<script>alert(1)</script>\n",
		"x <script>alert(1)</script> y\n",
		"<img src=x onerror=alert(1)>\n",
		"\"><img src=x onerror=alert(1)>\n",
		"a <b onmouseover=alert(1)>b</b>\n",
		"<!-- <script> -->\n",
		"<![CDATA[<script>]]>\n",
		"<style>body{}</style>\n",
		"<svg onload=alert(1)>\n",
		"<iframe src=javascript:alert(1)>\n",
		"[x](javascript:alert(1))\n",
		"[x](JaVaScRiPt:alert(1))\n",
		"[x](java\tscript:alert(1))\n",
		"[x](&#106;avascript:alert(1))\n",
		"[x](%6Aavascript:alert(1))\n",
		"[x]( javascript:alert(1) \"t\")\n",
		"[x](data:text/html;base64,PHNjcmlwdD4=)\n",
		"[x](vbscript:msgbox)\n",
		"[x]: javascript:alert(1)\n\n[x]\n",
		"<javascript:alert(1)>\n",
		"<data:text/html,x>\n",
		"www.example.com/<script>\n",
		"https://example.com/\"onmouseover=\"alert(1)\n",
		"![a\"b](javascript:alert(1))\n",
		"![x](https://evil.example/p.gif)\n",
		"![x](//evil.example/p.gif)\n",
		"![](/anh/a.jpg)\n",
		"![Ảnh \"<b>\"](/anh/a.jpg \"<script>chú thích</script>\")\n",
		"![Ảnh](../../../../etc/passwd)\n",
		"![Ảnh](/anh/webp.jpg)\n",
		"[đi](../mo-hinh/camera-an-ninh.md#bai-hoc)\n",
		"[đi](/tinh-thanh/ha-noi/?q=<script>#x\"y)\n",
		"[thiếu](/khong-co/)\n",
		"| a | b |\n|:--|--:|\n| <script> | `<b>` |\n",
		"- [x] <img src=x onerror=alert(1)>\n",
		"Chú thích[^1].\n\n[^1]: <script>alert(1)</script>\n",
		"# H1\n\n#### H4\n\n## \u202eabc\n\n## ## \n",
		"```html\n<script>alert(1)</script>\n```\n",
		"    <script>indented</script>\n",
		"> <script>\n> quote\n",
		strings.Repeat("a", 5000) + "\n",
		strings.Repeat("[", 1000) + strings.Repeat("]", 1000) + "\n",
		strings.Repeat("> ", 500) + "x\n",
		strings.Repeat("*", 3000) + "\n",
		"<a href=\"javascript:alert(1)\">x</a>\n",
		"<A HREF=javascript:alert(1)>x</A>\n",
		"&lt;script&gt; &#60;script&#62; &#x3C;script&#x3E;\n",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	site := newSite()
	site.assets["static/anh/webp.jpg"] = &Picture{Src: "/anh/webp.jpg", Srcset: "/anh/webp-480.jpg 480w", WebPSrcset: "/anh/webp-480.webp 480w", Width: 480, Height: 360}
	r := New()
	f.Fuzz(func(t *testing.T, body string, bundle bool) {
		file := "content/tin-tuc/ban-tin.md"
		if bundle {
			file = "content/mo-hinh/tieng-keng/index.md"
		}
		src := header + body
		p, _ := content.Parse(file, []byte(src), opts)
		if p == nil {
			t.Skip() // not a page (NUL bytes, invalid UTF-8): content reports it
		}
		res := r.Render(p, site)
		for _, e := range checkHTML(res.HTML) {
			t.Errorf("%s\nin output %q", e, res.HTML)
		}
		// Lines as an editor counts them: CRLF, CR and LF each end a line.
		lines := 1 + strings.Count(strings.ReplaceAll(strings.ReplaceAll(src, "\r\n", "\n"), "\r", "\n"), "\n")
		for _, d := range res.Diags {
			if d.File != p.File || d.Line < 1 || d.Line > lines || d.Col < 0 {
				t.Errorf("diagnostic at %s:%d:%d, the page is %s with %d lines: %s", d.File, d.Line, d.Col, p.File, lines, d)
			}
		}
		for _, h := range res.Headings {
			if h.ID == "" || strings.ContainsAny(h.ID, " \"'<>&") {
				t.Errorf("heading id %q", h.ID)
			}
		}
		if !utf8.ValidString(res.Text) {
			t.Errorf("plain text is not UTF-8")
		}
	})
}
