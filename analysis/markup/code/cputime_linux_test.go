package code

import (
	"syscall"
	"time"
)

// cpuTime is the process's CPU time: what TestLinear compares, since wall
// time on a loaded machine says little.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
