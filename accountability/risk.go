package accountability

import "fmt"

// Control is a control measure against a risk (防控措施) and the post that
// applies it. A control whose Text is blank states no measure, and rule
// risk.control does not count it.
type Control struct {
	Text string `json:"text"`
	Post string `json:"post,omitempty"`
}

// Risk is an integrity-risk point (廉政风险点) on one step of a flowchart.
// Likelihood and Impact run 1–5; 0 means "not assessed", in which case the
// declared Level stands on its own. Owner is the post or unit answerable for
// the risk.
type Risk struct {
	ID         string    `json:"id"`
	Flow       string    `json:"flow"`
	Step       string    `json:"step"`
	Text       string    `json:"text,omitempty"`
	Likelihood int       `json:"likelihood,omitempty"`
	Impact     int       `json:"impact,omitempty"`
	Level      Level     `json:"level,omitempty"`
	Controls   []Control `json:"controls,omitempty"`
	Owner      string    `json:"owner,omitempty"`
}

// Matrix grades a risk by likelihood × impact (each 1–5): a product of at
// least High is [High], of at least Medium is [Medium], else [Low]. The zero
// Matrix is the default, the one the built-in rule risk.level applies: a
// product of at least 15 is high, of at least 8 medium (Matrix{High: 15,
// Medium: 8}). A Matrix is a plain value, safe to copy and to use
// concurrently.
//
// The matrix is one way to grade; localities that grade by post type or by
// consequence add their own [Rule].
type Matrix struct {
	High   int
	Medium int
}

// Level grades a risk. Likelihood and impact outside 1–5, or a matrix whose
// thresholds are not 1 ≤ Medium ≤ High, are an error wrapping [ErrRange].
func (m Matrix) Level(likelihood, impact int) (Level, error) {
	if m == (Matrix{}) {
		m = Matrix{High: 15, Medium: 8}
	}
	if m.Medium < 1 || m.High < m.Medium {
		return 0, fmt.Errorf("accountability: matrix high %d, medium %d: %w", m.High, m.Medium, ErrRange)
	}
	if likelihood < 1 || likelihood > 5 {
		return 0, fmt.Errorf("accountability: likelihood %d not in 1–5: %w", likelihood, ErrRange)
	}
	if impact < 1 || impact > 5 {
		return 0, fmt.Errorf("accountability: impact %d not in 1–5: %w", impact, ErrRange)
	}
	switch p := likelihood * impact; {
	case p >= m.High:
		return High, nil
	case p >= m.Medium:
		return Medium, nil
	}
	return Low, nil
}
