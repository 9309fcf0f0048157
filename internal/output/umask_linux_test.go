package output

import (
	"syscall"
	"testing"
)

func TestUmaskKeeps(t *testing.T) {
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	if umaskKeeps(0o755) {
		t.Error("umask 077 keeps 0755")
	}
	syscall.Umask(0o022)
	if !umaskKeeps(0o755) {
		t.Error("umask 022 does not keep 0755")
	}
	syscall.Umask(0o002)
	if !umaskKeeps(0o755) {
		t.Error("umask 002 does not keep 0755")
	}
}
