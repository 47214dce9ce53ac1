// Package files holds the offline adapters for the files that cabinets really
// handle during a migration: the client list exported from jefacture.com V1
// (guide §2 "Exporter la liste des clients inactifs") and the client import
// file for jefacture.com V2 (guide §3.4 "Importer la liste des clients…
// Adapter le fichier export").
//
// Reading ([ReadTable], [ReadClientsExport]) accepts what French Excel and the
// V1 export produce: CSV in UTF-8 (with or without BOM) or Windows-1252, with
// `;`, `,` or TAB separators and an optional `sep=;` first line, and .xlsx
// workbooks. A UTF-8 file holding Windows-1252 lines is decoded line by
// line; a line mixing both is refused, naming it. A workbook is bounded
// before it is inflated (64 MiB expanded, like a CSV), each cell to Excel's
// 32,767 characters and each row to 1,024 columns; a sheet whose XML is cut
// is an error naming the sheet, never a shorter list. A header with no row
// under it is an error. File-level errors never quote the file's content. Every cell is sanitised with connectors.Sanitize where it enters
// and trimmed. Column headers are matched by French and English synonyms,
// ignoring case, accents and punctuation; an explicit mapping overrides them.
// Identifiers that a spreadsheet damaged are repaired before they are
// checked: a SIREN or postal code that lost its leading zero, a SIREN turned
// into a number ("5.52008443E8", "552008443.0"). A bad row never stops the
// reading: it is reported with its line number, column and a French message,
// and the good rows are kept. A title line above the header is skipped.
//
// A single contact column ("Nom du contact" = "Céline Lefèvre", as V1 and
// LibreOffice write it) is split into first and last name: the first word
// is the first name, hyphens included; particles ("de", "Le", "van"…) stay
// with the surname; capitals first, a leading particle or a comma mean
// surname first. [Convert] counts the split names in its [Summary] and
// reports the import check's errors under the user's own column names.
//
// [Client] is connectors.Client plus the template columns the record does
// not carry (IBAN, BIC, external reference, street number, P.O. box), so
// that an export converted into an import ([Convert], then [WriteFiles])
// loses nothing the user had. Active V1 clients are left out by default:
// V2 migrates them itself.
//
// Writing ([WriteClientsImport], [WriteFiles]) follows one template, the one
// of the new Banqup partner space, columns in this order:
//
//	Legal name            required
//	Country               required, ISO 3166 alpha-2 ("FR")
//	Contact email         required
//	Contact first name    required
//	Contact last name     required
//	Contact language      required, a locale; "fr-FR" when the client has none
//	Company number        optional, the SIREN for a French company
//	VAT                   optional
//	External reference    optional
//	IBAN                  optional
//	Street                optional
//	Number                optional
//	P.O. Box              optional
//	Postal code           optional
//	Municipality/city     optional
//
// The .xlsx has one sheet, "Clients", a header row and text-typed cells so
// that SIRENs and postal codes keep their leading zeros. The CSV variant is
// UTF-8 with BOM, `;` and CRLF, which French Excel opens without mangling
// accents; every cell starting with "=", "+", "-", "@", TAB or CR gets a
// leading apostrophe so that no spreadsheet runs it. Banqup caps an import at [ImportMaxRows] rows, so [SplitClients]
// and [WriteFiles] cut larger lists into clients-import-001.xlsx, -002…
//
// The package does no network I/O. It may import the root connectors package,
// checklist/ident (pure identifier checks) and checklist/atomicfile (the
// import files are written atomically, 0600), nothing else of the project.
package files
