//go:build !linux && !openbsd && !dragonfly && !solaris && !darwin && !freebsd && !netbsd

package images

import "io/fs"

// sysStamp reports that this platform gives no inode and change time:
// sources are always read and hashed, cached variants always verified.
func sysStamp(fs.FileInfo) (stamp, bool) { return stamp{}, false }
