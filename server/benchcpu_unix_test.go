//go:build unix

package server_test

import (
	"syscall"
	"testing"
	"time"
)

// reportCPU adds the process's CPU time per operation (server and client,
// all cores) as the metric cpu-ms/op: on a shared machine ns/op includes
// waiting for a core, CPU time does not. Call the returned func at the end.
func reportCPU(b *testing.B) func() {
	cpu := func() time.Duration {
		var ru syscall.Rusage
		if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
			return 0
		}
		return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	start := cpu()
	return func() {
		if d := cpu() - start; d > 0 && b.N > 0 {
			b.ReportMetric(float64(d.Microseconds())/1000/float64(b.N), "cpu-ms/op")
		}
	}
}
