package assessment_test

import (
	"bytes"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/shopspring/decimal"
)

// loadSheet loads testdata/sheet.json: base the composite; 被督办 −1 each;
// 超时办结 −0.5 each, capped at 4; 响应率 bands [0, 0.9) −3, [0.9, 0.95)
// −1.5, [0.99, 1] +1; 市级表扬 +2 each, capped at 4; vetoes 重大责任事故
// (grade fail) and 响应率过低 (below 0.6: 59 points); additions capped at
// 3, deductions at 10; scale 优秀 90, 良好 80, 合格 60, 不合格 0.
func loadSheet(t testing.TB) *assessment.Sheet {
	t.Helper()
	f, err := os.Open("testdata/sheet.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := assessment.LoadSheet(f)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func dp(s string) *decimal.Decimal { v := d(s); return &v }

// apply applies s to f, failing t when s refuses.
func apply(t testing.TB, s *assessment.Sheet, f assessment.Facts) assessment.Result {
	t.Helper()
	r, err := s.Apply(f)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// saveLoad writes s as JSON and loads it back, failing t when it cannot;
// it returns the sheet loaded back and the JSON.
func saveLoad(t testing.TB, s *assessment.Sheet) (*assessment.Sheet, []byte) {
	t.Helper()
	var b bytes.Buffer
	if err := jsonx.Indent(&b, s); err != nil {
		t.Fatal(err)
	}
	back, err := assessment.LoadSheet(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatalf("a saved sheet does not load: %v", err)
	}
	return back, b.Bytes()
}

func TestSheetApply(t *testing.T) {
	s := loadSheet(t)
	const version = "测试考核细则/2026"
	items := s.Items
	type row struct {
		name  string
		facts assessment.Facts
		want  assessment.Result
	}
	// lowRate is a unit of the given base whose 响应率, below 0.6, falls
	// in [0, 0.9) (−3) and fires the veto 响应率过低: points are the
	// lower of the base − 3 and the veto's 59, graded 不合格.
	lowRate := func(name, unit, base, rate, points string) row {
		return row{name: name,
			facts: assessment.Facts{Unit: unit, Base: dp(base), Rates: map[string]decimal.Decimal{"响应率": d(rate)}},
			want: assessment.Result{Sheet: version, Unit: unit, Base: d(base), Deduction: d("-3"), Points: d(points), Grade: "fail",
				Reasons: []assessment.Reason{
					{Item: 3, Name: "响应率", Fact: "响应率", Rate: dp(rate), Band: &items[2].Bands[0], Points: d("-3")},
					{Item: 6, Name: "响应率过低", Fact: "响应率", Rate: dp(rate), Veto: items[5].Veto},
				}}}
	}
	tests := []row{{
		// 被督办 2 × −1 = −2; 超时办结 12 × −0.5 = −6, capped at −4;
		// 响应率 0.92 in [0.9, 0.95): −1.5; 市级表扬 1 × 2 = +2.
		// Bonus +2 (≤ 3); deduction −2 − 4 − 1.5 = −7.5 (≤ 10).
		// 88.5 + 2 − 7.5 = 83: 良好 (80 ≤ 83 < 90).
		name: "a cap binds, deductions per occurrence, a bonus",
		facts: assessment.Facts{Unit: "城管局", Base: dp("88.5"),
			Counts: map[string]int{"督办": 2, "超时": 12, "表扬": 1}, Rates: map[string]decimal.Decimal{"响应率": d("0.92")}},
		want: assessment.Result{Sheet: version, Unit: "城管局", Base: d("88.5"), Bonus: d("2"), Deduction: d("-7.5"), Points: d("83"), Grade: "good",
			Reasons: []assessment.Reason{
				{Item: 1, Name: "被督办", Fact: "督办", Count: 2, Each: items[0].Each, Points: d("-2")},
				{Item: 2, Name: "超时办结", Fact: "超时", Count: 12, Each: items[1].Each, Points: d("-4"), Capped: true},
				{Item: 3, Name: "响应率", Fact: "响应率", Rate: dp("0.92"), Band: &items[2].Bands[1], Points: d("-1.5")},
				{Item: 4, Name: "市级表扬", Fact: "表扬", Count: 1, Each: items[3].Each, Points: d("2")},
			}},
	}, {
		// 市级表扬 3 × 2 = +6, capped at +4; 响应率 1 in [0.99, 1]: +1.
		// Bonus 4 + 1 = 5, capped at 3. 91.25 + 3 = 94.25: 优秀.
		name: "the total cap on additions binds",
		facts: assessment.Facts{Unit: "住建局", Base: dp("91.25"),
			Counts: map[string]int{"表扬": 3, "督办": 0}, Rates: map[string]decimal.Decimal{"响应率": d("1")}},
		want: assessment.Result{Sheet: version, Unit: "住建局", Base: d("91.25"), Bonus: d("3"), BonusCapped: true, Points: d("94.25"), Grade: "excellent",
			Reasons: []assessment.Reason{
				{Item: 3, Name: "响应率", Fact: "响应率", Rate: dp("1"), Band: &items[2].Bands[2], Points: d("1")},
				{Item: 4, Name: "市级表扬", Fact: "表扬", Count: 3, Each: items[3].Each, Points: d("4"), Capped: true},
			}},
	}, {
		// 被督办 12 × −1 = −12; 响应率 0.85 in [0, 0.9): −3. Deduction
		// −15, capped at −10. 95 − 10 = 85, 良好 — but 重大责任事故 vetoes
		// the grade to 不合格; the points stay 85.
		name: "a veto sets the grade; the total cap on deductions binds",
		facts: assessment.Facts{Unit: "水务局", Base: dp("95"),
			Counts: map[string]int{"督办": 12, "责任事故": 1}, Rates: map[string]decimal.Decimal{"响应率": d("0.85")}},
		want: assessment.Result{Sheet: version, Unit: "水务局", Base: d("95"), Deduction: d("-10"), DeductionCapped: true, Points: d("85"), Grade: "fail",
			Reasons: []assessment.Reason{
				{Item: 1, Name: "被督办", Fact: "督办", Count: 12, Each: items[0].Each, Points: d("-12")},
				{Item: 3, Name: "响应率", Fact: "响应率", Rate: dp("0.85"), Band: &items[2].Bands[0], Points: d("-3")},
				{Item: 5, Name: "重大责任事故", Fact: "责任事故", Count: 1, Veto: items[4].Veto, Label: "不合格"},
			}},
	}, {
		// No occurrences, and a rate of 0.97 falls in no band: the base.
		name:  "nothing moves",
		facts: assessment.Facts{Unit: "安静局", Base: dp("79.99"), Rates: map[string]decimal.Decimal{"响应率": d("0.97")}},
		want:  assessment.Result{Sheet: version, Unit: "安静局", Base: d("79.99"), Points: d("79.99"), Grade: "pass"},
	}, {
		// No 响应率 to count: neither its bands nor its veto fire.
		name:  "a rate not given",
		facts: assessment.Facts{Unit: "新设局", Base: dp("0"), Counts: map[string]int{"督办": 1}},
		want: assessment.Result{Sheet: version, Unit: "新设局", Deduction: d("-1"), Points: d("-1"), Grade: "fail",
			Reasons: []assessment.Reason{{Item: 1, Name: "被督办", Fact: "督办", Count: 1, Each: items[0].Each, Points: d("-1")}}},
	},
		// 响应率 0.5 in [0, 0.9): −3. 90 − 3 = 87; 响应率过低 (0.5 < 0.6)
		// sets the points to 59: 不合格 (59 < 60).
		lowRate("a veto sets the points", "交通局", "90", "0.5", "59"),
		// A veto never raises: 40 − 3 = 37 stays below the veto's 59.
		lowRate("a veto never raises", "低分局", "40", "0.55", "37"),
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, apply(t, s, tt.facts)); diff != "" {
				t.Errorf("Apply mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestSheetApplyBelowEveryGrade: a result below every grade of the scale
// is graded with the lowest grade, as Sheet's doc says.
func TestSheetApplyBelowEveryGrade(t *testing.T) {
	s := loadSheet(t)
	s.Scale[3].Points = d("55") // 不合格 at 55: no grade at or below 50
	got := apply(t, s, assessment.Facts{Unit: "U", Base: dp("50")})
	if diff := cmp.Diff([]string{"50", "fail"}, []string{got.Points.String(), got.Grade}); diff != "" {
		t.Errorf("Apply mismatch (-want +got):\n%s", diff)
	}
}

func TestReasonString(t *testing.T) {
	s := loadSheet(t)
	got := apply(t, s, assessment.Facts{Unit: "城管局", Base: dp("88.5"),
		Counts: map[string]int{"督办": 2, "超时": 12, "表扬": 1, "责任事故": 1}, Rates: map[string]decimal.Decimal{"响应率": d("0.55")}})
	var lines []string
	for _, r := range got.Reasons {
		lines = append(lines, r.String())
	}
	want := []string{
		"被督办：督办 2 次，每次 -1 分，计 -2 分",
		"超时办结：超时 12 次，每次 -0.5 分，共 -6 分，单项封顶，计 -4 分",
		"响应率：响应率 0.55，低于 0.9，计 -3 分",
		"市级表扬：表扬 1 次，每次 +2 分，计 +2 分",
		"重大责任事故：责任事故 1 次，一票否决，等次不高于不合格",
		"响应率过低：响应率 0.55，低于 0.6，一票否决，得分不高于 59 分",
	}
	if diff := cmp.Diff(want, lines); diff != "" {
		t.Errorf("Reason.String mismatch (-want +got):\n%s", diff)
	}
	capped := assessment.Reason{Name: "x", Fact: "率", Rate: dp("0.5"), Band: &assessment.Band{From: dp("0.25"), Points: d("-8")}, Points: d("-5"), Capped: true}
	if got, want := capped.String(), "x：率 0.5，不低于 0.25，应计 -8 分，单项封顶，计 -5 分"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

// TestReasonStringLongNumbers: a capped item's uncapped total (count ×
// each) is written exactly even when it is longer than a sheet's number
// may be, and a number a hand-built Reason holds that is too long to
// write is said in Chinese, not in English inside the Chinese line.
func TestReasonStringLongNumbers(t *testing.T) {
	each := d("-0." + strings.Repeat("9", 61)) // 64 characters, as long as a sheet's number may be
	huge := decimal.New(1, 100000)
	tests := []struct {
		name string
		r    assessment.Reason
		want string
	}{
		{"a total longer than each", assessment.Reason{Name: "超时办结", Fact: "超时", Count: 1 << 30, Each: &each, Points: d("-5"), Capped: true},
			"超时办结：超时 1073741824 次，每次 " + each.String() + " 分，共 -1073741823." + strings.Repeat("9", 51) + "8926258176 分，单项封顶，计 -5 分"},
		{"each too long", assessment.Reason{Name: "x", Fact: "f", Count: 2, Each: &huge, Points: d("1"), Capped: true},
			"x：f 2 次，每次 （数字过长，从略） 分，共 （数字过长，从略） 分，单项封顶，计 +1 分"},
		{"points too long", assessment.Reason{Name: "x", Fact: "f", Count: 1, Each: dp("1"), Points: huge},
			"x：f 1 次，每次 +1 分，计 （数字过长，从略） 分"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tt.r.String()); diff != "" {
				t.Errorf("String mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSheetApplyErrors(t *testing.T) {
	s := loadSheet(t)
	fixed := *s
	fixed.Base = assessment.Base{From: assessment.FixedBase, Points: dp("100")}
	tests := []struct {
		name  string
		sheet *assessment.Sheet
		facts assessment.Facts
		want  []string
	}{
		{"unknown and misused facts", s, assessment.Facts{Unit: "城管局", Base: dp("90"),
			Counts: map[string]int{"督 办": 1, "超时": -2, "响应率": 1}, Rates: map[string]decimal.Decimal{"满意率": d("0.9"), "督办": d("0.5")}}, []string{
			`assessment: bad facts: unit "城管局": "响应率" is a rate of sheet "测试考核细则/2026", given as a count`,
			`assessment: bad facts: unit "城管局": count "督 办" is not a fact of sheet "测试考核细则/2026"`,
			`assessment: bad facts: unit "城管局": count "超时" is negative (-2)`,
			`assessment: bad facts: unit "城管局": rate "满意率" is not a fact of sheet "测试考核细则/2026"`,
			`assessment: bad facts: unit "城管局": "督办" is a count of sheet "测试考核细则/2026", given as a rate`,
		}},
		{"rates out of range", s, assessment.Facts{Unit: "u", Base: dp("90"), Rates: map[string]decimal.Decimal{"响应率": d("1.01")}}, []string{
			`assessment: bad facts: unit "u": rate "响应率" is 1.01, not a decimal from 0 to 1 of at most 64 characters`,
		}},
		{"no base", s, assessment.Facts{Unit: "u"}, []string{
			`assessment: bad facts: unit "u": no base (the 一事一评综合得分 sheet "测试考核细则/2026" starts from)`,
		}},
		{"a base for a fixed sheet", &fixed, assessment.Facts{Unit: "u", Base: dp("1")}, []string{
			`assessment: bad facts: unit "u": a base is given, but sheet "测试考核细则/2026" has the fixed base`,
		}},
		{"a result too long to write", s, assessment.Facts{Unit: "u", Base: dp(strings.Repeat("9", 64)), Counts: map[string]int{"表扬": 1}}, []string{
			`assessment: bad facts: unit "u": the result's points are longer than 64 characters`,
		}},
		{"a hostile base", s, assessment.Facts{Unit: "u", Base: &decimal.Decimal{}}, nil},
	}
	huge := decimal.New(1, 1<<30)
	tests[len(tests)-1].facts.Base = &huge
	tests[len(tests)-1].want = []string{`assessment: bad facts: unit "u": the base is longer than 64 characters`}
	// A sheet that was never validated: Apply refuses what it cannot
	// compute, wrapping ErrSheet.
	broken := *loadSheet(t)
	broken.Items = slices.Clone(broken.Items)
	broken.Items[0].Fact = "督 办"
	broken.Items[4].Veto = &assessment.Veto{Grade: "none"}
	broken.Items[5].Veto = &assessment.Veto{Points: dp("59")}
	broken.Items[1].Cap = &huge
	tests = append(tests, struct {
		name  string
		sheet *assessment.Sheet
		facts assessment.Facts
		want  []string
	}{"a sheet never validated", &broken, assessment.Facts{Unit: "u", Base: dp("90"), Counts: map[string]int{"超时": 20, "责任事故": 1},
		Rates: map[string]decimal.Decimal{"响应率": d("0.5")}}, []string{
		`assessment: bad sheet: sheet "测试考核细则/2026" items[0] "被督办" reads the unknown fact "督 办"`,
		`assessment: bad sheet: sheet "测试考核细则/2026" items[1] "超时办结": cap is longer than 64 characters`,
		`assessment: bad sheet: sheet "测试考核细则/2026" items[4] "重大责任事故": the veto's grade "none" is not on the sheet's scale`,
		`assessment: bad sheet: sheet "测试考核细则/2026" items[5] "响应率过低": a veto on a rate needs below`,
	}})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.sheet.Apply(tt.facts)
			sentinel := assessment.ErrFacts
			if tt.sheet == &broken {
				sentinel = assessment.ErrSheet
			}
			if diff := cmp.Diff(assessment.Result{}, got); diff != "" {
				t.Errorf("a refused Apply returned a result (-want +got):\n%s", diff)
			}
			checkErr(t, "Apply", err, sentinel, tt.want)
		})
	}
}

// TestSheetSaveLoad: a sheet written as JSON loads back equal, and writes the
// same bytes.
func TestSheetSaveLoad(t *testing.T) {
	s := loadSheet(t)
	back, a := saveLoad(t, s)
	if diff := cmp.Diff(s, back); diff != "" {
		t.Errorf("LoadSheet(its JSON) mismatch (-want +got):\n%s", diff)
	}
	var b bytes.Buffer
	if err := jsonx.Indent(&b, back); err != nil || !bytes.Equal(a, b.Bytes()) {
		t.Errorf("its JSON is not stable: %v\n%s\n%s", err, a, b.Bytes())
	}
}

// TestSheetItemOrder: the order of a valid sheet's items changes only the
// order of the reasons, never a figure — bands are disjoint, caps are per
// item, the total caps bound sums, and the lowest veto wins whatever its
// place.
func TestSheetItemOrder(t *testing.T) {
	s := benchSheet(t)
	units := benchUnits(100)
	rng := rand.New(rand.NewPCG(7, 13))
	for round := range 3 {
		shuffled := *s
		shuffled.Items = slices.Clone(s.Items)
		rng.Shuffle(len(shuffled.Items), func(i, j int) { shuffled.Items[i], shuffled.Items[j] = shuffled.Items[j], shuffled.Items[i] })
		for _, f := range units {
			want, got := apply(t, s, f), apply(t, &shuffled, f)
			byName := func(a, b assessment.Reason) int { return strings.Compare(a.Name, b.Name) }
			slices.SortFunc(want.Reasons, byName)
			slices.SortFunc(got.Reasons, byName)
			ignoreNumber := cmpopts.IgnoreFields(assessment.Reason{}, "Item")
			if diff := cmp.Diff(want, got, ignoreNumber); diff != "" {
				t.Fatalf("round %d, unit %s: shuffled items mismatch (-want +got):\n%s", round, f.Unit, diff)
			}
		}
	}
}

// TestSheetConcurrent: one sheet applied from several goroutines at once
// gives each the result it gives alone (go test -race checks what they
// share).
func TestSheetConcurrent(t *testing.T) {
	s := benchSheet(t)
	units := benchUnits(hardening.Each)
	want := make([]assessment.Result, len(units))
	for i, f := range units {
		want[i] = apply(t, s, f)
	}
	hardening.Concurrently(t, "Apply", func(g, i int) {
		got, err := s.Apply(units[i])
		if err != nil || !cmp.Equal(want[i], got) {
			t.Errorf("goroutine %d, unit %d: %v, %v", g, i, got, err)
		}
	})
}

// TestSheetApplyCapsNotPositive: a sheet never validated whose caps are
// not positive is refused, as Validate refuses it, rather than applied: a
// maxDeduction of −5 made a deduction of −10 a bonus of +5 (Result's
// Deduction is never above 0), a maxBonus of −5 made +4 a deduction, and
// an item's cap of 0 bound nothing.
func TestSheetApplyCapsNotPositive(t *testing.T) {
	s := handSheet("-5", "-5")
	s.Items[1].Cap = dp("0")
	got, err := s.Apply(assessment.Facts{Unit: "住建局", Base: dp("73.75"), Counts: map[string]int{"督办": 1, "表扬": 3}})
	if diff := cmp.Diff(assessment.Result{}, got); diff != "" {
		t.Errorf("a refused Apply returned a result (-want +got):\n%s", diff)
	}
	checkErr(t, "Apply", err, assessment.ErrSheet, []string{
		`assessment: bad sheet: sheet "hand/2020" items[1] "市级表扬" has the cap 0: a cap is a positive number of points`,
		`assessment: bad sheet: sheet "hand/2020": maxBonus is -5: a cap is a positive number of points`,
		`assessment: bad sheet: sheet "hand/2020": maxDeduction is -5: a cap is a positive number of points`,
	})
}

// TestSheetApplyBadCapWhateverTheFacts: a sheet never validated whose
// item has a cap that is not a positive number of points, or one too long
// to compute with, is refused whatever the unit's facts, as its unknown
// facts and its vetoes' grades off the scale are: it was refused only for
// a unit the item moved points for, and applied to the others, so that
// one sheet graded some units and refused the rest.
func TestSheetApplyBadCapWhateverTheFacts(t *testing.T) {
	huge := decimal.New(1, 1<<30)
	for _, tt := range []struct {
		cap  *decimal.Decimal
		want string
	}{
		{dp("0"), `assessment: bad sheet: sheet "hand/2020" items[1] "市级表扬" has the cap 0: a cap is a positive number of points`},
		{dp("-4"), `assessment: bad sheet: sheet "hand/2020" items[1] "市级表扬" has the cap -4: a cap is a positive number of points`},
		{&huge, `assessment: bad sheet: sheet "hand/2020" items[1] "市级表扬": cap is longer than 64 characters`},
	} {
		s := handSheet("", "")
		s.Items[1].Cap = tt.cap
		for _, praised := range []int{0, 3} {
			got, err := s.Apply(assessment.Facts{Unit: "住建局", Base: dp("73.75"), Counts: map[string]int{"表扬": praised}})
			if diff := cmp.Diff(assessment.Result{}, got); diff != "" {
				t.Errorf("praised %d, refused for %s: Apply returned a result (-want +got):\n%s", praised, tt.want, diff)
			}
			checkErr(t, "Apply", err, assessment.ErrSheet, []string{tt.want})
		}
	}
}

// TestSheetApplyLongNumbersWhateverTheFacts: a sheet never validated whose
// item counts with an each, or bands a rate with a number, too long to
// compute with is refused whatever the unit's facts, as a bad cap is
// (TestSheetApplyBadCapWhateverTheFacts): it was refused only for a unit
// that had the item's fact, and a band after the one the rate fell in was
// never looked at, so that one sheet graded some units and refused the
// rest.
func TestSheetApplyLongNumbersWhateverTheFacts(t *testing.T) {
	huge := decimal.New(1, 1<<30)
	at := `assessment: bad sheet: sheet "hand/2020" `
	for _, tt := range []struct {
		name  string
		spoil func(s *assessment.Sheet)
		want  []string
	}{
		{"each", func(s *assessment.Sheet) { s.Items[0].Each = &huge },
			[]string{at + `items[0] "被督办": each is longer than 64 characters`}},
		{"a band's points", func(s *assessment.Sheet) { s.Items[2].Bands[0].Points = huge },
			[]string{at + `items[2] "响应率": a band's points is longer than 64 characters`}},
		{"a band's below", func(s *assessment.Sheet) { s.Items[2].Bands[0].Below = &huge },
			[]string{at + `items[2] "响应率": a band's below is longer than 64 characters`}},
		{"a later band's from and points", func(s *assessment.Sheet) {
			s.Items[2].Bands = append(s.Items[2].Bands, assessment.Band{From: &huge, Points: huge})
		}, []string{
			at + `items[2] "响应率": a band's points is longer than 64 characters`,
			at + `items[2] "响应率": a band's from is longer than 64 characters`,
		}},
	} {
		for _, facts := range []struct {
			what   string
			counts map[string]int
			rates  map[string]decimal.Decimal
		}{
			{"no facts", nil, nil},
			{"its facts", map[string]int{"督办": 1}, map[string]decimal.Decimal{"响应率": d("0.5")}},
		} {
			s := handSheet("", "")
			tt.spoil(s)
			got, err := s.Apply(assessment.Facts{Unit: "住建局", Base: dp("73.75"), Counts: facts.counts, Rates: facts.rates})
			if diff := cmp.Diff(assessment.Result{}, got); diff != "" {
				t.Errorf("%s, %s: Apply returned a result (-want +got):\n%s", tt.name, facts.what, diff)
			}
			checkErr(t, tt.name+", "+facts.what+": Apply", err, assessment.ErrSheet, tt.want)
		}
	}
}
