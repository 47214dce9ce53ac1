package comapi

import (
	"context"
	"errors"
	"io"
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
