//go:build !linux

package tag

import "time"

// threadCPU is unavailable here: the benchmarks then report wall time only.
func threadCPU() time.Duration { return 0 }
