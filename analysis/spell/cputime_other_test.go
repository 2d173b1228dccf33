//go:build !unix

package spell

import "time"

func cpuTime() time.Duration { return 0 }
