//go:build !linux

package main

import "syscall"

// dieWithParent does nothing where there is no parent-death signal: a
// cluster is stopped by the test's cleanup only.
func dieWithParent(*syscall.SysProcAttr) {}
