package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// frontEnds are the packages whose texts live in this catalogue, relative
// to this folder.
var frontEnds = []string{"..", "../accessible", "../session", "../../cmd/bascule"}

// frenchWords finds a French text: an accent, French quotes, an elision or
// a word English does not use ("%s's" is English). Names of the domain that English keeps
// ("dossier", "client") are not among them.
var frenchWords = regexp.MustCompile(`[àâçéèêëîïôûùüœ«»]|\s[:;?!](\s|$)|\b(le|la|les|des|du|une|est|sont|pas|dans|pour|avec|sur|aucun|aucune|fichier|espace|introuvable|inconnu|inconnue|attend|précisez|utilisez|ou|et|aux|cette|vous|votre|déjà|doit)\b|(^|[\s(«])[ldnqsjc]'\pL`)

// allowedFrench are the French literals that stay outside the catalogue, by
// "file: text" (file relative to the module root), each with its reason.
var allowedFrench = map[string]string{
	// French words put in place of pflag's English ones in the French help
	// only; the English help keeps pflag's own.
	`cmd/bascule/help.go: durée`:        "pflag's value types, in French",
	`cmd/bascule/help.go: (par défaut `: "pflag's default marker, in French",
	// A name, not a message: the operator recorded in the audit when the
	// demo workspace is created without one.
	`tui/session/workspace.go: démo`: "stored operator name",
	// A finding's detail is evidence, stored once as the check wrote it,
	// like the audit; it is shown as recorded.
	`tui/session/jobfuncs.go:  : `:        "stored finding detail",
	`tui/session/jobfuncs.go: %d %s : %s`: "stored finding detail",
}

// TestNoFrenchOutsideTheCatalogue: the front ends build no French text of
// their own; what the user reads comes from the catalogue in his language.
// The commands' descriptions and flag usages are the exception: cobra
// holds them in French where each command is defined, and help_en.go gives
// their English (TestHelpInEnglish in cmd/bascule checks every command).
func TestNoFrenchOutsideTheCatalogue(t *testing.T) {
	seen := map[string]bool{}
	files := 0
	for _, dir := range frontEnds {
		names, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range names {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			src, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			files++
			rel := filepath.ToSlash(filepath.Join("tui/i18n", name))
			for _, f := range frenchLiterals(t, name, src) {
				key := rel + ": " + f.text
				seen[key] = true
				if _, ok := allowedFrench[key]; !ok {
					t.Errorf("%s:%d: French text outside the catalogue: %q", rel, f.line, f.text)
				}
			}
		}
	}
	if files < 50 {
		t.Fatalf("only %d files read: the front ends moved?", files)
	}
	for key := range allowedFrench {
		if !seen[key] {
			t.Errorf("allowed text no longer found, drop it from the list: %s", key)
		}
	}
}

// TestFrenchLiteralsFound keeps the walk honest: it must see a French text
// in an error, a print and a plain value, and leave alone the catalogue's
// reads, English, and the commands' descriptions and flag usages.
func TestFrenchLiteralsFound(t *testing.T) {
	src := `package p
var a = fmt.Errorf("format de rapport inconnu : %s", x)
var b = errors.New("aucun espace")
func f() {
	fmt.Fprintln(w, "Déjà fait")
	fmt.Println(i18n.Of(lang).Done, "unknown format")
	label := "dossier ajouté"
	c := &cobra.Command{Use: "export", Short: "Exporter un espace", Long: "Écrit tout l'espace"}
	c.Flags().StringVar(&out, "out", "", "fichier à écrire")
	c.PersistentFlags().BoolP("yes", "y", false, "ne pas demander")
	pf := c.PersistentFlags()
	pf.IntVar(&n, "clients", 0, "nombre de dossiers clients simulés")
	stringFlag(c, &from, "from", "", "export des clients de V1 (.csv ou .xlsx)")
	g := groupCommand("clients", "Dossiers et fichiers clients : mise à jour", c)
	g.Long = "Lit l'API d'export " + url + " (défaut)"
	fmt.Sprintf(m.FileReasonFmt, "fichier", err)
	_ = "l'étape"
	fmt.Printf("%s's session", name)
}
`
	var got []string
	for _, f := range frenchLiterals(t, "p.go", []byte(src)) {
		got = append(got, f.text)
	}
	want := []string{"format de rapport inconnu : %s", "aucun espace", "Déjà fait", "dossier ajouté", "fichier", "l'étape"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestNoPairsOutsideTheCatalogue: no front end nor report writes a
// message's two languages itself, in a checklist.Text or through checklist.Count; the
// catalogue holds them (i18n.Text, Noun.Count).
func TestNoPairsOutsideTheCatalogue(t *testing.T) {
	// The reports have their own catalogue (checklist/report/texts_*.go).
	for _, dir := range append(slices.Clone(frontEnds), "../../checklist/report") {
		names, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range names {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			src, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			for _, line := range literalPairs(t, name, src) {
				t.Errorf("%s:%d: a text in both languages outside the catalogue", filepath.ToSlash(filepath.Join("tui/i18n", name)), line)
			}
		}
	}
}

// TestLiteralPairsFound keeps the pair walk honest.
func TestLiteralPairsFound(t *testing.T) {
	src := `package p
var a = checklist.Text{FR: "oui", EN: "yes"}
var b = &checklist.Error{Message: checklist.Text{FR: x + " non", EN: x + " no"}}
var c = checklist.Count(n, "ligne", "lignes", "row", "rows")
var d = i18n.Text(func(m *i18n.Messages) string { return m.Yes })
var e = checklist.Text{FR: i18n.Of(checklist.French).Yes, EN: y}
var f = map[string]*checklist.Text{}
`
	if got, want := literalPairs(t, "p.go", []byte(src)), []int{2, 3, 4}; !slices.Equal(got, want) {
		t.Errorf("lines %v, want %v", got, want)
	}
}

// literalPairs lists the lines of src where a checklist.Text literal or a
// checklist.Count call is given a string literal.
func literalPairs(t *testing.T, name string, src []byte) []int {
	t.Helper()
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, name, src, 0)
	if err != nil {
		t.Fatal(err)
	}
	var lines []int
	ast.Inspect(file, func(n ast.Node) bool {
		var pair ast.Node
		switch n := n.(type) {
		case *ast.CompositeLit:
			if isChecklist(n.Type, "Text") && len(n.Elts) > 0 {
				pair = n
			}
		case *ast.CallExpr:
			if isChecklist(n.Fun, "Count") {
				pair = n
			}
		}
		if pair != nil && hasStringLiteral(pair) {
			lines = append(lines, fset.Position(pair.Pos()).Line)
			return false
		}
		return true
	})
	return lines
}

func isChecklist(e ast.Expr, name string) bool {
	sel, ok := e.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	pkg, ok := sel.X.(*ast.Ident)
	return ok && pkg.Name == "checklist" && sel.Sel.Name == name
}

func hasStringLiteral(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
			found = true
		}
		return !found
	})
	return found
}

type literal struct {
	line int
	text string
}

// frenchLiterals lists the string literals of src that read as French,
// outside a cobra.Command's Short, Long and Example and a flag's usage.
func frenchLiterals(t *testing.T, name string, src []byte) []literal {
	t.Helper()
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, name, src, 0)
	if err != nil {
		t.Fatal(err)
	}
	skip := map[*ast.BasicLit]bool{}
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.KeyValueExpr:
			if k, ok := n.Key.(*ast.Ident); ok && helpFields[k.Name] {
				markLiterals(n.Value, skip)
			}
		case *ast.AssignStmt:
			if sel, ok := n.Lhs[0].(*ast.SelectorExpr); ok && helpFields[sel.Sel.Name] && len(n.Rhs) == 1 {
				markLiterals(n.Rhs[0], skip)
			}
		case *ast.CallExpr:
			if i := helpArgument(n); i >= 0 {
				markLiterals(n.Args[i], skip)
			}
		}
		return true
	})
	var out []literal
	ast.Inspect(file, func(n ast.Node) bool {
		lit, ok := n.(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING || skip[lit] {
			return true
		}
		s, err := strconv.Unquote(lit.Value)
		if err == nil && frenchWords.MatchString(s) {
			out = append(out, literal{fset.Position(lit.Pos()).Line, s})
		}
		return true
	})
	return out
}

// helpFields are a cobra.Command's description fields.
var helpFields = map[string]bool{"Short": true, "Long": true, "Example": true}

// flagDefinition is a pflag method that defines a flag, its usage last:
// BoolVar, StringP, DurationVarP…
var flagDefinition = regexp.MustCompile(`^(Bool|String|StringSlice|StringArray|Int|Int64|Uint|Float64|Duration|Count)(Var)?P?$`)

// helpArgument is the index of call's argument that is a description —
// a flag's usage (x.Flags().StringVar(…, usage), pf.BoolVar(…, usage), the
// command's own stringFlag… helpers), a group command's short text — or -1.
func helpArgument(call *ast.CallExpr) int {
	if len(call.Args) == 0 {
		return -1
	}
	last := len(call.Args) - 1
	switch fun := call.Fun.(type) {
	case *ast.SelectorExpr:
		if flagDefinition.MatchString(fun.Sel.Name) && len(call.Args) >= 3 {
			return last
		}
	case *ast.Ident:
		switch fun.Name {
		case "stringFlag", "stringFlagP", "textFlag", "persistentStringFlag":
			return last
		case "groupCommand":
			if len(call.Args) >= 2 {
				return 1
			}
		}
	}
	return -1
}

func markLiterals(e ast.Expr, skip map[*ast.BasicLit]bool) {
	ast.Inspect(e, func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok {
			skip[lit] = true
		}
		return true
	})
}
