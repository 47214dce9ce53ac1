//go:build !unix

package store

import (
	"os"
	"time"
)

// releaseLock does nothing here: bbolt's lock is tied to the file handle,
// which the caller closes (not tested on these systems).
func releaseLock(*os.File) {}

// sessionLock is not taken on these systems: only bbolt's lock on the
// database file guards it, and it is let go for a moment while the file is
// replaced (compaction after a purge, restore).
type sessionLock struct{}

func lockSession(string, time.Duration, bool) (*sessionLock, error) { return nil, nil }

func (*sessionLock) release() {}
