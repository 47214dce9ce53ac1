package contracttest

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/bascule-cli/bascule/connectors"
)

// Assertions the adapters' own tests share (the v1 and v2 fuzz targets).

// AssertSanitised walks v and fails on a string the adapter should have
// sanitised: every string is Sanitize's fixed point, except a numbering
// prefix (trailing blanks kept) and a message (line breaks kept).
func AssertSanitised(t *testing.T, path string, v reflect.Value) {
	t.Helper()
	switch v.Kind() {
	case reflect.String:
		s := v.String()
		want := connectors.Sanitize(s)
		switch {
		case path == "Message" || strings.HasSuffix(path, ".Message"):
			want = connectors.SanitizeMultiline(s)
		case strings.HasSuffix(path, "Numbering.Prefix"):
			n := connectors.Numbering{Prefix: s}
			n.Sanitize()
			want = n.Prefix
		}
		if s != want {
			t.Fatalf("%s = %q not sanitised (want %q)", path, s, want)
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			AssertSanitised(t, path, v.Elem())
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				AssertSanitised(t, path+"."+v.Type().Field(i).Name, v.Field(i))
			}
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			AssertSanitised(t, path+"[]", v.Index(i))
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			AssertSanitised(t, path+".key", it.Key())
			AssertSanitised(t, path+"[]", it.Value())
		}
	}
}

// AssertError asserts err is a *connectors.Error of a known kind, from op,
// whose messages are sanitised.
func AssertError(t *testing.T, op string, err error) {
	t.Helper()
	var e *connectors.Error
	if !errors.As(err, &e) || connectors.Code(err) == "" {
		t.Fatalf("error %v (%T) is not a typed connectors error", err, err)
	}
	if e.Op != op {
		t.Fatalf("error op %q, want %q", e.Op, op)
	}
	for _, s := range []string{e.French, e.English, e.Field, err.Error(), connectors.English(err)} {
		if connectors.SanitizeMultiline(s) != s && connectors.Sanitize(s) != s {
			t.Fatalf("error message %q not sanitised", s)
		}
	}
}
