package stats

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// fromJSON decodes the output of Stats.JSON back into Stats, checking the
// key order on the way.
func fromJSON(t *testing.T, data []byte) *Stats {
	t.Helper()
	if !utf8.Valid(data) {
		t.Fatalf("JSON is not UTF-8")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var w wire
	if err := dec.Decode(&w); err != nil {
		t.Fatalf("JSON does not decode: %v\n%s", err, data)
	}
	// Top-level keys in order.
	var keys []string
	tok := json.NewDecoder(bytes.NewReader(data))
	depth, wantKey := 0, false
	for {
		tk, err := tok.Token()
		if err != nil {
			break
		}
		switch tk {
		case json.Delim('{'), json.Delim('['):
			depth++
			wantKey = depth == 1
			continue
		case json.Delim('}'), json.Delim(']'):
			depth--
			wantKey = depth == 1
			continue
		}
		if depth == 1 {
			if k, ok := tk.(string); ok && wantKey {
				keys = append(keys, k)
			}
			wantKey = !wantKey
		}
	}
	if got := strings.Join(keys, " "); got != "totals provinces fields years types" {
		t.Errorf("JSON keys = %q, want totals provinces fields years types", got)
	}
	return &Stats{Totals: w.Totals, ByProvince: w.Provinces, ByField: w.Fields, ByYear: w.Years, ByType: w.Types}
}

// fromCSV parses the output of Stats.CSV back into Stats.
func fromCSV(t *testing.T, data []byte) *Stats {
	t.Helper()
	body, ok := bytes.CutPrefix(data, []byte("\uFEFF"))
	if !ok {
		t.Fatalf("CSV does not start with a byte order mark")
	}
	if !bytes.HasSuffix(body, []byte("\r\n")) || bytes.Count(body, []byte("\n")) != bytes.Count(body, []byte("\r\n")) {
		t.Errorf("CSV lines do not end with CRLF")
	}
	r := csv.NewReader(bytes.NewReader(body))
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("CSV does not parse: %v", err)
	}
	header := "section,name,slug,models,exemplars,replications,members,provinces,types"
	if len(recs) == 0 || strings.Join(recs[0], ",") != header {
		t.Fatalf("CSV header = %q, want %q", recs[0], header)
	}
	s := &Stats{ByProvince: []Count{}, ByField: []Count{}, ByYear: []YearCount{}, ByType: []Count{}}
	atoi := func(f string) int {
		if f == "" {
			return 0
		}
		n, err := strconv.Atoi(f)
		if err != nil {
			t.Errorf("CSV number %q: %v", f, err)
		}
		return n
	}
	totals := 0
	for _, rec := range recs[1:] {
		n := make([]int, len(rec))
		for i := 3; i < len(rec); i++ {
			n[i] = atoi(rec[i])
		}
		c := Count{Name: rec[1], Slug: rec[2], URL: "", Models: n[3], Exemplars: n[4], Replications: n[5]}
		switch rec[0] {
		case SectionTotals:
			totals++
			s.Totals = Totals{Models: n[3], Exemplars: n[4], Replications: n[5], Members: n[6], Provinces: n[7], Types: n[8]}
		case SectionProvinces:
			s.ByProvince = append(s.ByProvince, c)
		case SectionFields:
			s.ByField = append(s.ByField, c)
		case SectionTypes:
			s.ByType = append(s.ByType, c)
		case SectionYears:
			if rec[2] != "" || rec[4] != "" || rec[5] != "" {
				t.Errorf("year row %q has columns a year does not have", rec)
			}
			s.ByYear = append(s.ByYear, YearCount{Year: atoi(rec[1]), Models: n[3]})
		default:
			t.Errorf("CSV row with unknown section %q", rec)
		}
		if rec[0] != SectionTotals && (rec[6] != "" || rec[7] != "" || rec[8] != "") {
			t.Errorf("row %q fills the totals-only columns", rec)
		}
	}
	if totals != 1 {
		t.Errorf("CSV has %d totals rows, want 1", totals)
	}
	return s
}

// withoutURLs returns a copy of s whose rows have no URL (the CSV has none).
func withoutURLs(s *Stats) *Stats {
	strip := func(cs []Count) []Count {
		out := make([]Count, len(cs))
		for i, c := range cs {
			c.URL = ""
			out[i] = c
		}
		return out
	}
	return &Stats{Totals: s.Totals, ByProvince: strip(s.ByProvince), ByField: strip(s.ByField), ByYear: s.ByYear, ByType: strip(s.ByType)}
}

func TestExportFixture(t *testing.T) {
	fms, stories, provinces, fields := fixture(t)
	s := Compute(stories, provinces, fields, nil)
	want := recompute(fms, provinces, fields)

	j, err := s.JSON()
	if err != nil {
		t.Fatal(err)
	}
	compareStats(t, "JSON", fromJSON(t, j), want)
	if !bytes.Contains(j, []byte(`"name": "Thành phố Hồ Chí Minh"`)) {
		t.Errorf("JSON does not carry Vietnamese as UTF-8 text:\n%s", j)
	}

	c, err := s.CSV()
	if err != nil {
		t.Fatal(err)
	}
	compareStats(t, "CSV", fromCSV(t, c), withoutURLs(want))
	if !bytes.Contains(c, []byte("\r\nprovinces,Thành phố Hồ Chí Minh,ho-chi-minh,1,0,124000,,,\r\n")) {
		t.Errorf("CSV lacks the HCM row with plain numbers:\n%s", c)
	}
	if !bytes.Contains(c, []byte(`fields,"Phòng, chống tội phạm",phong-chong-toi-pham,4,`)) {
		t.Errorf("CSV does not quote a name with a comma:\n%s", c)
	}
}

func TestExportRoundTripTricky(t *testing.T) {
	s := &Stats{
		Totals: Totals{Models: 1, Exemplars: 2, Replications: 3, Members: 4, Provinces: 5, Types: 6},
		ByProvince: []Count{
			{Name: `Hà <Nội> & "x"`, Slug: "ha-noi", URL: "/tinh-thanh/ha-noi/", Models: 1, Exemplars: 2, Replications: 124000},
			{Name: "dòng\r\nmới, phẩy", Slug: "moi", URL: "/m/", Models: 0},
		},
		ByField: []Count{{Name: `"trích dẫn"`, Slug: "q", URL: "/q/", Models: 7}},
		ByYear:  []YearCount{{1999, 0}, {2000, 3}},
		ByType:  []Count{{Name: "=1+1", Slug: "f", URL: "/f/", Replications: 9}},
	}
	j, err := s.JSON()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(j, []byte(`Hà <Nội> & \"x\"`)) {
		t.Errorf("JSON escapes HTML or mangles UTF-8:\n%s", j)
	}
	compareStats(t, "JSON", fromJSON(t, j), s)

	c, err := s.CSV()
	if err != nil {
		t.Fatal(err)
	}
	got := fromCSV(t, c)
	want := withoutURLs(s)
	// encoding/csv reads a quoted CRLF back as LF.
	want.ByProvince[1].Name = "dòng\nmới, phẩy"
	compareStats(t, "CSV", got, want)

	empty, err := (&Stats{}).JSON()
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"provinces", "fields", "years", "types"} {
		if !bytes.Contains(empty, []byte(`"`+k+`": []`)) {
			t.Errorf("empty JSON has no %q: []:\n%s", k, empty)
		}
	}
}
