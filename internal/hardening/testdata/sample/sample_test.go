package sample

// Test is in a test file: it needs no row.
func Test() {}
