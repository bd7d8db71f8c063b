package accountabilitytest

import (
	"reflect"
	"testing"
	"time"
)

// TestDeepCopy: the copy equals the value, nil and empty kept apart, and
// keeps its contents when every slice, array, map, pointer and interface
// of the value is then written through.
func TestDeepCopy(t *testing.T) {
	type leaf struct{ N int }
	type tree struct {
		S     []leaf
		Empty []leaf
		Nil   []leaf
		A     [2]*leaf
		M     map[string]*leaf
		P     *leaf
		I     any
		At    time.Time
		hid   int
	}
	v := &tree{S: []leaf{{1}}, Empty: []leaf{}, A: [2]*leaf{{2}, nil}, M: map[string]*leaf{"k": {3}}, P: &leaf{4}, I: &leaf{5},
		At: time.Date(2024, 3, 1, 8, 0, 0, 0, time.FixedZone("CST", 8*3600)), hid: 6}
	c := deepCopy(reflect.ValueOf(v)).Interface().(*tree)
	if !reflect.DeepEqual(c, v) || c.Empty == nil || c.Nil != nil || c.hid != 6 {
		t.Fatalf("deepCopy = %+v, want %+v", c, v)
	}
	v.S[0].N, v.A[0].N, v.M["k"].N, v.P.N, v.I.(*leaf).N = 0, 0, 0, 0, 0
	v.M["new"] = nil
	if reflect.DeepEqual(c, v) || c.S[0].N != 1 || c.A[0].N != 2 || c.M["k"].N != 3 || len(c.M) != 1 || c.P.N != 4 || c.I.(*leaf).N != 5 {
		t.Errorf("the copy changed with the value: %+v", c)
	}
}
