// Package corpus generates synthetic lantoa sites for tests and benchmarks:
// thousands of realistic Vietnamese stories that follow the content
// contract (/work/shared/content-schema.md) exactly.
//
// # Output
//
// Generate(dir, o) writes a complete site into dir, which must be empty or
// not exist:
//
//	site.toml                  baseURL, title, description, language, theme,
//	                           timeZone, paginate; no other key
//	data/tinh-thanh.yaml       copied byte for byte from o.DataDir
//	data/linh-vuc.yaml         copied byte for byte from o.DataDir
//	content/_index.md          home page
//	content/mo-hinh/_index.md, content/dien-hinh/_index.md, content/tin-tuc/_index.md
//	content/mo-hinh/SLUG.md    o.Models model stories, of which the first
//	content/mo-hinh/SLUG/index.md + anh-bia.jpg   o.Images are bundles
//	content/dien-hinh/SLUG.md  o.Exemplars exemplars
//	content/tin-tuc/SLUG.md    o.News news items
//
// # Stories
//
// Every story has YAML front matter with the keys its section requires
// (title ≤ 120 runes, summary ≤ 300 runes, date) and a Markdown body of 400
// to 900 words (white-space separated tokens holding a letter or digit).
// Model and exemplar bodies have the sections "## Bối cảnh", "## Cách làm",
// "## Kết quả" and "## Bài học kinh nghiệm"; news bodies have free
// headings. Bodies are built from banks of Vietnamese sentence templates
// with substitutions (places, numbers, people, crimes), so the vocabulary
// is varied like real text; they contain lists, numbered steps, quotes and
// now and then a GFM table.
//
//   - Provinces are the names in data/tinh-thanh.yaml, fields the names in
//     data/linh-vuc.yaml; localities (xã, phường, thôn, bản, buôn, ấp...)
//     are invented from syllable lists, with the words of the region.
//   - Kinds are the eight of the brief ("Camera an ninh", "Tiếng kẻng an
//     ninh"...) and a few more.
//   - Dates are in 2019-01-01..2026-10-31; lastmod, when set, is after date
//     and not after 2026-10-31. started is in 1995..2025 and before the
//     date's year; replications are in 0..900.
//   - Slugs are vi.Slug of a kind stem and a place (models), of a person or
//     a collective (exemplars) or of the title (news), cut at a hyphen to
//     at most 80 bytes, and unique within their section: a repeated slug
//     gets -2, -3...
//   - Links in bodies (/mo-hinh/SLUG/) and exemplars' models: lists only
//     name generated models.
//
// # Determinism and speed
//
// The output is a function of the Options alone: the same Options give a
// byte-identical tree, whatever the scheduling. Each story draws from its
// own random stream (seeded from Seed, its section and its index), so the
// stories are rendered and written by a small pool of workers.
package corpus

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"gopkg.in/yaml.v3"
)

// Options says what to generate.
type Options struct {
	Models    int   // model stories (content/mo-hinh)
	Exemplars int   // exemplars (content/dien-hinh)
	News      int   // news items (content/tin-tuc)
	Images    int   // how many of the models are bundles with a JPEG photo; ≤ Models
	Seed      int64 // the random seed
	// DataDir is the folder holding tinh-thanh.yaml and linh-vuc.yaml
	// (the repository's data/); "" means "data".
	DataDir string
}

// An OptionError reports an Options field with an impossible value.
type OptionError struct {
	Field string // "Models", "Images"...
	Value int
	Why   string
}

func (e *OptionError) Error() string {
	return fmt.Sprintf("corpus: Options.%s = %d: %s", e.Field, e.Value, e.Why)
}

// A DataError reports a vocabulary file that cannot be read or parsed.
type DataError struct {
	Dir  string // Options.DataDir, or "data"
	File string // "tinh-thanh.yaml" or "linh-vuc.yaml"
	Err  error
}

func (e *DataError) Error() string {
	return fmt.Sprintf("corpus: vocabulary %s in data folder %q: %v (the data folder must hold tinh-thanh.yaml and linh-vuc.yaml, as the repository's data/ does)",
		e.File, e.Dir, e.Err)
}

func (e *DataError) Unwrap() error { return e.Err }

// A NotEmptyError reports an output folder that already has files in it.
type NotEmptyError struct {
	Dir string
}

func (e *NotEmptyError) Error() string {
	return fmt.Sprintf("corpus: output folder %s is not empty; Generate writes only into an empty or new folder", e.Dir)
}

// Vocabulary file names, inside Options.DataDir and the output's data/.
const (
	provincesFile = "tinh-thanh.yaml"
	fieldsFile    = "linh-vuc.yaml"
)

// Generate writes the site described by o into dir (see the package
// documentation).
func Generate(dir string, o Options) error {
	for _, f := range []struct {
		name string
		v    int
	}{{"Models", o.Models}, {"Exemplars", o.Exemplars}, {"News", o.News}, {"Images", o.Images}} {
		if f.v < 0 {
			return &OptionError{Field: f.name, Value: f.v, Why: "must not be negative"}
		}
	}
	if o.Images > o.Models {
		return &OptionError{Field: "Images", Value: o.Images, Why: fmt.Sprintf("more than Models (%d): only model stories become bundles", o.Models)}
	}
	if o.DataDir == "" {
		o.DataDir = "data"
	}
	v, err := readVocab(o.DataDir)
	if err != nil {
		return err
	}
	if err := checkEmpty(dir); err != nil {
		return err
	}

	s := plan(o, v, newBank())
	if err := s.writeSkeleton(dir, v); err != nil {
		return err
	}
	return s.writeStories(dir)
}

// A vocab is the content of the two vocabulary files.
type vocab struct {
	provinces, fields       []string // names, in file order
	provincesRaw, fieldsRaw []byte
}

// readVocab reads and parses the vocabulary files of dir.
func readVocab(dir string) (*vocab, error) {
	v := new(vocab)
	for _, f := range []struct {
		file  string
		raw   *[]byte
		names *[]string
	}{{provincesFile, &v.provincesRaw, &v.provinces}, {fieldsFile, &v.fieldsRaw, &v.fields}} {
		raw, err := os.ReadFile(filepath.Join(dir, f.file))
		if err != nil {
			return nil, &DataError{Dir: dir, File: f.file, Err: err}
		}
		var entries []struct {
			Name string `yaml:"name"`
		}
		if err := yaml.Unmarshal(raw, &entries); err != nil {
			return nil, &DataError{Dir: dir, File: f.file, Err: err}
		}
		for i, e := range entries {
			if e.Name == "" {
				return nil, &DataError{Dir: dir, File: f.file, Err: fmt.Errorf("entry %d has no name", i+1)}
			}
			*f.names = append(*f.names, e.Name)
		}
		if len(*f.names) == 0 {
			return nil, &DataError{Dir: dir, File: f.file, Err: errors.New("no entries")}
		}
		*f.raw = raw
	}
	return v, nil
}

// checkEmpty returns a *NotEmptyError if dir exists and has entries.
func checkEmpty(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("corpus: %w", err)
	}
	if len(entries) > 0 {
		return &NotEmptyError{Dir: dir}
	}
	return nil
}

const siteTOML = `baseURL = "https://lantoa.netlify.app/"
title = "Lan tỏa mô hình hay"
description = "Những mô hình hay, cách làm hiệu quả trong phong trào toàn dân bảo vệ an ninh Tổ quốc: tra cứu theo tỉnh thành, lĩnh vực và loại mô hình."
language = "vi"
theme = "default"
timeZone = "Asia/Ho_Chi_Minh"
paginate = 20
`

// writeSkeleton writes everything but the stories.
func (s *site) writeSkeleton(dir string, v *vocab) error {
	for _, d := range []string{"data", "content/" + sectionModels, "content/" + sectionExemplars, "content/" + sectionNews} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			return fmt.Errorf("corpus: %w", err)
		}
	}
	files := []struct {
		path string
		data []byte
	}{
		{"site.toml", []byte(siteTOML)},
		{"data/" + provincesFile, v.provincesRaw},
		{"data/" + fieldsFile, v.fieldsRaw},
		// The home page and the section intros.
		{"content/_index.md", []byte(`---
title: "Lan tỏa mô hình hay"
---

Những câu chuyện về cách người dân các thôn, bản, tổ dân phố, khu công nghiệp cùng nhau giữ gìn an ninh, trật tự theo phương châm "tự quản, tự phòng, tự bảo vệ, tự hòa giải". Tra cứu mô hình và điển hình tiên tiến theo tỉnh thành, lĩnh vực hay loại mô hình, để tìm cách làm phù hợp với nơi mình sống.
`)},
		{"content/mo-hinh/_index.md", []byte(`---
title: "Mô hình"
---

Các mô hình hiệu quả trong phong trào toàn dân bảo vệ an ninh Tổ quốc, từ khu dân cư an toàn, dòng họ tự quản, tiếng kẻng, còi báo động đến camera an ninh, nhóm Zalo phòng, chống tội phạm và tổ an ninh công nhân. Mỗi bài kể bối cảnh, cách làm, kết quả và bài học kinh nghiệm.
`)},
		{"content/dien-hinh/_index.md", []byte(`---
title: "Điển hình tiên tiến"
---

Những tập thể và cá nhân tiêu biểu đã góp sức giữ bình yên cho thôn xóm, khu phố, nhà máy.
`)},
		{"content/tin-tuc/_index.md", []byte(`---
title: "Tin tức"
---

Tin hoạt động của phong trào toàn dân bảo vệ an ninh Tổ quốc, các hội nghị sơ kết, ngày hội ở cơ sở và những hướng dẫn thiết thực giúp người dân chủ động phòng ngừa, tố giác tội phạm.
`)},
	}
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(f.path)), f.data, 0o644); err != nil {
			return fmt.Errorf("corpus: %w", err)
		}
	}
	return nil
}

// writeStories renders and writes every story with a pool of workers.
func (s *site) writeStories(dir string) error {
	all := make([]*story, 0, len(s.models)+len(s.exemplars)+len(s.news))
	all = append(all, s.models...)
	all = append(all, s.exemplars...)
	all = append(all, s.news...)

	workers := min(4*runtime.GOMAXPROCS(0), 16) // writing files waits on the kernel
	jobs := make(chan *story)
	errc := make(chan error, workers)
	var wg sync.WaitGroup
	var stop sync.Once
	done := make(chan struct{})
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for st := range jobs {
				if err := s.write(dir, st); err != nil {
					errc <- err
					stop.Do(func() { close(done) })
					return
				}
			}
		}()
	}
feed:
	for _, st := range all {
		select {
		case jobs <- st:
		case <-done:
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	close(errc)
	return <-errc // nil if no worker failed
}

// write renders st and writes its file(s).
func (s *site) write(dir string, st *story) error {
	body, err := s.render(st)
	if err != nil {
		return err
	}
	path := filepath.Join(dir, "content", st.section, st.slug+".md")
	if st.bundle {
		bdir := filepath.Join(dir, "content", st.section, st.slug)
		if err := os.Mkdir(bdir, 0o755); err != nil {
			return fmt.Errorf("corpus: %w", err)
		}
		if err := os.WriteFile(filepath.Join(bdir, imageName), photoJPEG(s.rand(st, streamImage)), 0o644); err != nil {
			return fmt.Errorf("corpus: %w", err)
		}
		path = filepath.Join(bdir, "index.md")
	}
	if err := os.WriteFile(path, body, 0o644); err != nil {
		return fmt.Errorf("corpus: %w", err)
	}
	return nil
}
