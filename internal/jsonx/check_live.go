package jsonx

// The checker's reading of the value decoded into. encoding/json decodes
// into what an interface points to, where the interface holds a pointer
// when decoding starts (a field filled with &Config{} before the call),
// and so must the checker, to check that JSON as the pointed-to type's,
// strictly; it follows the value decoded into only through plans that
// hold an interface (live ones), and only where encoding/json fills what
// is there rather than a new value.

import "reflect"

// filled returns the plan and the value that encoding/json fills where
// the checker reads a value of plan p into v: what an interface holding a
// non-nil pointer points to, read by its own type's plan; through v's
// pointers, the value v points to. It returns the zero Value where
// nothing further in can hold a pointer encoding/json decodes into: under
// a nil pointer (encoding/json fills a new value), in an interface that
// holds no pointer (encoding/json replaces what it holds), and in a value
// whose plan holds no interface. It reports loops, and no value, for
// interfaces that hold pointers to one another in a ring (a = &b, b =
// &a), which encoding/json would follow forever; it finds the ring, by
// Brent's method, in steps linear in its length and the way to it.
func filled(p *plan, v reflect.Value) (_ *plan, _ reflect.Value, loops bool) {
	var (
		mark      uintptr      // the pointer of an interface met before, the tortoise
		markType  reflect.Type // and its type
		hops, lap = 0, 1       // interfaces followed, and where the tortoise moves on
	)
	for {
		switch v.Kind() {
		case reflect.Interface:
			e := v.Elem()
			if !e.IsValid() || e.Kind() != reflect.Pointer || e.IsNil() {
				return p, reflect.Value{}, false
			}
			if e.Pointer() == mark && e.Type() == markType {
				return p, reflect.Value{}, true
			}
			if hops++; hops == lap {
				mark, markType, lap = e.Pointer(), e.Type(), 2*lap
			}
			p, v = planOf(e.Type()), e
		case reflect.Pointer:
			// An interface that holds a pointer to itself is filled
			// anew, as encoding/json fills it, rather than followed.
			if v.IsNil() || v.Elem().Kind() == reflect.Interface && v.Elem().Elem().Equal(v) {
				return p, reflect.Value{}, false
			}
			v = v.Elem()
		default:
			if !p.live || p.own {
				return p, reflect.Value{}, false
			}
			return p, v, false
		}
	}
}

// fieldOf returns the field at path of struct v (see [field]), or the
// zero Value for none: v is the zero Value, or the field lies under a nil
// embedded pointer, which encoding/json fills anew.
func fieldOf(v reflect.Value, path []int) reflect.Value {
	if !v.IsValid() {
		return v
	}
	for i, x := range path {
		if i > 0 && v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return reflect.Value{}
			}
			v = v.Elem()
		}
		v = v.Field(x)
	}
	return v
}

// elements returns the elements of slice or array v that encoding/json
// decodes into: a slice's up to its capacity (it reuses what lies past
// its length), an array's; the zero Value for anything else.
func elements(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Slice:
		return v.Slice(0, v.Cap())
	case reflect.Array:
		return v
	}
	return reflect.Value{}
}

// element returns element n of v, from elements, or the zero Value past
// its end (encoding/json fills a new value there) or for none.
func element(v reflect.Value, n int) reflect.Value {
	if !v.IsValid() || n >= v.Len() {
		return reflect.Value{}
	}
	return v.Index(n)
}

// markLive marks each plan of building that holds an interface, itself
// or in a field, an element or an element's field, to any depth, as live
// (a recursive type's plans may take several rounds). A map's values are
// new to encoding/json, and a type that decodes itself decodes its own.
func markLive(building map[reflect.Type]*plan) {
	for changed := true; changed; {
		changed = false
		for _, p := range building {
			live := p.iface || p.kind == listValue && p.elem.live
			for _, f := range p.fields {
				live = live || f.plan.live
			}
			if live && !p.live && !p.own {
				p.live, changed = true, true
			}
		}
	}
}
