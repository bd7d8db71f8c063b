package matters_test

import (
	"errors"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"

	"github.com/qingdan/qingdan/internal/errlist"
	"github.com/qingdan/qingdan/matters"
)

// problemsOf returns the problems of a Validate's joined error, failing t
// on a part that is not a *Problem or does not wrap ErrInvalid.
func problemsOf(t *testing.T, err error) []matters.Problem {
	t.Helper()
	if err == nil {
		return nil
	}
	var out []matters.Problem
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var p *matters.Problem
		if !errors.As(e, &p) || !errors.Is(e, matters.ErrInvalid) {
			t.Errorf("part %q of the error is no *Problem wrapping ErrInvalid", e)
			continue
		}
		if want := p.Path + ": " + p.Message + ": matters: invalid"; e.Error() != want {
			t.Errorf("Error() = %q, want %q", e.Error(), want)
		}
		out = append(out, *p)
	}
	return out
}

// checkRefusal fails t unless err, from a Validate method, is nil or
// joins problems that wrap ErrInvalid: each a *Problem that names its path
// and says what is wrong in English and in Chinese, but for a last part,
// past the first errlist.Max, that counts the others.
func checkRefusal(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		return
	}
	joined, ok := err.(interface{ Unwrap() []error })
	if !ok || !errors.Is(err, matters.ErrInvalid) {
		t.Fatalf("Validate = %v, want problems joined, wrapping ErrInvalid", err)
	}
	parts := joined.Unwrap()
	if len(parts) > errlist.Max {
		if more := parts[len(parts)-1]; len(parts) != errlist.Max+1 || !errors.Is(more, matters.ErrInvalid) || !strings.Contains(more.Error(), "more problems") {
			t.Fatalf("Validate gave %d parts, the last %v; want at most %d problems and a count of the others", len(parts), more, errlist.Max)
		}
		parts = parts[:errlist.Max]
	}
	for _, p := range problemsOf(t, errors.Join(parts...)) {
		if p.Path == "" || p.Message == "" || !strings.ContainsFunc(p.Chinese, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
			t.Errorf("problem %+v lacks a path, a message or its Chinese", p)
		}
	}
}

// TestProblems: every problem the three lists' Validate methods report
// names its path and says what is wrong in English and in Chinese, for a
// report printed in Chinese (qingdan check).
func TestProblems(t *testing.T) {
	type P = matters.Problem
	for _, tc := range []struct {
		name string
		err  error
		want []P
	}{
		{"directory", (&matters.Directory{Routes: []matters.Route{
			{Type: "占道经营", Lead: "CGJ", Support: []string{"", "CGJ", "JD", "JD"}, Respond: -1, ResolveDays: matters.MaxResolveDays + 1},
			{Type: "占道经营", Respond: matters.MaxRespond + 1, ResolveDays: -2},
			{Lead: "JD"},
		}}).Validate(), []P{
			{"routes[占道经营].support[0]", "empty unit", "配合单位为空"},
			{"routes[占道经营].support[1]", "lead CGJ also supports", "牵头单位 CGJ 又列为配合单位"},
			{"routes[占道经营].support[3]", "unit JD supports twice", "配合单位 JD 列了两次"},
			{"routes[占道经营]", "negative response limit -1ns", "响应时限 -1ns 为负"},
			{"routes[占道经营]", "resolution limit of 3651 working days is over the most a route may set, 3650", "办结时限 3651 个工作日超过路由可设的上限 3650 个工作日"},
			{"routes[占道经营]", "type 占道经营 is routed by lines 0 and 1", "事项类型 占道经营 有两条路由（第 1 条和第 2 条）"},
			{"routes[占道经营]", "no lead unit", "没有牵头单位"},
			{"routes[占道经营]", "response limit 87600h0m0.000000001s is over the most a route may set, 87600h0m0s", "响应时限 87600h0m0.000000001s 超过路由可设的上限 87600h0m0s"},
			{"routes[占道经营]", "negative resolution limit of -2 working days", "办结时限 -2 个工作日为负"},
			{"routes[2]", "route has no matter type", "路由没有事项类型"},
		}},
		{"admission", (&matters.Admission{
			Items: []matters.Item{
				{Code: "CF-1", Name: "招商引资任务", List: matters.Duties},
				{Code: "CF-1", List: matters.List(9)},
				{Name: "巡查"},
			},
			Excluded: []matters.Exclusion{
				{Name: "招商引资", Also: []string{""}, Allow: []string{"", "招商"}},
				{Name: "招商引资"},
				{},
			},
		}).Validate(), []P{
			{"items[CF-1]", "item \"招商引资任务\" falls under the exclusion 招商引资", "事项“招商引资任务”属于不予准入的“招商引资”"},
			{"items[CF-1]", "code CF-1 is used by items 0 and 1", "编码 CF-1 用于两个事项（第 1 项和第 2 项）"},
			{"items[CF-1]", "item has no name", "事项没有名称"},
			{"items[CF-1]", "item \"\" names an unknown list 9", "事项“”所属的清单 9 不存在"},
			{"items[2]", "item \"巡查\" has no code", "事项“巡查”没有编码"},
			{"items[2]", "item \"巡查\" names no list", "事项“巡查”未注明所属清单"},
			{"excluded[招商引资].also[0]", "empty phrase", "短语为空"},
			{"excluded[招商引资].allow[0]", "empty phrase", "短语为空"},
			{"excluded[招商引资].allow[1]", "\"招商\" is part of \"招商引资\", so every title under \"招商引资\" is allowed", "放行短语“招商”是“招商引资”的一部分，凡属“招商引资”的事项都会放行"},
			{"excluded[招商引资]", "exclusion named twice", "排除事项重名"},
			{"excluded[2]", "exclusion has no name", "排除事项没有名称"},
		}},
		{"key tasks", matters.KeyTasks{
			{ID: "KT-1", Name: "拆违", Functions: []matters.Function{{Lead: "CGJ"}, {Name: "执法", Lead: "CGJ"}, {Name: "执法", Lead: "CGJ"}}},
			{ID: "KT-1"},
			{Name: "控违"},
		}.Validate(), []P{
			{"tasks[KT-1].functions[0]", "function has no name", "职能没有名称"},
			{"tasks[KT-1].functions[执法]", "function named twice", "职能重名"},
			{"tasks[KT-1]", "ID KT-1 is used by tasks 0 and 1", "编号 KT-1 用于两项任务（第 1 项和第 2 项）"},
			{"tasks[KT-1]", "task has no name", "任务没有名称"},
			{"tasks[KT-1]", "task \"\" has no function", "任务“”没有职能分工"},
			{"tasks[2]", "task \"控违\" has no ID", "任务“控违”没有编号"},
			{"tasks[2]", "task \"控违\" has no function", "任务“控违”没有职能分工"},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, problemsOf(t, tc.err)); diff != "" {
				t.Errorf("problems mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestProblemCutsInput: a problem repeats no more than a line of its
// input, in its path and in both its texts.
func TestProblemCutsInput(t *testing.T) {
	long := strings.Repeat("长", 10000)
	ps := problemsOf(t, (&matters.Directory{Routes: []matters.Route{{Type: long, Lead: long, Support: []string{long}}}}).Validate())
	if len(ps) != 1 {
		t.Fatalf("got %d problems, want 1: %v", len(ps), ps)
	}
	for _, s := range []string{ps[0].Path, ps[0].Message, ps[0].Chinese} {
		if len(s) > 1000 {
			t.Errorf("problem text of %d bytes, want a line: %.80q…", len(s), s)
		}
	}
}
