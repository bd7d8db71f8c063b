// Package sample is what TestCovered parses.
package sample

// F has a row.
func F() {}

// T is an exported type.
type T struct{}

// M has no row.
func (T) M() {}

// P has no row.
func (*T) P() {}

// G is a generic type.
type G[K comparable, V any] struct{}

// M has no row.
func (G[K, V]) M() {}

type t struct{}

// N is a method of an unexported type: it needs no row.
func (t) N() {}

func f() {}
