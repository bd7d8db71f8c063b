package wuhu

import (
	"github.com/qingdan/qingdan/assessment"
	"github.com/shopspring/decimal"
)

// Weights returns the weights of Wuhu's annual assessment of a department:
// the sub-districts' composite of one matter, one evaluation counts 30%
// (assessment.SubdistrictPart, "subdistrict"), as the source says
// (街道评价占30%), and the rest of the assessment, which the source does not
// break down, 70% ("department"). Each call returns a new map.
func Weights() assessment.Weights {
	return assessment.Weights{assessment.SubdistrictPart: decimal.New(3, -1), "department": decimal.New(7, -1)}
}
