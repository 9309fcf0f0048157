package serve

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		// lantoa-serve is `lantoa serve`, stopped by SIGINT as by Ctrl+C.
		"lantoa-serve": func() {
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			code := Command(ctx, os.Args[1:], os.Stdout, os.Stderr)
			stop()
			os.Exit(code)
		},
	})
}

// TestScripts runs testdata/script/*.txtar. Each script starts in a
// folder holding a copy of the repository's site in site/, and has these
// commands besides testscript's own:
//
//	waitready FILE
//	    wait until the server wrote its URL to FILE; set $URL and $PORT
//	get [-code N] PATH
//	    GET $URL+PATH (PATH without its leading slash is fine); fail
//	    unless the status is N (default 200); the body becomes stdout
//	waitfor [-code N] PATH REGEXP
//	    GET PATH until the status is N (default 200) and the body
//	    matches REGEXP, for up to 30 s; the body becomes stdout
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: filepath.Join("testdata", "script"),
		Setup: func(env *testscript.Env) error {
			root, err := moduleRoot()
			if err != nil {
				return err
			}
			for _, name := range []string{"site.toml", "data", "content", "themes", "static"} {
				if err := copyTree(filepath.Join(root, name), filepath.Join(env.WorkDir, "site", name)); err != nil {
					return err
				}
			}
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"waitready": cmdWaitReady,
			"get":       cmdGet,
			"waitfor":   cmdWaitFor,
		},
	})
}

func cmdWaitReady(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: waitready FILE")
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		data, err := os.ReadFile(ts.MkAbs(args[0]))
		if err == nil {
			u, err := url.Parse(strings.TrimSpace(string(data)))
			ts.Check(err)
			ts.Setenv("URL", u.String())
			ts.Setenv("PORT", u.Port())
			return
		}
		if time.Now().After(deadline) {
			ts.Fatalf("%s not written after 60 s", args[0])
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// scriptGet fetches path from the server of the script.
func scriptGet(ts *testscript.TestScript, path string) (int, string, error) {
	base := ts.Getenv("URL")
	if base == "" {
		ts.Fatalf("no $URL: run waitready first")
	}
	resp, err := http.Get(strings.TrimSuffix(base, "/") + "/" + strings.TrimPrefix(path, "/"))
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), err
}

// codeFlag parses [-code N] ARGS...
func codeFlag(ts *testscript.TestScript, name string, args []string) (int, []string) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	code := fs.Int("code", 200, "expected status")
	if err := fs.Parse(args); err != nil {
		ts.Fatalf("%s: %v", name, err)
	}
	return *code, fs.Args()
}

func cmdGet(ts *testscript.TestScript, neg bool, args []string) {
	want, args := codeFlag(ts, "get", args)
	if neg || len(args) != 1 {
		ts.Fatalf("usage: get [-code N] PATH")
	}
	code, body, err := scriptGet(ts, args[0])
	ts.Check(err)
	fmt.Fprint(ts.Stdout(), body)
	if code != want {
		ts.Fatalf("GET %s: status %d, want %d", args[0], code, want)
	}
}

func cmdWaitFor(ts *testscript.TestScript, neg bool, args []string) {
	want, args := codeFlag(ts, "waitfor", args)
	if neg || len(args) != 2 {
		ts.Fatalf("usage: waitfor [-code N] PATH REGEXP")
	}
	re, err := regexp.Compile(args[1])
	ts.Check(err)
	start := time.Now()
	for {
		code, body, err := scriptGet(ts, args[0])
		if err == nil && code == want && re.MatchString(body) {
			fmt.Fprint(ts.Stdout(), body)
			ts.Logf("waitfor %s: %v", args[0], time.Since(start).Round(time.Millisecond))
			return
		}
		if time.Since(start) > 30*time.Second {
			ts.Fatalf("GET %s: after 30 s, status %d (want %d), body matches %q: %v; err %v", args[0], code, want, args[1], re.MatchString(body), err)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
