package main

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"path/filepath"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors/files"
)

// captureFiles reads the files capture forms name (checklist.FileReader):
// their SHA-256, and for a V1 clients export the clients V1 does not
// migrate, read with the same reader as `clients convert`.
type captureFiles struct{}

// ReadFile hashes the file as it streams; an export is read a second time
// for its clients, within the reader's own size limits.
func (captureFiles) ReadFile(path string, clients bool) (checklist.FileFacts, error) {
	ff := checklist.FileFacts{Clients: -1}
	f, err := files.OpenFile(path)
	if err != nil {
		return ff, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ff, readFailed{}
	}
	ff.SHA256 = hex.EncodeToString(h.Sum(nil))
	if !clients {
		return ff, nil
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return ff, readFailed{}
	}
	exp, err := files.ReadClientsExport(f, filepath.Base(path), files.ReadOptions{})
	if err != nil {
		return ff, files.InFile(path, err)
	}
	ff.Clients = exp.Inactive()
	return ff, nil
}

// readFailed is a read that broke off; the field and file are named by the
// form's message, the system's wording is not shown.
type readFailed struct{}

func (readFailed) Error() string   { return "lecture interrompue" }
func (readFailed) English() string { return "reading broke off" }
