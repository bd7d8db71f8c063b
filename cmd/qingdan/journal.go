package main

import (
	"crypto/rand"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"

	"golang.org/x/mod/sumdb/note"

	"github.com/qingdan/qingdan/cmd/qingdan/internal/command"
	"github.com/qingdan/qingdan/journal"
)

// journalCmd is qingdan journal.
var journalCmd = &command.Command{
	Name:  "journal",
	Short: "校验留痕日志，打印或签发检查点，为事项或部门的条目开具回执，离线核验回执",
	Subs:  []*command.Command{journalVerifyCmd, journalCheckpointCmd, journalReceiptCmd, journalVerifyReceiptCmd, journalKeygenCmd},
}

// verifyOptions are the flags of journal verify.
type verifyOptions struct{ checkpoint, key string }

// Flags binds the flags of qingdan journal verify to f.
func (f *verifyOptions) Flags(fs *flag.FlagSet) {
	fs.StringVar(&f.checkpoint, "checkpoint", "", "已公布的签名检查点`文件`")
	fs.StringVar(&f.key, "key", "", "日志的公钥（验证密钥）`文件`，核验检查点的签名")
}

// checkpointOptions are the flags of journal checkpoint.
type checkpointOptions struct{ origin, sign string }

// Flags binds the flags of qingdan journal checkpoint to f.
func (f *checkpointOptions) Flags(fs *flag.FlagSet) {
	fs.StringVar(&f.origin, "origin", "", "检查点的`名称`（日志和密钥的名称）；用 -sign 时取密钥的名称")
	fs.StringVar(&f.sign, "sign", "", "签名用的私钥（签名密钥）`文件`")
}

// keygenOptions are the flags of journal keygen.
type keygenOptions struct{ name, signer string }

// Flags binds the flags of qingdan journal keygen to f.
func (f *keygenOptions) Flags(fs *flag.FlagSet) {
	fs.StringVar(&f.name, "name", "", "密钥和日志的`名称`，如 wuhu.example/2020")
	fs.StringVar(&f.signer, "signer", "", "写入私钥的新`文件`（权限 0600）")
}

// journalVerifyCmd is qingdan journal verify.
var journalVerifyCmd = &command.Command{
	Name:  "journal verify",
	Args:  "[-checkpoint 检查点 -key 公钥] 日志.jsonl",
	Short: "校验日志的每一条及其哈希链；给出已公布的签名检查点时，另证明日志仍包含检查点时的全部条目",
	Long:  "日志完整时退出码为 0；被改动、删除、截短或与检查点不符时为 1，并指出第一处不符的行。",
	Examples: []string{
		"qingdan journal verify wuhu.jsonl",
		"qingdan journal verify -checkpoint 2020-12.checkpoint -key wuhu.pub wuhu.jsonl",
	},
	Setup:   command.Bind[verifyOptions],
	MinArgs: 1, MaxArgs: 1,
}

// Run runs qingdan journal verify on the files args and returns its exit code.
func (f *verifyOptions) Run(env *command.Env, args []string) int {
	var published []journal.Checkpoint
	if f.checkpoint != "" || f.key != "" {
		cp, _, err := openCheckpoint(env, f.checkpoint, f.key)
		if err != nil {
			return env.Errorf(checkpointCode(err), "%v", err)
		}
		published = append(published, cp)
	}
	head, err := verifyFile(env, args[0], nil, published...)
	var ve *journal.VerifyError
	switch {
	case errors.As(err, &ve):
		fmt.Fprintf(env.Stdout, "%s：校验不符：%v\n", command.Name(args[0]), err)
		fmt.Fprintf(env.Stdout, "此前 %d 条完整，末条 %s\n", ve.Head.Seq, ve.Head.Hash)
		return command.Failed
	case err != nil:
		return journalError(env, args[0], err)
	}
	fmt.Fprintf(env.Stdout, "%s：完整，共 %d 条，末条哈希 %s\n", command.Name(args[0]), head.Seq, head.Hash)
	for _, cp := range published {
		fmt.Fprintf(env.Stdout, "包含检查点 %s 的前 %d 条（树根 %s）\n", cp.Origin, cp.Size, cp.Root)
	}
	return command.OK
}

// journalCheckpointCmd is qingdan journal checkpoint.
var journalCheckpointCmd = &command.Command{
	Name:  "journal checkpoint",
	Args:  "(-origin 名称 | -sign 私钥) 日志.jsonl",
	Short: "校验日志并打印其检查点（名称、条数、默克尔树根）；给出私钥时打印签名的检查点，供公布",
	Examples: []string{
		"qingdan journal checkpoint -origin wuhu.example/2020 wuhu.jsonl",
		"qingdan journal checkpoint -sign wuhu.key wuhu.jsonl > 2020-12.checkpoint",
	},
	Setup:   command.Bind[checkpointOptions],
	MinArgs: 1, MaxArgs: 1,
}

// Run runs qingdan journal checkpoint on the files args and returns its exit code.
func (f *checkpointOptions) Run(env *command.Env, args []string) int {
	if (f.origin == "") == (f.sign == "") {
		return env.UsageError("给出 -origin 名称（不签名）或 -sign 私钥文件，二者选一")
	}
	var signer note.Signer
	if f.sign != "" {
		key, err := readKey(env, f.sign)
		if err == nil {
			signer, err = note.NewSigner(key)
		}
		if err != nil {
			return env.Errorf(command.Usage, "私钥 %s: %v", f.sign, err)
		}
		f.origin = signer.Name()
	}
	tree := journal.NewTree()
	if _, err := verifyFile(env, args[0], &journal.Options{Tree: tree}); err != nil {
		return journalError(env, args[0], err)
	}
	cp := tree.Checkpoint(f.origin)
	if signer == nil {
		fmt.Fprint(env.Stdout, cp.String())
		return command.OK
	}
	signed, err := cp.Sign(signer)
	if err != nil {
		return env.Errorf(command.Usage, "%v", err)
	}
	env.Stdout.Write(signed)
	return command.OK
}

// verifyFile verifies the journal in the file name as journal.Verify does
// with opts and the published checkpoints.
func verifyFile(env *command.Env, name string, opts *journal.Options, published ...journal.Checkpoint) (journal.Head, error) {
	r, err := env.Open(name)
	if err != nil {
		return journal.Head{}, err
	}
	defer r.Close()
	head, err := journal.Verify(r, opts, published...)
	if err != nil && !errors.As(err, new(*journal.VerifyError)) {
		err = fmt.Errorf("%s: %w", command.Name(name), err)
	}
	return head, err
}

// journalError reports err, met reading the journal in the file name,
// and returns the exit code: Failed for a journal that does not verify
// (a *journal.VerifyError), Usage for one that cannot be read.
func journalError(env *command.Env, name string, err error) int {
	if errors.As(err, new(*journal.VerifyError)) {
		return env.Errorf(command.Failed, "%s: %v", command.Name(name), err)
	}
	return env.Errorf(command.Usage, "%v", err)
}

// journalKeygenCmd is qingdan journal keygen.
var journalKeygenCmd = &command.Command{
	Name:  "journal keygen",
	Args:  "-name 名称 -signer 私钥文件",
	Short: "生成日志的签名密钥对：私钥写入 -signer 给出的新文件（已有则拒绝），公钥打印到标准输出，供公布",
	Examples: []string{
		"qingdan journal keygen -name wuhu.example/2020 -signer wuhu.key > wuhu.pub",
	},
	Setup:   command.Bind[keygenOptions],
	MinArgs: 0, MaxArgs: 0,
}

// Run runs qingdan journal keygen on the files args and returns its exit code.
func (f *keygenOptions) Run(env *command.Env, args []string) int {
	if f.name == "" || f.signer == "" {
		return env.UsageError("应给出 -name 和 -signer")
	}
	skey, vkey, err := note.GenerateKey(rand.Reader, f.name)
	if err != nil {
		return env.Errorf(command.Usage, "%v", err)
	}
	out, err := os.OpenFile(f.signer, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return env.Errorf(command.Usage, "%v", err)
	}
	_, err = fmt.Fprintln(out, skey)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return env.Errorf(command.Usage, "%v", err)
	}
	fmt.Fprintln(env.Stdout, vkey)
	return command.OK
}

// readKey reads a key from the file name: its one line.
func readKey(env *command.Env, name string) (string, error) {
	b, err := env.Read(name, 4<<10)
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(b)), nil
}

// openCheckpoint reads the signed checkpoint in the file name and checks
// it against the verifier key in the file key; it returns the checkpoint
// and the signed note.
func openCheckpoint(env *command.Env, name, key string) (journal.Checkpoint, []byte, error) {
	if name == "" || key == "" {
		return journal.Checkpoint{}, nil, errors.New("-checkpoint 和 -key 须一起给出")
	}
	v, err := verifier(env, key)
	if err != nil {
		return journal.Checkpoint{}, nil, err
	}
	signed, err := env.Read(name, 64<<10)
	if err != nil {
		return journal.Checkpoint{}, nil, err
	}
	cp, err := journal.OpenCheckpoint(signed, v)
	if err != nil {
		return journal.Checkpoint{}, nil, fmt.Errorf("检查点 %s: %w", name, err)
	}
	return cp, signed, nil
}

// verifier reads the verifier key in the file name.
func verifier(env *command.Env, name string) (note.Verifier, error) {
	key, err := readKey(env, name)
	if err != nil {
		return nil, err
	}
	v, err := note.NewVerifier(key)
	if err != nil {
		return nil, fmt.Errorf("公钥 %s: %w", name, err)
	}
	return v, nil
}
