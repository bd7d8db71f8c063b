package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/qingdan/qingdan/journal"
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
