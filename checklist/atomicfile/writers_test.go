package atomicfile

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// fileCalls are the os functions that create, replace or open a file for
// writing: outside this package, a product file must not be written with
// them.
var fileCalls = []string{"WriteFile", "Create", "CreateTemp", "OpenFile", "Rename", "Link", "Truncate"}

// allowedCalls are the calls left outside atomicfile, each on the database
// rather than on a file bascule writes for the user: bbolt opens and writes
// its own file, and the store locks, repairs, compacts and sets it aside.
var allowedCalls = map[string][]string{
	"checklist/atomicfile/atomicfile.go": {"CreateTemp", "Link", "Rename", "Rename"},   // the one writer
	"store/bolt.go":                      {"OpenFile"},                                 // bbolt's OpenFile hook: the database itself
	"store/flock_unix.go":                {"OpenFile"},                                 // the empty lock file beside the database
	"store/recover.go":                   {"OpenFile"},                                 // repairs the database in place
	"store/purge.go":                     {"OpenFile", "OpenFile", "Rename", "Rename"}, // compaction swaps the database; old blocks zeroed
	"store/backup.go":                    {"Rename"},                                   // Restore sets the damaged database aside
}

// TestNoOtherFileWriter fails when a non-test Go file of the module writes a
// file with os directly instead of through this package.
func TestNoOtherFileWriter(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	found := map[string][]string{}
	fset := token.NewFileSet()
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
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		ast.Inspect(f, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if id, ok := sel.X.(*ast.Ident); ok && id.Name == "os" && slices.Contains(fileCalls, sel.Sel.Name) {
				found[rel] = append(found[rel], sel.Sel.Name)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for file, calls := range found {
		slices.Sort(calls)
		want := slices.Clone(allowedCalls[file])
		slices.Sort(want)
		if !slices.Equal(calls, want) {
			t.Errorf("%s calls os.%v; allowed: %v — write product files with atomicfile", file, calls, want)
		}
	}
	if len(found) == 0 {
		t.Fatal("no call found at all: the walk missed the module")
	}
}
