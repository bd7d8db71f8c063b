package journal

import "fmt"

// Kind is the kind of an entry's payload. The zero Kind means "not set" and
// is never written to a journal.
type Kind int

// The kinds of entry.
const (
	KindEvent      Kind = iota + 1 // 事件: a matters.Event
	KindEvaluation                 // 评价: a scoring.Evaluation
	KindAmendment                  // 更正: a scoring.Amendment
)

var kindCodes = [...]string{KindEvent: "event", KindEvaluation: "evaluation", KindAmendment: "amendment"}
var kindLabels = [...]string{KindEvent: "事件", KindEvaluation: "评价", KindAmendment: "更正"}

func (k Kind) valid() bool { return k >= KindEvent && k <= KindAmendment }

// String returns the kind's code ("event", "evaluation", "amendment"), or
// "Kind(n)" for a value that is not a kind.
func (k Kind) String() string {
	if !k.valid() {
		return fmt.Sprintf("Kind(%d)", int(k))
	}
	return kindCodes[k]
}

// Label returns the kind's Chinese name, or "" for a value that is not a kind.
func (k Kind) Label() string {
	if !k.valid() {
		return ""
	}
	return kindLabels[k]
}

// ParseKind parses a kind's code or Chinese label.
func ParseKind(s string) (Kind, error) {
	for k := KindEvent; k <= KindAmendment; k++ {
		if s == kindCodes[k] || s == kindLabels[k] {
			return k, nil
		}
	}
	return 0, fmt.Errorf("journal: unknown entry kind %q", clip(s))
}

// MarshalText returns the kind's code; a value that is not a kind is an error.
func (k Kind) MarshalText() ([]byte, error) {
	if !k.valid() {
		return nil, fmt.Errorf("journal: cannot marshal entry kind %d", int(k))
	}
	return []byte(kindCodes[k]), nil
}

// UnmarshalText parses a kind's code or Chinese label.
func (k *Kind) UnmarshalText(b []byte) error {
	p, err := ParseKind(string(b))
	if err != nil {
		return err
	}
	*k = p
	return nil
}
