package main

import (
	"slices"
	"strings"

	"github.com/qingdan/qingdan/scoring"
)

// cutoffs states how scale grades the figure a table prints, as the report
// states its formulas: "等次：总分 ≥90 优秀、≥75 称职、≥60 基本称职，其余为
// 不称职", the grades from the most points down. Each grade is reached at
// its points and the lowest takes the rest, as [scoring.Scale.Floor]
// grades (staff.Appraisal and assessment.Sheet grade by it); a scale of one
// grade gives it to all ("等次：均为合格").
func cutoffs(figure string, scale scoring.Scale) string {
	if len(scale) < 2 {
		return "等次：" + cutoffList(scale)
	}
	return "等次：" + figure + " " + cutoffList(scale)
}

// cutoffList is cutoffs without "等次：" and the figure: "≥90 优秀、
// ≥75 称职、≥60 基本称职，其余为不称职", "均为合格" for one grade, "无" for
// none.
func cutoffList(scale scoring.Scale) string {
	s := slices.SortedStableFunc(slices.Values(scale), func(a, b scoring.Grade) int { return b.Points.Cmp(a.Points) })
	switch len(s) {
	case 0:
		return "无"
	case 1:
		return "均为" + s[0].Label
	}
	parts := make([]string, len(s)-1)
	for i, g := range s[:len(s)-1] {
		parts[i] = "≥" + g.Points.String() + " " + g.Label
	}
	return strings.Join(parts, "、") + "，其余为" + s[len(s)-1].Label
}
