package accessible

import (
	"errors"
	"fmt"
	"strings"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/tui"
	"github.com/bascule-cli/bascule/tui/i18n"
)

// secretNames are the names of the workspace's sealed secrets (read
// without the passphrase).
func (s *session) secretNames() map[string]bool {
	out := map[string]bool{}
	if s.opts.Secrets == nil {
		return out
	}
	names, _ := s.opts.Secrets.SecretNames(s.ws.ID)
	for _, n := range names {
		out[n] = true
	}
	return out
}

// recordLine reads one captured item out: its values, IBANs masked, and a
// secret as "secret enregistré (chiffré)", never its value.
func (s *session) recordLine(ref checklist.Ref, f *checklist.Form, r checklist.Record, secrets map[string]bool) string {
	var parts []string
	for _, fl := range f.Fields {
		if fl.Type == checklist.FieldSecret {
			if secrets[tui.SecretName(ref, fl, r)] {
				parts = append(parts, fl.Label.In(s.lang)+i18n.Of(s.lang).Colon+tui.SecretSavedText(s.lang))
			}
			continue
		}
		if v := fl.ShownValue(r[fl.ID], s.lang); v != "" {
			parts = append(parts, fl.Label.In(s.lang)+i18n.Of(s.lang).Colon+v)
		}
	}
	return strings.Join(parts, " · ")
}

// capture fills a step's capture: one form for a single record; for a list
// (collaborators, IBANs…), add, edit or delete items, then finish.
func (s *session) capture(ref checklist.Ref, st *checklist.Step, state checklist.StepState) error {
	var items []checklist.Record
	if state.Capture != nil {
		items = append(items, state.Capture.Items...)
	}
	if !st.Form.Repeated {
		var rec checklist.Record
		if len(items) > 0 {
			rec = items[0]
		}
		rec, ok, err := s.fillItem(ref, st, rec, "")
		if err != nil || !ok {
			return err
		}
		return s.saveCapture(ref, st, []checklist.Record{rec}, checklist.StatusDone)
	}
	label := st.Form.ItemLabel.In(s.lang)
	for {
		names := s.secretNames()
		s.println()
		s.println(fmt.Sprintf("%s — %d %s", st.Title.In(s.lang), len(items), label))
		for i, r := range items {
			s.printf("  %d. %s\n", i+1, s.recordLine(ref, st.Form, r, names))
		}
		actions := []string{
			fmt.Sprintf(i18n.Of(s.lang).AddFmt, label),
			i18n.Of(s.lang).EditAnItem,
			i18n.Of(s.lang).DeleteAnItem,
			i18n.Of(s.lang).FinishMarkTheStep,
		}
		i, err := s.choose(i18n.Of(s.lang).WhatToDo, actions)
		if err != nil || i < 0 {
			return err
		}
		switch i {
		case 0:
			rec, ok, err := s.fillItem(ref, st, nil, fmt.Sprintf(i18n.Of(s.lang).AddFmt, label))
			if err != nil {
				return err
			}
			if ok {
				items = append(items, rec)
				if err := s.saveCapture(ref, st, items, checklist.StatusInProgress); err != nil {
					return err
				}
			}
		case 1, 2:
			if len(items) == 0 {
				s.println(i18n.Of(s.lang).TheListIsEmpty)
				continue
			}
			n, err := s.pickItem(items)
			if err != nil {
				return err
			}
			if n < 0 {
				continue
			}
			if i == 2 {
				ok, err := s.yesNo(fmt.Sprintf(i18n.Of(s.lang).DeleteItemFmt, n+1), false)
				if err != nil {
					return err
				}
				if ok {
					items = append(items[:n:n], items[n+1:]...)
					if err := s.saveCapture(ref, st, items, checklist.StatusInProgress); err != nil {
						return err
					}
				}
				continue
			}
			rec, ok, err := s.fillItem(ref, st, items[n], fmt.Sprintf(i18n.Of(s.lang).EditFmt, label, n+1))
			if err != nil {
				return err
			}
			if ok {
				items[n] = rec
				if err := s.saveCapture(ref, st, items, checklist.StatusInProgress); err != nil {
					return err
				}
			}
		case 3:
			return s.saveCapture(ref, st, items, checklist.StatusDone)
		}
	}
}

func (s *session) pickItem(items []checklist.Record) (int, error) {
	for {
		v, err := s.ask(fmt.Sprintf(i18n.Of(s.lang).ItemNumber1ToFmt, len(items)))
		if err != nil {
			return -1, err
		}
		if i, ok, err := s.parseChoice(v, len(items)); err != nil || ok {
			return i, err
		}
	}
}

// fillItem runs one item's form in huh's accessible mode, then seals its
// secrets. ok is false when the form was left unfinished.
func (s *session) fillItem(ref checklist.Ref, st *checklist.Step, old checklist.Record, title string) (checklist.Record, bool, error) {
	if title != "" {
		s.println(title)
	}
	s.println(i18n.Of(s.lang).FieldsMarkedAreRequired)
	var rec checklist.Record
	var ans *itemAnswers
	for {
		form, a := s.itemForm(st.Form, old)
		ans = a
		if err := form.RunWithContext(s.ctx); err != nil {
			return nil, false, err
		}
		if s.in.eof {
			return nil, false, errEOF
		}
		// The item as a whole (dates in order, files and counts) is
		// checked here, where it is typed: what is wrong is asked again.
		done, _, errs := st.Form.CheckItem(ans.record(st.Form, old), s.opts.Files)
		if len(errs) == 0 {
			rec = done
			break
		}
		for _, e := range errs {
			s.println(i18n.Of(s.lang).ToFix + e.Message.In(s.lang))
		}
		old = done
	}
	for _, fl := range tui.SecretFields(st.Form) {
		v := *ans.secrets[fl.ID]
		if v == "" {
			continue
		}
		if err := s.sealSecret(tui.SecretName(ref, fl, rec), v); err != nil {
			return nil, false, err
		}
	}
	return rec, true, nil
}

// saveCapture writes the items; to is the status the step moves to, except
// that an edit does not take a step already resolved back to "en cours".
func (s *session) saveCapture(ref checklist.Ref, st *checklist.Step, items []checklist.Record, to checklist.Status) error {
	capt, ev, errs := st.Form.Check(checklist.Capture{Items: items}, s.opts.Files, s.opts.Now())
	if len(errs) > 0 && to == checklist.StatusDone {
		s.println(i18n.Of(s.lang).Refused + errs[0].Message.In(s.lang))
		return nil
	}
	ch := tui.StepChange{Ref: ref, Capture: &capt, Evidence: ev}
	if cur, err := s.run.Status(ref); err == nil {
		if st, ok := checklist.StatusAfterCapture(cur, to); ok {
			ch.Status = statusPtr(st)
		}
	}
	return s.apply(ch, st)
}

// sealSecret stores a secret under the workspace's passphrase, asked now
// (once per session) and asked again when it is wrong. An empty passphrase
// gives up: the secret is not kept.
func (s *session) sealSecret(name, value string) error {
	if s.opts.Secrets == nil {
		s.println(i18n.Of(s.lang).SecretNotSavedNo2)
		return nil
	}
	for {
		if s.pass == nil {
			p, err := s.askPassphrase()
			if err != nil {
				return err
			}
			if p == nil {
				s.println(i18n.Of(s.lang).SecretNotSaved)
				return nil
			}
			s.pass = p
		}
		err := s.opts.Secrets.PutSecret(s.ws.ID, name, []byte(value), s.pass)
		switch {
		case err == nil:
			s.println(tui.SecretSavedText(s.lang) + i18n.Of(s.lang).Colon + name)
			return nil
		case tui.WrongPassphrase(err):
			s.pass = nil
			s.println(tui.PassphraseErrorText(s.lang))
		case errors.Is(err, checklist.ErrNoPassphrase):
			s.pass = nil
		default:
			return err
		}
	}
}

// askPassphrase asks the workspace's passphrase; the first secret of a
// workspace sets it, so it is then typed twice. nil when the user gives up.
func (s *session) askPassphrase() ([]byte, error) {
	names, _ := s.opts.Secrets.SecretNames(s.ws.ID)
	first := len(names) == 0
	for {
		prompt := i18n.Of(s.lang).WorkspacePassphraseHiddenEnter
		if first {
			prompt = i18n.Of(s.lang).ChooseThePassphraseThat
		}
		p, err := s.askSecret(prompt)
		if err != nil || p == "" {
			return nil, err
		}
		if !first {
			return []byte(p), nil
		}
		again, err := s.askSecret(i18n.Of(s.lang).TypeItAgain2)
		if err != nil {
			return nil, err
		}
		if again == p {
			return []byte(p), nil
		}
		s.println(i18n.Of(s.lang).TheTwoEntriesDiffer2)
	}
}
