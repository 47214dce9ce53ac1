package report

import (
	"fmt"
	"strings"

	"github.com/bascule-cli/bascule/checklist"
)

// The store's action ids the journal knows how to tell. Any other prints
// as "action (detail)": a new action is visible before it has a sentence.
const (
	actionStep            = "step.update"
	actionPending         = "dossier.pending_invoices"
	actionLeftV1          = "dossier.left_v1"
	actionOverride        = "gate.override"
	actionRequest         = "request.update"
	actionDossiersPut     = "dossiers.put"
	actionWorkspaceCreate = "workspace.create"
	actionWorkspaceUpdate = "workspace.update"
	actionWorkspaceImport = "workspace.import"
	actionSecretPut       = "secret.put"
	actionClientPurge     = "client.purge"
)

// Sentence tells an audit event with the client's name and the step's
// title, in lang: "« Accepter les factures en attente » pour Boulangerie
// Lefèvre : passe de « à faire » à « en cours »." The reports and the
// program's session view both tell events with it.
func Sentence(run *checklist.Run, e Entry, lang checklist.Lang) string {
	who := ""
	if e.Client != "" {
		who = e.Client
		if ci := run.ClientIndex(e.Client); ci >= 0 {
			who = run.Clients[ci].Name
		}
	}
	step := e.Step
	if s, ok := run.Guide.Step(e.Step); ok {
		step = s.Title.In(lang)
	}
	for_ := func(s string) string { // "… pour Boulangerie Lefèvre" when a client is named
		if who == "" {
			return s
		}
		return s + textsOf(lang).For + who
	}
	switch e.Action {
	case actionStep:
		s := for_(fmt.Sprintf(textsOf(lang).QuotedFmt, step))
		var parts []string
		if e.From != "" && e.To != "" && e.From != e.To {
			parts = append(parts, textsOf(lang).GoesFrom+statusText(e.From, lang)+textsOf(lang).To+statusText(e.To, lang)+textsOf(lang).Quote)
		} else if e.To != "" && e.From == e.To {
			parts = append(parts, textsOf(lang).Stays+statusText(e.To, lang)+textsOf(lang).Quote)
		}
		parts = append(parts, stepDetail(e.Detail, fieldLabels(run, e.Step, lang), lang)...)
		if len(parts) == 0 {
			parts = append(parts, textsOf(lang).Changed)
		}
		return s + textsOf(lang).Colon + strings.Join(parts, ", ") + "."
	case actionPending:
		return fmt.Sprintf(textsOf(lang).InvoicesPendingOnV1Fmt,
			orWord(who, textsOf(lang).AClient), pendingWord(e.From, lang), pendingWord(e.To, lang))
	case actionLeftV1:
		if e.To == "true" {
			return orWord(who, e.Client) + textsOf(lang).IsNoLongerOn
		}
		return orWord(who, e.Client) + textsOf(lang).IsBackOnV1s
	case actionOverride:
		return textsOf(lang).Override2 + run.GateTitle(e.To).In(lang) + reasonOf(e.Detail, lang) + "."
	case actionRequest:
		s := textsOf(lang).MigrationRequest
		switch {
		case e.To == "":
			s += textsOf(lang).Recorded2
		case e.From != "" && e.From != e.To:
			s += requestState(e.From, lang) + " → " + requestState(e.To, lang)
		default:
			s += requestState(e.To, lang)
		}
		if ref := strings.TrimSpace(strings.TrimPrefix(e.Detail, "référence")); ref != "" {
			s += textsOf(lang).Reference + ref + ")"
		}
		return s + "."
	case actionDossiersPut:
		return textsOf(lang).ClientDossiersRecorded + paren(e.Detail) + "."
	case actionWorkspaceCreate:
		return textsOf(lang).WorkspaceCreated + paren(e.To) + "."
	case actionWorkspaceUpdate:
		return textsOf(lang).WorkspaceChanged + paren(e.Detail) + "."
	case actionWorkspaceImport:
		return textsOf(lang).WorkspaceImported + paren(e.Detail) + "."
	case actionSecretPut:
		return textsOf(lang).SecretRecordedSealed + paren(e.To) + "."
	case actionClientPurge:
		return textsOf(lang).PersonalDataErasedFor + orWord(who, e.Client) + "."
	}
	return strings.TrimSpace(e.Action + paren(joinNonEmpty(" ; ", step, e.Detail)))
}

// stepDetail reads the store's detail of a step change ("raison : x ;
// note modifiée ; saisie : email, name ; preuve v1 : ok") into words.
func stepDetail(detail string, labels map[string]string, lang checklist.Lang) []string {
	var out []string
	for _, p := range strings.Split(detail, " ; ") {
		p = strings.TrimSpace(p)
		switch {
		case p == "":
		case strings.HasPrefix(p, "raison : "):
			out = append(out, textsOf(lang).Reason3+strings.TrimPrefix(p, "raison : "))
		case p == "note modifiée":
			out = append(out, textsOf(lang).NoteChanged)
		case strings.HasPrefix(p, "saisie : "):
			fields := strings.Split(strings.TrimPrefix(p, "saisie : "), ", ")
			for i, f := range fields {
				if l, ok := labels[f]; ok {
					fields[i] = strings.ToLower(l)
				}
			}
			out = append(out, textsOf(lang).EntryChanged+strings.Join(fields, ", ")+")")
		case strings.HasPrefix(p, "preuve "):
			rest := strings.TrimPrefix(p, "preuve ")
			src, verdict, _ := strings.Cut(rest, " : ")
			v := textsOf(lang).AsExpected
			if verdict != "ok" {
				v = textsOf(lang).Discrepancy
			}
			out = append(out, textsOf(lang).CheckedOn+sourceName(src, lang)+" ("+v+")")
		default:
			out = append(out, p)
		}
	}
	return out
}

// GateTitle names a gate for the reader when the run is not at hand (the
// report's overrides carry their Title, from the run).
func GateTitle(id string, lang checklist.Lang) string {
	if id == checklist.GateRequestReadiness {
		return textsOf(lang).RequestAllowedAnyway
	}
	return id
}

// overrideTitle is GateTitle with the run's step titles and client names.
func overrideTitle(o Override, lang checklist.Lang) string {
	if o.Title != "" {
		return o.Title
	}
	return GateTitle(o.Gate, lang)
}

func statusText(id string, lang checklist.Lang) string {
	if st, ok := checklist.ParseStatus(id); ok {
		return st.Title().In(lang)
	}
	return id
}

func requestState(id string, lang checklist.Lang) string {
	m := textsOf(lang)
	switch id {
	case "submitted":
		return m.RequestSent
	case "in_progress":
		return m.RequestInProgress
	case "succeeded":
		return m.RequestSucceeded
	case "failed":
		return m.RequestFailed
	}
	return id
}

func sourceName(id string, lang checklist.Lang) string {
	switch id {
	case "v1":
		return "V1"
	case "v2":
		return "V2"
	case "sandbox":
		return textsOf(lang).TheDemo
	case "file":
		return textsOf(lang).AFile
	}
	return id
}

func pendingWord(n string, lang checklist.Lang) string {
	if n == "-1" || n == "" {
		return textsOf(lang).NotChecked
	}
	return n
}

func reasonOf(detail string, lang checklist.Lang) string {
	r := strings.TrimSpace(strings.TrimPrefix(detail, "raison : "))
	if r == "" {
		return ""
	}
	return textsOf(lang).ReasonOpen + r + ")"
}

func paren(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	return " (" + s + ")"
}

func orWord(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// fieldLabels maps the field ids of a step's form to their labels, so that
// "saisie : iban, holder" reads "saisie modifiée (iban, titulaire)".
func fieldLabels(run *checklist.Run, step string, lang checklist.Lang) map[string]string {
	s, ok := run.Guide.Step(step)
	if !ok || s.Form == nil {
		return nil
	}
	out := make(map[string]string, len(s.Form.Fields))
	for _, f := range s.Form.Fields {
		out[f.ID] = f.Label.In(lang)
	}
	return out
}
