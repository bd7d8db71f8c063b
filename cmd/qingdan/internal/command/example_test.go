package command_test

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/qingdan/qingdan/cmd/qingdan/internal/command"
)

// A subcommand declares its usage, examples, flags and the number of
// files it takes; Main parses flags wherever they stand among the files
// and returns the exit code.
func ExampleCommand_Main() {
	hello := &command.Command{
		Name:     "hello",
		Args:     "[-loud] 名字…",
		Short:    "问好",
		Examples: []string{"qingdan hello 张三 李四"},
		MinArgs:  1, MaxArgs: -1,
		Setup: func(fs *flag.FlagSet) command.Runner {
			loud := fs.Bool("loud", false, "大声")
			return func(env *command.Env, names []string) int {
				s := "你好，" + strings.Join(names, "、")
				if *loud {
					s += "！"
				}
				fmt.Fprintln(env.Stdout, s)
				return command.OK
			}
		},
	}
	env := &command.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stdout}
	fmt.Println(hello.Main(env, []string{"张三", "-loud", "李四"}))
	fmt.Println(hello.Main(env, nil))
	fmt.Println(hello.Main(env, []string{"-h"}))
	// Output:
	// 你好，张三、李四！
	// 0
	// qingdan hello: 应给出至少 1 个文件（- 为标准输入）
	// 运行 qingdan hello -h 查看用法
	// 2
	// 用法：qingdan hello [-loud] 名字…
	//
	// 问好
	//
	// 例：
	//   qingdan hello 张三 李四
	//
	// 选项：
	//   -loud
	//     	大声
	// 0
}
