package catalogtest

import (
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// Check fails t for every incomplete message of the two catalogues (values
// of one struct type, French first), and when fewer than least messages
// were seen: a walk that misses the parts would pass anything.
func Check(t testing.TB, fr, en any, least int) {
	t.Helper()
	got, n := Problems(fr, en)
	for _, p := range got {
		t.Error(p)
	}
	if n < least {
		t.Fatalf("only %d messages seen: the walk missed the parts", n)
	}
}

// Problems describes each message of the two catalogues that is not
// complete, named by its field path ("Rows.Many: English is empty"), and
// counts the strings it saw.
func Problems(fr, en any) (problems []string, messages int) {
	a, b := reflect.ValueOf(fr), reflect.ValueOf(en)
	if a.Type() != b.Type() || a.Kind() != reflect.Struct {
		return []string{"the two catalogues are not values of one struct type"}, 0
	}
	return walk("", a, b, &messages), messages
}

// walk walks two values of the same struct type, embedded parts and
// nested structs included.
func walk(prefix string, fr, en reflect.Value, n *int) []string {
	var out []string
	for i := range fr.NumField() {
		f := fr.Type().Field(i)
		name := prefix + f.Name
		switch f.Type.Kind() {
		case reflect.Struct:
			if !f.Anonymous {
				name += "."
			} else {
				name = prefix
			}
			out = append(out, walk(name, fr.Field(i), en.Field(i), n)...)
		case reflect.String:
			*n++
			a, b := fr.Field(i).String(), en.Field(i).String()
			switch {
			case a == "":
				out = append(out, name+": French is empty")
			case b == "":
				out = append(out, name+": English is empty")
			case !slices.Equal(Verbs(a), Verbs(b)):
				out = append(out, name+": verbs "+list(Verbs(a))+" in French, "+list(Verbs(b))+" in English")
			}
		default:
			out = append(out, name+": not a string")
		}
	}
	return out
}

func list(vs []string) string { return "[" + strings.Join(vs, " ") + "]" }

// Verbs lists the fmt verbs of s ("%d", "%-8s") in the order of the
// arguments they take, so that "%[2]s … %[1]s" may reorder them; "%%" is
// excluded, %q written %s (French quotes a value with « %s », English with
// %q: both take the same string), an explicit index dropped once applied.
func Verbs(s string) []string {
	var byArg []string
	next := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			continue
		}
		j := i + 1
		for j < len(s) && strings.IndexByte("+-# 0123456789.[]*", s[j]) >= 0 {
			j++
		}
		if j < len(s) && s[j] != '%' {
			v := s[i:j] + string(s[j])
			if s[j] == 'q' {
				v = s[i:j] + "s"
			}
			if k := strings.IndexByte(v, '['); k >= 0 {
				if end := strings.IndexByte(v[k:], ']'); end > 0 {
					if n, err := strconv.Atoi(v[k+1 : k+end]); err == nil && n > 0 {
						next = n - 1
					}
					v = v[:k] + v[k+end+1:]
				}
			}
			for len(byArg) <= next {
				byArg = append(byArg, "")
			}
			byArg[next] = v
			next++
		}
		i = j
	}
	return byArg
}
