// Package diag defines diagnostics: the errors and warnings that lantoa
// reports about a site, as data.
//
// A Diagnostic names a file (slash-separated, relative to the site folder,
// e.g. "content/mo-hinh/x.md"), a 1-based line and column (0 when unknown),
// a severity, a stable English code (e.g. "province") and a Vietnamese
// message. Every command prints diagnostics through [List.WriteText] or
// [List.WriteJSON]; the dev server's overlay reads the same values.
//
// The text form is
//
//	content/mo-hinh/x.md:5:11: lỗi: tỉnh/thành "Ha Noi" không có trong danh sách; có phải "Hà Nội"? [province]
package diag

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Severity says whether a diagnostic fails the build.
type Severity int

const (
	Error   Severity = iota // fails build and check
	Warning                 // reported, does not fail
)

func (s Severity) String() string {
	if s == Warning {
		return "cảnh báo"
	}
	return "lỗi"
}

// MarshalText encodes the severity as "error" or "warning" in JSON.
func (s Severity) MarshalText() ([]byte, error) {
	if s == Warning {
		return []byte("warning"), nil
	}
	return []byte("error"), nil
}

// Diagnostic is one problem found in a site.
type Diagnostic struct {
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Col      int      `json:"column"`
	Severity Severity `json:"severity"`
	Code     string   `json:"code"`
	Msg      string   `json:"message"`
	// Suggestion is a proposed correct value ("Hà Nội"), when there is one.
	Suggestion string `json:"suggestion,omitempty"`
}

// Pos is a position in a file.
type Pos struct {
	File      string
	Line, Col int
}

// Errorf makes an error diagnostic at p.
func Errorf(p Pos, code, format string, args ...any) Diagnostic {
	return Diagnostic{File: p.File, Line: p.Line, Col: p.Col, Severity: Error, Code: code, Msg: fmt.Sprintf(format, args...)}
}

// Warnf makes a warning diagnostic at p.
func Warnf(p Pos, code, format string, args ...any) Diagnostic {
	d := Errorf(p, code, format, args...)
	d.Severity = Warning
	return d
}

// String formats d as file:line:col: severity: message [code].
func (d Diagnostic) String() string {
	var b strings.Builder
	b.WriteString(d.File)
	if d.Line > 0 {
		fmt.Fprintf(&b, ":%d", d.Line)
		if d.Col > 0 {
			fmt.Fprintf(&b, ":%d", d.Col)
		}
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	fmt.Fprintf(&b, "%s: %s [%s]", d.Severity, d.Msg, d.Code)
	return b.String()
}

// Error makes a Diagnostic usable as an error.
func (d Diagnostic) Error() string { return d.String() }

// List is a set of diagnostics. It is itself an error when it holds at
// least one error-severity diagnostic (see [List.Err]).
type List []Diagnostic

// Sort orders the list by file, line, column, then code.
func (l List) Sort() {
	slices.SortStableFunc(l, func(a, b Diagnostic) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col), cmp.Compare(a.Code, b.Code), cmp.Compare(a.Msg, b.Msg))
	})
}

// HasErrors reports whether any diagnostic is an error.
func (l List) HasErrors() bool {
	for _, d := range l {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Errors returns the number of errors and warnings.
func (l List) Count() (errors, warnings int) {
	for _, d := range l {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return
}

// Err returns the list as an error if it has errors, else nil.
func (l List) Err() error {
	if l.HasErrors() {
		return l
	}
	return nil
}

func (l List) Error() string {
	var b strings.Builder
	for i, d := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.String())
	}
	return b.String()
}

// WriteText prints one diagnostic per line.
func (l List) WriteText(w io.Writer) error {
	for _, d := range l {
		if _, err := fmt.Fprintln(w, d.String()); err != nil {
			return err
		}
	}
	return nil
}

// WriteJSON prints {"diagnostics":[...],"errors":N,"warnings":N}.
func (l List) WriteJSON(w io.Writer) error {
	e, wn := l.Count()
	ds := l
	if ds == nil {
		ds = List{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		Diagnostics []Diagnostic `json:"diagnostics"`
		Errors      int          `json:"errors"`
		Warnings    int          `json:"warnings"`
	}{ds, e, wn})
}
