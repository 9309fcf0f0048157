//go:build unix

package imagetest

import (
	"syscall"
	"time"
)

// cpuTime is the user and system CPU time the test process has used so
// far: on a shared machine it measures work, where wall time measures the
// neighbours too.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
