// Package ident checks and formats the identifiers a French accounting firm
// types into the migration wizard: SIREN, SIRET, intra-community VAT number
// (TVA intracommunautaire), IBAN, BIC and e-mail address.
//
// Every function accepts raw user input: spaces (including the no-break and
// narrow no-break spaces that spreadsheets and word processors insert), dots
// and dashes are tolerated and removed by the Normalize functions, which the
// Validate functions call first. Validation failures are returned as *Error,
// whose Error method gives a short French message for the user and English
// method the same in English for logs; Kind and Reason let callers branch
// without parsing text, and errors.Is matches on them.
//
// The package is pure (no I/O, no global mutable state) and depends on the
// standard library only; it imports nothing else from the project.
package ident
