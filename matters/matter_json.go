package matters

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/qingdan/qingdan/internal/errtext"
	"github.com/qingdan/qingdan/internal/jsonx"
)

// matterFields has the fields of a Matter and none of its methods.
type matterFields Matter

// UnmarshalJSON reads a matter as encoding/json writes it, strictly (a
// field Matter does not have, a key given twice or in another case, text
// that is not UTF-8: see [LoadDirectory]), and rebuilds it from its events
// with [Replay]: every other field must be what the events give, or the
// matter is refused, since [Matter.Apply] would go on from a state its
// history does not have. A matter without events must have no other
// field either (the zero Matter); null leaves m alone. Every error wraps
// [ErrInvalid] (an event that Replay refuses also wraps Apply's
// sentinel), and on an error m is left alone.
func (m *Matter) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		return nil
	}
	var j matterFields
	if err := invalid(jsonx.Decode(b, &j), "matter"); err != nil {
		return err
	}
	read := Matter(j)
	want := &Matter{}
	if len(read.Events) > 0 {
		var err error
		if want, err = Replay(read.Events); err != nil {
			return fmt.Errorf("matters: matter %s: %w: its events cannot be replayed: %w", errtext.Quote(read.ID), ErrInvalid, err)
		}
	}
	if diff := stateDiff(want, &read); diff != "" {
		return fmt.Errorf("matters: matter %s: %w: its state contradicts its events: %s", errtext.Quote(read.ID), ErrInvalid, diff)
	}
	*m = *want
	return nil
}

// stateDiff names each field but Events in which got differs from want,
// the matter its events give, with both values: `state is "accepted",
// the events give "closed"`. An empty slice is the same as none.
func stateDiff(want, got *Matter) string {
	var diffs []string
	wv, gv := reflect.ValueOf(want).Elem(), reflect.ValueOf(got).Elem()
	for i := 0; i < wv.NumField(); i++ {
		f := wv.Type().Field(i)
		if f.Name == "Events" || !f.IsExported() {
			continue
		}
		w, g := wv.Field(i).Interface(), gv.Field(i).Interface()
		if f.Type.Kind() == reflect.Slice && wv.Field(i).Len() == 0 && gv.Field(i).Len() == 0 {
			continue
		}
		if reflect.DeepEqual(w, g) {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		give := "none"
		if k := f.Type.Kind(); !wv.Field(i).IsZero() || k == reflect.Bool || k == reflect.Int {
			give = errtext.Quote(fmt.Sprint(w))
		}
		diffs = append(diffs, fmt.Sprintf("%s is %s, the events give %s", name, errtext.Quote(fmt.Sprint(g)), give))
	}
	return strings.Join(diffs, "; ")
}
