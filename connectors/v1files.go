package connectors

import (
	"context"
	"io"
	"time"
)

// V1's file-export API ("comapi") is known only from public client code, not
// from an official document: the records and the port below follow what that
// code shows and may have to change when jefacture publishes its contract.

// FileDirection is a comapi folder's side: purchase (AP) or sales (AR)
// invoices.
type FileDirection string

// The two directions of comapi.
const (
	DirectionPurchases FileDirection = "AP"
	DirectionSales     FileDirection = "AR"
)

// FileFolder is a comapi folder: invoices being processed (Transfer) or
// archived (Archived).
type FileFolder string

// The two folders of comapi.
const (
	FolderTransfer FileFolder = "Transfer"
	FolderArchived FileFolder = "Archived"
)

// FileBox is one (direction, folder) pair of a company.
type FileBox struct {
	Direction FileDirection
	Folder    FileFolder
}

// FileBoxes returns the four folders of a company in a fixed order.
func FileBoxes() []FileBox {
	return []FileBox{
		{DirectionPurchases, FolderTransfer}, {DirectionPurchases, FolderArchived},
		{DirectionSales, FolderTransfer}, {DirectionSales, FolderArchived},
	}
}

// String is "AP/Transfer".
func (b FileBox) String() string { return string(b.Direction) + "/" + string(b.Folder) }

// Valid reports whether b is one of FileBoxes.
func (b FileBox) Valid() bool {
	return (b.Direction == DirectionPurchases || b.Direction == DirectionSales) &&
		(b.Folder == FolderTransfer || b.Folder == FolderArchived)
}

// Enterprise is one client company as comapi lists it: a name and a SIREN,
// nothing else (no status, no id).
type Enterprise struct {
	Name  string `json:"name"`
	SIREN string `json:"siren"`
}

// V1File is one invoice file of a company's folder. DownloadURL is where the
// platform serves it (empty from the in-memory sandbox, which serves by
// name).
type V1File struct {
	SIREN       string
	Box         FileBox
	Name        string
	Size        int64
	Modified    time.Time
	Created     time.Time
	DownloadURL string
}

// V1Files is the port of V1's file-export API: read only. Implementations
// sanitise every string they return and honour ctx.
type V1Files interface {
	// Enterprises lists the cabinet's client companies.
	Enterprises(ctx context.Context) ([]Enterprise, error)
	// Files lists one folder of a company.
	Files(ctx context.Context, siren string, box FileBox) ([]V1File, error)
	// Download writes the content of f (as Files returned it) to w and
	// returns the number of bytes written. A content whose length differs
	// from f.Size is an error.
	Download(ctx context.Context, f V1File, w io.Writer) (int64, error)
}
