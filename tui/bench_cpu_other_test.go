//go:build !unix

package tui

import "time"

// cpuTime is the clock where the process's processor time is not read:
// the figures are then wall time, and grow with the machine's load.
func cpuTime() time.Duration { return time.Duration(time.Now().UnixNano()) }
