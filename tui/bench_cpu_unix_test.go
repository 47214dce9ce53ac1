//go:build unix

package tui

import (
	"syscall"
	"time"
)

// cpuTime is the processor time this process has used (user and system):
// unlike the clock, it does not grow when other processes share the
// machine.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
