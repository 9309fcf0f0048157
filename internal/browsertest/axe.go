package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// axeTags are the axe-core rule tags that Axe runs, as a JavaScript array:
// WCAG 2.0 A and AA, and the AA rules added by WCAG 2.1 and 2.2.
const axeTags = `["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]`

// axeTimeout bounds one axe-core run.
const axeTimeout = 60 * time.Second

// A Violation is one axe-core rule that the page breaks.
type Violation struct {
	ID     string   // the rule, such as "image-alt"
	Impact string   // "minor", "moderate", "serious" or "critical"
	Help   string   // what the rule asks for, in English
	Nodes  []string // each offending element: its CSS selector, a space, and its HTML
}

// String formats the violation for a test failure message.
func (v Violation) String() string {
	return fmt.Sprintf("%s (%s): %s\n\t%s", v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n\t"))
}

// Axe runs axe-core on the page loaded in tab, with the rules tagged wcag2a,
// wcag2aa, wcag21aa and wcag22aa, and returns the violations, in axe-core's
// order. A page that passes has none.
//
// The script is axe.min.js from $LANTOA_AXE_JS, else from
// <module root>/node_modules/axe-core/axe.min.js; when it is missing the
// test is skipped, or fails when CI=true. It is injected through the
// DevTools protocol, which the page's Content-Security-Policy does not
// block, so the page is checked as served.
func Axe(t testing.TB, tab context.Context) []Violation {
	t.Helper()
	file := toolPath("LANTOA_AXE_JS", "node_modules/axe-core/axe.min.js")
	src, err := os.ReadFile(file)
	if err != nil {
		missing(t, "browsertest: no axe-core: %v", err)
	}
	ctx, cancel := context.WithTimeout(tab, axeTimeout)
	defer cancel()
	loaded, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`typeof window.axe === "object"`))
	if err != nil {
		t.Fatalf("browsertest: %v", err)
	}
	if !loaded {
		// The trailing expression keeps the script's own value from
		// being serialized back.
		inject := string(src) + "\n;undefined"
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](inject)); err != nil {
			t.Fatalf("browsertest: injecting %s: %v", file, err)
		}
	}
	run := `axe.run(document, {runOnly: {type: "tag", values: ` + axeTags + `}, resultTypes: ["violations"]})
	.then(r => r.violations.map(v => ({
		id: v.id, impact: v.impact || "", help: v.help,
		nodes: v.nodes.map(n => {
			const target = n.target.map(s => Array.isArray(s) ? s.join(" >>> ") : s).join(", ");
			return target + " " + n.html;
		}),
	})))`
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](run, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("browsertest: running axe-core: %v", err)
	}
	var out []struct {
		ID     string   `json:"id"`
		Impact string   `json:"impact"`
		Help   string   `json:"help"`
		Nodes  []string `json:"nodes"`
	}
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("browsertest: reading axe-core's result %.200s: %v", raw, err)
	}
	vs := make([]Violation, len(out))
	for i, v := range out {
		vs[i] = Violation{ID: v.ID, Impact: v.Impact, Help: v.Help, Nodes: v.Nodes}
	}
	return vs
}
