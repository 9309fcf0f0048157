package build

import "github.com/lantoa/lantoa/internal/output"

// Hooks for the later stages (search, sharing, statistics); each returns
// nothing until that stage is wired in.

func extraAssets() map[string][]byte { return nil }

func (b *builder) searchData() *SearchData { return nil }

func (b *builder) decorate(v *View) {}

func (b *builder) extraJobs(add func(*View, ...string) error) ([]job, error) { return nil, nil }

func (b *builder) extraSitemap() []output.SitemapURL { return nil }

func (b *builder) extraRedirects() []output.Redirect { return nil }
