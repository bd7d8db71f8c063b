package main

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/scoring"
	"github.com/shopspring/decimal"
)

// TestLowest: the day's lowest names everyone who shares the lowest
// composite, not one of them picked by ID (on 2020-06-04 four members
// scored 85.00 and only 葛荣华 was named).
func TestLowest(t *testing.T) {
	score := func(subject, composite string, rank int) scoring.Score {
		return scoring.Score{Subject: subject, Composite: decimal.RequireFromString(composite), Rank: rank}
	}
	tests := []struct {
		name   string
		scores []scoring.Score
		want   []string
	}{
		{"none", nil, nil},
		{"one", []scoring.Score{score("CG01", "85", 1)}, []string{"CG01"}},
		{"one lowest", []scoring.Score{score("CG01", "100", 1), score("SJ02", "40", 2)}, []string{"SJ02"}},
		{"tied lowest", []scoring.Score{score("PC01", "100", 1), score("CG02", "85", 2), score("CG04", "85", 2), score("SJ02", "85", 2)},
			[]string{"CG02", "CG04", "SJ02"}},
		{"all tied", []scoring.Score{score("CG01", "70", 1), score("SF01", "70", 1)}, []string{"CG01", "SF01"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range lowest(tt.scores) {
				got = append(got, s.Subject)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("lowest mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
