package comapi

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/connectors"
)

// fakeFiles serves one AP/Transfer file per name, whose content is body
// (the announced size is size).
type fakeFiles struct {
	names []string
	body  string
	size  int64
}

func (f fakeFiles) Enterprises(context.Context) ([]connectors.Enterprise, error) { return nil, nil }

func (f fakeFiles) Files(_ context.Context, siren string, box connectors.FileBox) ([]connectors.V1File, error) {
	if box != connectors.FileBoxes()[0] {
		return nil, nil
	}
	var out []connectors.V1File
	for _, n := range f.names {
		out = append(out, connectors.V1File{SIREN: siren, Box: box, Name: n, Size: f.size})
	}
	return out, nil
}

func (f fakeFiles) Download(_ context.Context, _ connectors.V1File, w io.Writer) (int64, error) {
	n, err := io.WriteString(w, f.body)
	return int64(n), err
}

func TestArchiveRefusesTraversal(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "a")
	for _, name := range []string{"../evil.pdf", "..", "a/b.pdf", `a\b.pdf`, ""} {
		_, err := DownloadArchive(context.Background(), fakeFiles{names: []string{name}, body: "x", size: 1}, "552008443", dir, timeZero())
		if err == nil || !errors.Is(err, connectors.ErrInvalid) {
			t.Errorf("%q: err = %v", name, err)
		}
	}
	if _, err := os.Stat(filepath.Join(root, "evil.pdf")); err == nil {
		t.Fatal("a file was written outside the folder")
	}
	if _, err := os.Stat(filepath.Join(dir, ManifestName)); err == nil {
		t.Fatal("manifest written after a refusal")
	}
}

func TestArchivePartialIsError(t *testing.T) {
	dir := t.TempDir()
	// An earlier complete download left a manifest.
	if _, err := DownloadArchive(context.Background(), fakeFiles{names: []string{"a.pdf"}, body: "12345", size: 5}, "552008443", dir, timeZero()); err != nil {
		t.Fatal(err)
	}
	_, err := DownloadArchive(context.Background(), fakeFiles{names: []string{"b.pdf"}, body: "12", size: 5}, "552008443", dir, timeZero())
	if err == nil || !strings.Contains(err.Error(), "partiel") {
		t.Fatalf("err = %v", err)
	}
	if en := connectorsEnglish(err); en != `partial download of "b.pdf": 2 bytes of 5` {
		t.Errorf("in English: %q", en)
	}
	if _, err := os.Stat(filepath.Join(dir, ManifestName)); err == nil {
		t.Fatal("a stale manifest vouches for a partial download")
	}
	left, _ := filepath.Glob(filepath.Join(dir, "AP", "Transfer", "*"))
	for _, f := range left {
		if filepath.Base(f) != "a.pdf" {
			t.Errorf("left behind: %s", f)
		}
	}
}

func timeZero() (t0 time.Time) { return }

// connectorsEnglish is err's English text as the front ends find it.
func connectorsEnglish(err error) string {
	var en interface{ English() string }
	if errors.As(err, &en) {
		return en.English()
	}
	return ""
}

// TestArchiveFolderErrorInBothLanguages: a folder that cannot be created
// is named in French and in English, its cause kept.
func TestArchiveFolderErrorInBothLanguages(t *testing.T) {
	file := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(file, "sub")
	_, err := DownloadArchive(context.Background(), fakeFiles{names: []string{"a.pdf"}, body: "1", size: 1}, "552008443", dir, timeZero())
	if err == nil || !strings.HasPrefix(err.Error(), fmt.Sprintf("dossier %q impossible à créer : ", dir)) {
		t.Fatalf("French: %v", err)
	}
	if en := connectorsEnglish(err); !strings.HasPrefix(en, fmt.Sprintf("folder %q cannot be created: ", dir)) {
		t.Errorf("English: %q", en)
	}
	var pe *fs.PathError
	if !errors.As(err, &pe) {
		t.Errorf("the cause is lost: %#v", err)
	}
}
