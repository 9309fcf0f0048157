package stats

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strconv"
)

// CSV sections, the first column of [Stats.CSV]; they are also the keys of
// [Stats.JSON].
const (
	SectionTotals    = "totals"
	SectionProvinces = "provinces"
	SectionFields    = "fields"
	SectionYears     = "years"
	SectionTypes     = "types"
)

// TotalsName is the name column of the CSV totals row.
const TotalsName = "Tổng cộng"

// wire is the JSON form of Stats; its field order is the key order.
type wire struct {
	Totals    Totals      `json:"totals"`
	Provinces []Count     `json:"provinces"`
	Fields    []Count     `json:"fields"`
	Years     []YearCount `json:"years"`
	Types     []Count     `json:"types"`
}

// JSON encodes s as an indented UTF-8 JSON object with the keys, in this
// order:
//
//	{"totals": {"models", "exemplars", "replications", "members", "provinces", "types"},
//	 "provinces": [{"name", "slug", "url", "models", "exemplars", "replications"}, ...],
//	 "fields": [...], "years": [{"year", "models"}, ...], "types": [...]}
//
// Lists are in the order of s and are [] when empty. Text is not
// HTML-escaped ("<" stays "<"); the output ends with a newline.
func (s *Stats) JSON() ([]byte, error) {
	w := wire{
		Totals:    s.Totals,
		Provinces: nonNil(s.ByProvince),
		Fields:    nonNil(s.ByField),
		Years:     nonNil(s.ByYear),
		Types:     nonNil(s.ByType),
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(w); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// CSV encodes s as one CSV table (RFC 4180: CRLF line ends, quotes where
// needed) in UTF-8 with a byte order mark, so that Excel reads the
// Vietnamese right. The header is
//
//	section,name,slug,models,exemplars,replications,members,provinces,types
//
// followed by one row per aggregate row, its section first:
//
//   - totals: one row named [TotalsName], with every column but slug;
//   - provinces, fields, types: name, slug, models, exemplars and
//     replications of each row, in the order of s;
//   - years: the year (digits) as name, and models.
//
// Columns a row does not have are empty. Numbers are plain digits (124000),
// for spreadsheets.
func (s *Stats) CSV() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("\uFEFF")
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	itoa := strconv.Itoa
	t := s.Totals
	recs := [][]string{
		{"section", "name", "slug", "models", "exemplars", "replications", "members", "provinces", "types"},
		{SectionTotals, TotalsName, "", itoa(t.Models), itoa(t.Exemplars), itoa(t.Replications), itoa(t.Members), itoa(t.Provinces), itoa(t.Types)},
	}
	counts := func(section string, rows []Count) {
		for _, c := range rows {
			recs = append(recs, []string{section, c.Name, c.Slug, itoa(c.Models), itoa(c.Exemplars), itoa(c.Replications), "", "", ""})
		}
	}
	counts(SectionProvinces, s.ByProvince)
	counts(SectionFields, s.ByField)
	for _, y := range s.ByYear {
		recs = append(recs, []string{SectionYears, itoa(y.Year), "", itoa(y.Models), "", "", "", "", ""})
	}
	counts(SectionTypes, s.ByType)
	if err := w.WriteAll(recs); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// nonNil returns s, or an empty slice when s is nil.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
