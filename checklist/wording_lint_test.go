package checklist

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// "(s)" reads as a form left half filled ("1 point(s) bloquant(s)"): every
// count agrees with its number through Count and Plural. This test reads
// every string literal of the module's code (tests aside) and fails on a
// word ending in "(s)", "(x)", "(e)" or "(es)".
var halfPlural = regexp.MustCompile(`\p{L}\((s|x|e|es)\)`)

// notShown are literals that never reach a user: a parser's internal cause,
// wrapped by a message in words.
var notShown = map[string]bool{
	"connectors/files/xlsxguard.go": true, // "xml: …" is the cause of "feuille endommagée"
}

func TestNoHalfPluralInUserTexts(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("module root not found from %s", root)
	}
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (strings.HasPrefix(name, ".") || name == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") || notShown[filepath.ToSlash(rel)] {
			return nil
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING && halfPlural.MatchString(lit.Value) {
				t.Errorf("%s:%d: %s: write the plural with Count or Plural", rel, fset.Position(lit.Pos()).Line, lit.Value)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
