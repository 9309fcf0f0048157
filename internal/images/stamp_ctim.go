//go:build linux || openbsd || dragonfly || solaris

package images

import (
	"io/fs"
	"syscall"
)

// sysStamp fills a stamp's inode, device and change time.
func sysStamp(fi fs.FileInfo) (stamp, bool) {
	sys, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return stamp{}, false
	}
	return stamp{Ino: uint64(sys.Ino), Dev: uint64(sys.Dev), Ctime: sys.Ctim.Nano()}, true //nolint:unconvert // field types differ by architecture
}
