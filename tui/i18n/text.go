package i18n

import (
	"fmt"

	"github.com/bascule-cli/bascule/checklist"
)

// Text is a message in both languages, for what carries a checklist.Text
// (a checklist.Error, a form's label): pick chooses the message, a format
// string when args are given. An argument with a text per language (an
// In(checklist.Lang) method, as checklist.Text) is written in each.
func Text(pick func(*Messages) string, args ...any) checklist.Text {
	return checklist.Text{FR: Format(checklist.French, pick, args...), EN: Format(checklist.English, pick, args...)}
}

// Format writes the message pick chooses in lang, its arguments with a
// text per language in lang too.
func Format(lang checklist.Lang, pick func(*Messages) string, args ...any) string {
	msg := pick(Of(lang))
	if len(args) == 0 {
		return msg
	}
	in := make([]any, len(args))
	for i, a := range args {
		if t, ok := a.(interface{ In(checklist.Lang) string }); ok {
			in[i] = t.In(lang)
		} else {
			in[i] = a
		}
	}
	return fmt.Sprintf(msg, in...)
}

// Count writes n and the noun agreed with it in lang, thousands separated:
// "0 résultat", "3 résultats", "10 603 clients".
func (w Noun) Count(lang checklist.Lang, n int) string {
	return checklist.FormatInt(lang, n) + " " + checklist.Plural(lang, n, w.One, w.Many)
}
