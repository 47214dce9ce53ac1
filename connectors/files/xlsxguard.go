package files

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/bascule-cli/bascule/connectors"
)

// maxZipEntries bounds the parts of a workbook: a client list has about
// ten, and every entry costs memory before anything is read.
const maxZipEntries = 1000

// checkZipSizes refuses a workbook whose parts expand beyond maxUnzipped,
// from the sizes its directory declares, before anything is decompressed:
// a 400 MB bomb is refused at once. archive/zip fails any part that
// inflates past its declared size, so the sum is a true bound.
func checkZipSizes(data []byte, maxUnzipped int64) (*zip.Reader, error) {
	// archive/zip builds a record per directory entry before anything can
	// be counted: a 64 MiB archive of empty parts would cost hundreds of
	// megabytes. Counting the directory's signatures first is cheap; the
	// count can only be too high (the bytes may occur in compressed data).
	if bytes.Count(data, []byte("PK\x01\x02")) > maxZipEntries {
		return nil, tooManyParts()
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, newError(CodeUnreadable,
			"classeur Excel illisible ou endommagé (archive invalide)",
			"unreadable or damaged Excel workbook (invalid archive)", err)
	}
	if len(zr.File) > maxZipEntries {
		return nil, tooManyParts()
	}
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if total > uint64(maxUnzipped) || f.UncompressedSize64 > uint64(maxUnzipped) {
			return nil, unzippedTooLarge(maxUnzipped, nil)
		}
	}
	return zr, nil
}

func tooManyParts() error {
	return newError(CodeTooLarge,
		fmt.Sprintf("le classeur contient plus de %d parties : ce n'est pas un export de clients", maxZipEntries),
		fmt.Sprintf("the workbook holds more than %d parts: not a client export", maxZipEntries), nil)
}

func unzippedTooLarge(max int64, cause error) error {
	return newError(CodeTooLarge,
		fmt.Sprintf("le classeur décompressé dépasse la taille autorisée (%s) ; vérifiez qu'il s'agit bien de l'export des clients", humanBytes(max)),
		fmt.Sprintf("the workbook expands beyond the allowed size (%s)", humanBytes(max)), cause)
}

// checkSheetComplete refuses a worksheet (and the shared strings it reads
// from) whose XML is cut or malformed. excelize's row reader stops at the
// first XML error without reporting it, so a sheet cut after three rows
// would read as a shorter, valid list.
func checkSheetComplete(zr *zip.Reader, sheet string) error {
	part := sheetPart(zr, sheet)
	if part != "" && !hasPart(zr, part) {
		part = "" // a layout this reader does not follow: check every sheet
	}
	damaged := func(cause error) error {
		name := connectors.Sanitize(sheet)
		return newError(CodeUnreadable,
			fmt.Sprintf("feuille « %s » incomplète ou endommagée : le classeur a été coupé ou mal enregistré ; ouvrez-le dans Excel et enregistrez-le de nouveau", name),
			fmt.Sprintf("sheet %q is incomplete or damaged: the workbook was cut or badly saved; open it in Excel and save it again", name), cause)
	}
	checked := false
	for _, f := range zr.File {
		name := strings.ToLower(strings.ReplaceAll(f.Name, `\`, "/"))
		isSheet := name == part || (part == "" && strings.HasPrefix(name, "xl/worksheets/") && strings.HasSuffix(name, ".xml"))
		if !isSheet && name != "xl/sharedstrings.xml" {
			continue
		}
		if err := wellFormed(f); err != nil {
			return damaged(err)
		}
		checked = checked || isSheet
	}
	if !checked {
		return damaged(errors.New("worksheet part not found"))
	}
	return nil
}

func hasPart(zr *zip.Reader, part string) bool {
	for _, f := range zr.File {
		if strings.ToLower(strings.ReplaceAll(f.Name, `\`, "/")) == part {
			return true
		}
	}
	return false
}

// wellFormed decodes a part to its end: every element closed by its own
// end tag, one root. RawToken with a stack of names costs a third of what
// Token does (no namespace translation, no copies).
func wellFormed(f *zip.File) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	var open []xml.Name
	roots := 0
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(open) == 0 {
				roots++
			}
			open = append(open, t.Name)
		case xml.EndElement:
			if len(open) == 0 || open[len(open)-1] != t.Name {
				return fmt.Errorf("xml: unexpected end element </%s>", t.Name.Local)
			}
			open = open[:len(open)-1]
		}
	}
	if len(open) != 0 || roots != 1 {
		return fmt.Errorf("xml: %d element(s) left open, %d root(s)", len(open), roots)
	}
	return nil
}

// sheetPart returns the lower-case zip path of the named worksheet, from
// the workbook and its relationships, or "" when they do not say.
func sheetPart(zr *zip.Reader, sheet string) string {
	var rid string
	forElements(zr, "xl/workbook.xml", "sheet", func(attrs []xml.Attr) bool {
		var name, id string
		for _, a := range attrs {
			switch {
			case a.Name.Local == "name" && a.Name.Space == "":
				name = a.Value
			case a.Name.Local == "id" && a.Name.Space != "":
				id = a.Value
			}
		}
		if name == sheet {
			rid = id
			return false
		}
		return true
	})
	if rid == "" {
		return ""
	}
	var target string
	forElements(zr, "xl/_rels/workbook.xml.rels", "Relationship", func(attrs []xml.Attr) bool {
		var id, t string
		for _, a := range attrs {
			switch a.Name.Local {
			case "Id":
				id = a.Value
			case "Target":
				t = a.Value
			}
		}
		if id == rid {
			target = t
			return false
		}
		return true
	})
	if target == "" {
		return ""
	}
	if strings.HasPrefix(target, "/") {
		target = strings.TrimPrefix(target, "/")
	} else {
		target = path.Join("xl", target)
	}
	return strings.ToLower(path.Clean(target))
}

// forElements calls fn with the attributes of each element named local in
// the zip part name, until fn returns false. Errors end the walk quietly:
// the caller then falls back to checking every worksheet.
func forElements(zr *zip.Reader, name, local string, fn func([]xml.Attr) bool) {
	for _, f := range zr.File {
		if !strings.EqualFold(strings.ReplaceAll(f.Name, `\`, "/"), name) {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return
		}
		defer rc.Close()
		d := xml.NewDecoder(rc)
		for {
			tok, err := d.RawToken()
			if err != nil {
				return
			}
			if se, ok := tok.(xml.StartElement); ok && se.Name.Local == local && !fn(se.Attr) {
				return
			}
		}
	}
}
