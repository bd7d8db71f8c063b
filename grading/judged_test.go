package grading

import (
	"reflect"
	"testing"

	"github.com/qingdan/qingdan/scoring"
)

// TestJudgedNamesEveryField: judged, which compares Facts field by field,
// finds a change in every field but Quality and Attrs, the two a Judge
// completes; a field added to Facts and not to judged fails here.
func TestJudgedNamesEveryField(t *testing.T) {
	ft := reflect.TypeFor[scoring.Facts]()
	for i := range ft.NumField() {
		name := ft.Field(i).Name
		var before, after scoring.Facts
		v := reflect.ValueOf(&after).Elem().Field(i)
		switch v.Kind() {
		case reflect.String:
			v.SetString("x")
		case reflect.Int, reflect.Int64:
			v.SetInt(1)
		case reflect.Bool:
			v.SetBool(true)
		case reflect.Pointer:
			v.Set(reflect.New(v.Type().Elem()))
		case reflect.Map:
			v.Set(reflect.MakeMap(v.Type()))
			v.SetMapIndex(reflect.ValueOf("k"), reflect.ValueOf("v"))
		default:
			t.Fatalf("field %s of kind %s: teach this test to change it", name, v.Kind())
		}
		want := name == "Quality" || name == "Attrs"
		if got := judged(&before, before.Satisfied, &after); got != want {
			t.Errorf("judged with %s changed = %v, want %v", name, got, want)
		}
	}
	yes, no := true, false
	for _, tc := range []struct {
		answer, now *bool
		want        bool
	}{{nil, nil, true}, {&yes, &yes, true}, {&yes, &no, false}, {&no, nil, false}, {nil, &no, false}} {
		after := scoring.Facts{Satisfied: tc.now}
		if got := judged(&scoring.Facts{}, tc.answer, &after); got != tc.want {
			t.Errorf("judged with the answer %v then %v = %v, want %v", tc.answer, tc.now, got, tc.want)
		}
	}
}
