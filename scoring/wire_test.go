package scoring

import (
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestBookWireMirrorsEvaluation: the form a book reads an evaluation in
// has the fields of an Evaluation, with the same JSON names, in the same
// order.
func TestBookWireMirrorsEvaluation(t *testing.T) {
	names := func(typ reflect.Type) []string {
		var out []string
		for i := 0; i < typ.NumField(); i++ {
			f := typ.Field(i)
			out = append(out, f.Name+" "+f.Tag.Get("json"))
		}
		return out
	}
	if diff := cmp.Diff(names(reflect.TypeFor[Evaluation]()), names(reflect.TypeFor[evaluationWire]())); diff != "" {
		t.Errorf("evaluationWire does not mirror Evaluation (-Evaluation +evaluationWire):\n%s", diff)
	}
}
