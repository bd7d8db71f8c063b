package scoring

// Match returns the position (0-based) of the rule of t that grades f —
// the first whose conditions all hold, the one whose number (Match + 1)
// the Result's Reason quotes — and true; or -1 and false when no rule
// matches. It looks at the conditions only, not at whether the rule's
// grade is on the scale. Tools that ask which rows a set of facts reaches,
// such as scoringtest.Cover, use it. A nil *Table matches nothing.
func (t *Table) Match(f Facts) (rule int, ok bool) {
	if t == nil {
		return -1, false
	}
	for i := range t.Rules {
		if t.Rules[i].matches(&f) {
			return i, true
		}
	}
	return -1, false
}
