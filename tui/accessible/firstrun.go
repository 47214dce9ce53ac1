package accessible

import (
	"errors"
	"fmt"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/tui"
	engine "github.com/bascule-cli/bascule/tui/session"
)

// chosen is a workspace chosen or created, with the passphrase typed when
// it was created (API mode), nil otherwise.
type chosen struct {
	ws   tui.Workspace
	pass []byte
}

// chooseWorkspace lists the workspaces of the database with "create a new
// one" last; with none, it goes straight to the creation. nil when the
// user goes back.
func (s *session) chooseWorkspace(fromMenu bool) (*chosen, error) {
	if s.opts.Workspaces == nil {
		return nil, errors.New(s.tr("aucun espace de travail ouvert", "no workspace open"))
	}
	list, err := s.opts.Workspaces.ListWorkspaces()
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		s.println(s.tr("Aucun espace de travail dans cette base : créons-en un.", "No workspace in this database: let us create one."))
		return s.createWorkspace()
	}
	labels := make([]string, 0, len(list)+1)
	for _, w := range list {
		l := w.Cabinet.LegalName + " · SIREN " + ident.FormatSIREN(w.Cabinet.SIREN) + " · " + tui.ModeTitle(s.lang, w.Mode)
		if fromMenu && w.ID == s.ws.ID {
			l += s.tr(" (ouvert)", " (open)")
		}
		labels = append(labels, l)
	}
	labels = append(labels, s.tr("Créer un nouvel espace de travail", "Create a new workspace"))
	for {
		i, err := s.choose(s.tr("Espace de travail (un par cabinet migré) :", "Workspace (one per migrated firm):"), labels)
		if err != nil || i < 0 {
			return nil, err
		}
		if i < len(list) {
			return &chosen{ws: list[i]}, nil
		}
		c, err := s.createWorkspace()
		if err != nil || c != nil {
			return c, err
		}
	}
}

// askField asks one answer until fl.Validate accepts it, printing its
// message (the full-screen form's) otherwise.
func (s *session) askField(prompt string, fl checklist.Field) (string, error) {
	for {
		v, err := s.ask(prompt)
		if err != nil {
			return "", err
		}
		if msg := fl.Validate(v); msg != nil {
			s.println(msg.In(s.lang))
			continue
		}
		return v, nil
	}
}

// askSecretField is askField for a secret: read without echo on a
// terminal, never written out.
func (s *session) askSecretField(prompt string, fl checklist.Field) (string, error) {
	for {
		v, err := s.askSecret(prompt)
		if err != nil {
			return "", err
		}
		if msg := fl.Validate(v); msg != nil {
			s.println(msg.In(s.lang))
			continue
		}
		return v, nil
	}
}

// createWorkspace is the first run as line prompts: the full-screen
// screen's questions, in its order, checked by the same fields, and the
// workspace created by the engine (session.CreateWorkspace: in the
// Workspaces store, ImportDossiers in files mode, the client secret sealed
// in API mode). nil when the user goes back at the first question.
func (s *session) createWorkspace() (*chosen, error) {
	s.println()
	s.println(s.tr("Nouvel espace de travail.", "New workspace."))
	modes, labels := tui.FirstRunModes(s.lang)
	i, err := s.choose(s.tr("Connecteurs : comment bascule lit V1 et V2 pour ce cabinet ?", "Connectors: how does bascule read V1 and V2 for this firm?"), labels)
	if err != nil || i < 0 {
		return nil, err
	}
	a := engine.NewWorkspace{Mode: modes[i], ImportDossiers: s.opts.ImportDossiers, Secrets: s.opts.Secrets, Lang: s.lang}
	if s.opts.Workspaces != nil {
		a.DemoID, a.DemoV1 = s.opts.Workspaces.DemoID(), s.opts.Workspaces.DemoV1
	}
	operator := func() error {
		v, err := s.askField(s.tr("Votre nom (opérateur) :", "Your name (operator):"), tui.FirstRunField("operator"))
		a.Operator = v
		return err
	}
	if a.Mode == tui.ModeDemo {
		s.println(s.tr("La démonstration utilise le cabinet fictif de la plateforme simulée, avec son identité et ses clients : rien n'est demandé sur le cabinet.",
			"The demo uses the simulated platform's fictitious firm, with its identity and clients: nothing is asked about the firm."))
		if err := operator(); err != nil {
			return nil, err
		}
	} else {
		s.println(s.tr("Identité du cabinet : elle sert à vérifier l'inscription sur V2 (§3.1). Toutes les réponses sont obligatoires.",
			"The firm's identity: it is used to check the V2 registration (§3.1). Every answer is required."))
		if a.SIREN, err = s.askField(s.tr("SIREN du cabinet (9 chiffres) :", "The firm's SIREN (9 digits):"), tui.FirstRunField("siren")); err != nil {
			return nil, err
		}
		if a.LegalName, err = s.askField(s.tr("Raison sociale :", "Legal name:"), tui.FirstRunField("legal_name")); err != nil {
			return nil, err
		}
		if a.Email, err = s.askField(s.tr("E-mail du responsable :", "Manager e-mail:"), tui.FirstRunField("email")); err != nil {
			return nil, err
		}
		if err := operator(); err != nil {
			return nil, err
		}
	}
	if a.Mode == tui.ModeAPI {
		if err := s.askAPI(&a); err != nil {
			return nil, err
		}
	}
	for {
		if a.Mode == tui.ModeFiles {
			s.println(s.tr("Fichier d'export des clients V1 (CSV ou xlsx), exporté depuis l'onglet Clients de V1 (bouton Exporter). Les clients actifs deviennent les dossiers ; les lignes refusées sont listées.",
				"V1 clients export file (CSV or xlsx), exported from V1's Clients tab (Export button). Active clients become the dossiers; rejected rows are listed."))
			if a.ExportPath, err = s.askField(s.tr("Chemin du fichier d'export :", "Path of the export file:"), tui.FirstRunField("export")); err != nil {
				return nil, err
			}
		}
		s.println(s.tr("Création de l'espace de travail…", "Creating the workspace…"))
		res, err := engine.CreateWorkspace(s.ctx, s.opts.Workspaces, a)
		if err != nil {
			if s.ctx.Err() != nil {
				return nil, s.ctx.Err()
			}
			s.println(s.tr("Création impossible : ", "Could not create the workspace: ") + s.errText(err))
			if res.ImportFailed {
				continue // another file
			}
			if res.Workspace.ID == "" {
				return nil, nil
			}
		}
		a.ClientSecret = nil
		ws := res.Workspace
		s.println(fmt.Sprintf(s.tr("Espace de travail créé : %s · SIREN %s · %s.", "Workspace created: %s · SIREN %s · %s."),
			ws.Cabinet.LegalName, ident.FormatSIREN(ws.Cabinet.SIREN), tui.ModeTitle(s.lang, ws.Mode)))
		if a.Mode == tui.ModeFiles {
			s.reportImport(res)
		}
		if a.Mode == tui.ModeAPI && err == nil {
			s.println(s.tr("Secret client scellé (chiffré) sous la phrase secrète de l'espace.", "Client secret sealed under the workspace passphrase."))
		}
		return &chosen{ws: ws, pass: a.Passphrase}, nil
	}
}

// askAPI asks the API mode's addresses and client credentials; the
// secret and the passphrase are read without echo on a terminal.
func (s *session) askAPI(a *engine.NewWorkspace) error {
	s.println(s.tr("API V1/V2 : les mêmes identifiants client servent pour V1 et V2.", "V1/V2 API: the same client credentials are used for V1 and V2."))
	var err error
	if a.V1URL, err = s.askField(s.tr("Adresse de l'API V1 (https://…) :", "V1 API address (https://…):"), tui.FirstRunField("api_url")); err != nil {
		return err
	}
	if a.V2URL, err = s.ask(s.tr("Adresse de l'API V2 (facultative ; entrée pour aucune) :", "V2 API address (optional; enter for none):")); err != nil {
		return err
	}
	if a.ClientID, err = s.askField(s.tr("Identifiant client :", "Client id:"), tui.FirstRunField("client_id")); err != nil {
		return err
	}
	secret, err := s.askSecretField(s.tr("Secret client (masqué) :", "Client secret (hidden):"), tui.FirstRunField("client_secret"))
	if err != nil {
		return err
	}
	a.ClientSecret = []byte(secret)
	s.println(s.tr("La phrase secrète de l'espace chiffre le secret client dans la base et sera demandée pour le lire ; elle n'est pas enregistrée.",
		"The workspace passphrase seals the client secret in the database and will be asked to read it; it is not stored."))
	for {
		p, err := s.askSecretField(s.tr("Phrase secrète de l'espace (masquée) :", "Workspace passphrase (hidden):"), tui.FirstRunField("passphrase"))
		if err != nil {
			return err
		}
		again, err := s.askSecret(s.tr("Retapez-la :", "Type it again:"))
		if err != nil {
			return err
		}
		if again == p {
			a.Passphrase = []byte(p)
			return nil
		}
		s.println(s.tr("Les deux saisies diffèrent ; recommencez.", "The two entries differ; start again."))
	}
}

// maxReportRows is how many rejected rows are read out, as on the
// full-screen first run.
const maxReportRows = 12

// reportImport says how many dossiers the V1 export gave and lists its
// rejected rows.
func (s *session) reportImport(res engine.CreatedWorkspace) {
	s.println(tui.ImportSummary(s.lang, res.Imported, len(res.RowErrors)) + ".")
	if len(res.RowErrors) == 0 {
		return
	}
	rows := res.RowErrors
	if len(rows) > maxReportRows {
		rows = rows[:maxReportRows]
	}
	for _, r := range rows {
		s.println("  - " + r)
	}
	if more := len(res.RowErrors) - len(rows); more > 0 {
		s.println(fmt.Sprintf(s.tr("  … et %d autres", "  … and %d more"), more))
	}
	s.println(s.tr("Ces lignes ne sont pas importées : corrigez le fichier et importez-les plus tard (§3.4).",
		"These rows are not imported: fix the file and import them later (§3.4)."))
}
