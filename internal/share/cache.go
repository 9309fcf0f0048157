package share

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// DrawCached is Draw with a cache in directory dir: the image of c is kept
// in dir as CardKey(c, theme) plus c.Ext(), read from there when present
// and drawn and written there otherwise. hit reports whether the image came
// from the cache. Files are written atomically, so concurrent calls (even
// from several processes) never see a partial image.
func (r *Renderer) DrawCached(dir string, c Card) (data []byte, hit bool, err error) {
	file := filepath.Join(dir, CardKey(c, r.theme)+c.Ext())
	data, err = os.ReadFile(file)
	if err == nil && Ext(data) == c.Ext() {
		return data, true, nil
	}
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, false, fmt.Errorf("share: reading cached card: %w", err)
	}
	data, err = r.Draw(c)
	if err != nil {
		return nil, false, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, false, fmt.Errorf("share: card cache: %w", err)
	}
	tmp, err := os.CreateTemp(dir, ".card-*")
	if err != nil {
		return nil, false, fmt.Errorf("share: card cache: %w", err)
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(tmp.Name())
		return nil, false, fmt.Errorf("share: writing cached card: %w", err)
	}
	if err := os.Rename(tmp.Name(), file); err != nil {
		os.Remove(tmp.Name())
		return nil, false, fmt.Errorf("share: writing cached card: %w", err)
	}
	return data, false, nil
}
