// Package shatanglu is 沙塘路街道's reading of the sub-district reform: its
// body layout, "5+3+1" (five offices, three centres and one body of its
// own).
//
// 沙塘路街道 is a sub-district of 花山区, 马鞍山市. Its reform
// (街道管理体制改革) set up five offices and three centres, left room for
// one self-set body, and put the agencies dispatched to it (派驻机构) under
// its lead; the source names the forces of 城管, 市场监管 and 司法 and, in
// its campaign against illegal building, 城管中队, 司法所 and 派出所. This
// package holds that layout as data: [Template], for
// accountability.Template.Check.
//
// It is one locality's reading of the reform, the data this library was
// built and tested with; a host whose bodies are named otherwise writes its
// own, and the core packages name no locality.
package shatanglu
