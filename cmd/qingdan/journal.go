package main

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"golang.org/x/mod/sumdb/note"

	"github.com/qingdan/qingdan/cmd/qingdan/internal/command"
	"github.com/qingdan/qingdan/journal"
)

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

// Run runs qingdan journal checkpoint on the files args and returns its exit code.
func (f *checkpointOptions) Run(env *command.Env, args []string) int {
	if (f.origin == "") == (f.sign == "") {
		return env.UsageError("给出 -origin 名称（不签名）或 -sign 私钥文件，二者选一")
	}
	var signer note.Signer
	if f.sign != "" {
		key, err := readKey(env, f.sign) // its error names the file
		if err == nil {
			if signer, err = note.NewSigner(key); err != nil {
				err = fmt.Errorf("%s: %w", f.sign, err)
			}
		}
		if err != nil {
			return env.Errorf(command.Usage, "私钥 %v", err)
		}
		f.origin = signer.Name()
	} else if !originName(f.origin) {
		// One that the format cannot carry would print a checkpoint that
		// nothing reads back.
		return env.UsageError("-origin %q：不能用作检查点的名称（不能含空白、控制字符或 +）", f.origin)
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

// Run runs qingdan journal keygen on the files args and returns its exit code.
func (f *keygenOptions) Run(env *command.Env, args []string) int {
	if f.name == "" || f.signer == "" {
		return env.UsageError("应给出 -name 和 -signer")
	}
	if f.signer == "-" { // elsewhere standard output, which has the verifier key
		return env.UsageError("-signer -：私钥写入文件，不写到标准输出（标准输出给出公钥）")
	}
	skey, vkey, err := note.GenerateKey(rand.Reader, f.name)
	if err == nil {
		// GenerateKey takes any name; a key whose name a note cannot
		// carry would sign nothing, and one whose name a checkpoint's
		// origin cannot be (a control character) no checkpoint.
		_, err = note.NewSigner(skey)
	}
	if err != nil || !originName(f.name) {
		return env.UsageError("-name %q：不能用作密钥名称（不能为空，不能含空白、控制字符或 +）", f.name)
	}
	out, err := os.OpenFile(f.signer, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return env.Errorf(command.Usage, "%s 已存在：不覆盖私钥", f.signer)
	}
	if err != nil {
		return env.Errorf(command.Usage, "%v", err)
	}
	_, err = fmt.Fprintln(out, skey)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.signer) // a partial key would block the next keygen
		return env.Errorf(command.Usage, "%v", err)
	}
	fmt.Fprintln(env.Stdout, vkey)
	return command.OK
}

// originName reports whether name can be a checkpoint's origin, its first
// line, which is the name of the key that signs it too.
func originName(name string) bool {
	_, err := journal.ParseCheckpoint([]byte(journal.Checkpoint{Origin: name}.String()))
	return err == nil
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
	v, err := journal.NewVerifier(key) // refuses a key anyone can sign for
	if err != nil {
		return nil, fmt.Errorf("公钥 %s 不能用来核验（不是公钥，或是任何人都能以它签名的弱密钥）: %w", name, err)
	}
	return v, nil
}
