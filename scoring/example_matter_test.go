package scoring_test

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/qingdan/qingdan/scoring"
)

// A host shows one matter's grades as they count: the amendment made after
// an unsatisfied return visit replaces the grade it corrects.
func ExampleBook_Matter() {
	at := time.Date(2020, 6, 5, 17, 0, 0, 0, cst)
	book := scoring.NewBook(nil)
	for _, e := range []scoring.Evaluation{
		{Matter: "2020-0001", Subject: "城管局", Evaluator: "镜湖街道", Stage: 1, At: at.AddDate(0, 0, -2),
			Result: scoring.Result{Grade: "good", Points: decimal.NewFromInt(85)}},
		{Matter: "2020-0001", Subject: "城管局", Evaluator: "镜湖街道", Stage: 2, At: at,
			Result: scoring.Result{Grade: "excellent", Points: decimal.NewFromInt(100)}},
	} {
		if err := book.Record(e); err != nil {
			fmt.Println(err)
			return
		}
	}
	err := book.Amend(scoring.Amendment{
		Evaluation: scoring.Evaluation{Matter: "2020-0001", Subject: "城管局", Evaluator: "镜湖街道", Stage: 2, At: at.AddDate(0, 0, 1),
			Result: scoring.Result{Grade: "fair", Points: decimal.NewFromInt(70)}},
		Author: "镜湖街道", Reason: "回访：不满意",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	evals, amends := book.Matter("2020-0001")
	for _, e := range evals {
		fmt.Println(e.At.Format("01-02 15:04"), e.Subject, "stage", e.Stage, e.Result.Grade, e.Result.Points)
	}
	for _, a := range amends {
		fmt.Println("amended", a.At.Format("01-02 15:04"), "by", a.Author, "for", a.Reason)
	}
	// The book holds one evaluation per matter, subject, evaluator and
	// stage: a host indexes them by those four.
	type key struct {
		matter, subject, evaluator string
		stage                      int
	}
	byKey := map[key]scoring.Evaluation{}
	for _, e := range book.Evaluations() {
		byKey[key{e.Matter, e.Subject, e.Evaluator, e.Stage}] = e
	}
	fmt.Println("as recorded:", byKey[key{"2020-0001", "城管局", "镜湖街道", 2}].Result.Grade)
	// Output:
	// 06-03 17:00 城管局 stage 1 good 85
	// 06-05 17:00 城管局 stage 2 fair 70
	// amended 06-06 17:00 by 镜湖街道 for 回访：不满意
	// as recorded: excellent
}

// A period from a query string: a year, a month, a day or an ISO week.
func ExampleParsePeriod() {
	for _, s := range []string{"2020", "2020-06", "2020-06-01", "2020-W23", "2021-W53"} {
		p, err := scoring.ParsePeriod(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(s, p.From.Format("2006-01-02"), "to", p.To.Format("2006-01-02"))
	}
	// Output:
	// 2020 2020-01-01 to 2021-01-01
	// 2020-06 2020-06-01 to 2020-07-01
	// 2020-06-01 2020-06-01 to 2020-06-02
	// 2020-W23 2020-06-01 to 2020-06-08
	// scoring: invalid: period "2021-W53": 2021 has no week 53; want 2020, 2020-06, 2020-06-01 or 2020-W23
}
