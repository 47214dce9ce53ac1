package files

import (
	"io"
	"sort"

	"github.com/bascule-cli/bascule/connectors"
)

// ConvertOptions tunes Convert.
type ConvertOptions struct {
	ReadOptions
	// IncludeActive keeps clients whose V1 status is "actif". By default
	// they are skipped: V2 migrates active dossiers itself (guide §2), and
	// importing them again would create duplicates.
	IncludeActive bool
}

// Summary counts what a conversion did with the rows of the export:
// Read = Written + Rejected + Skipped.
type Summary struct {
	Read     int `json:"read"`     // data rows in the export
	Written  int `json:"written"`  // clients ready for the import file
	Rejected int `json:"rejected"` // rows with at least one error
	Skipped  int `json:"skipped"`  // active clients left out (see IncludeActive)
	// SplitNames counts the written clients whose contact's first and last
	// names were cut from the one full-name column NameColumn.
	SplitNames int    `json:"split_names"`
	NameColumn string `json:"name_column,omitempty"`
}

// ConvertResult is a V1 export adapted to the V2 import template.
type ConvertResult struct {
	Clients  []Client              // ready to write (WriteFiles)
	Errors   []connectors.RowError // reading and import errors, by row
	Columns  map[Field]string
	Unmapped []string
	Summary  Summary
}

// Convert reads a V1 clients export and keeps the clients V2's import will
// accept: the reading's errors (bad SIREN…) and the import's (missing
// contact e-mail…) are reported together, sorted by row. Writing is left to
// WriteFiles so that the caller can show the summary and ask first.
func Convert(in io.Reader, inName string, opts ConvertOptions) (ConvertResult, error) {
	exp, err := ReadClientsExport(in, inName, opts.ReadOptions)
	res := ConvertResult{Columns: exp.Columns, Unmapped: exp.Unmapped}
	if err != nil {
		return res, err
	}
	kept := exp.Clients[:0:0]
	for _, c := range exp.Clients {
		if c.Status == connectors.StatusActive && !opts.IncludeActive {
			res.Summary.Skipped++
			continue
		}
		kept = append(kept, c)
	}
	good, rejected := ValidateForImport(kept)
	res.Clients = good
	res.Errors = append(exp.Errors, inUserColumns(rejected, exp.Columns)...)
	sort.SliceStable(res.Errors, func(i, j int) bool { return res.Errors[i].Row < res.Errors[j].Row })
	res.Summary.Read = exp.Read
	res.Summary.Written = len(good)
	res.Summary.Rejected = RejectedRows(res.Errors)
	for _, c := range good {
		if c.NameSplit {
			res.Summary.SplitNames++
		}
	}
	if res.Summary.SplitNames > 0 {
		res.Summary.NameColumn = exp.Columns[FieldContactName]
	}
	return res, nil
}

// templateFields says which field of an export feeds each template column,
// the full-name field last for the two name columns.
func templateFields() map[string][]Field {
	return map[string][]Field{
		ColLegalName:        {FieldLegalName},
		ColCountry:          {FieldCountry},
		ColContactEmail:     {FieldContactEmail},
		ColContactFirstName: {FieldContactFirstName, FieldContactName},
		ColContactLastName:  {FieldContactLastName, FieldContactName},
		ColContactLanguage:  {FieldLanguage},
		ColCompanyNumber:    {FieldSIREN},
		ColVAT:              {FieldVAT},
		ColIBAN:             {FieldIBAN},
	}
}

// inUserColumns rewrites the import check's errors, which name template
// columns ("Contact first name"), with the columns of the user's own file
// ("Nom du contact"). When the file has no column for it, none is named
// and the message says the file lacks it: naming a column the user cannot
// find in their file sent them looking for it.
func inUserColumns(errs []connectors.RowError, columns map[Field]string) []connectors.RowError {
	fields := templateFields()
	for i, e := range errs {
		var col string
		for _, f := range fields[e.Column] {
			if c, ok := columns[f]; ok {
				col = c
				break
			}
		}
		if col == "" && e.Column != "" {
			e.Message += " ; le fichier n'a pas de colonne pour cette information"
			if e.MessageEN != "" {
				e.MessageEN += "; the file has no column for it"
			}
		}
		e.Column = col
		errs[i] = e
	}
	return errs
}
