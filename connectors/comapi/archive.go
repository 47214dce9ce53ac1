package comapi

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/bascule-cli/bascule/checklist/atomicfile"
	"github.com/bascule-cli/bascule/connectors"
)

// Counts is how many files each folder of a company holds, keyed by
// FileBox.String() ("AP/Transfer").
type Counts map[string]int

// Count lists the four folders of a company and counts their files.
func Count(ctx context.Context, src connectors.V1Files, siren string) (Counts, error) {
	out := Counts{}
	for _, box := range connectors.FileBoxes() {
		files, err := src.Files(ctx, siren, box)
		if err != nil {
			return nil, err
		}
		out[box.String()] = len(files)
	}
	return out, nil
}

// Facts are the counts as evidence facts ("comapi.AP/Transfer": "12") plus
// "comapi.archived", the archived files of both directions: V1's side of
// the archived-documents line of §3.3.
func (c Counts) Facts() map[string]string {
	f := make(map[string]string, len(c)+1)
	for k, n := range c {
		f["comapi."+k] = strconv.Itoa(n)
	}
	f["comapi.archived"] = strconv.Itoa(c.Archived())
	return f
}

// Archived is AP/Archived + AR/Archived.
func (c Counts) Archived() int {
	return c[connectors.FileBox{Direction: connectors.DirectionPurchases, Folder: connectors.FolderArchived}.String()] +
		c[connectors.FileBox{Direction: connectors.DirectionSales, Folder: connectors.FolderArchived}.String()]
}

// ManifestEntry is one downloaded file.
type ManifestEntry struct {
	Folder string `json:"folder"` // "AP/Transfer"
	Name   string `json:"name"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// Manifest lists what an archive download wrote, written last as
// manifest.json: its presence means the download is complete.
type Manifest struct {
	SIREN     string          `json:"siren"`
	FetchedAt time.Time       `json:"fetched_at"`
	Files     []ManifestEntry `json:"files"`
}

// ManifestName is the manifest's file name inside the archive folder.
const ManifestName = "manifest.json"

// DownloadArchive downloads every file of a company's four folders into
// dir/AP/Transfer/… (folders 0700, files 0600, each written to a temporary
// file and renamed), checks each size, computes each SHA-256 and writes the
// manifest last. Any error stops the download and no manifest is written.
func DownloadArchive(ctx context.Context, src connectors.V1Files, siren, dir string, now time.Time) (Manifest, error) {
	m := Manifest{SIREN: siren, FetchedAt: now.UTC(), Files: []ManifestEntry{}}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return m, folderError(dir, err)
	}
	// A manifest left by an earlier download would vouch for this one if
	// it stopped half-way.
	if err := os.Remove(filepath.Join(dir, ManifestName)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return m, err
	}
	for _, box := range connectors.FileBoxes() {
		files, err := src.Files(ctx, siren, box)
		if err != nil {
			return m, err
		}
		sub := filepath.Join(dir, string(box.Direction), string(box.Folder))
		if err := os.MkdirAll(sub, 0o700); err != nil {
			return m, folderError(sub, err)
		}
		for _, f := range files {
			e, err := downloadOne(ctx, src, f, sub)
			if err != nil {
				return m, err
			}
			e.Folder = box.String()
			m.Files = append(m.Files, e)
		}
		// The folder's renames are made durable once, before the manifest
		// vouches for them. Best effort: some systems cannot sync a folder.
		_ = batchWriter().SyncFolder(sub)
	}
	err := atomicfile.Write(filepath.Join(dir, ManifestName), func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(m)
	})
	return m, err
}

// batchWriter writes the downloaded files, their folder synced once per
// folder rather than once per file.
func batchWriter() atomicfile.Writer { return atomicfile.Writer{DeferDirSync: true} }

func downloadOne(ctx context.Context, src connectors.V1Files, f connectors.V1File, dir string) (ManifestEntry, error) {
	if !SafeName(f.Name) {
		return ManifestEntry{}, &connectors.Error{Op: "comapi.DownloadArchive", Kind: connectors.ErrInvalid, Field: "name",
			French:  fmt.Sprintf("nom de fichier %q refusé : il sortirait du dossier de destination", f.Name),
			English: fmt.Sprintf("file name %q refused: it would leave the destination folder", f.Name)}
	}
	h := sha256.New()
	var size int64
	err := batchWriter().Write(filepath.Join(dir, f.Name), func(w io.Writer) error {
		n, err := src.Download(ctx, f, io.MultiWriter(w, h))
		size = n
		if err == nil && n != f.Size {
			err = &bilingualError{
				french:  fmt.Sprintf("téléchargement de %q partiel : %d octets sur %d", f.Name, n, f.Size),
				english: fmt.Sprintf("partial download of %q: %d bytes of %d", f.Name, n, f.Size)}
		}
		return err
	})
	if err != nil {
		return ManifestEntry{}, err
	}
	return ManifestEntry{Name: f.Name, Size: size, SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}

// bilingualError is a failure of the download on this machine, in both
// languages: the command shows English() with --lang en.
type bilingualError struct {
	french, english string
	err             error
}

func (e *bilingualError) Error() string   { return e.french }
func (e *bilingualError) English() string { return e.english }
func (e *bilingualError) Unwrap() error   { return e.err }

// folderError is a destination folder that cannot be created.
func folderError(dir string, err error) error {
	return &bilingualError{
		french:  fmt.Sprintf("dossier %q impossible à créer : %v", dir, err),
		english: fmt.Sprintf("folder %q cannot be created: %v", dir, err), err: err}
}
