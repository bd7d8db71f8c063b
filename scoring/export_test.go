package scoring

// CheckRegions reports t's gaps and rules that can never fire as Validate
// does, walking the regions by class of matter types, or by type when
// eachType is set: a test compares the two.
func (t *Table) CheckRegions(eachType bool) []error { return t.checkRegions(eachType) }
