package sandbox

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/connectors"
)

// v1Files is V1's file-export API (comapi) over a Platform. Its folders are
// consistent with the V1 snapshot: AP/Transfer holds one file per accepted
// purchase invoice, AR/Transfer one per accepted sales invoice, and the
// archived documents are split between AP/Archived and AR/Archived. File
// contents are generated on demand, so a 12,000-client cabinet costs nothing
// until a file is read. Enterprises lists every client, active or not: the
// real API is not known to give a status.
type v1Files struct {
	p   *Platform
	raw bool
}

// V1Files returns the file-export API of the old platform, sanitised.
func (p *Platform) V1Files() connectors.V1Files { return v1Files{p: p} }

// RawV1Files is V1Files without sanitising, for an HTTP test server.
func (p *Platform) RawV1Files() connectors.V1Files { return v1Files{p: p, raw: true} }

// fileEpoch dates the generated files: the demo's V1 history starts here.
func fileEpoch() time.Time { return time.Date(2025, time.January, 6, 9, 0, 0, 0, time.UTC) }

func (v v1Files) Enterprises(ctx context.Context) ([]connectors.Enterprise, error) {
	if err := cancelled(ctx, "comapi.Enterprises"); err != nil {
		return nil, err
	}
	p := v.p
	p.mu.Lock()
	defer p.mu.Unlock()
	p.tick()
	out := make([]connectors.Enterprise, len(p.w.clients))
	for i, d := range p.w.clients {
		out[i] = connectors.Enterprise{Name: d.snap.Client.LegalName, SIREN: d.snap.Client.SIREN}
		if !v.raw {
			out[i].Name = connectors.Sanitize(out[i].Name)
			out[i].SIREN = connectors.Sanitize(out[i].SIREN)
		}
	}
	return out, nil
}

// fileCount is how many files box holds for d.
func fileCount(d *dossier, box connectors.FileBox) int {
	s := d.snap
	switch box {
	case connectors.FileBox{Direction: connectors.DirectionPurchases, Folder: connectors.FolderTransfer}:
		return s.Invoices.Purchases.Accepted()
	case connectors.FileBox{Direction: connectors.DirectionSales, Folder: connectors.FolderTransfer}:
		return s.Invoices.Sales.Accepted()
	case connectors.FileBox{Direction: connectors.DirectionPurchases, Folder: connectors.FolderArchived}:
		return s.Archives.Documents / 2
	case connectors.FileBox{Direction: connectors.DirectionSales, Folder: connectors.FolderArchived}:
		return s.Archives.Documents - s.Archives.Documents/2
	}
	return 0
}

// fileName is the n-th file of a box; V1 names start with "udr_".
func fileName(siren string, box connectors.FileBox, n int) string {
	return fmt.Sprintf("udr_%s_%s_%s_%05d.pdf", siren, box.Direction, strings.ToLower(string(box.Folder)), n+1)
}

// fileContent is what the platform serves for a file: a small placeholder
// PDF naming it, so that a download can be checked end to end.
func fileContent(siren string, box connectors.FileBox, name string) []byte {
	return fmt.Appendf(nil, "%%PDF-1.4\n%% bascule demo invoice file\n%% %s %s %s\n%%%%EOF\n", siren, box, name)
}

func (v v1Files) client(op, siren string, box connectors.FileBox) (*dossier, error) {
	if !box.Valid() {
		return nil, connectors.Invalid(op, "folder", "dossier "+connectors.Sanitize(box.String())+" inconnu (attendu AP|AR et Transfer|Archived)",
			"unknown folder "+connectors.Sanitize(box.String())+" (expected AP|AR and Transfer|Archived)")
	}
	if err := ident.ValidateSIREN(siren); err != nil {
		return nil, connectors.Invalid(op, "siren", "SIREN "+connectors.Sanitize(siren)+" invalide", "invalid SIREN "+connectors.Sanitize(siren))
	}
	d, ok := v.p.bySIREN[siren]
	if !ok {
		return nil, notFound(op, "entreprise "+siren)
	}
	return d, nil
}

func (v v1Files) Files(ctx context.Context, siren string, box connectors.FileBox) ([]connectors.V1File, error) {
	const op = "comapi.Files"
	if err := cancelled(ctx, op); err != nil {
		return nil, err
	}
	p := v.p
	p.mu.Lock()
	defer p.mu.Unlock()
	p.tick()
	d, err := v.client(op, siren, box)
	if err != nil {
		return nil, err
	}
	n := fileCount(d, box)
	out := make([]connectors.V1File, n)
	for i := range n {
		name := fileName(siren, box, i)
		mod := fileEpoch().Add(time.Duration(i) * 24 * time.Hour)
		out[i] = connectors.V1File{SIREN: siren, Box: box, Name: name,
			Size: int64(len(fileContent(siren, box, name))), Modified: mod, Created: mod.Add(-time.Hour)}
	}
	return out, nil
}

func (v v1Files) Download(ctx context.Context, f connectors.V1File, w io.Writer) (int64, error) {
	const op = "comapi.Download"
	if err := cancelled(ctx, op); err != nil {
		return 0, err
	}
	p := v.p
	p.mu.Lock()
	d, err := v.client(op, f.SIREN, f.Box)
	n := 0
	if err == nil {
		n = fileCount(d, f.Box)
	}
	p.mu.Unlock()
	if err != nil {
		return 0, err
	}
	for i := range n {
		if fileName(f.SIREN, f.Box, i) == f.Name {
			data := fileContent(f.SIREN, f.Box, f.Name)
			written, err := w.Write(data)
			return int64(written), err
		}
	}
	return 0, notFound(op, "fichier "+connectors.Sanitize(f.Name))
}

// AddClient adds a client dossier to V1, as a cabinet does between two
// refreshes of bascule's dossiers. Its invoice history is empty. The id and
// the SIREN must be new and the SIREN valid.
func (p *Platform) AddClient(c connectors.Client) error {
	const op = "sandbox.AddClient"
	if err := ident.ValidateSIREN(c.SIREN); err != nil {
		return connectors.Invalid(op, "siren", "SIREN invalide", "invalid SIREN")
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if _, ok := p.byID[c.ID]; ok || c.ID == "" {
		return connectors.Invalid(op, "id", "identifiant de dossier vide ou déjà pris", "dossier id empty or taken")
	}
	if _, ok := p.bySIREN[c.SIREN]; ok {
		return connectors.Invalid(op, "siren", "SIREN déjà présent", "SIREN already present")
	}
	if c.Status == "" {
		c.Status = connectors.StatusActive
	}
	d := &dossier{snap: connectors.V1Snapshot{Client: c}}
	p.w.clients = append(p.w.clients, d)
	p.byID[c.ID] = d
	p.bySIREN[c.SIREN] = d
	return nil
}

// SetClientStatus changes a client's status on V1, as a cabinet does when a
// client leaves (a dossier set back to draft is no longer active).
func (p *Platform) SetClientStatus(id string, st connectors.ClientStatus) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	d, ok := p.byID[id]
	if !ok || id == CabinetDossierID {
		return notFound("sandbox.SetClientStatus", "dossier "+id)
	}
	d.snap.Client.Status = st
	return nil
}
