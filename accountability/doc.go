// Package accountability models one body's "两单一图一点" — the power list
// (权力清单), the responsibility list (责任清单), the power-operation
// flowcharts (权力运行流程图) and the integrity-risk points (廉政风险点) —
// with the units that hold them, and checks them.
//
// It is the bottom of qingdan's import graph: package matters refers to its
// units, and it imports nothing else of ours but internal plumbing.
//
// # The register
//
// A [Register] holds the lists of one body:
//
//   - [Unit]s: the sub-district (街道), its internal offices (内设机构) and
//     centres (事业机构), dispatched agencies (派驻机构) and city departments,
//     with their unified social credit codes ([CheckCreditCode], GB
//     32100-2015) and administrative-division codes ([CheckDivisionCode]).
//     A [Template] is a layout a locality's reform prescribes, checked by
//     [Template.Check]; the packages under locality hold the layouts of
//     Wuhu (六办两中心), Chaohu (一办五部两中心) and 沙塘路街道 (5+3+1).
//   - [Power]s: category ([Category]), subject, legal basis ([Basis]),
//     responsibility items by stage ([Duty], [Stage]), liabilities (追责情形),
//     statutory and promised limits in working days, its flowchart, and a
//     [Grant] where the subject holds the power by grant (赋权), perhaps in
//     part. [ReadPowersCSV] and [ReadPowerRows] import a published list as
//     published: the national item-type codes, the header variants of
//     power, power-and-responsibility and government-service lists and of
//     catalogues that give no basis, both kinds of basis, parent items and
//     sub-items, GB18030 files, every column they do not model kept in
//     [Power.Extra], rows that continue an item whose cells the
//     spreadsheet merged, and cells as county and township lists write
//     them (a duty's heading over its text, several articles or cases run
//     together on a line).
//   - [Responsibility] items: main duties, tasks, the responsible unit, the
//     powers they rely on and the [Boundary] with other departments
//     (职责边界). [ReadResponsibilitiesCSV] and [ReadResponsibilityRows]
//     import a published responsibility list by its headers, as the power
//     reader does a power list (encodings, bounds, bad cells, columns of
//     no field kept in [Responsibility.Extra]): a list of duties (主要职责,
//     具体工作事项, 职责类别, 责任科室; tasks numbered on one line or one a
//     row under merged cells) and a table of boundaries (职责事项, 相关部门,
//     then 职责分工 or 本部门职责 and 相关部门职责, 相关依据), each row a
//     Boundary of its duty; a duty with no code is coded by its 序号
//     (ZZ-01). [WriteResponsibilitiesCSV] and [WritePowersCSV] write lists
//     back: what the readers read, they read back the same from them (a
//     power's Grant, which no column holds, is not written).
//   - [Flow]s: flowcharts as directed acyclic graphs of [Step]s and
//     [Edge]s, with [Flow.Order], [Flow.CriticalPath] (the longest
//     start-to-end path in working days), [Flow.DOT] and [Flow.Mermaid]. All
//     take linear time.
//   - [Risk]s on steps, graded by a [Matrix] of likelihood × impact
//     (the zero Matrix is the default), with [Control]s and an owner; [Separation]s of
//     incompatible posts (不相容岗位).
//
// # Validation
//
// [Register.Validate] runs every built-in [Rule] (listed by [Rules]) and the
// caller's own, and returns every [Finding] at once — never only the first —
// each with the rule's name, a [Severity], a path such as
// `flows[F1].steps[d]` and a message that names the item ([Finding.Label]
// gives it in Chinese, as every built-in rule writes it). [Findings.Err]
// turns the errors among them into an error. A rule is a value that declares
// itself (Name, Doc, Check), like an analysis pass; rule sets are checked up
// front, and a rule that cannot run is reported as a finding of rule
// [RuleInvalid] rather than run. Package accountabilitytest helps test a
// custom rule.
//
// # Revisions and interchange
//
// A register's Version names its revision and its [Adoption] says from
// when it is in force and whether it was approved and published (a
// [Status]); package matters holds a jurisdiction's revisions together and
// says which was in force when. [Diff] compares two revisions of a
// register entry by entry, for publishing list revisions ([DiffEntries]
// compares any keyed list so). [LoadRegister] reads a register's JSON
// strictly and within a size bound. The register and what the package reports
// about it (every list type, [Finding], [Change]) round-trip through
// encoding/json with lowerCamelCase names; enums are written as their codes
// ("licensing") and read from the code or the Chinese label ("行政许可");
// a zero enum means "not set" and is omitted. Times are RFC 3339. A
// [Rule], a [Matrix] and the error types are code or settings, not data,
// and have no JSON form of their own.
//
// # Enums
//
// Every enum ([Category], [Stage], [UnitKind], [StepKind], [Level],
// [Severity], [ChangeKind], [Status], [BasisKind]) behaves alike: String gives the code of a named
// value and "Type(n)" for any other, the zero value included
// ("Category(0)"); Label gives the Chinese label, and String's form for a
// value that is not named; the ParseX function trims white space, accepts
// the code, the Chinese label or an alias, and refuses anything else, the
// empty string included, with an error that names the input and wraps
// [ErrInvalid]; MarshalText writes the code, the empty text for the zero
// value, and refuses a value that is not named with an error that wraps
// [ErrInvalid]; UnmarshalText reads what ParseX reads, and the empty text
// as the zero value, and leaves the value alone on an error. A register
// read from JSON holds no value that is not named; one built in Go may,
// and [Register.Validate] reports it where it is (rules unit.required,
// power.required, flow.required and risk.level).
//
// # Concurrency
//
// Nothing here keeps state between calls. Reading methods of [Register] and
// [Flow] may run concurrently as long as nobody modifies the value; a
// [Rule]'s Check must not modify the register it checks.
//
// Input never makes a function panic; a nil *Register or *Flow receiver is
// a programmer's error and does.
package accountability
