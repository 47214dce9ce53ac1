package ident

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Peer vectors come from another project's test suite (see
// testdata/peer-vectors/README.md). Each line is one identifier written as
// found, separators included.

func readVectors(t *testing.T, name string) []string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "peer-vectors", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		// Trailing blanks and CR are file artefacts, not part of the vector.
		if line := strings.TrimRight(sc.Text(), " \t\r"); line != "" {
			lines = append(lines, line)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(lines) == 0 {
		t.Fatalf("%s: no vectors", name)
	}
	return lines
}

func TestPeerVectorsValid(t *testing.T) {
	files := []struct {
		name     string
		validate func(string) error
	}{
		{"siren-valid.txt", ValidateSIREN},
		{"siret-valid.txt", ValidateSIRET},
		{"iban-valid.txt", ValidateIBAN},
		{"bic-valid.txt", ValidateBIC},
	}
	for _, f := range files {
		t.Run(f.name, func(t *testing.T) {
			for _, v := range readVectors(t, f.name) {
				if err := f.validate(v); err != nil {
					t.Errorf("%q rejected: %v", v, err)
				}
			}
		})
	}
}

func TestPeerVectorsIBANInvalid(t *testing.T) {
	for _, v := range readVectors(t, "iban-invalid.txt") {
		if err := ValidateIBAN(v); err == nil {
			t.Errorf("%q accepted", v)
		}
	}
}
