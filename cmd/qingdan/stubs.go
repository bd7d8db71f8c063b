package main

import "github.com/qingdan/qingdan/cmd/qingdan/internal/command"

var testCmd = &command.Command{Name: "test"}
var whatifCmd = &command.Command{Name: "whatif"}
