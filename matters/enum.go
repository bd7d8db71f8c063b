package matters

import (
	"fmt"
	"strconv"
	"strings"
)

// enum describes one of the package's enumerations: the codes and Chinese
// labels of its values 1…n, and any extra labels the parser also accepts.
type enum struct {
	name   string
	codes  []string
	labels []string
	alt    map[string]int
}

func (e *enum) code(v int) string {
	if v >= 1 && v <= len(e.codes) {
		return e.codes[v-1]
	}
	return e.name + "(" + strconv.Itoa(v) + ")"
}

func (e *enum) label(v int) string {
	if v >= 1 && v <= len(e.labels) {
		return e.labels[v-1]
	}
	return ""
}

// parse accepts a code or a Chinese label, ignoring surrounding space.
func (e *enum) parse(s string) (int, error) {
	t := strings.TrimSpace(s)
	for i, c := range e.codes {
		if t == c || t == e.labels[i] {
			return i + 1, nil
		}
	}
	if v, ok := e.alt[t]; ok {
		return v, nil
	}
	return 0, fmt.Errorf("matters: %q is not a %s (want one of %s, or its Chinese label): %w",
		s, e.name, strings.Join(e.codes, ", "), ErrInvalid)
}

func (e *enum) marshal(v int) ([]byte, error) {
	if v < 1 || v > len(e.codes) {
		return nil, fmt.Errorf("matters: cannot marshal %s %d: not a known value: %w", e.name, v, ErrInvalid)
	}
	return []byte(e.codes[v-1]), nil
}
