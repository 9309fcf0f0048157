package search

import "testing"

func TestSmoke(t *testing.T) {
	s := openFS(t, fixtureDocs())
	for _, q := range []string{"đường", "dương", "duong", "khanh hoa", "Khánh Hoà", "khu dân cư", "camer", "dak lak", "đường thuỷ", "script", "zalo xyz"} {
		rs, c, err := s.Search(q, Filters{}, 5)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%q:", q)
		for _, r := range rs {
			t.Logf("   %v %s %q %v %v", r.Score, r.URL, r.Snippet, r.Highlights, r.Partial)
		}
		_ = c
	}
	rs, c, _ := s.Search("", Filters{Province: "ha-noi"}, 0)
	for _, r := range rs {
		t.Logf("   %v %s %s", r.Score, r.URL, r.Date)
	}
	t.Log(c)
}
