// Package matters models the work of a sub-district (街道) and the matters
// it whistles: what work it may take on, who answers each kind of matter,
// and each matter's lifecycle as a history of events.
//
// # Admission (事项准入)
//
// A sub-district's work is bounded by three lists, each a [List]: 权责清单
// (powers and duties, [Duties]), 公共服务清单 (public services, [Services])
// and 其他工作事项清单 (other work, [OtherWork]). [Admission.Admit] decides a
// [Request]: listed work is admitted, unlisted work only with an admission
// approval (准入审批, [Approval]), and work the admission excludes never:
// the reform's exclusions, 招商引资 and 协税护税, are [DefaultExclusions],
// which an admission applies when its Excluded holds them (the zero
// Admission excludes nothing). A [Catalog] applies them under its
// admission's own exclusions: [Catalog.Validate] reports excluded work on
// the lists by them, and a sub-district's return ([Catalog.SendBack])
// reads them. Every [Decision] says why.
//
// # The governance matter list (基层治理事项清单)
//
// A [Directory] routes each matter type to a lead unit and support units,
// with a response limit in working time and a resolution limit in working
// days ([Route]); an unlisted type is [ErrNoRoute].
//
// # The whistle lifecycle (吹哨报到)
//
// A [Matter] is rebuilt from its history of [Event] values (event
// sourcing): reported (上报), whistled (吹哨) by the owning sub-district,
// dispatched (派单) to the units its route names — several units make it
// coordinated (统筹) — accepted (应哨/报到) by them, resolved in stages
// (分时段) and resolved (办结), reopened, closed (结案), replied to (答复)
// and surveyed (回访). [Matter.Apply] enforces the order, the transitions
// and who may act, and leaves the matter unchanged when it refuses an
// event; [Replay] rebuilds a matter exactly. A city hotline such as 91580
// may report a matter for a sub-district, and is then the matter's
// platform, or report one for itself and dispatch it to a department
// without a whistle: the two directions of two-way dispatch (双向派单).
//
// # Requests, approvals and supervision
//
// The unit being graded does not control its own clock. A suspension
// (挂起), an extension of the resolution deadline (延期) and a return (退单)
// are requests: they take effect only when approved by the owner, or by
// the platform that reported the matter, with the approver and the reason
// on record; a denial leaves the clock running, and so does a request
// while it waits. The owner of a matter a platform reported is graded by
// the platform and approves its lead's requests: those stop and move the
// lead's clock, never the owner's own ([Matter.RunningFor],
// [Matter.ExtendedDaysFor]); only the platform's approvals stop the
// owner's. The owner urges its units (催办), the platform the owner, and
// a supervising body above them supervises (督办); an urging or a
// supervision presses the units it names (its Units: dispatched units
// still on the matter, the owner of a platform's matter), or every unit
// on the matter where it names none, as they all did before they could
// name any, and package scoring counts it against those alone.
// [Catalog.Due] says which urgings and supervisions the clocks call for
// at an instant — the lead's and, on a platform's matter, the owner's own
// from the Report, before its dispatch and after, so that no approval of
// the owner's switches off the urging and supervision of the owner's own
// delay, and what the owner's clock alone calls for while units are on
// the matter names the owner, so that departments on time on their own
// clocks are not graded down for the sub-district's delay. Who may do what, from which states — O is
// the Owner, P the Platform, S the Supervisor, L the Lead, U a dispatched
// unit (the lead or a support unit), "suspended" a matter whose approved
// suspension has not been resumed, "waiting" one with a request awaiting
// its decision:
//
//	kind       code       by                               from                                        effect
//	上报        report     anyone                           a new matter                                → reported; P if reported for another
//	吹哨        whistle    O                                reported                                    → whistled
//	派单        dispatch   O                                reported, whistled; not waiting              → dispatched (units never O, P or S)
//	应哨        accept     U, once per dispatch             dispatched, accepted; support: also resolved  the lead's: → accepted
//	退单        return     U; O of a matter with P           dispatched, accepted (L: not suspended); O: reported, whistled; not waiting   a request
//	挂起        suspend    L, O, P                          dispatched, accepted; not suspended, not waiting   a request
//	延期        extend     L, O, P                          dispatched, accepted; not waiting             a request for Days working days
//	批准        approve    a U's request: O, P; O's: P (O if no P); P's: P   waiting, where the request still applies   the request takes effect
//	驳回        deny       as approve                       waiting                                     the request lapses; the clock runs on
//	恢复        resume     L, O, P                          dispatched, accepted; suspended             the clock runs
//	分时段      progress   U, O, P                          U: accepted, not suspended; O: dispatched, accepted; P: reported to resolved   stage + 1
//	办结        resolve    L                                accepted; not suspended                     → resolved
//	重办        reopen     O, P                             resolved                                    → accepted
//	结案        close      O                                resolved, reported; not waiting              → closed
//	回访        feedback   P; O if no P                     resolved, closed                            a second answer names the first (ref) and says why
//	催办        urge       O, P                             dispatched, accepted; P: also reported, whistled   — (units: whom it presses, U or O of a matter with P; none: all)
//	督办        supervise  S; if none, any unit but O, P, U  dispatched, accepted, resolved, closed; with P also reported, whistled   the first records S (units as urge)
//	答复        reply      L, O                             dispatched, accepted, resolved, closed       —
//
// [Matter.Apply] is a pure state machine over a matter's own history.
// [Catalog.Apply] adds what needs the lists in force and the calendar: a
// matter type the governance matter list does not route ([ErrNoRoute]), a
// dispatch off its route without the owner's reason ([ErrOffRoute]), an
// instant the calendar does not cover (workday.ErrOutOfRange), a reopening
// beyond the catalog's limit, a sub-district's return of work that its
// admission lists hold, and a Report that would make a unit on the
// register a grader it may not be — a department owning a matter, or any
// unit on the register reporting for another — or a unit on the register
// a matter's supervisor ([ErrActor]).
//
// # Deadlines and summaries
//
// With a [workday.Calendar], a matter knows its due times
// ([Matter.Deadlines]), how far its clocks have run at an instant with
// warnings at 50% and 75% of a limit ([Matter.Status]), and the working
// time from its dispatch to any event less the time of approved
// suspensions ([Matter.Elapsed], [Matter.Running]), which grading builds
// on; approved extensions move the resolution due time
// ([Matter.ExtendedDays]). The calendar comes first
// in each of these methods, as a context does, and must not be nil: which
// calendar was meant is the caller's decision, so a nil calendar panics
// naming the method, as "matters: Matter.Deadlines: nil *workday.Calendar".
// [Summarize] counts matters
// received (whistled, assigned by a hotline, or reported by a hotline for
// a sub-district), resolved, surveyed, satisfied,
// urged and supervised, with the rates computed exactly and rounded half
// up to 4 places.
//
// # Key tasks (重点任务)
//
// A [KeyTask] names a lead unit and support units for each of its
// functions; [KeyTasks.For] lists what a unit leads or supports.
//
// # The catalog: every list checked against the others
//
// A [Catalog] holds the lists of one jurisdiction in force together: the
// [accountability.Register] of its units, powers and responsibilities, the
// governance matter list, the admission lists and the key tasks.
// [Catalog.Validate] checks what no list can check alone — that every unit
// a list names is a unit of the register, that a route rests on a
// responsibility whose unit or boundary department leads it, that an
// admission item is on the power or responsibility list, that no list
// holds excluded work, that a route's resolution limit is within the
// promised limits of the powers behind it — and reports findings in
// English and in Chinese.
//
// Each list revision carries a Version and an [accountability.Adoption]:
// its effective date, its status (draft → approved → published) and who
// approved it when. [Catalog.At] says which revision of each list was in
// force at an instant (a list without revisions is always in force). A [Dispatch] event records the Version of the
// governance matter list it followed ([Directory.Dispatch] fills it in),
// and [Catalog.RouteOf] returns the route of that revision, so that a
// matter is graded and regraded by the route it was dispatched under,
// never by today's. The catalog's [Supervision] settings — the
// jurisdiction's supervisor, escalation, the time for the return visit,
// the reopening limit, how long the suspensions of a dispatch may last and how many days its extensions may add — drive [Catalog.Apply], [Catalog.Due],
// [Catalog.FeedbackLate] and [Catalog.SendBack], which hands a
// sub-district's unlisted work back with the admission decision as its
// reason. [DiffDirectory] and [DiffAdmission] list what changed
// between two revisions. [LoadCatalog], [LoadDirectory] and
// [LoadAdmission] read the lists' JSON strictly and within a size bound.
//
// # Time
//
// One rule for every time the package hands back: it is in China Standard
// Time ([workday.CST]), the zone in which the calendar reads civil dates,
// whatever zone the caller gave — the same instant. [Matter.Apply] keeps an
// event's time so (and no empty Units, nil instead), so a matter rebuilt
// from its events — by [Replay], or from a journal whose JSON wrote the
// times in UTC — is deeply equal to the live one; due times, statuses and
// the events [Catalog.Due] returns follow. Package scoring's book gives its
// times back in the same zone.
//
// # Encoding
//
// The data a host exchanges — lists, directories, key tasks, catalogs,
// events, matters, and the decisions, deadlines, statuses and summaries
// computed from them — round-trips through encoding/json with
// lowerCamelCase names; [EventError], an error, has no JSON form. Enumerations ([List],
// [Kind], [State], [Alert], [Role]) marshal as their codes and parse the
// code or the Chinese label; their zero value means "not set" and is
// omitted. Durations are Go duration strings ("4h0m0s"), rates decimal
// strings in their shortest exact form ("0.8298"), times RFC 3339. The
// types with a JSON form of their own ([Route], [Clock], [Deadlines],
// [Summary]) refuse fields they do not have, and a Summary refuses figures
// that contradict each other, as indicators' Rates and Ratio do.
//
// The package imports accountability, for the register the lists refer
// to, and matters/workday, and no other package of this module but its
// internal plumbing. Nothing
// in it logs or keeps mutable global state. Input — events, JSON, routes —
// never makes it panic; misuse may: a nil calendar, or a method called on
// a nil *Matter or *Catalog. A nil *Directory or *Admission is an empty
// one, as in a Catalog, and a method called on it does not panic.
//
// # Performance
//
// [Catalog.Due] reads each matter once, from its latest event back to its
// latest dispatch (a platform's matter once more from its Report, for its
// owner's clock), with a few constant-time calendar lookups, and indexes
// each revision's routes once per scan: a scan of 1,000,000 open matters
// takes about 0.25–0.4 s on one core, and 1–1.8 s in all when it finds
// two million events or more due at once and builds them (BenchmarkDue;
// the README gives the figures). [Catalog.Apply] adds to
// [Matter.Apply] a lookup of the list in force and of the route.
package matters
