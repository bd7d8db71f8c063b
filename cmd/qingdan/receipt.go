package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/qingdan/qingdan/cmd/qingdan/internal/command"
	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/qingdan/qingdan/journal"
	"golang.org/x/mod/sumdb/note"
)

// Run runs qingdan journal receipt on the files args and returns its exit code.
func (f *receiptOptions) Run(env *command.Env, args []string) int {
	if (f.matter == "") == (f.subject == "") {
		return env.UsageError("给出 -matter 事项编号或 -subject 单位编号，二者选一")
	}
	cp, signed, err := openCheckpoint(env, f.checkpoint, f.key)
	if err != nil {
		return env.Errorf(checkpointCode(err), "%v", err)
	}
	r, err := env.Open(args[0])
	if err != nil {
		return journalError(env, args[0], err)
	}
	defer r.Close()
	tree := journal.NewTree()
	var picked []journal.Entry
	jr := journal.NewReader(r, &journal.Options{Tree: tree})
	// Only the checkpoint's entries are read: a journal still written to
	// may end in a line cut short after them.
	for e, err := range jr.All() {
		if cp.Size == 0 {
			break
		}
		if err != nil {
			return journalError(env, args[0], err)
		}
		if concerns(e, f.matter, f.subject) {
			picked = append(picked, e)
		}
		if e.Seq == cp.Size {
			break
		}
	}
	if root, err := tree.Root(cp.Size); err != nil || root != cp.Root {
		return env.Errorf(command.Failed, "%s 不是检查点 %s 的日志：前 %d 条的树根不符或不足 %d 条", command.Name(args[0]), f.checkpoint, cp.Size, cp.Size)
	}
	if len(picked) == 0 {
		return env.Errorf(command.Failed, "检查点的前 %d 条中没有%s", cp.Size, about(f.matter, f.subject))
	}
	var out bytes.Buffer
	for _, e := range picked {
		rc, err := tree.Receipt(e, signed)
		if err != nil {
			return env.Errorf(command.Failed, "%v", err)
		}
		b, err := json.Marshal(rc)
		if err != nil {
			return env.Errorf(command.Usage, "%v", err)
		}
		out.Write(b)
		out.WriteByte('\n')
	}
	if err := env.Write(f.out, out.Bytes()); err != nil {
		return env.Errorf(command.Usage, "%v", err)
	}
	fmt.Fprintf(env.Stderr, "回执 %d 张（检查点 %s，前 %d 条）\n", len(picked), cp.Origin, cp.Size)
	return command.OK
}

// concerns reports whether entry e is one of matter's (its event,
// evaluation or amendment), or, for subject, an evaluation of subject or
// an amendment of one.
func concerns(e journal.Entry, matter, subject string) bool {
	switch e.Kind {
	case journal.KindEvent:
		ev, err := e.Event()
		return err == nil && matter != "" && ev.Matter == matter
	case journal.KindEvaluation:
		ev, err := e.Evaluation()
		return err == nil && (matter != "" && ev.Matter == matter || subject != "" && ev.Subject == subject)
	case journal.KindAmendment:
		a, err := e.Amendment()
		return err == nil && (matter != "" && a.Matter == matter || subject != "" && a.Subject == subject)
	}
	return false
}

// about names what receipts were asked for.
func about(matter, subject string) string {
	if matter != "" {
		return "事项 " + matter + " 的条目"
	}
	return "单位 " + subject + " 受到的评价"
}

// checkpointCode is the exit code for a checkpoint that openCheckpoint
// refused: Failed for one whose signature does not verify, Usage for one
// that cannot be read.
func checkpointCode(err error) int {
	if errors.Is(err, journal.ErrProof) {
		return command.Failed
	}
	return command.Usage
}

// Run runs qingdan journal verify-receipt on the files args and returns its exit code.
func (f *verifyReceiptOptions) Run(env *command.Env, args []string) int {
	if f.key == "" {
		return env.UsageError("应给出 -key 公钥文件")
	}
	v, err := verifier(env, f.key)
	if err != nil {
		return env.Errorf(command.Usage, "%v", err)
	}
	var published *journal.Checkpoint
	if f.checkpoint != "" {
		cp, _, err := openCheckpoint(env, f.checkpoint, f.key)
		if err != nil {
			return env.Errorf(checkpointCode(err), "%v", err)
		}
		published = &cp
	}
	b, err := env.Read(args[0], 64<<20)
	if err != nil {
		return env.Errorf(command.Usage, "%v", err)
	}
	code, n := command.OK, 0
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, len(b)+1)
	for line := 1; sc.Scan(); line++ {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		n++
		var rc journal.Receipt
		if err := jsonx.Decode(sc.Bytes(), &rc); err != nil {
			fmt.Fprintf(env.Stdout, "第 %d 行：无法读取：%s（英文原文：%v）\n", line, receiptProblem(sc.Bytes(), err), err)
			code = command.Usage
			continue
		}
		e, cp, err := rc.Verify(v)
		if err != nil {
			fmt.Fprintf(env.Stdout, "第 %d 行：不通过：%s（英文原文：%v）\n", line, unverified(&rc, v, err), err)
			code = max(code, command.Failed)
			continue
		}
		if published != nil && cp != *published {
			// Signed with the key, but not the checkpoint the holder
			// was shown: a fork the key holder signed, or another
			// checkpoint, which only a consistency proof joins to it.
			fmt.Fprintf(env.Stdout, "第 %d 行：不通过：回执的检查点（前 %d 条，树根 %s）不是已公布的检查点 %s（前 %d 条，树根 %s）\n",
				line, cp.Size, cp.Root, f.checkpoint, published.Size, published.Root)
			code = max(code, command.Failed)
			continue
		}
		fmt.Fprintf(env.Stdout, "第 %d 行：通过，%s 第 %d 条（%s），在检查点的前 %d 条中\n", line, cp.Origin, e.Seq, e.Kind.Label(), cp.Size)
	}
	if n == 0 {
		return env.Errorf(command.Usage, "%s 中没有回执", command.Name(args[0]))
	}
	return code
}

// unverified says in Chinese why rc, which reads as a receipt, did not
// verify with v (err, from [journal.Receipt.Verify]): which of its two
// checks failed: the checkpoint's signature, which Verify checks first,
// or the entry's inclusion in it. (An entry changed since it was hashed
// is refused when the receipt is read: see receiptProblem.)
func unverified(rc *journal.Receipt, v note.Verifier, err error) string {
	if _, cerr := journal.OpenCheckpoint(rc.Checkpoint, v); cerr != nil {
		if errors.Is(cerr, journal.ErrProof) {
			return "回执的检查点不是用所给公钥签名的（签名不符，或检查点属于另一个日志）"
		}
		return "回执所载的不是一个签名的检查点"
	}
	if errors.Is(err, journal.ErrProof) {
		return "回执的证明不能证明该条目在检查点之中（条目、证明或检查点被改动过）"
	}
	return "回执所载的条目不是日志的一行"
}

// receiptProblem says in Chinese what is wrong with b, a line of receipts
// that could not be read (err): where the strict decoder refused its JSON,
// what and where as check says it of a JSON file (the path to the member
// at fault, or the column: the caller names the line); otherwise what a
// receipt must hold.
func receiptProblem(b []byte, err error) string {
	zh, ok := jsonx.Chinese(b, err)
	switch {
	case ok:
		if rest, cut := strings.CutPrefix(zh, "第 1 行第 "); cut { // b is one line
			return "第 " + rest
		}
		return zh
	case errors.Is(err, journal.ErrTampered):
		return "回执所载的条目与它的哈希不符（条目被改动过）"
	}
	return "回执所载的条目不是日志的一行，或证明不是哈希的列表"
}
