package store

import (
	"errors"
	"fmt"

	"github.com/bascule-cli/bascule/checklist"
)

// Sentinel errors; the typed errors below match them with errors.Is.
var (
	ErrInUse           = errors.New("store: database in use by another process")
	ErrDamaged         = errors.New("store: database damaged")
	ErrTooNew          = errors.New("store: database written by a newer bascule")
	ErrNotFound        = checklist.ErrNotFound
	ErrExists          = checklist.ErrExists
	ErrWrongPassphrase = checklist.ErrWrongPassphrase // checklist's, so front ends match it without the store
	ErrNoPassphrase    = checklist.ErrNoPassphrase
	ErrReadOnly        = errors.New("store: database opened read-only")
	ErrWeakPassphrase  = errors.New("store: passphrase too short")
)

// InUseError says another process holds the database file.
type InUseError struct{ Path string }

func (e *InUseError) Error() string {
	return fmt.Sprintf("la base %s est déjà utilisée par un autre processus bascule : fermez-le puis réessayez", e.Path)
}

// English returns the message in English.
func (e *InUseError) English() string {
	return fmt.Sprintf("the database %s is in use by another bascule process: close it and try again", e.Path)
}

func (e *InUseError) Is(target error) bool { return target == ErrInUse }

// DamagedError says the database file cannot be trusted: truncated, garbage
// pages, failed consistency check. NewestBackup is the newest backup that
// passed verification, or "" when there is none.
type DamagedError struct {
	Path         string
	Cause        error
	NewestBackup string
}

func (e *DamagedError) Error() string {
	msg := fmt.Sprintf("la base %s est endommagée (%v)", e.Path, e.Cause)
	if e.NewestBackup != "" {
		return msg + fmt.Sprintf(" : restaurez la sauvegarde la plus récente qui se relit entièrement, %s (bascule restore %s)", e.NewestBackup, e.NewestBackup)
	}
	return msg + " : aucune sauvegarde valide n'a été trouvée à côté du fichier"
}

// English returns the message in English.
func (e *DamagedError) English() string {
	cause := e.Cause.Error()
	var en interface{ English() string }
	switch {
	case errors.Is(e.Cause, errEmpty):
		cause = "it is empty while a backup holds workspaces"
	case errors.As(e.Cause, &en):
		cause = en.English()
	}
	msg := fmt.Sprintf("the database %s is damaged (%s)", e.Path, cause)
	if e.NewestBackup != "" {
		return msg + fmt.Sprintf(": restore the newest backup that reads back fully, %s (bascule restore %s)", e.NewestBackup, e.NewestBackup)
	}
	return msg + ": no valid backup was found beside the file"
}

func (e *DamagedError) Is(target error) bool { return target == ErrDamaged }
func (e *DamagedError) Unwrap() error        { return e.Cause }

// TooNewError says the database has a schema version newer than this binary
// knows.
type TooNewError struct {
	Path      string
	Found     uint64
	Supported uint64
}

func (e *TooNewError) Error() string {
	return fmt.Sprintf("la base %s a été écrite par une version plus récente de bascule (schéma %d, cette version connaît jusqu'au schéma %d) : mettez bascule à jour", e.Path, e.Found, e.Supported)
}

// English returns the message in English.
func (e *TooNewError) English() string {
	return fmt.Sprintf("the database %s was written by a newer bascule (schema %d, this version knows up to schema %d): update bascule", e.Path, e.Found, e.Supported)
}

func (e *TooNewError) Is(target error) bool { return target == ErrTooNew }

// NotFoundError names what was not found.
type NotFoundError struct{ What, ID string }

func (e *NotFoundError) Error() string {
	return fmt.Sprintf("%s introuvable : %q", frWhat(e.What), e.ID)
}

// English returns the message in English.
func (e *NotFoundError) English() string { return fmt.Sprintf("%s not found: %q", e.What, e.ID) }

func (e *NotFoundError) Is(target error) bool { return target == ErrNotFound }

// ExistsError names what already exists.
type ExistsError struct{ What, ID string }

func (e *ExistsError) Error() string {
	return fmt.Sprintf("%s existe déjà : %q (choisissez un autre nom ou remplacez-le explicitement)", frWhat(e.What), e.ID)
}

// English returns the message in English.
func (e *ExistsError) English() string {
	return fmt.Sprintf("%s already exists: %q (choose another name or replace it explicitly)", e.What, e.ID)
}

func (e *ExistsError) Is(target error) bool { return target == ErrExists }

// PassphraseError is a wrong or missing passphrase.
type PassphraseError struct {
	Workspace string
	Missing   bool
}

func (e *PassphraseError) Error() string {
	if e.Missing {
		return "une phrase secrète est nécessaire pour lire ou enregistrer un identifiant"
	}
	return fmt.Sprintf("phrase secrète incorrecte pour l'espace %q : les identifiants chiffrés ne peuvent pas être ouverts", e.Workspace)
}

// English returns the message in English.
func (e *PassphraseError) English() string {
	if e.Missing {
		return "a passphrase is needed to read or save a credential"
	}
	return fmt.Sprintf("wrong passphrase for workspace %q: the sealed credentials cannot be opened", e.Workspace)
}

func (e *PassphraseError) Is(target error) bool {
	if e.Missing {
		return target == ErrNoPassphrase
	}
	return target == ErrWrongPassphrase
}

// WeakPassphraseError is a new passphrase shorter than MinPassphrase
// characters: nothing was sealed.
type WeakPassphraseError struct{ Got, Min int }

func (e *WeakPassphraseError) Error() string {
	return fmt.Sprintf("phrase secrète trop courte : il faut au moins %d caractères (%d saisis)", e.Min, e.Got)
}

// English returns the message in English.
func (e *WeakPassphraseError) English() string {
	return fmt.Sprintf("passphrase too short: at least %d characters needed (%d typed)", e.Min, e.Got)
}

func (e *WeakPassphraseError) Is(target error) bool { return target == ErrWeakPassphrase }

// FormatError is a record or file this version cannot read.
type FormatError struct {
	What string
	Msg  string
}

func (e *FormatError) Error() string { return fmt.Sprintf("format illisible (%s) : %s", e.What, e.Msg) }
func (e *FormatError) English() string {
	return fmt.Sprintf("unreadable format (%s): %s", e.What, e.Msg)
}

func frWhat(w string) string {
	switch w {
	case "workspace":
		return "espace de travail"
	case "client":
		return "client"
	case "secret":
		return "identifiant chiffré"
	case "backup":
		return "sauvegarde"
	}
	return w
}
