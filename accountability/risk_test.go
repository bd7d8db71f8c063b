package accountability

import (
	"errors"
	"testing"
)

func TestMatrixLevel(t *testing.T) {
	tests := []struct {
		m                  Matrix
		likelihood, impact int
		want               Level
		wantErr            error
	}{
		{Matrix{}, 1, 1, Low, nil},
		{Matrix{}, 2, 3, Low, nil},
		{Matrix{}, 2, 4, Medium, nil},
		{Matrix{}, 3, 4, Medium, nil},
		{Matrix{}, 3, 5, High, nil},
		{Matrix{}, 5, 5, High, nil},
		{Matrix{High: 15, Medium: 8}, 3, 5, High, nil},
		{Matrix{}, 2, 3, Low, nil},
		{Matrix{High: 20, Medium: 5}, 3, 5, Medium, nil},
		{Matrix{High: 20, Medium: 5}, 4, 5, High, nil},
		{Matrix{}, 0, 3, 0, ErrRange},
		{Matrix{}, 3, 6, 0, ErrRange},
		{Matrix{}, -1, -1, 0, ErrRange},
		{Matrix{High: 5, Medium: 8}, 3, 3, 0, ErrRange},
		{Matrix{High: 5, Medium: 0}, 3, 3, 0, ErrRange},
	}
	for _, tt := range tests {
		got, err := tt.m.Level(tt.likelihood, tt.impact)
		if got != tt.want || !errors.Is(err, tt.wantErr) {
			t.Errorf("%+v.Level(%d, %d) = %v, %v; want %v, %v", tt.m, tt.likelihood, tt.impact, got, err, tt.want, tt.wantErr)
		}
	}
	// The zero Matrix is {High: 15, Medium: 8}, as its doc says.
	for l := range 5 {
		for i := range 5 {
			zero, _ := Matrix{}.Level(l+1, i+1)
			if doc, _ := (Matrix{High: 15, Medium: 8}).Level(l+1, i+1); zero != doc {
				t.Errorf("likelihood %d, impact %d: the zero Matrix gives %v, {High: 15, Medium: 8} %v", l+1, i+1, zero, doc)
			}
		}
	}
}
