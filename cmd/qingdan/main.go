// Command qingdan checks, imports, renders, tests, regrades and verifies
// the lists of the reform without writing Go: a thin layer over the
// packages of github.com/qingdan/qingdan for the officers who keep the
// lists and the people who write the assessment rules.
//
// Install it with
//
//	go install github.com/qingdan/qingdan/cmd/qingdan@latest
//
// and run qingdan -h for its subcommands, qingdan check -h for one of
// them. Every subcommand exits 0 when all is well, 1 when it found what
// it looks for (errors in a list, a failed case, a change, a journal
// that does not verify) and 2 for bad usage or input it cannot read.
package main

import (
	"os"

	"github.com/qingdan/qingdan/cmd/qingdan/internal/command"
)

func main() { os.Exit(run(command.Stdio(), os.Args[1:])) }
