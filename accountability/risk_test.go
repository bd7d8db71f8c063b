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
		{DefaultMatrix, 1, 1, Low, nil},
		{DefaultMatrix, 2, 3, Low, nil},
		{DefaultMatrix, 2, 4, Medium, nil},
		{DefaultMatrix, 3, 4, Medium, nil},
		{DefaultMatrix, 3, 5, High, nil},
		{DefaultMatrix, 5, 5, High, nil},
		{Matrix{}, 3, 5, High, nil}, // the zero Matrix is DefaultMatrix
		{Matrix{}, 2, 3, Low, nil},
		{Matrix{High: 20, Medium: 5}, 3, 5, Medium, nil},
		{Matrix{High: 20, Medium: 5}, 4, 5, High, nil},
		{DefaultMatrix, 0, 3, 0, ErrRange},
		{DefaultMatrix, 3, 6, 0, ErrRange},
		{DefaultMatrix, -1, -1, 0, ErrRange},
		{Matrix{High: 5, Medium: 8}, 3, 3, 0, ErrRange},
		{Matrix{High: 5, Medium: 0}, 3, 3, 0, ErrRange},
	}
	for _, tt := range tests {
		got, err := tt.m.Level(tt.likelihood, tt.impact)
		if got != tt.want || !errors.Is(err, tt.wantErr) {
			t.Errorf("%+v.Level(%d, %d) = %v, %v; want %v, %v", tt.m, tt.likelihood, tt.impact, got, err, tt.want, tt.wantErr)
		}
	}
	if DefaultMatrix != (Matrix{High: 15, Medium: 8}) {
		t.Errorf("DefaultMatrix = %+v, want {High: 15, Medium: 8}", DefaultMatrix)
	}
}
