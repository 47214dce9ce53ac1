//go:build unix

package store

import (
	"errors"
	"fmt"
	"os"
	"syscall"
	"time"
)

// releaseLock drops bbolt's flock on f. Closing f alone is not enough when
// bbolt faulted after mapping the file: the mapping keeps the open file
// description, and with it the lock, alive for the rest of the process.
func releaseLock(f *os.File) {
	_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
}

// sessionLock is an flock on a file beside the database (<file>.lock),
// held as long as a DB is open and while Restore swaps files. bbolt's own
// lock is on the database file, and so is let go for a moment whenever the
// file is replaced (compaction after a purge, restore): the lock file
// stays, and another bascule process is told the database is in use
// instead of opening it in that moment.
type sessionLock struct{ f *os.File }

// lockSession takes the lock, shared for a read-only open, waiting at most
// timeout; then it returns an *InUseError. A read-only open in a folder
// where the lock file cannot be created goes without it (bbolt's shared
// lock still holds).
func lockSession(dbPath string, timeout time.Duration, shared bool) (*sessionLock, error) {
	f, err := os.OpenFile(dbPath+".lock", os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		if shared {
			return nil, nil
		}
		return nil, fmt.Errorf("verrou de la base %s : %w", dbPath, err)
	}
	how := syscall.LOCK_EX
	if shared {
		how = syscall.LOCK_SH
	}
	deadline := time.Now().Add(timeout)
	for {
		err := syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB)
		if err == nil {
			return &sessionLock{f: f}, nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) && !errors.Is(err, syscall.EINTR) {
			f.Close()
			return nil, fmt.Errorf("verrou de la base %s : %w", dbPath, err)
		}
		if time.Now().After(deadline) {
			f.Close()
			return nil, &InUseError{Path: dbPath}
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// release lets the lock go (closing the file drops the flock). A nil lock
// is fine.
func (l *sessionLock) release() {
	if l != nil {
		_ = l.f.Close()
	}
}
