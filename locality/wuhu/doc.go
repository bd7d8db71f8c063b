// Package wuhu is Wuhu's reading of the sub-district reform: its body
// layout, "六办两中心" (six offices and two centres), and, with the scoring
// packages, its one-matter-one-evaluation scheme (一事一评).
//
// 芜湖市, a prefecture-level city of Anhui, reorganised its sub-districts
// (街道管理体制改革) into six offices and two centres, with up to two
// offices of a sub-district's own, and has the sub-districts grade every
// department that answers a whistle (吹哨, 应哨), one matter one evaluation,
// the composite counting 30% of a department's annual assessment. This
// package holds that reform as data: [Template] is the layout, for
// accountability.Template.Check; [Scale] (好 100, 较好 85, 一般 70, 差 40)
// and [Table] (version "wuhu-2020.2") grade a matter, for package scoring;
// [Weights] (30/70) blend the annual assessment, for package assessment.
//
// The source of the reform gives the layout, the limit of two offices of
// a sub-district's own, the grade (等次评价) given after every whistle by
// the speed and quality of the answer (速度、质量等), staged grades for a
// matter that takes long, the composite at the year's end and the 30%.
// It names neither the grades nor their points nor any rule of grading:
// Scale's grades and points and Table's rows, thresholds and versions are
// illustrative, this package's reading, data that a host replaces with
// its own.
//
// It is one locality's reading of the reform, the data this library was
// built and tested with; a host whose bodies or grades differ writes its
// own, and the core packages (accountability, matters, scoring) name no
// locality.
package wuhu
