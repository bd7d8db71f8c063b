package accountability

// Where the records of a power list come from, and what a record of none
// of its cells is.

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// source is where the records of a list come from: a *csv.Reader, or rows.
type source interface {
	Read() ([]string, error)
	FieldPos(field int) (line, column int)
}

// rowSource serves rows of cells as records; a record's line is its row.
type rowSource struct {
	rows [][]string
	i    int
	rec  []string
}

func (s *rowSource) Read() ([]string, error) {
	if s.i >= len(s.rows) {
		return nil, io.EOF
	}
	s.rec = append(s.rec[:0], s.rows[s.i]...) // the caller's rows stay as they are
	s.i++
	return s.rec, nil
}

func (s *rowSource) FieldPos(int) (line, column int) { return s.i, 0 }

// malformed wraps ErrInvalid around err when it is a record the CSV
// format cannot read (a *csv.ParseError): that is invalid input, unlike a
// failure to read the text.
func malformed(err error) error {
	if _, ok := errors.AsType[*csv.ParseError](err); ok {
		return fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	return err
}

func blankRecord(rec []string) bool {
	for _, s := range rec {
		if strings.TrimSpace(s) != "" {
			return false
		}
	}
	return true
}
