package images

import (
	"io/fs"
	"time"
)

// A stamp identifies one version of a file without reading it: its size,
// modification and change times and its inode. Writing the file changes
// its modification time (and change time); replacing it by a rename
// changes its inode; truncating it changes its size. A stamp with ok false
// from [stampOf] means the platform gives no inode or change time, and
// files must be read and hashed.
type stamp struct {
	Size  int64  `json:"size"`
	Mtime int64  `json:"mtime"`           // ns since the epoch
	Ctime int64  `json:"ctime,omitempty"` // ns; 0 for cache variants (a hard link changes it)
	Ino   uint64 `json:"ino"`
	Dev   uint64 `json:"dev"`
}

// racyWindow is how old a file's last change must be before its stamp is
// trusted. A write in the same clock tick as the one a stamp recorded (ext4
// keeps coarse ticks of a few ms, FAT 2 s) would leave the stamp unchanged;
// a file last changed more than racyWindow before its stamp was taken
// cannot be written again without a newer time. Git calls such entries
// "racily clean" and re-checks them the same way.
const racyWindow = 2 * time.Second

// settled reports whether the file's last change is older than racyWindow
// at now, so that its stamp may be recorded.
func (s stamp) settled(now time.Time) bool {
	return now.UnixNano()-max(s.Mtime, s.Ctime) > int64(racyWindow)
}

// stampOf returns the stamp of a file from its FileInfo.
func stampOf(fi fs.FileInfo) (stamp, bool) {
	if !fi.Mode().IsRegular() {
		return stamp{}, false
	}
	st, ok := sysStamp(fi)
	if !ok {
		return stamp{}, false
	}
	st.Size = fi.Size()
	st.Mtime = fi.ModTime().UnixNano()
	return st, true
}
