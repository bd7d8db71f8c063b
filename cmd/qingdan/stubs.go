package main

import "github.com/qingdan/qingdan/cmd/qingdan/internal/command"

var importCmd = &command.Command{Name: "import"}
var renderCmd = &command.Command{Name: "render"}
var testCmd = &command.Command{Name: "test"}
var whatifCmd = &command.Command{Name: "whatif"}
var journalCmd = &command.Command{Name: "journal"}
var diffCmd = &command.Command{Name: "diff"}
