package scoring

// Matter returns the evaluations of one matter as they count, and the
// amendments made to them:
//
//   - each evaluation with the Result of the amendment that counts, if it
//     was amended (see [Amendment]), and otherwise as recorded; its At is
//     still when it was made, which decides the period it counts in (see
//     [Book.Scores]). They are ordered by At, then Stage, Subject and
//     Evaluator: the order in which a matter's history graded them, the
//     stages of a long matter first.
//   - the matter's amendments, ordered as [Book.Amendments] orders them:
//     by the matter, subject, evaluator and stage of the evaluation
//     corrected, then from the earliest to the latest.
//
// Times are in China Standard Time. A matter the book does not hold, and
// a nil book, give nothing. Matter reads only the matter's evaluations
// and amendments: its time grows with them, not with the book.
func (b *Book) Matter(id string) ([]Evaluation, []Amendment) {
	if b == nil {
		return nil, nil
	}
	b.mu.Lock()
	es, as := b.l.Matter(id)
	b.mu.Unlock()
	var evals []Evaluation
	for i := range es {
		evals = append(evals, evaluationOf(&es[i]))
	}
	var amends []Amendment
	for i := range as {
		amends = append(amends, amendmentOf(&as[i]))
	}
	return evals, amends
}
