// Package wuhu is Wuhu's reading of the sub-district reform: its body
// layout, "六办两中心" (six offices and two centres), and, with the scoring
// packages, its one-matter-one-evaluation scheme (一事一评).
//
// 芜湖市, a prefecture-level city of Anhui, reorganised its sub-districts
// (街道管理体制改革) into six offices and two centres, with up to two
// offices of a sub-district's own, and has the sub-districts grade every
// department that answers a whistle (吹哨报到), one matter one evaluation,
// the composite counting 30% of a department's annual assessment. This
// package holds that reform as data: [Template] is the layout, for
// accountability.Template.Check; [Scale] (好 100, 较好 85, 一般 70, 差 40)
// and [Table] (version "wuhu-2020.2") grade a matter, for package scoring;
// [Weights] (30/70) blend the annual assessment, for package assessment.
//
// It is one locality's reading of the reform, the data this library was
// built and tested with; a host whose bodies or grades differ writes its
// own, and the core packages (accountability, matters, scoring) name no
// locality.
package wuhu
