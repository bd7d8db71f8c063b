// Package reason holds why an evaluator gave a grade, as data: the rule
// that fired, the comparisons it made (the figure, the comparison, the
// threshold), the figures it saw with their exact values, and free text
// for a host's own evaluators. A host shows a reason without parsing
// text: it reads the fields, or asks [Reason.String] for a sentence in
// the reason's language ([Lang]: English or Chinese), or [Reason.In] for
// another.
//
// A decision table of package scoring writes one Reason per grade, in the
// language the table declares (its "lang" member: "zh" for Chinese, empty
// or "en" for English). Its text is written only when asked for, from
// pieces the reason holds, so grading costs no text at all; the text is
// the same whenever it is asked for.
//
// # Figures and their rounding
//
// A response or resolution figure holds its working time and its limit,
// so its ratio is exact; Places says how many decimals the text shows of
// it: 2, or as many more as it takes never to read as on or across a
// threshold it is not on (the limit itself, or a ratio of one of the
// table's rules for that figure). A response of 4h0m10s against a 4-hour
// limit reads "1.001 of limit", never "1.00".
package reason
