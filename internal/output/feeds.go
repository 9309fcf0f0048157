package output

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"time"
)

// SitemapURL is one entry of sitemap.xml.
type SitemapURL struct {
	Loc     string
	Lastmod time.Time // zero: omitted
}

// Sitemap renders a sitemap (absolute URLs).
func Sitemap(urls []SitemapURL) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, u := range urls {
		b.WriteString("<url><loc>")
		xmlEscape(&b, u.Loc)
		b.WriteString("</loc>")
		if !u.Lastmod.IsZero() {
			b.WriteString("<lastmod>" + u.Lastmod.Format(time.RFC3339) + "</lastmod>")
		}
		b.WriteString("</url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

func xmlEscape(b *bytes.Buffer, s string) {
	_ = xml.EscapeText(b, []byte(stripInvalidXML(s)))
}

// stripInvalidXML drops characters XML 1.0 cannot hold.
func stripInvalidXML(s string) string {
	return strings.Map(func(r rune) rune {
		if r == 0x9 || r == 0xA || r == 0xD || (r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF) {
			return r
		}
		return -1
	}, s)
}

// Feed is an RSS 2.0 channel.
type Feed struct {
	Title, Link, Description, SelfURL string
	Updated                           time.Time
	Items                             []FeedItem
}

// FeedItem is one RSS item.
type FeedItem struct {
	Title, Link, Description, Category string
	Date                               time.Time
}

// RSS renders an RSS 2.0 feed.
func RSS(f Feed) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>` + "\n")
	el := func(name, v string) {
		b.WriteString("<" + name + ">")
		xmlEscape(&b, v)
		b.WriteString("</" + name + ">")
	}
	el("title", f.Title)
	el("link", f.Link)
	el("description", f.Description)
	el("language", "vi")
	if !f.Updated.IsZero() {
		el("lastBuildDate", f.Updated.Format(time.RFC1123Z))
	}
	b.WriteString(`<atom:link href="`)
	xmlEscape(&b, f.SelfURL)
	b.WriteString(`" rel="self" type="application/rss+xml"/>` + "\n")
	for _, it := range f.Items {
		b.WriteString("<item>")
		el("title", it.Title)
		el("link", it.Link)
		el("guid", it.Link)
		if !it.Date.IsZero() {
			el("pubDate", it.Date.Format(time.RFC1123Z))
		}
		if it.Category != "" {
			el("category", it.Category)
		}
		el("description", it.Description)
		b.WriteString("</item>\n")
	}
	b.WriteString("</channel></rss>\n")
	return b.Bytes()
}

// Robots renders robots.txt naming the sitemap.
func Robots(sitemapURL string) []byte {
	return []byte(fmt.Sprintf("User-agent: *\nAllow: /\n\nSitemap: %s\n", sitemapURL))
}

// Redirect is one alias.
type Redirect struct{ From, To string }

// Redirects renders a Netlify _redirects file (301 for every alias).
// Paths are validated by the caller (content.CleanAlias); characters that
// would break the format are refused here as a second line of defence.
func Redirects(rs []Redirect) ([]byte, error) {
	var b bytes.Buffer
	for _, r := range rs {
		for _, p := range []string{r.From, r.To} {
			if p == "" || !strings.HasPrefix(p, "/") || strings.ContainsAny(p, " \t\r\n#") {
				return nil, fmt.Errorf("đường dẫn chuyển hướng không hợp lệ: %q", p)
			}
		}
		fmt.Fprintf(&b, "%s %s 301\n", r.From, r.To)
	}
	return b.Bytes(), nil
}
