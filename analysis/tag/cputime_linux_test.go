//go:build linux

package tag

import (
	"syscall"
	"time"
)

// threadCPU returns the CPU time the calling OS thread has used (lock the
// goroutine to its thread first), or 0 where it cannot be read.
func threadCPU() time.Duration {
	var ru syscall.Rusage
	const rusageThread = 1 // RUSAGE_THREAD
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
