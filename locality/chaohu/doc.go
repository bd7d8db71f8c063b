// Package chaohu is Chaohu's reading of the sub-district reform: its body
// layout, "一办五部两中心" (one office, five departments and two centres)
// with the 生态环境部 every sub-district added and one reserved slot.
//
// 巢湖市, a county-level city under 合肥市 on the shore of 巢湖, reorganised
// its sub-districts (街道管理体制改革) into one office, five departments and
// two centres; every sub-district then added a department for the lake's
// environment (生态环境部) and kept one slot for a department of its own,
// as 中庙街道 did with 文旅发展部. This package holds that layout as data:
// [Template], for accountability.Template.Check.
//
// It is one locality's reading of the reform, the data this library was
// built and tested with; a host whose bodies are named otherwise writes its
// own, and the core packages name no locality.
package chaohu
