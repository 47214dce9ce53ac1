package store

import (
	"bytes"
	"os"
	"testing"
)

func assertNotInFile(t *testing.T, path string, needle []byte) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(b, needle) {
		t.Fatalf("%s contains %q", path, needle)
	}
}

func assertInFile(t *testing.T, path string, needle []byte) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, needle) {
		t.Fatalf("%s does not contain %q", path, needle)
	}
}
