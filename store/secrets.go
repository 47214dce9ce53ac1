package store

import (
	"crypto/rand"
	"crypto/subtle"
	"fmt"
	"sort"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"github.com/bascule-cli/bascule/checklist"
	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/chacha20poly1305"
)

// Secrets (API tokens, keys, the MyUnisoft token) are sealed per workspace
// with a key derived from a passphrase.
//
// The workspace's "keycheck" record (JSON envelope) holds the KDF and its
// parameters (argon2id, salt, time, memory, threads) and a verifier: a known
// plaintext sealed with the key, so that a wrong passphrase is told apart
// from a damaged secret. Each secret is a binary blob, format 1:
//
//	[0]      format = 1
//	[1:25]   XChaCha20-Poly1305 nonce (random)
//	[25:]    ciphertext and tag; additional data "bascule-secret-v1\x00" + name
//
// The key is derived only when a secret is read or written; nothing else
// needs the passphrase.
const sealFormat = 1

// MinPassphrase is the fewest characters a new passphrase may have; the
// rule is checklist's, shared with the forms that ask for one.
const MinPassphrase = checklist.MinPassphrase

type kdfParams struct {
	KDF     string `json:"kdf"` // "argon2id"
	Salt    []byte `json:"salt"`
	Time    uint32 `json:"time"`
	Memory  uint32 `json:"memory"` // KiB
	Threads uint8  `json:"threads"`
}

type keyCheck struct {
	kdfParams
	Check []byte `json:"check"`
}

func defaultKDF() kdfParams {
	return kdfParams{KDF: "argon2id", Time: 2, Memory: 64 * 1024, Threads: 4}
}

var (
	verifierPlain = []byte("bascule keycheck v1")
	verifierAD    = []byte("bascule-keycheck-v1")
)

func secretAD(name string) []byte { return append([]byte("bascule-secret-v1\x00"), name...) }

func deriveKey(p kdfParams, passphrase []byte) ([]byte, error) {
	if p.KDF != "argon2id" {
		return nil, &FormatError{What: "identifiants chiffrés", Msg: fmt.Sprintf("dérivation %q inconnue", p.KDF)}
	}
	return argon2.IDKey(passphrase, p.Salt, p.Time, p.Memory, p.Threads, chacha20poly1305.KeySize), nil
}

func seal(key, plain, ad []byte) ([]byte, error) {
	aead, err := chacha20poly1305.NewX(key)
	if err != nil {
		return nil, err
	}
	out := make([]byte, 1+chacha20poly1305.NonceSizeX, 1+chacha20poly1305.NonceSizeX+len(plain)+aead.Overhead())
	out[0] = sealFormat
	if _, err := rand.Read(out[1 : 1+chacha20poly1305.NonceSizeX]); err != nil {
		return nil, err
	}
	return aead.Seal(out, out[1:1+chacha20poly1305.NonceSizeX], plain, ad), nil
}

func open(key, blob, ad []byte) ([]byte, bool, error) {
	if len(blob) < 1+chacha20poly1305.NonceSizeX || blob[0] != sealFormat {
		return nil, false, &FormatError{What: "identifiant chiffré", Msg: "format inconnu"}
	}
	aead, err := chacha20poly1305.NewX(key)
	if err != nil {
		return nil, false, err
	}
	plain, err := aead.Open(nil, blob[1:1+chacha20poly1305.NonceSizeX], blob[1+chacha20poly1305.NonceSizeX:], ad)
	if err != nil {
		return nil, false, nil
	}
	return plain, true, nil
}

// keyFor derives the workspace key and checks it against the verifier,
// creating the keycheck record on first use when create is set.
func (db *DB) keyFor(w *wsBucket, ws string, passphrase []byte, create bool) ([]byte, error) {
	if len(passphrase) == 0 {
		return nil, &PassphraseError{Workspace: ws, Missing: true}
	}
	raw, err := w.get(keyKeyCheck)
	if err != nil {
		return nil, err
	}
	if raw == nil {
		if !create {
			return nil, &NotFoundError{What: "secret", ID: ws}
		}
		// The rule holds where a passphrase is chosen; one chosen before
		// the rule still opens what it sealed.
		if n := utf8.RuneCount(passphrase); n < MinPassphrase {
			return nil, &WeakPassphraseError{Got: n, Min: MinPassphrase}
		}
		p := defaultKDF()
		if db.opt.kdf != nil {
			p = *db.opt.kdf
		}
		p.Salt = make([]byte, 16)
		if _, err := rand.Read(p.Salt); err != nil {
			return nil, err
		}
		key, err := deriveKey(p, passphrase)
		if err != nil {
			return nil, err
		}
		check, err := seal(key, verifierPlain, verifierAD)
		if err != nil {
			return nil, err
		}
		b, err := encode(keyCheck{kdfParams: p, Check: check})
		if err != nil {
			return nil, err
		}
		return key, w.put(keyKeyCheck, b)
	}
	var kc keyCheck
	if err := decode(raw, "vérificateur", &kc); err != nil {
		return nil, err
	}
	key, err := deriveKey(kc.kdfParams, passphrase)
	if err != nil {
		return nil, err
	}
	plain, ok, err := open(key, kc.Check, verifierAD)
	if err != nil {
		return nil, err
	}
	if !ok || subtle.ConstantTimeCompare(plain, verifierPlain) != 1 {
		return nil, &PassphraseError{Workspace: ws}
	}
	return key, nil
}

// PutSecret seals value under the workspace's passphrase. The first secret
// of a workspace sets the passphrase; later ones must use the same
// (ErrWrongPassphrase otherwise). The audit event names the secret, never
// its value.
func (db *DB) PutSecret(ws, name string, value, passphrase []byte) error {
	if err := validID("l'identifiant", name); err != nil {
		return err
	}
	now := db.now()
	return db.update(func(tx *bolt.Tx) error {
		w, err := getWS(tx, ws)
		if err != nil {
			return err
		}
		key, err := db.keyFor(w, ws, passphrase, true)
		if err != nil {
			return err
		}
		blob, err := seal(key, value, secretAD(name))
		if err != nil {
			return err
		}
		if err := w.put(secretKey(name), blob); err != nil {
			return err
		}
		return w.addEvent(Event{At: now, Workspace: ws, Action: ActionSecretPut, To: name})
	})
}

// Secret opens one sealed secret. ErrWrongPassphrase, ErrNotFound.
func (db *DB) Secret(ws, name string, passphrase []byte) ([]byte, error) {
	var out []byte
	err := db.view(func(tx *bolt.Tx) error {
		w, err := getWS(tx, ws)
		if err != nil {
			return err
		}
		blob, err := w.get(secretKey(name))
		if err != nil {
			return err
		}
		if blob == nil {
			return &NotFoundError{What: "secret", ID: name}
		}
		blob = append([]byte(nil), blob...)
		key, err := db.keyFor(w, ws, passphrase, false)
		if err != nil {
			return err
		}
		plain, ok, err := open(key, blob, secretAD(name))
		if err != nil {
			return err
		}
		if !ok {
			return &FormatError{What: "identifiant chiffré " + name, Msg: "authentification échouée (altéré)"}
		}
		out = plain
		return nil
	})
	return out, err
}

// SecretNames lists the names of a workspace's secrets, without the
// passphrase.
func (db *DB) SecretNames(ws string) ([]string, error) {
	var out []string
	err := db.view(func(tx *bolt.Tx) error {
		w, err := getWS(tx, ws)
		if err != nil {
			return err
		}
		return w.forEachTag(tagSecret, func(k, _ []byte) error {
			out = append(out, string(k[1:]))
			return nil
		})
	})
	sort.Strings(out)
	return out, err
}

// DeleteSecret removes one secret.
func (db *DB) DeleteSecret(ws, name string) error {
	return db.update(func(tx *bolt.Tx) error {
		w, err := getWS(tx, ws)
		if err != nil {
			return err
		}
		return w.b.Delete(secretKey(name))
	})
}
