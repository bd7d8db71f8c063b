// Package grading answers "who is graded, when, and by what" for the
// matters of package matters: from a matter's history, the governance
// matter list its dispatch followed (a [matters.Catalog]) and an
// evaluator, the evaluations and amendments the history calls for, ready
// for a scoring.Book and a journal.
//
// The rules of [New]'s grader, which the wuhu example and a reference
// service share:
//
//   - each Progress (分时段) by the owner — its staged evaluation
//     (分时段评价), which it may give whenever it chooses once the matter is
//     dispatched — grades every unit on the matter, the lead then the support units in
//     the order of the dispatch, on the matter as far as that event,
//     whether or not they accepted: a lead that neither accepts nor
//     resolves is graded on the clock run so far, rather than never;
//   - each Progress by the platform of a matter it reported for an owner
//     grades the owner, by the platform, on the matter as far as that
//     event, whether or not the owner dispatched it: an owner that sits
//     on a hotline's matter is graded too, and one that leaves a resolved
//     matter unclosed;
//   - a stage's facts are never Final, even on a resolved matter: the
//     book keeps a stage under its Stage, and the Close's final
//     evaluation after it (scoring.Facts.Evaluation);
//   - the Close (结案) grades every unit on the matter — the lead of its
//     latest dispatch, then the support units in the order of the dispatch
//     (not a unit whose return, 退单, was approved: the approver let it
//     off the matter, and only a stage graded before kept its grade) —
//     and, for a matter a platform (a hotline such as 12345) reported for
//     its owner, the owner, graded by the platform, however the owner came
//     to close it: after a dispatch, without one, or after approving its
//     lead's return (退单) without a new one;
//   - a Feedback (回访) after the Close whose answer changes the one the
//     grades at the Close stand on — a citizen not satisfied after all, or
//     a correction of such an answer — amends each of those grades, with
//     the facts as far as that Feedback.
//
// Nothing else calls for a grade: a matter its owner reported and closed
// without a dispatch (no platform grades that owner), a Resolve (a matter may still be reopened), an urging, a supervision or a
// reply after the Close (they count in an amendment's facts, when a
// Feedback calls for one), and a Progress by a dispatched unit — the lead
// reporting a stage done counts in the matter's Stage but grades no one.
// A stage is graded when the grader chooses, never when the graded does:
// a book scores a matter as the mean of its stages and its final
// evaluation, so a lead graded at each Progress of its own could pick the
// moments its clocks look best, as often as it liked, and outweigh a late
// resolution. A host with other rules implements [Grader] itself, or
// wraps this one.
//
// The facts are [scoring.FactsFor]'s, completed by the host's
// [Config.Judge] (the sub-district's judgement of quality, say), and graded
// by [Config.Evaluator]. A dispatched unit is held to the route its
// dispatch followed ([matters.Catalog.RouteOf]); the owner of a platform's
// matter to the route for the matter's type in the governance matter list
// in force when the platform reported it ([matters.Catalog.At]), whether
// and whenever the owner dispatched it: the graded owner does not choose
// its limits by the timing of its own dispatch. Grading a
// matter event by event, as a live host does after each event it applies,
// gives the same grades in the same order as grading its whole history at
// once, as a host rebuilding its state does.
//
// # Performance
//
// Grade replays the matter's history from its first event, whatever
// after is, and reads the facts of each grade off the history up to its
// event: its time grows with the events of one matter and the grades they
// call for. A host that grades after every event of a matter of n events
// replays n²/2 events in all, a few thousand for a long matter.
//
// # Errors
//
// A grader reports, naming the matter and the event, the errors of the
// history ([matters.Replay]'s), of the route (matters.ErrNoRoute,
// matters.ErrNoRevision; for the owner of a platform's matter, no list in
// force at the Report, or one that does not route the matter's type: the
// grade fails, naming the owner, rather than fall back on another route —
// [matters.Catalog.Apply] refuses such a Report), of the facts (scoring.ErrInvalid,
// workday.ErrOutOfRange) and of the evaluator (scoring.ErrRefused,
// scoring.ErrNoRule, or the host's), wrapped so that errors.Is finds
// them. A range of events outside the matter's history wraps [ErrRange].
// A nil calendar or matter is a programmer's error and panics, as does a
// Config without a catalog or an evaluator.
package grading
