package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/hardening/samples"
	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/qingdan/qingdan/journal"
	"github.com/qingdan/qingdan/matters"
	"golang.org/x/mod/sumdb/note"
)

// TestReceiptProblem: what verify-receipt says of a line it cannot read
// is Chinese, whatever refused the line: the strict decoder (by column on
// the line, or by path), or the receipt's own reading of its entry.
func TestReceiptProblem(t *testing.T) {
	const entry = `{"seq":1,"kind":"event","prev":"0000000000000000000000000000000000000000000000000000000000000000","payload":{"matter":"WH2020-0001","seq":1,"at":"2020-01-02T04:32:00Z","kind":"report","actor":"tingtang","type":"占道经营","note":"菜市场周边流动摊贩占道"},"hash":"c29fca772e4c47b618183efc980a3bbfe406445512585ccbf2a8667546b4a9fb"}`
	receipt := func(entry string) string {
		b, err := json.Marshal(map[string]any{"entry": entry, "proof": []string{}, "checkpoint": ""})
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	for _, c := range []struct{ name, line, want string }{
		{"not JSON", `{"entry" ""}`, `第 10 列：不是有效的 JSON`},
		{"cut short", `{"entry":"`, `第 11 列：JSON 不完整：文件在值结束之前就结束了`},
		{"an unknown member", `{"entry":"","proof":[],"checkpoint":"","by":"x"}`, `没有字段 "by"（字段名拼错了、放错了层级，或给错了文件）`},
		{"a member twice", `{"entry":"","entry":""}`, `字段 "entry" 出现了两次`},
		{"a proof of another kind", `{"entry":"","proof":{},"checkpoint":""}`, `proof：应为数组，却是对象`},
		{"no proof", `{"entry":"","checkpoint":""}`, `回执所载的条目不是日志的一行，或证明不是哈希的列表`},
		{"an entry that is no line", receipt(`{}`), `回执所载的条目不是日志的一行，或证明不是哈希的列表`},
		{"a tampered entry", receipt(strings.Replace(entry, "占道经营", "占道经营了", 1)), `回执所载的条目与它的哈希不符（条目被改动过）`},
	} {
		t.Run(c.name, func(t *testing.T) {
			var rc journal.Receipt
			err := jsonx.Decode([]byte(c.line), &rc)
			if err == nil {
				t.Fatalf("Decode took %s", c.line)
			}
			if diff := cmp.Diff(c.want, receiptProblem([]byte(c.line), err)); diff != "" {
				t.Errorf("%v: mismatch (-want +got):\n%s", err, diff)
			}
		})
	}
	var rc journal.Receipt
	if err := jsonx.Decode([]byte(receipt(entry)), &rc); err != nil {
		t.Fatalf("the sound entry: %v", err)
	}
}

// TestUnverified: a receipt that reads but does not verify is said, in
// Chinese, to fail the check it fails: a checkpoint another key signed, a
// checkpoint that is no signed note, or a proof that does not prove the
// entry in it (a hash of the proof changed, or the proof of another entry).
func TestUnverified(t *testing.T) {
	key := func(seed byte) (note.Signer, note.Verifier) {
		s, vkey := samples.Key(t, "test.example/journal", seed)
		v, err := journal.NewVerifier(vkey)
		if err != nil {
			t.Fatal(err)
		}
		return s, v
	}
	signer, verifier := key(1)
	_, other := key(2)
	tree := journal.NewTree()
	var buf bytes.Buffer
	w := journal.NewWriter(&buf, &journal.Options{Tree: tree})
	at := time.Date(2020, 6, 1, 9, 0, 0, 0, time.UTC)
	for i, kind := range []matters.Kind{matters.Report, matters.Whistle, matters.Dispatch} {
		e := matters.Event{Matter: "WH2020-0001", Seq: i + 1, At: at.Add(time.Duration(i) * time.Hour), Kind: kind, Actor: "S1", Type: "占道经营"}
		if kind == matters.Dispatch {
			e.Units = []string{"D1"}
		}
		if _, err := w.AppendEvent(e); err != nil {
			t.Fatal(err)
		}
	}
	var entries []journal.Entry
	for e, err := range journal.NewReader(bytes.NewReader(buf.Bytes()), nil).All() {
		if err != nil {
			t.Fatal(err)
		}
		entries = append(entries, e)
	}
	signed, err := tree.Checkpoint(signer.Name()).Sign(signer)
	if err != nil {
		t.Fatal(err)
	}
	receipt := func(e journal.Entry) journal.Receipt {
		rc, err := tree.Receipt(e, signed)
		if err != nil {
			t.Fatal(err)
		}
		return *rc
	}
	for _, c := range []struct {
		name  string
		spoil func(*journal.Receipt)
		v     note.Verifier
		want  string
	}{
		{"another key", func(*journal.Receipt) {}, other, "回执的检查点不是用所给公钥签名的（签名不符，或检查点属于另一个日志）"},
		{"no signed checkpoint", func(rc *journal.Receipt) { rc.Checkpoint = []byte("not a note\n") }, verifier, "回执所载的不是一个签名的检查点"},
		{"a hash of the proof changed", func(rc *journal.Receipt) { rc.Proof[0][0] ^= 1 }, verifier, "回执的证明不能证明该条目在检查点之中（条目、证明或检查点被改动过）"},
		{"another entry's proof", func(rc *journal.Receipt) { rc.Proof = receipt(entries[0]).Proof }, verifier, "回执的证明不能证明该条目在检查点之中（条目、证明或检查点被改动过）"},
	} {
		t.Run(c.name, func(t *testing.T) {
			rc := receipt(entries[1])
			if _, _, err := rc.Verify(verifier); err != nil {
				t.Fatalf("the sound receipt: %v", err)
			}
			c.spoil(&rc)
			_, _, err := rc.Verify(c.v)
			if err == nil {
				t.Fatal("Verify took the spoilt receipt")
			}
			if diff := cmp.Diff(c.want, unverified(&rc, c.v, err)); diff != "" {
				t.Errorf("%v: mismatch (-want +got):\n%s", err, diff)
			}
		})
	}
}
