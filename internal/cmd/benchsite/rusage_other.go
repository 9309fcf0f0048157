//go:build !linux

package main

import "os"

// maxRSS returns 0 (unknown): only Linux is measured.
func maxRSS(*os.ProcessState) int64 { return 0 }
