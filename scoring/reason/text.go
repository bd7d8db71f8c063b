package reason

import (
	"strconv"
	"time"

	"github.com/qingdan/qingdan/scoring/internal/ratio"
)

// String writes the reason in its language, e.g. in English
//
//	rule 6 "on time, quality ≥ 4": response 0.50 of limit, resolution 0.80 of limit, quality 5, no feedback
//
// and in Chinese
//
//	规则 6「按时，质量≥4」：响应用时为时限的 0.50 倍，办结用时为时限的 0.80 倍，质量 5，未回访
//
// The rule comes first (when Rule is set), then the figures and the
// type, then Text.
// Checks are data only: the rule's name says what it checks.
func (r Reason) String() string { return string(r.Append(make([]byte, 0, 192), r.Lang)) }

// In writes the reason as String does, in the language l.
func (r Reason) In(l Lang) string { return string(r.Append(make([]byte, 0, 192), l)) }

// Append appends the reason in the language l to b, as String writes it.
func (r Reason) Append(b []byte, l Lang) []byte {
	w := words[0]
	if l == Chinese {
		w = words[1]
	}
	head := r.Rule != 0
	if head {
		b = append(b, w.rule...)
		b = strconv.AppendInt(b, int64(r.Rule), 10)
		if r.Name != "" {
			if l == Chinese && plain(r.Name) {
				b = append(b, "「"...)
				b = append(b, r.Name...)
				b = append(b, "」"...)
			} else {
				b = append(b, ' ')
				b = appendQuoted(b, r.Name)
			}
		}
	}
	seen := len(r.Figures) > 0 || r.Type != ""
	if seen {
		if head {
			b = append(b, w.colon...)
		}
		b = AppendFigures(b, r.Figures, l)
		if r.Type != "" {
			if len(r.Figures) > 0 {
				b = append(b, w.comma...)
			}
			b = appendType(b, r.Type, &w)
		}
	}
	if r.Text != "" {
		switch {
		case seen:
			b = append(b, w.semi...)
		case head:
			b = append(b, w.colon...)
		}
		b = append(b, r.Text...)
	}
	return b
}

// AppendFigures appends figures as a reason lists them, in the language l.
func AppendFigures(b []byte, fs []Figure, l Lang) []byte {
	w := &words[0]
	if l == Chinese {
		w = &words[1]
	}
	for i := range fs {
		if i > 0 {
			b = append(b, w.comma...)
		}
		b = fs[i].append(b, w)
	}
	return b
}

// vocabulary are the words of a reason in one language.
type vocabulary struct {
	rule, colon, comma, semi string
	// time figures: done, missing, so far, ratio before and after, no limit
	done, missing           [2]string // by Of: Response, Resolution
	soFar, before, after    string
	noLimitBefore, noLimit  string
	returned, urged, sup    string
	times                   string
	quality, qualityMissing string
	yes, no, noAnswer       string
	stage, stageAfter, typ  string
	open, close             string // quotes of a type
}

var words = [2]vocabulary{{
	rule: "rule ", colon: ": ", comma: ", ", semi: "; ",
	done: [2]string{"response ", "resolution "}, missing: [2]string{"not responded", "not resolved"},
	soFar: "so far ", before: "", after: " of limit", noLimitBefore: "", noLimit: ", no limit",
	returned: "returned", urged: "urged ", sup: "supervised ", times: "",
	quality: "quality ", qualityMissing: "quality not given",
	yes: "satisfied", no: "dissatisfied", noAnswer: "no feedback",
	stage: "stage ", typ: "type ",
}, {
	rule: "规则 ", colon: "：", comma: "，", semi: "；",
	done: [2]string{"响应用时", "办结用时"}, missing: [2]string{"未响应", "未办结"},
	soFar: "至今用时", before: "为时限的 ", after: " 倍", noLimitBefore: " ", noLimit: "，无时限",
	returned: "退单", urged: "催办 ", sup: "督办 ", times: " 次",
	quality: "质量 ", qualityMissing: "质量未评",
	yes: "满意", no: "不满意", noAnswer: "未回访",
	stage: "第 ", stageAfter: " 阶段", typ: "类型",
	open: "「", close: "」",
}}

// append writes one figure.
func (f *Figure) append(b []byte, w *vocabulary) []byte {
	switch f.Of {
	case Response, Resolution:
		return f.appendTime(b, w)
	case Returned:
		return append(b, w.returned...)
	case Urged, Supervised:
		if f.Of == Urged {
			b = append(b, w.urged...)
		} else {
			b = append(b, w.sup...)
		}
		b = appendInt(b, f.Value)
		return append(b, w.times...)
	case Quality:
		if f.Value == 0 {
			return append(b, w.qualityMissing...)
		}
		return appendInt(append(b, w.quality...), f.Value)
	case Satisfaction:
		switch {
		case f.Value > 0:
			return append(b, w.yes...)
		case f.Value < 0:
			return append(b, w.no...)
		}
		return append(b, w.noAnswer...)
	case Stage:
		b = appendInt(append(b, w.stage...), f.Value)
		return append(b, w.stageAfter...)
	}
	b = append(b, f.Of.String()...)
	if f.Value != 0 {
		b = appendInt(append(b, ' '), f.Value)
	}
	return b
}

// appendType writes a matter type.
func appendType(b []byte, typ string, w *vocabulary) []byte {
	b = append(b, w.typ...)
	if w.open != "" && plain(typ) {
		b = append(b, w.open...)
		b = append(b, typ...)
		return append(b, w.close...)
	}
	return appendQuoted(b, typ)
}

// appendTime writes a time against its limit.
func (f *Figure) appendTime(b []byte, w *vocabulary) []byte {
	i := 0
	if f.Of == Resolution {
		i = 1
	}
	if f.Done {
		b = append(b, w.done[i]...)
	} else {
		b = append(b, w.missing[i]...)
		if f.Actual <= 0 {
			return b
		}
		b = append(b, w.comma...)
		b = append(b, w.soFar...)
	}
	actual := max(f.Actual, 0)
	if f.Limit <= 0 {
		b = append(b, w.noLimitBefore...)
		b = append(b, time.Duration(actual).String()...)
		return append(b, w.noLimit...)
	}
	b = append(b, w.before...)
	b = ratio.Append(b, int64(actual), int64(f.Limit), max(f.Places, 2))
	return append(b, w.after...)
}

// appendInt is strconv.AppendInt for an int, with a fast path for one digit.
func appendInt(b []byte, n int) []byte {
	if uint(n) < 10 {
		return append(b, byte('0'+n))
	}
	return strconv.AppendInt(b, int64(n), 10)
}
