//go:build !unix

package store

import "os"

// releaseLock does nothing here: bbolt's lock is tied to the file handle,
// which the caller closes (not tested on these systems).
func releaseLock(*os.File) {}
