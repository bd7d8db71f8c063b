package jsonx

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestPlanConcurrentFirstUse: goroutines that use types for the first
// time at once, each building plans of the same types nested in others,
// all read with the fields and bounds of their types (run with -race).
func TestPlanConcurrentFirstUse(t *testing.T) {
	// Types no other test has used: a chain of structs, each holding the
	// one before it in a slice, a map or a pointer by turns, so that every
	// goroutine's first use builds plans that other goroutines build too.
	const depth = 12
	types := make([]reflect.Type, depth)
	inner := reflect.TypeFor[string]()
	for i := range types {
		switch i % 3 {
		case 0:
			inner = reflect.SliceOf(inner)
		case 1:
			inner = reflect.MapOf(reflect.TypeFor[string](), inner)
		case 2:
			inner = reflect.PointerTo(inner)
		}
		types[i] = reflect.StructOf([]reflect.StructField{
			{Name: "Name", Type: reflect.TypeFor[string](), Tag: `json:"name"`},
			{Name: "Inner", Type: inner, Tag: reflect.StructTag(fmt.Sprintf(`json:"inner%d"`, i))},
			{Name: "Score", Type: reflect.TypeFor[Decimal](), Tag: `json:"score"`},
		})
		inner = types[i]
	}
	// Sound input for types[i].
	var sound func(i int) string
	sound = func(i int) string {
		if i < 0 {
			return `"x"`
		}
		in := sound(i - 1)
		switch i % 3 {
		case 0:
			in = "[" + in + "]"
		case 1:
			in = `{"k":` + in + "}"
		}
		return fmt.Sprintf(`{"name":"n%d","inner%d":%s,"score":"1.5"}`, i, i, in)
	}
	// The same with a key misspelt in its innermost object.
	bad := func(i int) string {
		return strings.Replace(sound(i), `{"name":"n0"`, `{"nmae":"n0"`, 1)
	}
	const goroutines = 16
	errs := make([][]string, goroutines)
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			for k := range depth {
				i := (g + k) % depth // each goroutine starts at another type
				v := reflect.New(types[i]).Interface()
				if err := Decode([]byte(sound(i)), v); err != nil {
					errs[g] = append(errs[g], fmt.Sprintf("%d: %v", i, err))
				}
				if err := Decode([]byte(bad(i)), v); err == nil || !strings.Contains(err.Error(), `unknown field "nmae"`) {
					errs[g] = append(errs[g], fmt.Sprintf("%d: bad input: %v", i, err))
				}
			}
		})
	}
	wg.Wait()
	for g, e := range errs {
		if diff := cmp.Diff([]string(nil), e); diff != "" {
			t.Errorf("goroutine %d: mismatch (-want +got):\n%s", g, diff)
		}
	}
}
