package main

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/qingdan/qingdan/journal"
	"github.com/qingdan/qingdan/matters"
)

// TestIndexed: an index that does not hold every entry of the state —
// it ends short, a line it could not read, a line out of order — is an
// error that wraps journal.ErrInvalid and names the entry at fault; one
// that holds them all is none.
func TestIndexed(t *testing.T) {
	var lines [][]byte
	head := journal.Head{}
	for i := range 3 {
		line, h, err := journal.Seal(head, matters.Event{Matter: "WH1", Seq: i + 1, At: time.Date(2020, 6, 1, 9, i, 0, 0, time.UTC)}, nil)
		if err != nil {
			t.Fatal(err)
		}
		lines, head = append(lines, line), h
	}
	for _, tt := range []struct {
		name  string
		lines [][]byte // what the index is given, through tee
		want  string   // in the error; "" for none
	}{
		{"every entry", lines, ""},
		{"ends short", lines[:2], "entry 3"},
		{"a line it cannot read", [][]byte{lines[0], []byte("not json"), lines[2]}, "entry 2"},
		{"a line out of order", [][]byte{lines[0], lines[2], lines[1]}, "entry 2"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := &Service{state: &journal.Rebuilt{Head: head}, index: newIndex()}
			rows := func(yield func([]byte, error) bool) {
				for _, line := range tt.lines {
					if !yield(line, nil) {
						return
					}
				}
			}
			for _, err := range s.index.tee(rows) {
				if err != nil {
					t.Fatal(err)
				}
			}
			err := s.indexed()
			if tt.want == "" {
				if err != nil {
					t.Fatalf("indexed: %v; want nil", err)
				}
				return
			}
			if !errors.Is(err, journal.ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("indexed: %v; want an error that wraps journal.ErrInvalid and names %s", err, tt.want)
			}
		})
	}
}
