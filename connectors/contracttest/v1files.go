package contracttest

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/connectors"
)

// FilesFactory builds a fresh platform for one case of the file-export
// port: the V1Files port and the V1 port of the same cabinet (at least one
// client with files). It registers its own cleanup on t.
type FilesFactory func(t *testing.T) (connectors.V1Files, connectors.V1)

// RunV1Files runs the cases of the V1Files port (V1's file-export API).
func RunV1Files(t *testing.T, f FilesFactory) {
	t.Run("EnterprisesAreV1Clients", func(t *testing.T) { enterprisesAreClients(t, f) })
	t.Run("FilesDownloadAsListed", func(t *testing.T) { filesDownloadAsListed(t, f) })
	t.Run("UnknownCompany", func(t *testing.T) { unknownCompany(t, f) })
	t.Run("BadFolder", func(t *testing.T) { badFolder(t, f) })
	t.Run("Cancelled", func(t *testing.T) { filesCancelled(t, f) })
}

// enterprisesAreClients: every client of V1 is listed once, by a valid
// SIREN, with a sanitised name.
func enterprisesAreClients(t *testing.T, f FilesFactory) {
	files, v1 := f(t)
	list, err := files.Enterprises(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, e := range list {
		if err := ident.ValidateSIREN(e.SIREN); err != nil || seen[e.SIREN] {
			t.Errorf("SIREN %q invalid or listed twice", e.SIREN)
		}
		seen[e.SIREN] = true
		if connectors.Sanitize(e.Name) != e.Name || e.Name == "" {
			t.Errorf("name %q empty or not sanitised", e.Name)
		}
	}
	for _, c := range allClients(t, v1, 0) {
		if !seen[c.SIREN] {
			t.Errorf("client %s (%s) missing from the enterprises", c.ID, c.SIREN)
		}
	}
	if len(list) != len(seen) || len(list) == 0 {
		t.Errorf("%d enterprises, %d distinct", len(list), len(seen))
	}
}

// filesDownloadAsListed: in each folder names are unique and downloads give
// exactly the announced size.
func filesDownloadAsListed(t *testing.T, f FilesFactory) {
	files, _ := f(t)
	list, err := files.Enterprises(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, e := range list[:min(len(list), 4)] {
		for _, box := range connectors.FileBoxes() {
			got, err := files.Files(t.Context(), e.SIREN, box)
			if err != nil {
				t.Fatalf("Files(%s, %s): %v", e.SIREN, box, err)
			}
			names := map[string]bool{}
			for _, fl := range got[:min(len(got), 3)] {
				if names[fl.Name] || fl.Name == "" || fl.Box != box || fl.SIREN != e.SIREN {
					t.Errorf("%s %s: file %+v repeated or mislabelled", e.SIREN, box, fl)
				}
				names[fl.Name] = true
				var buf bytes.Buffer
				n, err := files.Download(t.Context(), fl, &buf)
				if err != nil || n != fl.Size || int64(buf.Len()) != fl.Size {
					t.Errorf("Download(%s) = %d bytes (%d written), %v; listed %d", fl.Name, n, buf.Len(), err, fl.Size)
				}
			}
			total += len(got)
		}
	}
	if total == 0 {
		t.Error("no file in the first companies: the case proves nothing")
	}
}

// unknownCompany: a valid SIREN that is not a client is ErrNotFound.
func unknownCompany(t *testing.T, f FilesFactory) {
	files, _ := f(t)
	list, err := files.Enterprises(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, e := range list {
		listed[e.SIREN] = true
	}
	for _, s := range []string{"552008443", "404833048", "732829320"} {
		if listed[s] {
			continue
		}
		_, err := files.Files(t.Context(), s, connectors.FileBoxes()[0])
		if !errors.Is(err, connectors.ErrNotFound) {
			t.Errorf("Files(%s) = %v, want ErrNotFound", s, err)
		}
		return
	}
}

// badFolder: a direction or folder outside AP|AR × Transfer|Archived is
// refused, as is an invalid SIREN.
func badFolder(t *testing.T, f FilesFactory) {
	files, _ := f(t)
	list, err := files.Enterprises(t.Context())
	if err != nil || len(list) == 0 {
		t.Fatal(err)
	}
	if _, err := files.Files(t.Context(), list[0].SIREN, connectors.FileBox{Direction: "XX", Folder: connectors.FolderArchived}); err == nil {
		t.Error("direction XX accepted")
	}
	if _, err := files.Files(t.Context(), "404833047", connectors.FileBoxes()[0]); err == nil {
		t.Error("invalid SIREN accepted")
	}
}

func filesCancelled(t *testing.T, f FilesFactory) {
	files, _ := f(t)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := files.Enterprises(ctx); err == nil {
		t.Error("Enterprises with a cancelled context succeeded")
	}
}
