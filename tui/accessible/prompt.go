package accessible

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/term"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/tui"
	"github.com/bascule-cli/bascule/tui/i18n"
)

// Errors that end a dialogue early.
var (
	// errQuit is "q" typed at a prompt: leave the program.
	errQuit = errors.New("quit")
	// errEOF is the end of the input (a closed pipe, ctrl+d).
	errEOF = errors.New("end of input")
)

// lineReader hands out its input one line per Read. huh's accessible
// prompts build a new bufio.Scanner on every question; a scanner given the
// raw input would swallow the lines meant for the next questions (all of a
// strings.Reader, or whatever a pipe delivered at once). Reading through
// this, each scanner gets exactly one line and nothing is lost.
type lineReader struct {
	br      *bufio.Reader
	pending []byte
	eof     bool
	// fd is the input's descriptor when it is a terminal: secrets are then
	// read without echo.
	fd     uintptr
	isTerm bool
}

func newLineReader(in io.Reader) *lineReader {
	l := &lineReader{br: bufio.NewReader(in)}
	if f, ok := in.(*os.File); ok && term.IsTerminal(f.Fd()) {
		l.fd, l.isTerm = f.Fd(), true
	}
	return l
}

func (l *lineReader) Read(p []byte) (int, error) {
	if len(l.pending) == 0 {
		line, err := l.br.ReadBytes('\n')
		if len(line) == 0 {
			if err == io.EOF {
				l.eof = true
			}
			return 0, err
		}
		l.pending = line
	}
	n := copy(p, l.pending)
	l.pending = l.pending[n:]
	return n, nil
}

// line reads one line without its end, errEOF at the end of the input.
func (l *lineReader) line() (string, error) {
	var b []byte
	if len(l.pending) > 0 {
		b, l.pending = l.pending, nil
		if bytes.HasSuffix(b, []byte("\n")) {
			return strings.TrimRight(string(b), "\r\n"), nil
		}
	}
	rest, err := l.br.ReadBytes('\n')
	b = append(b, rest...)
	if len(b) == 0 && err != nil {
		l.eof = true
		return "", errEOF
	}
	return strings.TrimRight(string(b), "\r\n"), nil
}

// dialog is one conversation: the input, the output and the language.
// Everything it writes is plain text, one line at a time, so that a screen
// reader reads it in order.
type dialog struct {
	in   *lineReader
	out  io.Writer
	lang checklist.Lang
}

func (d *dialog) println(a ...any) { fmt.Fprintln(d.out, a...) }

func (d *dialog) printf(format string, a ...any) { fmt.Fprintf(d.out, format, a...) }

// ask prints a prompt and reads the answer, trimmed.
func (d *dialog) ask(prompt string) (string, error) {
	s, err := d.askRaw(prompt)
	// Every answer is cleaned where it enters: it is stored and echoed.
	return connectors.Sanitize(s), err
}

// askRaw reads an answer as typed, for a secret: it is sealed, never
// shown, and must match what the user types the next time.
func (d *dialog) askRaw(prompt string) (string, error) {
	fmt.Fprint(d.out, prompt+" ")
	s, err := d.in.line()
	if err != nil {
		d.println()
		return "", err
	}
	return strings.TrimSpace(s), nil
}

// askSecret reads a secret: without echo on a terminal, as a plain line
// otherwise (a pipe echoes nothing). The value is never written out.
func (d *dialog) askSecret(prompt string) (string, error) {
	if !d.in.isTerm {
		return d.askRaw(prompt)
	}
	fmt.Fprint(d.out, prompt+" ")
	b, err := term.ReadPassword(d.in.fd)
	d.println()
	if err != nil {
		return "", errEOF
	}
	return strings.TrimSpace(string(b)), nil
}

// choose offers numbered choices: a number picks one, an empty line goes
// back (-1), q quits. More than maxListed choices switch to type-to-search
// (search).
func (d *dialog) choose(title string, labels []string) (int, error) {
	if len(labels) > maxListed {
		keys := make([]string, len(labels))
		for i, l := range labels {
			keys[i] = tui.NormalizeQuery(l)
		}
		return d.search(title, labels, keys)
	}
	if title != "" {
		d.println(title)
	}
	for i, l := range labels {
		d.printf("%d. %s\n", i+1, l)
	}
	for {
		s, err := d.ask(fmt.Sprintf(i18n.Of(d.lang).YourChoice1ToFmt, len(labels)))
		if err != nil {
			return -1, err
		}
		if i, ok, err := d.parseChoice(s, len(labels)); err != nil || ok {
			return i, err
		}
		d.println(fmt.Sprintf(i18n.Of(d.lang).NotUnderstoodTypeAFmt, len(labels)))
	}
}

// parseChoice reads an answer to a numbered list: ok with the index, -1
// for an empty line, errQuit for q.
func (d *dialog) parseChoice(s string, n int) (int, bool, error) {
	switch strings.ToLower(s) {
	case "":
		return -1, true, nil
	case "q", "quitter", "quit":
		return -1, true, errQuit
	}
	i, err := strconv.Atoi(s)
	if err != nil || i < 1 || i > n {
		return -1, false, nil
	}
	return i - 1, true, nil
}

// maxListed is the longest list read out with numbers; beyond it the user
// types part of what they look for.
const maxListed = 20

// search is type-to-search: the user types part of a name or SIREN, sees
// at most maxListed matches numbered, and picks one by its number or types
// another search. keys are the folded search keys (tui.SearchKey).
func (d *dialog) search(title string, labels, keys []string) (int, error) {
	if title != "" {
		d.println(title)
	}
	d.println(fmt.Sprintf(i18n.Of(d.lang).ChoicesTypePartOfFmt, len(labels)))
	var shown []int
	for {
		prompt := i18n.Of(d.lang).SearchEnterToGo
		if len(shown) > 0 {
			prompt = i18n.Of(d.lang).NumberOrAnotherSearch
		}
		s, err := d.ask(prompt)
		if err != nil {
			return -1, err
		}
		if len(shown) > 0 {
			if i, ok, err := d.parseChoice(s, len(shown)); err != nil || ok {
				if i >= 0 {
					return shown[i], nil
				}
				return -1, err
			}
		} else if s == "" {
			return -1, nil
		} else if strings.EqualFold(s, "q") {
			return -1, errQuit
		}
		q := tui.NormalizeQuery(s)
		var matches []int
		for i, k := range keys {
			if strings.Contains(k, q) {
				matches = append(matches, i)
			}
		}
		shown = matches
		switch {
		case len(matches) == 0:
			d.println(fmt.Sprintf(i18n.Of(d.lang).NoMatchForFmt, s))
			continue
		case len(matches) > maxListed:
			shown = matches[:maxListed]
			d.println(fmt.Sprintf(i18n.Of(d.lang).MatchesTheFirstRefineFmt, len(matches), maxListed))
		default:
			d.println(i18n.Of(d.lang).MatchesNoun.Count(d.lang, len(matches)) + i18n.Of(d.lang).Colon2)
		}
		for n, i := range shown {
			d.printf("%d. %s\n", n+1, labels[i])
		}
	}
}

// yesNo asks a yes/no question in the user's language: o/oui/y/yes,
// n/non/no; an empty line keeps def.
func (d *dialog) yesNo(prompt string, def bool) (bool, error) {
	hint := i18n.Of(d.lang).YN
	for {
		s, err := d.ask(prompt + " " + hint + " [" + d.yesNoWord(def) + "]")
		if err != nil {
			return def, err
		}
		switch strings.ToLower(s) {
		case "":
			return def, nil
		case "o", "oui", "y", "yes":
			return true, nil
		case "n", "non", "no":
			return false, nil
		}
		d.println(i18n.Of(d.lang).AnswerYYesOr)
	}
}

func (d *dialog) yesNoWord(b bool) string {
	if b {
		return i18n.Of(d.lang).Yes2
	}
	return i18n.Of(d.lang).No2
}
