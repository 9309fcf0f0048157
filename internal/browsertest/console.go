package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// CollectConsole starts collecting what the page in tab reports to its
// console, and returns a func that returns what was collected so far, in
// order of arrival. Call it before navigating.
//
// It collects, one string each:
//
//   - calls of the console API: "console.TYPE: ARGS", such as
//     "console.error: boom";
//   - uncaught exceptions and unhandled rejections: "exception: TEXT";
//   - entries of the browser log: "LEVEL SOURCE: TEXT URL", such as the
//     Content-Security-Policy violations ("error security: Executing inline
//     script violates the following Content Security Policy directive
//     ..."), failed requests ("error network: Failed to load resource: ...
//     404") and deprecations.
//
// A page that behaves returns none. If the tab cannot be listened to, the
// one string returned says why, so a test that expects none fails.
func CollectConsole(tab context.Context) func() []string {
	var (
		mu   sync.Mutex
		msgs []string
	)
	add := func(s string) {
		mu.Lock()
		defer mu.Unlock()
		msgs = append(msgs, s)
	}
	// Listen calls the func in the tab's event loop, in order of arrival,
	// before the reply to any later command: what the page reported before
	// an action returned has been collected when it returns.
	err := chromedp.Listen(tab, func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			add(fmt.Sprintf("console.%s: %s", ev.Type, consoleArgs(ev.Args)))
		case *runtime.EventExceptionThrown:
			add("exception: " + exceptionText(ev.ExceptionDetails))
		case *log.EventEntryAdded:
			if e := ev.Entry; e != nil {
				s := fmt.Sprintf("%s %s: %s", e.Level, e.Source, e.Text)
				if e.URL != "" && !strings.Contains(e.Text, e.URL) {
					s += " " + e.URL
				}
				add(s)
			}
		}
	})
	if err != nil {
		add(fmt.Sprintf("browsertest: cannot collect the console: %v", err))
	}
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), msgs...)
	}
}

// consoleArgs formats the arguments of a console call as the console shows
// them: strings as they are, other values by their JSON or description.
func consoleArgs(args []*runtime.RemoteObject) string {
	parts := make([]string, 0, len(args))
	for _, a := range args {
		parts = append(parts, remoteText(a))
	}
	return strings.Join(parts, " ")
}

// remoteText returns the text of one value of the page.
func remoteText(o *runtime.RemoteObject) string {
	if o == nil {
		return "null"
	}
	if o.Type == runtime.RemoteObjectTypeString {
		var s string
		if err := json.Unmarshal(o.Value, &s); err == nil {
			return s
		}
	}
	switch {
	case o.Description != "":
		return o.Description
	case len(o.Value) > 0:
		return string(o.Value)
	case o.UnserializableValue != "":
		return string(o.UnserializableValue)
	}
	return string(o.Type)
}

// exceptionText returns the message of an exception, with the error's
// description (name and message, without the stack) when there is one.
func exceptionText(d *runtime.ExceptionDetails) string {
	if d == nil {
		return "unknown"
	}
	text := d.Text
	if d.Exception != nil {
		desc, _, _ := strings.Cut(remoteText(d.Exception), "\n    at ")
		text += " " + desc
	}
	if d.URL != "" {
		text += fmt.Sprintf(" (%s:%d)", d.URL, d.LineNumber+1)
	}
	return strings.TrimSpace(text)
}
