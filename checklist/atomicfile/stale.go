package atomicfile

import (
	"os"
	"path/filepath"
	"strings"
	"time"
)

// A crash (a power cut, a killed process) between the temporary file's
// creation and its rename leaves it behind: a hidden file of this
// package's pattern, never written again. They are removed the next time
// the package writes into that folder (SyncFolder, which every write ends
// with or a batch calls once), and at store open for the database's folder.

const (
	tempPrefix = ".bascule-"
	tempSuffix = ".tmp"
	// staleAge is how long a temporary file must have been left untouched
	// to be taken for a crash's leftover: a write in progress writes to its
	// file far more often. A writer stalled longer than that loses its
	// file, and its rename then fails: the destination is left as it was.
	staleAge = time.Minute
)

// isTempName says name is one of this package's temporary files: the
// pattern ".bascule-*.tmp" with the digits os.CreateTemp puts for "*".
func isTempName(name string) bool {
	mid, ok := strings.CutPrefix(name, tempPrefix)
	if !ok {
		return false
	}
	if mid, ok = strings.CutSuffix(mid, tempSuffix); !ok || mid == "" {
		return false
	}
	for _, r := range mid {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// RemoveStale removes from dir the temporary files crashed writes left: only
// regular files named as this package names them, untouched for a minute.
// A symbolic link, a folder or any other name is left alone (never
// followed). It returns how many it removed; a file that cannot be removed
// is skipped, only a folder that cannot be read is an error.
func RemoveStale(dir string) (int, error) {
	return removeStale(dir, time.Now())
}

func removeStale(dir string, now time.Time) (int, error) {
	es, err := os.ReadDir(dir)
	if err != nil {
		return 0, err
	}
	removed := 0
	for _, e := range es {
		if !isTempName(e.Name()) || !e.Type().IsRegular() {
			continue
		}
		p := filepath.Join(dir, e.Name())
		// Lstat: the entry itself, never what a link points to.
		st, err := os.Lstat(p)
		if err != nil || !st.Mode().IsRegular() || now.Sub(st.ModTime()) < staleAge {
			continue
		}
		if os.Remove(p) == nil {
			removed++
		}
	}
	return removed, nil
}
