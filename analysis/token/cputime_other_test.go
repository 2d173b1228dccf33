//go:build !unix

package token

import "time"

func processCPUTime() (time.Duration, bool) { return 0, false }
