package tui

import (
	"strings"
	"sync"
	"testing"

	"github.com/bascule-cli/bascule/store"
)

// fakeSecrets is a vault with one passphrase, as the store's: a wrong one
// is refused with store.ErrWrongPassphrase.
type fakeSecrets struct {
	mu     sync.Mutex
	pass   string
	values map[string]string
}

func (f *fakeSecrets) PutSecret(ws, name string, value, pass []byte) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.pass == "" {
		f.pass = string(pass)
	}
	if string(pass) != f.pass {
		return &store.PassphraseError{Workspace: ws}
	}
	f.values[name] = string(value)
	return nil
}

func (f *fakeSecrets) Secret(ws, name string, pass []byte) ([]byte, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if string(pass) != f.pass {
		return nil, &store.PassphraseError{Workspace: ws}
	}
	return []byte(f.values[name]), nil
}

func (f *fakeSecrets) SecretNames(ws string) ([]string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for n := range f.values {
		out = append(out, n)
	}
	return out, nil
}

func TestCaptureSecretMaskedSealedWithRetry(t *testing.T) {
	env := newTestEnv(5)
	sec := &fakeSecrets{pass: "bonne phrase", values: map[string]string{SecretV1ClientSecret: "x"}}
	env.opts.Secrets = sec
	d := newDriver(t, env.opts, 100, 30)
	d.key("c", "down", "down", "enter")
	d.mustSee("Ajouter : connexion", "Logiciel *", "Identifiant ou token (chiffré)")
	d.key("enter") // MyUnisoft
	d.typeText("cabinet")
	d.key("enter", "o", "o")
	d.typeText("jeton-myunisoft")
	d.mustNotSee("jeton-myunisoft") // masked
	d.key("enter")
	d.mustSee("Phrase secrète de l'espace")
	d.typeText("mauvaise")
	d.mustNotSee("mauvaise")
	d.key("enter")
	d.mustSee("Phrase secrète incorrecte")
	d.typeText("bonne phrase")
	d.key("enter")
	d.mustSee("1 connexion", "MyUnisoft · cabinet", "secret enregistré (chiffré)")
	d.mustNotSee("jeton-myunisoft")
	if got := sec.values["api.myunisoft.cabinet"]; got != "jeton-myunisoft" {
		t.Fatalf("sealed value %q, names %v", got, sec.values)
	}
	st := env.store.state(refOf("preparation.cabinet.api_connections", ""))
	if st.Capture == nil || len(st.Capture.Items) != 1 {
		t.Fatalf("capture %+v", st.Capture)
	}
	for k, v := range st.Capture.Items[0] {
		if k == "credential" || strings.Contains(v, "jeton") {
			t.Fatalf("the secret is in the capture record: %v", st.Capture.Items[0])
		}
	}
	// A second secret uses the passphrase already given: no question.
	d.key("a", "down", "enter")
	d.typeText("552 008 443")
	d.key("enter", "o", "n")
	d.typeText("cle-acd")
	d.key("enter")
	d.mustNotSee("Phrase secrète de l'espace")
	d.mustSee("2 connexions")
	if sec.values["api.acd.552008443"] != "cle-acd" {
		t.Fatalf("second secret: %v", sec.values)
	}
	// The steps screen says the secret is sealed.
	d.key("t")
	d.mustSee("Saisi : 2 connexions (MyUnisoft · cabinet", "secret enregistré (chiffré)")
}

func TestCaptureSecretFirstPassphraseTypedTwice(t *testing.T) {
	env := newTestEnv(5)
	sec := &fakeSecrets{values: map[string]string{}}
	env.opts.Secrets = sec
	d := newDriver(t, env.opts, 100, 30)
	d.key("c", "down", "down", "enter", "enter")
	d.typeText("cabinet")
	d.key("enter", "o", "o")
	d.typeText("jeton")
	d.key("enter")
	d.mustSee("Choisissez la phrase secrète de l'espace", "Retapez-la")
	d.typeText("une phrase")
	d.key("enter")
	d.typeText("autre")
	d.key("enter")
	d.mustSee("les deux saisies diffèrent")
	for range len("autre") {
		d.key("backspace")
	}
	d.typeText("une phrase")
	d.key("enter")
	d.mustSee("1 connexion", "secret enregistré (chiffré)")
	if sec.pass != "une phrase" || sec.values["api.myunisoft.cabinet"] != "jeton" {
		t.Fatalf("vault: %+v", sec)
	}
}

func TestCaptureSecretPassphraseCancelKeepsItem(t *testing.T) {
	env := newTestEnv(5)
	env.opts.Secrets = &fakeSecrets{pass: "p", values: map[string]string{"x": "y"}}
	d := newDriver(t, env.opts, 100, 30)
	d.key("c", "down", "down", "enter", "enter")
	d.typeText("cabinet")
	d.key("enter", "o", "o")
	d.typeText("jeton")
	d.key("enter", "esc")
	d.mustSee("1 connexion", "Secret non enregistré")
	d.mustNotSee("secret enregistré (chiffré)")
}
