package main

import "syscall"

// dieWithParent makes the process get SIGQUIT when the thread that starts
// it ends (Linux's parent-death signal; Go sets it after the credentials,
// so it holds for a server started as the postgres user).
func dieWithParent(a *syscall.SysProcAttr) { a.Pdeathsig = syscall.SIGQUIT }
