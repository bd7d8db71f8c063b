package main

import (
	"fmt"

	"github.com/qingdan/qingdan/cmd/qingdan/internal/command"
)

// run runs the subcommand args[0] with the rest of args and returns the
// exit code.
func run(env *command.Env, args []string) int {
	if len(args) == 0 {
		usage(env)
		return command.Usage
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		usage(env)
		return command.OK
	}
	for _, c := range commands {
		if c.Name == args[0] {
			return c.Main(env, args[1:])
		}
	}
	fmt.Fprintf(env.Stderr, "qingdan: 没有子命令 %q\n", args[0])
	usage(env)
	return command.Usage
}

// usage lists the subcommands on standard error.
func usage(env *command.Env) {
	w := env.Stderr
	fmt.Fprintf(w, "用法：qingdan 子命令 [选项] 文件…\n\n子命令：\n")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-8s %s\n", c.Name, c.Short)
	}
	fmt.Fprintf(w, "\n文件写作 - 时读标准输入。qingdan 子命令 -h 查看子命令的用法和例子。\n")
	fmt.Fprintf(w, "退出码：0 无问题，1 发现问题（错误、未通过、有变更、校验不符），2 用法错误或输入无法读取。\n")
}
