package store

import (
	"errors"
	"path/filepath"
	"runtime"
)

// DefaultPath returns where the database lives: $BASCULE_DB when set,
// otherwise the user's data directory —
//
//	Linux and others: $XDG_DATA_HOME/bascule/bascule.db (else ~/.local/share/bascule/bascule.db)
//	macOS:            ~/Library/Application Support/bascule/bascule.db
//	Windows:          %AppData%\bascule\bascule.db
//
// getenv is os.Getenv in production. The --db flag, handled by the command,
// wins over both.
func DefaultPath(getenv func(string) string) (string, error) {
	return defaultPath(getenv, runtime.GOOS)
}

func defaultPath(getenv func(string) string, goos string) (string, error) {
	if p := getenv("BASCULE_DB"); p != "" {
		return p, nil
	}
	const dir, file = "bascule", "bascule.db"
	home := getenv("HOME")
	switch goos {
	case "windows":
		if a := getenv("AppData"); a != "" {
			return filepath.Join(a, dir, file), nil
		}
		if a := getenv("APPDATA"); a != "" {
			return filepath.Join(a, dir, file), nil
		}
		return "", errors.New("%AppData% n'est pas défini : précisez la base avec --db ou BASCULE_DB")
	case "darwin", "ios":
		if home == "" {
			return "", errors.New("$HOME n'est pas défini : précisez la base avec --db ou BASCULE_DB")
		}
		return filepath.Join(home, "Library", "Application Support", dir, file), nil
	case "plan9":
		if home := getenv("home"); home != "" {
			return filepath.Join(home, "lib", dir, file), nil
		}
	}
	if x := getenv("XDG_DATA_HOME"); x != "" && filepath.IsAbs(x) {
		return filepath.Join(x, dir, file), nil
	}
	if home == "" {
		return "", errors.New("ni $XDG_DATA_HOME ni $HOME ne sont définis : précisez la base avec --db ou BASCULE_DB")
	}
	return filepath.Join(home, ".local", "share", dir, file), nil
}
