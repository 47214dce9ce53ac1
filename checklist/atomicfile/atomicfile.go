package atomicfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Perm is the mode of every file bascule writes.
const Perm fs.FileMode = 0o600

// DirPerm is the mode of every folder bascule creates.
const DirPerm fs.FileMode = 0o700

// Writer writes files atomically. The zero value is ready to use and syncs
// the folder after each rename.
type Writer struct {
	// SyncDir makes a rename in dir durable; nil opens dir and syncs it.
	// Tests inject a recorder.
	SyncDir func(dir string) error
	// DeferDirSync leaves the folder sync to the caller, who writes many
	// files into one folder and calls SyncDir once at the end.
	DeferDirSync bool

	// beforeRename runs after the temporary file is synced and closed, just
	// before the rename: tests simulate a crash there.
	beforeRename func(tmp string) error
}

// Write writes path with the zero Writer: see Writer.Write.
func Write(path string, fill func(io.Writer) error) error {
	return Writer{}.Write(path, fill)
}

// WriteFile writes data to path with the zero Writer.
func WriteFile(path string, data []byte) error {
	return Writer{}.Write(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// Create writes path like Write but fails with an error matching
// fs.ErrExist when path already exists, never replacing it.
func Create(path string, fill func(io.Writer) error) error {
	return Writer{}.write(path, fill, true)
}

// Write fills a temporary file 0600 beside path, syncs it, renames it over
// path and syncs the folder (unless DeferDirSync). fill's error is returned
// as is; a failing file operation returns its *fs.PathError or
// *os.LinkError. On any error the temporary file is removed and path is
// left as it was.
func (w Writer) Write(path string, fill func(io.Writer) error) error {
	return w.write(path, fill, false)
}

// SyncFolder syncs dir with the Writer's SyncDir: the end of every write,
// or of a batch written with DeferDirSync. It first removes the temporary
// files crashed writes left in dir (RemoveStale), so that their removal is
// synced too.
func (w Writer) SyncFolder(dir string) error {
	_, _ = RemoveStale(dir) // best effort: a leftover costs room, not data
	if w.SyncDir != nil {
		return w.SyncDir(dir)
	}
	return syncDir(dir)
}

func (w Writer) write(path string, fill func(io.Writer) error, exclusive bool) (err error) {
	dir := filepath.Dir(path)
	// A short fixed name: a long destination name plus a suffix could pass
	// the file system's limit, and the dot hides it from listings.
	f, err := os.CreateTemp(dir, tempPrefix+"*"+tempSuffix)
	if err != nil {
		return err
	}
	tmp := f.Name()
	closed := false
	defer func() {
		if err != nil {
			if !closed {
				_ = f.Close()
			}
			_ = os.Remove(tmp)
		}
	}()
	// CreateTemp already makes 0600 files; Chmod says so whatever the umask
	// or the platform did.
	if err = f.Chmod(Perm); err != nil {
		return err
	}
	if err = fill(f); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	closed = true
	if err = f.Close(); err != nil {
		return err
	}
	if w.beforeRename != nil {
		if err = w.beforeRename(tmp); err != nil {
			return err
		}
	}
	if exclusive {
		err = linkNew(tmp, path)
	} else {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		return err
	}
	if w.DeferDirSync {
		return nil
	}
	// The file is in place and complete: a folder that cannot be synced (some
	// systems refuse) does not undo it, so the error is not returned.
	_ = w.SyncFolder(dir)
	return nil
}

// linkNew puts tmp at path only if path does not exist: a hard link fails
// when it does, where a rename would replace it. A file system without hard
// links falls back on a check then a rename (a race only there).
func linkNew(tmp, path string) error {
	err := os.Link(tmp, path)
	if err == nil {
		_ = os.Remove(tmp)
		return nil
	}
	if errors.Is(err, fs.ErrExist) {
		return err
	}
	if _, serr := os.Lstat(path); serr == nil {
		return &fs.PathError{Op: "create", Path: path, Err: fs.ErrExist}
	}
	return os.Rename(tmp, path)
}

// syncDir makes the renames in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	return errors.Join(d.Sync(), d.Close())
}

// MkdirAll creates dir and its parents 0700.
func MkdirAll(dir string) error {
	return os.MkdirAll(dir, DirPerm)
}
