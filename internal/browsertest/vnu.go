package browsertest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// vnuTimeout bounds one run of the Nu Html Checker.
const vnuTimeout = 5 * time.Minute

// A VNUMessage is one error that the Nu Html Checker found.
type VNUMessage struct {
	File    string // relative to the checked folder, with forward slashes
	Line    int    // 1-based; 0 when the checker gave none
	Column  int    // 1-based; 0 when the checker gave none
	Message string
}

// String formats the message as file:line:column: message.
func (m VNUMessage) String() string {
	return fmt.Sprintf("%s:%d:%d: %s", m.File, m.Line, m.Column, m.Message)
}

// VNU checks every HTML file under dir with the Nu Html Checker (the W3C
// validator) and returns its errors, warnings left out; a folder of valid
// HTML gives none. It runs
//
//	java -jar vnu.jar --errors-only --format json --skip-non-html DIR
//
// (with JVM options for a deep stack and a fast start)
// with vnu.jar from $LANTOA_VNU_JAR, else from
// <module root>/node_modules/vnu-jar/build/dist/vnu.jar. When java or the
// jar is missing the test is skipped, or fails when CI=true. A file the
// checker cannot read is reported as an error too.
func VNU(t testing.TB, dir string) []VNUMessage {
	t.Helper()
	java, err := exec.LookPath("java")
	if err != nil {
		missing(t, "browsertest: no java for the Nu Html Checker: %v", err)
	}
	jar := toolPath("LANTOA_VNU_JAR", "node_modules/vnu-jar/build/dist/vnu.jar")
	if _, err := os.Stat(jar); err != nil {
		missing(t, "browsertest: no vnu.jar: %v", err)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatalf("browsertest: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), vnuTimeout)
	defer cancel()
	// -Xss: the checker needs a deep stack for its schema (it fails with a
	// StackOverflowError on some JVM settings without it). C1 only and the
	// serial collector halve the start-up time, which dominates here.
	cmd := exec.CommandContext(ctx, java, "-Xss4m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
		"-jar", jar, "--errors-only", "--format", "json", "--skip-non-html", abs)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	// vnu exits 1 when it found errors: that is a result, not a failure.
	// It writes its report to stderr.
	var exit *exec.ExitError
	if runErr != nil && !(errors.As(runErr, &exit) && exit.ExitCode() == 1) {
		t.Fatalf("browsertest: %v: %v\n%s%s", cmd, runErr, stdout.Bytes(), stderr.Bytes())
	}
	msgs, err := parseVNU(stderr.Bytes(), abs)
	if err != nil {
		t.Fatalf("browsertest: reading the Nu Html Checker's report: %v\n%s%s", err, stdout.Bytes(), stderr.Bytes())
	}
	if runErr != nil && len(msgs) == 0 {
		t.Fatalf("browsertest: %v failed with no error reported: %v\n%s", cmd, runErr, stderr.Bytes())
	}
	return msgs
}

// parseVNU reads the checker's JSON report; file URLs are made relative
// to dir.
func parseVNU(report []byte, dir string) ([]VNUMessage, error) {
	var r struct {
		Messages []struct {
			Type        string `json:"type"`
			URL         string `json:"url"`
			FirstLine   int    `json:"firstLine"`
			LastLine    int    `json:"lastLine"`
			FirstColumn int    `json:"firstColumn"`
			LastColumn  int    `json:"lastColumn"`
			Message     string `json:"message"`
		} `json:"messages"`
	}
	if err := json.Unmarshal(bytes.TrimSpace(report), &r); err != nil {
		return nil, err
	}
	var msgs []VNUMessage
	for _, m := range r.Messages {
		if m.Type != "error" && m.Type != "non-document-error" {
			continue
		}
		vm := VNUMessage{File: m.URL, Line: m.FirstLine, Column: m.FirstColumn, Message: m.Message}
		if vm.Line == 0 {
			vm.Line = m.LastLine
		}
		if vm.Column == 0 {
			vm.Column = m.LastColumn
		}
		if m.Type == "non-document-error" {
			vm.Message = "cannot check: " + vm.Message
		}
		if u, err := url.Parse(m.URL); err == nil && u.Scheme == "file" {
			if rel, err := filepath.Rel(dir, u.Path); err == nil {
				vm.File = filepath.ToSlash(rel)
			}
		}
		msgs = append(msgs, vm)
	}
	return msgs, nil
}
