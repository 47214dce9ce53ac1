package accessible

import (
	"errors"
	"fmt"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/tui"
	"github.com/bascule-cli/bascule/tui/i18n"
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
		return nil, errors.New(i18n.Of(s.lang).NoWorkspaceOpen)
	}
	list, err := s.opts.Workspaces.ListWorkspaces()
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		s.println(i18n.Of(s.lang).NoWorkspaceInThis)
		return s.createWorkspace()
	}
	labels := make([]string, 0, len(list)+1)
	for _, w := range list {
		l := w.Cabinet.LegalName + " · SIREN " + ident.FormatSIREN(w.Cabinet.SIREN) + " · " + tui.ModeTitle(s.lang, w.Mode)
		if fromMenu && w.ID == s.ws.ID {
			l += i18n.Of(s.lang).Open2
		}
		labels = append(labels, l)
	}
	labels = append(labels, i18n.Of(s.lang).CreateANewWorkspace2)
	for {
		i, err := s.choose(i18n.Of(s.lang).WorkspaceOnePerMigrated, labels)
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
	s.println(i18n.Of(s.lang).NewWorkspace2)
	modes, labels := tui.FirstRunModes(s.lang)
	i, err := s.choose(i18n.Of(s.lang).ConnectorsHowDoesBascule, labels)
	if err != nil || i < 0 {
		return nil, err
	}
	a := engine.NewWorkspace{Mode: modes[i], ImportDossiers: s.opts.ImportDossiers, Secrets: s.opts.Secrets, Lang: s.lang}
	if s.opts.Workspaces != nil {
		a.DemoID, a.DemoV1 = s.opts.Workspaces.DemoID(), s.opts.Workspaces.DemoV1
	}
	operator := func() error {
		v, err := s.askField(i18n.Of(s.lang).YourNameOperator2, tui.FirstRunField("operator"))
		a.Operator = v
		return err
	}
	if a.Mode == tui.ModeDemo {
		s.println(i18n.Of(s.lang).TheDemoUsesThe)
		if err := operator(); err != nil {
			return nil, err
		}
	} else {
		s.println(i18n.Of(s.lang).TheFirmsIdentityIt)
		if a.SIREN, err = s.askField(i18n.Of(s.lang).TheFirmsSIREN9, tui.FirstRunField("siren")); err != nil {
			return nil, err
		}
		if a.LegalName, err = s.askField(i18n.Of(s.lang).LegalName2, tui.FirstRunField("legal_name")); err != nil {
			return nil, err
		}
		if a.Email, err = s.askField(i18n.Of(s.lang).ManagerEMail2, tui.FirstRunField("email")); err != nil {
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
			s.println(i18n.Of(s.lang).V1ClientsExportFile2)
			if a.ExportPath, err = s.askField(i18n.Of(s.lang).PathOfTheExport, tui.FirstRunField("export")); err != nil {
				return nil, err
			}
		}
		s.println(i18n.Of(s.lang).CreatingTheWorkspace)
		res, err := engine.CreateWorkspace(s.ctx, s.opts.Workspaces, a)
		if err != nil {
			if s.ctx.Err() != nil {
				return nil, s.ctx.Err()
			}
			s.println(i18n.Of(s.lang).CouldNotCreateThe + s.errText(err))
			if res.ImportFailed {
				continue // another file
			}
			if res.Workspace.ID == "" {
				return nil, nil
			}
		}
		a.ClientSecret = nil
		ws := res.Workspace
		s.println(fmt.Sprintf(i18n.Of(s.lang).WorkspaceCreatedSIRENFmt,
			ws.Cabinet.LegalName, ident.FormatSIREN(ws.Cabinet.SIREN), tui.ModeTitle(s.lang, ws.Mode)))
		if a.Mode == tui.ModeFiles {
			s.reportImport(res)
		}
		if a.Mode == tui.ModeAPI && err == nil {
			s.println(i18n.Of(s.lang).ClientSecretSealedUnder)
		}
		return &chosen{ws: ws, pass: a.Passphrase}, nil
	}
}

// askAPI asks the API mode's addresses and client credentials; the
// secret and the passphrase are read without echo on a terminal.
func (s *session) askAPI(a *engine.NewWorkspace) error {
	s.println(i18n.Of(s.lang).V1V2APIThe)
	var err error
	if a.V1URL, err = s.askField(i18n.Of(s.lang).V1APIAddressHttps, tui.FirstRunField("api_url")); err != nil {
		return err
	}
	if a.V2URL, err = s.ask(i18n.Of(s.lang).V2APIAddressOptional); err != nil {
		return err
	}
	if a.ClientID, err = s.askField(i18n.Of(s.lang).ClientId2, tui.FirstRunField("client_id")); err != nil {
		return err
	}
	secret, err := s.askSecretField(i18n.Of(s.lang).ClientSecretHidden, tui.FirstRunField("client_secret"))
	if err != nil {
		return err
	}
	a.ClientSecret = []byte(secret)
	s.println(i18n.Of(s.lang).TheWorkspacePassphraseSeals)
	for {
		p, err := s.askSecretField(i18n.Of(s.lang).WorkspacePassphraseHidden, tui.FirstRunField("passphrase"))
		if err != nil {
			return err
		}
		again, err := s.askSecret(i18n.Of(s.lang).TypeItAgain2)
		if err != nil {
			return err
		}
		if again == p {
			a.Passphrase = []byte(p)
			return nil
		}
		s.println(i18n.Of(s.lang).TheTwoEntriesDiffer2)
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
		s.println(fmt.Sprintf(i18n.Of(s.lang).AndMore3Fmt, more))
	}
	s.println(i18n.Of(s.lang).TheseRowsAreNot2)
}
